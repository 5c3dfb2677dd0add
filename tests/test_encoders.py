"""The sentence encoders (link/encoders.py), real models: what each gives, choosing one, building and the cache.

The built models live in the user's cache folder (scripts/setup.sh builds them); tests that damage or cannot
write a cache use a folder of their own through CLAIMGRAPH_CACHE_DIR."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.link import encoders
from claimgraph.link.embeddings import encode, text_hash
from claimgraph.link.update import update
from claimgraph.store import Store
from link_fixtures import analysis, claim, doc

TRAINS = "Valdoria is expected to begin producing high-speed trains at Port Aldren this year"
TRAINS_AGAIN = "Valdoria will start building high-speed trains this year with Kestrian technical assistance"
FLOOD = "Heavy rain flooded the coastal road near Lenmark on Sunday"


@pytest.fixture(autouse=True)
def fresh_encoders():
    encoders.load.cache_clear()  # loaded per name once per process; tests below change the environment
    yield
    encoders.load.cache_clear()


@pytest.mark.parametrize("name", ["minilm", "static"])
def test_each_encoder_gives_unit_vectors_that_put_a_paraphrase_closer_than_another_event(name):
    vectors = encoders.encoder(name).encode([TRAINS, TRAINS_AGAIN, FLOOD])
    assert vectors.shape == (3, encoders.DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_a_sentence_vector_does_not_depend_on_the_sentences_encoded_with_it():
    model = encoders.encoder("minilm")
    alone = model.encode([TRAINS])[0]
    assert np.array_equal(model.encode([FLOOD, TRAINS, "Short."])[1], alone)


def test_the_onnx_int8_encoder_agrees_with_the_float_minilm():
    texts = [
        TRAINS,
        TRAINS_AGAIN,
        FLOOD,
        "The ministry denied that any engineers had been sent.",
        "Officials said on Tuesday that about 300 engineers would arrive at the plant in May, the report said. " * 3,
    ]
    exact = encoders.TorchMiniLM(quantized=False).encode(texts)
    onnx = encoders.encoder("minilm").encode(texts)
    assert np.min(np.sum(exact * onnx, axis=1)) > 0.98  # long inputs too: cut at 128 word pieces like the model
    assert abs(exact[0] @ exact[1] - onnx[0] @ onnx[1]) < 0.02  # what the matching thresholds see


def test_the_encoder_is_chosen_by_the_environment_and_keys_its_own_cache(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_ENCODER", "static")
    static_hash = text_hash(TRAINS)
    assert np.allclose(encode([TRAINS]), encoders.encoder("static").encode([TRAINS]))
    monkeypatch.setenv("CLAIMGRAPH_ENCODER", "minilm")
    assert text_hash(TRAINS) != static_hash  # vectors of two encoders never share a cache entry
    monkeypatch.setenv("CLAIMGRAPH_ENCODER", "glove")
    with pytest.raises(ClaimgraphError, match="CLAIMGRAPH_ENCODER='glove'.*minilm, static"):
        encoders.encoder()


def test_a_cache_folder_that_cannot_be_written_is_one_clear_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(blocker / "cache"))
    with pytest.raises(ClaimgraphError, match="cache folder .*a-file/cache.*CLAIMGRAPH_CACHE_DIR"):
        encoders.encoder("minilm")


def test_a_damaged_cached_model_is_built_again(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path))
    (tmp_path / encoders.BUILT_FILES["minilm"]).write_bytes(b"\0" * 1000)  # a build cut short by a full disk, say
    vectors = encoders.encoder("minilm").encode([TRAINS, FLOOD])
    assert "cannot be loaded" in capfd.readouterr().err
    good = encoders.cache_dir() / encoders.BUILT_FILES["minilm"]
    assert good.stat().st_size > 10_000_000
    assert [p.name for p in tmp_path.iterdir()] == [good.name]  # no half-built folder left behind
    encoders.load.cache_clear()
    monkeypatch.delenv("CLAIMGRAPH_CACHE_DIR")
    assert np.allclose(vectors, encoders.encoder("minilm").encode([TRAINS, FLOOD]), atol=1e-6)


def test_switching_the_encoder_links_every_report_again_with_the_new_one(tmp_path, monkeypatch):
    first, second = doc(TRAINS + ".", "Meridian", "2025-01-14"), doc(TRAINS_AGAIN + ".", "Ledger", "2025-01-16")
    with Store(str(tmp_path / "store.db")) as store:
        for d, text in ((first, TRAINS), (second, TRAINS_AGAIN)):
            store.add_document(d)
            store.save_analysis(analysis(d, [claim(1, d.id, text, modality="expected", entities=("gpe:valdoria",))]))
        monkeypatch.setenv("CLAIMGRAPH_ENCODER", "minilm")
        update(store)
        assert [set(r) for r in store.db.query("SELECT a, b FROM link_edges")] == [
            {f"{first.id}-c1", f"{second.id}-c1"}
        ]
        monkeypatch.setenv("CLAIMGRAPH_ENCODER", "static")
        update(store)  # nothing new to link, but the links were made with MiniLM vectors
        hashes = dict(store.db.query("SELECT claim_id, text_hash FROM link_claims"))
        assert hashes == {f"{first.id}-c1": text_hash(TRAINS), f"{second.id}-c1": text_hash(TRAINS_AGAIN)}


def test_the_module_builds_on_request_and_refuses_an_unknown_name(tmp_path, monkeypatch, capfd):
    shutil.copy(encoders.built_model("minilm", notify=lambda _: None), tmp_path)  # already built: nothing to do
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path))
    assert encoders.main(["minilm"]) == 0
    assert encoders.main(["glove"]) == 2
    assert "glove" in capfd.readouterr().err


def test_add_with_an_unknown_encoder_stores_the_analysis_and_says_what_to_change(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from claimgraph.cli import main

    (tmp_path / "a.txt").write_text("The ministry said on 3 March 2025 that the ferry carried 120 passengers.\n")
    monkeypatch.setenv("CLAIMGRAPH_ENCODER", "glove")
    db = str(tmp_path / "store.db")
    result = CliRunner().invoke(main, ["add", str(tmp_path / "a.txt"), "--db", db, "-q"])
    assert result.exit_code == 3
    assert "CLAIMGRAPH_ENCODER='glove'" in result.output and "Traceback" not in result.output
    with Store(db) as store:
        assert store.pending_documents() == []  # analysed and stored; linking waits for a usable encoder
