-- link/: what is needed to match new claims against stored ones without reading the whole store.
-- Portable SQL (SQLite and PostgreSQL). Clusters, relations and origins are derived from these on read.

-- Which analysis of each document has been linked ("analyzed_at/length of data" of its analyses row); a
-- mismatch means the document was re-analysed and is linked again.
CREATE TABLE link_documents (
    document_id  TEXT PRIMARY KEY,
    analyzed_at  TEXT NOT NULL
);

-- Sentence embeddings by hash of (model, text), so re-analysis or a copy never encodes the same text twice.
CREATE TABLE link_embeddings (
    text_hash  TEXT PRIMARY KEY,
    vector     TEXT NOT NULL
);

-- The matching features of every linked claim.
CREATE TABLE link_claims (
    claim_id     TEXT PRIMARY KEY,
    document_id  TEXT NOT NULL,
    report_id    TEXT NOT NULL,
    published    TEXT,
    time_start   TEXT,
    time_end     TEXT,
    entities     TEXT NOT NULL,
    words        TEXT NOT NULL,
    counts       TEXT NOT NULL,
    text_hash    TEXT NOT NULL
);
CREATE INDEX link_claims_document ON link_claims (document_id);

-- Candidate index: entity keys and random-hyperplane LSH band keys -> claims, newest first per key.
CREATE TABLE link_keys (
    key        TEXT NOT NULL,
    claim_id   TEXT NOT NULL,
    published  TEXT NOT NULL,
    PRIMARY KEY (key, claim_id)
);
CREATE INDEX link_keys_recent ON link_keys (key, published, claim_id);
CREATE INDEX link_keys_claim ON link_keys (claim_id);

-- "Same claim" edges (a < b); clusters are the connected components.
CREATE TABLE link_edges (
    a      TEXT NOT NULL,
    b      TEXT NOT NULL,
    a_doc  TEXT NOT NULL,
    b_doc  TEXT NOT NULL,
    score  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX link_edges_a_doc ON link_edges (a_doc);
CREATE INDEX link_edges_b_doc ON link_edges (b_doc);
