-- A citizen's answers to a query (Rückfrage, status NEEDS_INFO): text and further documents,
-- numbered per application; filed_at once the DMS has them.
CREATE TABLE bb_answer (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  seq_no INT NOT NULL,
  answer_text ${clob},
  answered_at ${timestamp} NOT NULL,
  filed_at ${timestamp},
  CONSTRAINT bb_answer_seq UNIQUE (application_id, seq_no)
);
-- the answer a document came with; NULL: it came with the application
ALTER TABLE bb_attachment ADD COLUMN answer_id VARCHAR(36);
-- by when an open query should be answered
ALTER TABLE bb_application ADD COLUMN answer_due ${timestamp};
