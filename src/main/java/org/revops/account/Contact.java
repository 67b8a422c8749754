package org.revops.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "contacts")
public class Contact extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public UUID accountId;
    public String name;
    public String email;
    public String phone;
    public String title;
    public String externalId;
    public String externalSource;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
