-- GET /api/v1/opportunities?stageId=…&sort=closeDate&limit=50 as an admin key sends it (ListQuery).
SELECT k.workspace_id, k.user_id, k.role FROM api_keys k WHERE k.key_hash = :keyhash AND k.revoked_at IS NULL;
SELECT o.id, o.name, o.account_id, o.primary_contact_id, o.owner_id, o.pipeline_id, o.stage_id, o.amount,
       o.currency, o.close_date,
       coalesce(o.probability_override, s.probability) AS probability,
       o.probability_override IS NOT NULL AS probability_manual,
       coalesce(o.forecast_category_override, s.forecast_category) AS forecast_category,
       o.forecast_category_override IS NOT NULL AS forecast_category_manual,
       o.next_step, o.source, o.external_id, o.external_source, o.created_at, o.updated_at, o.version
FROM opportunities o
JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id WHERE o.workspace_id = :ws AND (TRUE) AND o.stage_id = ANY(ARRAY[:stage]::uuid[]) ORDER BY o.close_date, o.id LIMIT 51;
