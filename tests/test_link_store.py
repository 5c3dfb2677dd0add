"""Linking on a real store with hand-built analyses: clusters, copies, incremental = rebuild, stable ids,
re-analysis, hostile content. Real sentence embeddings (all-MiniLM-L6-v2), real SQLite / PostgreSQL."""

from __future__ import annotations

import json

from claimgraph.analysis_types import Quantity, Source
from claimgraph.link.update import rebuild, update
from claimgraph.schema import validate_story
from claimgraph.store import Store
from claimgraph.story import story_from_store
from link_fixtures import analysis, claim, doc

MERIDIAN = doc(
    "Valdoria is expected to begin producing high-speed trains at Port Aldren this year. "
    "About 300 Kestrian engineers will be sent to Port Aldren.",
    "Meridian",
    "2025-01-14",
)
LEDGER = doc(
    "Valdoria will start building high-speed trains this year with Kestrian technical assistance. "
    "Heavy rain flooded the coastal road near Lenmark on Sunday.",
    "Northern Ledger",
    "2025-01-16",
)
MINISTRY = doc(
    "Production of high-speed trains has started at the Port Aldren railway works. "
    "Up to 450 Kestrian engineers are working at the plant.",
    "Transport Ministry",
    "2025-02-03",
)
COPY_TEXT = MINISTRY.text + " "  # a syndicated copy: same body, another outlet


def reports():
    ministry_copy = doc(COPY_TEXT, "Coastline Wire", "2025-02-04")
    rusk = [Source("s0", "Teodor Rusk", "person", "person:teodor rusk")]
    return [
        (
            MERIDIAN,
            analysis(
                MERIDIAN,
                [
                    claim(
                        1,
                        MERIDIAN.id,
                        "Valdoria is expected to begin producing high-speed trains at Port Aldren this year",
                        modality="expected",
                        entities=("gpe:valdoria", "fac:port aldren"),
                    ),
                    claim(
                        2,
                        MERIDIAN.id,
                        "About 300 Kestrian engineers will be sent to Port Aldren",
                        modality="expected",
                        entities=("fac:port aldren",),
                        quantities=(Quantity((0, 9), "About 300", 300, "about", "Kestrian engineers"),),
                    ),
                ],
            ),
        ),
        (
            LEDGER,
            analysis(
                LEDGER,
                [
                    claim(
                        1,
                        LEDGER.id,
                        "Valdoria will start building high-speed trains this year with Kestrian technical assistance",
                        modality="expected",
                        entities=("gpe:valdoria",),
                    ),
                    claim(
                        2,
                        LEDGER.id,
                        "Heavy rain flooded the coastal road near Lenmark on Sunday",
                        entities=("gpe:lenmark",),
                    ),
                ],
            ),
        ),
        (
            MINISTRY,
            analysis(
                MINISTRY,
                [
                    claim(
                        1,
                        MINISTRY.id,
                        "Production of high-speed trains has started at the Port Aldren railway works",
                        entities=("fac:port aldren",),
                        cited=("s0",),
                    ),
                    claim(
                        2,
                        MINISTRY.id,
                        "Up to 450 Kestrian engineers are working at the plant",
                        cited=("s0",),
                        quantities=(Quantity((0, 9), "Up to 450", 450, "up to", "Kestrian engineers"),),
                    ),
                ],
                rusk,
            ),
        ),
        (
            ministry_copy,
            analysis(
                ministry_copy,
                [
                    claim(
                        1,
                        ministry_copy.id,
                        "Production of high-speed trains has started at the Port Aldren railway works",
                        entities=("fac:port aldren",),
                        cited=("s0",),
                    ),
                    claim(
                        2,
                        ministry_copy.id,
                        "Up to 450 Kestrian engineers are working at the plant",
                        cited=("s0",),
                        quantities=(Quantity((0, 9), "Up to 450", 450, "up to", "Kestrian engineers"),),
                    ),
                ],
                rusk,
            ),
        ),
    ]


def add(store: Store, items) -> None:
    for document, a in items:
        store.add_document(document)
        a.document = document.id
        store.save_analysis(a)


def links(store: Store) -> dict:
    story = story_from_store(store)
    validate_story(story)
    source_ids = {s["id"] for s in story["sources"]}
    assert all(set(k["origins"]) <= source_ids for k in story["clusters"])  # every origin is a listed source
    return {k: story[k] for k in ("clusters", "relations", "timeline")}


def cluster_of(story: dict, claim_id: str) -> dict:
    return next(k for k in story["clusters"] if claim_id in k["claims"])


def test_paraphrases_cluster_neighbours_do_not_and_a_copy_is_one_report(store_url):
    with Store(store_url) as store:
        add(store, reports())
        update(store)
        story = links(store)
    trains = cluster_of(story, f"{MERIDIAN.id}-c1")
    assert f"{LEDGER.id}-c1" in trains["claims"] and f"{MINISTRY.id}-c1" in trains["claims"]
    assert f"{LEDGER.id}-c2" not in trains["claims"]  # the flood is another story
    copy_id = reports()[3][0].id
    assert f"{copy_id}-c1" in trains["claims"]
    assert trains["reports"] == 3  # Meridian, Ledger, Ministry (+ its copy, the same report)
    assert trains["independent_origins"] == 3  # two outlets in their own voice and Rusk; the copy adds none
    types = {(r["a"], r["b"]): r["type"] for r in story["relations"]}
    assert types[(f"{MERIDIAN.id}-c1", f"{MINISTRY.id}-c1")] == "updates"
    assert types[(f"{MINISTRY.id}-c1", f"{copy_id}-c1")] == "repeats"
    assert not any(copy_id in (r["a"], r["b"]) and r["type"] != "repeats" for r in story["relations"])


def test_incremental_equals_rebuild_and_ids_are_stable(tmp_path):
    items = reports()
    with Store(str(tmp_path / "one-by-one.db")) as store:
        for item in items:  # a report at a time, linking after each
            add(store, [item])
            update(store)
        incremental = links(store)
        rebuild(store)
        rebuilt = links(store)
    with Store(str(tmp_path / "all-at-once.db")) as store:
        add(store, reports())  # the same arrival order: which of two copies is the original depends on it
        update(store)
        batch = links(store)
    assert incremental == rebuilt == batch
    assert len({k["id"] for k in batch["clusters"]}) == len(batch["clusters"])


def test_reanalysis_replaces_a_documents_claims(tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        items = reports()
        add(store, items)
        update(store)
        ledger, old = items[1]
        new = analysis(
            ledger,
            [
                claim(
                    1,
                    ledger.id,
                    "Heavy rain flooded the coastal road near Lenmark on Sunday",
                    entities=("gpe:lenmark",),
                )
            ],
        )
        store.save_analysis(new)
        update(store)
        story = links(store)
        rows = store.db.query("SELECT claim_id FROM link_claims WHERE document_id = ?", (ledger.id,))
        vectors = store.db.query("SELECT COUNT(*) FROM link_embeddings")[0][0]
    assert rows == [(f"{ledger.id}-c1",)]
    assert f"{ledger.id}-c1" not in cluster_of(story, f"{MERIDIAN.id}-c1")["claims"]
    assert vectors == 6  # distinct sentences: re-analysis and the copy encoded nothing twice


def test_hostile_and_empty_analyses_are_linked_without_crashing(tmp_path):
    empty = doc("nothing here", None, None)
    odd = doc("<script>alert(1)</script>", "<b>Outlet</b>", "2025-13-99")
    with Store(str(tmp_path / "s.db")) as store:
        add(
            store,
            [
                (empty, analysis(empty, [])),
                (
                    odd,
                    analysis(
                        odd,
                        [
                            claim(1, odd.id, "<script>alert(1)</script>"),
                            claim(2, odd.id, "\x00\ufffd" * 50),
                            claim(3, odd.id, ""),
                        ],
                    ),
                ),
            ],
        )
        update(store)
        update(store)  # nothing pending: a no-op
        story = links(store)
    assert sorted(c for k in story["clusters"] for c in k["claims"]) == [f"{odd.id}-c{i}" for i in (1, 2, 3)]
    json.dumps(story)


def test_relink_gives_one_answer_whatever_order_reports_were_added_in(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claimgraph.cli import main
    from claimgraph.link import candidate_index

    monkeypatch.setattr(candidate_index, "PER_KEY", 1)  # every key shared by more claims than the cap
    items = reports()[:3]
    before, after = [], []
    for name, order in (("forward", items), ("reverse", items[::-1])):
        path = tmp_path / f"{name}.db"
        with Store(str(path)) as store:
            for item in order:
                add(store, [item])
                update(store)
            before.append(set(store.db.query("SELECT a, b FROM link_edges")))
        result = CliRunner().invoke(main, ["relink", "--db", str(path), "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["documents"] == 3
        with Store(str(path)) as store:
            after.append((set(store.db.query("SELECT a, b FROM link_edges")), links(store)))
    assert before[0] != before[1]  # the cap made the order matter ...
    assert after[0] == after[1]  # ... and relinking took it away


def test_linking_reports_its_progress(tmp_path, monkeypatch):
    from claimgraph.link import update as link_update

    monkeypatch.setattr(link_update, "CHUNK", 3)  # 4 reports in two chunks; progress per report, from 0
    seen = []
    with Store(str(tmp_path / "s.db")) as store:
        add(store, reports())
        update(store, lambda done, total: seen.append((done, total)))
        assert store.db.query("SELECT COUNT(*) FROM link_documents")[0][0] == 4
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)  # a bar from the moment linking starts, to its end
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and {t for _, t in seen} == {4}


def test_stored_features_are_read_once_and_stay_bounded(tmp_path, monkeypatch):
    from claimgraph.link import update as link_update

    with Store(str(tmp_path / "s.db")) as store:
        add(store, reports())
        update(store)
        ids = {r[0] for r in store.db.query("SELECT claim_id FROM link_claims")}
        reads = []
        real_load = link_update.load_features
        monkeypatch.setattr(
            link_update, "load_features", lambda tables, wanted: reads.append(set(wanted)) or real_load(tables, wanted)
        )
        stored = link_update.StoredFeatures(store.link_tables)
        first = stored.get(ids)
        assert set(first) == ids and stored.get(ids) == first and reads == [ids]  # the second get reads nothing
        monkeypatch.setattr(link_update.StoredFeatures, "LIMIT", 3)
        small = link_update.StoredFeatures(store.link_tables)
        assert set(small.get(ids)) == ids and len(small.known) == len(ids)  # over the limit: emptied, then read
        assert set(small.get({min(ids)})) == {min(ids)} and len(small.known) <= len(ids)
