-- Decision notices (Bescheide): one per application, the PDF/A as issued. Kept until the
-- application's retention ends; filed in the DMS through the outbox (dms_document_id once filed).
CREATE TABLE bb_decision (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  free_text ${clob},
  file_name VARCHAR(200) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  content ${blob} NOT NULL,
  issued_at ${timestamp} NOT NULL,
  issued_by VARCHAR(200) NOT NULL,
  dms_document_id VARCHAR(300),
  CONSTRAINT bb_decision_application UNIQUE (application_id)
);
