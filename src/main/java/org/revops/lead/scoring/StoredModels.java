package org.revops.lead.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import org.revops.lead.scoring.ScoringDtos.CriterionInput;
import org.revops.lead.scoring.ScoringDtos.CriterionView;
import org.revops.lead.scoring.ScoringDtos.ScoringModelInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelView;
import org.revops.lead.scoring.ScoringDtos.Thresholds;
import org.revops.platform.error.ApiProblem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a model travels between the API, the compiler and {@code scoring_models}: the stored {@code criteria} are the
 * compiled criteria as the API shows them (with their points), so a stored model compiles again to the same model.
 */
final class StoredModels {
    static final String COLUMNS = """
            m.id, m.name, m.description, m.state, m.number, m.criteria::text AS criteria, m.threshold_a, m.threshold_b,
            m.threshold_c, m.cloned_from_id, m.published_at, m.published_by, m.retired_at, m.created_at, m.updated_at,
            m.version""";
    static final String SELECT = "SELECT " + COLUMNS + " FROM scoring_models m";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<CriterionView>> CRITERIA = new TypeReference<>() { };

    private StoredModels() {
    }

    /** Compiles a request; an invalid model is one 422 listing every problem. */
    static ScoringModel compile(ScoringModelInput input) {
        List<CriterionSpec> specs = input.criteria() == null ? null : input.criteria().stream()
                .map(c -> c == null ? null : new CriterionSpec(c.field(), c.operator(), c.value(), c.values(), c.min(),
                        c.max(), c.days(), c.weight(), c.label()))
                .toList();
        Thresholds t = input.thresholds();
        try {
            return ScoringModel.compile(specs, t == null ? null : new GradeThresholds.Spec(t.a(), t.b(), t.c()));
        } catch (ScoringModelInvalidException e) {
            throw ApiProblem.invalid(e.problems());
        }
    }

    /** The stored criteria of a compiled model, as JSON text for {@code criteria}. */
    static String criteriaJson(ScoringModel model) {
        try {
            return JSON.writeValueAsString(views(model));
        } catch (Exception e) {
            throw new IllegalStateException("criteria do not serialize", e);
        }
    }

    static List<CriterionView> views(ScoringModel model) {
        return model.criteria().stream().map(c -> new CriterionView(c.field().jsonName(), c.operator(),
                c.operator().equals(ScoringCriterion.EQUALS) ? c.values().get(0) : null,
                c.operator().equals(ScoringCriterion.IN) ? c.values() : null, c.min(), c.max(), c.days(), c.weight(),
                c.label(), model.points(c))).toList();
    }

    /** A model read from the database, compiled again (it was valid when stored). */
    static ScoringModel compile(String criteriaJson, int a, int b, int c) {
        return compile(new ScoringModelInput("stored", null, inputs(read(criteriaJson)),
                thresholds(a, b, c)));
    }

    static List<CriterionInput> inputs(List<CriterionView> criteria) {
        return criteria.stream().map(c -> new CriterionInput(c.field(), c.operator(), c.value(), c.values(), c.min(),
                c.max(), c.days(), BigDecimal.valueOf(c.weight()), c.label())).toList();
    }

    static Thresholds thresholds(int a, int b, int c) {
        return new Thresholds(BigDecimal.valueOf(a), BigDecimal.valueOf(b), BigDecimal.valueOf(c));
    }

    static List<CriterionView> read(String criteriaJson) {
        try {
            return JSON.readValue(criteriaJson, CRITERIA);
        } catch (Exception e) {
            throw new IllegalStateException("stored criteria do not read back", e);
        }
    }

    static ScoringModelView toView(Row row) {
        List<CriterionView> criteria = read(row.getString("criteria"));
        Map<String, Integer> heaviest = criteria.stream()
                .collect(Collectors.toMap(CriterionView::field, CriterionView::weight, Math::max));
        return new ScoringModelView(row.getUUID("id"), row.getString("name"), row.getString("description"),
                row.getString("state"), row.getInteger("number"), criteria,
                thresholds(row.getInteger("threshold_a"), row.getInteger("threshold_b"), row.getInteger("threshold_c")),
                heaviest.values().stream().mapToInt(Integer::intValue).sum(), row.getUUID("cloned_from_id"),
                row.getOffsetDateTime("published_at"), row.getUUID("published_by"), row.getOffsetDateTime("retired_at"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
