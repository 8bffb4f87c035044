"""Modality beyond the modal verbs: claims and history.

The coder's first reading (`syntax`: negation, modal auxiliaries, readiness) gives
`negated`, `hypothetical`, `future` or `asserted`; this module refines an asserted event:
`claimed` when an allegation carries it ("claimed that", "alleged", "allegedly"), and
`historical` when it lies well before the report (a date more than a year before
publication, "three times", "previously", "in the past").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newsevents.coding.attribution import ALLEGATION_ADVERBS, Frame, is_alleged
from newsevents.coding.dates import DateMention, period_start
from newsevents.coding.syntax import has_own_subject
from newsevents.records import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

HISTORY_DAYS = 365  # an event dated earlier than this before publication is historical
HISTORY_ADVERBS = frozenset({"previously", "formerly", "once"})
_FREQUENCY = frozenset({"twice", "thrice"})
_COUNTS = frozenset({"several", "many", "multiple", "numerous", "two", "three", "four", "five"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither"})


def refine(
    base: Modality,
    trigger: Token,
    fr: Frame,
    date: DateMention | None,
    published: dt.date | None,
) -> Modality:
    """The event's final modality from the coder's first reading."""
    if base != "asserted":
        return base
    if is_alleged(trigger, fr):
        return "claimed"
    if is_historical(trigger, fr, date, published):
        return "historical"
    return "asserted"


def is_historical(
    trigger: Token, fr: Frame, date: DateMention | None, published: dt.date | None
) -> bool:
    """Well before the report: an old date, or a past act counted or marked as earlier."""
    if date is not None:
        start = period_start(date.value)
        return (
            start is not None and published is not None and (published - start).days > HISTORY_DAYS
        )
    if trigger.tag_ not in _PAST_TAGS:
        return False
    shared = trigger.dep_ == "conj" and not has_own_subject(trigger)
    if shared and trigger.head.tag_ in _PAST_TAGS and _marked_earlier(trigger.head, fr):
        return True  # "met Kim three times but *refused* ..."
    return _marked_earlier(trigger, fr)


def _marked_earlier(trigger: Token, fr: Frame) -> bool:
    return _history_word(trigger, fr) is not None


def _history_word(trigger: Token, fr: Frame) -> Token | None:
    """ "previously", "twice", "three *times*", "in the *past*" on the act."""
    doc = trigger.doc
    for tok in (doc[i] for i in sorted(fr.event_tokens)):
        if tok.head.i != trigger.i and tok.head.head.i != trigger.i:
            continue
        if (tok.lower_ in HISTORY_ADVERBS and tok.dep_ == "advmod") or tok.lower_ in _FREQUENCY:
            return tok
        if tok.lower_ == "times" and any(c.lower_ in _COUNTS or c.like_num for c in tok.children):
            return tok
        if tok.lower_ == "past" and tok.head.lower_ == "in":
            return tok
    return None


def cue(
    value: Modality, trigger: Token, fr: Frame, date: DateMention | None
) -> tuple[str, int, int] | None:
    """The words that made the modality (text, start, end): the negation, the modal or
    readiness word, the allegation, the old date or the counting word; None if asserted."""
    word = _cue_token(value, trigger, fr)
    if value == "historical" and word is None and date is not None:
        return date.text, date.start, date.end
    if word is None:
        return None
    if word.lower_ == "times":  # "three times"
        words = word.doc[word.left_edge.i : word.i + 1]
        return words.text, words.start_char, words.end_char
    return word.text, word.idx, word.idx + len(word.text)


def _cue_token(value: Modality, trigger: Token, fr: Frame) -> Token | None:
    chain = _shared_chain(trigger)
    if value == "negated":
        words = [c for t in chain for c in t.children if c.dep_ == "neg" or c.lower_ in NEGATORS]
        words += [c for c in trigger.head.children if c.dep_ == "det" and c.lower_ in NEGATORS]
        return words[0] if words else None
    if value in ("hypothetical", "future"):
        modals = [c for t in chain for c in t.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if modals:
            return modals[0]
        return trigger.head if trigger.dep_ == "xcomp" else None
    if value == "claimed":
        if fr.allegation:
            return fr.verb
        adverbs = [c for t in (trigger, trigger.head) for c in t.children]
        return next((c for c in adverbs if c.lower_ in ALLEGATION_ADVERBS), None)
    if value == "historical":
        head = trigger.head if trigger.dep_ == "conj" else trigger
        return _history_word(trigger, fr) or _history_word(head, fr)
    return None


def _shared_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it shares a subject with ("could be *preparing* to
    *conduct*"), where its negation or modal may sit."""
    chain = [trigger]
    current = trigger
    for _ in range(3):
        if current.dep_ not in ("conj", "xcomp") or has_own_subject(current):
            break
        current = current.head
        chain.append(current)
    return chain
