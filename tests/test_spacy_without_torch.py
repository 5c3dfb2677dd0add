"""The analysing processes load spaCy without PyTorch (thinc imports it whenever it is installed, 230 MiB per
process), unless the configured pipeline may run on it; torch can still be imported after."""

from __future__ import annotations

import subprocess
import sys

from claimgraph.analyze.nlp import runs_on_torch


def test_loading_the_pipeline_leaves_torch_unloaded_and_importable():
    code = (
        "import sys\n"
        "from claimgraph.analyze.nlp import load\n"
        "from claimgraph.config import Settings\n"
        "nlp = load(Settings().spacy_model)\n"
        "assert [t.dep_ for t in nlp('The mayor said the pier would reopen.')][:2] == ['det', 'nsubj']\n"
        "print('torch' in sys.modules)\n"
        "try:\n"
        "    import torch\n"
        "except ImportError:  # not installed: nothing to check\n"
        "    print('absent')\n"
        "else:\n"
        "    print(torch.tensor([1.0, 2.0]).sum().item())\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    loaded, after = ran.stdout.split()
    assert loaded == "False"
    assert after in ("3.0", "absent")


def config(tmp_path, *architectures: str):
    folder = tmp_path / "pipeline"
    folder.mkdir(parents=True)
    body = "".join(f'[components.c{i}.model]\n@architectures = "{a}"\n' for i, a in enumerate(architectures))
    (folder / "config.cfg").write_text(body, encoding="utf-8")
    return str(folder)


def test_a_pipeline_that_may_need_torch_keeps_it(tmp_path):
    assert not runs_on_torch(config(tmp_path, "spacy.Tok2Vec.v2", "spacy.TransitionBasedParser.v2"))
    assert runs_on_torch(config(tmp_path / "trf", "spacy-transformers.TransformerModel.v3", "spacy.Tagger.v2"))
    (tmp_path / "empty").mkdir()
    assert runs_on_torch(str(tmp_path / "empty"))  # a folder without a config: cannot tell
    assert runs_on_torch("no_such_pipeline_package")
