-- Logins in flight (SAML RelayState, OIDC state) in the database instead of one instance's memory,
-- so that the identity provider's answer may reach any instance (issue 14 item 8). Only SHA-256
-- hashes of the one-time token and of the pre-login cookie are kept; rows expire.
CREATE TABLE bb_login_in_flight (
  token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  browser_hash VARCHAR(64),
  payload VARCHAR(2000) NOT NULL,
  expires_ms BIGINT NOT NULL
);
CREATE INDEX bb_login_in_flight_expiry ON bb_login_in_flight (expires_ms);

-- Portal sessions started by a federated login (SAML), so that the identity provider's logout
-- request ends them on every instance, whichever instance it reaches. Subject and IdP session
-- index are kept as hashes only.
CREATE TABLE bb_login_session (
  id VARCHAR(64) NOT NULL PRIMARY KEY,
  source VARCHAR(32) NOT NULL,
  subject_hash VARCHAR(64) NOT NULL,
  session_index_hash VARCHAR(64),
  ended ${bool} NOT NULL,
  expires_ms BIGINT NOT NULL
);
CREATE INDEX bb_login_session_subject ON bb_login_session (source, subject_hash);
CREATE INDEX bb_login_session_expiry ON bb_login_session (expires_ms);
