"""The `rules.v1` coder: PLOVER events from a parsed article.

For each sentence: find trigger verbs in the lexicon; drop triggers nested inside another
trigger's act ("refused to *ease*"); read actor and recipient off the parse; resolve them to
countries and sectors; mark negation; build the Event with its evidence offsets.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.actors import ArticleMemory, build_actor, build_memory
from newsevents.coding.lexicon import Lexicon, TriggerEntry, default_lexicon
from newsevents.coding.names import NameTable, default_table
from newsevents.records import ActorRef, Article, Event, Evidence, Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CODER_NAME = "rules.v1"
_POSSESSIVES = {"his", "her", "its", "their"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    entry: TriggerEntry


@dataclass(frozen=True, slots=True)
class Roles:
    actor: ActorRef | None
    recipient: ActorRef | None


class RuleCoder:
    """Codes parsed articles with the trigger lexicon and the name tables."""

    name = CODER_NAME

    def __init__(self, lexicon: Lexicon | None = None, names: NameTable | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.names = names or default_table()

    def code(self, doc: Doc, article: Article) -> list[Event]:
        memory = build_memory(doc, self.names)
        events: list[Event] = []
        for sent in doc.sents:
            for trigger in self.find_triggers(sent):
                event = self.code_trigger(trigger, sent, article, memory)
                if event is not None:
                    events.append(event)
        return events

    def find_triggers(self, sent: Span) -> list[Trigger]:
        """Lexicon triggers of one sentence, without those nested in another's act."""
        found = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
                continue
            entry = self.lexicon.match(tok)
            if entry is not None:
                found.append(Trigger(tok, entry))
        indexes = {t.token.i for t in found}
        return [t for t in found if syntax.nesting_governor(t.token, indexes) is None]

    def code_trigger(
        self, trigger: Trigger, sent: Span, article: Article, memory: ArticleMemory
    ) -> Event | None:
        roles = self.find_roles(trigger, memory)
        if roles.actor is None and roles.recipient is None:
            return None
        entry = trigger.entry
        cameo_root = entry.cameo[:2]
        modality = _modality(trigger.token)
        evidence = _evidence(trigger.token, sent)
        return Event(
            event_id=Event.make_id(article.id, evidence, self.name),
            article_id=article.id,
            coder=self.name,
            event_type=entry.event_type,
            mode=entry.mode,
            quad_class=self.lexicon.quad_class(cameo_root),
            cameo_root=cameo_root,
            intensity=self.lexicon.intensity(entry.event_type, entry.mode),
            actor=roles.actor,
            recipient=roles.recipient,
            evidence=evidence,
            modality=modality,
            confidence=_confidence(entry, roles),
            date=article.published.isoformat() if article.published else None,
            date_precision="day" if article.published else "unknown",
            date_source="published",
        )

    def find_roles(self, trigger: Trigger, memory: ArticleMemory) -> Roles:
        verb = trigger.token
        subject, passive = syntax.find_subject(verb)
        if passive:
            actor_tok, recipient_tok = syntax.find_agent(verb), subject
        else:
            actor_tok, recipient_tok = subject, self._recipient_token(trigger)
        actor = build_actor(actor_tok, self.names, memory) if actor_tok is not None else None
        if recipient_tok is None or (actor_tok is not None and recipient_tok.i == actor_tok.i):
            recipient_tok = self._entity_in_complement(verb, actor)
        recipient = (
            build_actor(recipient_tok, self.names, memory) if recipient_tok is not None else None
        )
        if recipient is not None and recipient_tok is not None:
            recipient = _bind_possessive(recipient, recipient_tok, actor)
        return Roles(actor, recipient)

    def _recipient_token(self, trigger: Trigger) -> Token | None:
        """The direct object; for an event noun ("called a *meeting* with X") the partner
        named inside it; else a named partner of a preposition ("met with X")."""
        verb = trigger.token
        obj = syntax.object_of(verb)
        if obj is not None and obj.lemma_.lower() in trigger.entry.event_nouns:
            return next(filter(self._is_party, syntax.prep_objects(obj)), None)
        if obj is not None and obj.pos_ != "NUM":
            return obj
        return next(filter(self._is_party, syntax.prep_objects(verb)), None)

    def _is_party(self, token: Token) -> bool:
        """A word that can name an actor: a name, a pronoun, or a word with a sector."""
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in syntax.ENTITY_LABELS:
            return True
        match = self.names.resolve([t.text for t in token.subtree])
        return match.country is not None or match.sector is not None

    def _entity_in_complement(self, verb: Token, actor: ActorRef | None) -> Token | None:
        exclude: set[int] = set()
        if actor is not None:
            exclude = {t.i for t in verb.doc.char_span(actor.start, actor.end) or ()}
        for tok in syntax.complement_entities(verb, exclude):
            head = syntax.entity_head(tok)
            while head.dep_ in ("poss", "compound") and head.head.pos_ in syntax.NOMINAL_POS:
                head = head.head
            if self.names.resolve([t.text for t in head.subtree]).country:
                return head
        return None


def _bind_possessive(recipient: ActorRef, head: Token, actor: ActorRef | None) -> ActorRef:
    """ "Kim met *his* officials": a possessive pronoun in the recipient points back to the
    actor of the same clause, so the recipient takes the actor's country."""
    if recipient.country or actor is None or not actor.country:
        return recipient
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in head.children):
        return dataclasses.replace(recipient, country=actor.country)
    return recipient


def _evidence(trigger: Token, sent: Span) -> Evidence:
    words = [t for t in sent if not t.is_space]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Evidence(
        sentence=sent.doc.text[start:end],
        start=start,
        end=end,
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
    )


def _modality(trigger: Token) -> Modality:
    if syntax.is_negated(trigger):
        return "negated"
    modal = syntax.modal_of(trigger)
    return (
        "hypothetical" if modal == "hypothetical" else "future" if modal == "future" else "asserted"
    )


def _confidence(entry: TriggerEntry, roles: Roles) -> float:
    score = 0.45
    score += 0.1 if entry.conditions else 0.0
    if roles.actor is not None:
        score += 0.15 if roles.actor.country or roles.actor.members else 0.05
    if roles.recipient is not None:
        score += 0.1 if roles.recipient.country else 0.05
    return round(min(score, 0.95), 3)
