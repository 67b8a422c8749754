-- Activities and activity targets: indexes for the sorts and filters their lists offer (V2 made the tables).

-- GET /activities?sort=createdAt, and the keyset cursor over it.
CREATE INDEX activities_created_idx ON activities (workspace_id, created_at, id);
-- GET /activities?outcome=…, newest first.
CREATE INDEX activities_outcome_idx ON activities (workspace_id, outcome, occurred_at);
-- GET /activity-targets (default sort createdAt); the unique key (workspace_id, user_id, period, metric) serves
-- the userId filter.
CREATE INDEX activity_targets_created_idx ON activity_targets (workspace_id, created_at, id);
