-- A platform admin can suspend a workspace (unpaid, abuse, offboarding): every key and token of it is then refused
-- with 403 until it is resumed. Nothing is deleted.
ALTER TABLE workspaces
    ADD COLUMN suspended_at      timestamptz,
    ADD COLUMN suspension_reason text CHECK (length(suspension_reason) BETWEEN 1 AND 500);
