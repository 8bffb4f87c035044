"""A headline's present-tense verb ("Qatar *halts* mediation") is read as the verb it is,
and nothing else in a parse changes."""

from __future__ import annotations

import pytest
import spacy

import newsevents
from newsevents.config import resolve_settings
from newsevents.nlp import load_pipeline
from newsevents.nlp.headlines import NAME, past_tense


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return load_pipeline(resolve_settings().nlp.model)


def test_installed_after_the_models(nlp) -> None:
    names = nlp.pipe_names
    assert names.index(NAME) > max(names.index(n) for n in ("parser", "tagger", "ner"))


@pytest.mark.parametrize(
    ("verb", "past"),
    [
        ("halt", "halted"),
        ("ban", "banned"),
        ("free", "freed"),
        ("carry", "carried"),
        ("withdraw", "withdrew"),
        ("slam", "slammed"),
        ("march", "marched"),
        ("seek", "sought"),
    ],
)
def test_past_tense(verb: str, past: str) -> None:
    assert past_tense(verb) == past


@pytest.mark.parametrize(
    ("headline", "verb", "lemma", "tag"),
    [
        ("Qatar halts talks between Sudan's warring factions", "halts", "halt", "VBZ"),
        ("Thousands march in Tbilisi against media law", "march", "march", "VBP"),
        ("Houthis free 30 crew members of seized cargo ship", "free", "free", "VBP"),
        ("Hungarian ruling party withdraws 'foreign agents' bill", "withdraws", "withdraw", "VBZ"),
        # the last of several names is a plural subject
        (
            "Serbia, Kosovo sign trade pact at Brussels summit ending years of dispute",
            "sign",
            "sign",
            "VBP",
        ),
        # a doubtful root verb after the real one, parsed as a plural noun
        ("Malawi government shelves contested media bill after outcry", "shelves", "shelve", "VBZ"),
    ],
)
def test_headline_verb_heads_the_sentence(nlp, headline, verb, lemma, tag) -> None:
    doc = nlp(headline)
    token = next(t for t in doc if t.text == verb)
    assert doc.text == headline  # not a character changed
    assert (token.dep_, token.pos_, token.lemma_, token.tag_) == ("ROOT", "VERB", lemma, tag)
    assert any(c.dep_ == "nsubj" for c in token.children)


@pytest.mark.parametrize(
    ("text", "verb", "lemma", "head"),
    [
        # running text with no verb at its root: the past read as an adjective of "intelligence"
        ("Kenya's NIS shared intelligence with Uganda on Monday.", "shared", "share", None),
        # the noun the past modifies read as the subject of the clause after "after"
        (
            "Norway's coast guard scrambled patrol boats after a Russian trawler entered"
            " its waters.",
            "scrambled",
            "scramble",
            None,
        ),
        # "military" after a possessive, read as an adjective, ends the subject
        (
            "Togo's military moved troops and armoured vehicles to its northern border with"
            " Burkina Faso on Friday, following raids on two villages.",
            "moved",
            "move",
            None,
        ),
        # the noun the past modifies read as a loose dependent of "said": the past heads
        # the clause said
        (
            "The SBU shared intelligence with Moldovan authorities about a Russian plot,"
            " President Volodymyr Zelenskiy said.",
            "shared",
            "share",
            "say",
        ),
        # the noun read as an apposition of the subject, with no comma between them
        (
            "Ukraine's SBU security service shared intelligence with Moldovan authorities"
            " about a Russian plot to destabilise the country, President Volodymyr"
            " Zelenskiy said.",
            "shared",
            "share",
            "say",
        ),
        # the noun read as the clause that is said
        (
            "Chad's air force scrambled jets on Friday, the defence ministry said.",
            "scrambled",
            "scramble",
            "say",
        ),
    ],
)
def test_misread_past_heads_its_clause(nlp, text, verb, lemma, head) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert doc.text == text
    assert (token.pos_, token.lemma_, token.tag_) == ("VERB", lemma, "VBD")
    if head is None:
        assert token.dep_ == "ROOT"
    else:
        assert (token.dep_, token.head.lemma_, token.head.dep_) == ("ccomp", head, "ROOT")
    assert any(c.dep_ == "nsubj" for c in token.children)
    assert any(c.dep_ == "dobj" for c in token.children)


@pytest.mark.parametrize(
    ("text", "word", "name"),
    [
        (
            "Tanzanian authorities transferred Rwandan genocide suspect Augustin Bizimana to"
            " the International Criminal Tribunal in Arusha on Monday.",
            "suspect",
            "Bizimana",
        ),
        (
            "Belgian authorities transferred Rwandan genocide suspect Pierre Basabose to a U.N."
            " court in Arusha on Friday.",
            "suspect",
            "Basabose",
        ),
        ("Croatia handed Bosnian Croat suspect Ante Kovac to the tribunal.", "suspect", "Kovac"),
    ],
)
def test_role_noun_read_as_a_verb_is_a_noun(nlp, text, word, name) -> None:
    doc = nlp(text)
    role = next(t for t in doc if t.text == word)
    named = next(t for t in doc if t.text == name)
    assert role.pos_ == "NOUN" and role.lemma_ == word
    assert named.head.dep_ != "ccomp" and role.head.i == named.i


@pytest.mark.parametrize(
    "text",
    [
        # no verb, and the past modifies a noun after an adverb: a noun phrase
        "The newly elected president of Kenya.",
        # running text: a full stop at the end
        "Qatar halts talks between Sudan's warring factions.",
        # an adjective after the noun makes it the subject
        "Serbia-Kosovo talks unlikely to resume before elections",
        # the headline has its verb, a participle
        "Russian diplomats expelled by Czech Republic over ammunition depot blasts",
        # a present root after a plural noun is the verb
        "Police arrests spark protests in Lagos",
        # a role noun's verb with no verb before it is the verb: "suspect" here
        "Police suspect John Smith of setting the fire.",
        # and so it is in a clause a verb of saying reports
        "Officials said police suspect John Smith of funding the attack.",
    ],
)
def test_other_sentences_keep_their_parse(nlp, text) -> None:
    others = [(n, c) for n, c in nlp.pipeline if n != NAME]
    plain = nlp.make_doc(text)
    for _, component in others:
        plain = component(plain)
    mended = nlp(text)
    assert [(t.dep_, t.head.i, t.tag_, t.lemma_) for t in mended] == [
        (t.dep_, t.head.i, t.tag_, t.lemma_) for t in plain
    ]


def test_headline_coded() -> None:
    events = newsevents.code_text("Houthis free 30 crew members of seized cargo ship")
    assert [(e.event_type, e.actor.text if e.actor else None) for e in events] == [
        ("RETREAT", "Houthis")
    ]
