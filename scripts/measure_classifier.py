"""Measure the experimental event classifier alone, sentence by sentence. Never trains.

    .venv/bin/python scripts/measure_classifier.py [--gold-dir ../shared/gold] [--json OUT]

(a) PLOVER gold (PLOVER_GSR_CAMEO.json): event-type accuracy and macro-F1 over the 16
    categories (legacy names DEMAND=REQUEST, DISAPPROVE=ACCUSE, FIGHT=ASSAULT; DOCUMENT
    and INVESTIGATE skipped). A NONE prediction counts as wrong; "events only" takes the
    best label other than NONE.
(b) ConfliBERT CAMEO development set (conflibert_cameo_class_train.tsv): pentacode
    accuracy and macro-F1, the predicted label mapped to a pentacode.
    For (a) and (b): the same figures when the classifier is trusted only above a
    probability threshold (coverage, accuracy on the trusted part, and macro-F1 with the
    rest counted as no answer; for pentacode also with the rest counted as 0).
(c) Speed: model load time and sentences per second with 1 and 2 onnxruntime threads,
    and with 1 thread and low_memory.

The gold and development files are read for scoring only; nothing here writes weights.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from newsevents.coding.classifier import (
    NONE_LABEL,
    PENTACODE,
    EventClassifier,
    accuracy,
    event_of,
    f1_of,
    macro_f1,
)

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT.parent / "shared" / "gold"
LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
SKIP = {"DOCUMENT", "INVESTIGATE"}
THRESHOLDS = (0.5, 0.6, 0.7)
ABSTAIN = "-"


def read_gold(path: Path) -> tuple[list[str], list[str]]:
    """Sentences and event categories of the PLOVER gold records."""
    sentences, events = [], []
    for record in json.loads(path.read_text(encoding="utf-8")):
        event = LEGACY.get(record.get("event", ""), record.get("event", ""))
        if event in SKIP or not record.get("text"):
            continue
        sentences.append(record["text"])
        events.append(event)
    return sentences, events


def read_dev(path: Path) -> tuple[list[str], list[int]]:
    """Sentences and pentacodes of the development set (`sentence<TAB>label`, no header)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if row]
    return [row[0] for row in rows], [int(row[1]) for row in rows]


def grouped(probs: np.ndarray, labels: Sequence[str], key: Mapping[str, object]) -> tuple:
    """Probabilities summed by group; returns (group names, (n, groups) array)."""
    groups = sorted({key[label] for label in labels}, key=str)
    out = np.zeros((len(probs), len(groups)))
    for j, label in enumerate(labels):
        out[:, groups.index(key[label])] += probs[:, j]
    return groups, out


def decide(
    probs: np.ndarray, labels: Sequence[str], key: Mapping[str, object]
) -> tuple[list, np.ndarray]:
    """Top label mapped through `key`, and the summed probability of that group."""
    groups, summed = grouped(probs, labels, key)
    top = [key[labels[j]] for j in np.argmax(probs, axis=1)]
    confidence = np.array([summed[i, groups.index(g)] for i, g in enumerate(top)])
    return top, confidence


def threshold_rows(
    gold: list, predicted: list, confidence: np.ndarray, classes: list, fallback: object = ABSTAIN
) -> list[dict]:
    """Figures when only predictions with confidence >= t are kept."""
    rows = []
    for t in THRESHOLDS:
        keep = confidence >= t
        kept_gold = [g for g, k in zip(gold, keep, strict=True) if k]
        kept_pred = [p for p, k in zip(predicted, keep, strict=True) if k]
        filled = [p if k else fallback for p, k in zip(predicted, keep, strict=True)]
        rows.append(
            {
                "threshold": t,
                "coverage": round(float(keep.mean()), 4),
                "accuracy_on_trusted": round(accuracy(kept_gold, kept_pred), 4),
                "macro_f1_on_trusted": round(macro_f1(kept_gold, kept_pred, classes), 4),
                "macro_f1_rest_unanswered": round(macro_f1(gold, filled, classes), 4),
            }
        )
    return rows


def score_gold(clf: EventClassifier, x: np.ndarray, events: list[str]) -> dict:
    probs = clf.probabilities(x)
    labels = clf.labels
    key = {label: event_of(label)[0] or NONE_LABEL for label in labels}
    categories = sorted(set(events))
    predicted, confidence = decide(probs, labels, key)
    no_none = probs.copy()
    no_none[:, labels.index(NONE_LABEL)] = 0.0
    events_only = [key[labels[j]] for j in np.argmax(no_none, axis=1)]
    return {
        "records": len(events),
        "accuracy": round(accuracy(events, predicted), 4),
        "macro_f1": round(macro_f1(events, predicted, categories), 4),
        "predicted_none": sum(p == NONE_LABEL for p in predicted),
        "events_only_accuracy": round(accuracy(events, events_only), 4),
        "events_only_macro_f1": round(macro_f1(events, events_only, categories), 4),
        "per_category_f1": {c: round(f1_of(events, predicted, c), 3) for c in categories},
        "thresholds": threshold_rows(events, predicted, confidence, categories),
    }


def score_dev(clf: EventClassifier, x: np.ndarray, pentacodes: list[int]) -> dict:
    probs = clf.probabilities(x)
    key: dict[str, object] = dict(PENTACODE)
    predicted, confidence = decide(probs, clf.labels, key)
    classes = list(range(5))
    confusion = np.zeros((5, 5), dtype=int)
    for g, p in zip(pentacodes, predicted, strict=True):
        confusion[g, int(p)] += 1
    rows = threshold_rows(pentacodes, predicted, confidence, classes)
    for row, t in zip(rows, THRESHOLDS, strict=True):
        filled = [p if c >= t else 0 for p, c in zip(predicted, confidence, strict=True)]
        row["macro_f1_rest_as_0"] = round(macro_f1(pentacodes, filled, classes), 4)
    return {
        "sentences": len(pentacodes),
        "gold_distribution": [pentacodes.count(c) for c in classes],
        "accuracy": round(accuracy(pentacodes, predicted), 4),
        "macro_f1": round(macro_f1(pentacodes, predicted, classes), 4),
        "per_pentacode_f1": [round(f1_of(pentacodes, predicted, c), 3) for c in classes],
        "confusion_gold_rows_pred_cols": confusion.tolist(),
        "thresholds": rows,
    }


def timed_embed(clf: EventClassifier, sentences: list[str]) -> tuple[np.ndarray, float]:
    start = time.perf_counter()
    x = clf.embed(sentences)
    return x, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    start = time.perf_counter()
    clf = EventClassifier.from_files(threads=1)
    load_seconds = time.perf_counter() - start
    gold_sentences, events = read_gold(args.gold_dir / "PLOVER_GSR_CAMEO.json")
    dev_sentences, pentacodes = read_dev(args.gold_dir / "conflibert_cameo_class_train.tsv")
    x_gold, _ = timed_embed(clf, gold_sentences)
    x_dev, seconds_1 = timed_embed(clf, dev_sentences)
    clf2 = EventClassifier.from_files(threads=2)
    _, seconds_2 = timed_embed(clf2, dev_sentences)
    del clf2
    low = EventClassifier.from_files(threads=1, low_memory=True)
    _, seconds_low = timed_embed(low, dev_sentences)
    report = {
        "gold": score_gold(clf, x_gold, events),
        "dev": score_dev(clf, x_dev, pentacodes),
        "speed": {
            "load_seconds_first_in_process": round(load_seconds, 3),
            "sentences_per_second_1_thread": round(len(dev_sentences) / seconds_1, 1),
            "sentences_per_second_2_threads": round(len(dev_sentences) / seconds_2, 1),
            "sentences_per_second_1_thread_low_memory": round(len(dev_sentences) / seconds_low, 1),
            "batch_size": clf.embedder.batch_size,
        },
    }
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def print_report(report: dict) -> None:
    gold, dev, speed = report["gold"], report["dev"], report["speed"]
    out = sys.stdout.write
    out(f"(a) PLOVER gold, {gold['records']} records (DOCUMENT, INVESTIGATE skipped)\n")
    out(
        f"    event-type accuracy {gold['accuracy']:.3f}  macro-F1 {gold['macro_f1']:.3f}  "
        f"(NONE predicted for {gold['predicted_none']})\n"
    )
    out(
        f"    events only (NONE excluded): accuracy {gold['events_only_accuracy']:.3f}  "
        f"macro-F1 {gold['events_only_macro_f1']:.3f}\n"
    )
    out(f"    per category F1: {gold['per_category_f1']}\n")
    _print_thresholds(gold["thresholds"])
    out(
        f"(b) ConfliBERT dev set, {dev['sentences']} sentences, gold pentacodes 0-4: "
        f"{dev['gold_distribution']}\n"
    )
    out(
        f"    pentacode accuracy {dev['accuracy']:.3f}  macro-F1 {dev['macro_f1']:.3f}  "
        f"per class F1 {dev['per_pentacode_f1']}\n"
    )
    out(
        f"    confusion (rows gold 0-4, columns predicted 0-4): "
        f"{dev['confusion_gold_rows_pred_cols']}\n"
    )
    _print_thresholds(dev["thresholds"])
    out(
        f"(c) load {speed['load_seconds_first_in_process']:.2f} s (first in process); "
        f"{speed['sentences_per_second_1_thread']:.0f} sentences/s with 1 thread, "
        f"{speed['sentences_per_second_2_threads']:.0f} with 2, "
        f"{speed['sentences_per_second_1_thread_low_memory']:.0f} with 1 and low_memory "
        f"(batch {speed['batch_size']})\n"
    )


def _print_thresholds(rows: list[dict]) -> None:
    for row in rows:
        extra = (
            f"  macro-F1 rest as 0 {row['macro_f1_rest_as_0']:.3f}"
            if ("macro_f1_rest_as_0" in row)
            else ""
        )
        sys.stdout.write(
            f"    trusted at p>={row['threshold']}: coverage {row['coverage']:.3f}  "
            f"accuracy {row['accuracy_on_trusted']:.3f}  "
            f"macro-F1 on trusted {row['macro_f1_on_trusted']:.3f}  "
            f"macro-F1 rest unanswered {row['macro_f1_rest_unanswered']:.3f}{extra}\n"
        )


if __name__ == "__main__":
    raise SystemExit(main())
