-- The capture triggers' statements are planned once per database session and kept (PL/pgSQL caches them), with the
-- row counts the transition tables had at that first call. A session whose first update of a table touched one row
-- kept a nested-loop join of old and new rows for good, and later 5,000-row updates on that connection took 8-17 s
-- instead of under one (bench-batch: every other 10,000-lead upsert, the two pooled connections taking turns).
-- Without nested loops the join is hashed whatever the first call's size: the generated functions carry
-- `SET enable_nestloop = off` (the audit triggers' generator, V22, does the same), and the change capture of the four
-- tables is installed again with it.
CREATE OR REPLACE FUNCTION changes_install(tbl text, kind text) RETURNS void LANGUAGE plpgsql AS $install$
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
        CREATE OR REPLACE FUNCTION %1$I() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $body$
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
