-- The audit log (issue 8): who changed what, when, from where and in which request — one row per created, updated or
-- deleted record of every table the API writes in a workspace, written by statement-level triggers in the same
-- transaction as the write (a rolled-back write leaves no row), like the change log (V13).
--
-- Who: the application puts the actor into the transaction-local setting `revops.actor` (JSON: kind request, job or
-- system; userId; keyId or tokenSubject; jobId; ip; userAgent; requestId) before its first write; the triggers read
-- it with current_setting. A write made outside the application (psql, a migration) is recorded as kind 'unknown'.
--
-- What: the resource type, its id and, for an update, the API names of the columns that changed (never values, so
-- no secret or hash — api_keys.key_hash, webhook secrets — can leak into the log). A create or delete carries no
-- field list: a create sets everything and a delete removes everything, and listing every column of every row of a
-- million-lead load would double what the load writes. Records keyed by more than their workspace and one id
-- (territory members, assignments, routing settings) also carry their whole key in record_key.
--
-- Not audited, because they are the system's own bookkeeping or themselves records of an audited write: changes,
-- change_horizons, idempotency_keys, rate_limit_windows, jobs, imports, import_chunks, import_errors,
-- webhook_deliveries, webhook_attempts, opportunity_history, lead_scores, lead_routing_events, territory_moves,
-- forecast_facts, predictive_frequencies.
--
-- No foreign keys, for the same reason as the change log: one INSERT … SELECT per statement, not a check per row.
CREATE TABLE audit_events (
    workspace_id        uuid NOT NULL,
    occurred_at         timestamptz NOT NULL DEFAULT now(),
    id                  uuid NOT NULL DEFAULT gen_random_uuid(),
    resource_type       text NOT NULL,
    resource_id         uuid NOT NULL,
    record_key          jsonb,
    action              text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_fields      text[],
    actor_kind          text NOT NULL CHECK (actor_kind IN ('request', 'job', 'system', 'unknown')),
    actor_user_id       uuid,
    actor_key_id        uuid,
    actor_token_subject text,
    actor_job_id        uuid,
    ip                  text,
    user_agent          text,
    request_id          text,
    -- the list's order (newest first) and its keyset cursor
    PRIMARY KEY (workspace_id, occurred_at, id)
);
-- One index per filter of GET /api/v1/audit-events that is selective on its own; action and time ride on these.
CREATE INDEX audit_events_resource_idx ON audit_events (workspace_id, resource_id);
CREATE INDEX audit_events_actor_idx ON audit_events (workspace_id, actor_user_id, occurred_at);
CREATE INDEX audit_events_request_idx ON audit_events (workspace_id, request_id) WHERE request_id IS NOT NULL;
-- Retention prunes by age across workspaces; rows arrive in time order, so BRIN is enough.
CREATE INDEX audit_events_occurred_idx ON audit_events USING brin (occurred_at);

-- The actor of the current transaction, as one row (kind 'unknown' when the application set none).
CREATE FUNCTION audit_actor() RETURNS TABLE (kind text, user_id uuid, key_id uuid, token_subject text, job_id uuid,
                                             ip text, user_agent text, request_id text)
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(a ->> 'kind', 'unknown'), (a ->> 'userId')::uuid, (a ->> 'keyId')::uuid, a ->> 'tokenSubject',
           (a ->> 'jobId')::uuid, a ->> 'ip', a ->> 'userAgent', a ->> 'requestId'
    FROM (SELECT nullif(current_setting('revops.actor', true), '')::jsonb AS a) actor
$$;

-- Installs the audit of one table: a trigger function written for its columns and three statement-level AFTER
-- triggers passing their transition tables to it (one INSERT … SELECT per statement, whatever its row count).
-- ws_col: the workspace column (workspaces: id); id_col: the resource id; ignored: the system's bookkeeping columns (a
-- webhook's delivery cursor). An update is recorded only for rows where a column other than the key, created_at,
-- updated_at, version and the ignored ones changed.
-- A later migration that adds or renames a column of an audited table calls audit_install again for it.
-- only_rows narrows the audit to some rows: a predicate over the row, its alias written %1$s (an update is recorded
-- when the old or the new row qualifies).
-- The generated functions run without nested loops: PL/pgSQL plans their statements once per session with the row
-- counts of the first call's transition tables, and a nested loop planned for one row was kept for 5,000 (V24).
CREATE FUNCTION audit_install(tbl text, kind text, ws_col text, id_col text, ignored text[] DEFAULT '{}',
                              only_rows text DEFAULT 'TRUE')
    RETURNS void LANGUAGE plpgsql AS $install$
DECLARE
    key_cols text[];
    cols text[];
    changed text := '';
    differs_new text := '';
    differs_old text := '';
    join_on text := '';
    record_key text := 'NULL::jsonb';
    actor_cols text := 'a.kind, a.user_id, a.key_id, a.token_subject, a.job_id, a.ip, a.user_agent, a.request_id';
    target text := 'INSERT INTO audit_events (workspace_id, resource_type, resource_id, record_key, action, '
                   'changed_fields, actor_kind, actor_user_id, actor_key_id, actor_token_subject, actor_job_id, ip, '
                   'user_agent, request_id)';
    i int;
BEGIN
    SELECT array_agg(a.attname::text ORDER BY array_position(ix.indkey::int2[], a.attnum)) INTO key_cols
    FROM pg_index ix JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ANY (ix.indkey::int2[])
    WHERE ix.indrelid = tbl::regclass AND ix.indisprimary;
    SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO cols
    FROM pg_attribute a
    WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname <> ALL (key_cols) AND a.attname <> ALL (ignored)
      AND a.attname NOT IN ('created_at', 'updated_at', 'version');

    FOR i IN 1 .. array_length(key_cols, 1) LOOP
        join_on := join_on || CASE WHEN i > 1 THEN ' AND ' ELSE '' END || format('o.%1$I = n.%1$I', key_cols[i]);
    END LOOP;
    IF array_length(array_remove(key_cols, ws_col), 1) > 1 OR NOT (id_col = ANY (key_cols)) THEN
        SELECT 'jsonb_build_object(' || string_agg(format('%L, n.%I', change_field_name(c), c), ', ') || ')'
        INTO record_key FROM unnest(array_remove(key_cols, ws_col)) c;
    END IF;
    FOR i IN 1 .. coalesce(array_length(cols, 1), 0) LOOP
        changed := changed || CASE WHEN i > 1 THEN ', ' ELSE '' END
                   || format('CASE WHEN n.%1$I IS DISTINCT FROM o.%1$I THEN %2$L END', cols[i],
                             change_field_name(cols[i]));
        differs_new := differs_new || CASE WHEN i > 1 THEN ', ' ELSE '' END || format('n.%I', cols[i]);
        differs_old := differs_old || CASE WHEN i > 1 THEN ', ' ELSE '' END || format('o.%I', cols[i]);
    END LOOP;

    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                %2$s
                SELECT n.%3$I, %4$L, n.%5$I, %6$s, 'create', NULL, %7$s FROM new_rows n CROSS JOIN audit_actor() a
                WHERE %12$s;
            ELSIF TG_OP = 'UPDATE' THEN
                %2$s
                SELECT n.%3$I, %4$L, n.%5$I, %6$s, 'update', array_remove(ARRAY[%8$s], NULL), %7$s
                FROM new_rows n JOIN old_rows o ON %9$s CROSS JOIN audit_actor() a
                WHERE ROW(%10$s) IS DISTINCT FROM ROW(%11$s) AND (%12$s OR %13$s);
            ELSE
                %2$s
                SELECT n.%3$I, %4$L, n.%5$I, %6$s, 'delete', NULL, %7$s FROM old_rows n CROSS JOIN audit_actor() a
                WHERE %12$s;
            END IF;
            RETURN NULL;
        END $body$$f$, tbl || '_audit_capture', target, ws_col, kind, id_col, record_key, actor_cols,
        coalesce(nullif(changed, ''), 'NULL::text'), join_on, coalesce(nullif(differs_new, ''), 'NULL::text'),
        coalesce(nullif(differs_old, ''), 'NULL::text'), format(only_rows, 'n'), format(only_rows, 'o'));

    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_audit_insert ON %1$I', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_audit_update ON %1$I', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_audit_delete ON %1$I', tbl);
    EXECUTE format('CREATE TRIGGER %1$s_audit_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %1$s_audit_capture()', tbl);
    EXECUTE format('CREATE TRIGGER %1$s_audit_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %1$s_audit_capture()', tbl);
    EXECUTE format('CREATE TRIGGER %1$s_audit_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %1$s_audit_capture()', tbl);
END $install$;

SELECT audit_install('workspaces', 'workspace', 'id', 'id');
SELECT audit_install('users', 'user', 'workspace_id', 'id');
-- last_used_at is bookkeeping written once a minute for every key in use (KeyUsage), not a change anyone made
SELECT audit_install('api_keys', 'api_key', 'workspace_id', 'id', '{last_used_at}');
SELECT audit_install('accounts', 'account', 'workspace_id', 'id');
SELECT audit_install('contacts', 'contact', 'workspace_id', 'id');
SELECT audit_install('pipelines', 'pipeline', 'workspace_id', 'id');
SELECT audit_install('stages', 'stage', 'workspace_id', 'id');
SELECT audit_install('opportunities', 'opportunity', 'workspace_id', 'id');
SELECT audit_install('sales_policies', 'sales_policy', 'workspace_id', 'workspace_id');
SELECT audit_install('close_reasons', 'close_reason', 'workspace_id', 'id');
SELECT audit_install('activities', 'activity', 'workspace_id', 'id');
SELECT audit_install('activity_targets', 'activity_target', 'workspace_id', 'id');
SELECT audit_install('territory_models', 'territory_model', 'workspace_id', 'id');
SELECT audit_install('territories', 'territory', 'workspace_id', 'id');
SELECT audit_install('territory_members', 'territory_member', 'workspace_id', 'territory_id');
SELECT audit_install('territory_rules', 'territory_rule', 'workspace_id', 'id');
-- Only people's assignments: a run, preview or activation rewrites up to every account's rule-made assignment, which
-- the engine derives from the audited rules and model; those jobs are recorded by their model's event (assigned_at,
-- state), with the job as actor. A million audit rows per run cost a million-account run 15 s -> 89 s (bench).
SELECT audit_install('territory_assignments', 'territory_assignment', 'workspace_id', 'account_id', '{}',
                     '%1$s.cause = ''manual''');
SELECT audit_install('leads', 'lead', 'workspace_id', 'id');
SELECT audit_install('scoring_models', 'scoring_model', 'workspace_id', 'id');
SELECT audit_install('predictive_models', 'predictive_model', 'workspace_id', 'id');
SELECT audit_install('lead_routing_settings', 'lead_routing_setting', 'workspace_id', 'user_id');
SELECT audit_install('quotas', 'quota', 'workspace_id', 'id');
SELECT audit_install('exchange_rates', 'exchange_rate', 'workspace_id', 'id');
SELECT audit_install('forecast_adjustments', 'forecast_adjustment', 'workspace_id', 'id');
SELECT audit_install('forecast_submissions', 'forecast_submission', 'workspace_id', 'id');
SELECT audit_install('forecast_snapshots', 'forecast_snapshot', 'workspace_id', 'id');
SELECT audit_install('webhook_subscriptions', 'webhook_subscription', 'workspace_id', 'id',
                     ARRAY['cursor_txid', 'cursor_position']);
