-- Addresses besides the account's own that a person's notices go to (issue 7): each is used
-- only once its owner confirmed it with the link sent to it.
CREATE TABLE notice_addresses (
    person_id TEXT NOT NULL REFERENCES patients (id),
    address TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT NULL,
    PRIMARY KEY (person_id, address)
);
