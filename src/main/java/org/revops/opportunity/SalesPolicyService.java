package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.SalesPolicyDtos.CadenceDays;
import org.revops.opportunity.SalesPolicyDtos.SalesPolicyInput;
import org.revops.opportunity.SalesPolicyDtos.SalesPolicyView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.Rows;
import org.revops.platform.security.Caller;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's sales policy: grading thresholds and matrix, follow-up cadence per grade and the inactivity stall
 * rule. Everyone in the workspace reads it; admins change it. Grades, follow-ups and stalls are derived on every read
 * of a deal (see {@link OpportunityQueries#SELECT}), so a change applies to every deal at once.
 */
@ApplicationScoped
public class SalesPolicyService {
    private static final String SELECT = """
            SELECT grade_a_amount, grade_b_amount, grade_a_probability, grade_b_probability, grade_matrix,
                   cadence_a_days, cadence_b_days, cadence_c_days, inactivity_stall_days, updated_at, version
            FROM sales_policies WHERE workspace_id = $1""";

    private final Db db;
    private final MergePatch mergePatch;
    private final Clock clock;

    public SalesPolicyService(Db db, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** The caller's workspace policy; every role may read it. */
    public Uni<SalesPolicyView> get(Caller caller) {
        return db.query(SELECT, Tuple.of(caller.workspaceId()))
                .map(rows -> Rows.single(rows, SalesPolicyService::toView, "Sales policy"));
    }

    /**
     * Merge-patches the policy (admin only). Beyond the field ranges: gradeBAmount &le; gradeAAmount,
     * gradeBProbability &le; gradeAProbability, and the matrix is three rows of three letters A, B or C. All of
     * these failures are reported together as one 422, and nothing is written.
     */
    public Uni<SalesPolicyView> update(Caller caller, Long expectedVersion, JsonNode patch) {
        caller.requireAdmin();
        return Audited.transaction(() -> Panache.getSession()
                        .flatMap(session -> session.find(SalesPolicy.class, caller.workspaceId()))
                        .onItem().ifNull().failWith(() -> ApiProblem.notFound("Sales policy"))
                        .map(policy -> {
                            Versions.check(expectedVersion, policy.version);
                            SalesPolicyInput merged = mergePatch.apply(toInput(policy), patch, SalesPolicyInput.class)
                                    .value();
                            check(merged);
                            apply(policy, merged);
                            return policy;
                        }))
                .flatMap(saved -> get(caller));
    }

    private static void check(SalesPolicyInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.gradeBAmount().compareTo(in.gradeAAmount()) > 0) {
            errors.add(new FieldError("gradeBAmount", "must not be above gradeAAmount ("
                    + in.gradeAAmount().stripTrailingZeros().toPlainString() + ")"));
        }
        if (in.gradeBProbability().compareTo(in.gradeAProbability()) > 0) {
            errors.add(new FieldError("gradeBProbability", "must not be above gradeAProbability ("
                    + in.gradeAProbability().stripTrailingZeros().toPlainString() + ")"));
        }
        errors.addAll(GradeMatrix.problems("gradeMatrix", in.gradeMatrix()));
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private void apply(SalesPolicy policy, SalesPolicyInput in) {
        policy.gradeAAmount = in.gradeAAmount();
        policy.gradeBAmount = in.gradeBAmount();
        policy.gradeAProbability = in.gradeAProbability();
        policy.gradeBProbability = in.gradeBProbability();
        policy.gradeMatrix = GradeMatrix.letters(in.gradeMatrix());
        policy.cadenceADays = in.cadenceDays().A();
        policy.cadenceBDays = in.cadenceDays().B();
        policy.cadenceCDays = in.cadenceDays().C();
        policy.inactivityStallDays = in.inactivityStallDays();
        policy.updatedAt = clock.instant();
    }

    private static SalesPolicyInput toInput(SalesPolicy p) {
        return new SalesPolicyInput(p.gradeAAmount, p.gradeBAmount, p.gradeAProbability, p.gradeBProbability,
                GradeMatrix.rows(p.gradeMatrix), new CadenceDays(p.cadenceADays, p.cadenceBDays, p.cadenceCDays),
                p.inactivityStallDays);
    }

    private static SalesPolicyView toView(Row row) {
        return new SalesPolicyView(row.getBigDecimal("grade_a_amount"), row.getBigDecimal("grade_b_amount"),
                row.getBigDecimal("grade_a_probability"), row.getBigDecimal("grade_b_probability"),
                GradeMatrix.rows(row.getString("grade_matrix")),
                new CadenceDays(row.getInteger("cadence_a_days"), row.getInteger("cadence_b_days"),
                        row.getInteger("cadence_c_days")),
                row.getInteger("inactivity_stall_days"), row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
