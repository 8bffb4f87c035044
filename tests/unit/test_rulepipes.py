"""The compiled attribute ruler and cached lemmatizer give spaCy's output, token for token."""

from __future__ import annotations

import pytest
import spacy

from newsevents.config import resolve_settings
from newsevents.nlp import load_pipeline
from newsevents.nlp.rulepipes import CachedLemmatizer, CompiledRuler, install
from tests.conftest import EXAMPLE

# Sentences that reach the ruler's rarer patterns: contractions ("ain't", "gonna", "let's",
# "y'all", "c'mon"), existential "there", auxiliaries, determiners, spaces, a colloquial
# "nothin'", plus ordinary news wording.
TRICKY = [
    "It ain't over, and they're gonna protest again, y'all.",
    "Let's see what they got, c'mon.  There is nothing there, nothin' at all.",
    "There were clashes in the north; there's been no word since.\n\nOfficials did say so.",
    "Which side has the upper hand? That one does, the minister said.",
    "The rebels had seized the town before troops arrived on Tuesday.",
    "  Leading spaces,\ttabs\tand   gaps  between words.  ",
    "Protesters weren't dispersed; police didn't intervene and hadn't been told.",
    "",
]


def _rows(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    return spacy.load(resolve_settings().nlp.model)


def test_the_default_pipeline_gets_both_compiled_components() -> None:
    nlp = load_pipeline(resolve_settings().nlp.model)
    holders = {name: getattr(pipe, "inner", None) for name, pipe in nlp.pipeline}
    assert isinstance(holders["attribute_ruler"], CompiledRuler)
    assert isinstance(holders["lemmatizer"], CachedLemmatizer)


def test_outputs_equal_spacy_on_the_example_and_tricky_text(stock) -> None:
    fast = load_pipeline(resolve_settings().nlp.model)
    texts = [EXAMPLE.read_text(encoding="utf-8"), *TRICKY]
    # twice: the second pass runs from the caches the first one filled
    for _ in range(2):
        for text, want, got in zip(texts, stock.pipe(texts), fast.pipe(texts), strict=True):
            assert _rows(got) == _rows(want), text[:60]


def test_a_later_rule_wins_and_a_multi_token_rule_sets_its_indexed_token(stock) -> None:
    fast = spacy.load(resolve_settings().nlp.model)
    for nlp in (stock, fast):
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "troops"}]], {"LEMMA": "soldier"})
        ruler.add([[{"LOWER": "troops"}]], {"LEMMA": "trooper"})  # later: wins
        ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "negotiation"}, index=1)
    assert install(fast) == ["attribute_ruler", "lemmatizer"]
    text = "Troops left before the peace talks began; the troops returned."
    want, got = stock(text), fast(text)
    assert _rows(got) == _rows(want)
    assert [t.lemma_ for t in got if t.lower_ in ("troops", "talks")] == [
        "trooper",
        "negotiation",
        "trooper",
    ]


def test_patterns_with_operators_keep_spacys_own_component() -> None:
    nlp = spacy.load(resolve_settings().nlp.model)
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert install(nlp) == ["lemmatizer"]
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_rules_that_set_extensions_or_misplace_an_index_keep_spacys_component() -> None:
    from spacy.tokens import Token

    Token.set_extension("flagged", default=False, force=True)
    with_extension = spacy.load(resolve_settings().nlp.model)
    with_extension.get_pipe("attribute_ruler").add([[{"LOWER": "army"}]], {"_": {"flagged": True}})
    assert "attribute_ruler" not in install(with_extension)
    with_index = spacy.load(resolve_settings().nlp.model)
    with_index.get_pipe("attribute_ruler").add([[{"LOWER": "army"}]], {"LEMMA": "x"}, index=1)
    assert "attribute_ruler" not in install(with_index)


def test_without_a_parse_the_compiled_ruler_falls_back_to_spacys(stock) -> None:
    fast = load_pipeline(resolve_settings().nlp.model)
    text = EXAMPLE.read_text(encoding="utf-8")[:2000]
    with stock.select_pipes(disable=["parser"]), fast.select_pipes(disable=["parser"]):
        assert _rows(fast(text)) == _rows(stock(text))
