package org.revops.platform.demo;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoLifecycleGenerator.ActivityRow;
import org.revops.platform.demo.DemoLifecycleGenerator.DealStory;
import org.revops.platform.demo.DemoLifecycleGenerator.Step;
import org.revops.platform.demo.DemoLifecycleGenerator.TargetRow;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes the demo deals' stories as history rows, their activities and the reps' targets: one statement each. */
final class DemoHistory {
    private DemoHistory() {
    }

    private record Row(UUID deal, String action, String field, String from, String to, UUID pipeline,
                       Integer fromStage, Integer toStage, UUID by, OffsetDateTime at) {
    }

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(ZoneOffset.UTC);
    }

    /** Creation rows (stage, amount, close date), one row per later stage, and the close-date push if any. */
    static Uni<?> insert(Db db, SqlClient tx, UUID ws, List<OpportunityRow> deals, Map<UUID, DealStory> stories) {
        List<Row> rows = new ArrayList<>();
        for (OpportunityRow deal : deals) {
            DealStory story = stories.get(deal.id());
            UUID pipeline = DemoSeeder.pipelineId(ws, deal.pipeline());
            OffsetDateTime created = at(story.createdOn(), 9);
            String promised = (story.firstCloseDate() != null ? story.firstCloseDate() : deal.closeDate()).toString();
            rows.add(new Row(deal.id(), "create", "stage", null, null, pipeline, null, story.steps().get(0).stageIndex(),
                    deal.ownerId(), created));
            rows.add(new Row(deal.id(), "create", "amount", null, deal.amount().stripTrailingZeros().toPlainString(),
                    null, null, null, deal.ownerId(), created));
            rows.add(new Row(deal.id(), "create", "closeDate", null, promised, null, null, null, deal.ownerId(),
                    created));
            List<Step> steps = story.steps();
            for (int i = 1; i < steps.size(); i++) {
                boolean closing = story.closedOn() != null && i == steps.size() - 1;
                rows.add(new Row(deal.id(), closing ? "close" : "update", "stage", null, null, pipeline,
                        steps.get(i - 1).stageIndex(), steps.get(i).stageIndex(), deal.ownerId(),
                        at(steps.get(i).on(), 9).plusMinutes(i)));
            }
            if (story.firstCloseDate() != null) {
                rows.add(new Row(deal.id(), "update", "closeDate", promised, deal.closeDate().toString(), null, null,
                        null, deal.ownerId(), at(steps.get(steps.size() - 1).on(), 10)));
            }
        }
        rows.sort(java.util.Comparator.comparing(Row::at));
        return db.query(tx, """
                INSERT INTO opportunity_history (workspace_id, opportunity_id, action, field, from_value, to_value,
                                                 from_stage_id, to_stage_id, changed_by, changed_at)
                SELECT $1, h.deal, h.action, h.field,
                       CASE WHEN h.field = 'stage' THEN sf.id::text ELSE h.from_value END,
                       CASE WHEN h.field = 'stage' THEN st.id::text ELSE h.to_value END,
                       sf.id, st.id, h.by, h.at
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::int[],
                            $9::int[], $10::uuid[], $11::timestamptz[]) WITH ORDINALITY
                     AS h(deal, action, field, from_value, to_value, pipeline_id, from_pos, to_pos, by, at, ord)
                LEFT JOIN stages sf ON sf.workspace_id = $1 AND sf.pipeline_id = h.pipeline_id AND sf.position = h.from_pos
                LEFT JOIN stages st ON st.workspace_id = $1 AND st.pipeline_id = h.pipeline_id AND st.position = h.to_pos
                ORDER BY h.ord""",
                Tuple.from(new Object[] {ws, DemoSeeder.ids(rows, Row::deal), DemoSeeder.texts(rows, Row::action),
                        DemoSeeder.texts(rows, Row::field), DemoSeeder.texts(rows, Row::from),
                        DemoSeeder.texts(rows, Row::to), DemoSeeder.ids(rows, Row::pipeline),
                        rows.stream().map(Row::fromStage).toArray(Integer[]::new),
                        rows.stream().map(Row::toStage).toArray(Integer[]::new), DemoSeeder.ids(rows, Row::by),
                        rows.stream().map(Row::at).toArray(OffsetDateTime[]::new)}));
    }

    /** The activities, then each deal's last activity, set-based. */
    static Uni<?> insertActivities(Db db, SqlClient tx, UUID ws, List<ActivityRow> rows, OffsetDateTime now) {
        return db.query(tx, """
                INSERT INTO activities (workspace_id, id, type, subject, outcome, occurred_at, owner_id, account_id,
                                        opportunity_id, created_at, updated_at)
                SELECT $1, a.id, a.type, a.subject, a.outcome, a.occurred_at, a.owner_id, a.account_id, a.deal, $10, $10
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::uuid[], $8::uuid[],
                            $9::uuid[]) AS a(id, type, subject, outcome, occurred_at, owner_id, account_id, deal)""",
                        Tuple.from(new Object[] {ws, DemoSeeder.ids(rows, ActivityRow::id),
                                DemoSeeder.texts(rows, ActivityRow::type), DemoSeeder.texts(rows, ActivityRow::subject),
                                DemoSeeder.texts(rows, ActivityRow::outcome),
                                rows.stream().map(r -> at(r.on(), 10)).toArray(OffsetDateTime[]::new),
                                DemoSeeder.ids(rows, ActivityRow::ownerId), DemoSeeder.ids(rows, ActivityRow::accountId),
                                DemoSeeder.ids(rows, ActivityRow::dealId), now}))
                .call(done -> db.query(tx, """
                        UPDATE opportunities o SET last_activity_at = a.latest
                        FROM (SELECT opportunity_id, max(occurred_at) AS latest FROM activities
                              WHERE workspace_id = $1 AND opportunity_id = ANY($2) GROUP BY opportunity_id) a
                        WHERE o.workspace_id = $1 AND o.id = a.opportunity_id""",
                        Tuple.of(ws, rows.stream().map(ActivityRow::dealId).distinct().toArray(UUID[]::new))));
    }

    static Uni<?> insertTargets(Db db, SqlClient tx, UUID ws, List<TargetRow> rows, OffsetDateTime now) {
        return db.query(tx, """
                INSERT INTO activity_targets (workspace_id, id, user_id, period, metric, target, created_at, updated_at)
                SELECT $1, gen_random_uuid(), t.user_id, t.period, t.metric, t.target, $6, $6
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) AS t(user_id, period, metric, target)""",
                Tuple.from(new Object[] {ws, DemoSeeder.ids(rows, TargetRow::userId),
                        DemoSeeder.texts(rows, TargetRow::period), DemoSeeder.texts(rows, TargetRow::metric),
                        rows.stream().map(TargetRow::target).toArray(Integer[]::new), now}));
    }
}
