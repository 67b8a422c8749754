package org.revops.territory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.TerritoryVisibility;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;
import org.revops.territory.TerritoryDtos.CriterionInput;
import org.revops.territory.TerritoryDtos.CriterionView;
import org.revops.territory.TerritoryDtos.TerritoryRuleInput;
import org.revops.territory.TerritoryDtos.TerritoryRuleView;
import org.revops.territory.rules.AssignmentRule;
import org.revops.territory.rules.CriterionSpec;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Assignment rules of territories. Every write compiles the rule with {@link AssignmentRule#compile} (an invalid rule
 * is one 422 listing every problem, see {@code Problems}) and stores what the engine reads: the normalized criteria
 * (jsonb), the expression and its truth table. Readable with the territory (a rep: only their territories' rules).
 */
@ApplicationScoped
public class TerritoryRuleService {
    private static final String COLUMNS = """
            r.id, r.territory_id, r.model_id, r.name, r.position, r.criteria::text AS criteria, r.expression,
            r.truth_table, r.inherited, r.created_at, r.updated_at, r.version""";
    static final String SELECT = "SELECT " + COLUMNS + " FROM territory_rules r";

    public static final ListSpec LIST = ListSpec.builder("listTerritoryRules", SELECT, "r.workspace_id", "r.id")
            .single("inherited", ValueType.BOOLEAN, "r.inherited = ?", "Only inherited (true) or own (false) rules.")
            .single("q", ValueType.TEXT, "strpos(lower(r.name), lower(?)) > 0", "Name contains this text.")
            .sort("position", "r.position", "position", ValueType.INTEGER)
            .sort("name", "r.name", "name", ValueType.TEXT)
            .sort("createdAt", "r.created_at", "created_at", ValueType.TIMESTAMP)
            .build("position", "createdAt");

    private static final TypeReference<List<CriterionView>> CRITERIA = new TypeReference<>() { };

    private final Db db;
    private final TerritoryQueries territories;
    private final MergePatch mergePatch;
    private final ObjectMapper json;
    private final Clock clock;

    public TerritoryRuleService(Db db, TerritoryQueries territories, MergePatch mergePatch, ObjectMapper json,
                                Clock clock) {
        this.db = db;
        this.territories = territories;
        this.mergePatch = mergePatch;
        this.json = json;
        this.clock = clock;
    }

    /** The rules of a territory the caller may read (403 / 404 as for the territory), by position by default. */
    public Uni<Slice<TerritoryRuleView>> list(Caller caller, UUID territoryId, ListRequest request) {
        return territories.requireReadable(caller, territoryId).flatMap(ok -> ListQuery.run(db, LIST,
                caller.workspaceId(), new SqlPredicate("r.territory_id = ?", territoryId), request, this::toView));
    }

    /** One rule: 404 when not in the workspace, 403 when a rep does not belong to its territory. One statement. */
    public Uni<TerritoryRuleView> get(Caller caller, UUID id) {
        SqlPredicate readable = TerritoryVisibility.readableTerritory(caller, "t");
        SqlBuilder sql = new SqlBuilder().append("SELECT " + COLUMNS + ", " + readable.sql() + " AS readable"
                        + " FROM territory_rules r JOIN territories t ON t.workspace_id = r.workspace_id"
                        + " AND t.id = r.territory_id", readable.args())
                .append(" WHERE r.workspace_id = ? AND r.id = ?", caller.workspaceId(), id);
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            Row row = Rows.single(rows, r -> r, "Territory rule");
            if (!Boolean.TRUE.equals(row.getBoolean("readable"))) {
                throw TerritoryVisibility.notReadable();
            }
            return toView(row);
        });
    }

    /** The rules of each territory the caller may read, by position: one statement. */
    public Uni<List<List<TerritoryRuleView>>> ofTerritories(Caller caller, List<UUID> territoryIds) {
        SqlPredicate readable = TerritoryVisibility.readableTerritory(caller, "t");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " JOIN territories t ON t.workspace_id = r.workspace_id"
                                + " AND t.id = r.territory_id WHERE r.workspace_id = ? AND r.territory_id = ANY(?)",
                        caller.workspaceId(), territoryIds.toArray(UUID[]::new))
                .append(" AND " + readable.sql(), readable.args())
                .append(" ORDER BY r.position, r.created_at, r.id");
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, territoryIds, "territory_id", this::toView));
    }

    /** A new rule of the territory, after the last one unless a position is given. 422 when it does not compile. */
    public Uni<TerritoryRuleView> create(Caller caller, UUID territoryId, TerritoryRuleInput input) {
        TerritoryAccess.requireChange(caller);
        mergePatch.validate(input);
        AssignmentRule rule = compile(input);
        UUID id = UUID.randomUUID();
        return db.inTransaction(tx -> ModelLock.editableOfTerritory(db, tx, caller, territoryId, false)
                        .flatMap(modelId -> db.query(tx, """
                                INSERT INTO territory_rules (workspace_id, id, model_id, territory_id, name, position,
                                                             criteria, expression, truth_table, inherited, created_at,
                                                             updated_at)
                                SELECT $1, $2, $3, $4, $5, coalesce($6, (SELECT coalesce(max(position) + 1, 0)
                                                                         FROM territory_rules
                                                                         WHERE workspace_id = $1 AND territory_id = $4)),
                                       $7::text::jsonb, $8, $9, $10, $11, $11""", Tuple.from(new Object[] {
                                caller.workspaceId(), id, modelId, territoryId, input.name().trim(), input.position(),
                                criteriaJson(rule), rule.expression(), rule.truthTable(),
                                Boolean.TRUE.equals(input.inherited()), now()}))))
                .flatMap(done -> get(caller, id));
    }

    /**
     * JSON Merge Patch of the TerritoryRuleInput fields, compiled again as a whole. {@code criteria} is replaced as a
     * list. {@code "expression": null} goes back to the AND of all criteria; a rule whose expression is that default
     * keeps being the AND of all criteria when only its criteria change.
     */
    public Uni<TerritoryRuleView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> ModelLock.editableOfRule(db, tx, caller, id)
                        .flatMap(modelId -> db.query(tx, SELECT + " WHERE r.workspace_id = $1 AND r.id = $2 FOR UPDATE",
                                Tuple.of(caller.workspaceId(), id)))
                        .flatMap(rows -> {
                            TerritoryRuleView current = Rows.single(rows, this::toView, "Territory rule");
                            Versions.check(expectedVersion, current.version());
                            MergePatch.Patched<TerritoryRuleInput> patched = mergePatch.apply(toInput(current), patch,
                                    TerritoryRuleInput.class);
                            TerritoryRuleInput next = patched.value();
                            if (patched.touched("criteria") && !patched.touched("expression")
                                    && current.expression().equals(allAnded(current.criteria().size()))) {
                                next = new TerritoryRuleInput(next.name(), next.criteria(), null, next.inherited(),
                                        next.position());
                            }
                            AssignmentRule rule = compile(next);
                            return db.query(tx, """
                                    UPDATE territory_rules SET name = $3, position = $4, criteria = $5::text::jsonb,
                                           expression = $6, truth_table = $7, inherited = $8, updated_at = $9,
                                           version = version + 1
                                    WHERE workspace_id = $1 AND id = $2""", Tuple.from(new Object[] {
                                    caller.workspaceId(), id, next.name().trim(),
                                    next.position() == null ? current.position() : next.position(),
                                    criteriaJson(rule), rule.expression(), rule.truthTable(),
                                    Boolean.TRUE.equals(next.inherited()), now()}));
                        }))
                .flatMap(done -> get(caller, id));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> ModelLock.editableOfRule(db, tx, caller, id)
                .flatMap(modelId -> db.query(tx, "SELECT r.version FROM territory_rules r"
                        + " WHERE r.workspace_id = $1 AND r.id = $2 FOR UPDATE", Tuple.of(caller.workspaceId(), id)))
                .flatMap(rows -> {
                    Versions.check(expectedVersion, Rows.single(rows, r -> r.getLong("version"), "Territory rule"));
                    return db.query(tx, "DELETE FROM territory_rules WHERE workspace_id = $1 AND id = $2",
                            Tuple.of(caller.workspaceId(), id));
                })
                .replaceWithVoid());
    }

    /** Throws RuleInvalidException (422 through the one error path) listing every problem. */
    private static AssignmentRule compile(TerritoryRuleInput input) {
        List<CriterionSpec> specs = input.criteria() == null ? null : input.criteria().stream()
                .map(c -> c == null ? new CriterionSpec(null, null, null, null, null, null, null)
                        : new CriterionSpec(c.field(), c.operator(), c.values(), c.min(), c.max(), c.from(), c.to()))
                .toList();
        return AssignmentRule.compile(specs, input.expression());
    }

    private static String allAnded(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(String::valueOf).collect(Collectors.joining(" AND "));
    }

    private String criteriaJson(AssignmentRule rule) {
        try {
            return json.writeValueAsString(rule.criteria());
        } catch (Exception e) {
            throw new IllegalStateException("criteria do not serialize", e);
        }
    }

    private static TerritoryRuleInput toInput(TerritoryRuleView r) {
        return new TerritoryRuleInput(r.name(), r.criteria().stream().map(c -> new CriterionInput(c.field(),
                c.operator(), c.values(), c.min(), c.max(), c.from(), c.to())).toList(), r.expression(),
                r.inherited(), r.position());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    TerritoryRuleView toView(Row row) {
        List<CriterionView> criteria;
        try {
            criteria = json.readValue(row.getString("criteria"), CRITERIA);
        } catch (Exception e) {
            throw new IllegalStateException("stored criteria do not read back", e);
        }
        return new TerritoryRuleView(row.getUUID("id"), row.getUUID("territory_id"), row.getUUID("model_id"),
                row.getString("name"), row.getInteger("position"), criteria, row.getString("expression"),
                row.getString("truth_table"), row.getBoolean("inherited"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
