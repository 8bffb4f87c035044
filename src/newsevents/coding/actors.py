"""Turn an actor's head token into an `ActorRef`: its span, name, country and sector.

Names resolve through the packaged name tables (`names.py`); people named once with their
country ("North Korean leader Kim Jong-un") are remembered for the rest of the article, so
that a later "Kim" gets the same country and sector.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.names import NameMatch, NameTable
from newsevents.coding.people import Office, PeopleTable
from newsevents.coding.reference import (
    Mention,
    MentionIndex,
    in_subject,
    possessor,
    referring_kinds,
)
from newsevents.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TITLE_DEPS = {"compound", "amod", "nmod", "poss", "det", "case", "punct", "appos", "nummod"}


@dataclass(slots=True)
class ArticleMemory:
    """What the article has already told us about people: surname -> (country, sector)."""

    people: dict[str, tuple[str | None, str | None, str]] = field(default_factory=dict)
    mentions: MentionIndex = field(default_factory=MentionIndex)
    offices: PeopleTable | None = None
    on: dt.date | None = None

    def office(self, tokens: list[Token]) -> Office | None:
        """The office a named person held on the article's date ("Putin" in 2010)."""
        if self.offices is None or not any(t.pos_ == "PROPN" for t in tokens):
            return None
        return self.offices.lookup([t.text for t in tokens], self.on)

    def remember(self, person: Span, match: NameMatch) -> None:
        if not match.country:
            return
        words = [t for t in person if t.is_alpha]
        for tok in {words[0].text, words[-1].text} if words else ():
            self.people.setdefault(tok, (match.country, match.sector, person.text))

    def recall(self, tokens: list[Token]) -> tuple[str | None, str | None, str] | None:
        for tok in tokens:
            if tok.ent_type_ == "PERSON" and tok.text in self.people:
                return self.people[tok.text]
        return None


_MENTION_KINDS = {"GPE": "state", "NORP": "state", "LOC": "state", "ORG": "org"}


def build_memory(
    doc: Doc, names: NameTable, offices: PeopleTable | None = None, on: dt.date | None = None
) -> ArticleMemory:
    """Learn people's countries from the phrases that introduce them, and index every
    named mention with a country for later pronouns and descriptions."""
    memory = ArticleMemory(offices=offices, on=on)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            start, end = syntax.phrase_bounds(ent.root, with_conjuncts=False)
            tokens = [t.text for t in doc[min(start, ent.start) : max(end, ent.end)]]
            match = names.resolve(tokens)
            if match.country is None and (office := memory.office(list(ent))) is not None:
                match = NameMatch(office.name, office.country, office.sector, "country")
            memory.remember(ent, match)
            recalled = memory.recall(list(ent))
            if recalled and recalled[0]:
                memory.mentions.add(
                    Mention(ent.start, recalled[0], recalled[1], "person", ent.text)
                )
        elif ent.label_ in _MENTION_KINDS:
            _index_mention(memory, ent, names)
    return memory


def _index_mention(memory: ArticleMemory, ent: Span, names: NameTable) -> None:
    match = names.resolve([t.text for t in ent])
    if not match.country:
        return
    kind = "org" if match.kind == "organisation" else _MENTION_KINDS[ent.label_]
    country_name = names.name_of(match.country) or ""
    sector = match.sector or ("GOV" if kind == "state" else None)
    subject = in_subject(ent.root)
    mention = Mention(ent.start, match.country, sector, kind, ent.text, country_name, subject)
    memory.mentions.add(mention)


def _span_text(doc: Doc, start: int, end: int) -> tuple[str, int, int]:
    span = doc[start:end]  # span.text is built from its own tokens, not the whole doc
    return span.text, span.start_char, span.end_char


def _person_name(tokens: list[Token]) -> str | None:
    for tok in tokens:
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            end = tok.i + 1
            while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
                end += 1
            return str(tok.doc[tok.i : end].text)
    return None


def _core_tokens(head: Token) -> list[Token]:
    """The head and its pre-modifiers: the words that name and qualify the actor."""
    core = [t for t in head.lefts if t.dep_ in _TITLE_DEPS]
    core = [t for c in core for t in c.subtree]
    of_phrase = [g for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
    return sorted({*core, head, *of_phrase}, key=lambda t: t.i)


def resolve_tokens(
    head: Token, names: NameTable, memory: ArticleMemory, *, recipient: bool = False
) -> ActorRef:
    """Resolve one (non-compound) actor headed by `head`. The whole phrase is read for
    its country; a recipient's text leaves out a comma description ("Hodeidah*, a major
    flashpoint*")."""
    start, end = syntax.phrase_bounds(head, with_conjuncts=False)
    doc = head.doc
    bounds = syntax.phrase_bounds(head, with_conjuncts=False, descriptions=not recipient)
    text, s, e = _span_text(doc, *bounds)
    # (within the phrase: not a closing speaker the parse hung on an "of" phrase, "the
    # ports of Hodeidah*, the head of the UN mission* said")
    core = [t for t in _core_tokens(head) if start <= t.i < end]
    match = names.resolve([t.text for t in core])
    if match.country is None:
        match = _merge(match, names.resolve([t.text for t in doc[start:end]]))
    person = _person_name(core)
    country, sector = match.country, match.sector
    office = memory.office(core)
    if office is not None and country in (None, office.country):
        country, sector, person = office.country, sector or office.sector, office.name
    if country is None:
        remembered = memory.recall(core)
        if remembered:
            country, sector = remembered[0], sector or remembered[1]
            person = person or remembered[2]
    if country is None and (kinds := referring_kinds(head)) is not None:
        antecedent = memory.mentions.latest(start, *kinds, prefer_subject=head.pos_ == "PRON")
        if antecedent is not None:
            country, sector = antecedent.country, sector or antecedent.sector
            if possessor(head) is None:  # "his officials" are not the man himself
                person = person or antecedent.text
    name = person or match.name
    return ActorRef(text=text, start=s, end=e, name=name, country=country, sector=sector)


def _merge(first: NameMatch, second: NameMatch) -> NameMatch:
    """Keep the first match's sector if the wider phrase only found a country."""
    if second.country is None:
        return first
    return NameMatch(
        name=second.name,
        country=second.country,
        sector=first.sector or second.sector,
        kind=second.kind,
    )


def build_actor(
    head: Token, names: NameTable, memory: ArticleMemory, *, recipient: bool = False
) -> ActorRef:
    """An ActorRef for the phrase headed by `head`; coordinated phrases become one
    actor with members ("China and Russia")."""
    parts = syntax.conjuncts(head)
    if len(parts) == 1:
        return resolve_tokens(head, names, memory, recipient=recipient)
    members = tuple(resolve_tokens(p, names, memory, recipient=recipient) for p in parts)
    start, end = syntax.phrase_bounds(head, with_conjuncts=True, descriptions=not recipient)
    text, s, e = _span_text(head.doc, start, end)
    countries = {m.country for m in members if m.country}
    sectors = {m.sector for m in members if m.sector}
    return ActorRef(
        text=text,
        start=s,
        end=e,
        name=None,
        country=countries.pop() if len(countries) == 1 else None,
        sector=sectors.pop() if len(sectors) == 1 else None,
        members=members,
    )
