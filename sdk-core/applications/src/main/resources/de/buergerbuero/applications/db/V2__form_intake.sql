-- Applications that came from a form server (formsolutions, FIT-Connect): one row per submission,
-- written in the transaction that stores the application, so a submission delivered again (not yet
-- acknowledged, or after a crash between storing and acknowledging) finds its application instead
-- of creating a second one.
CREATE TABLE bb_form_intake (
  submission_key VARCHAR(200) NOT NULL PRIMARY KEY,
  application_id VARCHAR(36) NOT NULL,
  received_at ${timestamp} NOT NULL
);
