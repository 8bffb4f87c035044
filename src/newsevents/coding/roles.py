"""Who did it to whom: the actor and recipient tokens of a trigger, read off the parse.

The actor is the subject (through coordination, control, participles and relative
clauses; a document's author, not the document; a pronoun's named antecedent in the
clause it hangs from), or the agent of a passive. The recipient is the direct object, or
the partner an event noun or a preposition names; a thing that is not a party gives way to
the party it names ("a ceasefire in *Yemen*", "suspended military aid to *Mali*"), and
troops or aid moved somewhere give the place they go to. `actors.build_actor` turns the
tokens into resolved ActorRefs.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.coding import senses, syntax
from newsevents.coding.actors import ArticleMemory, build_actor
from newsevents.coding.filters import HELPING, TALKS, sent_to_help
from newsevents.coding.lexicon import (
    CARRYING_VERBS,
    LAW_CHARGES,
    MASSING_VERBS,
    WORD_CLASSES,
    Lexicon,
    TriggerEntry,
    named_nouns,
)
from newsevents.coding.names import NameTable
from newsevents.coding.reference import PERSON_NOUNS
from newsevents.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_POSSESSIVES = {"his", "her", "its", "their"}


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
    # the recipient is that of an act the trigger governs ("agreed to lift sanctions *on
    # X*"), so it says less about the trigger's own event
    indirect: bool = False


# What is shared between services, never a party: "shared *intelligence* with X",
# "handed *files* on the killing of X to prosecutors in Rome".
_SHARED_THINGS = WORD_CLASSES["records"]


def _topic_of_shared(trigger: Trigger, tok: Token) -> bool:
    """A word inside the intelligence or evidence shared, not after its "to" or "with":
    "shared intelligence *on Boko Haram positions*" names what it is about."""
    if trigger.entry.cameo != "064":
        return False
    shared = syntax.object_of(trigger.token)
    if shared is None or shared.lemma_.lower() not in _SHARED_THINGS:
        return False
    parts = _shared_parts(trigger.token, shared)
    if tok.i not in {t.i for root in parts for t in root.subtree}:
        return False
    if tok.dep_ == "compound" and tok.head.i == shared.i and _dative_compound(tok, shared):
        return False  # the dative compounded on what is handed (see `_recipient_token`)
    roots = {p.i for p in parts}
    way = list(itertools.takewhile(lambda a: a.i not in roots, tok.ancestors))
    if any(_goal_on_participle(a) for a in way):
        return False  # "records linked to X *to Angola's attorney general*"
    # (a passive participle only describes the thing: "documents *seized* in the raid to
    # the Spanish police"; not a linking one, "records *linked* to X")
    clause = any(
        a.dep_ in ("relcl", "advcl", "ccomp")
        or (a.dep_ == "acl" and (a.tag_ != "VBN" or a.lemma_.lower() in _LINKING))
        for a in way
    )
    return clause or not any(a.dep_ == "prep" and a.lower_ in ("to", "with") for a in way)


def _shared_parts(verb: Token, shared: Token) -> list[Token]:
    """The thing shared and what it is about, which the parse may hang on the verb:
    "shared intelligence *on militant networks* with ..."."""
    about = ("on", "about", "from", "regarding", "concerning")
    return [shared, *(c for c in verb.children if c.dep_ == "prep" and c.lower_ in about)]


_LINKING = frozenset({"link", "tie", "relate", "connect"})
# Participles of giving way, and of meeting a demand, on a concession.
_GIVING_WAY = frozenset({"bow", "yield", "cave", "succumb", "respond"})
_MEETING = frozenset({"meet", "answer", "satisfy", "grant", "accept"})
_DEMANDS = frozenset({"demand", "request", "condition", "grievance"})
# Prepositions that aim an act at a party: "halt oil transit *to* Kyrgyzstan".
_AIMED = frozenset({"to", "against", "on", "from", "with"})
# Participles that tell who asked for records: "records *sought by* Japanese investigators".
_SOUGHT = frozenset({"seek", "request", "want", "demand"})
# Officers of a body that records are handed to, taken as the recipient with what the
# parse hung on them ("to *investigators in Kyiv*") even when no party is named.
_OFFICERS = frozenset({"investigator", "prosecutor", "detective", "officer", "agent"})


def _links_to(prep: Token) -> bool:
    """The first "to" of a participle that ties a thing to a party, which is what the
    thing is about, not where it goes: "records on accounts *linked to* former Angolan
    officials to Angola's attorney general"."""
    head = prep.head
    if head.dep_ != "acl" or head.lemma_.lower() not in _LINKING or prep.lower_ != "to":
        return False
    first = next(c for c in head.children if c.dep_ == "prep" and c.lower_ == "to")
    return first.i == prep.i


def _goal_on_participle(prep: Token) -> bool:
    """A "to" the parse hung on a clause on what is handed (a participle, or an
    infinitive), where it goes (not the first "to" of a linking participle):
    "intelligence on cells operating in Syria *to Iraq's security service*", "records
    linked to X *to Angola's attorney general*"."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and prep.head.dep_ == "acl"
        and not _links_to(prep)
    )


def _dative_compound(word: Token, thing: Token) -> bool:
    """A compound on what is handed that reads as whom it is handed to: a plural
    ("handed *Russian counterparts* files"), a body's name after the article or a body
    with its owner (see `_named_after_article`, `_owned_body`)."""
    return word.tag_ == "NNS" or _named_after_article(word, thing) or _owned_body(word)


def _owned_body(word: Token) -> bool:
    """A body with its owner, compounded on what it is sent: "sent *Peru's public
    ministry* records"."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in word.children)


def _own_side(subject: Token) -> bool:
    """A clause's subject that names the speaker's side: a pronoun, or what it owns ("*his
    fighters* would unleash civil war unless ...")."""
    return subject.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children
    )


def _noun_subject(clause: Token) -> Token | None:
    """The clause's subject when a noun or name names it (not a pronoun)."""
    subject, _ = syntax.find_subject(clause)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def _named_after_article(name: Token, thing: Token) -> bool:
    """A name compounded on a plural thing with the article before the name: "the
    International Criminal Court files", which reads as a dative."""
    if name.pos_ != "PROPN" or name.ent_type_ not in ("ORG", "GPE") or thing.tag_ != "NNS":
        return False
    start = min(t.i for t in name.subtree)
    return any(c.dep_ == "det" and c.lower_ == "the" and c.i < start for c in thing.children)


class RoleFinder:
    """Finds the actor and recipient of triggers with the coder's name table and lexicon."""

    def __init__(self, names: NameTable, lexicon: Lexicon) -> None:
        self.names = names
        self.lexicon = lexicon

    def find(self, trigger: Trigger, memory: ArticleMemory) -> Roles:
        """Actor and recipient of one trigger, resolved."""
        actor_tok, recipient_tok = self._role_tokens(trigger)
        if actor_tok is not None:
            actor_tok = _author(_self_of(actor_tok))  # "A statement *released by the
            # Kremlin* congratulated ...": the Kremlin did
        actor = build_actor(actor_tok, self.names, memory) if actor_tok is not None else None
        indirect = False
        if recipient_tok is None and trigger.clause is None and not trigger.occurrence:
            recipient_tok = self._clause_recipient(trigger)
            indirect = recipient_tok is not None
        if recipient_tok is not None and (
            _own_forces(trigger.entry, recipient_tok)
            or self._moved_things(trigger, recipient_tok)
            or self._where_it_happens(recipient_tok, trigger)
        ):
            # "placed *its forces* on alert", "brought *tanks* up", "rallied *in Dakar*"
            recipient_tok = None
        if (
            recipient_tok is not None
            and trigger.entry.event_type == "MOBILIZE"
            and trigger.entry.lemma in MASSING_VERBS
            and syntax.object_of(trigger.token) is None
        ):
            recipient_tok = None  # armed men "gathered *on hills* overlooking the town": where
        if (
            recipient_tok is not None
            and trigger.entry.event_type == "ACCUSE"
            and _a_court(recipient_tok)
        ):
            # a case filed *at the ICJ* accuses the party of its participle: "..., accusing
            # *Israel* of genocide"
            recipient_tok = self._clause_recipient(trigger) or recipient_tok
        if recipient_tok is not None and _set_the_scene(recipient_tok, trigger.token):
            recipient_tok = None  # "*At a White House ceremony*, Israel ... signed": where
        if recipient_tok is not None and _joined_forces(trigger.token, recipient_tok):
            # "joined *forces* with their Peruvian counterparts": the partner, not "forces"
            recipient_tok = next(syntax.prep_objects(trigger.token, {"with"}), None)
        if recipient_tok is not None and recipient_tok.lower_ in _REFLEXIVES:
            recipient_tok = None  # "a suicide bomber blew *himself* up"
        pledged_force = trigger.entry.event_type == "MOBILIZE" and (
            syntax.modal_of(trigger.token) == "future"
        )  # (force to come "to help" is a pledge of aid; force sent is no aid)
        if recipient_tok is None and (
            trigger.entry.event_type in ("AGREE", "AID") or pledged_force
        ):
            # "promised $200 million *to help Honduras* overhaul its police", "will send
            # troops *to help Estonia* deter Russia"
            recipient_tok = self._purpose_party(trigger, helped=True)
        if (
            recipient_tok is None
            and trigger.entry.event_type == "MOBILIZE"
            and sent_to_help(trigger.token)
        ):
            # force sent to help a named state goes to it: "sent 1,000 soldiers *to help
            # Mozambique* fight insurgents" (not "to support *Border Patrol agents*")
            helped = self._purpose_party(trigger, helped=True)
            recipient_tok = helped if helped is not None and helped.pos_ == "PROPN" else None
        threat = trigger.entry.event_type == "THREATEN" or (
            trigger.entry.event_type in _FORCEFUL and syntax.modal_of(trigger.token) == "future"
        )  # (force still to come is coded a threat later: "will call a strike *if* ...")
        if (
            threat
            and recipient_tok is not None
            and recipient_tok.dep_ == "nsubjpass"
            and self.lexicon.noun_match(recipient_tok) is not None
        ):
            recipient_tok = None  # the act threatened: "a general *strike* was vowed by ..."
        if recipient_tok is None and threat:
            recipient_tok = self._pledged_against(trigger.token) or self._condition_subject(
                trigger.token, actor_tok
            )
        if trigger.entry.event_type in ("CONSULT", "AGREE"):
            sides = self._between(trigger.token)
            if sides is not None and (
                recipient_tok is None or recipient_tok.i in {t.i for t in sides.ancestors}
            ):  # "to broker a new round *of talks between Manila and the rebels*"
                recipient_tok = sides
        if recipient_tok is not None and trigger.entry.event_type not in _TARGETED:
            # "gave in to the demands of *striking doctors*"
            recipient_tok = self._stance_owner(recipient_tok) or recipient_tok
        if recipient_tok is None or (actor_tok is not None and recipient_tok.i == actor_tok.i):
            recipient_tok = self._entity_in_complement(trigger, actor)
        if recipient_tok is not None and _topic_of_shared(trigger, recipient_tok):
            recipient_tok = None  # "pooled intelligence *on Boko Haram*": what it is about
        recipient = (
            build_actor(recipient_tok, self.names, memory, recipient=True)
            if recipient_tok is not None
            else None
        )
        if recipient is not None and recipient_tok is not None:
            recipient = _bind_possessive(recipient, recipient_tok, actor)
        return Roles(actor, recipient, indirect)

    def _role_tokens(self, trigger: Trigger) -> tuple[Token | None, Token | None]:
        verb = trigger.token
        if trigger.occurrence and trigger.noun is not None:
            doer = self.doer_of(trigger.noun, trigger.entry)
            return doer, self._noun_event_recipient(trigger, trigger.noun, doer)
        if trigger.noun is not None and self.lexicon.is_nominal(trigger.noun, trigger.entry):
            return self._light_nominal_roles(trigger, trigger.noun)
        if (
            verb.pos_ == "NOUN"
            and verb.dep_ == "ROOT"
            and not any(c.dep_ == "nsubj" for c in verb.children)
        ):
            # a headline-like parse with a noun at the root: "Israeli air *strikes* killed
            # 67 people" (the verb parsed as a clause on the noun); a root noun with a
            # subject is a verb the tagger missed ("Hong Kong police *arrest* Jimmy Lai"),
            # and so is one with an object, its subject parsed as a modifier ("Russian
            # *artillery* pounds Ukrainian positions")
            doer = _headline_subject(verb)
            if doer is not None:
                return doer, self._recipient_token(trigger)
            return _noun_actor(verb), self._partner(verb) or _done_to(verb)
        if trigger.entry is senses.DIED_OF_HARM:
            # "a prisoner *died* as a result of torture in police custody": the one who
            # died suffered it; whoever held them or did it is the doer
            victim = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return _torturer(verb), victim
        if syntax.causative(verb) or syntax.suffered(verb):
            done_to = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
            if syntax.causative(verb):  # "he would have *them* killed": he acts on them
                return _speaker_for_pronoun(syntax.find_subject(verb.head)[0]), done_to
            return syntax.find_agent(verb), done_to  # "had *his home* raided *by police*"
        subject, passive = syntax.find_subject(verb)
        if trigger.clause is not None and passive:
            # "drivers *were told by the government* that they would face prosecution"
            return syntax.find_agent(verb), subject
        if trigger.clause is not None:
            inner, _ = syntax.find_subject(trigger.clause)
            told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if (
                told is not None
                and (inner is None or inner.pos_ == "PRON" or syntax.unless_clauses(trigger.clause))
                and told.lemma_.lower() not in _AUDIENCES
            ):
                inner = told  # "told *Cairo* it risked losing aid", "warned *Sweden* that
                # Ankara would block its bid unless ..."
            elif inner is not None and _own_side(inner) and told is None:
                # the speaker's own side acting unless another party does: the threat is
                # put to the party the act is aimed at ("would halt oil transit *to
                # Kyrgyzstan* unless Bishkek paid"), else to the condition's subject
                # ("would halt all trains unless *Deutsche Bahn* improves its offer")
                conditions = syntax.unless_clauses(trigger.clause)
                if conditions:
                    inner = self._aimed_at(trigger.clause, conditions) or next(
                        (s for c in conditions if (s := _noun_subject(c)) is not None), None
                    )
            return subject, inner
        if passive:
            agent = syntax.find_agent(verb)
            if subject is not None and self._names_the_event(subject, trigger):
                # "the attack *on X* was carried out by Y": the subject is the event itself;
                # its partner is the recipient (with neither partner nor agent the event
                # noun stands in, as before, so that "talks were held in Geneva" is kept)
                if agent is None:  # "negotiations *between Guyana and Venezuela* were held",
                    # "*Vietnam's* commitment to ratify an accord with X was reaffirmed"
                    named = dataclasses.replace(trigger, noun=subject)
                    doer = self.doer_of(subject, trigger.entry)
                    if doer is not None and self.lexicon.nominal_match(subject) is not None:
                        # a verb's act: read as the verb ("the extradition of X *to the
                        # United States*")
                        return doer, self._nominal_recipient(subject, doer, named.entry.event_type)
                    if doer is not None:
                        return doer, self._noun_event_recipient(named, subject, doer)
                partner = self._recipient_token(dataclasses.replace(trigger, noun=subject))
                return agent, partner or (subject if agent is None else None)
            goal = _goal_of(trigger, self._names_a_party) if _moves_things(trigger.entry) else None
            if agent is None and _deploys(trigger.entry):
                # "the army was placed on alert": its own posture; "peacekeepers are being
                # deployed to X": the force moves itself
                return subject, goal
            if agent is None and trigger.entry.mode in _STATE_ACTS:
                agent = _state_of_place(verb)  # "was arrested *in Rwanda*": Rwanda did it
            if agent is None and trigger.entry.event_type in _TARGETED:
                agent = self._doer_when(verb)  # "were killed *when rebels ambushed* ..."
            if goal is not None:
                # what is moved is not the recipient, where it goes is: "funds donated *to
                # the appeal*", "peacekeepers were sent *to Mali*"
                return agent, goal
            if agent is not None and subject is not None and subject.lemma_.lower() in _AGREEMENTS:
                return agent, None  # "the accord is to be signed by X": a text, no party
            if subject is not None and not self._names_a_party(subject):
                given_to = self._prep_partner(verb, {"to"})
                if given_to is not None:
                    return agent, given_to  # "recognition was granted *to the new
                    # government* by Mali": the thing given is no party, who gets it is
            return agent, subject
        if _receives_goods(trigger):
            # "refugees received food *from the Red Crescent*": the giver acts on them
            return _giver(verb), subject
        return _author(self._doer_of_act(subject)), self._recipient_token(trigger)

    def doer_of(self, noun: Token, entry: TriggerEntry) -> Token | None:
        """Who does the act an event noun names (`noun_doer`), read as its verb's act when
        the entry is the verb row of a nominalisation."""
        nominal = self.lexicon.is_nominal(noun, entry)
        doer = noun_doer(noun, entry.event_type, nominal=nominal)
        if doer is None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "come":
            # "strong condemnation of the plan *came* on Wednesday *from Jordan*"
            doer = next(syntax.prep_objects(noun.head, {"from"}), None)
        if doer is None and _performed(noun):
            # "the *assassination* of the minister *was claimed by* Islamic State", "an
            # appeal for restraint *was addressed* to both *by* Guterres"
            doer = syntax.find_agent(noun.head)
        borne = _come_under(noun)
        if doer is None and borne is not None:
            # "came under fire *from Ukrainian forces*" (the parse may hang it on the verb)
            doer = next(syntax.prep_objects(noun, {"from", "by"}), None) or next(
                syntax.prep_objects(borne, {"from", "by"}), None
            )
        return doer

    def _doer_of_act(self, subject: Token | None) -> Token | None:
        """The subject, or the party that did the act a subject names: "the lifting of a
        ban *by the ministry* ended the protests", "a march *by nurses* targeted the
        minister" (the party acts through its act)."""
        subject = _speaker_for_pronoun(subject)
        if subject is None or subject.pos_ != "NOUN":
            return subject
        entry = self.lexicon.noun_match(subject)
        if entry is None:
            return subject
        doer = self.doer_of(subject, entry)
        if doer is None or doer.dep_ == "amod" or not self.is_party(doer):
            return subject
        return doer

    def _light_nominal_roles(
        self, trigger: Trigger, noun: Token
    ) -> tuple[Token | None, Token | None]:
        """A nominalisation a light verb governs: "Ghani *decreed the release of* 1,500
        prisoners", "the *deployment* of troops by Ecuador, *ordered* on Monday": the verb's
        subject or agent acts, else the noun's doer; the noun's phrase names the recipient."""
        verb, event_type = trigger.token, trigger.entry.event_type
        doer = noun_doer(noun, event_type, nominal=True)
        subject, passive = syntax.find_subject(verb)
        if passive or subject is None or subject.i == noun.i:
            actor = syntax.find_agent(verb) or doer
        else:
            actor = _author(_speaker_for_pronoun(subject))
        return actor, self._nominal_recipient(noun, doer or actor, event_type)

    def _noun_event_recipient(
        self, trigger: Trigger, noun: Token, doer: Token | None
    ) -> Token | None:
        """Whom an event noun told as an occurrence is done to: its "of" object when its
        doer is named ("the arrest *of X* by police"), a target the parse hung on the doer,
        the party of the act the noun holds out, else its partner or its own clause's
        object."""
        borne = _come_under(noun)
        if borne is not None:  # "*the city* came under heavy artillery fire"
            return next((c for c in borne.children if c.dep_ == "nsubj"), None)
        nominal = self.lexicon.is_nominal(noun, trigger.entry)
        done_to = None
        if nominal:
            done_to = self._nominal_recipient(noun, doer, trigger.entry.event_type)
        else:
            done_to = _patient_of(noun, trigger.entry.event_type)
        if done_to is not None and not self._names_a_party(done_to):
            done_to = None  # "criticism of *the verdict* by HRW": no party
        if done_to is None and not nominal and doer is not None and doer.head.lower_ == "by":
            # the target the parse hung on the doer: "an attack by gunmen *on the convoy*"
            done_to = next(syntax.prep_objects(doer, _TARGET_PREPS), None)
        planned = next(
            (c for c in noun.children if c.dep_ == "acl" and syntax.is_infinitive(c)), None
        )
        if done_to is None and planned is not None:
            # the act the noun holds out names whom: "Vietnam's commitment *to ratify* an
            # accord with Indonesia", "Turkey's threat *to launch* an offensive against X"
            act = dataclasses.replace(trigger, token=planned, noun=None, occurrence=False)
            done_to = self._recipient_token(act)
        if nominal:
            return done_to  # (its prepositions are read above; the rest names its doer)
        found = done_to or self._partner(noun) or _done_to(noun)
        if (
            found is not None
            and doer is not None
            and doer.lemma_.lower() in _FOLLOWERS
            and doer.i < found.i <= doer.right_edge.i
        ):
            return None  # whose the doers are: "rioting by supporters *of X*" (but "a
            # boycott by consumers *of U.S. chains*", a target hung on the doer)
        return found

    def _nominal_recipient(self, noun: Token, doer: Token | None, event_type: str) -> Token | None:
        """Whom a nominalisation acts on, read as its verb would be: its "of" object when
        that is a party ("the release *of 23 fishermen*", "the summoning *of Turkey's
        ambassador*"; not forces moved), else the party after a preposition of the noun or
        of its object ("the lifting of a ban *on the Front*", "the delivery of tents *to
        Nepal*"), never its doer."""
        things = list(syntax.prep_objects(noun, {"of"}))
        if event_type == "PROTEST":
            things = [t for t in things if not _street(t)]  # "the blockade *of the highway*"
        if event_type not in _OF_IS_GIVEN:
            party = next((t for t in things if self.is_party(t) and not _own_thing(t)), None)
            if party is not None:
                return party
        goals = _NOMINAL_GOALS if event_type != "MOBILIZE" else frozenset({"against"})
        # (forces are sent *to* a place, *against* a party)
        taken: set[int] = set()  # the doer's words, but not a target the parse hung on it:
        if doer is not None:  # "a raid by inspectors *on news portal X*"
            hung = {t.i for p in doer.children if p.lower_ in goals for t in p.subtree}
            taken = {t.i for t in doer.subtree} - hung
        performer = [noun.head] if _performed(noun) else []  # "an appeal was addressed
        # *to India and Pakistan* by Guterres"
        for holder in (*things, noun, *performer, *([doer] if doer is not None else [])):
            for goal in syntax.prep_objects(holder, goals):
                if goal.i not in taken and self._names_a_party(goal):
                    return self._party_inside(goal)
        if event_type in _OF_IS_GIVEN:
            return None
        # a party inside what is acted on: "the seizure of *the group's* property"
        inside = (self._party_named_in(t) or _owner(t) for t in things)
        return next((t for t in inside if t is not None and t.i not in taken), None)

    def _recipient_token(self, trigger: Trigger) -> Token | None:
        """The direct object; for an event noun ("called a *meeting* with X") the partner
        named inside it; else a named partner of a preposition ("met with X")."""
        verb = trigger.token
        direct = syntax.object_of(verb) or syntax.participle_object(verb)
        purpose = self._purpose_party(trigger)
        if purpose is not None:
            return purpose
        if trigger.entry.event_type == "CONCEDE" and not (
            direct is not None and self.is_party(direct)
        ):
            pressed = self._conceded_to(verb)
            if pressed is not None:
                return pressed  # "*Bowing to pressure from teachers' unions*, ... scrapped"
        if trigger.entry.cameo == "071" and direct is not None:
            # "wrote off 80 percent of *Iraq's* debt", "cancelled $300 million owed by *Somalia*"
            debtor = _debtor(direct)
            if debtor is not None and self.is_party(debtor):
                return debtor
        if trigger.entry.cameo == "064":
            # information shared goes to a party: "handed over intelligence *to Afghan
            # officials*", "shared evidence *with India*" (not "intelligence", a sector word)
            # (or the dative: "handed *Russian counterparts* files on 40 recruiters")
            goals = [*syntax.prep_objects(verb, {"to", "with"})]
            goals += [c for c in verb.children if c.dep_ == "dative"]
            shared_thing = direct is not None and direct.lemma_.lower() in _SHARED_THINGS
            if direct is not None and shared_thing:  # "shared intelligence on X *with
                # Somalia*", hung on the noun
                goals += [
                    g
                    for root in _shared_parts(verb, direct)
                    for p in root.subtree
                    if p.dep_ == "prep" and p.lower_ in ("to", "with") and not _links_to(p)
                    for g in p.children
                    if g.dep_ == "pobj"
                ]
            with_thing = any(  # "provided *Britain* with intelligence"
                g.lemma_.lower() in _SHARED_THINGS for g in syntax.prep_objects(verb, {"with"})
            )
            goals = [g for g in goals if g.lemma_.lower() not in _SHARED_THINGS]
            if direct is not None and with_thing:
                goals.insert(0, direct)
            # (a dative the parse compounded on what is handed: "handed *Russian
            # counterparts* files", a plural no compound of a thing would be)
            # (or a body's name: "handed *the International Criminal Court* files", the
            # article before the name, not before the files)
            # (or who sought them: "financial records *sought by Japanese investigators*")
            if direct is not None:
                goals += [
                    c
                    for c in direct.children
                    if c.dep_ == "compound" and _dative_compound(c, direct) and self.is_party(c)
                ]
                goals += [
                    g
                    for a in direct.children
                    if a.dep_ == "acl" and a.lemma_.lower() in _SOUGHT
                    for by in a.children
                    if by.dep_ == "agent"
                    for g in by.children
                    if g.dep_ == "pobj"
                ]
            # (officers of a body, by where they serve: "to *investigators in Kyiv*")
            shared = (g for g in goals if g.lemma_.lower() in _OFFICERS or self._names_a_party(g))
            partner = next(shared, None)
            if partner is not None and partner.lemma_.lower() in _OFFICERS:
                return syntax.resolve_relative(partner)
            if partner is not None:
                return self._party_inside(syntax.resolve_relative(partner))
            if shared_thing:
                return None  # "*pool* intelligence": shared among the doers
        if trigger.entry.cameo == "063":
            # a suspect handed over goes to a party, who is the partner: "extradited Viktor
            # Bout *to the United States*"
            goal = _goal(verb, self._names_a_party, away=False)
            goal = goal or _goal_in_charge(direct, self._names_a_party)
            if goal is not None and goal.lemma_.lower() == "custody":
                return self._party_inside(goal)  # "to the custody of *Syrian authorities*"
            if goal is not None:
                return syntax.resolve_relative(goal)
        if trigger.entry.mode in ("release", "access"):
            # the people freed or let in are the recipient, not where they go: "handed over
            # three hostages *to the Red Cross*", "let a UN convoy *into Madaya*"
            let_in = syntax.let_object(verb) if direct is None else None
            freed = direct or let_in
            if freed is not None:
                who = [*named_nouns(freed)]
                if let_in is not None:  # the name the parse made its subject: "let *OSCE*
                    # monitors in"
                    who += [c for c in let_in.children if c.dep_ == "nsubj"]
                # (not "six Iraqi *artifacts*", a thing returned)
                people = any(self.is_party(n, alone=True) for n in who)
                if people and not _possessed(freed):
                    return syntax.resolve_relative(freed)
        leaving = trigger.entry.event_type == "SANCTION" and trigger.entry.mode == "withdraw"
        if leaving and direct is None:
            # the body left: "pulled out *of the Pacific Islands Forum*", "withdrew *from
            # ECOWAS*" (not "suspended Zimbabwe *from its councils*", which it does not leave)
            outs = [c for c in verb.children if c.lower_ == "out" and c.dep_ in ("prt", "prep")]
            bodies = [*syntax.prep_objects(verb, {"from"})]
            bodies += [o for c in (*outs, verb) for o in syntax.prep_objects(c, {"of"})]
            left = next(filter(self._names_a_party, bodies), None)
            if left is not None:  # (the party inside: "out of talks *with the government*")
                return self._party_inside(syntax.resolve_relative(left))
        if _moves_things(trigger.entry) and not self._shut_out(trigger):
            goal = _goal_of(trigger, self._names_a_party)
            if trigger.entry.event_type == "MOBILIZE":
                goal = self._force_aimed_at(trigger, goal)
            if goal is not None:
                return syntax.resolve_relative(goal)  # "deployed troops *to Mali*"
        demand = trigger.entry.event_type == "REQUEST"
        obj = trigger.noun or direct or _clause_subject(verb, demand=demand)
        if trigger.entry.event_type == "THREATEN" and trigger.noun is None:
            given = next((c for c in verb.children if c.dep_ == "dative"), None)
            given = given or _given_a_deadline(verb, direct, self.is_party)
            if given is not None:  # "gave *illegal miners* a 72-hour ultimatum"
                return syntax.resolve_relative(given)
        if trigger.entry.event_type == "ACCUSE" and trigger.entry.lemma in _BLAMING:
            # "blamed the crash *on pilot error*": the one blamed follows "on"
            # (also where the parse hung it on what is blamed: "blamed the attack *on
            # gangs* directed from Belgrade")
            ons = [verb] if obj is None or self.is_party(obj, alone=True) else [verb, obj]
            blamed = next(
                (
                    p
                    for h in ons
                    for p in syntax.prep_objects(h, {"on"})
                    if not syntax.is_temporal(p) and not syntax.is_charge(p)
                ),
                None,
            )
            if blamed is not None:
                return syntax.resolve_relative(blamed) if self.is_party(blamed) else None
            # (a name in the phrase itself, not in a place after it: "blamed weak demand
            # *in Europe*")
            named = obj is not None and any(t.pos_ == "PROPN" for t in (obj, *obj.lefts))
            if obj is not None and (named or self.is_party(obj)):
                return syntax.resolve_relative(obj)  # "blamed *the Black Axe confraternity*"
        if trigger.entry.event_type in _TARGETED:
            ordered = _ordered_act(trigger)
            if ordered is not None:
                return ordered  # "ordered troops to shoot *protesters*": not the troops
            obj = obj or syntax.shared_object(verb)  # not "arrived and arrested 20 protesters"
            if obj is not None and trigger.noun is None and _concrete(obj):
                return obj  # what force is used on: "hit *an oil refinery near Moscow*"
            if obj is not None and any(_munition(n) for n in named_nouns(obj)):
                aimed = self._prep_partner(verb, _AIMS | {"into", "toward", "towards"})
                if aimed is not None:
                    return aimed  # "fired dozens of artillery shells *at South Korean marines*"
        if trigger.entry.event_type == "PROTEST" and obj is not None and _street(obj):
            return None  # "flooded *the streets* of Belgrade": where, not whom
        if obj is not None and (
            trigger.noun is not None
            or self.lexicon.noun_match(obj) is not None
            # a row's object that is no party is the event ("held *talks*"); one that is
            # a party is what the act is done to ("captured *soldiers*")
            or (
                any(n.lemma_.lower() in trigger.entry.event_nouns for n in named_nouns(obj))
                and not self.is_party(obj, alone=True)
            )
        ):
            # "launched attacks *on X*"; "lifted its blockade of *X*"
            head = obj.head if obj.dep_ == "compound" else obj  # "a bombing *campaign* on X"
            return (
                self._partner(obj)
                or self._partner(head)
                or self._prep_partner(verb)
                or self._party_named_in(obj, places=False)  # not "held talks *in Geneva*"
                or _area_of_measure(trigger, obj)  # but "imposed a curfew *in Kashmir*"
                or _given_to(trigger, obj, self.is_party)  # "delivered food *to flood victims*"
            )
        if obj is not None and self.is_party(obj):
            if self._party_by_sector_only(obj):  # "suspended *military* aid to X"
                goal = _goal(verb, self.is_party)
                if goal is not None:
                    return syntax.resolve_relative(goal)
            return syntax.resolve_relative(obj)
        if obj is not None and trigger.entry.event_type in _TARGETED and _counted_out(obj):
            return obj  # "shot dead *14 patrons* at a bar in Monterrey"
        if obj is not None and _person_taken(trigger, obj):
            return syntax.resolve_relative(obj)  # "deported *a convicted IRA bomber*"
        beneficiary = self._partner(obj) if obj is not None else None
        # what an appeal is *for* is what is asked, not who is asked ("appealed to the
        # international community *for help* in repatriating refugees")
        preps = syntax.RECIPIENT_PREPS - {"for"} if demand else syntax.RECIPIENT_PREPS
        # a case filed *at the ICJ* accuses someone else ("..., accusing Israel of ...")
        courts = trigger.entry.event_type != "ACCUSE"
        beneficiary = beneficiary or self._prep_partner(verb, preps, courts=courts)
        beneficiary = beneficiary or self._row_partner(trigger)
        if beneficiary is not None:
            return beneficiary  # "provided aid *to the Palestinians*"
        if obj is not None and self._names_a_party(obj):
            return self._party_inside(obj)  # "rejected accusations *by the US*"
        if obj is not None and trigger.entry.event_type in _TARGETED and _concrete(obj):
            return obj  # what force is used on: "shelled *the town*", "raided *a hospital*"
        return _area_of_measure(trigger, obj) or _given_to(trigger, obj, self.is_party)

    def _purpose_party(self, trigger: Trigger, *, helped: bool = False) -> Token | None:
        """Whom the act is for, by its purpose: force sent "*to confront* the cartels", a
        trip "*for talks with* X"; with `helped`, money promised "*to help* Honduras"."""
        verb, entry = trigger.token, trigger.entry
        aims = _CONFRONTING if entry.event_type == "MOBILIZE" else None
        if entry.event_type in ("AGREE", "AID", "MOBILIZE") and helped:
            aims = _HELP_AIMS
        if aims is not None:
            # (also on the place the force goes: "to the state of Michoacan *to confront* ...")
            places = [g for p in verb.children if p.dep_ == "prep" for g in p.subtree]
            moved = syntax.object_of(verb)  # or on the force: "troops *to confront* ..."
            for act in [*verb.children, *places, *(moved.children if moved is not None else ())]:
                if act.dep_ not in ("advcl", "xcomp", "acl") or not syntax.is_infinitive(act):
                    continue
                obj = syntax.object_of(act) if act.lemma_.lower() in aims else None
                if obj is None and act.lemma_.lower() in aims:  # "to help *Honduras* overhaul"
                    obj = next(
                        (
                            s
                            for c in act.children
                            if c.dep_ in ("ccomp", "xcomp")
                            for s in c.children
                            if s.dep_ == "nsubj"
                        ),
                        None,
                    )
                if obj is not None and self.is_party(obj):
                    return syntax.resolve_relative(obj)
        if entry.mode == "visit" and trigger.noun is None:
            for talks in syntax.prep_objects(verb, {"for"}):
                if talks.lemma_.lower() in TALKS:
                    partner = next(
                        filter(self.is_party, syntax.prep_objects(talks, {"with"})), None
                    )
                    if partner is not None:
                        return syntax.resolve_relative(partner)
        return None

    def _pledged_against(self, verb: Token) -> Token | None:
        """Whom a pledged act is aimed at: "vowed to take resolute countermeasures *against
        Vilnius*", "vowed to hit back *at* government troops"."""
        given = syntax.object_of(verb)  # "set a deadline *to execute* a kidnapped engineer"
        deadlines = syntax.infinitives_on(given) if given is not None else []
        for act in [*(c for c in verb.children if c.dep_ == "xcomp"), *deadlines]:
            obj = syntax.object_of(act)
            heads = [act] if obj is None else [act, obj]
            for head in heads:
                target = next(filter(self.is_party, syntax.prep_objects(head, _AIMS)), None)
                if target is not None:
                    return syntax.resolve_relative(target)
            named = obj is not None and (obj.pos_ == "PROPN" or act in deadlines)
            if obj is not None and named and self.is_party(obj):
                return syntax.resolve_relative(obj)  # "threatened to hold *Gilani* in contempt"
        return None

    def _doer_when(self, verb: Token) -> Token | None:
        """Who used force in the "when" clause of a passive act of force: "troopers were
        killed *when suspected Maoist rebels ambushed* their patrol", "... *when their
        patrol was attacked by armed men*"."""
        for clause in verb.children:
            if clause.dep_ != "advcl" or not any(
                m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in clause.children
            ):
                continue
            act = self.lexicon.match(clause)
            subject, passive = syntax.find_subject(clause)
            forceful = act is not None and act.event_type in _TARGETED
            if subject is None or subject.pos_ == "PRON":
                continue  # not "when *they* attacked"
            if forceful and not passive and self.is_party(subject):
                return subject
            if forceful and passive:  # "... *when their patrol was attacked by armed men*"
                agents = (g for c in clause.children if c.dep_ == "agent" for g in c.children)
                agent = next((g for g in agents if g.dep_ == "pobj" and self.is_party(g)), None)
                if agent is not None:
                    return agent
        return None

    def _shut_out(self, trigger: Trigger) -> bool:
        """A party shut out of a body is what the act is done to, not the body: "excluded
        *Myanmar's junta chief* from its annual summit"."""
        obj = syntax.object_of(trigger.token)
        return (
            trigger.entry.lemma in _SHUTTING_OUT
            and obj is not None
            and self.is_party(obj)
            and not _possessed(obj)
        )

    def _moved_things(self, trigger: Trigger, noun: Token) -> bool:
        """Forces or weapons a mobilisation moves, named as its object and not a party."""
        return (
            trigger.entry.event_type == "MOBILIZE"
            and noun.i == getattr(syntax.object_of(trigger.token), "i", -1)
            and not self.is_party(noun, alone=True)
        )

    def _names_the_event(self, noun: Token, trigger: Trigger) -> bool:
        """The noun is the event the trigger codes: its event noun, or an object its row
        names that is an event noun too ("held a *meeting*", not "sent *troops*")."""
        if trigger.noun is not None:
            return trigger.noun.i == noun.i
        nouns = trigger.entry.event_nouns
        named = noun.lemma_.lower() in nouns or noun.lower_ in nouns
        return named and self.lexicon.noun_match(noun) is not None

    def _clause_recipient(self, trigger: Trigger) -> Token | None:
        """The recipient of the act a trigger governs: "agreed to lift sanctions *against
        the North*", "threatened to attack *52 Iranian sites*", "carried out strikes,
        killing *dozens of fighters*" (a participle of the same kind of act)."""
        for child in trigger.token.children:
            if child.pos_ != "VERB" or syntax.has_own_subject(child):
                continue
            inner = self.lexicon.match(child)
            if inner is None:
                continue
            same_act = child.tag_ == "VBG" and inner.event_type == trigger.entry.event_type
            # an infinitive of a verb of intent the parse hung on as a clause of purpose:
            # "threatened on Monday *to expel* the ambassador"
            intended = trigger.entry.event_type in _INTENT and syntax.is_infinitive(child)
            if child.dep_ == "xcomp" or (child.dep_ == "advcl" and (same_act or intended)):
                found = self._recipient_token(Trigger(child, inner))
                sent = syntax.object_of(child)
                if (
                    found is not None
                    and _moves_things(inner)
                    and inner.mode != "release"  # (the freed are the recipient)
                    and sent is not None
                    and found.i == sent.i
                ):  # "pledged to send 40 police officers *to help Timor-Leste* ...": whom
                    # they help, not the officers sent
                    found = self._purpose_party(Trigger(child, inner), helped=True)
                if found is not None:
                    return found
        return None

    def _where_it_happens(self, head: Token, trigger: Trigger) -> bool:
        """A place named after a preposition of place that tells where the act happened ("signed
        a deal *in Dhaka*", "agreed *in Helsinki* to end the war", "demanded at a summit *in
        Abuja*"), not a party to it. For other acts the place stays: "declared a ceasefire *in
        Tripoli*", "aid workers arrived *in Nepal*", "called for reform *in the US*"."""
        if trigger.entry.event_type == "PROTEST" and any(
            _street(a) and a.head.i == trigger.token.i for a in head.ancestors
        ):
            return True  # "flooded the streets *of Belgrade*"
        tok = head
        while tok.dep_ in ("compound", "appos", "conj", "amod") and tok.head.i != tok.i:
            tok = tok.head
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in _VENUE_PREPS:
            return False
        if head.ent_type_ not in _PLACE_LABELS and self.names.resolve([head.text]).kind not in (
            "capital",
            "country",
        ):
            return False  # (the tagger may take "Dakar" for a person)
        attached = prep.head
        if attached.i == trigger.token.i and attached.lemma_.lower() in _ARRIVALS:
            return False  # "arrived *in Mali*": where a visit or a force goes
        return (
            trigger.entry.event_type in _HELD_SOMEWHERE
            or (attached.i == trigger.token.i and trigger.entry.event_type == "AGREE")
            # arms laid down or prisoners freed *in Bunia*: where, not to whom
            or (_on_the_act(attached, trigger.token) and trigger.entry.mode in _HANDED_OVER)
            or attached.lemma_.lower() in _GATHERINGS
            or attached.lower_ in _GATHERINGS
        )

    def _conceded_to(self, verb: Token) -> Token | None:
        """The party a concession gives way to, named in a participle on the verb: "*Bowing
        to pressure from teachers' unions*, the government scrapped ...", "..., *meeting the
        main demand of indigenous groups*" (not "bowing to weeks of protests", no party)."""
        for clause in verb.children:
            if clause.dep_ != "advcl" or clause.tag_ != "VBG":
                continue
            lemma = clause.lemma_.lower()
            if lemma in _GIVING_WAY:
                pressures = [*syntax.prep_objects(clause, {"to"})]
            elif lemma in _MEETING:  # whose demand: "the main demand *of indigenous groups*"
                demands = [c for c in clause.children if c.dep_ == "dobj"]
                pressures = [
                    o
                    for d in demands
                    if d.lemma_.lower() in _DEMANDS
                    for o in (
                        *syntax.prep_objects(d, {"of", "by", "from"}),
                        *(c for c in d.children if c.dep_ == "poss" and c.pos_ != "PRON"),
                    )
                ]
            else:
                continue
            for pressure in pressures:
                # (whose demand is met: a party, or people not named as an act, "of
                # *indigenous groups*", not "of *the protests*")
                owner = lemma in _MEETING and self.lexicon.noun_match(pressure) is None
                if self.is_party(pressure) or owner:
                    return syntax.resolve_relative(pressure)
                party = self._pressing_party(pressure)
                if party is not None:
                    return party
        return None

    def _pressing_party(self, pressure: Token) -> Token | None:
        """The party behind a pressure, by its prepositions only: "weeks of pressure *from
        teachers' unions*", "a year of protests *by farmers*" (not "protests *led by* young
        people", nor a protest itself)."""
        todo = [pressure]
        for _ in range(3):
            found = [g for t in todo for g in syntax.prep_objects(t, {"of", "from", "by"})]
            for g in found:
                if self.is_party(g) and self.lexicon.noun_match(g) is None:
                    return syntax.resolve_relative(g)
            todo = found
        return None

    def _aimed_at(self, clause: Token, conditions: list[Token]) -> Token | None:
        """The first party a clause's act is aimed at by a preposition, outside its
        conditions: "it would halt oil transit *to Kyrgyzstan* unless Bishkek paid" (not
        "cut *Gazprom* deliveries to Ukraine", a name the speaker's side owns)."""
        skip = {t.i for c in conditions for t in c.subtree}
        for child in clause.children:
            if child.dep_ in syntax.SUBJECT_DEPS or child.i in skip:
                continue
            for prep in child.subtree:
                if prep.i in skip or prep.dep_ != "prep" or prep.lower_ not in _AIMED:
                    continue
                party = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if party is not None and party.pos_ == "PROPN" and self.is_party(party):
                    return syntax.resolve_relative(party)
        return None

    def _condition_subject(self, verb: Token, actor_tok: Token | None) -> Token | None:
        """Who a threat's condition is put to: the subject of its "if" or "unless" clause
        ("threatened to strike *unless the government* reverses the rise")."""
        todo = [verb]
        for _ in range(2):
            found = []
            for head in todo:
                conditions = list(syntax.condition_clauses(head, _CONDITIONS))
                for clause in conditions:
                    subject, _ = syntax.find_subject(clause)
                    if (  # (also a passive one: "unless *the commission* was overhauled")
                        subject is not None
                        and subject.pos_ != "PRON"
                        and (actor_tok is None or subject.i != actor_tok.i)
                        and self.is_party(subject)
                    ):
                        return subject
                found += [  # "threatened on Monday *to expel* ... if"
                    c
                    for c in head.children
                    if c.dep_ in ("xcomp", "ccomp", "conj", "advcl") and c not in conditions
                ]
            todo = found
        return None

    def _between(self, verb: Token) -> Token | None:
        """The sides a go-between acts for: "offered to mediate *between Congo and Rwanda*",
        "launched a mediation effort *between X and Y*"."""
        places = [verb]
        places += [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "dobj")]
        places += [c for p in places[1:] for c in p.children if c.dep_ == "dobj"]
        places += [o for p in places[1:] for o in syntax.prep_objects(p, {"of"})]
        for head in places:
            for side in syntax.prep_objects(head, {"between"}):
                # (the second side may hang deeper: "between the government *of X and*
                # student protesters")
                if self.is_party(side) and any(c.dep_ == "conj" for c in side.subtree):
                    return side
        return None

    def _stance_owner(self, noun: Token) -> Token | None:
        """Whose plan, decision or demand an act answers, named after it: "gave in to the
        demands *of striking doctors*", "rejected the proposal *by Egypt*". (A possessor
        stays in the phrase, "rejected *Hamas's conditions*", as real-news labels keep it;
        measured on the development sets.)"""
        if noun.lemma_.lower() not in _STANCES and noun.lower_ not in _STANCES:
            return None
        owner = next(syntax.prep_objects(noun, {"of", "by"}), None)
        if owner is not None and self.is_party(owner) and not syntax.is_temporal(owner):
            return syntax.resolve_relative(owner)
        return None

    def _party_by_sector_only(self, obj: Token) -> bool:
        """A thing that reads as a party only through a sector word ("*military* aid"),
        not a named or national one ("Chinese ships"), nor people counted out ("dozens *of
        schoolgirls*")."""
        if any(self.is_party(n, alone=True) for n in named_nouns(obj)):
            return False
        if any(c.dep_ in ("appos", "poss") and self.is_party(c) for c in obj.children):
            return False  # "Myanmar's junta chief *Min Aung Hlaing*"
        match = self.names.resolve([t.text for t in syntax.premodified(obj)])
        return match.sector is not None and match.country is None

    def _party_inside(self, thing: Token) -> Token:
        """The phrase itself when it is a party, else the party it names inside (see
        `_party_named_in`), else the phrase."""
        if self.is_party(thing):
            return thing
        return self._party_named_in(thing) or thing

    def _party_named_in(self, thing: Token, *, places: bool = True) -> Token | None:
        """The party a thing's phrase names in its prepositional phrases or in a participle
        after it, nearest first: "a ceasefire in *Yemen*", "accusations by *the US*", "a ban
        imposed on *Chadian citizens*", "laws passed by *parliament*"."""
        todo = [thing]
        for _ in range(3):
            found = [g for t in todo for g in _attached_nouns(t, places=places)]
            party = next((g for g in found if self.is_party(g)), None)
            if party is not None:
                return syntax.resolve_relative(party)
            todo = found
        return None

    def _force_aimed_at(self, trigger: Trigger, goal: Token | None) -> Token | None:
        """Whom a show of force sent to `goal` is aimed at: the other country of a border
        ("moved troops to its border *with India*"), else the goal; with no goal, the
        country it is massed near (`_massed_near`)."""
        if goal is None:
            return self._massed_near(trigger)
        owner = _edge_owner(goal)
        return owner if owner is not None and self._names_a_party(owner) else goal

    def _massed_near(self, trigger: Trigger) -> Token | None:
        """The country a show of force is massed near: "deployed warships *around
        Taiwan*", "massed troops near *Ukraine's* border", "along its border *with
        Ethiopia*"; not a place ("drills near the Strait of Hormuz", "off its east coast")."""
        verb = trigger.token
        obj = syntax.object_of(verb)
        heads = [verb] if obj is None else [verb, obj, *obj.conjuncts]
        for place in (p for h in heads for p in syntax.prep_objects(h, _NEAR_PREPS)):
            country = _edge_owner(place) or place
            if self.names.resolve([country.text]).kind == "country":
                return country
        return None

    def _names_a_party(self, head: Token) -> bool:
        """An object phrase that names an actor somewhere ("a base in *Saudi Arabia*"),
        not a thing ("rockets", "concessions")."""
        if self.is_party(head):
            return True
        if syntax.is_temporal(head) or head.pos_ == "NUM":
            return False
        return any(
            (t.ent_type_ in syntax.ENTITY_LABELS and t.head.lemma_.lower() not in _CURRENCY_WORDS)
            or (t.i != head.i and t.pos_ == "NOUN" and self.is_party(t, alone=True))
            for t in head.subtree
        )  # "the property of *the opposition leader*", "the movement of *journalists*" (not
        # "the weakness of the *Nigerian* naira")

    def _partner(self, noun: Token) -> Token | None:
        partner = next(filter(self._names_a_party, syntax.prep_objects(noun)), None)
        return self._party_inside(partner) if partner is not None else None

    def _row_partner(self, trigger: Trigger) -> Token | None:
        """The party after the preposition the trigger's row names: "stood *by* X"."""
        preps = {v for c in trigger.entry.conditions if c.kind == "prep" for v in c.values}
        if not preps:
            return None
        named = self._prep_partner(trigger.token, preps)
        if named is not None or trigger.entry.event_type != "REQUEST":
            return named
        # who an appeal is made to, named or not: "appealed *to the international community*"
        return next(
            (
                p
                for p in syntax.prep_objects(trigger.token, preps & _ADDRESSEE_PREPS)
                if p.pos_ in ("NOUN", "PROPN") and not syntax.is_temporal(p)
            ),
            None,
        )

    def _prep_partner(
        self, verb: Token, preps: AbstractSet[str] = syntax.RECIPIENT_PREPS, *, courts: bool = True
    ) -> Token | None:
        """The first party after one of the verb's prepositions; not an instrument ("with
        artillery"), nor, unless `courts`, the court a case is filed at."""
        objects = (
            p
            for p in syntax.prep_objects(verb, preps)
            if not _instrument(p) and (courts or not _a_court(p)) and p.pos_ != "VERB"
        )
        partner = next(filter(self._names_a_party, objects), None)
        return self._party_inside(syntax.resolve_relative(partner)) if partner is not None else None

    def is_party(self, token: Token, *, alone: bool = False) -> bool:
        """A word that can name an actor: a name, a pronoun, or a word with a sector (with
        its modifiers: "*military* aid" reads as a party unless `alone`); not a sum of
        money ("80 million *Canadian* dollars")."""
        if syntax.is_temporal(token) or token.pos_ == "NUM" or token.ent_type_ == "MONEY":
            return False
        if token.lemma_.lower() in _CURRENCY_WORDS:
            return False  # "the weakness of the *Nigerian naira*"
        if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in syntax.ENTITY_LABELS:
            return True
        words = [token] if alone else syntax.premodified(token)
        # "an *official* visit", "*official* figures": the adjective names no official
        words = [t for t in words if not (t.lower_ == "official" and t.pos_ == "ADJ")]
        if not words:
            return False
        match = self.names.resolve([t.text for t in words])
        return match.country is not None or match.sector is not None

    def _entity_in_complement(self, trigger: Trigger, actor: ActorRef | None) -> Token | None:
        verb = trigger.token
        exclude: set[int] = set()
        if actor is not None:
            exclude = {t.i for t in verb.doc.char_span(actor.start, actor.end) or ()}
        # (nor who did it: "was detected *by U.S. and South Korean surveillance*")
        exclude |= {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree}
        for tok in syntax.complement_entities(verb, exclude):
            heads = itertools.takewhile(lambda a: a.i != verb.i, tok.ancestors)
            if any(_terms_word(a) for a in heads):
                continue  # the terms it is done under: "under a drawdown of *the AU mission*",
                # "in line with *the World Court* ruling"
            head = syntax.entity_head(tok)
            if head.dep_ in ("amod", "nmod"):
                continue  # "Turkish" in "Turkish troops" is a modifier, not a party
            if head.dep_ == "npadvmod" and head.head.tag_ == "VBN" and head.head.dep_ == "amod":
                continue  # who brokered the deal: "under an *EU*-brokered deal"
            if self._where_it_happens(head, trigger):
                continue  # "agreed to resume talks *in Mexico City*": the venue
            while head.dep_ in ("poss", "compound") and head.head.pos_ in syntax.NOMINAL_POS:
                head = head.head
            if head.lemma_.lower() in _CURRENCY_WORDS:
                continue  # "the *Nigerian naira*" names a currency, not a party
            if self.names.resolve([t.text for t in head.subtree]).country:
                return head
        return None


def _self_of(word: Token) -> Token:
    """Who a reflexive subject stands for: "the party declared *itself* ready to enter
    talks" (the subject of the verb that governs it)."""
    if word.lower_ not in _REFLEXIVES:
        return word
    for verb in word.ancestors:
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i != word.i), None)
        if subject is not None and subject.lower_ not in _REFLEXIVES:
            return subject
    return word


# Verbs whose passive agent did the act their subject noun names: "the raid *was carried
# out by* police", "the attack *was claimed by* the group", "an appeal *was issued by* X"
# (not one who saw or judged it: "*was detected by* radar", "*was welcomed by* her family").
PERFORMING_VERBS = frozenset(
    {"carry", "conduct", "claim", "stage", "mount", "make", "issue", "lodge", "deliver"}
    | {"address", "submit", "file", "announce", "adopt", "reiterate", "voice", "express"}
    | {"extend", "perform", "undertake", "execute", "complete", "finalise", "finalize"}
    | {"present", "convey", "renew", "repeat", "reaffirm", "restate", "table", "order"}
)


def _performed(noun: Token) -> bool:
    """The noun is the passive subject of a verb that tells who performed it."""
    return noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in PERFORMING_VERBS


def _come_under(noun: Token) -> Token | None:
    """The verb "come" of "came under fire", "came under criticism", if the noun is its
    "under" object."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.lemma_.lower() != "come":
        return None
    return prep.head


# Nouns of "in line with", "in accordance with", "in breach of": the terms or rule an act
# keeps to or breaks, which name no party to it.
_TERMS_NOUNS = frozenset({"line", "accordance", "keeping", "compliance", "breach", "violation"})


def _terms_word(word: Token) -> bool:
    """ "under" or "in line with" and the like: what follows gives the terms of the act."""
    if word.dep_ == "prep" and word.lower_ == "under":
        return True
    return (
        word.dep_ == "pobj"
        and word.lower_ in _TERMS_NOUNS
        and word.head.lower_ == "in"
        and word.head.dep_ == "prep"
    )


# People named by whom they follow or belong to: "supporters *of the jailed mayor*".
_FOLLOWERS = frozenset(
    {"supporter", "follower", "loyalist", "member", "backer", "partisan", "relative", "ally"}
)


_VENUE_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "around"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Kinds of act that happen somewhere without being done to the place: a meeting, a
# signing, joint work, a rally. (A ceasefire, aid or a blockade *in* a place is about it.)
_HELD_SOMEWHERE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "PROTEST"})
_HANDED_OVER = frozenset({"disarm", "release"})


def _on_the_act(word: Token, verb: Token) -> bool:
    """The verb, or its object the parse hung the place on ("laid down their *rifles* in
    Bunia")."""
    return word.i == verb.i or (word.dep_ == "dobj" and word.head.i == verb.i)


_INTENT = frozenset({"THREATEN", "AGREE", "REJECT"})
_CONDITIONS = frozenset({"if", "unless", "until"})
_ARRIVALS = frozenset({"arrive", "land", "reach", "enter", "return", "travel", "fly", "come", "go"})
# Gatherings whose place is a venue whatever the act: "*at a summit in Abuja*".
_GATHERINGS = frozenset(
    {"talks", "meeting", "summit", "conference", "negotiations", "session", "ceremony", "forum"}
)


def _attached_nouns(noun: Token, *, places: bool = True) -> Iterator[Token]:
    """Nouns hanging off a noun through a preposition ("talks *with* X") or a participle
    after it ("a ban imposed *on* X", "laws passed *by* X"); without `places`, not
    through a preposition of place ("talks *in* Geneva": where, not with whom)."""
    preps = syntax.ALL_PREPS if places else syntax.ALL_PREPS - _PLACE_PREPS
    yield from syntax.prep_objects(noun, preps)
    for child in noun.children:
        if child.dep_ == "acl" and child.i > noun.i and child.tag_ == "VBN":
            for grand in child.children:
                if grand.dep_ == "agent":
                    yield from (g for g in grand.children if g.dep_ == "pobj")
            yield from syntax.prep_objects(child, preps)


_SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})


def _speaker_for_pronoun(subject: Token | None) -> Token | None:
    """A pronoun subject takes the named subject of the clause it depends on: "The army
    said *it* had killed ...", "a court freed him after *it* convicted him", "the Taliban
    seized the town and *they* ..."; "he" and "she" only a person. Otherwise the pronoun."""
    if subject is None or subject.lower_ not in _SELF_PRONOUNS:
        return subject
    clause = subject.head
    for _ in range(3):
        if clause.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or clause.head.i == clause.i:
            return subject
        clause = clause.head
        found = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if found is None:
            continue
        if found.pos_ == "PRON":
            return subject
        if not _agrees(subject, found):
            # "*Turkey*'s president says it will ...": "it" is the state the speaker serves
            owner = _state_served(found) if subject.lower_ == "it" else None
            return owner if owner is not None else subject
        return found
    return subject


def _state_served(person: Token) -> Token | None:
    """The named state or body a person is said to belong to by a possessive: "*Turkey*'s
    president", "*the ministry*'s spokesman"."""
    return next(
        (c for c in person.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")),
        None,
    )


_PLACE_PREPS = frozenset({"in", "near", "at", "over"})
_TARGETED = frozenset({"ASSAULT", "COERCE"})
# What a party puts forward, decides or asks for: an act answering one is aimed at its
# owner ("the demands *of the doctors*").
_STANCES = frozenset(
    {"plan", "proposal", "decision", "bid", "condition", "conditions", "demand", "offer"}
    | {"request", "call", "policy", "position", "stance", "initiative", "move", "effort"}
    | {"remark", "comment", "statement", "claim", "ultimatum", "invitation", "candidacy"}
    | {"application", "refusal", "announcement", "plea", "appeal", "response", "approach"}
)
_AIMS = frozenset({"against", "at", "on"})  # what a pledged act is aimed at
# Purposes that name whom force is sent against, or whom help is for.
_CONFRONTING = frozenset(
    {"confront", "fight", "battle", "combat", "counter", "hunt", "crush", "repel", "tackle"}
    | {"pursue", "attack", "deter", "face", "dislodge", "root"}
)
# Currencies, which a national adjective does not make a party ("the Nigerian *naira*").
_CURRENCY_WORDS = syntax.CURRENCIES | {"currency"}
# Purposes that name whom aid is for ("to help X"), wider than `filters.sent_to_help`.
_HELP_AIMS = HELPING | {"equip", "train", "rebuild"}
_BLAMING = frozenset({"blame", "accuse", "sue", "charge", "indict"})
_FORCEFUL = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "PROTEST"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves"})
# Courts and tribunals a case is filed at: the venue, not the party accused.
_COURTS = frozenset({"court", "tribunal", "icj", "icc"})
_SHUTTING_OUT = frozenset({"exclude", "expel", "ban", "bar", "suspend", "remove", "eject", "oust"})

# Measures on an area (curfews, emergency rule, their lifting) and alerts: the area is what
# they are imposed on.
_AREA_CODES = ("172", "0813", "0814", "152")
_AREA_PREPS = frozenset({"in", "across", "throughout", "over", "on"})
_AREA_NOUNS = frozenset(
    {"region", "territory", "area", "zone", "province", "state", "country", "capital"}
    | {"north", "south", "east", "west", "border", "part", "parts"}
)


def _area_of_measure(trigger: Trigger, obj: Token | None) -> Token | None:
    """Where a measure on an area applies: "imposed a curfew *in parts of Kashmir*", "a
    state of emergency *across the region*", "remained on alert *in Bosnian Serb
    territory*": a named place or a word for one."""
    if not trigger.entry.cameo.startswith(_AREA_CODES):
        return None
    for head in (obj, trigger.token):
        if head is None:
            continue
        for place in syntax.prep_objects(head, _AREA_PREPS):
            if syntax.is_temporal(place) or not (
                place.ent_type_ in ("GPE", "LOC", "FAC")
                or place.lemma_.lower() in _AREA_NOUNS | _TARGET_PLACES
            ):
                continue  # not "in response to", "in the wake of", "in the health sector"
            return syntax.resolve_relative(place)
    return None


# Places and facilities that stand for the people in them when force is used on them.
_TARGET_PLACES = frozenset(
    {"town", "village", "city", "district", "neighbourhood", "neighborhood", "camp"}
    | {"base", "outpost", "post", "checkpoint", "station", "barracks", "garrison", "airport"}
    | {"hospital", "clinic", "school", "university", "mosque", "church", "temple", "market"}
    | {"convoy", "vehicle", "bus", "embassy", "consulate", "office", "offices", "headquarters"}
    | {"building", "home", "house", "compound", "residence", "prison", "jail", "port"}
    | {"refinery", "depot", "plant", "facility", "airfield", "airbase", "bridge", "factory"}
    | {"warehouse", "pipeline", "terminal"}
    | {"ship", "vessel", "boat", "tanker", "trawler", "ferry", "freighter", "frigate"}
    | {"warship", "cutter", "aircraft", "plane", "helicopter"}  # "rammed *a fishing boat*"
)
_STREETS = frozenset({"street", "streets", "square", "centre", "center", "road", "highway"})


def _street(noun: Token) -> bool:
    return noun.lemma_.lower() in _STREETS or noun.lower_ in _STREETS


# Prepositions of whom an appeal is made to ("appealed *to* donors", "called *on* X").
_ADDRESSEE_PREPS = frozenset({"to", "on", "upon", "with"})  # "pleaded *with* donors"


def _ordered_act(trigger: Trigger) -> Token | None:
    """The object of the act a row's named complement stands for: "ordered troops *to
    shoot* protesters"."""
    if trigger.entry.event_type != "ASSAULT" or not any(
        c.kind == "xcomp" and c.values for c in trigger.entry.conditions
    ):
        return None  # (not "ordered the station to suspend *broadcasts*": the station)
    for act in trigger.token.children:
        if act.dep_ in ("xcomp", "advcl", "ccomp") and syntax.is_infinitive(act):
            obj = syntax.object_of(act) or next(syntax.prep_objects(act, {"on", "at"}), None)
            if obj is not None:
                return syntax.resolve_relative(obj)  # (also "to open fire *on* protesters")
    return None


# Verbs that take or free people: whoever is arrested, deported or released is the
# recipient, whether or not the noun has a sector ("a *bomber*", "a convicted *member*",
# "*the kidnap victims*"), if the noun names people (`_person_noun`).
_TAKING_PEOPLE = frozenset(
    {"arrest", "detain", "jail", "imprison", "apprehend", "nab", "deport", "expel", "evict"}
    | {"banish", "extradite", "sentence", "convict", "kidnap", "abduct"}
)
_FREEING_PEOPLE = frozenset({"release", "free", "repatriate"})
_PEOPLE_VERBS = _TAKING_PEOPLE | _FREEING_PEOPLE
# People nouns that no ending tells ("-er", "-ist", "-ee" ... do: `_PERSON_ENDINGS`), with
# those aid is given to (`_PEOPLE`).
_PERSON_NOUNS = frozenset(
    {"victim", "hostage", "child", "children", "schoolchild", "schoolchildren", "people"}
    | {"person", "man", "men", "woman", "women", "boy", "girl", "crew", "staff", "guard"}
    | {"captive", "suspect", "national", "citizen", "shepherd", "nuncio", "envoy", "pilot"}
    | {"cleric", "priest", "nun", "monk", "imam", "pastor", "student", "detainee", "convict"}
    | {"militant", "migrant", "immigrant", "refugee", "journalist", "activist", "tourist"}
    | {"resident", "agent", "servant", "participant", "assistant", "dissident", "opponent"}
    | {"descendant", "inhabitant", "claimant", "defendant", "president"}
)
_PERSON_ENDINGS = ("er", "or", "ist", "ee", "ian", "man", "men", "ier")
# Things with a person's ending.
_NOT_PERSONS = frozenset(
    {"order", "border", "water", "power", "paper", "letter", "number", "transfer", "tanker"}
    | {"carrier", "trawler", "computer", "sector", "corridor", "disorder", "barrier"}
    | {"dossier", "fee", "committee", "guarantee", "remainder", "container", "freighter"}
    | {"decree", "charter", "register", "poster", "laptop", "door", "floor", "minor"}
)


def _person_noun(noun: Token) -> bool:
    """A noun that names people: a name, a listed noun or one with a person's ending
    ("bomber", "employee", "migrant"), not "a new *phone*", "the exchange *rate*"."""
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "NORP") or _listed_person(noun):
        return True
    lemma = noun.lemma_.lower()
    return lemma.endswith(_PERSON_ENDINGS) and lemma not in _NOT_PERSONS


def _listed_person(noun: Token) -> bool:
    return noun.lemma_.lower() in _LISTED_PEOPLE or noun.lower_ in _LISTED_PEOPLE


def _person_taken(trigger: Trigger, obj: Token) -> bool:
    """The direct object of a verb that takes or frees people, when it names people:
    "arrested *a bomber*" (not "issues arrest *warrant*", "released a new *phone*",
    "released ballot *tallies* to the opposition")."""
    verb, lemma = trigger.token, trigger.entry.lemma
    if trigger.noun is not None or lemma not in _PEOPLE_VERBS:
        return False
    if obj.dep_ != "dobj" or obj.head.i != verb.i or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    if obj.lemma_.lower() == "warrant":
        return False  # "issues arrest *warrant* for X"
    handed = any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    if lemma in _FREEING_PEOPLE and handed and not _listed_person(obj):
        return False  # what is released to someone: "released the tanker *to its owners*"
    return not syntax.is_temporal(obj) and _person_noun(obj)


def _counted_out(noun: Token) -> bool:
    """People counted out as the object of force, with nothing after them: "*14 patrons*",
    "*three* guards" (not "five bases used by ...", "three stations on the pipeline")."""
    return (
        noun.tag_ == "NNS"
        and any(c.dep_ == "nummod" for c in noun.children)
        and not _concrete(noun)
        and not any(c.i > noun.i and c.dep_ in ("prep", "acl", "relcl") for c in noun.children)
    )


# What force is used *with*: the instrument, not a party ("pounded X *with artillery*").
_INSTRUMENTS = frozenset(
    {"artillery", "rocket", "missile", "mortar", "shell", "gun", "tank", "drone", "bomb"}
    | {"grenade", "bullet", "gas", "baton", "cannon", "knife", "machete", "weapon", "fire"}
    | {"explosive", "airstrike", "strike", "barrage", "firearm", "rifle", "stone", "rock"}
)


def _instrument(noun: Token) -> bool:
    return noun.head.lower_ == "with" and noun.lemma_.lower() in _INSTRUMENTS


def _munition(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return lemma in _INSTRUMENTS or lemma.rstrip("s") in _INSTRUMENTS


def _possessed(noun: Token) -> bool:
    """ "*its* forces", "*their* weapons": the actor's own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def _a_court(noun: Token) -> bool:
    return noun.lemma_.lower() in _COURTS or noun.lower_ in _COURTS


def _concrete(noun: Token) -> bool:
    """A place or facility force is used on ("shelled *the town*"); a plural by its form
    too, where the lemmatizer errs ("bases" -> "basis")."""
    word = noun.lower_
    return noun.lemma_.lower() in _TARGET_PLACES or (
        word.endswith("s") and word[:-1] in _TARGET_PLACES
    )


_GOAL_PREPS = {"to", "into", "against", "toward", "towards", "from"}
# Rescuers take people *from* their captors, who are not the recipient.
_RESCUES = frozenset({"rescue", "free", "liberate", "evacuate", "save"})


def _goal_of(trigger: Trigger, names: Callable[[Token], bool]) -> Token | None:
    """Where what a trigger moves goes; rescuers take people *from* their captors, who are
    not where they go ("rescued 15 hostages *from FARC rebels*")."""
    return _goal(trigger.token, names, away=trigger.entry.lemma not in _RESCUES)


# Where a show of force is massed, and the edges of a country it is massed on.
_NEAR_PREPS = frozenset({"around", "near", "along", "off"})
_EDGES = frozenset({"border", "frontier", "boundary", "coast", "waters", "airspace"})


def _edge_owner(place: Token) -> Token | None:
    """The other country of a border, or the one whose edge a place is: "its border *with
    Ukraine*", "*Ukraine's* eastern border" (not "*its* east coast")."""
    if place.lemma_.lower() not in _EDGES:
        return None
    other = next(iter(syntax.prep_objects(place, {"with"})), None)
    owner = next((c for c in place.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    return other or owner


def _goal(verb: Token, names: Callable[[Token], bool], *, away: bool = True) -> Token | None:
    """The first object of a goal preposition that `names` accepts ("sent troops *to X*"),
    also where the parse hangs it on what is moved ("shipped a load of vaccines *to X*");
    with `away`, also a place left ("withdrew *from Sinai*")."""
    obj = syntax.object_of(verb) or syntax.misread_object(verb)
    things = [] if obj is None else [obj, *obj.conjuncts]  # "vehicles and a team *to X*"
    heads = [verb, *(n for thing in things for n in named_nouns(thing))]
    heads += [  # "planes *carrying* aid to X" (not "companies *linked* to X")
        c
        for n in heads[1:]
        for c in n.children
        if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS
    ]
    preps = _GOAL_PREPS if away else _GOAL_PREPS - {"from"}
    goals = [p for head in heads for p in syntax.prep_objects(head, preps)]
    goals += [  # "pulled their countries *out of ECOWAS*"; a body, not a place left
        g
        for out in syntax.prep_objects_of(verb, "out")
        for g in syntax.prep_objects(out, {"of"})
        if g.ent_type_ == "ORG" or (len(g.text) > 1 and g.text.isupper())
    ]
    return next(filter(names, goals), None)


def _goal_in_charge(handed: Token | None, names: Callable[[Token], bool]) -> Token | None:
    """The goal the parse hung inside what the people handed over are wanted or suspected
    of: "handed over 19 nationals *suspected of running fraud rings to Chinese officers*"
    (the last "to" phrase of that clause that names a party)."""
    if handed is None:
        return None
    charges = [c for c in handed.children if c.dep_ == "acl" and c.lemma_.lower() in LAW_CHARGES]
    goals = [
        g
        for charge in charges
        for p in charge.subtree
        if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children
        if g.dep_ == "pobj" and names(g)
    ]
    return goals[-1] if goals else None


# People aid is given to who are not named as a party.
_PEOPLE = frozenset(
    {"people", "person", "victim", "survivor", "household", "family", "resident", "civilian"}
    | {"refugee", "migrant", "child", "woman", "farmer", "patient", "villager", "community"}
    | {"citizen", "student", "worker", "evacuee", "orphan", "widow", "pensioner", "needy"}
)
_LISTED_PEOPLE = _PERSON_NOUNS | _PEOPLE  # (`_person_noun`)


def _given_to(
    trigger: Trigger, obj: Token | None, is_party: Callable[[Token], bool]
) -> Token | None:
    """The people aid is given to, named as a party or not: "provided shelter *to 3,000
    households*", "delivered food *to flood victims*"; not "to reconstruction efforts"."""
    if trigger.entry.event_type != "AID":
        return None
    for head in (obj, trigger.token):
        if head is None:
            continue
        for person in syntax.prep_objects(head, {"to"}):
            if person.lemma_.lower() in _PEOPLE or (
                person.tag_ in ("NNS", "NNPS") and is_party(person)
            ):
                return syntax.resolve_relative(person)
    return None


# Verbs of getting: their subject is given the aid, the "from" party gives it.
_RECEIVING = frozenset({"receive", "get", "obtain", "secure"})


def _receives_goods(trigger: Trigger) -> bool:
    """Aid received (not refugees received, which is asylum the subject grants)."""
    entry = trigger.entry
    return (
        entry.lemma in _RECEIVING
        and entry.event_type == "AID"
        and not entry.cameo.startswith("075")
    )


def _giver(verb: Token) -> Token | None:
    """Who the goods came from: "received aid *from Japan*", also when the parse hangs the
    "from" on the goods."""
    obj = syntax.object_of(verb)
    heads = (verb,) if obj is None else (verb, obj)
    return next((p for head in heads for p in syntax.prep_objects(head, {"from"})), None)


# Forces a mobilisation moves as its object: its own, unless an owner is named.
_UNOWNED_FORCES = frozenset(
    {"troop", "force", "soldier", "army", "unit", "police", "policeman", "officer"}
    | {"reservist", "gendarme", "marine", "paratrooper", "commando", "reinforcement"}
)
_FORCES = frozenset(
    {"troop", "troops", "force", "forces", "soldier", "army", "navy", "unit", "country"}
    | {"countries", "nation", "nations"}  # "pulled *their countries* out of ECOWAS"
    | {"police", "policeman", "officer", "reservist", "gendarme", "marine"}
)


# Whom news is told without being its party: "told *reporters* it must ...".
_AUDIENCES = frozenset(
    {"reporter", "journalist", "press", "media", "correspondent", "audience", "crowd"}
    | {"parliament", "lawmaker", "supporter", "rally", "gathering", "conference"}
    | {"reuters", "afp", "ap", "bbc", "cnn", "xinhua", "tass", "agency", "newspaper"}
    | {"television", "radio", "broadcaster", "channel"}
)


def _clause_subject(verb: Token, *, demand: bool = False) -> Token | None:
    """The subject of an infinitive the parse made a clause of its own, which is the
    verb's object in all but the parse: "allowed *refugees* to return"; for a demand, the
    subject of a clause in the subjunctive: "demanded that *Prime Minister Nawaz Sharif*
    resign"."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        bare = (
            demand
            # (or a base form the tagger took for a past or a noun: "that Carrie Lam *set*
            # up an inquiry", "that the council *hand* over power")
            and (child.tag_ in ("VB", "VBP") or child.lower_ == child.lemma_.lower())
            and not any(c.dep_ in ("aux", "auxpass") for c in child.children)
        )
        if syntax.is_infinitive(child) or bare:
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and (not bare or subject.pos_ != "PRON"):
                return subject
    return None


_AGREEMENTS = frozenset(
    {"accord", "agreement", "deal", "treaty", "pact", "declaration", "memorandum", "charter"}
)


def _set_the_scene(noun: Token, verb: Token) -> bool:
    """A place or an occasion in a phrase opening the sentence ("*In Kabul*,", "*At a
    White House ceremony*,"), not a party one deals with there ("In talks *with Hamas*,")."""
    if not syntax.in_opening_phrase(noun, verb):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in ("with", "to", "against"))


def _joined_forces(verb: Token, noun: Token) -> bool:
    """The idiom "join forces (with)": its object is no party."""
    bare = not any(True for _ in noun.children)  # not "joined *French* forces"
    return (
        verb.lemma_.lower() == "join" and noun.dep_ == "dobj" and noun.lower_ == "forces" and bare
    )


def _own_forces(entry: TriggerEntry, noun: Token) -> bool:
    """The actor's own forces mobilised or withdrawn ("put *its army* on alert", "will pull
    *its troops* out of Somalia") are no recipient; nor are forces a mobilisation moves
    without an owner named ("put *troops* on high alert"), but forces it moves against
    are ("deployed troops against *rebel forces*")."""
    forces = noun.lemma_.lower() in _FORCES
    moved = entry.event_type == "MOBILIZE" or (entry.event_type == "RETREAT" and forces)
    owners = [c for c in noun.children if c.dep_ == "poss"]
    moved_noun = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a force *of 260 troops*"
        moved_noun = noun.head.head
    own_object = moved_noun.dep_ in ("dobj", "nsubjpass") and noun.lemma_.lower() in _UNOWNED_FORCES
    if entry.event_type == "MOBILIZE" and own_object and not owners:
        return True
    return moved and any(c.lower_ in _POSSESSIVES for c in owners)


def _deploys(entry: TriggerEntry) -> bool:
    """Troops deployed or put on alert, and peacekeepers sent (AID 074)."""
    return entry.event_type == "MOBILIZE" or entry.cameo.startswith("074")


# Acts of a state's authority: with no agent, the state where they happen did them.
_STATE_ACTS = frozenset({"arrest", "expel", "deport", "convict"})


def _state_of_place(verb: Token) -> Token | None:
    """A country or city the act happened in or out of: "was arrested *in Rwanda*",
    "were expelled *from North Korea*"."""
    return next(
        (p for p in syntax.prep_objects(verb, {"in", "from"}) if p.ent_type_ == "GPE"), None
    )


_DEBTS = frozenset({"debt", "loan", "arrears", "obligation"})


def _debtor(relieved: Token) -> Token | None:
    """Who owes what is forgiven: the owner of the debt or sum ("80 percent of *Iraq's*
    debt", "half of *Poland's* 33 billion dollars"), the doer of "owed by" ("$300 million
    owed by *Somalia*"), or the subject of "owes" ("the 38.9 billion dollars *Iraq* owes
    them")."""
    for word in relieved.subtree:
        if word.lemma_.lower() in _DEBTS or word.lemma_.lower() in syntax.CURRENCIES:
            owner = next((c for c in word.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PROPN":
                return owner
        if word.lemma_.lower() == "owe" and word.dep_ in ("acl", "relcl"):
            doers = [p for a in word.children if a.dep_ == "agent" for p in a.children]
            doers += [c for c in word.children if c.dep_ == "nsubj"]
            named = next((d for d in doers if d.pos_ in ("PROPN", "NOUN")), None)
            if named is not None:
                return named
    return None


_DEADLINES = frozenset({"ultimatum", "deadline"})


def _given_a_deadline(
    verb: Token, direct: Token | None, is_party: Callable[[Token], bool]
) -> Token | None:
    """Who is given an ultimatum or set a deadline where the parse made them no dative:
    the party of its "for" ("set a deadline *for Iran* to comply", `_bound_by_deadline`),
    a noun before the ultimatum ("gives *government* 14-day ultimatum", "gives foreign
    *NGOs* 72-hour ultimatum"), or the object given hours ("gave *warring clans* 48 hours
    to ...")."""
    if direct is not None and verb.lemma_.lower() in ("give", "set"):
        bound = _bound_by_deadline(verb, direct, is_party)
        if bound is not None:
            return bound  # "set a 30-day deadline *for the agency* to make reforms"
    if verb.lemma_.lower() != "give" or direct is None:
        return None
    if direct.lemma_.lower() in _DEADLINES:
        return next(
            (
                c
                for c in direct.lefts
                if c.dep_ in ("compound", "nmod")
                and c.pos_ in ("NOUN", "PROPN")
                and c.lemma_.lower() not in syntax.SPANS_OF_TIME
            ),
            None,
        )
    given_time = any(span.i > direct.i for span in senses.time_given(verb))
    return direct if given_time else None


def _bound_by_deadline(
    verb: Token, deadline: Token, is_party: Callable[[Token], bool]
) -> Token | None:
    """The party that must act by a deadline set or given: the subject of its "for ...
    to" clause ("set a deadline *for Iran* to comply"), or a name after "for" ("set a
    deadline *for Iran*"); not "a deadline for *the talks* to conclude", "for
    *Christmas*"."""
    if deadline.lemma_.lower() not in _DEADLINES:
        return None
    for head in (deadline, verb):
        for clause in head.children:
            if clause.i < deadline.i or clause.dep_ not in ("advcl", "acl", "relcl"):
                continue
            marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"]
            if marks:  # (the subject, or the parse's object of "for": "for *X* to act")
                subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                subject = subject or next((g for g in marks[0].children if g.dep_ == "pobj"), None)
                if subject is not None and is_party(subject):
                    return subject
    for named in syntax.prep_objects(deadline, {"for"}):
        if named.ent_type_ in _PARTY_ENTITIES:
            return named
    return None


_PARTY_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


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
    issued = (c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN")
    agents = (a for c in issued for a in c.children if a.dep_ == "agent")
    by = next((g for a in agents for g in a.children if g.dep_ == "pobj"), None)
    if by is not None:
        return by  # "a statement *released by the Kremlin*"
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
    return pronoun.lower_ == "we" or not person or _plural(antecedent)


def _plural(noun: Token) -> bool:
    """A plural noun, or a group's name the tagger took for a person's: "*the Houthis*"."""
    if noun.tag_ in ("NNS", "NNPS"):
        return True
    return noun.lower_.endswith("s") and any(c.lower_ == "the" for c in noun.children)


def _headline_subject(noun: Token) -> Token | None:
    """The subject of a headline verb tagged as a root noun with an object: the last
    noun before it the parse made a compound of it."""
    if not any(c.dep_ == "dobj" for c in noun.children):
        return None
    before = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return before[-1] if before else None


def _noun_actor(noun: Token, *, under_of: bool = True) -> Token | None:
    """Who does what an event noun names: "*Israel*'s attack", "clashes between *X* and Y",
    "*Israeli* air strikes"."""
    for child in noun.children:
        if (
            child.dep_ == "poss"
            and child.pos_ in ("PROPN", "NOUN")
            and not syntax.is_temporal(child)
        ):
            return child  # (not "*Monday*'s talks")
    found = next(syntax.prep_objects(noun, {"between", "by", "among"}), None)
    if found is None and under_of:
        found = _agent_under_of(noun)  # "the expulsion of four diplomats *by Norway*"
    if found is None and under_of and noun.lemma_.lower() in _SIGNINGS:
        found = _agent_under_of(noun, frozenset({"between"}))
    if found is None:
        found = next(
            (c for c in noun.lefts if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")), None
        )
    return found


# Prepositions that name whom a nominalisation's act reaches: "a ban *on* X", "charges
# *against* X", "tents *to* Nepal", "a summit *with* X".
_NOMINAL_GOALS = frozenset({"on", "against", "to", "from", "with", "for", "into"})


def _own_thing(thing: Token) -> bool:
    """ "*its* peacekeepers", "*their* observers": the doer's own people or things, what it
    moves, not whom it acts on."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in thing.children)


def _owner(thing: Token) -> Token | None:
    """The possessor of a thing: "*the group's* property"."""
    return next((c for c in thing.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


# Acts whose "of" object is what is given or moved, even when it is people: "an offer *of
# 800 troops*", "the deployment *of two divisions*", "the transfer *of records*".
_OF_IS_GIVEN = frozenset({"AGREE", "MOBILIZE", "COOPERATE"})


# Nouns of an act two parties do to a pact or a tie between them: "the *signing* of an
# accord between X and Y", "the *establishment* of relations between X and Y".
_SIGNINGS = frozenset(
    {"signing", "establishment", "restoration", "ratification", "renewal", "resumption"}
    | {"reopening", "severing", "normalisation", "normalization"}
)


# Event types whose noun's "from" names the one who speaks ("praise *from* the UN", "a
# warning *from* Beijing"), and whose noun's "of" names those who act ("a meeting *of*
# ministers", "the withdrawal *of* M23 rebels", "the mobilisation *of* militia fighters").
_SPOKEN_FROM = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "THREATEN", "REJECT", "AGREE"})
_DONE_BY_OF = frozenset({"CONSULT", "RETREAT", "MOBILIZE"})
# What is given, whose "from" names the giver (not "the evacuation of civilians *from*
# Aleppo", a place left).
_GIFTS = frozenset(
    {"shipment", "delivery", "consignment", "donation", "aid", "assistance", "grant", "loan"}
    | {"relief", "convoy"}
)
# What the parse hangs on a noun's doer that names the target: "by gunmen *on the convoy*".
_TARGET_PREPS = frozenset({"on", "against", "of", "to"})


def noun_doer(noun: Token, event_type: str, *, nominal: bool = False) -> Token | None:
    """Who does what an event noun names, if the phrase says: "the expulsion of X *by
    Norway*", "*Mexico*'s extradition of X", "talks *between* X and Y", "praise *from* the
    UN", "the withdrawal *of M23 rebels*"."""
    # (for a charge or a refusal, a "by" on the "of" object names the wrongdoer:
    # "accusations of war crimes *by Israeli forces*")
    charged = event_type == "ACCUSE" and not nominal  # (but "the summoning of X's
    # ambassador *by Y*": a verb's act, done by Y)
    if noun.lemma_.lower() in ("accusation", "allegation") and any(
        o.pos_ != "PROPN" and not o.ent_type_ for o in syntax.prep_objects(noun, {"of"})
    ):
        return None  # "accusations of war crimes *by Israeli forces*": the wrongdoer
    found = _noun_actor(noun, under_of=not charged)
    if found is not None:
        return found
    if event_type in _SPOKEN_FROM or noun.lemma_.lower() in _GIFTS:
        found = next(syntax.prep_objects(noun, {"from"}), None)  # (and "a shipment of
        # launchers *from Germany*": the giver)
    if found is None and noun.lemma_.lower() in _GIFTS:
        goods = syntax.of_chain(noun)  # "a convoy of aid trucks *from Egypt*", "a shipment
        # of 40 tonnes of supplies *from the UAE*"
        found = next((o for g in goods for o in syntax.prep_objects(g, {"from"})), None)
    if found is None and event_type in _DONE_BY_OF:
        found = next(syntax.prep_objects(noun, {"of"}), None)
    return found


def _agent_under_of(noun: Token, preps: frozenset[str] = frozenset({"by"})) -> Token | None:
    """The doer the parse hung on the noun's "of" object, or on a phrase inside it: "the
    arrest of X *by police*", "the lifting of a ban on the Front *by Zambia's government*";
    with `preps` "between", the pair an agreement is signed by ("the signing of a trade
    agreement *between X and Y*")."""
    layer = [  # (or on a phrase of the noun's own: "the withdrawal of charges *against 12
        # leaders by* the attorney general")
        o
        for c in noun.children
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ not in preps | {"by", "between"})
        for o in c.children
        if o.dep_ == "pobj"
    ]
    for _ in range(3):  # (no further: "of A on B against C by D" is as deep as news goes)
        found = next((o for n in layer for o in syntax.prep_objects(n, preps)), None)
        if found is not None:
            return found
        layer = [
            o
            for n in layer
            for c in n.children
            if c.dep_ == "prep" and c.lower_ not in preps
            for o in c.children
            if o.dep_ == "pobj"
        ]
    return None


# Events whose "of" object is what is moved or done, not the party acted on ("the
# withdrawal *of troops* by Russia", "the deployment *of police*").
_OF_IS_THE_THING = frozenset({"RETREAT", "MOBILIZE", "AID", "PROTEST", "CONSULT", "COOPERATE"})


def _patient_of(noun: Token, event_type: str) -> Token | None:
    """Who a noun event with its doer named is done to: "the arrest *of X* by police",
    "the expulsion *of four diplomats* by Norway"."""
    if event_type in _OF_IS_THE_THING:
        return None
    by = next(syntax.prep_objects(noun, {"by"}), None) or _agent_under_of(noun)
    owner = any(c.dep_ == "poss" and not syntax.is_temporal(c) for c in noun.children)
    if by is None and not owner:
        return None  # (also "*Mexico*'s extradition *of X*")
    return next(syntax.prep_objects(noun, {"of"}), None)


def _torturer(verb: Token) -> Token | None:
    """Who held or hurt someone who died of it: the holder of the "custody" they died in
    ("in *Israeli police* custody", "in *Syrian* custody", "in the custody of *the army*")
    or the "by" phrase on the harm itself ("torture *by guards*")."""
    for tok in verb.subtree:
        lemma = tok.lemma_.lower()
        if lemma == "custody":
            holders = [
                c
                for c in tok.lefts
                if c.dep_ in ("poss", "compound")
                or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE", "ORG"))
            ]
            holders += syntax.prep_objects(tok, {"of"})
            if holders:
                return holders[0]
        if lemma in senses.HARM_NOUNS:
            agents = list(syntax.prep_objects(tok, {"by"}))
            if agents:
                return agents[0]
    return None


def _done_to(noun: Token) -> Token | None:
    """What an event noun's own clause acts on, where the parse made the noun the head:
    "Israeli air strikes *killed* at least 67 *people*"."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            obj = syntax.object_of(child)
            if obj is not None:
                return syntax.resolve_relative(obj)
    return None


def _bind_possessive(recipient: ActorRef, head: Token, actor: ActorRef | None) -> ActorRef:
    """ "Kim met *his* officials": a possessive pronoun in the recipient points back to the
    actor of the same clause, so the recipient takes the actor's country."""
    if recipient.country or actor is None or not actor.country:
        return recipient
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVES for c in head.children):
        return dataclasses.replace(recipient, country=actor.country)
    return recipient
