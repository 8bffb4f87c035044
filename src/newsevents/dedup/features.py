"""What the clusterer compares: one stored event as a `Report`, and the rules that say
whether two reports can describe the same real-world event.

Hard rules (any one failing keeps two reports apart): same quad class; date windows that
overlap (a date taken from the publication day stands for "on or up to three days before";
a date from the text for its own day, week, month or year); parties that do not name
different countries or different people; locations that are not different places (by
name, or more than 50 km apart). When the coder gives no location, place words of the
sentence ("in Nairobi", "at the White House", "the port of Antwerp") stand in: two
sentences that name different cities, or different countries, are different events.

The soft score adds up what agrees: the same category, the same named or national parties,
the same day, the same place, and shared content words of the two sentences. Two
categories of one quad class (the coder read one sentence two ways) join only when the
sentences' content words overlap with a Jaccard similarity of at least 0.6.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsevents.store.schema import period_bounds

PUBLISHED_SLACK = 3  # a date taken from the publication day: the event may be this much older
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # "A met B" is "B met A"
MAX_KM = 50.0
ANCHOR_TEXT = 0.5  # shared content words that tie two reports without a shared party or place
OTHER_TYPE_TEXT = 0.6  # two categories of one quad class join only on this Jaccard of words
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d[\d,.]*\d|\d")
_PLACE = re.compile(
    r"\b(?:in|at|near|outside|across|inside|(?:city|town|port|village|province|region|"
    r"district|state|streets|capital|outskirts|suburbs|centre|center) of)\s+"
    r"((?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*)*)"
)
_MONTHS_DAYS = """january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday the a an"""
_NOT_PLACES = frozenset(_MONTHS_DAYS.split())
_STOPWORDS = """a about above after again against all also an and any are as at be been before being
    between both but by could did do does during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just more most no nor
    not now of off on once only or other our out over own said same says saying she should
    so some such than that the their them then there these they this those through to told
    too under until up very was we were what when where which while who whom why will with
    would you your according week day days year years month months late early"""
STOPWORDS = frozenset(_STOPWORDS.split())


@dataclass(frozen=True, slots=True)
class Party:
    """An actor or recipient reduced to what identity needs."""

    name: str | None
    country: str | None
    sector: str | None
    countries: frozenset[str]  # own country plus members' countries
    names: frozenset[str]  # lower-cased names, own and members'


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened (from the coder's `location`)."""

    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event with the article facts clustering needs."""

    event_id: str
    article_id: str
    root_id: str  # the article this one copies, or itself
    unit: str  # independence unit: the root article's outlet, else the root article
    outlet: str | None
    reported: dt.datetime
    event_type: str
    quad_class: int
    cameo_root: str
    mode: str | None
    actor: Party | None
    recipient: Party | None
    date: str | None
    date_precision: str
    date_source: str
    window: tuple[int, int] | None  # ordinal days, inclusive
    place: Place | None
    cities: frozenset[str]
    place_countries: frozenset[str]
    sentence: str
    words: frozenset[str]
    start: int
    end: int
    trigger: str
    attribution: str | None
    confidence: float

    @property
    def is_copy(self) -> bool:
        return self.root_id != self.article_id


# ---------------------------------------------------------------- building reports


def party(part: dict[str, Any] | None) -> Party | None:
    if not part:
        return None
    members = part.get("members") or ()
    countries = {m.get("country") for m in members} | {part.get("country")}
    names = {m.get("name") for m in members} | {part.get("name")}
    return Party(
        name=part.get("name"),
        country=part.get("country"),
        sector=part.get("sector"),
        countries=frozenset(c for c in countries if c),
        names=frozenset(n.lower() for n in names if n),
    )


def window(date: str | None, source: str) -> tuple[int, int] | None:
    """The days an event's date allows, as ordinals (inclusive)."""
    bounds = period_bounds(date.strip()) if date else None
    if bounds is None:
        return None
    lo, hi = bounds[0].toordinal(), bounds[1].toordinal()
    return (lo - PUBLISHED_SLACK, hi) if source == "published" else (lo, hi)


def place_words(sentence: str) -> list[str]:
    """Capitalised phrases after in/at/near/outside/across/inside or a place noun with
    "of" ("the port of Antwerp"): "in Nairobi" -> Nairobi."""
    out = []
    for match in _PLACE.finditer(sentence):
        phrase = match.group(1).rstrip(".")
        words = phrase.removesuffix("'s").removesuffix("’s").split()
        while words and words[-1].lower() in _NOT_PLACES:
            words.pop()
        if words and words[0].lower() == "the":
            words = words[1:]
        if words and words[0].lower() not in _NOT_PLACES:
            out.append(" ".join(words))
    return out


@lru_cache(maxsize=1)
def _names() -> Any:
    from newsevents.coding.names import default_table

    return default_table()


@lru_cache(maxsize=65536)
def place_hint(phrase: str) -> tuple[str | None, str | None]:
    """(city-level name, country code) of a place phrase: a country's own name gives
    only the country; a capital gives both; anything else only the city name."""
    table = _names()
    code = table.country_of(phrase)
    if code is None:
        return phrase.lower(), None
    name = table.name_of(code) or ""
    return (None, code) if name.lower() == phrase.lower() else (phrase.lower(), code)


def hints(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    cities, countries = set(), set()
    for phrase in place_words(sentence):
        city, country = place_hint(phrase)
        if city:
            cities.add(city)
        if country:
            countries.add(country)
    return frozenset(cities), frozenset(countries)


def content_words(sentence: str) -> frozenset[str]:
    out = set()
    for word in _WORD.findall(sentence.lower()):
        if len(word) < 3 or word in STOPWORDS:
            continue
        out.add(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return frozenset(out)


def place(loc: dict[str, Any] | None) -> Place | None:
    if not loc:
        return None
    name = loc.get("name") or loc.get("text")
    return Place(
        name=name.lower() if name else None,
        country=loc.get("country"),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        precision=loc.get("precision") or "country",
    )


# ---------------------------------------------------------------- hard rules


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def parties_agree(a: Party | None, b: Party | None) -> bool:
    """No different countries; no different people or bodies of one country."""
    if a is None or b is None:
        return True
    if a.countries and b.countries and not a.countries & b.countries:
        return False
    mine, theirs = personal_names(a), personal_names(b)
    if mine and theirs and not mine & theirs:
        return _name_inside(mine, theirs)
    return True


def personal_names(p: Party) -> frozenset[str]:
    """A party's names other than the names of its countries ("France" for "French
    President Emmanuel Macron" says nothing about who acted)."""
    table = _names()
    countries = {(table.name_of(c) or "").lower() for c in p.countries}
    return frozenset(n for n in p.names if n not in countries)


def _name_inside(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "ruto" and "william ruto" are one person; "ruto" and "odinga" are not."""
    return any(
        set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b
    )


def participants(r: Report) -> tuple[frozenset[str], frozenset[str]]:
    countries: set[str] = set()
    names: set[str] = set()
    for p in (r.actor, r.recipient):
        if p is not None:
            countries |= p.countries
            names |= p.names
    return frozenset(countries), frozenset(names)


def km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.precision == "country" or b.precision == "country":
        return True
    distance = km(a, b)
    if distance is not None:
        return distance <= MAX_KM
    return a.name is None or b.name is None or a.name == b.name


def hints_agree(
    cities_a: frozenset[str] | set[str],
    countries_a: frozenset[str] | set[str],
    cities_b: frozenset[str] | set[str],
    countries_b: frozenset[str] | set[str],
) -> bool:
    if cities_a and cities_b and not cities_a & cities_b:
        return False
    return not (countries_a and countries_b and not countries_a & countries_b)


# ---------------------------------------------------------------- soft score


def text_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared content words over the shorter sentence's (a rewrite often shortens)."""
    if len(a) < 3 or len(b) < 3:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _party_score(a: Party | None, b: Party | None) -> tuple[float, bool]:
    """(score, anchored): anchored when a name or a country is shared."""
    if a is None or b is None:
        return 0.0, False
    score, anchored = 0.0, False
    if a.names & b.names:
        score, anchored = score + 0.1, True
    if a.countries & b.countries:
        score, anchored = score + 0.15, True
    if a.sector and a.sector == b.sector:
        score += 0.05  # a different sector is often the coder reading one phrase two ways
    return score, anchored


def roles_score(a: Report, b: Report) -> tuple[float, bool]:
    straight = [_party_score(a.actor, b.actor), _party_score(a.recipient, b.recipient)]
    best = (sum(s for s, _ in straight), any(k for _, k in straight))
    if a.event_type in SYMMETRIC and b.event_type in SYMMETRIC:
        swapped = [_party_score(a.actor, b.recipient), _party_score(a.recipient, b.actor)]
        other = (sum(s for s, _ in swapped), any(k for _, k in swapped))
        best = max(best, other)
    return best


def score(a: Report, b: Report) -> tuple[float, bool]:
    """(how much two reports agree, whether anything specific ties them together)."""
    total = 0.3 if a.event_type == b.event_type else 0.1
    parties, anchored = roles_score(a, b)
    total += parties
    if a.window is not None and a.window == b.window:
        total += 0.1
    elif a.window is not None and b.window is not None:
        total += 0.05
    if (a.place and b.place and a.place.name and a.place.name == b.place.name) or (
        a.cities & b.cities
    ):
        total, anchored = total + 0.15, True
    similarity = text_similarity(a.words, b.words)
    if a.event_type != b.event_type and _jaccard(a.words, b.words) < OTHER_TYPE_TEXT:
        return 0.0, False  # related events of one story (a march, then tear gas) stay apart
    total += 0.35 * similarity
    return total, anchored or similarity >= ANCHOR_TEXT
