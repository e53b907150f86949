-- Deadlines: by when an application should be decided (set at submission from the service's
-- processing time) and the clerk's follow-up date (Wiedervorlage); NULL: none.
ALTER TABLE bb_application ADD COLUMN decide_by ${timestamp};
ALTER TABLE bb_application ADD COLUMN follow_up ${timestamp};
CREATE INDEX bb_application_decide_by ON bb_application (department, decide_by);
CREATE INDEX bb_application_follow_up ON bb_application (department, follow_up);
