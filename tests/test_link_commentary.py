"""A report's commentary meets only its copies: filed under its words, encoded only when a copy of it may be stored,
and linked the same whether reports come one by one or are all relinked. Real SQLite store, real MiniLM vectors."""

from __future__ import annotations

from claimgraph.link.candidate_index import index_keys
from claimgraph.link.claim_view import links_nothing
from claimgraph.link.embeddings import text_hash
from claimgraph.link.matching import may_be_copies, same_claim
from claimgraph.link.update import rebuild, update
from claimgraph.store import Store
from link_fixtures import analysis, claim, doc, match_features

FRAMING = "The evolution of the radar programme signals a new era of cooperation between the two ports"
OTHER_FRAMING = "This partnership reflects how quickly the region has changed in a decade"


def report(outlet: str, published: str, fact: str, framing: str):
    document = doc(f"{fact}. {framing}.", outlet, published)
    return document, analysis(
        document,
        [
            claim(1, document.id, fact, entities=("gpe:estmark",)),
            claim(2, document.id, framing),
        ],
    )


def add(store: Store, item) -> None:
    document, a = item
    store.add_document(document)
    a.document = document.id
    store.save_analysis(a)


def encoded(store: Store, text: str) -> bool:
    return bool(store.link_tables.vectors([text_hash(text)]))


def edges(store: Store) -> list[tuple[str, str, float]]:
    return store.link_tables.edges()


def test_commentary_is_encoded_only_when_a_copy_of_it_may_be_stored(tmp_path):
    herald = report("City Herald", "2024-03-02", "Estmark is producing radars with help from Norland", FRAMING)
    courier = report("Courier", "2024-03-03", "Estmark opened a second radar plant", OTHER_FRAMING)
    wire = report("Coast Wire", "2024-03-04", "Estmark has begun exporting radars", FRAMING + "!")  # a copy, retouched
    assert all(links_nothing(item[1].claims[1]) for item in (herald, courier, wire))
    with Store(str(tmp_path / "s.db")) as store:
        for item in (herald, courier):
            add(store, item)
            update(store)
        # the factual claims are encoded; neither commentary, which has no copy yet
        assert encoded(store, herald[1].claims[0].content) and encoded(store, courier[1].claims[0].content)
        assert not encoded(store, FRAMING) and not encoded(store, OTHER_FRAMING)
        add(store, wire)
        update(store)
        # a copy came: both sides encoded, and joined; the other commentary still not encoded
        assert encoded(store, FRAMING) and encoded(store, FRAMING + "!")
        assert not encoded(store, OTHER_FRAMING)
        copy_edge = tuple(sorted((herald[1].claims[1].id, wire[1].claims[1].id)))
        assert copy_edge in {(a, b) for a, b, _ in edges(store)}
        incremental = edges(store)
        rebuild(store)  # vectors now cached for some commentary, not for others: the same links either way
        assert edges(store) == incremental


def test_a_copy_is_told_by_its_words_first_both_ways():
    long = match_features(FRAMING, commentary=True)
    copy = match_features(FRAMING + "!", commentary=True)
    short = match_features("a new era", commentary=True)  # under MIN_COPY_WORDS: says too little to be a copy
    unlike = match_features(OTHER_FRAMING, commentary=True)
    fact = match_features(FRAMING)  # the same words as a factual claim: never joined to commentary
    assert may_be_copies(long, copy) and may_be_copies(copy, long) and same_claim(long, copy) is not None
    assert same_claim(long, short) is None and same_claim(short, long) is None  # one rule, whichever is new
    assert not may_be_copies(long, unlike) and same_claim(long, unlike) is None
    assert same_claim(long, fact) is None and same_claim(fact, long) is None
    # filed under its words only: found without a vector, and no place taken among factual claims' candidates
    assert index_keys(long) == sorted(f"w:{w}" for w in long.words)
    assert index_keys(short) == []
    assert any(k.startswith("h") for k in index_keys(fact))
    long.vector = None  # not encoded: still filed, still told from unlike commentary without a vector
    assert index_keys(long) and same_claim(long, unlike) is None and same_claim(long, fact) is None


def test_a_store_linked_before_the_upgrade_is_linked_again_with_its_vectors_kept(tmp_path):
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        add(store, report("City Herald", "2024-03-02", "Estmark is producing radars with help from Norland", FRAMING))
        add(store, report("Coast Wire", "2024-03-04", "Estmark has begun exporting radars", FRAMING + "!"))
        update(store)
        linked, vectors = edges(store), store.db.query("SELECT text_hash, vector FROM link_embeddings ORDER BY 1")
        generation = store.link_tables.generation()
        store.db.execute("DELETE FROM schema_migrations WHERE version = 8")  # as a store of the version before
    with Store(db) as store:  # the migration runs: links forgotten, so the next update makes them with the new keys
        assert store.link_tables.counts() == {"documents": 0, "claims": 0, "edges": 0}
        assert store.link_tables.generation() > generation  # a story built from the old links is stale
        assert store.db.query("SELECT text_hash, vector FROM link_embeddings ORDER BY 1") == vectors
        update(store)
        assert edges(store) == linked
