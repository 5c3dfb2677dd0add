"""The story's links part (clusters, relations, timeline) is kept in the store and read back while the store and
the code are unchanged (``story.story_from_store``, ``store.story_cache``), on a real copy of the demo store."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from claimgraph import story as story_module
from claimgraph.link.merge_entities import unify_entities
from claimgraph.link.story_links import links_json
from claimgraph.store import Store
from claimgraph.story import story_from_store, story_json
from views_fixtures import demo_store_copy


@pytest.fixture
def demo_db(tmp_path_factory, tmp_path):
    return demo_store_copy(tmp_path_factory, tmp_path / "demo.db")


@pytest.fixture
def builds(monkeypatch):
    """Counts the times the links are built (not read back)."""
    counted = []

    def counting(*args, **kwargs):
        counted.append(1)
        return links_json(*args, **kwargs)

    monkeypatch.setattr(story_module, "links_json", counting)
    return counted


def as_text(story: dict) -> str:
    return json.dumps(story, ensure_ascii=False, indent=2)


def fresh_story(store: Store) -> dict:
    """The story built without the cache."""
    documents = store.documents()
    analyses = unify_entities(list(store.analyses()))
    return story_json(documents, analyses, links_json(store, documents, analyses))


def test_the_kept_links_give_the_same_story_as_building_them(demo_db, builds):
    with Store(demo_db) as store:
        first = story_from_store(store)
        assert len(builds) == 1
        second = story_from_store(store)
        assert len(builds) == 1  # read back
        assert as_text(second) == as_text(first) == as_text(fresh_story(store))
        assert second["relations"] and second["clusters"] and second["timeline"]
    with Store(demo_db) as store:  # another process, later: read back as well
        assert as_text(story_from_store(store)) == as_text(first)
    assert len(builds) == 1


def change_links(store: Store) -> None:
    with store.link_tables.writing():  # a relink that wrote back the same rows: only the generation moves
        pass


def change_an_analysis(store: Store) -> None:
    analysis = next(a for a in store.analyses() if a.claims)
    store.save_analysis(replace(analysis, claims=analysis.claims[:-1]))


def change_a_report(store: Store) -> None:
    store.db.execute("UPDATE documents SET outlet = 'Another Outlet' WHERE id = (SELECT MIN(id) FROM documents)")


@pytest.mark.parametrize("change", [change_links, change_an_analysis, change_a_report])
def test_a_change_to_the_store_builds_the_links_again(demo_db, builds, change):
    with Store(demo_db) as store:
        story_from_store(store)
        change(store)
        changed = story_from_store(store)
        assert len(builds) == 2
        assert as_text(changed) == as_text(fresh_story(store))
        story_from_store(store)
        assert len(builds) == 2  # and the new links are kept in turn


def test_other_code_builds_the_links_again(demo_db, builds, monkeypatch):
    with Store(demo_db) as store:
        story_from_store(store)
        monkeypatch.setattr(story_module, "code_version", lambda: "another claimgraph")
        story_from_store(store)
        assert len(builds) == 2


def test_links_of_a_store_that_changed_while_they_were_built_are_not_kept(demo_db, monkeypatch):
    built = []

    def meanwhile_a_relink(store, *args, **kwargs):
        built.append(1)
        links = links_json(store, *args, **kwargs)
        change_links(store)
        return links

    monkeypatch.setattr(story_module, "links_json", meanwhile_a_relink)
    with Store(demo_db) as store:
        story_from_store(store)
        assert store.db.query("SELECT COUNT(*) FROM story_cache")[0][0] == 0
        story_from_store(store)
        assert len(built) == 2


def test_a_damaged_entry_is_built_again(demo_db, builds):
    with Store(demo_db) as store:
        first = story_from_store(store)
        store.db.execute("UPDATE story_cache SET data = 'not base64 zlib json'")
        assert as_text(story_from_store(store)) == as_text(first)
        assert len(builds) == 2
        story_from_store(store)
        assert len(builds) == 2  # replaced by a good entry


def test_a_store_held_by_a_writer_still_answers_without_keeping_the_links(demo_db, builds):
    with Store(demo_db, create=False) as store:
        writer = sqlite3.connect(demo_db, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # an add in another process, holding the store's write lock
        try:
            story = story_from_store(store)  # waits a moment for the lock (WRITE_WAIT_MS), not a minute
            assert story["relations"]
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert store.db.query("SELECT COUNT(*) FROM story_cache")[0][0] == 0
        assert as_text(story_from_store(store)) == as_text(story)
        assert len(builds) == 2  # not kept while held; kept now
        story_from_store(store)
        assert len(builds) == 2


def test_the_cache_keeps_one_entry_per_part_on_each_backend(store_url):
    from link_fixtures import analysis, doc

    report = doc("The ministry said the ferry carried 120 passengers.", "Harbor Gazette", "2025-03-03")
    with Store(store_url) as store:
        empty = store.story_cache.inputs()
        store.add_document(report)
        added = store.story_cache.inputs()
        store.save_analysis(analysis(report, []))
        analysed = store.story_cache.inputs()
        assert len({empty, added, analysed}) == 3
        assert store.story_cache.get("links", analysed) is None
        assert store.story_cache.put("links", added, {"relations": [], "note": "kept «as is»"})
        assert store.story_cache.put("links", analysed, {"relations": [{"a": "c1", "confidence": 0.55}]})
        assert store.story_cache.get("links", added) is None  # replaced: one entry per part
        assert store.story_cache.get("links", analysed) == {"relations": [{"a": "c1", "confidence": 0.55}]}
        assert store.db.query("SELECT COUNT(*) FROM story_cache")[0][0] == 1
