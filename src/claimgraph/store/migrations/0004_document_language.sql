-- The language each report is written in (ISO 639-1, e.g. 'ru'); NULL where it could not be told, and for
-- reports stored before languages were detected (the next `claimgraph add` detects theirs).
ALTER TABLE documents ADD COLUMN language TEXT;
-- Finds those reports without reading every report's text (which sits before these columns in each row).
CREATE INDEX documents_language_unknown ON documents (added_at) WHERE language IS NULL;
