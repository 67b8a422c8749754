-- The change log: one row per created, updated or deleted account, contact, lead and opportunity, written by
-- statement-level triggers in the same transaction as the write (a transactional outbox: a rolled-back write leaves
-- no row, a committed one always has its row). The change feed (GET /api/v1/changes) and webhooks read it.
--
-- Order without misses: `position` is taken when the row is inserted, not when its transaction commits, so a reader
-- ordering by position alone could pass a row that commits later with a smaller number. Readers therefore only take
-- rows whose `txid` is below pg_snapshot_xmin(pg_current_snapshot()) — every transaction below that xid has ended,
-- so nothing can appear there any more — in (txid, position) order. The primary key is that reading order.
--
-- No foreign key to workspaces: the source tables already carry one, and a row-level FK check per change would undo
-- the statement-level triggers' point (one INSERT … SELECT per statement, not one trigger call per row).
CREATE TABLE changes (
    workspace_id   uuid NOT NULL,
    position       bigint GENERATED ALWAYS AS IDENTITY,
    txid           xid8 NOT NULL DEFAULT pg_current_xact_id(),
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    resource_type  text NOT NULL CHECK (resource_type IN ('account', 'contact', 'lead', 'opportunity')),
    resource_id    uuid NOT NULL,
    action         text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    changed_fields jsonb NOT NULL,
    version        bigint,
    PRIMARY KEY (workspace_id, txid, position)
);
-- Retention prunes by age; rows arrive in time order, so a BRIN index is enough and costs the writers nearly nothing.
CREATE INDEX changes_occurred_idx ON changes USING brin (occurred_at);

-- Per workspace, the last (txid, position) that retention deleted: a cursor below it may have missed rows (410).
CREATE TABLE change_horizons (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    txid         xid8 NOT NULL,
    position     bigint NOT NULL,
    pruned_at    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id)
);

-- The API name of a column: camelCase, except the people's overrides on deals, which the API reads and writes as
-- probability, forecastCategory and grade (null = back to the stage's or the computed value).
CREATE FUNCTION change_field_name(col text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE col
               WHEN 'probability_override' THEN 'probability'
               WHEN 'forecast_category_override' THEN 'forecastCategory'
               WHEN 'grade_override' THEN 'grade'
               ELSE lower(left(col, 1)) || substr(replace(initcap(col), '_', ''), 2)
           END
$$;

-- Installs the capture of one table: a trigger function written for its columns, and three statement-level AFTER
-- triggers that pass their transition tables to it, so a set-based write of N rows is one INSERT … SELECT, not N
-- trigger calls. Columns are compared directly (no jsonb per old row): an update writes a change only for rows where
-- a column other than updated_at/version changed, with the changed fields and their new values; a create carries its
-- non-null fields; a delete the external id and source when the record had them.
-- A later migration that adds or renames a column of these tables calls changes_install again for that table.
CREATE FUNCTION changes_install(tbl text, kind text) RETURNS void LANGUAGE plpgsql AS $install$
DECLARE
    cols text[];
    all_fields text := '';
    unchanged text := '';
    differs_new text := '';
    differs_old text := '';
    part text;
    i int;
BEGIN
    SELECT array_agg(a.attname::text ORDER BY a.attnum) INTO cols
    FROM pg_attribute a
    WHERE a.attrelid = tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname NOT IN ('workspace_id', 'id', 'created_at', 'updated_at', 'version');
    -- jsonb_build_object takes at most 100 arguments: build the object 40 fields at a time.
    FOR i IN 1 .. array_length(cols, 1) LOOP
        part := format('%L, n.%I', change_field_name(cols[i]), cols[i]);
        IF i = 1 THEN
            all_fields := 'jsonb_build_object(' || part;
        ELSIF (i - 1) % 40 = 0 THEN
            all_fields := all_fields || ') || jsonb_build_object(' || part;
        ELSE
            all_fields := all_fields || ', ' || part;
        END IF;
        unchanged := unchanged || CASE WHEN i > 1 THEN ', ' ELSE '' END
                     || format('CASE WHEN n.%1$I IS NOT DISTINCT FROM o.%1$I THEN %2$L END', cols[i],
                               change_field_name(cols[i]));
        differs_new := differs_new || CASE WHEN i > 1 THEN ', ' ELSE '' END || format('n.%I', cols[i]);
        differs_old := differs_old || CASE WHEN i > 1 THEN ', ' ELSE '' END || format('o.%I', cols[i]);
    END LOOP;
    all_fields := all_fields || ')';

    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO changes (workspace_id, resource_type, resource_id, action, changed_fields, version)
                SELECT n.workspace_id, %2$L, n.id, 'create', jsonb_strip_nulls(%3$s), n.version FROM new_rows n;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO changes (workspace_id, resource_type, resource_id, action, changed_fields, version)
                SELECT n.workspace_id, %2$L, n.id, 'update',
                       (%3$s) - array_remove(ARRAY[%4$s], NULL), n.version
                FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
                WHERE (%5$s) IS DISTINCT FROM (%6$s);
            ELSE
                INSERT INTO changes (workspace_id, resource_type, resource_id, action, changed_fields, version)
                SELECT n.workspace_id, %2$L, n.id, 'delete',
                       jsonb_strip_nulls(jsonb_build_object('externalId', n.external_id,
                                                            'externalSource', n.external_source)), n.version
                FROM old_rows n;
            END IF;
            RETURN NULL;
        END $body$$f$, tbl || '_changes_capture', kind, all_fields, unchanged, differs_new, differs_old);

    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_changes_insert ON %1$I', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_changes_update ON %1$I', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_changes_delete ON %1$I', tbl);
    EXECUTE format('CREATE TRIGGER %1$s_changes_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %1$s_changes_capture()', tbl);
    EXECUTE format('CREATE TRIGGER %1$s_changes_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION %1$s_changes_capture()', tbl);
    EXECUTE format('CREATE TRIGGER %1$s_changes_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION %1$s_changes_capture()', tbl);
END $install$;

SELECT changes_install('accounts', 'account');
SELECT changes_install('contacts', 'contact');
SELECT changes_install('leads', 'lead');
SELECT changes_install('opportunities', 'opportunity');
