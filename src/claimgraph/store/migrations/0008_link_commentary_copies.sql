-- link/: a report's commentary meets only its copies, filed under its words instead of its vector's bands and
-- encoded only when a copy of it may be stored (``link.matching.may_be_copies``). That changes the keys and some
-- edges, so every document is linked again on the next update (link_documents empty); sentence vectors stay.
DELETE FROM link_edges;
DELETE FROM link_keys;
DELETE FROM link_claims;
DELETE FROM link_documents;
UPDATE link_state SET generation = generation + 1 WHERE id = 1;
