-- ApiKeyIdentityProvider: every request starts with this lookup.
SELECT k.workspace_id, k.user_id, k.role FROM api_keys k WHERE k.key_hash = :keyhash AND k.revoked_at IS NULL;
