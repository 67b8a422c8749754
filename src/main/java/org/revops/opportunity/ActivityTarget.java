package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** "Five visits a week": how many of one metric a user should reach per week or per month. */
@Entity
@Table(name = "activity_targets")
public class ActivityTarget extends PanacheEntityBase {
    /** The activity types, then {@code signing}: deals won. */
    public static final List<String> METRICS = List.of("call", "email", "meeting", "visit", "demo", "proposal",
            "signing");
    public static final String METRIC_PATTERN = "call|email|meeting|visit|demo|proposal|signing";
    public static final String PERIOD_PATTERN = "week|month";

    @Id
    public UUID id;
    public UUID workspaceId;
    public UUID userId;
    /** {@code week} or {@code month}: the kind of period the target applies to, every such period. */
    public String period;
    public String metric;
    public int target;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
