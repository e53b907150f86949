-- Case work: who works on an application — a clerk's account (assignee) and/or a team queue of
-- its department (team); NULL: unassigned.
ALTER TABLE bb_application ADD COLUMN assignee VARCHAR(200);
ALTER TABLE bb_application ADD COLUMN team VARCHAR(100);
CREATE INDEX bb_application_assignee ON bb_application (department, assignee);
-- Notes only staff see (never shown to the applicant), oldest first.
CREATE TABLE bb_case_note (
  id VARCHAR(36) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  author VARCHAR(200) NOT NULL,
  note_text ${clob} NOT NULL,
  created_at ${timestamp} NOT NULL
);
CREATE INDEX bb_case_note_application ON bb_case_note (application_id);
