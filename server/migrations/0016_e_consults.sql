-- E-consults (issue 7): a thread addressed to one of the doctors treating the patient, who
-- answers it themselves. Department threads have no doctor.
ALTER TABLE message_threads ADD COLUMN doctor_id TEXT NULL REFERENCES practitioners (id);
