"""A wire dateline ("KAGARA, Nigeria (AFP) - ...") is a sentence of its own: not the
subject of the story's first sentence and not part of its actor's words."""

from __future__ import annotations

import pytest
import spacy

import newsevents
from newsevents.config import resolve_settings
from newsevents.nlp import load_pipeline
from newsevents.nlp.datelines import DATELINE


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_pipeline(resolve_settings().nlp.model)


def _first_sentence(nlp, text: str) -> str:
    return next(iter(nlp(text).sents)).text


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "KAGARA, Nigeria (AFP) - Gunmen abducted 27 pupils on Wednesday.",
            "KAGARA, Nigeria (AFP) -",
        ),
        (
            "MOGADISHU, Oct 14 (Reuters) - A suicide bomber killed 20 people.",
            "MOGADISHU, Oct 14 (Reuters) -",
        ),
        ("Lome (AFP) - Togo's opposition parties boycotted the election.", "Lome (AFP) -"),
        (
            "PORT-AU-PRINCE - Haiti's opposition demanded the prime minister's resignation.",
            "PORT-AU-PRINCE -",
        ),
        ("New York (CNN) French President Emmanuel Macron rejected the plan.", "New York (CNN)"),
        (
            "Kigali, Rwanda - The government accused Congolese troops of shelling.",
            "Kigali, Rwanda -",
        ),
        (
            "New York ( CNN ) French President Emmanuel Macron rejected the plan .",
            "New York ( CNN )",
        ),
    ],
)
def test_a_dateline_is_its_own_sentence(nlp, text: str, dateline: str) -> None:
    assert DATELINE in nlp.pipe_names
    doc = nlp(text)
    assert doc.text == text  # not a character changed
    assert _first_sentence(nlp, text) == dateline


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty International (AI) Secretary General Salil Shetty condemned the killings.",
        "Hamas - which rules Gaza - said it fired rockets at Israel.",
        "The Islamic State (IS) Monday claimed the attack on the convoy.",
        "UPDATE 2 - Russia said it would expel ten diplomats.",
        "Russia, China and Iran held naval drills in the Gulf of Oman.",
    ],
)
def test_an_opening_that_is_no_dateline_stays_in_its_sentence(nlp, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


def test_a_dateline_in_a_later_paragraph_is_found_too(nlp) -> None:
    text = "Gunmen kill 20 in Nigeria\n\nKANO, Nigeria (AFP) - Gunmen killed 20 villagers."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert "KANO, Nigeria (AFP) -" in sents


def test_the_dateline_is_not_the_actor() -> None:
    [event] = [
        e
        for e in newsevents.code_text(
            "LA PAZ - Bolivia severed diplomatic ties with Israel on Tuesday."
        )
        if e.event_type == "SANCTION"
    ]
    assert event.actor is not None and event.actor.text == "Bolivia"
    assert event.recipient is not None and event.recipient.text == "Israel"


@pytest.mark.parametrize(
    ("text", "story"),
    [
        (
            "RABAT, May 1 - Morocco cut diplomatic ties with Iran on Tuesday.",
            "Morocco cut diplomatic ties with Iran on Tuesday.",
        ),
        (
            "ISLAMABAD, March 24 - China extended a $2 billion loan to Pakistan.",
            "China extended a $2 billion loan to Pakistan.",
        ),
    ],
)
def test_the_subject_after_a_dateline_stays_with_its_verb(nlp, text: str, story: str) -> None:
    # the parser, told a sentence starts after the dateline, may make one of the subject
    assert [s.text for s in nlp(text).sents][1] == story


def test_a_sentence_ending_right_after_a_dateline_still_ends(nlp) -> None:
    sents = [
        s.text for s in nlp("MOGADISHU (Reuters) - Three killed. Police said more died.").sents
    ]
    assert sents[1:] == ["Three killed.", "Police said more died."]
