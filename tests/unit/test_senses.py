"""Senses a trigger's clause decides (coding/senses.py, filters.labour_strike): each rule
with a case that shows what it is for and one that shows where it stops."""

from __future__ import annotations

import datetime as dt

from newsevents.coding.rules import RuleCoder
from newsevents.records import Article
from tests.unit.docs import make_doc

CODER = RuleCoder()


def _code(rows, tags=None):
    doc = make_doc(rows, tags)
    article = Article(id="a1", text=doc.text, source="test", published=dt.date(2022, 6, 22))
    return CODER.code(doc, article)


def _vow(negated: bool):
    # Militias vowed (not) to attack bases .
    rows = [
        ("Militias", "NOUN", "nsubj", 1, "militia", ""),
        ("vowed", "VERB", "ROOT", 1, "vow", ""),
        ("not", "PART", "neg", 4, "not", ""),
        ("to", "PART", "aux", 4, "to", ""),
        ("attack", "VERB", "xcomp", 1, "attack", ""),
        ("bases", "NOUN", "dobj", 4, "base", ""),
        (".", "PUNCT", "punct", 1, ".", ""),
    ]
    if not negated:
        rows[2] = ("openly", "ADV", "advmod", 1, "openly", "")
    return rows


def test_a_pledge_of_force_is_a_threat_but_a_pledge_not_to_use_it_is_not():
    trigger = CODER.trigger_at(make_doc(_vow(negated=False))[1])
    assert trigger is not None and trigger.entry.event_type == "THREATEN"
    assert trigger.entry.cameo == "138"
    trigger = CODER.trigger_at(make_doc(_vow(negated=True))[1])
    assert trigger is not None and trigger.entry.event_type == "AGREE"


def test_stopping_cooperation_is_a_sanction():
    # Washington stopped sharing intelligence with Kyiv .
    rows = [
        ("Washington", "PROPN", "nsubj", 1, "Washington", "B-GPE"),
        ("stopped", "VERB", "ROOT", 1, "stop", ""),
        ("sharing", "VERB", "xcomp", 1, "share", ""),
        ("intelligence", "NOUN", "dobj", 2, "intelligence", ""),
        ("with", "ADP", "prep", 2, "with", ""),
        ("Kyiv", "PROPN", "pobj", 4, "Kyiv", "B-GPE"),
        (".", "PUNCT", "punct", 1, ".", ""),
    ]
    [event] = _code(rows, {2: "VBG"})
    assert (event.event_type, event.evidence.trigger) == ("SANCTION", "stopped")
    rows[2] = ("shelling", "VERB", "xcomp", 1, "shell", "")  # stopping an attack is no
    rows[3] = ("towns", "NOUN", "dobj", 2, "town", "")  # sanction but a ceasefire
    trigger = CODER.trigger_at(make_doc(rows, {2: "VBG"})[1])
    assert trigger is not None and trigger.entry.event_type == "RETREAT"


def test_what_a_denial_governs_is_not_coded():
    # The Kremlin denied that it was planning to mobilise reservists .
    rows = [
        ("The", "DET", "det", 1, "the", ""),
        ("Kremlin", "PROPN", "nsubj", 2, "Kremlin", "B-ORG"),
        ("denied", "VERB", "ROOT", 2, "deny", ""),
        ("that", "SCONJ", "mark", 6, "that", ""),
        ("it", "PRON", "nsubj", 6, "it", ""),
        ("was", "AUX", "aux", 6, "be", ""),
        ("planning", "VERB", "ccomp", 2, "plan", ""),
        ("to", "PART", "aux", 8, "to", ""),
        ("mobilise", "VERB", "xcomp", 6, "mobilise", ""),
        ("reservists", "NOUN", "dobj", 8, "reservist", ""),
        (".", "PUNCT", "punct", 2, ".", ""),
    ]
    assert _code(rows, {5: "VBD", 6: "VBG"}) == []
    rows[2] = ("said", "VERB", "ROOT", 2, "say", "")  # reported, not denied: coded
    assert [e.event_type for e in _code(rows, {5: "VBD", 6: "VBG"})] == ["THREATEN"]


def _strike(subject: str, lemma: str):
    # <subject> launched a strike .
    return [
        (subject, "NOUN", "nsubj", 1, lemma, ""),
        ("launched", "VERB", "ROOT", 1, "launch", ""),
        ("a", "DET", "det", 3, "a", ""),
        ("strike", "NOUN", "dobj", 1, "strike", ""),
        (".", "PUNCT", "punct", 1, ".", ""),
    ]


def test_a_strike_by_workers_is_a_labour_strike_and_by_troops_an_attack():
    [event] = _code(_strike("Workers", "worker"))
    assert (event.event_type, event.cameo_code) == ("PROTEST", "143")
    [event] = _code(_strike("Troops", "troop"))
    assert event.event_type == "ASSAULT"


def test_arrests_made_jointly_are_cooperation():
    # Police jointly arrested smugglers .
    rows = [
        ("Police", "NOUN", "nsubj", 2, "police", ""),
        ("jointly", "ADV", "advmod", 2, "jointly", ""),
        ("arrested", "VERB", "ROOT", 2, "arrest", ""),
        ("smugglers", "NOUN", "dobj", 2, "smuggler", ""),
        (".", "PUNCT", "punct", 2, ".", ""),
    ]
    assert CODER.trigger_at(make_doc(rows)[2]).entry.event_type == "COOPERATE"
    rows[1] = ("quickly", "ADV", "advmod", 2, "quickly", "")
    assert CODER.trigger_at(make_doc(rows)[2]).entry.event_type == "COERCE"
