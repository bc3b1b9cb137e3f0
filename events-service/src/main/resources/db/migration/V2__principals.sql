-- Who did it: the token's subject and name on each action and each retraction, and on the outbox
-- row, so the published record carries the balloon-principal header. Rows from before access
-- control have none.
ALTER TABLE policy_action ADD COLUMN submitted_by_subject VARCHAR(255);
ALTER TABLE policy_action ADD COLUMN submitted_by_name VARCHAR(255);
ALTER TABLE policy_action ADD COLUMN retracted_by_subject VARCHAR(255);
ALTER TABLE policy_action ADD COLUMN retracted_by_name VARCHAR(255);
ALTER TABLE outbox_record ADD COLUMN principal VARCHAR(255);

-- the audit trail: newest first, optionally for one principal
CREATE INDEX policy_action_received_idx ON policy_action (received_at DESC, id DESC);
CREATE INDEX policy_action_submitter_idx ON policy_action (submitted_by_subject, received_at DESC, id DESC);
CREATE INDEX policy_action_retracted_idx ON policy_action (retracted_at DESC, id DESC) WHERE retracted_at IS NOT NULL;
