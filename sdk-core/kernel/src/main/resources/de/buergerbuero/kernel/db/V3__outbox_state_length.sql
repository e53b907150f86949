-- AWAITING_CONFIRMATION (asynchronous DMS confirmations) is longer than 16 characters.
ALTER TABLE bb_outbox ALTER COLUMN state ${setType} VARCHAR(32);
