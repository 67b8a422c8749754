package org.revops.lead.predictive;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.predictive.PredictiveDtos.CalibrationDecile;
import org.revops.lead.predictive.PredictiveDtos.History;
import org.revops.lead.predictive.PredictiveDtos.PredictiveModelView;
import org.revops.lead.predictive.PredictiveDtos.Quality;
import org.revops.lead.predictive.PredictiveDtos.Thresholds;
import org.revops.lead.predictive.PredictiveDtos.WeightView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads predictive models and their frequency tables. Models are written only by their training job
 * ({@link PredictiveTraining}); admins, managers and read-only keys read them ({@link PredictiveAccess}).
 */
@ApplicationScoped
public class PredictiveModelService {
    static final String SELECT = """
            SELECT m.id, m.state, m.fields, m.window_days, m.closed_leads, m.won_leads, m.training_leads,
                   m.training_won, m.held_out_leads, m.held_out_won, m.min_closed_leads, m.min_won_leads,
                   m.min_lost_leads, m.held_out_percent, m.refusal, m.prior_log_odds, m.auc, m.calibration,
                   m.scored_leads, m.job_id, m.created_by, m.created_at, m.retired_at, m.version
            FROM predictive_models m""";

    public static final ListSpec LIST = ListSpec.builder("listPredictiveModels", SELECT, "m.workspace_id", "m.id")
            .anyOf("id", ValueType.UUID_, "m.id", "Model id; repeat for several.")
            .anyOf("state", ValueType.TEXT, "m.state", "active, retired or refused; repeat for several.")
            .sort("createdAt", "m.created_at", "created_at", ValueType.TIMESTAMP)
            .build("-createdAt");

    /** A model's frequency table; the synthetic id (field=value is unique per model) keys the cursor. */
    private static final String WEIGHT_SELECT = """
            SELECT CAST(md5(w.field || '=' || w.value) AS uuid) AS id, w.field, w.value, w.won, w.lost,
                   round(CAST(w.weight AS numeric), 6) AS weight
            FROM predictive_frequencies w""";

    public static final ListSpec WEIGHTS = ListSpec.builder("listPredictiveWeights", WEIGHT_SELECT, "w.workspace_id",
                    "CAST(md5(w.field || '=' || w.value) AS uuid)")
            .anyOf("field", ValueType.TEXT, "w.field", "Lead field, e.g. source; repeat for several.")
            .sort("weight", "round(CAST(w.weight AS numeric), 6)", "weight", ValueType.DECIMAL)
            .build("-weight");

    private final Db db;

    public PredictiveModelService(Db db) {
        this.db = db;
    }

    public Uni<Slice<PredictiveModelView>> list(Caller caller, ListRequest request) {
        PredictiveAccess.requireRead(caller);
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, PredictiveModelService::toView);
    }

    public Uni<PredictiveModelView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Predictive model"));
    }

    /** Models by id, aligned to {@code ids}, null where unknown: one statement. */
    public Uni<List<PredictiveModelView>> byIds(Caller caller, List<UUID> ids) {
        PredictiveAccess.requireRead(caller);
        return db.query(SELECT + " WHERE m.workspace_id = $1 AND m.id = ANY($2)",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.alignById(rows, ids, PredictiveModelService::toView));
    }

    /** The model's frequency table with weights, strongest for a win first by default; 404 for an unknown model. */
    public Uni<Slice<WeightView>> weights(Caller caller, UUID modelId, ListRequest request) {
        return get(caller, modelId).flatMap(model -> ListQuery.run(db, WEIGHTS, caller.workspaceId(),
                new SqlPredicate("w.model_id = ?", modelId), request, PredictiveModelService::toWeight));
    }

    /**
     * The strongest {@code first} weights (largest first) of each model, grouped in the order of {@code ids}: one
     * statement for a page of models (GraphQL {@code PredictiveModel.weights}).
     */
    public Uni<List<List<WeightView>>> weightsOf(Caller caller, List<UUID> ids, int first) {
        PredictiveAccess.requireRead(caller);
        if (first < 1 || first > ListRequest.MAX_LIMIT) {
            throw ApiProblem.badRequest("first", "must be between 1 and " + ListRequest.MAX_LIMIT);
        }
        return db.query("""
                        SELECT * FROM (
                            SELECT w.model_id, CAST(md5(w.field || '=' || w.value) AS uuid) AS id, w.field, w.value,
                                   w.won, w.lost, round(CAST(w.weight AS numeric), 6) AS weight,
                                   row_number() OVER (PARTITION BY w.model_id
                                                      ORDER BY w.weight DESC, w.field, w.value) AS rank
                            FROM predictive_frequencies w
                            WHERE w.workspace_id = $1 AND w.model_id = ANY($2)) ranked
                        WHERE rank <= $3 ORDER BY model_id, rank""",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new), first))
                .map(rows -> Rows.groupBy(rows, ids, "model_id", PredictiveModelService::toWeight));
    }

    private static WeightView toWeight(Row row) {
        return new WeightView(row.getUUID("id"), row.getString("field"), row.getString("value"), row.getLong("won"),
                row.getLong("lost"), row.getBigDecimal("weight"));
    }

    static PredictiveModelView toView(Row row) {
        long closed = row.getLong("closed_leads");
        long won = row.getLong("won_leads");
        History history = new History(closed, won, closed - won, row.getLong("training_leads"),
                row.getLong("training_won"), row.getLong("held_out_leads"), row.getLong("held_out_won"));
        Thresholds thresholds = new Thresholds(row.getInteger("min_closed_leads"), row.getInteger("min_won_leads"),
                row.getInteger("min_lost_leads"), row.getInteger("held_out_percent"));
        boolean trained = !"refused".equals(row.getString("state"));
        Quality quality = trained ? new Quality(row.getBigDecimal("auc"), calibration(row.getJsonArray("calibration")))
                : null;
        int windowDays = row.getInteger("window_days");
        return new PredictiveModelView(row.getUUID("id"), row.getString("state"),
                List.of(row.getArrayOfStrings("fields")), windowDays,
                row.getOffsetDateTime("created_at").minusDays(windowDays), history, thresholds,
                row.getString("refusal"), quality, row.getDouble("prior_log_odds"), row.getInteger("scored_leads"),
                row.getUUID("job_id"), row.getUUID("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("retired_at"), row.getLong("version"));
    }

    private static List<CalibrationDecile> calibration(JsonArray stored) {
        List<CalibrationDecile> deciles = new ArrayList<>();
        if (stored != null) {
            for (Object entry : stored) {
                JsonObject decile = (JsonObject) entry;
                deciles.add(new CalibrationDecile(decile.getInteger("decile"), decile.getLong("leads"),
                        decimal(decile.getValue("predictedMean")), decimal(decile.getValue("observedWinRate"))));
            }
        }
        return deciles;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(ModelQuality.SCALE);
    }
}
