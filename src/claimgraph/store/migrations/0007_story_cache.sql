-- The parts of the story that take long to build from the store (the clusters, relations and timeline
-- ``link/`` derives from the edges: minutes at 10,000 reports), kept with the state of the store and code they
-- were built from; a reader whose state differs builds them again (``story.story_from_store``).
CREATE TABLE story_cache (
    part   TEXT PRIMARY KEY,
    state  TEXT NOT NULL,
    data   TEXT NOT NULL
);
