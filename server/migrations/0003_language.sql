-- The language a person chose for the portal ('nl', 'fr' or 'en'); NULL: the browser's.
ALTER TABLE accounts ADD COLUMN language TEXT NULL;
