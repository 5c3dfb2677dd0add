-- link/: claims carry their event words (verbs and event nouns) for the same-claim decision, and sentence
-- vectors come from the int8-quantised encoder. Both change what was stored, so every document is linked
-- again on the next update (link_documents empty) and stale vectors are dropped (they are re-encoded on demand).
ALTER TABLE link_claims ADD COLUMN events TEXT NOT NULL DEFAULT '';
ALTER TABLE link_claims ADD COLUMN commentary INTEGER NOT NULL DEFAULT 0;
DELETE FROM link_edges;
DELETE FROM link_keys;
DELETE FROM link_claims;
DELETE FROM link_documents;
DELETE FROM link_embeddings;
