"""The repository holds no copy of the shared data sets' texts (PolNeAR's news articles, ECB+): tests use sentences
written for them, and comments quote a few words at most. A run of eight words shared with a corpus text is a copy,
except stock phrases every newsroom writes ("did not respond to a request for comment")."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import shared_data

RUN = 8  # words in a row
STOCK = ("request for", "for comment")  # "did not respond to a request for comment"
WORD = re.compile(r"[a-z0-9]+")
REPO = Path(__file__).resolve().parent.parent
CHECKED = (".py", ".md", ".html", ".js", ".txt")
NOT_PROSE = {"benchmarks/article-extraction-metadata.json"}  # gold labels of the extraction benchmark, not texts


def runs(text: str) -> list[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return [tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)]


def corpus_runs() -> set[int]:
    texts = list(shared_data("polnear").glob("*/text/*")) + list(shared_data("ecbplus-dev").rglob("*.xml"))
    seen: set[int] = set()
    for path in texts:
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8", errors="ignore"))
        seen.update(hash(r) for r in runs(text))
    return seen


def repository_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    return [REPO / p for p in listed.split() if p.endswith(CHECKED) and p not in NOT_PROSE and (REPO / p).is_file()]


def test_no_file_copies_a_corpus_text():
    seen = corpus_runs()
    copies = []
    for path in repository_files():
        for run in runs(path.read_text(encoding="utf-8", errors="ignore")):
            phrase = " ".join(run)
            if hash(run) in seen and not any(s in phrase for s in STOCK):
                copies.append(f"{path.relative_to(REPO)}: {phrase}")
    assert not copies, "text copied from the shared corpora:\n" + "\n".join(sorted(set(copies))[:40])
