-- Whether a report is a note of a consultation (consult, progress, history and physical note)
-- rather than a report: the portal shows such notes only where the hospital releases them.
ALTER TABLE reports ADD COLUMN consultation_note BIGINT NOT NULL DEFAULT 0;
