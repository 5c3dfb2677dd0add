-- The language each report is written in (ISO 639-1, e.g. 'ru'); NULL where it could not be told, and for
-- reports stored before languages were detected (the next `claimgraph add` detects theirs).
ALTER TABLE documents ADD COLUMN language TEXT;
