-- Applications (Anträge). Only what the service needs: a pseudonymous subject id, a display
-- name for clerks and the optional postbox handle; form data as the applicant entered it.
CREATE TABLE bb_application (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  reference VARCHAR(32) NOT NULL,
  service_id VARCHAR(64) NOT NULL,
  department VARCHAR(64) NOT NULL,
  applicant_subject VARCHAR(255) NOT NULL,
  applicant_kind VARCHAR(16) NOT NULL,
  applicant_name VARCHAR(200) NOT NULL,
  applicant_postbox VARCHAR(255),
  trust_level VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  form_data ${clob} NOT NULL,
  submitted_at ${timestamp} NOT NULL,
  updated_at ${timestamp} NOT NULL,
  dms_case_id VARCHAR(200),
  version BIGINT NOT NULL,
  CONSTRAINT bb_application_reference UNIQUE (reference)
);
CREATE INDEX bb_application_applicant ON bb_application (applicant_subject, submitted_at);
CREATE INDEX bb_application_inbox ON bb_application (department, status, submitted_at);

-- Status history, visible to the applicant. No foreign keys: rows are only written together with
-- their application by ApplicationService, and each FK costs Derby an extra index per insert.
CREATE TABLE bb_application_status (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  from_status VARCHAR(16),
  to_status VARCHAR(16) NOT NULL,
  actor VARCHAR(16) NOT NULL,
  note VARCHAR(2000),
  changed_at ${timestamp} NOT NULL
);
CREATE INDEX bb_status_by_application ON bb_application_status (application_id, changed_at);

-- Attachments, kept in the database until the DMS has them (shared by all instances).
CREATE TABLE bb_attachment (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  position_no INT NOT NULL,
  file_name VARCHAR(300) NOT NULL,
  media_type VARCHAR(200) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  content ${blob} NOT NULL
);
CREATE INDEX bb_attachment_by_application ON bb_attachment (application_id, position_no);

CREATE SEQUENCE bb_reference_seq AS BIGINT START WITH 1;
