-- Retention (RetentionJob): finds decided or withdrawn applications by status and age.
CREATE INDEX bb_application_retention ON bb_application (status, updated_at);
