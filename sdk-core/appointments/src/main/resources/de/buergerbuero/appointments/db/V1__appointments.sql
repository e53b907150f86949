-- One row per bookable slot of a location (created ahead for the booking window). A booking
-- takes its slots with conditional updates (taken < capacity) in ascending slot order inside one
-- transaction: the update locks the row and re-counts in the same step, the fixed order avoids
-- deadlocks, so a slot is never given out more often than its capacity.
CREATE TABLE bb_appointment_slot (
  location_id VARCHAR(64) NOT NULL,
  slot_start ${timestamp} NOT NULL,
  capacity INTEGER NOT NULL,
  taken INTEGER NOT NULL,
  PRIMARY KEY (location_id, slot_start)
);

-- Appointments. Contact data only as far as needed to send the confirmation; the e-mail key is a
-- keyed hash (HMAC) of the normalised address for the open-bookings limit.
CREATE TABLE bb_appointment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  location_id VARCHAR(64) NOT NULL,
  service_id VARCHAR(64) NOT NULL,
  slot_start ${timestamp} NOT NULL,
  slot_count INTEGER NOT NULL,
  status VARCHAR(16) NOT NULL,
  hold_until ${timestamp},
  contact_name VARCHAR(200),
  contact_email VARCHAR(254),
  email_key VARCHAR(64),
  request_key VARCHAR(100) NOT NULL,
  reminded SMALLINT DEFAULT 0 NOT NULL,
  created_at ${timestamp} NOT NULL,
  CONSTRAINT bb_appointment_request UNIQUE (request_key)
);
CREATE INDEX bb_appointment_day ON bb_appointment (location_id, slot_start);
CREATE INDEX bb_appointment_state ON bb_appointment (status, hold_until);
CREATE INDEX bb_appointment_email ON bb_appointment (email_key, status);
