"""Each report's language is detected offline and stored; only English is analysed, the others are stored,
searchable and reported as "not analysed: language ru". Real detector, real store, real command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimgraph.analyze.language import analysed, detect
from claimgraph.cli import main
from claimgraph.document import Document, sha256_hex
from claimgraph.schema import validate_story
from claimgraph.store import Store
from claimgraph.store.migrations import available

RUSSIAN = (
    "Министерство обороны России заявило в понедельник, что его войска заняли ещё одну деревню на востоке "
    "Украины. По словам представителя ведомства, операция продолжается, а потери противника значительны. "
    "Украинские военные эти данные не подтвердили и сообщили, что бои в районе продолжаются."
)
GERMAN = (
    "Die Bundesregierung hat am Montag neue Hilfen für die Ukraine angekündigt. Ein Sprecher des "
    "Verteidigungsministeriums sagte, das Paket umfasse Luftabwehrsysteme und Munition im Wert von mehreren "
    "hundert Millionen Euro. Die Opposition kritisierte, die Lieferung komme zu spät."
)
ENGLISH = (
    "The regional council approved the new harbour budget on Monday after a long debate. The mayor said the "
    "budget would fund two new ferries and a repaired pier by next spring, officials said."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (RUSSIAN, "ru"),
        (GERMAN, "de"),
        (ENGLISH, "en"),
        ("Officials said the dam failed.", "en"),
        # another script tells the language however short the text
        ("Министерство обороны заявило об успехе.", "ru"),
        # Latin script, too short to tell apart from a misreading of English: could not tell, analysed as English
        ("Die Regierung hat am Montag zugestimmt.", None),
        ("Kyiv 2025", None),
        ("", None),
        ("2025-02-08 12:00 — 14:30", None),
        # mixed: an English report quoting Russian is English; a Russian report quoting English is Russian
        (ENGLISH + " «Мы не отступим», сказал он.", "en"),
        (RUSSIAN + ' "We will not retreat," he said.', "ru"),
    ],
)
def test_detect_follows_the_rule(text, expected):
    assert detect(text) == expected


def test_could_not_tell_is_analysed_as_english():
    assert analysed(None) and analysed("en") and not analysed("ru") and not analysed("de")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lang")
    for name, text in (("ru.txt", RUSSIAN), ("de.txt", GERMAN), ("en.txt", ENGLISH)):
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "s.db"
    result = run("add", folder, "--db", db, "--json", "--processes", "1")
    assert result.exit_code == 0, result.output
    return db, json.loads(result.stdout)


def test_add_reports_which_reports_were_not_analysed(mixed_store):
    db, added = mixed_store
    by_id = {Document(text=t, sha256=sha256_hex(t.encode())).id: lang for t, lang in ((RUSSIAN, "ru"), (GERMAN, "de"))}
    assert {(n["document"], n["language"]) for n in added["not_analysed"]} == set(by_id.items())
    table = run("add", db.parent / "ru.txt", db.parent / "en.txt", "--db", db)  # already stored: nothing new
    assert "not analysed" not in table.stdout


def test_other_languages_are_stored_shown_and_have_no_claims(mixed_store):
    db, _ = mixed_store
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(run("docs", "--db", db, "--json").stdout)}
    assert {name: d["language"] for name, d in docs.items()} == {"ru.txt": "ru", "de.txt": "de", "en.txt": "en"}
    assert docs["ru.txt"]["note"] == "not analysed: language ru" and docs["ru.txt"]["claims"] is None
    assert docs["en.txt"]["note"] is None and docs["en.txt"]["claims"] >= 1
    table = run("docs", "--db", db).stdout
    assert "language" in table and "ru" in table
    with Store(str(db), create=False) as store:
        ru = store.get_document(docs["ru.txt"]["id"])
        assert ru.text == RUSSIAN  # stored whole
        analysis = store.get_analysis(ru.id)
        assert analysis.claims == [] and analysis.mentions == []
        assert analysis.warnings == ["not analysed: language ru"]
        # searchable, whatever the case of the word searched for
        found = store.db.query("SELECT id FROM documents WHERE LOWER(text) LIKE ?", ("%министерство обороны%",))
        assert [r[0] for r in found] == [ru.id]


def test_story_json_carries_the_language_and_validates(mixed_store):
    db, _ = mixed_store
    story = json.loads(run("export", "--db", db).stdout)
    validate_story(story)
    languages = {d["path"].rsplit("/", 1)[-1]: d["language"] for d in story["documents"]}
    assert languages == {"ru.txt": "ru", "de.txt": "de", "en.txt": "en"}
    analysed_docs = {c["document"] for c in story["claims"]}
    assert analysed_docs == {d["id"] for d in story["documents"] if d["language"] == "en"}


def test_document_page_and_listing_show_the_language(mixed_store):
    from fastapi.testclient import TestClient

    from claimgraph.views.web import create_app

    db, _ = mixed_store
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1")
    listing = client.get("/documents")
    assert listing.status_code == 200 and "not analysed: language ru" in listing.text
    ru_id = next(d["id"] for d in client.get("/api/documents").json() if d["language"] == "ru")
    page = client.get(f"/documents/{ru_id}")
    assert page.status_code == 200 and "language ru (not analysed" in page.text


def test_a_store_from_before_languages_keeps_working(tmp_path):
    """Migration 0004 adds the column; reports stored before it have no language and stay analysed."""
    db = str(tmp_path / "old.db")
    with Store(db) as store:
        store.db.execute("DROP INDEX documents_language_unknown")
        store.db.execute("ALTER TABLE documents DROP COLUMN language")
        store.db.execute("DELETE FROM schema_migrations WHERE version = 4")
        store.db.execute(
            "INSERT INTO documents (id, sha256, kind, text, furniture, meta, added_at) "
            "VALUES ('dold', 'abc', 'text', ?, '[]', '{}', 'then')",
            (ENGLISH,),
        )
    with Store(db) as store:
        assert store.schema_version == max(v for v, _, _ in available())
        old = store.get_document("dold")
        assert old.language is None and analysed(old.language)
        new = Document(text=RUSSIAN, sha256=sha256_hex(RUSSIAN))
        store.add_document(new)
        assert store.get_document(new.id).language == "ru"


def test_add_detects_the_language_of_reports_stored_before_and_drops_their_english_parse(tmp_path):
    """A Russian report stored and parsed as English before languages were detected: the next `add` names its
    language, replaces its "claims" with the not-analysed analysis and links the store again."""
    db = tmp_path / "old.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    assert run("add", folder / "ru.txt", "--db", db, "--processes", "1").exit_code == 0
    with Store(str(db)) as store:  # as a store from before migration 0004 would hold it
        ru_id = store.documents()[0].id
        store.db.execute("UPDATE documents SET language = NULL, added_at = '2000-01-01T00:00:00+00:00'")
        fake = store.get_analysis(ru_id)
        fake.analyzer = "0.2.5"
        from claimgraph.analysis_types import Claim

        fake.claims = [
            Claim(id=f"{ru_id}-c1", span=(0, 12), text=RUSSIAN[:12], content=RUSSIAN[:12], content_span=(0, 12))
        ]
        fake.warnings = []
        store.save_analysis(fake)
        from claimgraph.ingest import update_links

        update_links(store)
        assert store.db.query("SELECT COUNT(*) FROM link_claims WHERE document_id = ?", (ru_id,))[0][0] == 1
    result = run("add", folder / "en.txt", "--db", db, "--json", "--processes", "1")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["not_analysed"] == [{"document": ru_id, "language": "ru"}]
    with Store(str(db), create=False) as store:
        assert store.get_document(ru_id).language == "ru"
        assert store.get_analysis(ru_id).claims == []
        assert store.db.query("SELECT COUNT(*) FROM link_claims WHERE document_id = ?", (ru_id,))[0][0] == 0
    again = run("add", folder / "en.txt", "--db", db, "--json")
    assert json.loads(again.stdout)["not_analysed"] == []  # done once
