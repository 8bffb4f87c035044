"""Where an event happened, from the event's own words.

A place counts when the event's clause puts the act there: the object of a locative
preposition ("met *in Moscow*", "strikes *near Goma*"), a name a place noun carries
("the city *of Kherson*", "the *Jenin* refugee camp"), a town that is the target
("shelled *Kherson*") or a town that qualifies the actor ("*Hong Kong* protesters").
Countries that act ("*Israel* struck") or are acted on ("sanctions on *Russia*") are
parties, not places. Among several places the most specific wins (a city before its
region before its country). Names resolve through the offline gazetteer, preferring the
countries of the event's parties and then the article's focus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.gazetteer import REGION_WORDS, Gazetteer, Place
from newsevents.records import ActorRef, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LOCATIVE_PREPS = frozenset(
    {
        *("in", "at", "near", "outside", "into", "over", "across", "through", "off"),
        *("around", "inside", "throughout", "within", "toward", "towards", "across"),
        *("from", "along", "north", "south", "east", "west"),
    }
)
PLACE_NOUNS = frozenset(
    {
        *("city", "town", "village", "camp", "region", "province", "district", "capital"),
        *("area", "port", "state", "county", "neighbourhood", "neighborhood", "suburb"),
        *("governorate", "oblast", "outskirts", "border", "island", "islands", "enclave"),
        *("zone", "airspace", "waters", "coast", "territory", "location", "site"),
    }
)
PLACE_LABELS = frozenset({"GPE", "LOC"})  # not FAC: "the White House" is no town
# Town names the small model often tags otherwise ("near *Lachin*" as a person, "in
# *Omdurman*" as a nationality) or not at all: taken only after a locative preposition
# and only when the gazetteer knows a town or region by that name.
MISTAGGED = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", ""})
WATER = re.compile(r"\b(?:sea|ocean|gulf|strait|straits|bay|river|lake|channel)\b", re.I)
_RANK = {"city": 0, "admin1": 1, "country": 2}


def focus(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    """The article's countries by how often its place names fall in them."""
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            place = gazetteer.lookup(ent.text)
            if place is not None:
                counts[place.country] += 1
    return [c for c, _ in counts.most_common()]


def event_location(
    trigger: Token,
    sent: Span,
    event_tokens: frozenset[int],
    parties: Sequence[ActorRef | None],
    prefer: Sequence[str],
    gazetteer: Gazetteer,
    skip_before: int = 0,
) -> Location | None:
    """The most specific place the event's words put it in, or None."""
    spans = [(p.start, p.end, p is parties[0]) for p in parties if p is not None]
    found: list[tuple[tuple[int, int, int], Location]] = []
    for ent in _names(sent):
        if ent.root.i not in event_tokens or ent.start_char < skip_before:
            continue
        locative = _under_locative(ent.root, trigger)
        if ent.label_ not in PLACE_LABELS | MISTAGGED:
            continue
        if ent.label_ not in ("GPE", "LOC") and not locative:
            continue
        if WATER.search(ent.text) or (ent.text.isupper() and len(ent.text) < 6):
            continue  # seas and rivers are not in the gazetteer; "NATO" is no town
        region = _region_words(ent)
        tagged = ent.label_ in PLACE_LABELS
        place = gazetteer.lookup(ent.text, prefer, region=region)
        if place is None or not _accepted(ent, place, locative, spans):
            continue
        if not tagged and place.precision == "country":
            continue
        rank = (_RANK[place.precision], 0 if locative else 1, ent.start)
        found.append((rank, _location(ent, place)))
    return min(found, key=lambda f: f[0])[1] if found else None


def _names(sent: Span) -> list[Span]:
    """The sentence's entities plus runs of proper nouns the model left untagged."""
    found = list(syntax.sentence_ents(sent))
    run: list[Token] = []
    for tok in [*sent, None]:
        if tok is not None and tok.pos_ == "PROPN" and not tok.ent_type_:
            run.append(tok)
            continue
        if run:
            found.append(sent.doc[run[0].i : run[-1].i + 1])
            run = []
    return found


def _accepted(ent: Span, place: Place, locative: bool, spans: list[tuple[int, int, bool]]) -> bool:
    if locative:
        return True
    root = ent.root
    if root.head.lemma_.lower() in PLACE_NOUNS and root.dep_ in ("compound", "pobj", "appos"):
        return True  # "the city of Kherson", "the Jenin camp", "Kherson region"
    of_place = root.dep_ == "pobj" and root.head.lower_ == "of"
    if of_place and root.head.head.lemma_.lower() in PLACE_NOUNS:
        return True  # "shelled the city of Kherson"
    for start, end, is_actor in spans:
        if start <= ent.start_char and ent.end_char <= end:
            if place.precision == "country" or place.capital:
                return False  # a country (or its capital) acting or acted on is a party
            return not is_actor or root.dep_ == "compound"
    return False


def _under_locative(token: Token, trigger: Token) -> bool:
    """True when a locative preposition governs the token on its way up to the
    trigger's clause ("in *Moscow*", "into Taiwan's zone")."""
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i or current.i == trigger.i:
            return False
        if current.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
                current = head.head  # "near the town *of* Faya": up to the town
                continue
            return head.lower_ in LOCATIVE_PREPS  # the nearest preposition decides
        if current.dep_ == "poss" and head.lemma_.lower() not in PLACE_NOUNS:
            return False  # "over *Pyongyang*'s tests" is about, not where
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
            return False
        current = head
    return False


def _region_words(ent: Span) -> bool:
    doc = ent.doc
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return after in REGION_WORDS or any(t.lower_ in REGION_WORDS for t in ent)


def _location(ent: Span, place: Place) -> Location:
    return Location(
        text=ent.text,
        start=ent.start_char,
        end=ent.end_char,
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        precision=place.precision,
    )
