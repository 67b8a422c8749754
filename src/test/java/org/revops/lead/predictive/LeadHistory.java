package org.revops.lead.predictive;

import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.support.Fixtures;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Closed leads for training, written with two set-based statements (deals, then leads) into a workspace's real
 * tables. Lead g (1..n): source decides the outcome — even g are partner referrals, converted with a deal closed won;
 * odd g are outbound leads, lost: disqualified (g % 4 = 1) or converted with a deal closed lost (g % 4 = 3).
 * Industry, authority, company size and visits are noise drawn from an md5 of the tag and g. Lead g was created
 * {@code g % 200 + 10} days before {@code now}, its id is {@code md5(tag/lead/g)}.
 */
final class LeadHistory {
    private LeadHistory() {
    }

    /** What the history hangs on: a pipeline with won and lost stages, an account and an owner. */
    record Setting(UUID workspaceId, String key, UUID ownerId, String accountId, String pipelineId, String wonStage,
                   String lostStage) {
        static Setting of(UUID workspaceId, String key, UUID ownerId) {
            var pipeline = Fixtures.pipeline(key, "Lead deals");
            return new Setting(workspaceId, key, ownerId, Fixtures.account(key, Map.of("name", "History Co")),
                    pipeline.getString("id"), pipeline.getString("stages[2].id"), pipeline.getString("stages[3].id"));
        }
    }

    static void seed(Db db, Setting s, String tag, int n) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.query("""
                        INSERT INTO opportunities (workspace_id, id, name, account_id, owner_id, pipeline_id, stage_id,
                                                   amount, currency, close_date, created_at, updated_at,
                                                   stage_entered_at, closed_at)
                        SELECT $1, CAST(md5($2 || '/deal/' || g) AS uuid), 'Lead deal ' || g, $3, $4, $5,
                               CASE WHEN g % 2 = 0 THEN $6::uuid ELSE $7::uuid END, 1000, 'EUR', CAST($9 AS date),
                               $9, $9, $9, $9
                        FROM generate_series(1, $8) g
                        WHERE g % 4 <> 1""",
                Tuple.from(new Object[] {s.workspaceId(), tag, UUID.fromString(s.accountId()), s.ownerId(),
                        UUID.fromString(s.pipelineId()), UUID.fromString(s.wonStage()),
                        UUID.fromString(s.lostStage()), n, now})).await().atMost(Duration.ofSeconds(30));
        db.query("""
                        INSERT INTO leads (workspace_id, id, last_name, company, currency, source, industry, authority,
                                           employee_count, visits, status, disqualified_reason, converted_at,
                                           converted_opportunity_id, converted_account_id, last_engaged_at,
                                           owner_id, created_at, updated_at)
                        SELECT $1, CAST(md5($2 || '/lead/' || g) AS uuid), 'History ' || g, 'Co ' || g, 'EUR',
                               CASE WHEN g % 2 = 0 THEN 'partner-referral' ELSE 'outbound' END,
                               (ARRAY['Software', 'Retail', 'Energy'])[1 + get_byte(decode(md5($2 || 'i' || g), 'hex'), 0) % 3],
                               (ARRAY['user', 'influencer', 'decision-maker', 'economic-buyer'])
                                   [1 + get_byte(decode(md5($2 || 'a' || g), 'hex'), 0) % 4],
                               get_byte(decode(md5($2 || 'e' || g), 'hex'), 1) * 20,
                               get_byte(decode(md5($2 || 'v' || g), 'hex'), 2) % 12,
                               CASE WHEN g % 4 = 1 THEN 'disqualified' ELSE 'converted' END,
                               CASE WHEN g % 4 = 1 THEN 'No budget' END,
                               CASE WHEN g % 4 <> 1 THEN $5::timestamptz - interval '1 day' * (g % 200) END,
                               CASE WHEN g % 4 <> 1 THEN CAST(md5($2 || '/deal/' || g) AS uuid) END,
                               CASE WHEN g % 4 <> 1 THEN $3::uuid END,
                               $5::timestamptz - interval '1 day' * (g % 200 + 3), $6,
                               $5::timestamptz - interval '1 day' * (g % 200 + 10),
                               $5::timestamptz - interval '1 day' * (g % 200)
                        FROM generate_series(1, $4) g""",
                Tuple.from(new Object[] {s.workspaceId(), tag, UUID.fromString(s.accountId()), n, now, s.ownerId()}))
                .await().atMost(Duration.ofSeconds(30));
    }

    static long count(Db db, String sql, UUID workspaceId) {
        return db.query(sql, Tuple.of(workspaceId)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0);
    }
}
