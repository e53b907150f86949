-- Deliveries of a Bescheid to its applicant, one row per channel tried: the channel's id, where it
-- stands (ACCEPTED, DELIVERED, FAILED, REJECTED) and why it failed. A FAILED or undeliverable
-- letter (and a Bescheid no channel could take, channel 'none') waits in the staff's print queue
-- until a clerk posts it by hand (posted_at, posted_by).
CREATE TABLE bb_delivery (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  channel VARCHAR(32) NOT NULL,
  delivery_ref VARCHAR(200),
  state VARCHAR(16) NOT NULL,
  reason VARCHAR(500),
  created_at ${timestamp} NOT NULL,
  updated_at ${timestamp} NOT NULL,
  posted_at ${timestamp},
  posted_by VARCHAR(200)
);
CREATE INDEX bb_delivery_application ON bb_delivery (application_id);
CREATE INDEX bb_delivery_ref ON bb_delivery (delivery_ref);
CREATE INDEX bb_delivery_state ON bb_delivery (state);
-- when the applicant agreed to receive the Bescheid in the BundID postbox; NULL: not (or withdrawn)
ALTER TABLE bb_application ADD COLUMN postbox_consent_at ${timestamp};
