package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "pipelines")
public class Pipeline extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String name;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
