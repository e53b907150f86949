-- Outbox: every effect on an outside system, written in the business transaction.
CREATE TABLE bb_outbox (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  type VARCHAR(100) NOT NULL,
  idempotency_key VARCHAR(200) NOT NULL,
  payload VARCHAR(4000) NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at ${timestamp} NOT NULL,
  last_error VARCHAR(1000),
  result VARCHAR(500),
  created_at ${timestamp} NOT NULL,
  delivered_at ${timestamp},
  lease_owner VARCHAR(100),
  lease_until ${timestamp},
  CONSTRAINT bb_outbox_key UNIQUE (idempotency_key)
);
CREATE INDEX bb_outbox_due ON bb_outbox (state, next_attempt_at);

-- Audit log: append-only, each entry chained to the previous one by SHA-256.
CREATE TABLE bb_audit_log (
  seq BIGINT NOT NULL PRIMARY KEY,
  occurred_at ${timestamp} NOT NULL,
  actor VARCHAR(300) NOT NULL,
  action VARCHAR(60) NOT NULL,
  object_type VARCHAR(60) NOT NULL,
  object_id VARCHAR(100) NOT NULL,
  detail VARCHAR(1000),
  prev_hash VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL
);
CREATE INDEX bb_audit_object ON bb_audit_log (object_type, object_id);

-- The chain's head: one row, locked by every append so the chain stays linear.
CREATE TABLE bb_audit_head (
  id INT NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO bb_audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
