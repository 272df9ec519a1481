-- Applications to represent an adult who cannot decide (issue 5): someone who does not manage
-- the patient's record (a partner, child, parent or sibling under Belgian law; a curator or
-- mentor a Dutch court appointed) files the signed form, or the court's decision, as a PDF.
-- They are link requests with relation 'representative', 'curator' or 'mentor' (a parent's is
-- 'parent'), and keep their form like a designation does: a file in the uploads folder named by
-- the row's id, with its SHA-256 and size here. A parent's request has neither.
ALTER TABLE link_requests ADD COLUMN file_sha256 TEXT NULL;
ALTER TABLE link_requests ADD COLUMN file_size BIGINT NULL;
