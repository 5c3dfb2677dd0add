-- link/: a counter every write to the link tables moves on (linking a report, forgetting one, a relink), so a
-- reader holding a story built from them (the web app) can tell it is stale. A relink writes back the same
-- link_documents rows it deleted, so nothing else in the store shows that the links changed.
CREATE TABLE link_state (
    id          INTEGER PRIMARY KEY,
    generation  BIGINT NOT NULL
);
INSERT INTO link_state (id, generation) VALUES (1, 0);
