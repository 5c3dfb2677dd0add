"""The store on real backends: re-adding is a no-op, near-copies are marked, analyses replace atomically."""

import sqlite3

import pytest

from claimgraph.analysis_types import Analysis, Claim
from claimgraph.document import Document, sha256_hex
from claimgraph.store import Store
from claimgraph.store.migrations import available

TEXT = (
    "The regional council approved the new harbour budget on Monday after a long debate. "
    "The mayor said the budget would fund two new ferries and a repaired pier by next spring. "
    "Opposition members said the plan ignored the rail link that commuters had asked for."
)


def doc(text: str, **kw) -> Document:
    return Document(text=text, sha256=sha256_hex(text + repr(sorted(kw.items()))), **kw)


def test_schema_is_migrated_once(store_url):
    with Store(store_url) as s1:
        assert s1.schema_version == max(v for v, _, _ in available())
    with Store(store_url) as s2:  # opening again applies nothing twice
        assert s2.schema_version == s1.schema_version


def test_same_report_twice_is_a_no_op(store_url):
    with Store(store_url) as store:
        d = doc(TEXT, title="Budget")
        assert store.add_document(d).status == "added"
        assert store.add_document(doc(TEXT, title="Budget")).status == "exists"
        assert store.document_count() == 1
        assert store.get_document(d.id).title == "Budget"


def test_syndicated_copy_is_kept_but_marked(store_url):
    with Store(store_url) as store:
        original = doc(TEXT, outlet="Harbour Times")
        copy = doc(TEXT + " (Distributed by Coast Wire.)", outlet="Coast Wire")
        unrelated = doc("A completely different report about a football match that ended in a draw on Sunday evening.")
        store.add_document(original)
        outcome = store.add_document(copy)
        assert outcome.status == "duplicate" and outcome.duplicate_of == original.id
        assert store.add_document(unrelated).status == "added"
        assert store.get_document(copy.id).duplicate_of == original.id
        assert store.get_document(unrelated.id).duplicate_of is None


def test_analysis_replaces_claims_and_pending_list_shrinks(store_url):
    with Store(store_url) as store:
        d = doc(TEXT)
        store.add_document(d)
        assert [p.id for p in store.pending_documents()] == [d.id]
        claim = Claim(id=f"{d.id}-c1", span=(0, 10), text=TEXT[:10], content=TEXT[:10], content_span=(0, 10))
        store.save_analysis(Analysis(d.id, "test", claims=[claim]))
        store.save_analysis(Analysis(d.id, "test", claims=[claim]))  # again: replaced, not doubled
        assert store.pending_documents() == []
        assert store.pending_documents(analyzer="newer") != []
        assert store.db.query("SELECT COUNT(*) FROM claims")[0][0] == 1
        assert store.get_analysis(d.id).claims[0] == claim


def test_failed_write_leaves_store_unchanged(sqlite_url):
    with Store(sqlite_url) as store:
        d = doc(TEXT)
        store.add_document(d)
        bad = Claim(id="dup", span=(0, 1), text="x", content="x", content_span=(0, 1))
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed: claims.id"):
            store.save_analysis(Analysis(d.id, "test", claims=[bad, bad]))  # duplicate primary key
        assert store.get_analysis(d.id) is None
        assert store.db.query("SELECT COUNT(*) FROM claims")[0][0] == 0


def test_language_is_detected_and_stored_on_both_backends(store_url):
    russian = (
        "Министерство обороны заявило в понедельник, что войска заняли деревню на востоке страны. "
        "Представитель ведомства сообщил, что операция продолжается."
    )
    with Store(store_url) as store:
        ru, en = doc(russian), doc(TEXT)
        given = doc(TEXT + " Later.", language="de")  # a reader (or the Spark job) that set it is believed
        for d in (ru, en, given):
            store.add_document(d)
        assert store.document_languages() == {ru.id: "ru", en.id: "en", given.id: "de"}
        assert store.get_document(ru.id).language == "ru"
        assert [d.language for d in store.pending_documents() if d.id == ru.id] == ["ru"]
        found = store.db.query("SELECT id FROM documents WHERE text LIKE ?", ("%обороны%",))
        assert [r[0] for r in found] == [ru.id]
