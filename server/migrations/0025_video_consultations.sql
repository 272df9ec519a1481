-- Video consultations (issue 11).
-- A doctor's video consultations of the coming days are found among all records' appointments
-- by their start (GET /provider/video-consultations).
CREATE INDEX record_items_by_start ON record_items (section, starts_at);
-- A slot names its doctor by id too (the Schedule's Practitioner actor), so an appointment moved
-- or booked into it keeps a doctor who may open its video room.
ALTER TABLE appointment_slots ADD COLUMN practitioner_id TEXT;
