-- The capture triggers' statements are planned once per database session and kept (PL/pgSQL caches them), with the
-- row counts the transition tables had at that first call. A session whose first update of a table touched one row
-- kept a nested-loop join of old and new rows for good, and later 5,000-row updates on that connection took 8-17 s
-- instead of under one (bench-batch: every other 10,000-lead upsert, the two pooled connections taking turns).
-- Without nested loops the join is hashed whatever the first call's size. The audit triggers' generator (V22) writes
-- `SET enable_nestloop = off` into its functions; the change log's generator (V13) is kept as it is and wrapped:
-- changes_install installs the capture as before, then sets the same on the function it generated.
ALTER FUNCTION changes_install(text, text) RENAME TO changes_install_generate;

CREATE FUNCTION changes_install(tbl text, kind text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM changes_install_generate(tbl, kind);
    EXECUTE format('ALTER FUNCTION %I() SET enable_nestloop = off', tbl || '_changes_capture');
END $$;

SELECT changes_install('accounts', 'account');
SELECT changes_install('contacts', 'contact');
SELECT changes_install('leads', 'lead');
SELECT changes_install('opportunities', 'opportunity');
