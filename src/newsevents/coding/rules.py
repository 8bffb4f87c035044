"""The `rules.v1` coder: PLOVER events from a parsed article.

For each sentence: find triggers (lexicon verbs; light verbs with an event noun, "staged a
*protest*"; occurrence verbs with an event-noun subject, "*clashes* erupted"; a reported
"must", "X said Y must ..."); drop triggers nested inside another trigger's act ("refused to
*ease*"); read actor and recipient off the parse and resolve them; set the modality; turn
intended cooperation into AGREE and intended force into THREATEN (PLOVER's rule for future
and conditional acts); build the Event with its evidence offsets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.coding import senses, syntax
from newsevents.coding.actors import ArticleMemory, build_actor, build_memory
from newsevents.coding.attribution import carries_allegation
from newsevents.coding.context import DocumentContexts
from newsevents.coding.fields import ArticleFrame, describe
from newsevents.coding.filters import is_mishap, is_private_trip, labour_strike, rioting
from newsevents.coding.lexicon import (
    JOINT_WORDS,
    LIGHT_VERBS,
    OCCURRENCE_VERBS,
    Lexicon,
    TriggerEntry,
    default_lexicon,
    lemma_candidates,
)
from newsevents.coding.names import NameTable, default_table
from newsevents.coding.people import PeopleTable, default_people, load_people
from newsevents.coding.reference import PERSON_NOUNS
from newsevents.records import ActorRef, Article, Event, Evidence, Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CODER_NAME = "rules.v3"  # bump whenever the rules or their tables change what is coded
_POSSESSIVES = {"his", "her", "its", "their"}
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "announce",
        "declare",
        "insist",
        "state",
        "stress",
        "conclude",
        "reiterate",
        "add",
        "argue",
        "warn",
        "write",
        "note",
        "maintain",
        "affirm",
        "assert",
    ]
)
DEMAND = TriggerEntry("must", (), "REQUEST", None, "100")
JOINT_ACT = TriggerEntry("jointly", (), "COOPERATE", None, "060")
TEST_FIRE = TriggerEntry("test-fire", (), "MOBILIZE", "weapons", "150")
# Intended cooperation is AGREE (CAMEO 03x); intended force or restriction is THREATEN (13x).
_AGREE_CODES = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
_AGREE_CODES |= {"RETREAT": "035", "CONCEDE": "035"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that signals an event; `noun` is the event noun of a light or occurrence verb,
    `clause` the reported clause of a demand ("said Y must ...")."""

    token: Token
    entry: TriggerEntry
    noun: Token | None = None
    occurrence: bool = False
    clause: Token | None = None


@dataclass(frozen=True, slots=True)
class Roles:
    actor: ActorRef | None
    recipient: ActorRef | None


class RuleCoder:
    """Codes parsed articles with the trigger lexicon and the name tables."""

    name = CODER_NAME

    @classmethod
    def for_settings(cls, actors_file: str | None) -> RuleCoder:
        """A coder whose office-holder table is extended by the user's file, if any."""
        return cls(offices=load_people(actors_file) if actors_file else None)

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        names: NameTable | None = None,
        offices: PeopleTable | None = None,
    ) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.names = names or default_table()
        self.offices = offices or default_people()

    def code(self, doc: Doc, article: Article) -> list[Event]:
        """Events of `doc`, the parse of `article.text` (whose text is read from the
        article: joining the Doc's tokens again would cost a pass over every token)."""
        memory = build_memory(doc, self.names, self.offices, article.published)
        contexts = DocumentContexts(article.text)
        frame = ArticleFrame.of(doc, article)
        events: list[Event] = []
        for sent in doc.sents:
            triggers = self.find_triggers(sent)
            if not triggers:
                continue
            words = _trimmed(sent)
            coded = (self.code_trigger(t, words, article, memory, frame) for t in triggers)
            events.extend(_with_context(e, contexts) for e in _one_per_claim(coded))
        return events

    # -- finding triggers ------------------------------------------------------------
    def find_triggers(self, sent: Span) -> list[Trigger]:
        """Triggers of one sentence, without those nested in another's act or in a denial
        ("denied that it was planning to *mobilise*")."""
        found = [t for tok in sent if (t := self.trigger_at(tok)) is not None]
        indexes = {t.token.i for t in found} | {t.i for t in sent if senses.is_denial(t)}
        governors = {t.token.i: syntax.nesting_governor(t.token, indexes) for t in found}
        alleging = {g.i for i, g in governors.items() if g and carries_allegation(g, sent.doc[i])}
        return [  # "alleged that X shelled ...": the alleged act is the event (issue 5)
            t
            for t in found
            if t.token.i not in alleging
            and ((g := governors[t.token.i]) is None or g.i in alleging)
        ]

    def trigger_at(self, tok: Token) -> Trigger | None:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            return None
        stopped = senses.stopped_cooperation(tok, self.lexicon)
        if stopped is not None:
            return Trigger(tok, stopped)  # "stopped sharing intelligence"
        entry = self.lexicon.match(tok)
        if entry is not None and senses.bare_statement(tok, entry, self.lexicon, self._is_party):
            return None
        if entry is not None:
            joint = self._joint_object(tok)
            if joint is not None:
                return joint  # "conducted *joint* exercises": cooperation, not a show of force
            if entry.event_type in ("COERCE", "MOBILIZE") and (joint := self._joint_trigger(tok)):
                return joint  # "jointly arrested", "seized ... in a joint operation"
            entry = senses.hostile_pledge(tok, entry, self.lexicon) or entry
            modified = self._modified_object(tok, entry)
            if modified is not None:
                return modified  # "launched a *hunger* strike": the noun's row is narrower
            if entry.event_type == "ASSAULT" and (
                any(c.lower_ == "test" for c in tok.lefts)
                or (entry.lemma in _FIRING_VERBS and _into_the_sea(tok))
            ):
                entry = TEST_FIRE  # "test-fired two missiles", "fired missiles into the sea"
            return Trigger(tok, entry)
        lemmas = lemma_candidates(tok)
        if any(lemma in SPEECH_VERBS for lemma in lemmas):
            clause = _demand_clause(tok)
            if clause is not None:
                return Trigger(tok, DEMAND, clause=clause)
        if any(lemma in LIGHT_VERBS for lemma in lemmas):
            for noun in _light_objects(tok):
                found = self._noun_trigger(tok, noun, occurrence=False)
                if found is not None:
                    return found
        if any(lemma in senses.STATE_VERBS for lemma in lemmas):
            for noun in syntax.prep_objects(tok, {"on"}):
                found = self._noun_trigger(tok, noun, occurrence=False)
                if found is not None and not senses.definite(noun):
                    return found  # "has been on hunger strike", "remained on alert"
        if any(lemma in OCCURRENCE_VERBS for lemma in lemmas):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            found = self._noun_trigger(tok, subject, occurrence=True)
            if found is not None:
                return found
        return self._joint_trigger(tok)

    def _modified_object(self, verb: Token, entry: TriggerEntry) -> Trigger | None:
        """An object the verb's row names, whose modifier gives it its own event noun row
        ("launched a *hunger strike*", "carried out *air strikes*")."""
        obj = syntax.object_of(verb)
        if obj is None or obj.lemma_.lower() not in entry.event_nouns:
            return None
        found = self.lexicon.modified_noun_match(obj)
        return Trigger(verb, found, noun=obj) if found is not None else None

    def _joint_object(self, verb: Token) -> Trigger | None:
        obj = syntax.object_of(verb)
        if obj is None or not any(
            c.dep_ in ("amod", "compound") and c.lower_ in JOINT_WORDS for c in obj.lefts
        ):
            return None
        entry = self.lexicon.noun_match(obj)
        if entry is None or entry.event_type != "COOPERATE":
            return None
        return Trigger(verb, entry, noun=obj)

    def _joint_trigger(self, verb: Token) -> Trigger | None:
        """Anything two parties do jointly is COOPERATE: "jointly surveyed the volcano",
        "dismantled a network in a *joint operation*"."""
        if any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in verb.children):
            return Trigger(verb, JOINT_ACT)
        for noun in syntax.prep_objects(verb, {"in", "through", "under"}):
            entry = self.lexicon.noun_match(noun)
            if entry is not None and entry.event_type == "COOPERATE":
                return Trigger(verb, entry)
        return None

    def _noun_trigger(self, verb: Token, noun: Token | None, *, occurrence: bool) -> Trigger | None:
        if noun is None:
            return None
        entry = self.lexicon.noun_match(noun)
        if entry is None:
            return None
        return Trigger(verb, entry, noun=noun, occurrence=occurrence)

    # -- one event ---------------------------------------------------------------------
    def code_trigger(
        self,
        trigger: Trigger,
        sent: Span,
        article: Article,
        memory: ArticleMemory,
        frame: ArticleFrame | None = None,
    ) -> Event | None:
        roles = self.find_roles(trigger, memory)
        if roles.actor is None and roles.recipient is None:
            return None
        token, entry = trigger.token, trigger.entry
        if is_mishap(entry, token, roles.actor) or is_private_trip(entry, roles.actor):
            return None
        modality = _modality(trigger.token)
        entry = labour_strike(entry, trigger.noun or syntax.object_of(token), roles.actor)
        entry = _intended(rioting(entry, roles.actor, token.doc), token, modality)
        cameo_root = entry.cameo[:2]
        evidence = _evidence(trigger.token, sent)
        frame = frame or ArticleFrame.of(token.doc, article)
        roles_pair = (roles.actor, roles.recipient)
        fields = describe(
            token, sent, modality, roles_pair, entry.event_type, self.names, memory, frame
        )
        return Event(
            event_id=Event.make_id(article.id, evidence, self.name),
            article_id=article.id,
            coder=self.name,
            event_type=entry.event_type,
            mode=entry.mode,
            quad_class=self.lexicon.quad_class(cameo_root),
            cameo_root=cameo_root,
            cameo_code=entry.cameo,
            intensity=self.lexicon.intensity(entry.event_type, entry.mode),
            actor=roles.actor,
            recipient=roles.recipient,
            evidence=evidence,
            confidence=_confidence(trigger, roles),
            **fields,
        )

    # -- roles -------------------------------------------------------------------------
    def find_roles(self, trigger: Trigger, memory: ArticleMemory) -> Roles:
        actor_tok, recipient_tok = self._role_tokens(trigger)
        actor = build_actor(actor_tok, self.names, memory) if actor_tok is not None else None
        if recipient_tok is None or (actor_tok is not None and recipient_tok.i == actor_tok.i):
            recipient_tok = self._entity_in_complement(trigger.token, actor)
        recipient = (
            build_actor(recipient_tok, self.names, memory, recipient=True)
            if recipient_tok is not None
            else None
        )
        if recipient is not None and recipient_tok is not None:
            recipient = _bind_possessive(recipient, recipient_tok, actor)
        return Roles(actor, recipient)

    def _role_tokens(self, trigger: Trigger) -> tuple[Token | None, Token | None]:
        verb = trigger.token
        if trigger.occurrence and trigger.noun is not None:
            return _noun_actor(trigger.noun), self._partner(trigger.noun)
        subject, passive = syntax.find_subject(verb)
        if trigger.clause is not None:
            inner, _ = syntax.find_subject(trigger.clause)
            return subject, inner
        if passive:
            return syntax.find_agent(verb), subject
        return _author(_speaker_for_pronoun(subject)), self._recipient_token(trigger)

    def _recipient_token(self, trigger: Trigger) -> Token | None:
        """The direct object; for an event noun ("called a *meeting* with X") the partner
        named inside it; else a named partner of a preposition ("met with X")."""
        verb = trigger.token
        if _moves_things(trigger.entry):
            goal = next(filter(self._names_a_party, syntax.prep_objects(verb, _GOAL_PREPS)), None)
            if goal is not None:
                return syntax.resolve_relative(goal)  # "deployed troops *to Mali*"
        obj = trigger.noun or syntax.object_of(verb)
        if obj is not None and (
            trigger.noun is not None
            or obj.lemma_.lower() in trigger.entry.event_nouns
            or self.lexicon.noun_match(obj) is not None
        ):
            # "launched attacks *on X*"; "lifted its blockade of *X*"
            return self._partner(obj) or self._prep_partner(verb) or self._party_named_in(obj)
        if obj is not None and self._is_party(obj):
            if not self._is_party(obj, alone=True):  # "suspended *military* aid to X"
                goal = next(filter(self._is_party, syntax.prep_objects(verb, _GOAL_PREPS)), None)
                if goal is not None:
                    return syntax.resolve_relative(goal)
            return syntax.resolve_relative(obj)
        beneficiary = self._partner(obj) if obj is not None else None
        beneficiary = beneficiary or self._prep_partner(verb)
        if beneficiary is not None:
            return beneficiary  # "provided aid *to the Palestinians*"
        if obj is not None and self._names_a_party(obj):
            return self._party_inside(obj)  # "rejected accusations *by the US*"
        return None

    def _party_inside(self, thing: Token) -> Token:
        """The phrase itself when it is a party, else the party it names inside (see
        `_party_named_in`), else the phrase."""
        if self._is_party(thing):
            return thing
        return self._party_named_in(thing) or thing

    def _party_named_in(self, thing: Token) -> Token | None:
        """The party a thing's phrase names in its prepositional phrases or in a participle
        after it, nearest first: "a ceasefire in *Yemen*", "accusations by *the US*", "a ban
        imposed on *Chadian citizens*", "laws passed by *parliament*"."""
        todo = [thing]
        for _ in range(3):
            found = [g for t in todo for g in _attached_nouns(t)]
            party = next((g for g in found if self._is_party(g)), None)
            if party is not None:
                return syntax.resolve_relative(party)
            todo = found
        return None

    def _names_a_party(self, head: Token) -> bool:
        """An object phrase that names an actor somewhere ("a base in *Saudi Arabia*"),
        not a thing ("rockets", "concessions")."""
        if self._is_party(head):
            return True
        if syntax.is_temporal(head) or head.pos_ == "NUM":
            return False
        return any(t.ent_type_ in syntax.ENTITY_LABELS for t in head.subtree)

    def _partner(self, noun: Token) -> Token | None:
        partner = next(filter(self._names_a_party, syntax.prep_objects(noun)), None)
        return self._party_inside(partner) if partner is not None else None

    def _prep_partner(self, verb: Token) -> Token | None:
        partner = next(filter(self._names_a_party, syntax.prep_objects(verb)), None)
        return self._party_inside(syntax.resolve_relative(partner)) if partner is not None else None

    def _is_party(self, token: Token, *, alone: bool = False) -> bool:
        """A word that can name an actor: a name, a pronoun, or a word with a sector (with
        its modifiers: "*military* aid" reads as a party unless `alone`)."""
        if syntax.is_temporal(token) or token.pos_ == "NUM":
            return False
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in syntax.ENTITY_LABELS:
            return True
        words = [token] if alone else syntax.premodified(token)
        match = self.names.resolve([t.text for t in words])
        return match.country is not None or match.sector is not None

    def _entity_in_complement(self, verb: Token, actor: ActorRef | None) -> Token | None:
        exclude: set[int] = set()
        if actor is not None:
            exclude = {t.i for t in verb.doc.char_span(actor.start, actor.end) or ()}
        for tok in syntax.complement_entities(verb, exclude):
            head = syntax.entity_head(tok)
            if head.dep_ in ("amod", "nmod"):
                continue  # "Turkish" in "Turkish troops" is a modifier, not a party
            while head.dep_ in ("poss", "compound") and head.head.pos_ in syntax.NOMINAL_POS:
                head = head.head
            if self.names.resolve([t.text for t in head.subtree]).country:
                return head
        return None


def _attached_nouns(noun: Token) -> Iterator[Token]:
    """Nouns hanging off a noun through a preposition ("talks *with* X") or a participle
    after it ("a ban imposed *on* X", "laws passed *by* X")."""
    yield from syntax.prep_objects(noun, syntax.ALL_PREPS)
    for child in noun.children:
        if child.dep_ == "acl" and child.i > noun.i and child.tag_ == "VBN":
            for grand in child.children:
                if grand.dep_ == "agent":
                    yield from (g for g in grand.children if g.dep_ == "pobj")
            yield from syntax.prep_objects(child, syntax.ALL_PREPS)


def _one_per_claim(events: Iterable[Event | None]) -> list[Event]:
    """Drop an event that repeats another of the same sentence: same category and actor,
    and the same recipient or none ("attacked and killed", "met ... held talks")."""
    kept: list[Event] = []
    for event in sorted(filter(None, events), key=lambda e: -e.confidence):
        if not any(_same_claim(event, other) for other in kept):
            kept.append(event)
    return sorted(kept, key=lambda e: e.evidence.trigger_start)


def _same_claim(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or _span(a.actor) != _span(b.actor):
        return False
    return a.recipient is None or b.recipient is None or _span(a.recipient) == _span(b.recipient)


def _span(part: ActorRef | None) -> tuple[int, int] | None:
    return (part.start, part.end) if part is not None else None


def _with_context(event: Event, contexts: DocumentContexts) -> Event:
    ev = event.evidence
    found = contexts.for_event(ev.start, ev.end, event.event_type, event.cameo_code, event.mode)
    return dataclasses.replace(event, context=found)


_MEASURE_NOUNS = frozenset({"round", "day", "series", "week", "wave", "spate", "string"})
_SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})


def _speaker_for_pronoun(subject: Token | None) -> Token | None:
    """A pronoun subject takes the named subject of the clause it depends on: "The army
    said *it* had killed ...", "a court freed him after *it* convicted him", "the Taliban
    seized the town and *they* ..."; "he" and "she" only a person. Otherwise the pronoun."""
    if subject is None or subject.lower_ not in _SELF_PRONOUNS:
        return subject
    clause = subject.head
    for _ in range(3):
        if clause.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or clause.head is clause:
            return subject
        clause = clause.head
        found = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if found is None:
            continue
        if found.pos_ == "PRON" or not _agrees(subject, found):
            return subject
        return found
    return subject


_GOAL_PREPS = {"to", "into", "against", "toward", "towards", "from"}


def _moves_things(entry: TriggerEntry) -> bool:
    """Events that move troops, aid or people somewhere: the party is where they go (or
    leave), not what is moved ("withdrew peacekeepers *from Sinai*")."""
    return entry.event_type in ("MOBILIZE", "AID", "RETREAT") or entry.mode == "withdraw"


_DOCUMENTS = frozenset(
    {"statement", "report", "letter", "communique", "declaration", "message", "note"}
    | {"press", "release", "appeal", "video", "post", "tweet", "editorial", "decree"}
)


def _author(subject: Token | None) -> Token | None:
    """A document does not act, its author does: "Amnesty issued *a statement* calling on
    Minsk to ..." has Amnesty as the actor of "calling"."""
    if subject is None or subject.lemma_.lower() not in _DOCUMENTS:
        return subject
    by = next(syntax.prep_objects(subject, {"by", "from"}), None)
    if by is not None:
        return by  # "a statement *by the army*"
    verb = subject.head
    if subject.dep_ not in ("dobj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return subject
    author = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if author is None and subject.dep_ == "nsubjpass":
        author = syntax.find_agent(verb)
    return author if author is not None else subject


def _agrees(pronoun: Token, antecedent: Token) -> bool:
    person = antecedent.ent_type_ == "PERSON" or antecedent.lemma_.lower() in PERSON_NOUNS
    if pronoun.lower_ in ("he", "she"):
        return person
    return pronoun.lower_ == "we" or not person or antecedent.tag_ == "NNS"


def _light_objects(verb: Token) -> list[Token]:
    """Nouns that may name a light verb's event: its object ("staged a *protest*", "a
    second round *of talks*", "took part *in the march*"), then its prepositional objects
    ("went on *strike*", "placed its forces on *alert*")."""
    found: list[Token] = []
    obj = syntax.object_of(verb)
    if obj is not None and obj.lemma_.lower() in _MEASURE_NOUNS:
        obj = next(syntax.prep_objects(obj, {"of"}), obj)
    if obj is not None and obj.lower_ == "part":
        obj = next(syntax.prep_objects(verb, {"in"}), None)
    if obj is not None:
        found.append(obj)
    return found + list(syntax.prep_objects(verb, {"on", "into", "to"}))


def _demand_clause(verb: Token) -> Token | None:
    """The reported clause of "X said Y must/should ...", if there is one."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in ("must", "should") for a in child.children
        ):
            return child
    return None


def _noun_actor(noun: Token) -> Token | None:
    """Who does what an event noun names: "*Israel*'s attack", "clashes between *X* and Y"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    return next(syntax.prep_objects(noun, {"between", "by", "among"}), None)


def _intended(entry: TriggerEntry, trigger: Token, modality: Modality) -> TriggerEntry:
    """Future or readied cooperation is AGREE; future or readied force is THREATEN."""
    if modality not in ("future", "hypothetical") or not syntax.is_intended(trigger, modality):
        return entry
    if entry.event_type in _AGREE_CODES:
        return dataclasses.replace(
            entry, event_type="AGREE", mode=None, cameo=_AGREE_CODES[entry.event_type]
        )
    if entry.event_type in senses.THREAT:
        mode, cameo = senses.THREAT[entry.event_type]
        return dataclasses.replace(entry, event_type="THREATEN", mode=mode, cameo=cameo)
    return entry


def _bind_possessive(recipient: ActorRef, head: Token, actor: ActorRef | None) -> ActorRef:
    """ "Kim met *his* officials": a possessive pronoun in the recipient points back to the
    actor of the same clause, so the recipient takes the actor's country."""
    if recipient.country or actor is None or not actor.country:
        return recipient
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in head.children):
        return dataclasses.replace(recipient, country=actor.country)
    return recipient


_OPEN_WATER = frozenset({"sea", "water", "waters", "ocean"})
_FIRING_VERBS = frozenset({"fire", "launch", "shoot"})  # not "hijacked a ship off the coast"


def _into_the_sea(verb: Token) -> bool:
    """Missiles fired "into the sea" or "off the coast" hit no one: a weapons test."""
    return any(
        g.lemma_.lower() in _OPEN_WATER or g.lower_ == "coast"
        for g in syntax.prep_objects(verb, {"into", "off", "toward", "towards"})
    )


def _trimmed(sent: Span) -> Span:
    """The sentence without leading and trailing whitespace tokens."""
    start, end = sent.start, sent.end
    while start < end - 1 and sent.doc[start].is_space:
        start += 1
    while end - 1 > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


def _evidence(trigger: Token, sent: Span) -> Evidence:
    return Evidence(
        sentence=sent.text,
        start=sent.start_char,
        end=sent.end_char,
        trigger=trigger.text,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
    )


def _modality(trigger: Token) -> Modality:
    if syntax.is_negated(trigger):
        return "negated"
    modal = syntax.modal_of(trigger)
    if modal is None and syntax.is_readied(trigger):
        return "hypothetical"
    return (
        "hypothetical" if modal == "hypothetical" else "future" if modal == "future" else "asserted"
    )


def _confidence(trigger: Trigger, roles: Roles) -> float:
    """Higher for specific triggers, resolved roles and main-clause triggers."""
    score = 0.45
    score += 0.1 if trigger.entry.conditions or trigger.noun is not None else 0.0
    if roles.actor is not None:
        score += 0.15 if roles.actor.country or roles.actor.members else 0.05
    if roles.recipient is not None:
        score += 0.1 if roles.recipient.country else 0.05
    score -= 0.03 * min(syntax.depth(trigger.token), 4)
    score -= 0.1 if syntax.in_subordinate_clause(trigger.token) else 0.0
    # "forces *backed* by X", "the soldiers who *opened* fire": a participant's description
    score -= 0.1 if trigger.token.dep_ in ("acl", "amod", "relcl") else 0.0
    return round(min(max(score, 0.05), 0.95), 3)
