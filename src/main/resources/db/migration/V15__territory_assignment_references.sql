-- Territory assignments are written up to a million rows at a time by the realignment jobs. PostgreSQL checks a
-- foreign key once per written row, locking the referenced row (FOR KEY SHARE) each time; on the 1M-account benchmark
-- the four keys of this table made a job's statement 2.5-8x slower than the same statement without them (one 47k
-- chunk: 10-33 s with the keys, 3.6-4.4 s without, machine under load; bench/README.md, territories).
-- The references stay true by construction instead: the engine derives every row from the account, territory and rule
-- it reads in the same statement, under the workspace's territory-job lock and the model's row lock; the manual path
-- locks the account and territory it checks (TerritoryAssignmentService). What the keys did on delete, these
-- statement-level triggers do, one set-based statement per deleting statement. A concurrent account delete racing a
-- job can leave a row of a deleted account; every read joins accounts, and the next run of the model removes it.
ALTER TABLE territory_assignments
    DROP CONSTRAINT territory_assignments_model_fk,
    DROP CONSTRAINT territory_assignments_account_fk,
    DROP CONSTRAINT territory_assignments_territory_fk,
    DROP CONSTRAINT territory_assignments_rule_fk;

CREATE FUNCTION territory_assignments_drop_for_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM territory_assignments ta USING gone g
    WHERE ta.workspace_id = g.workspace_id AND ta.account_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_drop_territory_assignments AFTER DELETE ON accounts
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION territory_assignments_drop_for_accounts();

CREATE FUNCTION territory_assignments_drop_for_models() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM territory_assignments ta USING gone g
    WHERE ta.workspace_id = g.workspace_id AND ta.model_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER territory_models_drop_assignments AFTER DELETE ON territory_models
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION territory_assignments_drop_for_models();

CREATE FUNCTION territory_assignments_drop_for_territories() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM territory_assignments ta USING gone g
    WHERE ta.workspace_id = g.workspace_id AND ta.model_id = g.model_id AND ta.territory_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER territories_drop_assignments AFTER DELETE ON territories
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION territory_assignments_drop_for_territories();

CREATE FUNCTION territory_assignments_forget_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE territory_assignments ta SET rule_id = NULL FROM gone g
    WHERE ta.workspace_id = g.workspace_id AND ta.model_id = g.model_id AND ta.rule_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER territory_rules_forget_assignments AFTER DELETE ON territory_rules
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION territory_assignments_forget_rules();
