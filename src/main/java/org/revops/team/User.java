package org.revops.team;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String name;
    public String email;
    public String role;
    public UUID managerId;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
