-- Documents, their analyses and the claims table used for listing and search.
-- Portable SQL: it runs unchanged on SQLite and PostgreSQL (TEXT ids, no autoincrement).
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL,
    title         TEXT,
    outlet        TEXT,
    author        TEXT,
    published     TEXT,
    url           TEXT,
    path          TEXT,
    text          TEXT NOT NULL,
    furniture     TEXT NOT NULL,
    meta          TEXT NOT NULL,
    duplicate_of  TEXT,
    added_at      TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);

-- MinHash band keys of each document's text, to find syndicated near-copies without comparing all pairs.
CREATE TABLE document_bands (
    band         TEXT NOT NULL,
    document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, document_id)
);

-- One row per analysed document; a document without a row here is pending analysis.
CREATE TABLE analyses (
    document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    analyzer     TEXT NOT NULL,
    data         TEXT NOT NULL,
    analyzed_at  TEXT NOT NULL
);

CREATE TABLE claims (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    content       TEXT NOT NULL,
    modality      TEXT NOT NULL,
    negated       INTEGER NOT NULL,
    sources       TEXT NOT NULL,
    time_value    TEXT,
    time_start    TEXT,
    time_end      TEXT
);
CREATE INDEX claims_document ON claims (document_id);
