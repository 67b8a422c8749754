package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call, e-mail, meeting, visit, demo or proposal, logged against an account and possibly one of its deals. */
@Entity
@Table(name = "activities")
public class Activity extends PanacheEntityBase {
    /** The kinds of activity, as the API and the database name them. */
    public static final List<String> TYPES = List.of("call", "email", "meeting", "visit", "demo", "proposal");
    /** {@link #TYPES} as a validation pattern. */
    public static final String TYPE_PATTERN = "call|email|meeting|visit|demo|proposal";

    @Id
    public UUID id;
    public UUID workspaceId;
    public String type;
    public String subject;
    public String notes;
    public String outcome;
    public Instant occurredAt;
    public UUID ownerId;
    /** Always set: the deal's account when the activity is on a deal. */
    public UUID accountId;
    public UUID opportunityId;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
