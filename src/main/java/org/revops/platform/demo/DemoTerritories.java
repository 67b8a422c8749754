package org.revops.platform.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.platform.demo.DemoTerritoryGenerator.MemberRow;
import org.revops.platform.demo.DemoTerritoryGenerator.ModelRow;
import org.revops.platform.demo.DemoTerritoryGenerator.RuleRow;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryMap;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryRow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.revops.platform.demo.DemoSeeder.ids;
import static org.revops.platform.demo.DemoSeeder.texts;

/**
 * Inserts the demo territory map ({@link DemoTerritoryGenerator}) set-based: one statement per table, parents and
 * children in the same statement (foreign keys are checked at its end). The live model is stored as active with
 * {@code activated_at}; its assignments are made afterwards by the engine itself (see {@link DemoSeeder}).
 */
final class DemoTerritories {
    private DemoTerritories() {
    }

    static Uni<?> insert(Db db, ObjectMapper json, SqlClient tx, UUID ws, TerritoryMap map, OffsetDateTime now) {
        List<ModelRow> models = List.of(map.active(), map.draft());
        List<TerritoryRow> territories = map.territories();
        List<RuleRow> rules = map.rules();
        List<MemberRow> members = map.members();
        return db.query(tx, """
                        INSERT INTO territory_models (workspace_id, id, name, description, state, cloned_from_id,
                                                      activated_at, created_at, updated_at)
                        SELECT $1, m.id, m.name, m.description, m.state, m.cloned_from_id,
                               CASE WHEN m.state = 'active' THEN CAST($7 AS timestamptz) END, $7, $7
                        FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[])
                             AS m(id, name, description, state, cloned_from_id)""",
                        Tuple.from(new Object[] {ws, ids(models, ModelRow::id), texts(models, ModelRow::name),
                                texts(models, ModelRow::description), texts(models, ModelRow::state),
                                ids(models, ModelRow::clonedFromId), now}))
                .call(() -> db.query(tx, """
                        INSERT INTO territories (workspace_id, id, model_id, parent_id, name, code, type, owner_id,
                                                 priority, created_at, updated_at)
                        SELECT $1, t.id, t.model_id, t.parent_id, t.name, t.code, t.type, t.owner_id, t.priority, $10, $10
                        FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::uuid[],
                                    $9::int[]) AS t(id, model_id, parent_id, name, code, type, owner_id, priority)""",
                        Tuple.from(new Object[] {ws, ids(territories, TerritoryRow::id),
                                ids(territories, TerritoryRow::modelId), ids(territories, TerritoryRow::parentId),
                                texts(territories, TerritoryRow::name), texts(territories, TerritoryRow::code),
                                texts(territories, TerritoryRow::type), ids(territories, TerritoryRow::ownerId),
                                territories.stream().map(TerritoryRow::priority).toArray(Integer[]::new), now})))
                .call(() -> db.query(tx, """
                        INSERT INTO territory_rules (workspace_id, id, model_id, territory_id, name, position, criteria,
                                                     expression, truth_table, inherited, created_at, updated_at)
                        SELECT $1, r.id, r.model_id, r.territory_id, r.name, r.position, CAST(r.criteria AS jsonb),
                               r.expression, r.truth_table, r.inherited, $11, $11
                        FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::text[],
                                    $9::text[], $10::boolean[])
                             AS r(id, model_id, territory_id, name, position, criteria, expression, truth_table, inherited)""",
                        Tuple.from(new Object[] {ws, ids(rules, RuleRow::id), ids(rules, RuleRow::modelId),
                                ids(rules, RuleRow::territoryId), texts(rules, RuleRow::name),
                                rules.stream().map(RuleRow::position).toArray(Integer[]::new),
                                texts(rules, r -> criteria(json, r)), texts(rules, RuleRow::expression),
                                texts(rules, RuleRow::truthTable),
                                rules.stream().map(RuleRow::inherited).toArray(Boolean[]::new), now})))
                .call(() -> db.query(tx, """
                        INSERT INTO territory_members (workspace_id, territory_id, user_id, role, created_at)
                        SELECT $1, m.territory_id, m.user_id, m.role, $5
                        FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS m(territory_id, user_id, role)""",
                        Tuple.from(new Object[] {ws, ids(members, MemberRow::territoryId),
                                ids(members, MemberRow::userId), texts(members, MemberRow::role), now})));
    }

    /** The criteria as the rules API stores them: the normalized list, nulls left out. */
    private static String criteria(ObjectMapper json, RuleRow rule) {
        try {
            return json.writeValueAsString(rule.criteria());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo rule criteria must serialize", e);
        }
    }
}
