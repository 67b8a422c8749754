-- Realignment jobs write a row per account and per mover; two things cost them more than the rows themselves
-- (issue 4 benchmark, 1M accounts, one 200k-account chunk on the machine's embedded PostgreSQL):
--
-- 1. territory_assignments_account_idx (workspace, account) served one statement: the accounts-delete trigger of V15.
--    Every other read names the model and uses the primary key (workspace, model, account). Maintaining the index
--    cost about 0.3 s of a chunk's 1.6 s insert. The trigger now reaches an account's rows through the workspace's
--    models, by primary key.
-- 2. territory_moves checked two foreign keys per recorded mover (0.41 s of a 0.74 s chunk: 11,752 movers). As for
--    territory_assignments in V15, the references hold by construction (a preview derives each move from the account
--    and assignment rows it reads, under the workspace's territory-job lock) and statement-level triggers do what
--    ON DELETE CASCADE did.
DROP INDEX territory_assignments_account_idx;

CREATE OR REPLACE FUNCTION territory_assignments_drop_for_accounts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM territory_assignments ta USING gone g, territory_models m
    WHERE m.workspace_id = g.workspace_id AND ta.workspace_id = g.workspace_id AND ta.model_id = m.id
      AND ta.account_id = g.id;
    DELETE FROM territory_moves tm USING gone g, territory_models m
    WHERE m.workspace_id = g.workspace_id AND tm.workspace_id = g.workspace_id AND tm.model_id = m.id
      AND tm.account_id = g.id;
    RETURN NULL;
END $$;

ALTER TABLE territory_moves
    DROP CONSTRAINT territory_moves_model_fk,
    DROP CONSTRAINT territory_moves_account_fk;

CREATE FUNCTION territory_moves_drop_for_models() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM territory_moves tm USING gone g WHERE tm.workspace_id = g.workspace_id AND tm.model_id = g.id;
    RETURN NULL;
END $$;
CREATE TRIGGER territory_models_drop_moves AFTER DELETE ON territory_models
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION territory_moves_drop_for_models();
