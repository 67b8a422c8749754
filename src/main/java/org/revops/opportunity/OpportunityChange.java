package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One changed field of a deal: a row of its history, written in the transaction of the change. */
@Entity
@Table(name = "opportunity_history")
public class OpportunityChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID workspaceId;
    public UUID opportunityId;
    public String action;
    public String field;
    public String fromValue;
    public String toValue;
    public UUID fromStageId;
    public UUID toStageId;
    public UUID changedBy;
    public Instant changedAt;
}
