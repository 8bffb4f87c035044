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

from newsevents.coding.attribution import Frame, is_alleged
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
    doc = trigger.doc
    words = [doc[i] for i in sorted(fr.event_tokens)]
    for tok in words:
        if tok.head.i != trigger.i and tok.head.head.i != trigger.i:
            continue
        if tok.lower_ in HISTORY_ADVERBS and tok.dep_ == "advmod":
            return True
        if tok.lower_ in _FREQUENCY:
            return True
        if tok.lower_ == "times" and any(c.lower_ in _COUNTS or c.like_num for c in tok.children):
            return True
        if tok.lower_ == "past" and tok.head.lower_ == "in":
            return True
    return False
