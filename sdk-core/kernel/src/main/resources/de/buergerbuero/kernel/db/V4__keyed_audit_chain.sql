-- The chain is keyed (HMAC-SHA-256, key outside the database) from here on: each entry names its
-- key; entries sealed before this migration keep their plain SHA-256 and are marked by the head.
ALTER TABLE bb_audit_log ADD COLUMN key_id VARCHAR(16);
ALTER TABLE bb_audit_head ADD COLUMN unkeyed_until BIGINT;
UPDATE bb_audit_head SET unkeyed_until = last_seq;
