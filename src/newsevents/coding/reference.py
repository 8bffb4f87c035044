"""Within-article reference: "he", "it", "the country", "the agency", "the North".

Every named mention in the article (people, places, organisations) is resolved once, in
text order. A pronoun or a definite description with no name of its own then takes the
country of the latest fitting mention before it: a person for "he", a state for "the
country", an organisation for "the agency", and a state whose name has the word for "the
North". Kept simple on purpose: no model, and no guess when nothing fits.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
STATE_NOUNS = frozenset(
    [
        "country",
        "nation",
        "state",
        "kingdom",
        "republic",
        "government",
        "regime",
        "administration",
        "authorities",
        "military",
        "army",
        "navy",
        "cabinet",
        "ministry",
        "capital",
        "emirate",
    ]
)
ORG_NOUNS = frozenset(
    [
        "agency",
        "group",
        "organization",
        "organisation",
        "movement",
        "party",
        "militia",
        "company",
        "outlet",
        "broadcaster",
        "newspaper",
        "network",
        "alliance",
        "bloc",
        "union",
        "body",
        "council",
        "coalition",
    ]
)
PERSON_NOUNS = frozenset(
    [
        "president",
        "leader",
        "premier",
        "minister",
        "chancellor",
        "king",
        "queen",
        "prince",
        "monarch",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "ambassador",
        "general",
        "commander",
    ]
)
COMPASS = frozenset({"north", "south", "east", "west"})
_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "this", "that"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A named mention resolved to a country: where it is and what kind of thing it names."""

    index: int
    country: str
    sector: str | None
    kind: str  # "person" | "state" | "org"
    text: str
    country_name: str = ""
    is_subject: bool = False


@dataclass(slots=True)
class MentionIndex:
    """Mentions in text order, searchable by position."""

    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        at = bisect.bisect(self.starts, mention.index)
        self.mentions.insert(at, mention)
        self.starts.insert(at, mention.index)

    def latest(
        self,
        before: int,
        kinds: frozenset[str],
        word: str | None = None,
        *,
        prefer_subject: bool = False,
    ) -> Mention | None:
        """The latest mention before `before` of one of `kinds` (and whose country's name
        contains `word`, when given); a subject first when `prefer_subject` (a pronoun
        usually continues the previous subject: "X attacked Y. It said ...")."""
        stop = bisect.bisect_left(self.starts, before)
        fitting = [
            m
            for m in reversed(self.mentions[:stop])
            if m.kind in kinds and (word is None or word in m.country_name.lower().split())
        ]
        if prefer_subject:
            subjects = [m for m in fitting[:4] if m.is_subject]
            if subjects:
                return subjects[0]
        return fitting[0] if fitting else None


def in_subject(token: Token) -> bool:
    """True when the token is part of a clause's subject phrase."""
    current = token
    for _ in range(6):
        if current.dep_ in ("nsubj", "nsubjpass"):
            return True
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return False
        current = current.head
    return False


def possessor(head: Token) -> Token | None:
    """The possessive pronoun a noun phrase is owned by ("*his* officials", "*its*
    ministry"): the phrase then names someone else, of the owner's country."""
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in _DETERMINERS
        ),
        None,
    )


def referring_kinds(head: Token) -> tuple[frozenset[str], str | None] | None:
    """What a pronoun or definite description can refer to, or None if it is not one."""
    word = head.lower_
    if head.pos_ == "PRON":
        if word in PERSON_PRONOUNS:
            return frozenset({"person"}), None
        if word in THING_PRONOUNS:
            return frozenset({"state", "org"}), None
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _DETERMINERS for c in head.children):
        return None
    if (owner := possessor(head)) is not None:
        return referring_kinds(owner)
    lemma = head.lemma_.lower()
    if word in COMPASS:
        return frozenset({"state"}), word
    if lemma in STATE_NOUNS:
        return frozenset({"state"}), None
    if lemma in ORG_NOUNS:
        return frozenset({"org"}), None
    if lemma in PERSON_NOUNS:
        return frozenset({"person"}), None
    return None
