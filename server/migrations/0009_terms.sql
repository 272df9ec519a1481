-- Terms of use and suspension (issue 8, item 6): which version of the portal's terms a person
-- accepted, and a hospital's suspension of an account for misuse, with its reason.
ALTER TABLE accounts ADD COLUMN terms_version TEXT NULL;
ALTER TABLE accounts ADD COLUMN terms_accepted_at BIGINT NULL;
ALTER TABLE accounts ADD COLUMN suspended_at BIGINT NULL;
ALTER TABLE accounts ADD COLUMN suspended_reason TEXT NULL;
ALTER TABLE accounts ADD COLUMN suspended_by TEXT NULL REFERENCES staff (id);
