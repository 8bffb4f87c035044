"""Senses of a trigger that its clause decides, not its row.

A reported fact is no demand ("insisted the economy *was* strong"); a pledge of force is a
threat ("vowed to *attack*"); stopping an act of cooperation reduces relations ("stopped
*sharing* intelligence"); "be on" a noun is the noun's event ("has been on hunger strike").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.filters import sent_to_help
from newsevents.coding.lexicon import (
    LIGHT_VERBS,
    Lexicon,
    TriggerEntry,
    lemma_candidates,
    named_nouns,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Intended force or restriction is THREATEN (CAMEO 13x): mode and code per category.
THREAT = {
    "ASSAULT": ("violence", "138"),
    "MOBILIZE": ("violence", "138"),
    "COERCE": ("restrict", "132"),
    "SANCTION": ("relations", "136"),
    "PROTEST": ("relations", "133"),
}
STATE_VERBS = frozenset({"be", "remain", "stay"})
STATEMENT_VERBS = frozenset({"insist", "warn", "deny", "caution", "concede"})
# Statement verbs that may also tell a threat ("warned that it would retaliate").
_WARNINGS = frozenset({"warn", "caution"})
PLEDGE_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
DENIAL_VERBS = frozenset({"deny", "dismiss"})
STOP_VERBS = frozenset({"stop", "cease", "halt", "suspend", "end", "quit"})
_STOPPED = {"AID": "162", "COOPERATE": "160", "SUPPORT": "160", "CONSULT": "164"}
_FACT_MODALS = frozenset({"would", "will", "could", "can", "may", "might", "'ll", "'d"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def definite(noun: Token) -> bool:
    """ "on *the* attack" is a topic; "on hunger strike", "on a visit" is a state."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children
    )


def factual(clause: Token) -> bool:
    """A reported clause in the indicative ("the economy *was* on track") or with a modal
    of prediction ("growth *could* slow"), not a subjunctive demand ("that Serbia *sign*")
    or one with "must"/"should"."""
    verbs = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    if any(v.lower_ in ("must", "should") for v in verbs):
        return False
    if _subjunctive_read_as_past(clause):
        return False
    return any(v.tag_ in ("VBD", "VBZ") or v.lower_ in _FACT_MODALS for v in verbs)


# Verbs whose past form is their base form: "said that Russia *cut* supplies" is a fact.
_SAME_IN_PAST = frozenset({"put", "cut", "set", "hit", "let", "shut", "spread", "cast", "cost"})
_SAME_IN_PAST |= {"hurt", "quit", "split", "beat", "bid", "burst", "broadcast", "read", "upset"}
_SAME_IN_PAST |= {"shed", "thrust", "forecast", "rid", "bet", "fit", "wed", "slit", "spit"}
_SAME_IN_PAST |= {"outbid", "undercut", "offset", "reset", "recast", "sublet", "overran"}


def _subjunctive_read_as_past(clause: Token) -> bool:
    """A base form after a singular subject, tagged as a past: "insisted that Manila *tow*
    away the ship" (a demand, not a report)."""
    if clause.tag_ != "VBD" or clause.lower_ != clause.lemma_.lower():
        return False
    if clause.head.lemma_.lower() in DENIAL_VERBS:
        return False  # "denied that Gazprom *outbid* Western firms" demands nothing
    if clause.lower_ in _SAME_IN_PAST or clause.lower_.endswith("ed"):
        return False
    return any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in clause.children)


def bare_statement(
    verb: Token, entry: TriggerEntry, lexicon: Lexicon, is_party: Callable[[Token], bool]
) -> bool:
    """ "insisted the economy *was* on track", "denied that it *was* planning ...", "warned
    that growth *could* slow": a statement of fact is not a demand or a rejection, a
    forecast about no party is not a threat."""
    if entry.conditions or entry.lemma not in STATEMENT_VERBS:
        return False
    if entry.lemma in _WARNINGS and _forecaster(syntax.find_subject(verb)[0]):
        return True  # "economists *warned* that Jordan would struggle ...", "the weather
        # office *cautioned* residents about flooding": a forecast, no threat
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in ("advcl", "parataxis") and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        clauses.append(verb.head)  # told after it: "no one has been charged, police *conceded*"
    for clause in clauses:
        if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.subtree):
            continue  # put to a condition: "warned Iran that it *faced* sanctions *unless*
            # it suspended enrichment", "... could reach any point *if* it launched a war"
        past = syntax.modal_of(clause) is None and clause.tag_ in ("VBD", "VBN")
        stance = clause.lemma_.lower() == "be" or any(
            c.dep_ in ("acomp", "xcomp") for c in clause.children
        )  # "warned that it *was ready* to retaliate" is still a threat
        if entry.lemma in _WARNINGS and past and not stance:
            return True  # a report of what happened: "locusts *have destroyed* crops, the
            # FAO warned"
        if not factual(clause):
            continue
        if entry.lemma not in _WARNINGS:
            return True  # (and "*conceded* that no one had been arrested": an admission)
        subject, passive = syntax.find_subject(clause)
        modal = syntax.modal_of(clause)
        if (
            modal == "hypothetical"
            and lexicon.match(clause) is None
            and (subject is None or not is_party(subject))
        ):
            return True  # a forecast: "warned that growth could slow"
        others = (
            subject is not None
            and _anothers_act(subject)
            and lexicon.noun_match(subject) is not None
        )
        if modal is not None and others and not passive:
            return True  # what another's act would do: "warned that a Turkish incursion
            # *would displace* thousands" (not "that an attack would *be met* with force")
    return False


# Those who study what happens without being a party to it (also `rules._OBSERVERS`), and
# those who warn of what may come.
WATCHERS = frozenset(
    {"analyst", "economist", "expert", "scientist", "researcher", "report", "study", "survey"}
)
_FORECASTERS = WATCHERS | {"forecaster", "meteorologist", "model", "index"}


def _forecaster(subject: Token | None) -> bool:
    """A subject who forecasts: analysts, economists, a report, a weather office."""
    if subject is None:
        return False
    return subject.lemma_.lower() in _FORECASTERS or any(
        t.lower_ in ("meteorological", "weather") for t in subject.subtree
    )


def _anothers_act(noun: Token) -> bool:
    """An act the noun names with its doer: "a *Turkish* incursion", "*Russia's*
    offensive", "an attack *by the rebels*"."""
    return any(
        (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
        or (c.dep_ == "poss" and c.pos_ == "PROPN")
        or (c.dep_ == "prep" and c.lower_ == "by")
        for c in noun.children
    )


# Aims that are force against someone though no row codes them as an event on their own.
HOSTILE_AIMS = frozenset(
    {"disrupt", "destroy", "crush", "punish", "avenge", "retaliate", "annihilate", "eliminate"}
    | {"obliterate", "wipe", "smash", "sabotage", "exterminate", "drown", "bury"}
    | {"raze", "flatten", "level", "incinerate"}
    | {"hit"}  # "vowed to *hit back* at Sri Lankan forces"
)
_FORCE_NOUNS = frozenset({"force", "firepower"})
_ANSWERING = frozenset({"respond", "answer", "meet", "retaliate", "react", "counter"})


def _with_force(verb: Token) -> bool:
    """An answer "with force" (not "with the *full* force of the law"), the "with" on the
    verb or its object: "to answer any incursion *with overwhelming force*"; or hunting
    someone down."""
    if verb.lemma_.lower() == "hunt":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
    if verb.lemma_.lower() not in _ANSWERING:
        return False
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        g.lemma_.lower() in _FORCE_NOUNS and not any(m.lower_ in ("full", "of") for m in g.children)
        for h in heads
        for g in _with_objects(h)
    )


FORCE_PLEDGED = TriggerEntry("respond", (), "THREATEN", "violence", "138")


def force_pledged(verb: Token) -> TriggerEntry | None:
    """A state that "would respond with overwhelming force" to a provocation threatens
    it, wherever the pledge is reported ("said his country would ...")."""
    if verb.lemma_.lower() == "hunt" or not _with_force(verb):
        return None
    return FORCE_PLEDGED if syntax.modal_of(verb) == "future" else None


# Aims that close or cut off; a pledge of them threatens coercion.
COERCIVE_AIMS = frozenset({"shut", "close", "block", "blockade", "seal", "choke"})
# One's own frontier, closed to a neighbour: "to shut *its border crossings with Belarus*".
_FRONTIERS = frozenset({"border", "borders", "crossing", "crossings", "airspace", "port", "ports"})
_WAR_NOUNS = frozenset({"war", "fight", "battle", "jihad", "offensive", "insurgency"})
# What is pledged in return for an act: a threat as it stands ("vowed *revenge*"), or with a
# word that makes it hostile ("promised a *tough* response", "*severe* consequences").
_RETALIATION = frozenset(
    {"revenge", "retaliation", "reprisal", "reprisals", "retribution", "vengeance"}
    | {"countermeasure", "countermeasures", "counter-measures"}
)
_RESPONSES = frozenset({"response", "consequences", "reaction", "answer", "punishment"})
# Acts named only by a word that makes them hostile: "*retaliatory* steps".
_ACTS = frozenset({"step", "steps", "measure", "measures", "action"})
_RETALIATORY = frozenset({"retaliatory", "punitive", "reciprocal", "military"})
_HOSTILE_MODIFIERS = frozenset(
    {"tough", "harsh", "strong", "firm", "crushing", "decisive", "painful", "severe", "swift"}
    | {"forceful", "military", "devastating", "fierce", "heavy", "serious", "dire", "grave"}
)


def _retaliation(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in _RETALIATION or noun.lower_ in _RETALIATION:
        return True
    if lemma in _ACTS or noun.lower_ in _ACTS:
        return any(
            c.dep_ in ("amod", "compound") and c.lower_ in _RETALIATORY for c in noun.children
        )
    return (lemma in _RESPONSES or noun.lower_ in _RESPONSES) and any(
        c.dep_ == "amod" and c.lower_ in _HOSTILE_MODIFIERS | _RETALIATORY for c in noun.children
    )


_HOSTILE_ACTS = frozenset({"PROTEST", "SANCTION", "COERCE", "ASSAULT"})


def _modified(noun: Token) -> bool:
    """A noun with a word before it saying what kind: "*air* strikes"."""
    return any(c.dep_ in ("compound", "amod") for c in noun.lefts)


def _war_on_a_thing(war: Token) -> bool:
    """A war "on poverty", "against corruption": a policy, not force against a party."""
    aims = [
        g
        for c in war.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(g.pos_ == "NOUN" and not g.ent_type_ for g in aims)


def _own(thing: Token | None) -> bool:
    """A thing the actor owns: "*its* bases", "*their* embassy"."""
    return thing is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
        for c in thing.children
    )


def _closed_to_another(thing: Token | None) -> bool:
    """One's own frontier closed to another party: "its border *with Belarus*", "its
    airspace *to Russian aircraft*"."""
    return (
        thing is not None
        and thing.lemma_.lower() in _FRONTIERS
        and any(
            c.dep_ == "prep"
            and c.lower_ in ("with", "to")
            and any(g.dep_ == "pobj" for g in c.children)
            for c in thing.children
        )
    )


# What pledged troops are for when they are no threat.
_MISSIONS = frozenset({"mission", "peacekeeping", "peacekeeper", "stabilisation"})
_MISSIONS |= {"stabilization", "peacekeepers"}


_FORCE_WORDS = frozenset({"force", "retaliation", "fire"})


def _met_with_force(clause: Token) -> bool:
    """A pledged clause that an act "would be met with force" (passive: not "to meet
    with the task force"; not "the full force *of the law*")."""
    if clause.lemma_.lower() != "meet" or not any(c.dep_ == "auxpass" for c in clause.children):
        return False
    return any(
        (g.lemma_.lower() in _FORCE_WORDS and not any(c.lower_ == "of" for c in g.children))
        or _retaliation(g)
        for g in _with_objects(clause)
    )


def _with_objects(head: Token) -> Iterator[Token]:
    """The objects of the head's "with" phrases: "met *with force*"."""
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "with":
            yield from (g for g in p.children if g.dep_ == "pobj")


def hostile_pledge(verb: Token, entry: TriggerEntry, lexicon: Lexicon) -> TriggerEntry | None:
    """ "vowed to *attack* American bases", "vowed that the group would *strike* deep inside
    Israel", "promised a *tough response*": a pledge of force or punishment is a threat."""
    if entry.event_type != "AGREE" or entry.lemma not in PLEDGE_VERBS:
        return None
    obj = syntax.object_of(verb)
    if obj is not None and _retaliation(obj):
        return dataclasses.replace(entry, event_type="THREATEN", mode=None, cameo="130")
    # (what is pledged may be the passive's subject: "a general strike *was vowed* by the
    # unions if ...")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    # (not a labour strike, "promised strikes if wages are not raised")
    attacks = [o for o in objects if o.lemma_.lower() != "strike" or _modified(o)]
    promised = [e for o in attacks if (e := lexicon.noun_match(o)) is not None]
    war = any(o.lemma_.lower() in _WAR_NOUNS and not _war_on_a_thing(o) for o in objects)
    if war or any(e.event_type == "ASSAULT" for e in promised):
        return dataclasses.replace(entry, event_type="THREATEN", mode="violence", cameo="138")
        # "promised *fresh attacks* on oil pipelines", "promised Kenyans *a long war*"
    hostile = any(e.event_type in _HOSTILE_ACTS for e in promised)
    if hostile and next(syntax.condition_clauses(verb, {"if", "unless"}), None) is not None:
        return dataclasses.replace(entry, event_type="THREATEN", mode=None, cameo="130")
        # "vows *mass protests* unless the electoral board resigns", "vowed a general
        # strike *if* the government pushes ahead with the bill"
    # a "that" clause the parse hung on a noun of the pledge: "vowed *in a speech that*
    # the Islamic Republic would raze ..."
    spoken = [
        c
        for noun in syntax.prep_objects(verb, {"in", "during", "at"})
        for c in noun.children
        if c.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    # and an infinitive it hung deeper in such a phrase: "vowed *in a video posted on Sunday
    # to attack* army units"
    spoken += [
        t
        for noun in syntax.prep_objects(verb, {"in", "during", "at"})
        for t in noun.subtree
        if t.dep_ in ("xcomp", "advcl")
        and syntax.is_infinitive(t)
        and t.head.dep_ == "acl"
        and t.head.head.i == noun.i
        and t not in spoken
    ]  # (the infinitive on the participle "posted"; not "at a rally held *to protest*")
    for child in [*verb.children, *spoken]:
        pledged = (
            child in spoken
            or child.dep_ == "xcomp"
            or (child.dep_ == "advcl" and syntax.is_infinitive(child))
            or (child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"))
        )
        if not pledged:
            continue
        if syntax.is_negated(child):
            refused = _refused_in_pledge(child, lexicon)
            if refused is not None:
                return refused  # "vowed that Warsaw would *not accept* migrants"
            continue  # "pledged *not* to use force" is a promise of peace
        inner = lexicon.match(child)
        kind = inner.event_type if inner is not None else None
        if _met_with_force(child):
            return dataclasses.replace(entry, event_type="THREATEN", mode="violence", cameo="138")
            # "vowed that any drilling in its waters *would be met with force*"
        carried = syntax.object_of(child)
        if kind is None and carried is not None and _retaliation(carried):
            return dataclasses.replace(entry, event_type="THREATEN", mode=None, cameo="130")
            # "vowed to *take retaliatory steps*", "to take resolute *countermeasures*"
        if kind is None and carried is not None and carried.lemma_.lower() in _WAR_NOUNS:
            kind = "ASSAULT"  # "vowed to *carry the war* into Russian cities"
        if kind is None and child.lemma_.lower() in HOSTILE_AIMS:
            kind = "ASSAULT"  # "vowed to *disrupt* the election", "to *crush* the revolt"
        if kind is None and _with_force(child):
            kind = "ASSAULT"  # "vowed to *answer* any incursion *with overwhelming force*",
            # "to *hunt down* the insurgents"
        if (
            kind is None
            and child.lemma_.lower() in COERCIVE_AIMS
            and (not _own(carried) or _closed_to_another(carried))
        ):
            kind = "COERCE"  # "vowed to *shut* the Strait of Hormuz" (not "to close *its*
            # last two bases")
        if kind is None and child.lemma_.lower() in LIGHT_VERBS:
            kind = _light_event(child, lexicon)  # "vowed to *launch a wave of attacks*"
        conditional = next(syntax.condition_clauses(child, {"if", "unless"}), None) is not None
        if (
            kind == "MOBILIZE"
            and not conditional
            and (any(t.lemma_.lower() in _MISSIONS for t in child.subtree) or sent_to_help(child))
        ):
            continue  # troops pledged to a mission or to help: "pledged to send 650 soldiers
            # *to the African Union mission* in Somalia", "to send patrol vessels *to help*
            # Timor-Leste guard its waters" are pledges of support
        if kind not in THREAT and syntax.has_unless(child):  # an ultimatum: "vowed to
            return dataclasses.replace(entry, event_type="THREATEN", mode=None, cameo="130")
        if kind in THREAT:
            mode, cameo = THREAT[kind]
            return dataclasses.replace(entry, event_type="THREATEN", mode=mode, cameo=cameo)
    return None


ULTIMATUM = TriggerEntry("give", (), "THREATEN", "relations", "139")
_GIVING_VERBS = frozenset({"give", "hand", "grant", "allow"})


def ultimatum(verb: Token) -> TriggerEntry | None:
    """Time given to do something, or else: "gave President Morsi *48 hours to meet* the
    demands or face ...", "gives rebels 48 hours to lay down arms" (CAMEO 139)."""
    if verb.lemma_.lower() not in _GIVING_VERBS:
        return None
    timed: list[Token] = time_given(verb)
    # or a deadline: "gave Venezuela *until Dec. 1* to adopt the bloc's rules"
    timed += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("until", "till")]
    if not timed:
        return None
    infinitives = [g for c in timed for g in c.subtree if syntax.is_given_time(g)]
    infinitives += [
        c for c in verb.children if c.dep_ in ("advcl", "xcomp") and syntax.is_infinitive(c)
    ]
    if any(_to_leave_the_country(i) for i in infinitives):
        return EXPULSION  # "gave the French ambassador 72 hours *to leave* the country"
    return ULTIMATUM if infinitives else None


def time_given(verb: Token) -> list[Token]:
    """The spans of time a verb of giving gives: "gave President Morsi *48 hours*", "one
    *week*" (not "yesterday"), also where the parse hung them on a participle made the
    verb's complement ("gave *striking* teachers 48 hours") or on the party ("gave
    Honduras' rulers *72 hours*")."""
    heads = [verb]
    heads += [
        c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1
    ]
    spans = [
        c for h in heads for c in h.children if c.dep_ in ("dobj", "npadvmod", "dative", "attr")
    ]
    spans += [g for c in spans for g in c.children if g.dep_ in ("dobj", "npadvmod")]
    return [
        c
        for c in spans
        if c.lemma_.lower() in syntax.SPANS_OF_TIME
        and any(n.dep_ in ("nummod", "det") for n in c.children)
    ]


def _to_leave_the_country(verb: Token) -> bool:
    """ "to leave", "to leave the country": an expulsion (not "to leave the town or face an
    assault", an ultimatum to give ground)."""
    if verb.lemma_.lower() not in _DEPARTING:
        return False
    left = syntax.object_of(verb)
    return left is None or left.lemma_.lower() in _HOMELANDS or left.ent_type_ == "GPE"


EXPULSION = TriggerEntry("give", (), "SANCTION", "expel", "166")
_DEPARTING = frozenset({"leave", "quit", "depart", "exit"})  # (not `rules._LEAVING`, bodies left)
_HOMELANDS = frozenset({"country", "territory", "kingdom", "nation", "republic"})


# Penalties a demand names after "or be": "or be *arrested*", "or be *treated* as targets".
_PENALTIES = frozenset({"arrest", "kill", "shoot", "attack", "target", "treat", "declare"})
_PENALTIES |= {"expel", "deport", "punish", "prosecute", "jail", "detain", "evict", "execute"}
_PENALTIES |= {"sanction", "consider", "regard", "remove", "dismiss", "fire", "bomb"}
_ORDERING_VERBS = frozenset({"tell", "order", "instruct", "demand", "ask", "urge", "warn"})


def or_else(verb: Token) -> TriggerEntry | None:
    """A demand with its penalty: "told the mayors *to resign* within 48 hours *or be
    declared* military targets", "*or face* prosecution" is an ultimatum (CAMEO 139), not
    a plain demand; "or risk losing its bailout" names a consequence, no penalty. (The
    parse hangs the penalty anywhere in the clause, so the words are read.)"""
    if verb.lemma_.lower() not in _ORDERING_VERBS:
        return None
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ not in ("xcomp", "ccomp", "advcl") or clause.i < verb.i:
            continue
        for tok in clause.subtree:
            if tok.lower_ != "or" or tok.i + 2 >= len(doc):
                continue
            after, then = doc[tok.i + 1], doc[tok.i + 2]
            if after.lower_ == "face" or (
                after.lower_ == "be" and then.tag_ == "VBN" and then.lemma_.lower() in _PENALTIES
            ):
                return TriggerEntry(verb.lemma_.lower(), (), "THREATEN", "relations", "139")
    return None


def sent_to_investigate(verb: Token, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    """People sent somewhere to investigate ("sent a team of experts to Alabama *to
    investigate* the accident") are no aid: the investigation, coded on its own verb, is
    the event."""
    if entry.event_type != "AID":
        return False
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and syntax.is_infinitive(child):
            inner = lexicon.match(child)
            if inner is not None and inner.mode == "investigate":
                return True
    return False


def _light_event(verb: Token, lexicon: Lexicon) -> str | None:
    """The category of the event a light verb's object names, if any."""
    obj = syntax.object_of(verb)
    for noun in named_nouns(obj) if obj is not None else ():
        entry = lexicon.noun_match(noun)
        if entry is not None:
            return entry.event_type
    return None


# Harm someone can die of at others' hands: "died *of torture*", "died after *beatings*";
# abuse and mistreatment only where they were held ("in custody", "in prison").
DIED_OF_HARM = TriggerEntry("die", (), "ASSAULT", "torture", "182")
_HARMS = frozenset({"torture", "beating", "beatings"})
_HARMS_WHEN_HELD = frozenset({"abuse", "mistreatment", "ill-treatment"})
HARM_NOUNS = _HARMS | _HARMS_WHEN_HELD
_HELD_IN = frozenset({"custody", "prison", "jail", "detention", "captivity", "cell"})
_CAUSE_PREPS = frozenset({"of", "from", "after", "following", "due", "as", "because", "under"})
_SELF_HARMS = frozenset({"drug", "drugs", "alcohol", "substance", "solvent", "opioid"})


def died_of_harm(verb: Token) -> TriggerEntry | None:
    """Someone died of harm done to them ("a prisoner *died* as a result of torture in
    police custody", "died after beatings by guards"): an assault on them (not "died of a
    heart attack", nor of "drug abuse" outside custody)."""
    if verb.lemma_.lower() != "die" or verb.pos_ != "VERB":
        return None
    causes = [
        t
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _CAUSE_PREPS
        for t in c.subtree
        if t.pos_ == "NOUN"
    ]
    causes = [t for t in causes if not any(c.lower_ in _SELF_HARMS for c in t.lefts)]
    if any(t.lemma_.lower() in _HARMS for t in causes):
        return DIED_OF_HARM
    if any(t.lemma_.lower() in _HARMS_WHEN_HELD for t in causes) and any(
        t.lemma_.lower() in _HELD_IN for t in verb.subtree
    ):
        return DIED_OF_HARM
    return None


def stopped_cooperation(verb: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """ "stopped *sharing* intelligence", "halted *providing* aid": ending cooperation, aid
    or talks reduces relations (SANCTION)."""
    if not any(lemma in STOP_VERBS for lemma in lemma_candidates(verb)):
        return None
    for child in verb.children:
        if child.dep_ not in ("xcomp", "dobj") or child.tag_ != "VBG":
            continue
        inner = lexicon.match(child)
        if inner is not None and inner.event_type in _STOPPED:
            cameo = _STOPPED[inner.event_type]
            mode = "withdraw" if cameo == "164" else "discontinue"
            return TriggerEntry(verb.lemma_.lower(), (), "SANCTION", mode, cameo)
    return None


_HEARSAY = frozenset({"report", "claim", "rumour", "rumor", "allegation", "speculation"})
_UNTRUE = frozenset({"false", "untrue", "baseless", "unfounded", "groundless", "fabricated"})


def is_denial(verb: Token) -> bool:
    """A verb that denies what its complement reports: "denied *that* ...", "dismissed
    reports that ...". What it governs did not happen as far as the sentence says; nor
    what reports say that one finds "*no truth* to" or calls false."""
    if verb.pos_ == "VERB" and verb.lemma_.lower() in DENIAL_VERBS:
        return True
    if verb.lower_ == "truth":
        return any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children)
    if verb.lemma_.lower() == "be" and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children
    ):
        # "said *it was untrue* that Dakar had requested ..."
        return any(c.dep_ == "acomp" and c.lower_ in _UNTRUE for c in verb.children)
    if verb.lemma_.lower() in _HEARSAY and verb.dep_ == "nsubj":
        # "reports that the former prime minister had been arrested *were false*"
        return any(c.dep_ == "acomp" and c.lower_ in _UNTRUE for c in verb.head.children)
    return False


# "will not lift the ban": refusing to yield or cooperate is REJECT (CAMEO 12x), by the
# CAMEO code of the act refused (first three digits, else its root): code and mode.
_REFUSED = {
    "080": ("124", "change"),
    "081": ("1241", "change"),
    "082": ("1242", "change"),
    "083": ("123", "change"),
    "084": ("1243", "yield"),
    "085": ("1244", "yield"),
    "086": ("1245", "yield"),
    "087": ("1246", "yield"),
    "061": ("1211", "assist"),
    "062": ("1212", "assist"),
    "063": ("1213", "assist"),
    "064": ("1214", "assist"),
    "06": ("121", "assist"),
    "07": ("121", "assist"),
    "04": ("125", "meet"),
    "03": ("120", "change"),  # "will not accept any such proposal"
}
_REFUSING_MODALS = frozenset({"will", "wo", "would", "shall", "'ll"})
_FAILING_VERBS = frozenset({"fail", "unable"})  # "failed to agree", "were unable to agree"
# Reaching or signing an agreement, settling a dispute (CAMEO 057, 037).
_AGREEMENT_CODES = frozenset({"057", "037"})


def _refused_in_pledge(act: Token, lexicon: Lexicon) -> TriggerEntry | None:
    """A pledge never to yield, help or meet is a refusal: "vowed *never to recognise* the
    annexation", "swore that Warsaw *would not accept* migrants" (REJECT)."""
    inner = lexicon.match(act)
    if inner is None:
        return None
    found = _REFUSED.get(inner.cameo[:3]) or _REFUSED.get(inner.cameo[:2])
    if found is None and inner.event_type == "SUPPORT":
        found = ("120", "change")  # "vowed never to *recognise* the annexation"
    if found is None:
        return None
    cameo, mode = found
    return TriggerEntry(inner.lemma, inner.conditions, "REJECT", mode, cameo)


def refusal(verb: Token, entry: TriggerEntry, *, negated: bool) -> TriggerEntry | None:
    """ "will not lift the ban", "would not release the tanker", "won't accept refugees":
    a declared refusal to yield, cooperate or meet is itself an event, REJECT; so is a
    failure to agree ("*failed to reach* agreement", CAMEO 127)."""
    failed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FAILING_VERBS
    if failed and (entry.cameo in _AGREEMENT_CODES or entry.lemma == "agree"):
        return TriggerEntry(entry.lemma, entry.conditions, "REJECT", "meet", "127")
    found = _REFUSED.get(entry.cameo[:3]) or _REFUSED.get(entry.cameo[:2])
    if found is None or not negated:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _REFUSING_MODALS for c in verb.children):
        return None
    cameo, mode = found
    return TriggerEntry(entry.lemma, entry.conditions, "REJECT", mode, cameo)


def responsible_for(verb: Token) -> list[Token]:
    """The event nouns a subject "is responsible for": "the cartel has been responsible
    for mass *killings* and *beheadings*" says the cartel did them."""
    found: list[Token] = []
    if verb.dep_ != "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "what", "whoever") for c in verb.children
    ):
        return found  # "it was not clear *who* was responsible for ..."
    for child in verb.children:
        if child.dep_ == "acomp" and child.lower_ == "responsible":
            for noun in syntax.prep_objects(child, {"for"}):
                found.extend(syntax.conjuncts(noun))
    return found
