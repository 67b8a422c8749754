package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Why deals are won or lost: a workspace-editable list, retired with {@code active = false} once used. */
@Entity
@Table(name = "close_reasons")
public class CloseReason extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String name;
    /** {@code won}, {@code lost} or {@code both}: the outcomes a close may give this reason for. */
    public String appliesTo;
    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
