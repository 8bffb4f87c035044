"""Pre-tokenised text ("Baghdad ’ s forces , ...") is parsed as the running text it was cut
from, and keeps every character of its own."""

from __future__ import annotations

import pytest
import spacy

from newsevents.config import resolve_settings
from newsevents.nlp import load_pipeline
from newsevents.nlp.pretokenised import RESTORE, VIEW, is_pretokenised, running_spacing

RUNNING = "The government rejected Theresa May’s offer to hold talks, officials said."
SPLIT = "The government rejected Theresa May ’ s offer to hold talks , officials said ."


def _deps(doc: spacy.tokens.Doc) -> list[tuple[str, str, str]]:
    """Words with their tag, relation and head, the apostrophe forms made alike."""
    fold = {"’ s": "’s", "' s": "'s"}
    return [
        (fold.get(t.text, t.text), t.tag_, t.dep_ + ">" + fold.get(t.head.text, t.head.text))
        for t in doc
    ]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_pipeline(resolve_settings().nlp.model)


def test_the_view_comes_first_and_the_restoring_component_last(nlp) -> None:
    assert nlp.pipe_names[0] == VIEW
    assert nlp.pipe_names[-1] == RESTORE


def test_a_split_possessive_is_rejoined_and_parsed_as_in_running_text(nlp) -> None:
    split, running = nlp(SPLIT), nlp(RUNNING)
    assert split.text == SPLIT  # not a character changed
    possessive = next(t for t in split if t.text == "’ s")
    assert possessive.tag_ == "POS"
    assert possessive.idx == SPLIT.index("’ s")
    # "offer" is what was rejected, as in the running text, not a verb of its own
    assert _deps(split) == _deps(running)
    offer = next(t for t in split if t.text == "offer")
    assert (offer.dep_, offer.head.text) == ("dobj", "rejected")


def test_the_texts_own_spacing_is_back_after_the_pipeline(nlp) -> None:
    doc = nlp(SPLIT)
    assert [t.whitespace_ for t in doc][:4] == [" ", " ", " ", " "]
    comma = next(t for t in doc if t.text == ",")
    assert doc[comma.i - 1].whitespace_ == " "
    assert doc[comma.i].idx == SPLIT.index(" ,") + 1
    assert "newsevents_pretokenised_spacing" not in doc.user_data


def test_a_contracted_verb_is_read_as_a_verb(nlp) -> None:
    doc = nlp("The ministry said it ’ s ready to talk .")
    verb = next(t for t in doc if t.text == "’ s")
    assert verb.tag_ == "VBZ"


def test_running_text_is_parsed_exactly_as_without_the_view(nlp) -> None:
    texts = [
        RUNNING,
        "Kurds said Baghdad - the capital - was calm. Rebel-held towns (three) fell, 40% of them.",
        "He said: “We ’ll see.” Then , nothing.",  # one stray space before a comma
    ]
    for text in texts:
        with_view = nlp(text)
        with nlp.select_pipes(disable=[VIEW, RESTORE]):
            without = nlp(text)
        assert [(t.text, t.tag_, t.dep_, t.head.i) for t in with_view] == [
            (t.text, t.tag_, t.dep_, t.head.i) for t in without
        ], text


def test_a_doc_is_pretokenised_when_most_punctuation_is_spaced(nlp) -> None:
    make = nlp.make_doc
    assert is_pretokenised(make("Troops left , officials said ."))
    assert not is_pretokenised(make("Troops left, officials said."))
    assert not is_pretokenised(make("Troops left, officials said , and then left."))
    assert not is_pretokenised(make("No punctuation here at all"))


def test_running_spacing_joins_hyphens_punctuation_and_brackets(nlp) -> None:
    doc = nlp.make_doc("the rebel - held town ( Idlib ) , 40 % of it - run by them")
    spacing = dict(zip([t.text for t in doc], running_spacing(doc).tolist(), strict=False))
    assert spacing["rebel"] == 0 and spacing["-"] == 0  # rebel-held
    assert spacing["("] == 0 and spacing["Idlib"] == 0  # (Idlib)
    assert spacing[")"] == 0 and spacing["40"] == 0  # ), 40%
    assert spacing["town"] == 1 and spacing["of"] == 1
    # a hyphen before a number or a capital stays apart: "COVID - 19" (spaCy leaves
    # "COVID-19" one token), a dash in "UPDATE 2 - Russia shells Kharkiv"
    assert running_spacing(nlp.make_doc("it - 19 more")).tolist()[:2] == [1, 1]
    assert running_spacing(nlp.make_doc("UPDATE 2 - Russia shells")).tolist()[:3] == [1, 1, 1]


def test_a_detached_negation_negates(nlp) -> None:
    """ "did n’t" in pre-tokenised text reads as "not", as the split of "didn’t" does."""
    doc = nlp("Moscow did n’t expel the British diplomats .")
    negation = next(t for t in doc if t.text == "n’t")
    assert negation.norm_ == "not"
    assert negation.dep_ == "neg"


def _words_keeping_text(nlp, text: str) -> tuple[spacy.tokens.Doc, list[str]]:
    """The doc of `text` and its token texts, after checking no character changed."""
    doc = nlp(text)
    assert doc.text == text
    return doc, [t.text for t in doc]


def test_an_abbreviation_split_from_its_period_is_one_token_again(nlp) -> None:
    doc, words = _words_keeping_text(nlp, "Gen . Smith met the envoy in Kabul on Nov . 2 .")
    assert "Nov ." in words and "Gen ." in words
    assert words[-1] == "."  # the full stop of the sentence stays apart
    assert doc[words.index("Nov .")].ent_type_ == "DATE"


def test_a_number_split_at_its_thousands_is_one_number_again(nlp) -> None:
    text = "Police detained 1 , 086 migrants and 2 , 374 , 000 more , officials said ."
    doc, words = _words_keeping_text(nlp, text)
    assert "1 , 086" in words and "2 , 374 , 000" in words
    number = doc[words.index("1 , 086")]
    assert number.like_num and number.head.text == "migrants"
    # not thousands: a year and a count, a list, a day and a count
    for apart in ("in 2019 , 300 people", "3 , 4 , 500 and 6", "On May 5 , 300 protesters"):
        assert all(" " not in t.text for t in nlp(f"Officials counted {apart} , they said .")), (
            apart
        )


def test_initials_split_from_their_periods_are_one_token_again(nlp) -> None:
    text = "U . S federal agents met the Front ( T . P . L . F . ) in the U . K ."
    doc, words = _words_keeping_text(nlp, text)
    assert "U . S" in words and "T . P . L . F ." in words and "U . K" in words
    assert words[-1] == "."  # the sentence's full stop stays apart
    assert doc[words.index("U . S")].head.text == "agents"
    # a capital "A" or "I" after a period starts the next sentence unless a stop follows
    words = [t.text for t in nlp("Troops razed homes in Area C . A man was shot .")]
    assert "C" in words and "A" in words
    assert "U . S . A ." in [t.text for t in nlp("The U . S . A . team met officials .")]


def test_a_word_joined_by_a_hyphen_in_running_text_is_joined_for_the_coder(nlp) -> None:
    from newsevents.coding.syntax import space_after

    doc = nlp("Iranian - backed militias attacked the town .")
    assert not space_after(doc[0]) and not space_after(doc[1])  # "Iranian-backed"
    assert space_after(doc[2])
    assert space_after(nlp("Iranian-backed militias attacked.")[2])  # running text: its own
