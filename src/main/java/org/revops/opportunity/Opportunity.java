package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "opportunities")
public class Opportunity extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID workspaceId;
    public String name;
    public UUID accountId;
    public UUID primaryContactId;
    public UUID ownerId;
    public UUID pipelineId;
    public UUID stageId;
    public BigDecimal amount;
    public String currency;
    public LocalDate closeDate;
    /** Set by a person; null means the stage's probability applies. */
    public BigDecimal probabilityOverride;
    /** Set by a person; null means the stage's forecast category applies. */
    public String forecastCategoryOverride;
    public String nextStep;
    public String source;
    /** The campaign of the lead the deal was converted from (or set by a person). */
    public String campaign;
    /** The lead the deal was converted from; written by the conversion only. */
    public UUID leadId;
    public String externalId;
    public String externalSource;
    /** When the deal entered its current stage: the clock of "days in stage" and of stalling. */
    public Instant stageEnteredAt;
    /** How often the close date moved later. */
    public int closeDatePushes;
    /** A grade set by a person; null means the computed grade applies. */
    public String gradeOverride;
    /** A territory set by hand; null: the deal follows its account's territory. */
    public UUID territoryId;
    /**
     * Written only by {@link ActivityService}, with one UPDATE in the transaction of each activity change; never by
     * this entity, so that a concurrent edit of the deal cannot put back a value it read before.
     */
    @Column(insertable = false, updatable = false)
    public Instant lastActivityAt;
    public Instant closedAt;
    public UUID closeReasonId;
    public String competitor;
    public String closeNotes;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
