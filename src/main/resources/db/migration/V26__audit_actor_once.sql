-- The audit triggers (V22) join each statement's rows with audit_actor(), the transaction's actor read from the
-- `revops.actor` setting. As a LANGUAGE sql function PostgreSQL inlined it into every trigger statement and then
-- evaluated its expressions per audited row: current_setting, a jsonb parse and eight extractions per row. In psql,
-- 200k inserts into an audited table took 3.2–3.8 s against 0.63 s without the trigger; with the actor read once per
-- statement, 1.8–2.1 s. The same function as PL/pgSQL is never inlined: each trigger statement calls it once and
-- joins its one row (bench-batch, issue 7: the audit log had taken the 1M-lead upsert from 0.35× COPY to 0.27×).
CREATE OR REPLACE FUNCTION audit_actor() RETURNS TABLE (kind text, user_id uuid, key_id uuid, token_subject text,
                                                        job_id uuid, ip text, user_agent text, request_id text)
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY
    SELECT coalesce(a ->> 'kind', 'unknown'), (a ->> 'userId')::uuid, (a ->> 'keyId')::uuid, a ->> 'tokenSubject',
           (a ->> 'jobId')::uuid, a ->> 'ip', a ->> 'userAgent', a ->> 'requestId'
    FROM (SELECT nullif(current_setting('revops.actor', true), '')::jsonb AS a) actor;
END $$;
