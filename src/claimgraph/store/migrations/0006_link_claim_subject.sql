-- link/: each linked claim keeps whose happening it tells (its subject: the first person, body or country named
-- before its first event word), so two claims of different actors are never the same claim; and two claims must
-- plainly share what they are about before they can join (``link.matching.grounded``). Both change the edges, so
-- every document is linked again on the next update (link_documents empty); sentence vectors stay.
ALTER TABLE link_claims ADD COLUMN subject TEXT;
DELETE FROM link_edges;
DELETE FROM link_keys;
DELETE FROM link_claims;
DELETE FROM link_documents;
