-- Forecast facts: deals summed per month, owner, stage, currency and the people's overrides, kept in step with
-- opportunities by statement-level triggers in the writing transaction, so a quarter's roll-up reads a few rows per
-- owner and stage instead of every deal. Nothing here depends on a stage's settings (category, probability, won or
-- lost): those are joined when reading, so editing a stage needs no recomputation. Deals in a currency other than the
-- workspace's keep their close date (`rate_date`): they convert at that day's rate.
CREATE TABLE forecast_facts (
    workspace_id               uuid NOT NULL,
    month                      date NOT NULL,
    owner_id                   uuid NOT NULL,
    stage_id                   uuid NOT NULL,
    currency                   text NOT NULL,
    rate_date                  date,
    probability_override       numeric(5, 2),
    forecast_category_override text,
    deals                      integer NOT NULL,
    amount                     numeric(19, 4) NOT NULL,
    CONSTRAINT forecast_facts_key UNIQUE NULLS NOT DISTINCT
        (workspace_id, month, owner_id, stage_id, currency, rate_date, probability_override, forecast_category_override)
);
-- A team's roll-up reads its owners' months, not every owner's.
CREATE INDEX forecast_facts_owner_idx ON forecast_facts (workspace_id, owner_id, month);

-- Adds the deals of the statement's transition tables: new rows count +1, old rows −1; an update that leaves every
-- fact column alone (a territory realignment, a note) adds nothing. Rows go in key order so that concurrent writers
-- take their locks alike.
CREATE FUNCTION forecast_facts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    columns constant text := 'workspace_id, owner_id, stage_id, currency, close_date, probability_override, '
                             'forecast_category_override, amount';
    delta text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        delta := format('SELECT %s, 1 AS sign FROM new_rows', columns);
    ELSIF TG_OP = 'DELETE' THEN
        delta := format('SELECT %s, -1 AS sign FROM old_rows', columns);
    ELSE
        delta := format($q$
            WITH changed AS (
                SELECT n.workspace_id, n.id FROM new_rows n JOIN old_rows o ON o.workspace_id = n.workspace_id AND o.id = n.id
                WHERE (n.owner_id, n.stage_id, n.currency, n.close_date, n.probability_override,
                       n.forecast_category_override, n.amount)
                      IS DISTINCT FROM (o.owner_id, o.stage_id, o.currency, o.close_date, o.probability_override,
                                        o.forecast_category_override, o.amount))
            SELECT %1$s, 1 AS sign FROM new_rows WHERE (workspace_id, id) IN (SELECT * FROM changed)
            UNION ALL
            SELECT %1$s, -1 AS sign FROM old_rows WHERE (workspace_id, id) IN (SELECT * FROM changed)$q$, columns);
    END IF;
    EXECUTE format($q$
        INSERT INTO forecast_facts AS f (workspace_id, month, owner_id, stage_id, currency, rate_date,
                                         probability_override, forecast_category_override, deals, amount)
        SELECT d.workspace_id, date_trunc('month', d.close_date)::date, d.owner_id, d.stage_id, d.currency,
               CASE WHEN d.currency <> w.currency THEN d.close_date END, d.probability_override,
               d.forecast_category_override, sum(d.sign), sum(d.sign * d.amount)
        FROM (%s) d JOIN workspaces w ON w.id = d.workspace_id
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        HAVING sum(d.sign) <> 0 OR sum(d.sign * d.amount) <> 0
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT ON CONSTRAINT forecast_facts_key
            DO UPDATE SET deals = f.deals + EXCLUDED.deals, amount = f.amount + EXCLUDED.amount$q$, delta);
    RETURN NULL;
END $$;

CREATE TRIGGER opportunities_facts_insert AFTER INSERT ON opportunities
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_sync();
CREATE TRIGGER opportunities_facts_update AFTER UPDATE ON opportunities
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_sync();
CREATE TRIGGER opportunities_facts_delete AFTER DELETE ON opportunities
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION forecast_facts_sync();

INSERT INTO forecast_facts (workspace_id, month, owner_id, stage_id, currency, rate_date, probability_override,
                            forecast_category_override, deals, amount)
SELECT o.workspace_id, date_trunc('month', o.close_date)::date, o.owner_id, o.stage_id, o.currency,
       CASE WHEN o.currency <> w.currency THEN o.close_date END, o.probability_override, o.forecast_category_override,
       count(*), sum(o.amount)
FROM opportunities o JOIN workspaces w ON w.id = o.workspace_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
