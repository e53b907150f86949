-- Replay guards and per-client limits in the database instead of one instance's memory, so that
-- several instances behind a load balancer share them (issue 20 item 3). Identifiers are kept only
-- as hashes (client addresses as keyed hashes); rows expire and are deleted within minutes.
CREATE TABLE bb_seen_once (
  scope VARCHAR(32) NOT NULL,
  id_hash VARCHAR(64) NOT NULL,
  expires_ms BIGINT NOT NULL,
  PRIMARY KEY (scope, id_hash)
);
CREATE INDEX bb_seen_once_expiry ON bb_seen_once (expires_ms);

CREATE TABLE bb_client_window (
  scope VARCHAR(32) NOT NULL,
  client_hash VARCHAR(64) NOT NULL,
  window_start_ms BIGINT NOT NULL,
  window_end_ms BIGINT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (scope, client_hash, window_start_ms)
);
CREATE INDEX bb_client_window_end ON bb_client_window (window_end_ms);
