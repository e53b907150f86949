-- Audit entries land here in the business transaction (no lock); the sealer appends them to the
-- hash chain in bb_audit_log shortly after, one batch at a time under the head lock.
CREATE TABLE bb_audit_pending (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  occurred_at ${timestamp} NOT NULL,
  actor VARCHAR(300) NOT NULL,
  action VARCHAR(60) NOT NULL,
  object_type VARCHAR(60) NOT NULL,
  object_id VARCHAR(100) NOT NULL,
  detail VARCHAR(1000)
);
-- No secondary indexes: the table stays small (sealed every few hundred ms) and is written on
-- every audited request.
