-- The retention job (src/jobs/retention.job.ts) deletes finished rows in bounded batches; these
-- indexes let it find them without reading the whole table. Publication events and the audit log
-- are never pruned and need none.
CREATE INDEX webhook_delivery_finished_idx ON webhook_delivery (created_at) WHERE state <> 'pending';
CREATE INDEX email_outbox_sent_idx ON email_outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX password_reset_expires_idx ON password_reset (expires_at);
CREATE INDEX session_last_used_idx ON session (last_used_at);
