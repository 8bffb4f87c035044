"""The trigger lexicon and the PLOVER category table, read from packaged data files.

`triggers.tsv` maps a verb lemma (optionally with a particle, preposition, object or an
infinitive complement) to a PLOVER category, mode and CAMEO code; `plover.tsv` gives each
category its quad class, default CAMEO root and intensity; `plover_modes.tsv` the intensity
of each category-mode pair. See data/README.md for sources.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from newsevents.coding.syntax import (
    BODY_NOUNS,
    COUNT_NOUNS,
    CURRENCIES,
    RELATIVE_PRONOUNS,
    SHARE_NOUNS,
    active_participle,
    foretold,
    is_misread_particle,
    noun_read_as_clause,
    object_of,
    reported_before,
    shared_object,
    small_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

NOT_AN_EVENT = "-"
# Verbs whose object names the event ("staged a protest", "completed the withdrawal").
LIGHT_VERBS = frozenset(
    [
        "hold",
        "stage",
        "launch",
        "conduct",
        "carry",
        "mount",
        "begin",
        "start",
        "continue",
        "resume",
        "complete",
        "undertake",
        "renew",
        "organize",
        "organise",
        "wage",
        "go",
        "declare",
        "impose",
        "issue",
        "lodge",
        "file",
        "make",
        "pay",
        "open",
        "step",
        "intensify",
        "escalate",
        "lead",
        "announce",
        "order",
        "plan",
    ]
)
LIGHT_VERBS |= {"express", "voice", "reaffirm", "reiterate", "convey", "extend", "show", "conclude"}
LIGHT_VERBS |= {"join", "take", "place", "put", "perform", "participate", "engage"}
LIGHT_VERBS |= {"unleash", "wrap", "commence", "kick"}  # "unleashed a wave of *attacks*"
LIGHT_VERBS |= {"enforce", "decree"}  # "would *enforce* a blockade", "*decreed* a mobilisation"
LIGHT_VERBS |= {"enter"}  # "*entered* the 60th day of a hunger strike"
LIGHT_VERBS |= {"execute"}  # "the confiscation was *executed* by bailiffs"
# Verbs that hurry an act: light verbs only when a party hurries it ("*sped up* the
# withdrawal", not "the war accelerated the withdrawal of investors").
HURRYING_VERBS = frozenset({"accelerate", "hasten", "expedite", "speed"})
LIGHT_VERBS |= HURRYING_VERBS
LIGHT_VERBS |= {"authorize", "authorise"}  # "*authorized* the release of $1 billion in aid"
# Light verbs whose event is the object of "in": "participated *in* peacekeeping operations".
IN_LIGHT_VERBS = frozenset({"participate", "engage"})
# Heads that say little themselves; the noun before them names the thing ("a *mediation*
# effort", "*shelter* materials", "a *bombing* campaign").
GENERIC_HEADS = frozenset(
    {"effort", "campaign", "bid", "drive", "initiative", "material", "item", "kit"}
    | {"hour", "order"}  # "eased *curfew* hours", "extended the *curfew* order"
    | {"level", "line"}  # "raised its *alert* level", "a *credit* line"
    | {"law", "bill", "decree", "legislation"}  # "passed an *amnesty* law"
    | {"system", "arrangement"}  # "*missile* systems", "a currency *swap* arrangement"
)
# "joint patrols", "combined drills": done together, so COOPERATE (CAMEO 06x).
JOINT_WORDS = frozenset({"joint", "combined", "coordinated", "bilateral", "trilateral"})
MILITARY_JOINT_NOUNS = frozenset(
    {"exercise", "drill", "patrol", "manoeuvre", "maneuver", "operation", "offensive", "game"}
)
JOINT_NOUNS = MILITARY_JOINT_NOUNS | frozenset(
    {"investigation", "production", "venture", "project", "development", "research", "effort"}
    | {"exploration", "drilling", "mining"}
    | {"work", "construction", "management", "control", "verification", "survey", "study"}
    | {"committee", "commission", "team", "panel", "mechanism", "centre", "center", "unit"}
    | {"check", "inspection", "search", "scheme", "programme", "program", "fund"}
    | {"post", "factory", "plant"}
)
# Verbs whose subject names the event ("clashes erupted").
OCCURRENCE_VERBS = frozenset(
    {"erupt", "break", "take", "occur", "rage", "flare", "resume", "continue", "begin"}
    | {"end", "conclude", "open", "start", "collapse", "stall", "fail", "hold"}
    | {"last", "enter", "proceed", "wrap"}  # "talks *lasted* four hours", "the
    # sit-in *entered* its third day"
)
_OBJECT_DEPS = {"dobj", "obj", "attr", "nsubjpass"}


def _object_relative(verb: Token) -> bool:
    """A relative clause with its own subject and no object, whose noun is what the verb
    acts on: "a post *she took over*", "the town *the rebels seized*" (not "troops *that
    moved*": the noun is the subject there)."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS
        for c in verb.children
    )


@dataclass(frozen=True, slots=True)
class Condition:
    """One requirement on the trigger's children: kind is prep, prt, obj, pobj (the object
    of a preposition: "pulled out of the *talks*") or xcomp."""

    kind: str
    values: frozenset[str] = frozenset()

    def holds(self, token: Token) -> bool:
        if self.kind == "xcomp":
            # with named values, a small clause counts too: "found the firm *liable*"
            # and so does an infinitive of purpose: "called X *to inform* him"
            # (an infinitive the parse hung on as a clause of purpose is the complement of
            # a verb of intent too: "committed *to open* flights", "threatened on Monday
            # *to expel* ...")
            deps = _COMPLEMENT_DEPS if self.values else {"xcomp"}
            return any(
                (c.dep_ in deps or _infinitive_of_purpose(c))
                and (not self.values or c.lemma_.lower() in self.values)
                and not foretold(c)
                and not reported_before(c, token)
                for c in token.children
            )
        if self.kind == "prt" and _particle_adjective(token, self.values):
            return True  # "set *free* six hostages" (the parse: "free" modifies "hostages")
        if self.kind == "obj" and token.dep_ == "acl" and token.tag_ == "VBN":
            head = token.head  # "artillery pieces fired by X": the noun is the object
            named = head.lemma_.lower() in self.values or head.lower_ in self.values
            if named and not active_participle(token):  # (not "X's *conference* called on
                # Y to ...", the participle's subject)
                return True
        if self.kind == "obj" and _object_relative(token):
            return self._names(token.head)  # "a post she *took over*": the noun is the object
        if self.kind == "obj" and "*" not in self.values and object_of(token) is None:
            shared = shared_object(token)
            if shared is not None:
                return self._names(shared)  # "*rammed* and boarded two navy boats"
        return any(self._child_holds(child) for child in token.children)

    def holds_for_noun(self, noun: Token, particle: str) -> bool:
        """The condition read on a nominalisation ("the *lifting* of sanctions on X by Y"):
        its "of" object (or a compound before it: "an *asset* freeze") is the object, its
        "by" phrase or possessive the subject, its other prepositions the verb's, and the
        particle the one the noun carries ("handover")."""
        if self.kind == "prt":
            return particle in self.values
        if self.kind == "xcomp":
            return any(
                c.dep_ == "acl" and (not self.values or c.lemma_.lower() in self.values)
                for c in noun.children
            )
        done = _objects_of(noun, ("of",))
        if self.kind == "obj":
            done += [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
            return any(self._names(o) for o in done)
        if self.kind == "subj":
            doers = _objects_of(noun, ("by",)) + [c for c in noun.children if c.dep_ == "poss"]
            return any(self._names(d) for d in doers)
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ not in ("of", "by")]
        preps += [g for o in done for g in o.children if g.dep_ == "prep"]
        if self.kind == "prep":
            return any(p.lower_ in self.values for p in preps)
        if self.kind == "pobj":
            return any(self._names(g) for p in preps for g in p.children if g.dep_ == "pobj")
        return False

    def _child_holds(self, child: Token) -> bool:
        small = small_clause(child) if self.kind in ("obj", "prep") else None
        if small is not None:  # "let UN monitors *into* the Gali district"
            noun, holder = small
            if self.kind == "obj":
                return self._names(noun)
            return any(g.dep_ == "prep" and g.lower_ in self.values for g in holder.children)
        if self.kind == "subj":  # "*drones* hit a refinery": the active subject
            return child.dep_ == "nsubj" and self._names(child)
        if self.kind == "pobj":  # on the verb, or on its object: "blocked access *to apps*"
            nouns = _prepositional_objects(child)
            if child.dep_ == "dative":  # "gave a warm welcome *to* his counterpart"
                nouns += [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ in _OBJECT_DEPS:
                nouns += [n for g in child.children for n in _prepositional_objects(g)]
            return any(self._names(noun) for noun in nouns)
        if self.kind == "prt" and child.dep_ in ("advmod", "npadvmod"):
            return child.lower_ in self.values  # "pulled *back*", "flew *home*" as adverbs
        if self.kind == "prep" and child.dep_ in _OBJECT_DEPS and self.values & _OBJECT_GOAL_PREPS:
            # "shipped a load of vaccines *to Gaza*": the parse hung the goal on the goods,
            # or on a clause after them ("handed over X*, wanted in Turkey,* to Turkish
            # authorities")
            heads = list(named_nouns(child))
            heads += [c for n in heads for c in n.children if c.dep_ == "acl"]
            # or on what the people are wanted for: "a commander *wanted for killings to
            # the ICC*"
            heads += [
                g
                for a in heads
                if a.dep_ == "acl" and a.lemma_.lower() in LAW_CHARGES
                for p in a.children
                if p.dep_ == "prep" and p.lower_ in ("for", "of", "over", "in")
                for g in p.children
                if g.dep_ == "pobj"
            ]
            # or on the last of several things sent: "delivered 20 carriers and 5,000
            # *rounds* of ammunition to X"
            heads += [c for c in child.conjuncts if c.i > child.i and c.pos_ == "NOUN"]
            return any(self._child_holds(g) for n in heads for g in n.children)
        if self.kind == "prep" and child.dep_ == "conj" and child.pos_ == "NOUN":
            # the last of the goods the parse joined to the verb: "delivered 2,000 tonnes of
            # sorghum and *lentils to* displaced families"
            return self.values <= _OBJECT_GOAL_PREPS and any(
                g.dep_ == "prep" and g.lower_ in self.values for g in child.children
            )
        if self.kind == "prep" and child.dep_ in ("advcl", "ccomp", "xcomp"):
            # the preposition read as the mark of an infinitive: "called *for* Israel to
            # withdraw"
            return any(
                g.dep_ == "mark" and g.lower_ in self.values and g.i == child.head.i + 1
                for g in child.children
            )
        if self.kind == "prep" and child.dep_ in ("advmod", "prt"):
            # a preposition hung on the particle: "backed away *from* the ban"; or the
            # preposition itself read as a particle, as in a passive: "was *called on* by
            # the opposition to disband ..."
            return (child.dep_ == "prt" and child.lower_ in self.values) or any(
                g.dep_ == "prep" and g.lower_ in self.values for g in child.children
            )
        if self.kind in ("prep", "prt"):
            return (
                child.dep_ in ("prep", "prt", "agent", "dative")
                and child.lower_ in self.values
                and child.tag_ != "TO"  # an infinitive's "to" hung on the verb as a preposition
                and not _of_time(child)  # "called Erdogan *on Wednesday*" is no call on him
            )
        if self.kind != "obj":
            return False
        if (
            child.dep_ == "prep"
            and child.lower_ in _PARTICLES | {"on"}
            and child.i == child.head.i + 1
            and ("*" not in self.values or child.lower_ != "on")
        ):
            # a particle the parse took for a preposition: "hands *over* Tripoli airport",
            # "passed *on* information to Spanish police" (not "declined *on* Monday")
            return any(self._names(g) for g in child.children if g.dep_ == "pobj")
        subject = _infinitive_subject(child)
        if subject is not None:
            return self._names(subject)
        if child.dep_ in _OBJECT_DEPS:
            if "*" in self.values:  # any direct object at all (a passive's subject
                # with its doer: "an invitation *was declined by* the rebels")
                return child.dep_ != "nsubjpass" or any(
                    c.dep_ == "agent" for c in child.head.children
                )
            return self._names(child)
        if noun_read_as_clause(child):
            return self._names(child)  # "imposed *asset freezes* and travel bans"
        return False

    def _names(self, child: Token) -> bool:
        """The noun (or what it counts) is one of the values; a list that names only a
        plural ("restrictions") also takes the singular ("a travel restriction")."""
        if "fugitive" in self.values and sought_by_law(child):
            return True  # "two men *wanted* for fraud"
        return "*" in self.values or any(
            (lemma := noun.lemma_.lower()) in self.values
            or noun.lower_ in self.values
            or lemma + "s" in self.values
            or (lemma.endswith("y") and lemma[:-1] + "ies" in self.values)  # "delivery"
            or (noun.ent_type_ and "%" + noun.ent_type_.lower() in self.values)
            # and the conjuncts: "units, *tents* and medical supplies were flown"; and
            # the role word before a name: "suspended *broadcaster* RFI"
            for part in (child, *(c for c in child.conjuncts if c.pos_ in ("NOUN", "PROPN")))
            for noun in _naming_words(part)
        )


def _acted_on_or_by(noun: Token) -> bool:
    """The noun's phrase names what it acts on or who does it ("the release *of 40
    prisoners*", "*Iran's* admission"), so it tells an act, not a thing ("a press
    release", "a launch window")."""
    return any(
        (
            c.dep_ == "prep"
            and c.lower_ in ("of", "by")
            and any(g.dep_ == "pobj" for g in c.children)
        )
        or (c.dep_ == "poss" and c.pos_ != "PRON")
        for c in noun.children
    )


def _naming_words(part: Token) -> list[Token]:
    """The words that may name what a phrase is: the noun and what it counts, a noun the
    parse joined onto the next one's modifiers ("tonnes of *sorghum* and cooking oil", read
    as "sorghum-and-cooking oil"), the role word or description of a name, and the truce a
    pact is ("a *ceasefire* agreement")."""
    named = named_nouns(part)
    joined = [
        c
        for n in named
        for c in n.lefts
        if c.dep_ == "nmod" and c.pos_ == "NOUN" and any(g.dep_ == "cc" for g in c.children)
    ]
    kinds = [  # "the *ceasefire* agreement": a truce, whatever it is called
        c
        for n in named
        if n.lemma_.lower() in PACT_HEADS
        for c in n.lefts
        if c.dep_ == "compound" and c.lemma_.lower() in TRUCE_KINDS
    ]
    return [*named, *_role_words(part), *_said_to_be(part), *_named(part), *joined, *kinds]


# Heads of a pact whose compound may say it is a truce: "a *ceasefire* agreement", "the
# *truce* deal" (only truces: a "debt deal" cancelled is no debt written off).
PACT_HEADS = frozenset({"agreement", "accord", "deal", "pact", "arrangement"})
TRUCE_KINDS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})


def sought_by_law(noun: Token) -> bool:
    """People described as sought or charged by the law are fugitives: "three men *wanted*
    for a bank fraud", "a man *suspected* of organising a killing", "a former colonel
    *accused* of ...", "*suspected* (or *alleged*) Boko Haram fighters"."""
    return any(
        (c.dep_ == "acl" and c.lemma_.lower() in LAW_CHARGES and c.lower_.endswith("ed"))
        or (c.dep_ == "amod" and c.lower_ in ("suspected", "alleged") and c.i < noun.i)
        for c in noun.children
    )


# Verbs whose past participle tells a person is sought or charged by the law ("wanted",
# "suspected", "accused", ...).
LAW_CHARGES = frozenset({"want", "suspect", "accuse", "charge", "indict", "convict"})


def _named(noun: Token) -> list[Token]:
    """The name after a description: "fugitive diamond trader *Raj Mehta*"."""
    return [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i]


_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "oprd", "acomp"})


# Prepositions of a goal, which the parse may hang on the object instead of the verb.
_OBJECT_GOAL_PREPS = frozenset({"to", "into", "at", "against"})  # "missiles *at* X"


_PARTICLES = frozenset({"over", "in", "back", "off", "out", "up", "down"})


def _particle_adjective(verb: Token, values: frozenset[str]) -> bool:
    """A particle the parse took for an adjective of the object right after the verb."""
    if verb.i + 1 >= len(verb.doc):
        return False
    after = verb.doc[verb.i + 1]
    return after.lower_ in values and is_misread_particle(after)


def _infinitive_of_purpose(child: Token) -> bool:
    return child.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in child.children
    )


# Prepositions of time and circumstance: "withdrew from the town *after* a deal".
_ADJUNCT_PREPS = frozenset(
    {"after", "before", "following", "since", "during", "amid", "despite", "under", "until"}
)


# Objects of a preposition that say when or how, not with whom: "called Macron *on the
# phone*", "on the sidelines of the summit", "on the eve of", "on behalf of".
_CIRCUMSTANCE_NOUNS = frozenset(
    {"phone", "telephone", "sideline", "sidelines", "eve", "occasion", "behalf", "anniversary"}
)


def _of_time(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Wednesday"), or "on" saying
    how or on what occasion ("on the phone", "on the eve of"); "by phone" still counts."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(
        g.ent_type_ in ("DATE", "TIME") or (prep.lower_ == "on" and g.lower_ in _CIRCUMSTANCE_NOUNS)
        for g in objects
    )


def _prepositional_objects(child: Token) -> list[Token]:
    """The objects of a prepositional child, also through a second preposition ("out *of*
    the talks")."""
    if child.dep_ == "advmod" and child.lower_ in _PARTICLES | {"away"}:
        # a particle read as an adverb, its preposition on it: "walked *away from* the
        # talks"
        return [o for p in child.children if p.dep_ == "prep" for o in _prepositional_objects(p)]
    if child.dep_ not in ("prep", "prt", "agent") or child.lower_ in _ADJUNCT_PREPS:
        return []
    out = []
    for g in child.children:
        if g.dep_ == "pobj":
            out.append(g)
            # what was agreed or talked about with the party: "agreed with ECOWAS *on a
            # timetable*" (the parse hangs "on" on the party)
            named = g.pos_ == "PROPN" or g.is_upper  # (a party, not "talks *on the deal*")
            out += [
                o
                for p in (g.children if named else [])
                if p.dep_ == "prep" and p.lower_ == "on"
                for o in p.children
                if o.dep_ == "pobj"
            ]
        elif g.dep_ == "prep":
            out += [gg for gg in g.children if gg.dep_ == "pobj"]
    if not out and child.dep_ == "prep" and child.i + 1 < len(child.doc):
        after = child.nbor(1)  # a preposition left without its object, the next word hung
        if after.head.i == child.head.i and after.dep_ in ("advcl", "dobj", "npadvmod"):
            out.append(after)  # on the verb: "placed 600 officers *on standby*"
    return out


def _infinitive_subject(clause: Token) -> Token | None:
    """The subject of an infinitive clause, which is the governing verb's object in all
    but the parse: "allowed *inspectors* to visit the plant"."""
    if clause.dep_ != "ccomp" or not any(
        a.dep_ == "aux" and a.lower_ == "to" for a in clause.children
    ):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


# Nouns that frame a run of events ("a barrage *of rockets*") are named by their "of"
# phrase too.
QUANTITY_NOUNS = COUNT_NOUNS | {"wave", "series", "barrage", "volley", "salvo"}
# Measures and loads of goods are named by their "of" phrase too: "flew 13 *tonnes of
# medicine*", "a *consignment of vaccines*".
MEASURE_NOUNS = (
    frozenset(
        {"tonne", "ton", "kilogram", "kilo", "litre", "liter", "gallon", "barrel", "box"}
        | {"crate", "bag", "sack", "pallet", "container", "truckload", "planeload", "shipload"}
        | {"load", "consignment", "cargo", "shipment", "package", "tranche", "half", "bulk"}
        | {"mission", "trainload", "trainloads", "flotilla", "squadron"}
    )
    | SHARE_NOUNS
    | BODY_NOUNS
)
# Changes of an amount are named by their "in" or "of" phrase: "an *increase in funding*".
_CHANGE_NOUNS = frozenset({"increase", "boost", "rise", "hike", "injection", "doubling"})


# Vehicles named by what they carry when sent: "planes carrying aid", and those verbs.
CARRYING_VERBS = frozenset({"carry", "load", "laden", "transport", "ferry", "bring"})
_CARRIERS = frozenset({"plane", "aircraft", "truck", "lorry", "ship", "vessel", "convoy", "flight"})


_MONEY_WORDS = frozenset(
    {"million", "billion", "trillion", "dollar", "euro", "pound", "yen", "mln", "bln", "bn"}
)


# Nouns named by their "of" phrase: "a state *of emergency*", "the size *of its mission*".
_FRAME_NOUNS = frozenset(
    {"state", "size", "level"}  # "the highest level *of readiness*"
    | {"hour", "day", "week", "month", "night"}  # "five hours *of talks*"
    | {"list"}  # "a list *of 13 demands*"
)


_NAMED_BY_OF = QUANTITY_NOUNS | MEASURE_NOUNS | _FRAME_NOUNS


def generic_head_nouns(noun: Token) -> list[Token]:
    """The nouns compounded before a generic head ("a *mediation* effort"), if it is one."""
    if noun.lemma_.lower() not in GENERIC_HEADS:
        return []
    return [  # the tagger takes some such nouns for adjectives: "its *alert* level"
        c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")
    ]


def _role_words(name: Token) -> list[Token]:
    """The common nouns that say what a name is: "*broadcaster* RFI", "*newspaper* La
    Prensa"."""
    if name.pos_ != "PROPN":
        return []
    # (and a title the tagger read as part of the name: "Kazakh *President* Tokayev")
    return [
        c
        for c in name.lefts
        if c.dep_ == "compound"
        and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.lower_ in _TITLES))
    ]


# Titles before a name, capitalised as part of it: "*President* Xi", "*Minister* Lavrov".
_TITLES = frozenset(
    {"president", "minister", "premier", "chancellor", "king", "queen", "prince", "emir"}
    | {"sultan", "envoy", "ambassador", "governor", "general", "secretary", "senator"}
    | {"leader", "chief", "commander", "pope", "counterpart", "delegation", "sheikh", "marshal"}
)


def _said_to_be(name: Token) -> list[Token]:
    """The common noun of a name's apposition: "Zaman, the country's largest *newspaper*"."""
    if name.pos_ != "PROPN":
        return []
    return [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"]


def named_nouns(noun: Token) -> tuple[Token, ...]:
    """The noun and what it counts, measures or frames ("tonnes *of medicine*")."""
    return (noun, *_counted(noun))


def _counted(noun: Token) -> list[Token]:
    """What a quantity counts or a frame names: "hundreds *of prisoners*", "a barrage *of
    rockets*", "a state *of emergency*"; what a generic head is about: "*mediation*
    efforts", "*shelter* materials"."""
    if noun.lemma_.lower() in GENERIC_HEADS:
        modifiers = generic_head_nouns(noun)
        if noun.lemma_.lower() in _FRAME_NOUNS:  # "its *alert* level", "the level *of alert*"
            modifiers += _objects_of(noun, ("of",))
        return modifiers
    lemma = noun.lemma_.lower()
    if lemma in _CARRIERS:  # "ten planes *carrying* rescue teams, tents and supplies"
        # (also "a convoy *of 40 trucks* carrying medical supplies")
        vehicles = [noun, *(g for g in _objects_of(noun, ("of",)) if g.lemma_.lower() in _CARRIERS)]
        carrying = [
            c
            for v in vehicles
            for c in v.children
            if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS
        ]
        goods = [g for c in carrying for g in c.children if g.dep_ == "dobj"]
        goods += [g for c in carrying for g in _objects_of(c, ("with",))]  # "laden *with* food"
        return [o for g in goods for o in (g, *g.conjuncts)]  # "teams, *tents* and *supplies*"
    if noun.ent_type_ == "MONEY" or lemma in _MONEY_WORDS or lemma in _CHANGE_NOUNS:
        return _objects_of(noun, ("in", "of"))  # "$33 million *in* assistance"
    if noun.lower_ not in _NAMED_BY_OF and lemma not in _NAMED_BY_OF and noun.tag_ != "CD":
        return []
    return _objects_of(noun, ("of",))  # (also a number: "the first *300 of* 1,500
    # peacekeepers")


def _objects_of(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the noun's prepositions in `preps`, also where the parse hung them on
    the noun's particle ("the calling off *of* the strike")."""
    heads = [noun, *(c for c in noun.children if c.dep_ == "prt")]
    return [
        g
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """A lexicon row: what a lemma means when its conditions hold."""

    lemma: str
    conditions: tuple[Condition, ...]
    event_type: str
    mode: str | None
    cameo: str

    # Object nouns that name the event itself ("held *talks*", "launched an *attack*").
    event_nouns: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        nouns = frozenset().union(*(c.values for c in self.conditions if c.kind == "obj"))
        object.__setattr__(self, "event_nouns", nouns)

    @property
    def specificity(self) -> int:
        weights = {"obj": 4, "subj": 4, "pobj": 3, "prep": 2, "prt": 2, "xcomp": 1}
        # any object at all ("obj=*") is less specific than a named one
        return sum(weights[c.kind] - (c.kind == "obj" and "*" in c.values) for c in self.conditions)

    @property
    def is_event(self) -> bool:
        return self.event_type != NOT_AN_EVENT


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    """Quad class, default CAMEO root and intensity of one PLOVER category."""

    event_type: str
    quad_class: int
    cameo_root: str
    intensity: float
    requires_recipient: bool


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("newsevents.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for line in lines[1:]:  # the first non-comment line is the header
        yield line.split("\t")


# Word classes a trigger row may name as a value ("obj=@forces"), one list for many rows.
WORD_CLASSES: dict[str, frozenset[str]] = {
    # bodies of armed men and the weapons, ships and aircraft they move with
    "forces": frozenset(
        {"troop", "soldier", "regiment", "battalion", "brigade", "platoon", "contingent"}
        | {"reinforcement", "paratrooper", "commando", "armour", "armor", "artillery"}
        | {"howitzer", "missile", "warship", "gunboat", "corvette", "frigate", "destroyer"}
        | {"submarine", "cruiser", "flotilla", "squadron", "warplane", "bomber", "interceptor"}
        | {"gunship", "drone", "gendarme", "paramilitary", "militiaman", "policeman"}
    ),  # (not "unit", "division", "tank", "battery", "jet": "moved its trading *unit*")
    # what strikes by itself: "*drones* hit a refinery", "a *missile* struck a school"
    "munitions": frozenset(
        {"drone", "missile", "rocket", "shell", "mortar", "bomb", "airstrike", "air-strike"}
        | {"shelling", "barrage", "salvo", "projectile", "warplane", "gunship", "grenade"}
        | {"munition", "explosive", "artillery", "round"}
    ),
    # what investigators and spies hand each other: "handed over *files* on 37 financiers"
    "records": frozenset(
        {"intelligence", "information", "data", "detail", "evidence", "record", "file"}
        | {"dossier", "document", "archive", "intercept", "tip", "tip-off", "fingerprint"}
        | {"imagery", "datum", "details", "records", "files", "documents", "archives"}
    ),
    # sums of money by currency: "extended 7 million *dollars* in aid"
    "money": CURRENCIES,
    # the traffic and trade between economies that parties start, stop and resume:
    # "resumed crude oil *swaps* with PDVSA", "restored cargo rail *traffic*"
    "commerce": frozenset(
        {"trade", "trading", "commerce", "export", "import", "shipment", "delivery"}
        | {"flight", "traffic", "freight", "transit", "shipping", "swap", "sale", "flow"}
    ),
    # goods states trade in bulk: "bought one million *barrels* of crude from ADNOC"
    "commodities": frozenset(
        {"oil", "crude", "gas", "lng", "coal", "wheat", "grain", "electricity", "power"}
        | {"fuel", "soybean", "soybeans", "maize", "corn", "fertiliser", "fertilizer", "ore"}
        | {"barrel", "barrels", "megawatt", "megawatts", "hydropower", "diesel", "uranium"}
    ),
    # measures a government can give up under pressure: "scrapped a planned *overhaul* of
    # pensions", "revoked the *decree*", "shelved the fuel *levy*" (not a contract or a
    # licence, which a state revokes to punish)
    "policy": frozenset(
        {"bill", "law", "decree", "tax", "levy", "plan", "reform", "overhaul", "policy"}
        | {"measure", "rule", "requirement", "quota", "hike"}
        | {"increase", "rise", "amendment", "ordinance", "legislation", "proposal"}
        | {"scheme", "surcharge", "fee", "tariff", "regulation"}
    ),
}


# Verbs of armed men coming together of themselves ("gunmen *gathered* outside the town"),
# whose rows name the men as subject.
MASSING_VERBS = frozenset({"gather", "assemble", "converge"})


def _parse_conditions(spec: str) -> tuple[Condition, ...]:
    out = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        kind, _, values = part.partition("=")
        words: set[str] = set()
        for value in (v.strip().lower() for v in values.split("|") if v.strip()):
            if value.startswith("@") and value[1:] not in WORD_CLASSES:
                raise ValueError(f"trigger row names an unknown word class {value!r}")
            words |= WORD_CLASSES[value[1:]] if value.startswith("@") else {value}
        out.append(Condition(kind, frozenset(words)))
    return tuple(out)


class Lexicon:
    """Trigger rows indexed by lemma, plus the category tables."""

    def __init__(
        self,
        entries: list[TriggerEntry],
        nouns: dict[str, list[tuple[str, TriggerEntry]]],
        nominalisations: dict[str, tuple[str, str]],
        categories: dict[str, CategoryInfo],
        mode_intensity: dict[tuple[str, str], float],
    ) -> None:
        self.by_lemma: dict[str, list[TriggerEntry]] = {}
        for entry in entries:
            self.by_lemma.setdefault(entry.lemma, []).append(entry)
        for rows in self.by_lemma.values():
            rows.sort(key=lambda e: -e.specificity)
        self.nouns = nouns
        self.nominalisations = nominalisations
        self.categories = categories
        self.mode_intensity = mode_intensity

    @classmethod
    def load(cls) -> Lexicon:
        entries = []
        for row in _rows("triggers.tsv"):
            row += [""] * (5 - len(row))
            lemma, cond, etype, mode, cameo = (x.strip() for x in row[:5])
            entries.append(TriggerEntry(lemma, _parse_conditions(cond), etype, mode or None, cameo))
        nouns: dict[str, list[tuple[str, TriggerEntry]]] = {}
        for row in _rows("event_nouns.tsv"):
            noun, modifier, etype, mode, cameo = (x.strip() for x in row[:5])
            entry = TriggerEntry(noun, (), etype, mode or None, cameo)
            nouns.setdefault(noun, []).append((modifier.lower(), entry))
        for rows in nouns.values():
            rows.sort(key=lambda r: not r[0])  # rows with a modifier first
        nominalisations = {}
        verbs = {e.lemma for e in entries}
        for row in _rows("nominalisations.tsv"):
            noun, verb, particle = ((row + [""] * 3)[i].strip() for i in range(3))
            if verb not in verbs:
                raise ValueError(f"nominalisation {noun!r} names a verb with no row: {verb!r}")
            nominalisations[noun] = (verb, particle)
        categories = {}
        for etype, quad, root, intensity, needs in _rows("plover.tsv"):
            categories[etype] = CategoryInfo(
                etype, int(quad), root, float(intensity), needs == "yes"
            )
        modes = {(t, m): float(v) for t, m, v in _rows("plover_modes.tsv")}
        return cls(entries, nouns, nominalisations, categories, modes)

    def match(self, token: Token) -> TriggerEntry | None:
        """The most specific row whose conditions hold for this token, if it is an event."""
        for lemma in lemma_candidates(token):
            rows = self.by_lemma.get(lemma)
            if rows is None:
                continue
            for entry in rows:
                if all(c.holds(token) for c in entry.conditions):
                    return entry if entry.is_event else None
            return None
        return None

    def nominal_match(self, noun: Token) -> TriggerEntry | None:
        """The verb row a nominalisation's phrase satisfies ("the *lifting* of the ban" ->
        "lift obj=ban"), including rows that are no event ("the *release* of a report");
        None when the noun names no verb's act or no row holds."""
        found = self._verb_of(noun)
        if found is None:
            return None
        verb, particle = found
        for entry in self.by_lemma.get(verb, ()):
            if all(c.holds_for_noun(noun, particle) for c in entry.conditions):
                return entry
        return None

    def is_nominal(self, noun: Token, entry: TriggerEntry) -> bool:
        """The entry is a verb row read on this noun as its nominalisation."""
        found = self._verb_of(noun)
        return found is not None and found[0] == entry.lemma

    def _verb_of(self, noun: Token) -> tuple[str, str] | None:
        """The verb and particle a nominalisation names, by its spelling or its lemma; a
        particle the noun carries itself counts too ("the *calling off* of a strike")."""
        found = self.nominalisations.get(noun.lower_) or self.nominalisations.get(
            noun.lemma_.lower()
        )
        if found is None or found[1]:
            return found
        carried = next((c.lower_ for c in noun.children if c.dep_ == "prt"), "")
        return (found[0], carried) if carried else found

    def noun_match(self, noun: Token) -> TriggerEntry | None:
        """The event a noun names ("hunger strike" -> PROTEST), if any; anything done
        jointly ("joint patrols", "combined drills") is COOPERATE."""
        joint = is_joint(noun)
        joint = joint or exercise_with_partner(noun, noun)
        own = self.modified_noun_match(noun, bare=True)
        if own is not None and own.event_type in _VERBAL_TYPES:
            joint = False  # "a *joint* invitation", "a joint statement": still words
        if joint and (noun.lemma_.lower() in JOINT_NOUNS or noun.lower_ in self.nouns):
            military = noun.lemma_.lower() in MILITARY_JOINT_NOUNS
            return TriggerEntry(noun.lemma_, (), "COOPERATE", None, "062" if military else "060")
        return self._own_or_nominal(noun)

    def _own_or_nominal(self, noun: Token) -> TriggerEntry | None:
        """A noun row with its modifier ("*hunger* strike"), then a specific verb row of a
        nominalisation ("the withdrawal *of charges*": "withdraw obj=charges", CONCEDE), then
        the noun's bare row ("withdrawal"), then the verb's bare row when the phrase names
        what is acted on or who acts ("the *hijacking* of a tanker")."""
        special = self.modified_noun_match(noun)
        if special is not None:  # (a row of no event blocks the bare one: "charm offensive")
            return special if special.is_event else None
        nominal = self.nominal_match(noun)
        if nominal is not None and any(c.kind != "prt" for c in nominal.conditions):
            return nominal if nominal.is_event else None  # (the noun's own particle
            # alone says nothing of its phrase: "a nationwide *shutdown*")
        own = self.modified_noun_match(noun, bare=True)
        if own is not None:
            return own
        if nominal is not None and nominal.is_event and _acted_on_or_by(noun):
            return nominal
        return None

    def modified_noun_match(self, noun: Token, *, bare: bool = False) -> TriggerEntry | None:
        """The event of a noun row whose modifier the noun has ("*hunger* strike", "*air*
        strike"); with `bare`, also a row without a modifier."""
        for key in (noun.lower_, noun.lemma_.lower()):
            for modifier, entry in self.nouns.get(key, ()):
                if (bare and not modifier) or (modifier and _has_modifier(noun, modifier)):
                    return entry
        return None

    def intensity(self, event_type: str, mode: str | None) -> float:
        if mode and (event_type, mode) in self.mode_intensity:
            return self.mode_intensity[(event_type, mode)]
        return self.categories[event_type].intensity

    def quad_class(self, cameo_root: str) -> int:
        """CAMEO's quad class from the two-digit root."""
        root = int(cameo_root)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


# Past forms of verbs that spelling rules would get wrong ("withdraw": "withdrew").
IRREGULAR_PASTS = {
    "begin": "began", "break": "broke", "bring": "brought", "buy": "bought", "choose": "chose",
    "come": "came", "cut": "cut", "draw": "drew", "drive": "drove", "fight": "fought",
    "find": "found", "flee": "fled", "fly": "flew", "forbid": "forbade", "forgive": "forgave",
    "freeze": "froze", "give": "gave", "go": "went", "hang": "hung", "hit": "hit",
    "hold": "held", "keep": "kept", "lay": "laid", "lead": "led", "leave": "left",
    "lose": "lost", "make": "made", "meet": "met", "overrun": "overran",
    "overthrow": "overthrew", "pay": "paid", "put": "put", "quit": "quit", "rise": "rose",
    "run": "ran", "say": "said", "seek": "sought", "sell": "sold", "send": "sent",
    "set": "set", "shake": "shook", "shoot": "shot", "shut": "shut", "sink": "sank",
    "sit": "sat", "speak": "spoke", "spread": "spread", "stand": "stood", "steal": "stole",
    "strike": "struck", "swear": "swore", "take": "took", "tell": "told", "throw": "threw",
    "undertake": "undertook", "win": "won", "withdraw": "withdrew", "write": "wrote",
}  # fmt: skip
# Verbs whose irregular past the tagger sometimes takes for another tense, so the
# lemmatizer leaves it as it is ("Moon Jae-in *flew* to Pyongyang": the broken name leaves
# it a noun); and "decreed", which the lemmatizer keeps.
_MISREAD_PASTS = frozenset(
    {"overrun", "withdraw", "overthrow", "undertake", "forbid", "freeze", "fight", "seek"}
    | {"strike", "shoot", "steal", "break", "fly", "meet", "send", "hold"}
)
_IRREGULAR_PAST = {IRREGULAR_PASTS[verb]: verb for verb in _MISREAD_PASTS} | {"decreed": "decree"}


def is_joint(noun: Token) -> bool:
    """A noun said to be done jointly ("*joint* patrols"), also through the nouns compounded
    before it ("*joint* mountain warfare drills", where "joint" modifies "warfare")."""
    stack = list(noun.lefts)
    while stack:
        c = stack.pop()
        if c.dep_ not in ("amod", "compound"):
            continue
        if c.lower_ in JOINT_WORDS:
            return True
        if c.dep_ == "compound":
            stack.extend(c.lefts)
    return False


# Categories of words, not acts: done jointly they stay what they are.
_VERBAL_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE"}
)
_PARTNER_FORCES = frozenset(
    {"troops", "forces", "army", "navy", "military", "marines", "counterparts", "allies"}
)


def exercise_with_partner(noun: Token, head: Token) -> bool:
    """Military drills held "*with* U.S. forces" (the "with" on the noun or on `head`, the
    verb that holds them) are held jointly."""
    if noun.lemma_.lower() not in MILITARY_JOINT_NOUNS and noun.lower_ not in MILITARY_JOINT_NOUNS:
        return False
    partners = [
        g
        for h in {noun, head}
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("with", "alongside")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(
        g.pos_ == "PROPN"
        or g.lower_ in _PARTNER_FORCES
        or any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in g.subtree)  # "U.S. warships"
        for g in partners
    )


def lemma_candidates(token: Token) -> list[str]:
    """The lemma, then base forms guessed from the word itself (the statistical lemmatizer
    sometimes errs: "staged" -> "stag", "reoccupied" -> "reoccupie"), then the act a verb
    of doing again repeats ("reimposed" -> "impose", `AGAIN_VERBS`)."""
    lemma, word = token.lemma_.lower(), token.lower_
    out = [lemma]
    if word in _IRREGULAR_PAST:
        out.append(_IRREGULAR_PAST[word])  # "overran" tagged as a present verb
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # "stopped" -> "stop"
        if word.endswith("ied"):
            out.append(word[:-3] + "y")  # "reoccupied" -> "reoccupy"
    elif token.tag_ == "VBG" and word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    elif token.tag_ == "VBZ" and word.endswith("s"):
        out += [word[:-1], word[:-2]]
    out += [AGAIN_VERBS[w] for w in out if w in AGAIN_VERBS]
    return [w for i, w in enumerate(out) if w and w not in out[:i]]


# Verbs that do an act again, read as the act itself when they have no row of their own:
# "*reimposed* a curfew" is "imposed a curfew", "*rearrested* the activist" is "arrested".
AGAIN_VERBS = {
    "reimpose": "impose",
    "reintroduce": "introduce",
    "rearrest": "arrest",
    "reoccupy": "occupy",
    "reinvade": "invade",
    "renegotiate": "negotiate",
    "reestablish": "establish",
    "rejoin": "join",
    "reactivate": "activate",
}


@functools.cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return Lexicon.load()


# Event nouns that keep "the" in their idiom: "went on *the rampage*".
IDIOM_DEFINITE = frozenset({"rampage"})


def _has_modifier(noun: Token, modifier: str) -> bool:
    """A modifier before the noun ("*hunger* strike"), or with "@", the preposition the bare
    noun is the object of ("went *on* strike": "@on")."""
    if modifier.startswith("@"):
        bare = not any(
            c.dep_ in ("det", "poss", "amod", "compound")
            and not (c.lower_ == "the" and noun.lemma_.lower() in IDIOM_DEFINITE)
            for c in noun.lefts
        )
        return bare and noun.dep_ == "pobj" and noun.head.lower_ == modifier[1:]
    return any(c.dep_ in ("compound", "amod") and c.lower_ == modifier for c in noun.lefts)
