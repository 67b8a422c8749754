-- Webhook deliveries are kept for revops.webhooks.retention after they ended (delivered or dead), then deleted with
-- their attempts; this index lets the hourly prune find them without reading the pending ones or the whole table.
CREATE INDEX webhook_deliveries_ended_idx ON webhook_deliveries ((coalesce(delivered_at, dead_at)))
    WHERE state <> 'pending';
