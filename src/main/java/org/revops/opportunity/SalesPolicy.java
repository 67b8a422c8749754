package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace's sales policy: one row per workspace, keyed by the workspace itself (created with it). Column names
 * are explicit because the naming strategy cannot split {@code gradeAAmount} into {@code grade_a_amount}.
 */
@Entity
@Table(name = "sales_policies")
public class SalesPolicy extends PanacheEntityBase {
    @Id
    @Column(name = "workspace_id")
    public UUID workspaceId;
    @Column(name = "grade_a_amount")
    public BigDecimal gradeAAmount;
    @Column(name = "grade_b_amount")
    public BigDecimal gradeBAmount;
    @Column(name = "grade_a_probability")
    public BigDecimal gradeAProbability;
    @Column(name = "grade_b_probability")
    public BigDecimal gradeBProbability;
    /** Nine letters, row by row: value level (high, medium, low) × intent level (high, medium, low). */
    @Column(name = "grade_matrix")
    public String gradeMatrix;
    @Column(name = "cadence_a_days")
    public int cadenceADays;
    @Column(name = "cadence_b_days")
    public int cadenceBDays;
    @Column(name = "cadence_c_days")
    public int cadenceCDays;
    /** Null turns the inactivity rule off. */
    @Column(name = "inactivity_stall_days")
    public Integer inactivityStallDays;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
