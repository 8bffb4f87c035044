"""The rule coder (`CODER_NAME`): PLOVER events from a parsed article.

For each sentence: find triggers (lexicon verbs; light verbs with an event noun, "staged a
*protest*"; occurrence verbs with an event-noun subject, "*clashes* erupted"; a reported
"must", "X said Y must ..."); drop triggers nested inside another trigger's act ("refused to
*ease*"); read actor and recipient off the parse and resolve them; set the modality; turn
intended cooperation into AGREE and intended force into THREATEN (PLOVER's rule for future
and conditional acts); build the Event with its evidence offsets.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from newsevents.coding import senses, syntax
from newsevents.coding.actors import ArticleMemory, build_actor, build_memory
from newsevents.coding.attribution import carries_allegation
from newsevents.coding.attribution import frame as report_frame
from newsevents.coding.context import DocumentContexts
from newsevents.coding.fields import ArticleFrame, describe
from newsevents.coding.filters import (
    ARMED,
    CAPTIVES,
    JOINT_EXERCISE,
    PROTESTING,
    STATE_SECTORS,
    abduction,
    custody_at_home,
    deadly_raid,
    helped_abroad,
    is_domestic_hand_off,
    is_festive,
    is_mishap,
    is_not_political,
    is_private_trip,
    is_sport,
    is_toll,
    kept_out,
    labour_strike,
    member_parties,
    rioting,
    sent_as_aid,
    sent_to_help,
    traded,
    troop_movement,
)
from newsevents.coding.lexicon import (
    HURRYING_VERBS,
    IDIOM_DEFINITE,
    IN_LIGHT_VERBS,
    LIGHT_VERBS,
    MASSING_VERBS,
    OCCURRENCE_VERBS,
    WORD_CLASSES,
    Lexicon,
    TriggerEntry,
    default_lexicon,
    exercise_with_partner,
    generic_head_nouns,
    is_joint,
    lemma_candidates,
    named_nouns,
)
from newsevents.coding.names import NameTable, default_table
from newsevents.coding.people import PeopleTable, default_people, load_people
from newsevents.coding.roles import RoleFinder, Roles, Trigger
from newsevents.records import ActorRef, Article, Event, Evidence, Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CODER_NAME = "rules.v48"  # bump whenever the rules or their tables change what is coded
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
CROWD_GATHERED = TriggerEntry("mass", (), "PROTEST", "demo", "141")
PROTEST_ACT = TriggerEntry("protest", (), "PROTEST", None, "140")
# Participles that describe a party's stance ("*opposed* to", "*allied* with").
_STANCES = frozenset({"oppose", "ally", "affiliate"})
# Verbs of a crowd gathering or staying somewhere.
_GATHERING = frozenset({"camp", "gather", "assemble", "mass", "converge", "throng", "flock"})
SUPPLIES_SENT = TriggerEntry("supply", (), "AID", None, "070")
FIGHTING_STOPPED = TriggerEntry("halt", (), "RETREAT", "ceasefire", "0871")
# Intransitive verbs saying a fight stopped: "the fighting *halted* at 4 a.m."
_STOPPING = frozenset({"stop", "cease", "halt", "end", "subside"})
# Intended cooperation is AGREE (CAMEO 03x); intended force or restriction is THREATEN (13x).
_AGREE_CODES = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
_AGREE_CODES |= {"RETREAT": "035", "CONCEDE": "035"}


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
        self.roles = RoleFinder(self.names, self.lexicon)

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
            coded = [self.code_trigger(t, words, article, memory, frame) for t in triggers]
            claims: dict[
                int, Event
            ] = {}  # one claim per verb of claiming ("claimed they had attacked X and
            # killed Y")
            for t, e in zip(triggers, coded, strict=True):
                claim = self._claim_of(e, t.token, words, memory, frame)
                if claim is not None:
                    claims.setdefault(claim.evidence.trigger_start, claim)
            coded += claims.values()
            events.extend(_with_context(e, contexts) for e in _one_per_claim(coded))
        return events

    # -- finding triggers ------------------------------------------------------------
    def find_triggers(self, sent: Span) -> list[Trigger]:
        """Triggers of one sentence, without those nested in another's act or in a denial
        ("denied that it was planning to *mobilise*")."""
        found = [t for tok in sent if (t := self.trigger_at(tok)) is not None]
        threatened = {a.i for t in found for a in _threatened_acts(t)}
        threatened |= {a.i for t in found for a in syntax.misplaced_complements(t.token)}
        threatened |= {t.token.i for t in found if syntax.noun_read_as_clause(t.token)}
        found = [
            t
            for t in found
            if t.token.i not in threatened
            and not _in_a_mood(t.token)
            and not syntax.afterthought(t.token)  # "..., a charge Kigali has *dismissed*"
        ]
        indexes = {t.token.i for t in found}
        indexes |= {t.i for t in sent if senses.is_denial(t) and not syntax.afterthought(t)}
        governors = {t.token.i: syntax.nesting_governor(t.token, indexes) for t in found}
        for t in found:  # "aid workers *abducted* in March were released": the parse hung
            # the main verb on the participle that describes its subject
            if governors[t.token.i] == syntax.reduced_relative(t.token) is not None:
                governors[t.token.i] = None
        alleging = {g.i for i, g in governors.items() if g and carries_allegation(g, sent.doc[i])}
        kept = [  # "alleged that X shelled ...": the alleged act is the event (issue 5)
            t
            for t in found
            if t.token.i not in alleging
            and ((g := governors[t.token.i]) is None or g.i in alleging)
        ]
        # "could impose sanctions if Minsk continues to *detain* ...", "had the truce
        # collapsed, troops would have ...", "on whether to *leave*": no event, nor any
        # in its condition
        unreal = [
            t.token
            for t in kept
            if _speculation(t.token) or syntax.counterfactual(t.token) or syntax.undecided(t.token)
        ]
        dropped = {t.i for t in unreal}
        dropped |= {  # (not "..., *after* militants killed 12 soldiers": what happened)
            w.i
            for verb in unreal
            for v in [verb, *verb.conjuncts]
            for c in syntax.conditions_of(v)
            for w in c.subtree
        }
        acts = {t.token.i for t in kept}
        dropped |= {  # "if the truce *holds*, output could hit ...": a supposition under no
            # act (under one, it stays, hypothetical: "if Iran *attacks*, the US will
            # retaliate")
            t.token.i
            for t in kept
            if (g := _condition_governor(t.token)) is not None and g.i not in acts
        }
        dropped |= {t.token.i for t in kept if _denied_report(t.token)}
        return [t for t in kept if t.token.i not in dropped]

    def _hurried_by_party(self, verb: Token) -> bool:
        """A verb that hurries an act has a party for its subject, not an event or a
        disease ("the Ukraine *war*", "Covid-19"), or none named."""
        subject, passive = syntax.find_subject(verb)
        if subject is None or passive:
            return True
        if subject.lemma_.lower() in _NOT_ACTORS or self.lexicon.noun_match(subject) is not None:
            return False
        return self.roles.is_party(subject, alone=True)

    def trigger_at(self, tok: Token) -> Trigger | None:
        """The event a token triggers, if any: a verb with a row in the lexicon (read in
        its context by `_row_trigger`), else a verb without one that carries an event noun,
        a demand or a joint act (`_unlisted_trigger`)."""
        if tok.pos_ not in ("VERB", "AUX") and not _verb_read_as_noun(tok):
            return None
        if tok.dep_ == "amod" and tok.tag_ == "VBG":
            return None  # a description of who: "*striking* teachers", "*warring* factions"
        if _hyphened_participle(tok):
            return None  # a description too: "Iranian-*backed* militias", "Saudi-*led* forces"
        if tok.lemma_.lower() in HURRYING_VERBS and not self._hurried_by_party(tok):
            return None  # "the war *accelerated* the withdrawal of investors": no one acts
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and _span_of_time(tok.head):
            return None  # a span of time by its bounds: "the fiscal year *ending* in March"
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in _ENTITLEMENTS:
            return None  # what one may do: "would lose the *right to strike*"
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _STANDING:
            return None  # "the 1,500 Russian troops *stationed* in Transdniestria": where
            # a force stands, told of it, not a move
        if _how_well_provided(tok):
            return None  # "troops *poorly equipped* to hold the line": what they are like
        if tok.i > 0 and tok.nbor(-1).lower_ in ("below", "above"):
            return None  # "temperatures will drop below *freezing*"
        if _participle_read_as_verb(tok):
            return None  # "extradited *alleged* financier X": an adjective, not a charge
        if tok.dep_ in ("acl", "amod") and tok.lemma_.lower() in _STANCES:
            return None  # "truckers *opposed to* vaccine mandates": who they are
        if tok.dep_ == "nsubj" and _fight_stopped(tok.head, self.lexicon):
            return None  # the fighting that stopped is no attack
        arrived = self._aid_arrived(tok)
        if arrived is not None:
            return arrived  # "relief from India *arrived* in Mandalay": aid, not a visit
        behind = self._act_behind(tok)
        if behind is not None:
            return behind  # "the lifting of the ban by the ministry *will allow* ...": the
            # act the subject names, not what it lets happen
        died = senses.died_of_harm(tok)
        if died is not None:
            return Trigger(tok, died)  # "a prisoner died as a result of torture"
        stopped = senses.stopped_cooperation(tok, self.lexicon)
        if stopped is not None:
            return Trigger(tok, stopped)  # "stopped sharing intelligence"
        entry = self.lexicon.match(tok)
        if (
            entry is not None
            and entry.lemma in SPEECH_VERBS
            and (clause := self._threat_clause(tok))
        ):
            return Trigger(tok, WARNING, clause=clause)  # "told Greece it would pay a heavy
            # price if ...": the threat, not a demand
        given = senses.ultimatum(tok) or senses.or_else(tok)
        if given is not None and (entry is None or entry.event_type != "SANCTION"):
            return Trigger(tok, given)  # "gave the rebels 48 hours to surrender" (not
            # "gave the envoy 48 hours to leave", an expulsion)
        if entry is not None and entry.lemma in _PLACING and _under_terms(tok):
            return None  # "put them on a flight *under a deal* brokered by the Church"
        if entry is not None and _described(tok, entry):
            entry = None  # "*Asked* about the deal, he said ...", "*helped* by a weaker yen"
        if entry is not None and entry.mode == "phone" and not self._called_party(tok):
            entry = None  # "called a general strike to express anger" is no phone call
        if entry is not None and _courtesy_call(tok, entry):
            entry = COURTESY_CALL  # "called on Prime Minister Imran Khan in Islamabad"
        if entry is None and _trade_begun(tok):
            return Trigger(tok, TRADE_BEGUN)  # "resumed *trucking* crude oil to Jordan"
        if entry is None:
            return self._unlisted_trigger(tok)
        if senses.bare_statement(tok, entry, self.lexicon, self.roles.is_party):
            return None
        if _share_of_people(tok):
            return None  # "12 *percent* oppose it": a poll's finding, no party acting
        if senses.sent_to_investigate(tok, entry, self.lexicon):
            return None  # "sent a team *to investigate*": the inquiry is the event
        if _gathered_something(tok, entry):
            return None  # "UN troops *gathered evidence*": no armed men massing
        return self._row_trigger(tok, entry)

    def _threat_clause(self, verb: Token) -> Token | None:
        return _threat_clause(verb, self._coded)

    def _coded(self, verb: Token) -> bool:
        """The verb triggers an event of its own (then it is read as itself)."""
        return self.trigger_at(verb) is not None

    def _row_trigger(self, tok: Token, entry: TriggerEntry) -> Trigger:
        """What a verb with a lexicon row triggers, the readings that narrow the row first:
        the noun of a light verb, a joint act, a pledge of force, an object with its own
        noun row, a weapons test."""
        if not entry.conditions and entry.lemma in LIGHT_VERBS:
            light = self._light_trigger(tok)  # "ordered a general *mobilisation*": the
            if light is not None:  # noun says what
                return light
        joint = self._joint_object(tok)
        if joint is not None:
            return joint  # "conducted *joint* exercises": cooperation, not a show of force
        if entry.event_type in ("COERCE", "MOBILIZE") and (joint := self._joint_trigger(tok)):
            return joint  # "jointly arrested", "seized ... in a joint operation"
        entry = senses.hostile_pledge(tok, entry, self.lexicon) or entry
        entry = sent_as_aid(entry, tok)
        entry = _handed_over_freed(entry, tok)
        entry = _rescued(entry, tok)
        if entry.event_type == "MOBILIZE" and _chanting(tok) and not _armed_subject(tok):
            entry = CROWD_GATHERED  # "massed outside the residence, *demanding* his resignation"
        modified = self._modified_object(tok, entry)
        if modified is not None:
            return modified  # "launched a *hunger* strike": the noun's row is narrower
        if entry.event_type == "ASSAULT" and (
            any(c.lower_ == "test" for c in tok.lefts)
            or (entry.lemma in _FIRING_VERBS and _into_the_sea(tok))
        ):
            entry = TEST_FIRE  # "test-fired two missiles", "fired missiles into the sea"
        return Trigger(tok, entry)

    def _unlisted_trigger(self, tok: Token) -> Trigger | None:
        """A verb without a usable row: a speech verb's demand, a light verb's event noun,
        a state ("on hunger strike", "responsible for killings"), an event noun as subject
        of an occurrence verb ("clashes *erupted*"), or an act done jointly."""
        lemmas = lemma_candidates(tok)
        if any(lemma in SPEECH_VERBS for lemma in lemmas):
            clause = _demand_clause(tok)
            if clause is not None:
                return Trigger(tok, DEMAND, clause=clause)
            clause = self._threat_clause(tok)
            if clause is not None:
                return Trigger(tok, WARNING, clause=clause)
        if any(lemma in LIGHT_VERBS for lemma in lemmas):
            light = self._light_trigger(tok)
            if light is not None:
                return light
        if any(lemma in senses.STATE_VERBS for lemma in lemmas):
            for noun in syntax.prep_objects(tok, {"on"}):
                found = self._noun_trigger(tok, noun, occurrence=False)
                held = found is not None and found.entry.event_type not in _NOT_STATES
                if held and (not senses.definite(noun) or noun.lemma_.lower() in IDIOM_DEFINITE):
                    return found  # "has been on hunger strike", "remained on alert"
                # (not "has been on life *support*", "lives on *aid*")
            for noun in senses.responsible_for(tok):
                found = self._noun_trigger(tok, noun, occurrence=False)
                if found is not None:
                    return found  # "the cartel is responsible for mass killings"
        if "come" in lemmas:
            for noun in syntax.prep_objects(tok, {"under"}):
                found = self._noun_trigger(tok, noun, occurrence=True)
                if found is not None and found.entry.event_type in _BORNE:
                    return found  # "the city *came under* artillery *fire* from X"
        pledged = senses.force_pledged(tok)
        if pledged is not None and _own_pledge(tok):
            return Trigger(tok, pledged)  # "said it would *respond with overwhelming force*"
        if _in_protest(tok):
            return Trigger(tok, PROTEST_ACT)  # "traders *shut their shops in protest* at a tax"
        if (
            any(lemma in _GATHERING for lemma in lemmas)
            and _chanting(tok)
            and not _armed_subject(tok)
        ):
            return Trigger(tok, CROWD_GATHERED)  # "camped on the outskirts, *demanding* ..."
        if _fight_stopped(tok, self.lexicon):
            fight = next(c for c in tok.children if c.dep_ == "nsubj")
            return Trigger(
                tok, FIGHTING_STOPPED, noun=fight, occurrence=True
            )  # "fighting *halted* as a truce took hold"
        toll = "leave" in lemmas and any(  # in the complement: "left 22 people *dead*"
            g.lower_ in _CASUALTIES for c in tok.children for g in (c, *c.children)
        )
        duration = any(lemma in _DURATIONS for lemma in lemmas)
        background = duration and any(c.dep_ == "mark" for c in tok.children)
        # ("..., *as* demonstrations *entered* their second week": the setting of another act)
        if (any(lemma in OCCURRENCE_VERBS for lemma in lemmas) or toll) and not background:
            # (and "clashes *left* at least 22 people *dead*")
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and any(
                c.dep_ == "mark" and subject.i < c.i < tok.i for c in tok.children
            ):
                subject = None  # "its third *veto* ... since the war *erupted*": the parse
                # took a noun before the clause's "since" for its subject
            found = self._noun_trigger(tok, subject, occurrence=True)
            if found is not None and (not duration or found.entry.event_type in _GOING_ON):
                return found  # (a blockade that "lasted decades", an invasion that
                # "entered its fourth year" are standing states, not news)
        by_party = self._noun_by_party(tok)
        if by_party is not None:
            return by_party
        # "set up a *joint* committee", "flew a *joint* patrol": any verb with a joint act
        found = self._joint_object(tok) or self._joint_trigger(tok)
        return found or self._joint_project(tok)

    def _joint_project(self, verb: Token) -> Trigger | None:
        """A shared project started, opened or run: "opened a *jointly owned* car factory",
        "broke ground on a *joint-venture* plant", "started operating their *jointly built*
        wind farm"; or one that two parties start together: "*Thailand and China* broke
        ground on a rail link", "*Pakistan and Iran* inaugurated a border market"
        (COOPERATE)."""
        if not any(lemma in _LAUNCHING for lemma in lemma_candidates(verb)):
            return None
        things = [c for c in verb.children if c.dep_ == "dobj"]
        things += syntax.prep_objects(verb, {"on"})  # "broke ground *on* ..."
        things += [  # "started *operating* their jointly built wind farm"
            o for c in verb.children if c.dep_ == "xcomp" for o in c.children if o.dep_ == "dobj"
        ]
        things = [t for t in things if t.lower_ != "ground"] or things
        if any(_shared(t) for t in things):
            return Trigger(verb, JOINT_ACT)
        if verb.lemma_.lower() not in _FOUNDING:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not _several(verb) or not self.roles.is_party(subject):
            return None
        if all(self.lexicon.noun_match(t) is not None for t in things):
            return None  # (no project founded: "opened *talks*", or nothing named)
        return Trigger(verb, JOINT_ACT)

    def _noun_by_party(self, verb: Token) -> Trigger | None:
        """An event noun with the party that did it, as the subject of any verb: "the
        *expulsion* of four diplomats *by Norway* followed the arrest of ...", "the *arrest*
        of X *by police* drew crowds" (the noun reports the act as done)."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ != "NOUN":
            return None
        verbs_act = self.lexicon.nominal_match(subject) is not None  # "the easing of
        # restrictions *means* reporters ...": a verb's act, told with what follows from it
        if (
            not (_tells_it_done(verb) or _one_of_a_count(verb))
            or (any(c.dep_ == "ccomp" for c in verb.children) and not verbs_act)
            or next(syntax.condition_clauses(verb, _IF_UNLESS), None) is not None
            or syntax.modal_of(verb) is not None
        ):
            return None  # "a strike by pilots, *if it goes ahead, would* ground flights",
            # "a visit by Putin *is* possible", "an inquiry by the UN *found* that ..."
        acted = self._party_act(verb, subject)
        if acted is None or syntax.is_temporal(acted[1]) or _market_demand(subject):
            return None
        return acted[0]

    def _aid_arrived(self, verb: Token) -> Trigger | None:
        """Aid that arrives or reaches a place was given: "aid *from Turkey* arrived in
        Gaza", "a shipment of medical supplies from the UAE *reached* Port Sudan", "a
        convoy of *aid* trucks from Egypt reached Rafah" (AID, by the giver)."""
        if verb.lemma_.lower() not in _ARRIVING:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return None  # (a sentence's first word may be read as a verb: "*Aid* from ...")
        for noun in (subject, *syntax.of_chain(subject)):
            for word in (noun, *(c for c in noun.children if c.dep_ == "compound")):
                entry = self.lexicon.noun_match(word)
                if entry is not None and entry.event_type == "AID":
                    return Trigger(verb, entry, noun=subject, occurrence=True)
                if subject.lemma_.lower() in _CONSIGNMENTS and word.lemma_.lower() in _RELIEF:
                    return Trigger(verb, SUPPLIES_SENT, noun=subject, occurrence=True)
                    # "a shipment of medical *supplies*"
        return None

    def _party_act(self, verb: Token, subject: Token) -> tuple[Trigger, Token] | None:
        """The act a subject noun names, told as done, with the party that did it."""
        found = self._noun_trigger(verb, subject, occurrence=True)
        if found is None or _not_yet_done(subject):
            return None
        doer = self.roles.doer_of(subject, found.entry)
        if doer is None or doer.dep_ == "amod" or not self.roles.is_party(doer):
            return None  # (not "as *Chinese* demand picked up": named, not described)
        return found, doer

    def _act_behind(self, verb: Token) -> Trigger | None:
        """An act named by its noun with its doer, as the subject of a verb that tells what
        it let happen: "the lifting of a ban on the party by the ministry *will allow* it
        to run", "a blockade of the highway by farmers *left* trucks idle", "rioting by
        supporters *saw* shops torched" (the act is the news, told as done even when
        what follows is still to come)."""
        if not any(lemma in _CONSEQUENCES for lemma in lemma_candidates(verb)):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.pos_ == "NOUN" or subject.tag_ == "VBG"):
            return None
        aux = syntax.modal_aux(verb)
        if aux is not None and aux.lower_ not in ("will", "'ll"):
            return None  # "a lifting of sanctions *would* allow ...": not done
        if next(syntax.condition_clauses(verb, _IF_UNLESS), None) is not None:
            return None
        acted = self._party_act(verb, subject)
        if acted is None:
            return None
        return dataclasses.replace(acted[0], token=subject)  # (told as done: the noun's mood)

    def _called_party(self, verb: Token) -> bool:
        """A phone call needs a party called ("called *Erdogan* to apologise"); the bare
        phone verbs ("telephoned") have their own rows and no object needed."""
        if verb.lemma_.lower() != "call":
            return True
        return any(
            c.dep_ in ("dobj", "oprd", "dative") and self.roles.is_party(c, alone=True)
            for c in verb.children
        )

    def _modified_object(self, verb: Token, entry: TriggerEntry) -> Trigger | None:
        """An object the verb's row names, whose modifier gives it its own event noun row
        ("launched a *hunger strike*", "carried out *air strikes*"; passive: "a *hunger
        strike* was launched by ...")."""
        obj = syntax.object_of(verb) or next(
            (c for c in verb.children if c.dep_ == "nsubjpass"), None
        )
        if obj is None or obj.lemma_.lower() not in entry.event_nouns:
            return None
        found = self.lexicon.modified_noun_match(obj)
        if found is None or entry.event_type in _ENDING_TYPES:
            return None  # "ended a *hunger strike*" stays the end of a protest
        return Trigger(verb, found, noun=obj)

    def _joint_object(self, verb: Token) -> Trigger | None:
        """A joint act named as the verb's object; not one the verb ends ("suspended joint
        exercises", "had *dropped* joint projects")."""
        if any(
            lemma in senses.STOP_VERBS or lemma in _DROPPING or lemma in _TALKING_OVER
            for lemma in lemma_candidates(verb)
        ):
            return None  # (nor one only talked over: "*discussed* joint patrols", a meeting)
        # (the tagger takes some such nouns for verbs: "held joint warfare *drills*")
        obj = syntax.object_of(verb) or next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or not (
            is_joint(obj) or exercise_with_partner(obj, verb)  # "staged drills *with U.S. forces*"
        ):
            return None
        entry = self.lexicon.noun_match(obj)
        if entry is None or entry.event_type != "COOPERATE":
            return None
        return Trigger(verb, entry, noun=obj)

    def _joint_trigger(self, verb: Token) -> Trigger | None:
        """Anything two parties do jointly is COOPERATE: "jointly surveyed the volcano",
        "dismantled a network in a *joint operation*"."""
        if any(c.dep_ == "advmod" and c.lower_ == "jointly" for c in verb.children):
            return Trigger(verb, JOINT_ACT)
        together = any(c.dep_ == "advmod" and c.lower_ == "together" for c in verb.children)
        if together and verb.dep_ != "relcl" and _several(verb):
            return Trigger(verb, JOINT_ACT)  # not "which *together* produce 60 percent",
            # "could hold the country *together*"
        for noun in syntax.prep_objects(verb, {"in", "through", "under"}):
            entry = self.lexicon.noun_match(noun)
            if entry is not None and entry.event_type == "COOPERATE":
                return Trigger(verb, entry)
        return None

    def _light_trigger(self, verb: Token) -> Trigger | None:
        """The event the first of a light verb's objects names ("staged a *protest*")."""
        for noun in _light_objects(verb):
            found = self._noun_trigger(verb, noun, occurrence=False)
            if found is not None:
                return found
        return None

    def _noun_trigger(self, verb: Token, noun: Token | None, *, occurrence: bool) -> Trigger | None:
        if noun is None:
            return None
        if not occurrence and exercise_with_partner(noun, verb):  # "staged drills *with* X"
            return Trigger(verb, JOINT_EXERCISE, noun=noun)
        entry = self.lexicon.noun_match(noun)
        if entry is None:
            return None
        return Trigger(verb, entry, noun=noun, occurrence=occurrence)

    # -- one event ---------------------------------------------------------------------
    def _claim_of(
        self,
        event: Event | None,
        token: Token,
        sent: Span,
        memory: ArticleMemory,
        frame: ArticleFrame,
    ) -> Event | None:
        """Beside an attack a party claims it did ("the Houthis *claimed* that *they* had
        attacked the airport", "the group claimed to have kidnapped ..."), the claim itself:
        CAMEO 015 on the verb of claiming, by the claimant, aimed at the attack's target,
        with its own modality, date, place and attribution. None for any other event (not
        "the army claimed that rebels had attacked ...", an allegation against another,
        nor "claimed it had *not* ...", nor a claim not made: "did not claim ...")."""
        if event is None or event.event_type != "ASSAULT" or event.modality == "negated":
            return None
        verb = _own_act_claimed(token)
        if verb is None or _self_named(event.recipient):
            return None  # "the army claimed it had come under attack": it suffered it
        modality = _modality(verb)
        if modality == "negated":
            return None
        claimant = syntax.resolve_relative(next(c for c in verb.children if c.dep_ == "nsubj"))
        actor = build_actor(claimant, self.names, memory)
        evidence = _evidence(verb, sent)
        entry = CLAIMED_OWN_ACT
        fields = describe(
            verb,
            sent,
            modality,
            (actor, event.recipient),
            entry.event_type,
            self.names,
            memory,
            frame,
        )
        confidence = round(min(event.confidence + 0.05, 0.95), 3)
        parties = (actor, event.recipient)
        return self._event(event.article_id, entry, parties, evidence, confidence, fields)

    def code_trigger(
        self,
        trigger: Trigger,
        sent: Span,
        article: Article,
        memory: ArticleMemory,
        frame: ArticleFrame | None = None,
    ) -> Event | None:
        roles = self.roles.find(trigger, memory)
        if roles.actor is None and roles.recipient is None:
            return None
        token, entry = trigger.token, trigger.entry
        # (the verb stands for its noun when nothing is struck: "dock workers *strike*")
        entry = labour_strike(entry, trigger.noun or syntax.object_of(token) or token, roles.actor)
        if is_mishap(entry, token, roles.actor) or is_private_trip(
            entry, roles.actor, token, roles.recipient
        ):
            return None
        if is_toll(entry, token) or _text_would_do(token):
            return None  # (what a bill "would" do once passed is no act)
        if is_not_political(entry, roles.actor, roles.recipient) or is_festive(entry, token):
            return None
        if is_sport(entry, token, roles.actor, roles.recipient):
            return None  # "Galatasaray *beat* Fenerbahce 3-1": a match, not a fight
        if entry.lemma == "blame" and entry.event_type == "ACCUSE" and roles.recipient is None:
            return None  # "blaming *the weakness of the naira*": circumstances, no party
        if entry.lemma in ("close", "shut") and entry.event_type == "COERCE" and _own(token):
            return None  # "the UN closed *its* offices in Kabul": no one is shut out
        if _opened_alone(entry, roles.actor, roles.recipient):
            return None
        if is_domestic_hand_off(entry, token, roles.actor, roles.recipient):
            return None
        if custody_at_home(entry, roles.actor, roles.recipient):
            return None
        modality = _modality(trigger.token)
        if (
            modality == "asserted"
            and trigger.noun is not None
            and not trigger.occurrence
            and trigger.token.lemma_.lower() in _PLANNING
        ):
            modality = "hypothetical"  # "police are *planning* the deportation of 200 migrants"
        refused = None
        if modality in ("negated", "asserted"):
            refused = senses.refusal(token, entry, negated=modality == "negated")
        if refused is not None:
            entry, modality = refused, "asserted"  # "will not lift the ban": a refusal
        entry = _opened_together(_leaving_a_body(entry, roles.recipient, token), roles.actor)
        entry = _given_way(entry, token)
        entry = troop_movement(entry, token, trigger.noun, roles.actor)
        entry = helped_abroad(entry, token, roles.actor, roles.recipient)
        if entry.event_type in ("MOBILIZE", "AID") and _sent_forces(token, roles):
            # "sent 2,000 fighters to reinforce positions", "engineers were deployed to help
            # stranded villagers": the forces or helpers sent are no party
            roles = dataclasses.replace(roles, recipient=None)
        entry = rioting(deadly_raid(entry, token), roles.actor, token)
        entry = traded(abduction(entry, roles.actor, token), token)
        entry = kept_out(entry, token, roles.actor, roles.recipient)
        entry = _in_absentia(_search_warrant(entry, token), token)
        entry = _own_prisoners(entry, token)
        entry = _intended(entry, token, modality, self.roles.is_party)
        entry = _claimed_by_noun(entry, token)
        evidence = _evidence(trigger.token, sent)
        frame = frame or ArticleFrame.of(token.doc, article)
        roles_pair = (roles.actor, roles.recipient)
        fields = describe(
            token, sent, modality, roles_pair, entry.event_type, self.names, memory, frame
        )
        confidence = _confidence(trigger, roles)
        return self._event(article.id, entry, roles_pair, evidence, confidence, fields)

    def _event(
        self,
        article_id: str,
        entry: TriggerEntry,
        parties: tuple[ActorRef | None, ActorRef | None],
        evidence: Evidence,
        confidence: float,
        fields: dict[str, Any],
    ) -> Event:
        """The event a row codes, with its CAMEO and PLOVER figures, parties and fields."""
        cameo_root = entry.cameo[:2]
        return Event(
            event_id=Event.make_id(article_id, evidence, self.name),
            article_id=article_id,
            coder=self.name,
            event_type=entry.event_type,
            mode=entry.mode,
            quad_class=self.lexicon.quad_class(cameo_root),
            cameo_root=cameo_root,
            cameo_code=entry.cameo,
            intensity=self.lexicon.intensity(entry.event_type, entry.mode),
            actor=parties[0],
            recipient=parties[1],
            evidence=evidence,
            confidence=confidence,
            **fields,
        )


def _one_per_claim(events: Iterable[Event | None]) -> list[Event]:
    """Drop an event that repeats another of the same sentence: same category and actor,
    and the same recipient or none ("attacked and killed", "met ... held talks")."""
    kept: list[Event] = []
    # (an event whose recipient is a bare pronoun gives way to the one that names it)
    for event in sorted(filter(None, events), key=lambda e: (_pronoun(e.recipient), -e.confidence)):
        if not any(_same_claim(event, other) for other in kept):
            kept.append(event)
    return sorted(kept, key=lambda e: e.evidence.trigger_start)


def _same_claim(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or _span(a.actor) != _span(b.actor):
        return False
    if _handed_over(a) or _handed_over(b):
        return True  # "freed 212 fishermen and handed *them* over": the same people
    return a.recipient is None or b.recipient is None or _span(a.recipient) == _span(b.recipient)


def _handed_over(event: Event) -> bool:
    return event.cameo_code == "084" and event.evidence.trigger.lower().startswith("hand")


def _pronoun(part: ActorRef | None) -> bool:
    return part is not None and part.text.lower() in ("them", "him", "her", "it")


def _span(part: ActorRef | None) -> tuple[int, int] | None:
    return (part.start, part.end) if part is not None else None


def _with_context(event: Event, contexts: DocumentContexts) -> Event:
    ev = event.evidence
    found = contexts.for_event(ev.start, ev.end, event.event_type, event.cameo_code, event.mode)
    return dataclasses.replace(event, context=found)


_MEASURE_NOUNS = frozenset(
    {"round", "day", "series", "week", "wave", "spate", "string", "hour", "month", "night"}
)


# Light verbs that hold their event noun out as a plan: "*planned* the arrest of".
_PLANNING = frozenset({"plan", "propose", "consider", "prepare", "contemplate", "envisage"})
# Verbs that do not tell an event noun as done, whatever its doer: being and seeming ("a
# visit by X *is* possible", "*remains* unlikely", "*appears* imminent"), expecting and
# planning ("an attack by Russia *is expected*", "a visit *was planned*"), preventing or
# calling off ("an attack by militants *was foiled*", "the deportation was *halted* by a
# judge"), and risking or depending ("any attack *risks* a wider war").
_HOLDS_OUT = frozenset(
    {"be", "remain", "seem", "appear", "become", "stay", "look", "sound", "loom"}
    | {"expect", "plan", "schedule", "propose", "anticipate", "foresee", "consider"}
    | {"envisage", "mull", "weigh", "study", "predict", "forecast", "fear", "rumour"}
    | {"rumor", "need", "require", "hinge", "depend", "hang", "await", "seek", "want"}
    | {"foil", "thwart", "halt", "block", "prevent", "stop", "delay", "postpone", "avert"}
    | {"deny", "rule", "cancel", "abort", "call", "scrap", "shelve", "reject", "oppose"}
    | {"risk", "threaten", "discuss", "debate", "question", "doubt", "dismiss"}
    # "support has *waned*" (the tagger's lemma: "wan")
    | {"wane", "wan", "fade", "dwindle", "falter", "weaken", "erode", "ebb"}
)
# Modifiers that hold an act out rather than tell it: "*any* attack by China", "a
# *possible* visit by Putin".
_UNREAL_MODIFIERS = frozenset(
    {"any", "possible", "planned", "proposed", "threatened", "rumoured", "rumored"}
    | {"potential", "expected", "imminent", "likely", "future", "prospective", "mooted"}
)


# Verbs whose "under" names where one is put: "placed *under house arrest*".
_PLACING = frozenset({"put", "place", "keep"})
# What one acts "under" that puts no one under arrest: terms, not custody.
_TERMS = frozenset({"deal", "agreement", "accord", "treaty", "plan", "scheme", "programme"})
_TERMS |= {"program", "arrangement", "pressure", "auspices", "swap", "exchange", "terms"}
_TERMS |= {"rule", "framework", "mandate", "protocol", "deadline"}


def _under_terms(verb: Token) -> bool:
    """ "put ... *under* a deal": the verb's "under" names terms, not custody (the row
    "put / place under" is for "placed *under house arrest*")."""
    unders = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"]
    objects = [g for c in unders for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(o.lemma_.lower() in _TERMS for o in objects)


def _speculation(verb: Token) -> bool:
    """What observers say *could* happen if a condition is met: "the EU could impose
    sanctions on Minsk if it continues ..., *diplomats* said", or the writer's own "EU
    could slap duties ... if talks collapse". The party itself or its own people saying
    so ("*Beijing* said", "the ministry said *it* could ...", "*its spokesman* said")
    makes a threat, which stays."""
    if not syntax.possible_if(verb):
        return False
    own, _ = syntax.find_subject(verb)
    if own is not None and own.pos_ == "PRON":
        return False  # "the ministry said *it* could ...": its own word
    report = report_frame(verb, verb.sent)
    if report.speaker is None:
        return True
    speakers = [report.speaker]  # (and the report verb's own subjects, which a misparse may
    # put beside the one found: "if *attacks* ... resume, a senior *official* told")
    if report.verb is not None:
        speakers += [c for c in report.verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lemma_.lower() in _ONLOOKERS for s in speakers)


_STANDING = frozenset({"station", "base", "garrison", "headquarter"})


def _how_well_provided(verb: Token) -> bool:
    """ "are *poorly equipped*", "*well armed*", "*better trained*": how well a force is
    provided for, a description, not an act of arming or funding."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _PROVIDING
        and any(c.dep_ == "advmod" and c.lower_ in _HOW_WELL for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


_PROVIDING = frozenset(
    {"equip", "arm", "train", "fund", "finance", "supply", "resource", "prepare", "feed"}
)
_HOW_WELL = frozenset(
    {"poorly", "badly", "ill", "inadequately", "adequately", "well", "better", "worse"}
    | {"under", "over"}
)


# Nouns for what others say happened, and verbs that deny it or decline to confirm it.
_REPORT_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "suggestion"})
_DENYING = frozenset({"deny", "dismiss", "refute", "reject", "rebut", "contest"})
_REPORTED_PATH = frozenset({"acl", "ccomp", "relcl", "conj", "xcomp", "pobj", "prep"})


def _denied_report(token: Token) -> bool:
    """The act is what a report says, and the report is denied or left unconfirmed: "denied
    *a report* that U.S. aircraft *had bombed* a port", "declined to comment on *reports*
    that its boats *had fired* warning shots" (no event)."""
    current = token
    for _ in range(6):  # (also a clause the parse hung on the report's source: "a report *by
        # a Yemeni television station* that U.S. aircraft had bombed ...")
        if current.dep_ not in _REPORTED_PATH or current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "NOUN" and current.lemma_.lower() in _REPORT_NOUNS:
            head = current.head
            if current.dep_ == "dobj" and head.lemma_.lower() in _DENYING:
                return True
            return (
                current.dep_ == "pobj"
                and head.lower_ == "on"
                and head.head.lemma_.lower() == "comment"
            )
    return False


def _condition_governor(token: Token) -> Token | None:
    """The verb whose condition the act is inside ("oil prices could *jump* if Israel
    struck ..."), if it is inside one: what is supposed, not what happens."""
    current = token
    for _ in range(4):
        if current.head.i != current.i and syntax.is_condition(current):
            return current.head
        if current.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "prep"):
            return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _share_of_people(verb: Token) -> bool:
    """The verb's subject is a share of a population in percent ("79 *percent* of
    Georgians favour joining", "12 per *cent* oppose it"), as polls report."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return subject.ent_type_ == "PERCENT" or subject.lemma_.lower() in _SHARES


_SHARES = frozenset({"percent", "%", "cent"})  # (not "a *majority* of lawmakers voted")


def _tells_it_done(verb: Token) -> bool:
    """The verb, with an event noun as subject, tells the event as done (see above)."""
    if verb.lemma_.lower() == "become" and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in _IN_FORCE for c in verb.children
    ):
        return True  # "the resignation of X *became effective*", "the withdrawal *became
        # final*" (not "a strike became likely")
    return not any(lemma in _HOLDS_OUT for lemma in lemma_candidates(verb))


# Verbs of starting, opening or running a project, and of founding one (which two parties
# do together when they do it at all: "X and Y *inaugurated* a border market").
_LAUNCHING = frozenset(
    {"open", "reopen", "launch", "start", "begin", "inaugurate", "build", "break", "operate"}
    | {"commission", "establish", "set", "create", "form", "found", "complete", "unveil"}
)
_FOUNDING = frozenset({"inaugurate", "break", "commission", "found", "unveil"})


def _shared(thing: Token) -> bool:
    """A thing held or done in common: "*joint* patrols", "a *jointly owned* factory", "a
    *joint-venture* plant", "a *shared* inspection post"."""
    if is_joint(thing):
        return True
    for c in thing.lefts:
        if c.lower_ in ("shared", "joint-venture", "co-owned", "co-financed"):
            return True
        if c.dep_ == "amod" and any(g.lower_ == "jointly" for g in c.children):
            return True
        if (
            c.dep_ == "compound"
            and c.lower_ == "venture"
            and any(g.lower_ == "joint" for g in c.lefts)
        ):
            return True
    return False


# Verbs of talking a plan over: the talk is the event, not the plan.
_TALKING_OVER = frozenset(
    {"discuss", "debate", "propose", "consider", "explore", "review", "study", "examine"}
    | {"mull", "weigh", "negotiate"}
)
# Verbs of goods getting where they were sent; what carries goods, and goods sent to help.
_ARRIVING = frozenset({"arrive", "reach", "land", "dock"})
_CONSIGNMENTS = frozenset({"shipment", "consignment", "delivery", "convoy", "cargo", "planeload"})
_RELIEF = frozenset({"supplies", "supply", "food", "medicine", "tent", "vaccine", "blanket"})
# What an act "became" once it was done in full: "*effective*", "*final*", "*official*".
_IN_FORCE = frozenset({"effective", "final", "official", "law", "permanent", "operational"})


# Words that count an act among others of its kind: "was *the third such* attack", "was *the
# latest* in a series" (and an ordinal alone: "was *the 40th* this year", or a superlative
# in the past: "was *the deadliest* attack this year", not "is the biggest test").
_COUNTING = frozenset({"such", "latest"})


def _one_of_a_count(verb: Token) -> bool:
    """ "X's extradition of Y *was the 40th this year*": "be" with a complement that counts
    the act among others tells it as done (not "a visit by X *is possible*")."""
    if verb.lemma_.lower() != "be":
        return False
    return any(
        c.dep_ in ("attr", "acomp")
        and (
            _ordinal(c)
            or any(g.lower_ in _COUNTING for g in c.lefts)
            or (verb.tag_ == "VBD" and any(g.tag_ == "JJS" for g in c.lefts))
        )
        for c in verb.children
    )


def _ordinal(tok: Token) -> bool:
    """ "first", "third", "40th" (the tagger may label "40th" a date)."""
    return (
        tok.ent_type_ == "ORDINAL"
        or tok.lower_ in _ORDINALS
        or re.fullmatch(r"\d+(st|nd|rd|th)", tok.lower_) is not None
    )


_ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"}
    | {"tenth", "eleventh", "twelfth", "twentieth"}
)


def _not_yet_done(noun: Token) -> bool:
    """ "*any* attack by China", "a *planned* visit by the Pope": held out, not done."""
    return any(c.lower_ in _UNREAL_MODIFIERS for c in noun.lefts)


# Occurrence verbs of duration: what goes on, told as the setting of another act.
_DURATIONS = frozenset({"enter", "last", "continue", "proceed"})
_GOING_ON = frozenset({"CONSULT", "PROTEST"})  # talks, sit-ins and strikes that go on


# Participles that describe a person ("the *alleged* financier", "a *suspected* militant").
_DESCRIBING_PARTICIPLES = frozenset({"alleged", "suspected", "accused", "purported", "wanted"})


def _participle_read_as_verb(tok: Token) -> bool:
    """A describing participle the parse took for a verb of its own: no subject, and right
    after a verb, an article or a preposition ("extradited *alleged* financier X")."""
    if tok.lower_ not in _DESCRIBING_PARTICIPLES or tok.i == 0:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    return tok.nbor(-1).pos_ in ("VERB", "DET", "ADP")


_IF_UNLESS = frozenset({"if", "unless"})
# Verbs that tell what an act let happen or brought about: "the boycott by the opposition
# *meant* the house lacked a quorum".
_CONSEQUENCES = frozenset({"allow", "let", "leave", "see", "mean", "enable", "pave", "keep"})


def _market_demand(noun: Token) -> bool:
    """ "demand" with nothing demanded is the market's: "demand from Chinese smelters
    picked up" (not "Poland's demand *for reparations*")."""
    if noun.lemma_.lower() != "demand":
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("acl", "ccomp", "relcl")
        for c in noun.children
    )


def _passive_event_noun(verb: Token) -> Token | None:
    """The subject of a passive light verb with an agent, which names the event: "the
    *attack* was carried out by X", "joint *exercises* were held by X and Y"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if any(c.dep_ in ("oprd", "acomp") for c in verb.children):
        return None  # (not "a pardon ... was *made public* by his press service")
    if syntax.find_agent(verb) is None:
        # without an agent, a noun that names its own doer: "*Guinea's* withdrawal of its
        # observers was ordered on Friday"
        owned = subject is not None and any(
            c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and not syntax.is_temporal(c)
            for c in subject.children
        )
        return subject if owned else None
    if subject is not None and next(syntax.prep_objects(subject, {"by"}), None) is not None:
        return None  # the noun names its own doer: "a pledge *by Japan* to lend ... was
        # announced by Tokyo's embassy" (read as an event noun with its doer)
    return subject


def _light_objects(verb: Token) -> list[Token]:
    """Nouns that may name a light verb's event: its object ("staged a *protest*", "a
    second round *of talks*", "took part *in the march*"), then its prepositional objects
    ("went on *strike*", "placed its forces on *alert*")."""
    found: list[Token] = []
    obj = syntax.object_of(verb) or _passive_event_noun(verb)
    if obj is None:  # an object the tagger read as a verb: "began air defence *drills*"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and verb.dep_ == "compound" and verb.head.pos_ == "NOUN":
        obj = verb.head  # a headline the parse made one noun: "Teachers *stage sit-in* ..."
    if obj is not None and obj.lemma_.lower() in _MEASURE_NOUNS:
        obj = next(syntax.prep_objects(obj, {"of"}), obj)
    if obj is not None:
        found.extend(generic_head_nouns(obj))  # "launched a *mediation* effort"
    if obj is not None and obj.lower_ == "part":
        obj = next(syntax.prep_objects(verb, {"in"}), None)
    if obj is not None:
        found.append(obj)
        found.extend(c for c in obj.conjuncts if c.pos_ == "NOUN")  # "air and naval *drills*"
    preps = {"on", "into", "to"} | ({"in"} if verb.lemma_.lower() in IN_LIGHT_VERBS else set())
    if verb.lemma_.lower() == "lead":
        preps.discard("to")  # "the attacks *led to* the invasion": a cause, not an act
    return found + list(syntax.prep_objects(verb, preps))


def _several(verb: Token) -> bool:
    """The verb's subject names more than one party: "China and Russia", "the two
    sides" (not "troops", many of one party)."""
    subject, _ = syntax.find_subject(verb)
    if subject is None:
        return False
    if any(c.pos_ == "PROPN" or c.ent_type_ for c in subject.conjuncts):
        return True
    return any(c.lower_ in _PAIR_WORDS for c in subject.lefts)


_PAIR_WORDS = frozenset({"two", "both", "three", "several"})


def _demand_clause(verb: Token) -> Token | None:
    """The reported clause of "X said Y must/should ...", if there is one; not a duty the
    speaker puts on itself ("says *it* must restore order")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in ("must", "should") for a in child.children
        ):
            subject, _ = syntax.find_subject(child)
            if subject is not None and subject.lower_ in _SELF:
                continue
            if subject is not None and not _may_be_asked(subject):
                continue  # "crude *output* should reach 1.4 million barrels": a forecast
            return child
    return None


# What a party is told it will face: "X will face serious *repercussions* if ...".
_PENALTIES = frozenset(
    {"consequences", "repercussions", "retaliation", "reprisals", "punishment", "response"}
    | {"sanctions", "action", "measures", "suspension", "expulsion", "isolation"}
)
_TOLD_PENALTIES = frozenset(
    {"prosecution", "arrest", "charges", "prison", "jail", "dismissal", "penalties", "fines"}
    | {"restriction", "restrictions", "freeze", "ban", "bans"}  # "would face visa
    # *restrictions* and a *freeze* on assets"
)
WARNING = TriggerEntry("warn", (), "THREATEN", None, "130")  # (a reported threat)
# What a party can lose because another withholds it: "risked losing *aid*".
_GRANTS = frozenset(
    {"aid", "assistance", "support", "funding", "membership", "access", "status", "seat"}
    | {"privileges", "preferences", "benefits", "investment", "loans", "recognition", "billion"}
    | {"million", "trade", "contracts", "visas"}
)
# Speakers who forecast rather than threaten.
_OBSERVERS = senses.WATCHERS | {"doctor", "observer", "critic", "commentator", "lawyer", "diplomat"}
# Those who weigh what others could do (not "a Kremlin *spokesman*", "the army"): the
# forecasters above (a doctor's forecast is of health, not of a party's acts) and
# go-betweens, officials and sources.
_ONLOOKERS = (_OBSERVERS - {"doctor"}) | frozenset(
    {"scholar", "official", "source", "newspaper", "academic", "professor", "specialist"}
    | {"strategist", "insider", "tank", "envoy", "mediator", "media", "medium"}
)


# Verbs that report a party's own word: a pledge in their complement is the speaker's.
_PLEDGING = SPEECH_VERBS | {"vow", "pledge", "threaten", "warn", "promise", "report", "quote"}


def _own_pledge(verb: Token) -> bool:
    """A pledge a party reports as its own: "North Korea *said* it would respond with
    force"; not a forecast by others ("analysts said Iran would ..."), a fear ("officials
    feared the army would ..."), or a question ("whether Moscow would ...")."""
    if verb.dep_ != "ccomp" or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children
    ):
        return False
    head = verb.head
    if head.lemma_.lower() not in _PLEDGING:
        return False
    speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return speaker is None or speaker.lemma_.lower() not in _OBSERVERS


def _objects(verb: Token) -> list[Token]:
    """The direct object and what it counts ("$1.3 billion *in aid*")."""
    obj = syntax.object_of(verb)
    return [] if obj is None else [obj, *named_nouns(obj)]


# Who a reported ultimatum's clause may tell of: the speaker's side by its pronoun or people.
_SIDES = frozenset({"it", "they", "we", "he", "she", "i"})
_SIDE_OWNERS = frozenset({"its", "their", "our", "his", "her", "my"})


def _ultimatum_clause(clause: Token, coded: Callable[[Token], bool]) -> bool:
    """A reported act still to come, with no row of its own (an act with one is read as
    itself), that another party can stop by what it does, told of the speaker's side by
    its pronoun or its own people: "said *it would halt* oil transit to Kyrgyzstan *unless
    Bishkek paid* its arrears", "*its members would down tools* unless BHP improves its
    offer" (not a forecast: "the ZiG currency would collapse unless ...")."""
    if syntax.modal_of(clause) != "future" or syntax.is_negated(clause):
        return False
    # (also on its infinitive: "will face *escalating* tariffs unless ...")
    conditions = syntax.unless_clauses(clause)
    if not conditions:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or coded(clause):  # (the costly reading last)
        return False
    # (not a name, which may be a forecast's subject: "the IMF said *Ghana* would run out
    # of reserves unless donors disbursed more aid")
    side = subject.lower_ in _SIDES or any(
        c.dep_ == "poss" and c.lower_ in _SIDE_OWNERS for c in subject.children
    )
    # (the condition is another's to meet: not "unless *we* get the funds")
    others = [syntax.find_subject(c)[0] for c in conditions]
    return side and any(
        o is not None and o.lower_ not in ("i", "we") and o.lower_ != subject.lower_ for o in others
    )


def _gathered_something(verb: Token, entry: TriggerEntry) -> bool:
    """Armed men said to gather, assemble or converge who gather something: no show of
    force ("soldiers *gathered the bodies*", "troops gathered *evidence*")."""
    return (
        entry.event_type == "MOBILIZE"
        and entry.lemma in MASSING_VERBS
        and any(c.kind == "subj" for c in entry.conditions)
        and syntax.object_of(verb) is not None
    )


TRADE_BEGUN = TriggerEntry("trade", (), "COOPERATE", None, "061")
# Verbs of starting something that goes on, and the trade they start as a gerund.
_STARTING = frozenset({"start", "begin", "resume", "restart", "commence"})
_TRADING = frozenset({"export", "import", "ship", "truck", "pump", "supply", "deliver"})
_TRADING |= {"sell", "buy", "purchase", "trade", "transport", "barter"}
_GOODS = WORD_CLASSES["commodities"] | WORD_CLASSES["commerce"]
_GOODS |= {"good", "product", "cargo", "fruit", "rice", "cotton", "timber", "phosphate"}


def _trade_begun(verb: Token) -> bool:
    """A trade begun or resumed, told with a gerund ("resumed *trucking* crude oil to
    Jordan", "began *pumping* crude through the pipeline", "started *trading* under their
    new pact"): the gerund is the act, so that its goal is found."""
    if not (
        verb.tag_ == "VBG"
        and verb.dep_ == "xcomp"
        and verb.lemma_.lower() in _TRADING
        and verb.head.lemma_.lower() in _STARTING
        and verb.head.tag_ != "VB"  # (begun, not "hopes to begin", "will start")
    ):
        return False
    # (goods, or no object: not "began transporting *troops*", "selling *weapons*")
    obj = syntax.object_of(verb)
    return obj is None or any(n.lemma_.lower() in _GOODS for n in named_nouns(obj))


def _threat_clause(verb: Token, coded: Callable[[Token], bool]) -> Token | None:
    """The reported clause of "X said Y *will face consequences* if ...", "told Y it
    *risked losing* aid unless ...", "said it *would halt* oil transit unless ...": a
    threat by the speaker, put to Y."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        lemma = child.lemma_.lower()
        # a warning told to a party may name any penalty ("told Greece it would *pay a
        # heavy price*", "were told they would face *prosecution*"); said to no one, only
        # the plain ones (not "said the minister will face *charges*", a forecast)
        told = verb.lemma_.lower() in ("tell", "warn")
        penalties = _PENALTIES | (_TOLD_PENALTIES if told else frozenset())
        if _ultimatum_clause(child, coded):
            pass  # "said it would halt oil transit *unless Bishkek paid* its arrears"
        elif (
            told
            and lemma == "pay"
            and any(c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in child.children)
        ):
            pass
        elif lemma == "face":
            objects = [o for c in child.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
            if not any(o.lemma_.lower() in penalties or o.lower_ in penalties for o in objects):
                continue
        elif lemma != "risk" or not any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() == "lose"
            and any(o.lemma_.lower() in _GRANTS for o in _objects(c))
            for c in child.children
        ):
            continue  # (not "risked losing *his leg*": something a party gives)
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        agents = (g for c in verb.children if c.dep_ == "agent" for g in c.children)
        speaker = speaker or next((g for g in agents if g.dep_ == "pobj"), None)
        # (or the "by" of a passive: "drivers *were told by the government* that ...")
        if speaker is None or speaker.lemma_.lower() in _OBSERVERS:
            continue  # "*analysts* said the firm will face sanctions": a forecast
        if syntax.modal_of(child) == "future" or any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.subtree
        ):
            return child
    return None


_SELF = frozenset({"i", "we", "it"})
_CASUALTIES = frozenset({"dead", "wounded", "injured"})
# What a forecast says "should" happen to: no party is asked.
_MEASURES = frozenset(
    {"output", "production", "growth", "inflation", "price", "prices", "rate", "rates"}
    | {"exports", "imports", "revenue", "revenues", "deficit", "economy", "demand", "supply"}
    | {"figure", "figures", "number", "numbers", "level", "levels", "share", "shares"}
)


def _may_be_asked(subject: Token) -> bool:
    return subject.lemma_.lower() not in _MEASURES and subject.lower_ not in _MEASURES


_NOT_STATES = frozenset({"SUPPORT", "AID"})  # no one is "on" support or aid as a stance
COURTESY_CALL = TriggerEntry("call", (), "CONSULT", "visit", "042")


def _courtesy_call(verb: Token, entry: TriggerEntry) -> bool:
    """ "called on X" with nothing asked of X (no "to ...", "for ...", "that ..."), but a
    place or a briefing: a visit ("called on Prime Minister Imran Khan *in Islamabad* and
    briefed him")."""
    if entry.lemma != "call" or entry.event_type != "REQUEST":
        return False
    ons = syntax.prep_objects(verb, {"on", "upon"})
    party = next(ons, None)
    if party is None or party.pos_ != "PROPN":
        return False
    clauses = ("xcomp", "ccomp", "advcl", "acl", "relcl")
    # (on the verb or the party called on; not inside a phrase of time: "during a visit
    # *focused* on security")
    near = {verb.i, *(t.i for t in party.subtree)}
    asked = [t for t in verb.subtree if t.dep_ in clauses and t.i != verb.i and t.head.i in near]
    asked += list(syntax.prep_objects(verb, {"for"}))
    # an infinitive's "to" the parse left without its verb ("to *de-escalate*" misread)
    asked += [t for t in verb.subtree if t.dep_ == "aux" and t.lower_ == "to"]
    if asked:
        return False
    placed = any(
        t.lower_ == "in"
        and t.head.i in (verb.i, party.i)
        and any(g.ent_type_ in ("GPE", "LOC", "FAC") for g in t.children)
        for t in verb.subtree
    )  # "in Islamabad", not "in a statement"
    briefed = any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children)
    return placed or briefed


_DESCRIBING = frozenset({"ask", "oppose", "broker"})  # also "a *UN-brokered* deal"
# a participle that says what a party is, not what was done: "the *jailed* former leader",
# "*Norwegian-mediated* negotiations", "a gas project *shared* with Senegal"
_DESCRIBING |= {"jail", "imprison", "detain", "exile", "oust", "depose", "mediate", "share"}
# Participles that say what drove something even with an agent: "profits rose, *helped*
# by a weaker yen", "the shilling weakened, *pressured* by demand from importers".
_CIRCUMSTANTIAL = frozenset({"help", "pressure"})


def _described(verb: Token, entry: TriggerEntry) -> bool:
    """Participles that describe rather than report an act: "*Asked* about the prospects,
    the negotiator said ...", "protesters *opposed* to tax increases stormed ..."; "help"
    and "pressure" even with an agent: "profits rose, *helped* by a weaker yen"."""
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and entry.lemma in _CIRCUMSTANTIAL:
        # "expects the economy to grow, *helped* by a recovery": the parse's conjunct, with
        # no subject or auxiliary of its own, beside a verb that is no passive
        own = ("nsubj", "nsubjpass", "aux", "auxpass")
        return not any(c.dep_ in own for c in verb.children) and not any(
            c.dep_ == "auxpass" for c in verb.head.children
        )
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "amod", "xcomp"):
        return False
    if entry.lemma in _CIRCUMSTANTIAL:
        return True
    if verb.dep_ == "xcomp":
        return False
    return entry.lemma in _DESCRIBING and syntax.find_agent(verb) is None


LEAVE_BODY = TriggerEntry("withdraw", (), "SANCTION", "withdraw", "161")
_LEAVING = frozenset({"withdraw", "pull", "quit", "leave", "exit", "withdrawal", "pullout"})


OPEN_TOGETHER = TriggerEntry("reopen", (), "COOPERATE", None, "061")
HANDED_BACK = TriggerEntry("hand", (), "RETREAT", "release", "084")
_FREEING = frozenset({"free", "release", "repatriate", "pardon"})


def _handed_over_freed(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """People freed "and handed *them* over" to the Red Cross or their government are
    released, not given as aid: "Pakistan freed 212 fishermen and handed them over to
    Indian officials"."""
    if entry.lemma != "hand" or entry.event_type != "AID" or verb.dep_ != "conj":
        return entry
    obj = syntax.object_of(verb)  # (none when both are passive: "were freed ... and
    # handed over to Indian officials")
    if (obj is not None and obj.pos_ != "PRON") or verb.head.lemma_.lower() not in _FREEING:
        return entry
    freed = syntax.object_of(verb.head) or syntax.find_subject(verb.head)[0]
    # (people, not "released the audit report and handed it over")
    return HANDED_BACK if freed is not None and freed.lemma_.lower() in CAPTIVES else entry


RESCUED = TriggerEntry("rescue", (), "AID", None, "073")
# Forces that free people held by someone else rescue them; and what held them.
_RESCUERS = frozenset({"police", "army", "troops", "soldiers", "forces", "commandos"})
_RESCUERS |= {"military", "marines", "navy", "guards", "officers", "policemen", "gendarmes"}
_HELD_BY_OTHERS = frozenset(
    {"kidnap", "abduct", "traffick", "traffic", "enslave", "trap", "smuggle"}
)


def _rescued(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """Police or troops who free people kidnapped or trafficked by others rescue them
    (AID, as the PLOVER manual counts rescues): "Iraqi police *freed* three *kidnapped*
    truck drivers", "police freed 26 nationals who had been *trafficked*" (not "the
    rebels freed the hostages", their own captives)."""
    if entry.event_type != "RETREAT" or entry.mode != "release":
        return entry
    subject, _ = syntax.find_subject(verb)
    obj = syntax.object_of(verb)
    if subject is None or obj is None or subject.lemma_.lower() not in _RESCUERS:
        return entry
    held = any(
        c.lemma_.lower() in _HELD_BY_OTHERS
        for c in obj.subtree
        if c.dep_ in ("amod", "acl", "relcl") or c.head.dep_ == "relcl"
    )
    return RESCUED if held else entry


RELEASED = TriggerEntry("free", (), "RETREAT", "release", "084")
# People held by those who free them: prisoners are let go, not rescued.
_PRISONERS = frozenset({"prisoner", "detainee", "inmate", "convict"})


def _own_prisoners(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """ "freed 250 *prisoners* from the Batkovic camp": a release by those who held them
    (RETREAT), not a rescue from captors' camps, the row's usual reading."""
    if entry.event_type != "AID" or verb.lemma_.lower() not in ("free", "release"):
        return entry
    obj = syntax.object_of(verb)
    if obj is None or obj.lemma_.lower() not in _PRISONERS:
        return entry
    places = syntax.prep_objects(verb, {"from"})
    return entry if any(_captors_place(p) for p in places) else RELEASED


# Holders whose camp a rescue frees people from: "from a *Boko Haram* camp".
_CAPTORS = frozenset({"rebel", "militant", "insurgent", "gang", "jihadist", "kidnapper"})
_CAPTORS |= {"captor", "terrorist", "militia", "guerrilla", "cartel", "extremist"}


def _captors_place(place: Token) -> bool:
    """The place is an armed group's: "a *rebel* camp", "a *Boko Haram* hideout"."""
    return any(
        t.lemma_.lower() in _CAPTORS or t.ent_type_ in ("ORG", "NORP")
        for t in place.subtree
        if t.i != place.i
    )


YIELDED = TriggerEntry("yield", (), "CONCEDE", None, "080")
# Opening participles of giving way: "*Bowing to* weeks of pressure, the government ...".
_GIVING_WAY = frozenset({"bow", "yield", "cave", "bend", "succumb", "relent", "concede"})


def _given_way(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """What a party agrees to "bowing to pressure" or "yielding to a campaign" is a
    concession: "*Bowing to* pressure from unions, the government agreed to raise the
    minimum wage" (CAMEO 08)."""
    if entry.event_type != "AGREE":
        return entry  # (an expulsion or an arrest "bowing to pressure" is still one)
    opening = (
        c
        for c in verb.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i and c.is_sent_start
    )
    return (
        YIELDED
        if any(
            c.lemma_.lower() in _GIVING_WAY and any(t.lower_ == "to" for t in c.subtree)
            for c in opening
        )
        else entry
    )  # (not "*Bowing* his head, the president met ...")


ARREST_THREATENED = TriggerEntry("arrest", (), "THREATEN", "arrest", "130")
SEARCH_WARRANT = TriggerEntry("issue", (), "COERCE", "seize", "171")


def _search_warrant(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """A warrant threatens arrest, but a *search* warrant is a search (COERCE 171)."""
    obj = syntax.object_of(verb)
    if entry.event_type != "THREATEN" or entry.mode != "arrest" or obj is None:
        return entry
    searched = any(c.dep_ == "compound" and c.lower_ == "search" for c in obj.children)
    return SEARCH_WARRANT if searched else entry


def _in_absentia(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """An arrest ordered in absentia threatens one (the manual: THREATEN 'arrest', not
    COERCE): "a Moscow court *ordered the arrest* in absentia of ICC prosecutor Karim
    Khan" (its own phrases only, not "arrested X, who had been convicted in absentia")."""
    obj = syntax.object_of(verb)
    if entry.event_type != "COERCE" or entry.mode != "arrest" or obj is None:
        return entry
    if obj.lemma_.lower() not in _ARRESTS:
        return entry  # (not "sentenced the dissident in absentia", a sentence passed)
    in_absentia = any(
        t.lower_ == "absentia" and t.head.lower_ == "in" and t.head.head.i in (verb.i, obj.i)
        for t in verb.subtree
    )
    return ARREST_THREATENED if in_absentia else entry


_ARRESTS = frozenset({"arrest", "detention", "capture", "extradition"})


def _sent_forces(verb: Token, roles: Roles) -> bool:
    """The recipient is the object of a verb of sending (or the subject of its passive):
    the forces or arms it sends."""
    obj = syntax.object_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    recipient = roles.recipient
    return (
        verb.lemma_.lower() in _SENDING
        and obj is not None
        and recipient is not None
        and recipient.start <= obj.idx < recipient.end
    )


# Acts a party "comes under": "came under *fire*", "under fierce *criticism* from X".
_BORNE = frozenset({"ASSAULT", "ACCUSE", "COERCE", "THREATEN", "SANCTION"})
_SENDING = frozenset({"send", "deploy", "dispatch", "despatch", "rush", "fly", "airlift", "ship"})
_SENDING |= {"call", "summon", "mobilise", "mobilize", "move", "muster", "mass", "direct"}


def _opened_together(entry: TriggerEntry, actor: ActorRef | None) -> TriggerEntry:
    """A border or a bridge two states reopen between them is cooperation, not access one
    grants: "Colombia and Venezuela *reopened* the bridge to cargo trucks"."""
    if entry.lemma != "reopen" or entry.cameo != "086" or actor is None:
        return entry
    return OPEN_TOGETHER if _parties_together(actor) else entry


def _parties_together(actor: ActorRef) -> bool:
    """The actor names two parties or more: "Colombia and Venezuela", "the two sides"."""
    pair = actor.text.lower().removeprefix("the ").split()[:1] in (["two"], ["both"])
    return len(member_parties(actor)) > 1 or pair


# Verbs of opening or joining up that are cooperation only between parties.
_OPENING = frozenset({"open", "launch", "link", "connect", "restart"})


def _own(verb: Token) -> bool:
    """The verb's object is the subject's own premises: "closed *its* offices" (not "closed
    its borders", which shuts others out)."""
    obj = syntax.object_of(verb)
    return (
        obj is not None
        and obj.lemma_.lower() in _PREMISES
        and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in obj.children)
    )


_PREMISES = frozenset({"office", "offices", "bureau", "headquarters", "branch", "centre", "center"})


def _opened_alone(entry: TriggerEntry, actor: ActorRef | None, partner: ActorRef | None) -> bool:
    """A railway, a route or a market opened is cooperation only between parties: "China
    and Kazakhstan *opened* a cross-border railway", not "the city opened a new market"."""
    if entry.lemma not in _OPENING or entry.event_type != "COOPERATE":
        return False
    if partner is not None and (partner.country or partner.sector in STATE_SECTORS):
        return False  # (not "opened its market *to US beef*")
    return actor is None or not _parties_together(actor)


def _leaving_a_body(entry: TriggerEntry, recipient: ActorRef | None, verb: Token) -> TriggerEntry:
    """A withdrawal from an international body, a court, a treaty or a mediation is a
    break in relations, not a retreat: "announced their withdrawal *from ECOWAS*",
    "quit the *regional bloc*", "withdrew from its *role as mediator*" (SANCTION 161;
    the manual's SANCTION 'withdraw')."""
    if entry.event_type != "RETREAT" or entry.mode not in ("withdraw", "resign"):
        return entry
    if entry.lemma not in _LEAVING:
        return entry  # "surrendered their weapons *to U.N. monitors*" leaves no body
    if any(_a_body(thing) for thing in _left(verb)):
        return LEAVE_BODY
    if entry.mode != "withdraw":
        return entry  # "*quit* the commission": a member resigns
    if recipient is None:
        return entry
    body = recipient.sector in ("IGO", "JUD") and not recipient.members
    return LEAVE_BODY if body else entry


# What one leaves that is no place: bodies, courts, treaties, talks and roles.
_BODIES = frozenset(
    {"bloc", "court", "tribunal", "organization", "organisation", "council", "union"}
    | {"alliance", "community", "forum", "commission", "centre", "center", "league"}
    | {"treaty", "accord", "agreement", "pact", "convention", "protocol", "deal"}
    | {"talks", "negotiation", "mediation", "role", "process", "dialogue", "initiative"}
    | {"agency", "assembly", "mechanism", "framework", "grouping", "partnership"}
    | {"coalition"}  # "pulled out of the three-party *coalition*"
)

# Bodies and places a person may hold: leaving them is a resignation (RETREAT 'resign').
_SEATS = frozenset({"council", "commission", "assembly", "agency", "role", "partnership"})
_SEATS |= {"forum"}
_GO_BETWEENS = frozenset({"mediator", "guarantor", "facilitator", "broker", "host", "sponsor"})


def _a_body(noun: Token) -> bool:
    """A body by its head word; "centre" only in a name ("the International *Centre* for
    Settlement of Investment Disputes", not "the *centre* of Jenin"); a seat a person may
    hold only as a go-between ("its *role as mediator*", not "her role as spokeswoman")."""
    lemma = noun.lemma_.lower()
    if lemma in ("centre", "center"):
        return noun.text[:1].isupper()
    if lemma in _SEATS and not noun.text[:1].isupper():  # (a name: "the Council of Europe")
        holders = [noun]  # (or the verb's "as": "withdrew from its role *as a mediator*")
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            holders.append(noun.head.head)
        return any(
            g.lemma_.lower() in _GO_BETWEENS
            for h in holders
            for p in h.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for g in p.children
        )
    return lemma in _BODIES


def _left(verb: Token) -> list[Token]:
    """The nouns named as what is left: "quit *the bloc*", "withdrew from *the talks*",
    "pulled out of *the accord*", "its withdrawal from *the pact*"."""
    found = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() != "withdraw"]
    # (also the preposition the parse hung on the particle: "pulled out *of* the coalition")
    heads = [verb, *(c for c in verb.children if c.lower_ in ("out", "away") and c.i > verb.i)]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep"]
    for prep in (c for c in preps if c.lower_ in ("from", "of")):
        before = verb.doc[verb.i - 1].lower_ if verb.i > verb.sent.start else ""
        if prep.lower_ == "of" and verb.pos_ != "VERB" and before != "out":
            continue  # "the withdrawal *of troops*": who leaves, not what is left
        found.extend(g for g in prep.children if g.dep_ == "pobj")
    found += [c for noun in found for c in noun.children if c.dep_ in ("appos", "dobj")]
    return [n for noun in found for n in [noun, *noun.conjuncts]]  # ("ECOWAS *bloc*")


def _intended(
    entry: TriggerEntry, trigger: Token, modality: Modality, is_party: Callable[[Token], bool]
) -> TriggerEntry:
    """Future or readied cooperation is AGREE; future or readied force is THREATEN, and
    so is force that could follow another party's act; and so is any act announced for
    "unless" a condition is met ("will withdraw its force
    *unless* the president arranges a ceasefire": an ultimatum)."""
    if modality not in ("future", "hypothetical"):
        return entry
    # force or a sanction that "could" follow what another party does is a threat: "could
    # suspend its budget support *unless the government* restores rights"; other acts
    # that could happen are speculation ("could be preparing to conduct a test")
    threat = entry.event_type in senses.THREAT and syntax.put_to_another(trigger, is_party)
    if not syntax.is_intended(trigger, modality) and not threat:
        return entry
    if syntax.has_unless(trigger) and entry.event_type not in senses.THREAT:
        return dataclasses.replace(entry, event_type="THREATEN", mode=None, cameo="130")
    considered = syntax.is_considered(trigger)  # "is considering sending aid": CAMEO 014
    if entry.event_type == "MOBILIZE" and sent_to_help(trigger):
        return dataclasses.replace(entry, event_type="AGREE", mode=None, cameo="033")
    if entry.event_type in _AGREE_CODES:
        cameo = "014" if considered else _AGREE_CODES[entry.event_type]
        return dataclasses.replace(entry, event_type="AGREE", mode=None, cameo=cameo)
    if entry.event_type in senses.THREAT:
        mode, cameo = senses.THREAT[entry.event_type]
        cameo = "014" if considered else cameo
        return dataclasses.replace(entry, event_type="THREATEN", mode=mode, cameo=cameo)
    return entry


# Moods about what may come: an act they are about is no event.
_MOODS = frozenset(
    {"pessimistic", "optimistic", "hopeful", "confident", "doubtful", "sceptical", "skeptical"}
    | {"upbeat", "gloomy", "cautious", "unsure", "uncertain", "unlikely", "likely"}
    | {"capable", "incapable"}  # "remains *capable* of carrying out attacks": a means
)
# Nouns of what one may do: their infinitive is no act ("the right *to strike*").
_ENTITLEMENTS = frozenset({"right", "freedom", "power", "authority", "ability", "capacity"})
# Verbs of forecasting another's act: "expect Russia to launch ...".
_FORECASTING = frozenset({"expect", "predict", "forecast", "anticipate"})
# Verbs of belief: the clause they take is an opinion ("said he *believed* the constitution
# would be ratified"), no event.
_BELIEFS = frozenset({"believe", "think", "expect", "predict", "doubt", "reckon", "guess"})


# Spans of time a participle may bound: "the fiscal *year* ending in March".
_PERIODS = syntax.SPANS_OF_TIME | {"year", "quarter", "period", "season"}


def _span_of_time(noun: Token) -> bool:
    """A noun naming a span of time: its participle bounds it, it tells no act."""
    return noun.lemma_.lower() in _PERIODS


# Subjects that name what happens, not who acts ("the war accelerated the withdrawal").
_NOT_ACTORS = frozenset(
    {"war", "conflict", "crisis", "pandemic", "epidemic", "invasion", "violence", "fighting"}
    | {"covid-19", "coronavirus", "virus", "recession", "inflation", "sanctions", "unrest"}
)


def _hyphened_participle(tok: Token) -> bool:
    """A past participle joined by a hyphen to the word before it, describing a noun:
    "Iranian-*backed* militias", "the U.S-*led* coalition"."""
    return (
        tok.dep_ in ("amod", "compound")
        and tok.tag_ == "VBN"
        and tok.i > 1
        and tok.nbor(-1).text == "-"
        and not syntax.space_after(tok.nbor(-1))
        and not syntax.space_after(tok.doc[tok.i - 2])
        and tok.head.i > tok.i
    )


# CAMEO 015 "claim responsibility", which the PLOVER manual suggests coding as AGREE (as
# 016, denying it, is REJECT).
CLAIMED_OWN_ACT = TriggerEntry("claim", (), "AGREE", None, "015")
_OWN_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
_OWN_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})


def _claimed_by_noun(entry: TriggerEntry, token: Token) -> TriggerEntry:
    """An attack named by the claim's own noun is claimed: "claimed responsibility for the
    attack", "claimed the bombing", "the bombing was *claimed* by ..."."""
    if entry.event_type == "ASSAULT" and token.lemma_.lower() == "claim":
        return CLAIMED_OWN_ACT
    return entry


def _own_act_claimed(token: Token) -> Token | None:
    """The verb of claiming whose subject claims it did the act itself: the act's subject
    is a pronoun, the claimant's own ("*its* fighters") or the same words."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "claimed that they had attacked ... and *killed* ..."
    governor = clause.head
    if clause.dep_ not in ("ccomp", "xcomp") or governor.lemma_.lower() != "claim":
        return None
    claimant = next((c for c in governor.children if c.dep_ == "nsubj"), None)
    doer = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if claimant is None or any(c.dep_ == "auxpass" for c in token.children):
        return None  # "claimed to have been attacked": suffered, not done
    if doer is None or doer.lower_ in _OWN_PRONOUNS or _same_phrase(doer, claimant):
        return governor
    if any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in doer.children):
        return governor  # "Islamic State claimed *its* fighters had attacked ..."
    return None


def _self_named(ref: ActorRef | None) -> bool:
    """A recipient that is the claimant itself, told by a pronoun ("claimed *it* had come
    under attack")."""
    return ref is not None and ref.text.lower() in _OWN_PRONOUNS


def _same_phrase(a: Token, b: Token) -> bool:
    """Two subjects that say the same words ("*the rebels* claimed *the rebels* had ...")."""
    words = [[t.lower_ for t in x.subtree if not t.is_punct] for x in (a, b)]
    return words[0] == words[1]


def _in_a_mood(token: Token) -> bool:
    """An act under an adjective of mood: "was pessimistic about the chances *of reaching*
    a deal", "hopeful *of reaching* an agreement"; or held out as a belief or a forecast:
    "believed the constitution *would be ratified*", "expect Russia *to launch* an
    offensive"."""
    current = token
    for _ in range(6):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.pos_ == "ADJ" and current.lemma_.lower() in _MOODS:
            return True
        if (
            current.lemma_.lower() in _FORECASTING
            and token.head.i == current.i
            and not any(c.dep_ == "neg" for c in current.children)  # (kept, negated)
            and token.dep_ in ("xcomp", "ccomp")
            and (
                any(c.dep_ == "dobj" for c in current.children)
                or any(c.dep_ == "nsubj" for c in token.children)
            )
        ):
            return True  # "analysts *expect Russia to launch* a new offensive": a forecast
            # of another's act (not "police expect to arrest more suspects")
        if (
            current.lemma_.lower() in _BELIEFS
            and token.head.i == current.i
            and token.dep_ == "ccomp"
            and token.i > current.i  # (not a clause before it the parse hung there)
            and syntax.modal_of(token) is not None  # (not "police believe rebels *killed*")
        ):
            return True  # "believed the constitution *would be ratified*"
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("pcomp", "xcomp", "acl"):
            return False  # a clause of its own
    return False


def _threatened_acts(trigger: Trigger) -> list[Token]:
    """The act a deadline or an ultimatum threatens, on its noun: "set a new deadline *to
    behead* a hostage" (the threat is the event, not the killing)."""
    if trigger.entry.event_type != "THREATEN":
        return []
    obj = syntax.object_of(trigger.token)
    if obj is None:
        return []
    return [c for c in syntax.infinitives_on(obj) if not syntax.has_own_subject(c)]


# "in protest", and "in a general strike": an act done as part of a protest (not "died
# in an air strike", "lost a commander in a strike").
_LABOUR_STRIKES = frozenset({"general", "national", "nationwide", "token", "indefinite", "hunger"})
_SUFFERED = frozenset({"die", "lose", "survive", "kill", "hit", "injure", "wound"})
_SUFFERED |= {"retaliate", "respond", "strike", "destroy", "flatten"}


def _labour_action(noun: Token) -> bool:
    """A walkout, a boycott, or a strike said to be a labour one ("a *general* strike")."""
    if noun.lower_ in ("walkout", "boycott"):
        return True
    return noun.lower_ == "strike" and any(
        c.lower_ in _LABOUR_STRIKES for c in noun.lefts if c.dep_ in ("amod", "compound")
    )


def _in_protest(verb: Token) -> bool:
    """An act done "in protest" ("shut their shops *in protest against* a new tax") is a
    protest, whatever the act."""
    active = (
        verb.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and verb.lemma_.lower() not in _SUFFERED
    )
    return any(
        g.dep_ == "pobj"
        and (g.lower_ == "protest" or (active and _labour_action(g)))
        # (not "died *in protests* against the government", nor "shops *were shut* in a
        # strike called by separatists": the strike's callers are the actors there)
        and not any(
            (d.dep_ == "det" and d.lower_ not in ("a", "an")) or d.dep_ == "poss"
            for d in g.children
        )  # (but "shut banks *in a general strike*")
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children
    )


def _chanting(verb: Token) -> bool:
    """A gathering with a participle of protest: "massed outside the palace, *demanding*
    his resignation"."""
    return any(
        (c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in PROTESTING)
        # or a crowd with an infinitive of protest: "thousands gathered outside parliament
        # *to oppose* the bill" (not "foreign ministers gathered to condemn the strike")
        or (
            c.dep_ in ("advcl", "xcomp")
            and syntax.is_infinitive(c)
            and c.lemma_.lower() in PROTESTING | _OPPOSING
            and _crowd(verb)
        )
        for c in verb.children
    )


_OPPOSING = frozenset({"oppose", "denounce", "condemn", "decry", "reject"})
# Who gathers as a crowd: "*thousands* of students", "*protesters*", "*residents*".
_CROWD = frozenset({"thousand", "hundred", "dozen", "crowd", "protester", "demonstrator"})
_CROWD |= {"resident", "student", "worker", "supporter", "people", "farmer", "villager"}
_CROWD |= {"activist", "woman", "youth", "teacher", "trader", "citizen", "family"}


def _crowd(verb: Token) -> bool:
    subject, _ = syntax.find_subject(verb)
    if subject is None:
        return False
    words = [subject, *named_nouns(subject)]
    return any(w.lemma_.lower() in _CROWD or w.lower_ in _CROWD for w in words)


def _armed_subject(verb: Token) -> bool:
    """Troops or fighters, not a crowd: "troops massed near the border, *demanding* ..."
    stays a deployment."""
    subject, _ = syntax.find_subject(verb)
    return subject is not None and any(n.lemma_.lower() in ARMED for n in named_nouns(subject))


def _fight_stopped(verb: Token, lexicon: Lexicon) -> bool:
    """A fight as the subject of a verb of stopping: "*fighting* between Israel and
    Hezbollah *halted*", "the *shelling* stopped" (a fight that "ended in 2020" is coded
    too; its modality says it is history)."""
    if verb.lemma_.lower() not in _STOPPING or syntax.object_of(verb) is not None:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    row = lexicon.match(subject) or lexicon.noun_match(subject)
    return row is not None and row.event_type == "ASSAULT"


def _verb_read_as_noun(tok: Token) -> bool:
    """A headline's verb the parse took for a noun: the root ("Teachers *march* through
    Bogota"), or a noun with a direct object ("Haitian gang *kidnaps* 17 missionaries")."""
    if tok.pos_ not in ("NOUN", "PROPN") or (tok.pos_ == "PROPN" and not tok.is_lower):
        return False
    if any(c.dep_ == "dobj" for c in tok.children):
        return True
    # the root, unless the headline's verb hangs on it ("Morocco *severs* ties with Iran
    # over Polisario *support*")
    return tok.dep_ == "ROOT" and not any(
        c.pos_ == "NOUN" and any(g.dep_ == "dobj" for g in c.children) for c in tok.children
    )


# Verbs that give up a plan or a project.
_DROPPING = frozenset({"drop", "cancel", "scrap", "abandon", "postpone", "freeze", "shelve"})
# Rows that end, suspend or refuse an activity, rather than carry it out.
_ENDING_TYPES = frozenset({"CONCEDE", "RETREAT", "SANCTION", "REJECT"})
_OPEN_WATER = frozenset({"sea", "water", "waters", "ocean"})
_FIRING_VERBS = frozenset({"fire", "launch", "shoot"})  # not "hijacked a ship off the coast"


def _into_the_sea(verb: Token) -> bool:
    """Missiles fired "into the sea" or "off the coast" hit no one: a weapons test."""
    obj = syntax.object_of(verb)  # the parse may hang the goal on the missiles
    return any(
        g.lemma_.lower() in _OPEN_WATER or g.lower_ == "coast"
        for head in ([verb, obj] if obj is not None else [verb])
        for g in syntax.prep_objects(head, {"into", "off", "toward", "towards"})
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
    if modal is None and (
        syntax.is_readied(trigger)
        or syntax.is_conditional(trigger)
        or syntax.is_given_time(trigger)
        or syntax.is_asked_for(trigger)
    ):
        return "hypothetical"
    return (
        "hypothetical" if modal == "hypothetical" else "future" if modal == "future" else "asserted"
    )


# Texts that provide for acts they do not do: "a bill *that would* extend the deployment".
_TEXTS = frozenset(
    {"bill", "law", "measure", "resolution", "proposal", "draft", "amendment", "motion"}
    | {"legislation", "decree", "plan", "text", "clause", "provision", "initiative"}
)


def _text_would_do(verb: Token) -> bool:
    """ "a bill *that would extend* the deployment of police to Haiti": what a text would
    do once passed, not an act."""
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could") for c in clause.children):
        return False
    if clause.dep_ == "relcl":
        return clause.head.lemma_.lower() in _TEXTS
    # a relative clause the parse made a clause of its own ("a bill next week *that* would
    # extend ..."): the nearest noun before its pronoun, past words of time
    pronoun = next(
        (c for c in clause.children if c.dep_ == "nsubj" and c.tag_ == "WDT" and c.i > 0), None
    )
    if pronoun is None:
        return False
    before = (t for t in reversed(pronoun.doc[: pronoun.i]) if t.pos_ in ("NOUN", "PROPN"))
    antecedent = next((t for t in before if not syntax.is_temporal(t)), None)
    return antecedent is not None and antecedent.lemma_.lower() in _TEXTS


def _confidence(trigger: Trigger, roles: Roles) -> float:
    """Higher for specific triggers, resolved roles and main-clause triggers."""
    score = 0.45
    score += 0.1 if trigger.entry.conditions or trigger.noun is not None else 0.0
    if roles.actor is not None:
        score += 0.15 if roles.actor.country or roles.actor.members else 0.05
    if roles.recipient is not None and not roles.indirect:
        score += 0.1 if roles.recipient.country else 0.05
    score -= 0.03 * min(syntax.depth(trigger.token), 4)
    score -= 0.1 if syntax.in_subordinate_clause(trigger.token) else 0.0
    # "..., *if* Washington moved to halt exports": the condition of the news, not the news
    score -= 0.3 if syntax.is_conditional(trigger.token) else 0.0
    # "is considering *slashing* aid": an option weighed, weaker than what was done
    score -= 0.1 if syntax.is_considered(trigger.token) else 0.0
    # "..., *days after* Riyadh cut ties": context the main news is placed against
    score -= 0.2 if syntax.in_time_before(trigger.token) else 0.0
    # "forces *backed* by X", "the soldiers who *opened* fire": a participant's description
    score -= 0.1 if trigger.token.dep_ in ("acl", "amod", "relcl") else 0.0
    # the same description read as a clause: "politicians *jailed* over the unrest were
    # pardoned"
    score -= 0.2 if syntax.describes_passive_subject(trigger.token) else 0.0
    # "staged sit-ins ..., *vowing* to stay": a trailing participle adds to the main verb;
    # on the speaker's verb it is the speaker's gloss ("..., the ministry said, *branding*
    # the build-up a provocation")
    if trigger.token.dep_ == "advcl" and trigger.token.tag_ == "VBG":
        score -= 0.2 if trigger.token.head.lemma_.lower() in SPEECH_VERBS else 0.05
    # "blocked railway tracks *to press for* crop prices": the aim of an act, not yet done
    score -= 0.1 if trigger.token.dep_ == "advcl" and syntax.is_infinitive(trigger.token) else 0.0
    return round(min(max(score, 0.05), 0.95), 3)
