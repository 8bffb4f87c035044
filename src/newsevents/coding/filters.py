"""Uses of event words that are not the political event they look like.

Applied after the roles are known: deaths in accidents and disasters are not assaults,
trips by private people are not visits, and violence by protesters is a violent protest.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.gazetteer import default_gazetteer
from newsevents.coding.lexicon import MILITARY_JOINT_NOUNS, TriggerEntry, named_nouns
from newsevents.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACCIDENT_NOUNS = frozenset(
    {"accident", "crash", "fire", "blaze", "earthquake", "quake", "tremor", "flood", "floods"}
    | {"storm", "cyclone", "hurricane", "typhoon", "landslide", "avalanche", "tsunami"}
    | {"drought", "heatwave", "collision", "derailment", "outbreak", "disease", "virus"}
    | {"cholera", "malaria", "ebola", "measles", "measle", "epidemic", "pandemic", "famine"}
    | {"monsoon"}
    | {"rain", "rains", "wildfire", "wildfires", "heat", "cold", "snow"}
    | {"snowfall", "blizzard", "tornado", "eruption", "mudslide", "storms", "frost"}
    | {"locust", "locusts", "swarm", "swarms"}
    | {"winter", "dzud"}  # "the harsh *winter* had killed 4.7 million animals"
)
# Nature and works do not act: a river, the weather, hail, a dam.
_NATURE = frozenset({"river", "lake", "sea", "ocean", "mountain", "volcano", "weather", "climate"})
_NATURE |= {"hail", "lightning", "dam", "reservoir"}
# Vehicles that burn, crash or hit something do so by accident (a warship or a drone is
# not among them).
_VEHICLES = frozenset(
    {"tanker", "bus", "minibus", "train", "ferry", "airliner", "freighter", "coach", "trawler"}
)  # (not cars, vans or trucks, which are driven into crowds, nor ships and vessels, which
# fire water cannon)


def _acts_by_itself(doc: Doc, actor: ActorRef, entry: TriggerEntry) -> bool:
    """The actor (never a passive subject, who suffers the act) is nature or a work, or a
    vehicle that burns or hits something: "the Mekong River, which *supports* 60 million
    people", "*hail* pelted the city", "the tanker *Sanchi* sank after burning", "a
    container *ship* hit the bridge"."""
    head = _head(doc, actor)
    if head is None:
        return False
    if head.lemma_.lower() in _NATURE:
        return True
    if head.pos_ == "PROPN" and any(t.lower_ in _PEAKS for t in head.lefts):
        return True  # "Indonesia's *Mount* Merapi erupted, forcing thousands to flee"
    if entry.event_type not in ("ASSAULT", "COERCE"):
        return False
    named = head.pos_ == "PROPN" and any(
        t.dep_ == "compound" and t.lower_ in _VEHICLES for t in head.lefts
    )  # "the tanker *Sanchi*"
    return head.lemma_.lower() in _VEHICLES or named


_PEAKS = frozenset({"mount", "mt", "mt.", "volcano"})
ACCIDENT_VERBS = frozenset(
    {"crash", "plunge", "derail", "collapse", "capsize", "sink", "overturn", "collide"}
    | {"skid", "veer"}
)
WEAPON_WORDS = frozenset({"artillery", "gun", "mortar", "rocket", "sniper", "tank", "machine"})
STATE_SECTORS = frozenset({"GOV", "MIL", "IGO", "REB", "OPP", "PTY", "COP", "LEG", "JUD", "ELI"})
PROTESTER_WORDS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher"}
    | {"activist", "striker"}
)
# Crowds that riot when they wreck things or stone the police, but attack when they beat
# or kill people ("youths *beat* the candidate").
_CROWD_WORDS = frozenset({"youth", "student", "supporter", "resident", "villager"})
_WRECKING = frozenset({"torch", "burn", "hurl", "throw", "storm", "ransack", "loot", "pelt"})
_WRECKING |= {"set", "smash", "vandalize", "vandalise", "stone", "clash"}
_MOB_WORDS = frozenset({"mob", "crowd"})
_KILLING = frozenset(
    {"kill", "lynch", "murder", "hack", "behead", "slaughter", "massacre", "butcher", "stab"}
)
# Who occupies a building or blockades a road in protest (not who "assaulted candidates").
OCCUPIER_WORDS = PROTESTER_WORDS | {"student", "supporter"}
WORKER_WORDS = frozenset(
    {"worker", "employee", "union", "teacher", "nurse", "doctor", "driver", "miner", "pilot"}
    | {"docker", "staff", "lawyer", "trader", "workforce", "labourer", "laborer", "farmer"}
    | {"controller", "attendant", "cleaner", "clerk", "porter", "technician", "firefighter"}
    | {"servant", "journalist", "student", "professor"}
)
# A strike of some hours or days with no target is a walkout, whoever stages it: "a
# *24-hour* strike" (not "24-hour strikes *on* Houthi positions", "the day's strikes").
_STRIKE_SPANS = frozenset({"hour", "day", "week", "indefinite", "open-ended"})
_STRIKE_TARGETS = frozenset({"on", "against", "at", "in", "near", "across", "targeting"})
_ARMS = frozenset({"air", "missile", "drone", "rocket", "artillery", "military", "retaliatory"})
RIOT = TriggerEntry("riot", (), "PROTEST", "riot", "145")
RAMPAGE = TriggerEntry("rampage", (), "ASSAULT", None, "190")
LABOUR_STRIKE = TriggerEntry("strike", (), "PROTEST", "strike", "143")
OBSTRUCT = TriggerEntry("occupy", (), "PROTEST", "obstruct", "144")


def _head(doc: Doc, part: ActorRef) -> Token | None:
    span: Span | None = doc.char_span(part.start, part.end)
    return span.root if span is not None else None


def _a_disaster(head: Token) -> bool:
    """ "floods", also where the tagger took a capitalised plural for a name ("*Landslides*
    triggered by rains have killed ...", lemma "Landslides")."""
    word = head.lower_
    return (
        head.lemma_.lower() in ACCIDENT_NOUNS
        or word in ACCIDENT_NOUNS
        or (word.endswith("s") and word[:-1] in ACCIDENT_NOUNS)
    )


def is_mishap(entry: TriggerEntry, token: Token, actor: ActorRef | None) -> bool:
    """Deaths from accidents and disasters are not assaults: "a bus plunged into a ravine,
    killing 22", "an earthquake struck", "killed in a road accident", "killed when their
    plane crashed"; "artillery fire" is not an accident. Nor does a disaster do anything
    else: "floods destroyed crops", "a typhoon *slammed* into the coast"."""
    subjects = [syntax.find_subject(token)[0], *(c for c in token.children if c.dep_ == "nsubj")]
    for head in (_head(token.doc, actor) if actor is not None else None, *subjects):
        weapon = head is not None and any(t.lower_ in WEAPON_WORDS for t in head.lefts)
        if head is not None and any(t.lower_ == "accidental" for t in head.lefts):
            return True  # "an *accidental* explosion at a fireworks market"
        named = (
            head is not None
            and head.pos_ == "PROPN"
            and any(  # "*Typhoon* Haiyan"
                t.dep_ == "compound" and t.lemma_.lower() in ACCIDENT_NOUNS for t in head.lefts
            )
        )
        if head is not None and (_a_disaster(head) or named) and not weapon:
            return True  # also "a magnitude 6.8 *earthquake* struck", whose actor is a misparse
    if actor is not None and _acts_by_itself(token.doc, actor, entry):
        return True
    if entry.event_type != "ASSAULT":
        return False
    verbs = [token]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)  # "..., killing 24 and *injuring* 15"
    for verb in verbs:
        if verb.dep_ == "advcl" and _accident(verb.head):
            return True
        if any(c.dep_ == "advcl" and (_accident(c) or _done_by_disaster(c)) for c in verb.children):
            return True  # "were killed *when their helicopter crashed*", "*when a landslide
            # buried* part of a village"
    return any(o.lemma_.lower() in ACCIDENT_NOUNS for o in syntax.prep_objects(token, {"in"}))


# Disasters of nature, which nobody sets off (not "fire", "blaze", "storm", "swarm").
_NATURAL_DISASTERS = frozenset(
    {"landslide", "mudslide", "earthquake", "quake", "tremor", "flood", "avalanche"}
    | {"tsunami", "cyclone", "hurricane", "typhoon", "tornado", "eruption", "monsoon"}
    | {"blizzard", "snowfall"}
)


def _done_by_disaster(clause: Token) -> bool:
    """A "when" clause whose subject is a disaster of nature, alone: "when *a landslide*
    buried part of a village" (not "a day *after* a train fire killed 58 pilgrims",
    another event, nor "when *Israeli fire* hit their car", "when a storm *of rockets*
    hit the town")."""
    if not any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in clause.children):
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ in ("prep", "acl", "relcl") for c in subject.children):
        return False
    word = subject.lemma_.lower()
    return word in _NATURAL_DISASTERS or word.rstrip("s") in _NATURAL_DISASTERS


def _accident(verb: Token) -> bool:
    """A verb of an accident used as one: a bus that "plunged into a ravine", not a killing
    "*plunging the country* into crisis" (a figure of speech with an object), nor talks or
    a truce that "collapsed"."""
    if verb.lemma_.lower() not in ACCIDENT_VERBS or any(c.dep_ == "dobj" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is None or subject.lemma_.lower() not in _FAILED_UNDERTAKINGS


# What "collapses" without an accident: talks, deals, truces, governments.
_FAILED_UNDERTAKINGS = frozenset(
    {"talk", "talks", "negotiation", "negotiations", "deal", "truce", "ceasefire", "agreement"}
    | {"accord", "process", "government", "coalition", "economy", "currency", "price"}
)


# A conflict as a whole, whose toll "since 1958" is background, not an event.
# Long wars, whose toll "has" mounted, or that "killed" thousands, or whose years are told
# in a clause (not "violence has killed 12 this week", the news).
_WARS = frozenset({"conflict", "war", "insurgency", "rebellion", "crisis", "civil", "struggle"})
_CONFLICTS = frozenset(
    {"conflict", "war", "insurgency", "violence", "rebellion", "uprising", "fighting"}
    | {"unrest", "crisis", "campaign", "struggle", "civil"}
)


def is_toll(entry: TriggerEntry, token: Token) -> bool:
    """A war's toll counted over years is background: "the armed conflict *has killed*
    more than 220,000 people *since 1958*" (the "since" also on a verb joined to it: "has
    killed ... and displaced ... since 2017"), "the civil war *has killed* tens of
    thousands", a war whose years a clause tells, on it or on its place ("the war in
    Bosnia, *which lasted from 1992 to 1995*, killed ..."), and a war that "killed"
    thousands with no day of its own ("Sri Lanka's civil war killed tens of thousands")."""
    if entry.event_type != "ASSAULT":
        return False
    subject = syntax.find_subject(token)[0]
    if subject is not None:
        subject = syntax.resolve_relative(subject)  # "a war on drugs, *which* has killed"
    if subject is None or subject.lemma_.lower() not in _CONFLICTS:
        return False
    verbs = [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if any(
        _since(c) and any(g.ent_type_ == "DATE" for g in c.subtree)
        for verb in verbs
        for c in verb.children
    ):
        return True
    described = [subject, *(o for p in subject.children if p.dep_ == "prep" for o in p.children)]
    dated = [c for n in described for c in n.children if c.dep_ == "relcl" and _dated(c)]
    # "Sri Lanka's civil war, *which ended in 2009*, killed ...": its toll
    if subject.lemma_.lower() in _WARS and dated and not _dated(token, skip=subject):
        return True
    # "the war has killed 20 more civilians *in the past day*": news
    if _dated(token, skip=subject):
        return False
    if subject.lemma_.lower() not in _WARS:
        return False
    if token.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children
    ):
        return True  # "Yemen's civil war *has killed* tens of thousands": a count
    # "Sri Lanka's civil war *killed* tens of thousands of people": its whole toll
    return token.tag_ == "VBD" and _in_thousands(syntax.object_of(token))


def _in_thousands(counted: Token | None) -> bool:
    """The phrase counts thousands or more: "*tens of thousands* of people", "*some
    100,000* people", "*two million*" (a number from 1900 to 2100 may be a year, so it
    does not count)."""
    if counted is None:
        return False
    for word in counted.subtree:
        lower = word.lower_.replace(",", "")
        if lower in ("thousands", "millions", "million", "thousand"):
            return True
        if lower.isdecimal() and int(lower) >= 1000 and not 1900 <= int(lower) <= 2100:
            return True
    return False


def _dated(verb: Token, skip: Token | None = None) -> bool:
    """A date or time in the verb's phrases (not in `skip`, its subject)."""
    inside = set() if skip is None else {t.i for t in skip.subtree}
    return any(
        t.ent_type_ in ("DATE", "TIME") and t.i not in inside and "year" not in _ent_text(t)
        for t in verb.subtree
    )  # (not "now in its third *year*", the war's age)


def _ent_text(token: Token) -> str:
    """The text of the entity a token is part of, lower-cased."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text.lower()


def _since(child: Token) -> bool:
    """A "since" phrase or clause: "*since 1958*", "*since it erupted in March 2011*"."""
    if child.dep_ == "prep":
        return child.lower_ == "since"
    return child.dep_ == "advcl" and any(m.lower_ == "since" for m in child.children)


# What a trip is for when it meets no one: "flew to London *for a medical check-up*".
_PRIVATE_ERRANDS = frozenset(
    {"check-up", "checkup", "treatment", "surgery", "holiday", "vacation"}
    | {"rest", "pilgrimage", "honeymoon", "tests", "examination"}
)


# Meetings a visit is made for (also `roles`: "went to X for *talks* with Y").
TALKS = frozenset(
    {"talk", "talks", "meeting", "meetings", "summit", "negotiations", "consultations"}
)


def is_private_trip(
    entry: TriggerEntry, actor: ActorRef | None, verb: Token, host: ActorRef | None = None
) -> bool:
    """A visit is CONSULT only between political actors, not "tourists visited", and only
    when it is not a private errand ("flew to London for medical *treatment*"); anyone
    who comes for talks with a state's people is received by a political actor
    ("executives flew to N'Djamena *for talks with President Idriss Deby*")."""
    if entry.mode != "visit" or entry.event_type != "CONSULT":
        return False
    if actor is None:
        return True
    if entry.lemma == "fly" and any(c.dep_ == "dobj" for c in verb.children):
        return True  # "*flying* the first group to Spain" carries people, visits no one
    for errand in syntax.prep_objects(verb, {"for"}):
        words = verb.doc[errand.left_edge.i : errand.i + 1]
        last = "".join(t.text + (" " if syntax.space_after(t) else "") for t in words)
        last = last.lower().split()[-1]
        # the head of the phrase (a hyphenated word is three tokens: "check - up"); not
        # "for the *rest* of the summit", "for a medical *summit*"
        of = any(c.dep_ == "prep" and c.lower_ == "of" for c in errand.children)
        if (last in _PRIVATE_ERRANDS or errand.lemma_.lower() in _PRIVATE_ERRANDS) and not of:
            return True
    named = actor.country or actor.members or actor.name
    talks = any(e.lemma_.lower() in TALKS for e in syntax.prep_objects(verb, {"for"}))
    # (or a group's leaders or envoys call on a state's people: "student protest *leaders*
    # visited interim leader Muhammad Yunus")
    head = _head(verb.doc, actor)
    envoys = head is not None and head.lemma_.lower() in _ENVOYS
    received = (talks or envoys) and host is not None and host.sector in STATE_SECTORS
    return not named and actor.sector not in STATE_SECTORS and not received


_ENVOYS = frozenset({"leader", "delegation", "representative", "envoy", "negotiator", "delegate"})


ABDUCTION = TriggerEntry("abduct", (), "ASSAULT", "abduct", "181")
# Who takes people by force outside the law: "gunmen *seized* 20 passengers" is an
# abduction, "police seized five suspects" an arrest.
_CAPTORS = frozenset({"gunman", "kidnapper", "pirate", "bandit", "abductor", "hijacker"})
_CAPTORS |= {"militant", "rebel", "insurgent", "jihadist", "gang", "gangster", "militia"}
_TAKING = frozenset({"seize", "grab", "snatch", "capture", "take"})
_FORCES_OF_THE_STATE = frozenset({"GOV", "MIL", "COP", "JUD"})
# People who are seized, held and freed (also `rules`: captives "handed over" when freed).
CAPTIVES = frozenset({"passenger", "crewman", "crew", "sailor", "worker", "villager", "student"})
CAPTIVES |= {"tourist", "people", "person", "hostage", "civilian", "child", "girl", "boy"}
CAPTIVES |= {"woman", "man", "missionary", "fisherman", "traveller", "traveler", "foreigner"}
CAPTIVES |= {"national", "pilgrim", "farmer", "teacher", "priest", "engineer", "employee"}
CAPTIVES |= {"resident", "prisoner", "captive", "detainee", "soldier", "citizen", "pilot"}


def abduction(entry: TriggerEntry, actor: ActorRef | None, verb: Token) -> TriggerEntry:
    """People seized by gunmen, kidnappers or rebels are abducted (CAMEO 181), not
    arrested: "suspected kidnappers *seized* five Indonesian crewmen from a tugboat"."""
    if entry.event_type != "COERCE" or entry.lemma not in _TAKING or actor is None:
        return entry
    taken = syntax.object_of(verb)
    if taken is None or not any(n.lemma_.lower() in CAPTIVES for n in named_nouns(taken)):
        return entry
    if actor.sector in _FORCES_OF_THE_STATE:
        return entry  # police or troops "seize" people: an arrest
    head = _head(verb.doc, actor)
    if head is None:
        return entry
    # the actor's own words, not a phrase on it ("police *hunting the gunmen*")
    words = {t.lemma_.lower() for t in (*named_nouns(head), *head.lefts) if t.dep_ != "det"}
    return ABDUCTION if words & _CAPTORS else entry


REFUSED_ENTRY = TriggerEntry("bar", (), "REJECT", "yield", "1245")
_KEEPING_OUT = frozenset({"bar", "ban", "block", "prevent", "stop"})
_ENTERING = frozenset({"enter", "visit", "land", "monitor", "observe", "inspect", "dock", "access"})
# People from outside who come to look, report or talk: "barred UN *investigators* from
# entering", "barred three *members* of the European Parliament from visiting".
_OUTSIDERS = frozenset({"observer", "monitor", "inspector", "investigator", "envoy", "rapporteur"})
_OUTSIDERS |= {"delegation", "mission", "congresswoman", "congressman", "journalist", "reporter"}
_OUTSIDERS |= {"correspondent", "diplomat", "expert", "ambassador"}
_FROM_OUTSIDE = frozenset({"GOV", "LEG", "IGO", "NGO", "MED"})
_ABROAD = frozenset({"foreign", "international", "overseas", "western", "un", "u.n."})


def kept_out(
    entry: TriggerEntry, verb: Token, actor: ActorRef | None, recipient: ActorRef | None
) -> TriggerEntry:
    """Outsiders barred from entering or visiting are refused, not repressed (REJECT 1245,
    as the manual has it: a state that bars a group or organisation from its territory
    rejects; one that bars its own people restricts them, COERCE): "Israel *barred* a UN
    fact-finding team from entering", not "the Taliban barred women from entering parks"."""
    if entry.event_type != "COERCE" or entry.lemma not in _KEEPING_OUT or recipient is None:
        return entry
    if not any(
        c.dep_ == "prep"
        and c.lower_ == "from"
        and any(g.dep_ == "pcomp" and g.lemma_.lower() in _ENTERING for g in c.children)
        for c in verb.children
    ):
        return entry
    span = verb.doc.char_span(recipient.start, recipient.end)
    foreign = (
        actor is not None
        and actor.country is not None
        and recipient.country not in (None, actor.country)
        and recipient.sector in _FROM_OUTSIDE
    )
    # (a title names the outsider too: "U.N. special *envoy* Julie Bishop"; and the
    # outsider comes from abroad or from a body: not "police barred *journalists* from
    # entering the courtroom")
    outsider = (
        span is not None
        and any(t.lemma_.lower() in _OUTSIDERS for t in span)
        and (
            recipient.country is not None
            or any(t.lower_ in _ABROAD or t.ent_type_ in ("ORG", "NORP") for t in span)
        )
        and (actor is None or recipient.country != actor.country)
    )
    return REFUSED_ENTRY if recipient.sector in ("IGO", "NGO") or outsider or foreign else entry


_RECORDS = frozenset({"file", "dossier", "record", "intercept"})


def is_domestic_hand_off(
    entry: TriggerEntry, verb: Token, actor: ActorRef | None, recipient: ActorRef | None
) -> bool:
    """Files or records handed on inside one state, or by anyone but a state body, are no
    event ("police passed the file to prosecutors", "a whistleblower handed files to
    journalists"); a state body's files to a foreign counterpart or an international body
    are shared intelligence (COOPERATE 064): "passed files on the network to *Romanian*
    counterparts", "passed the records to Europol", "transferred bank records to
    authorities *in Kuala Lumpur*"."""
    if entry.cameo != "064" or entry.lemma in ("share", "exchange", "swap"):
        return False  # (sharing is between parties: "shared records *with* U.S. Customs")
    obj = syntax.object_of(verb)
    if obj is None or not any(n.lemma_.lower() in _RECORDS for n in (obj, *named_nouns(obj))):
        return False
    if actor is None or actor.sector in _PRIVATE or (actor.sector is None and not actor.country):
        return True  # ("*a whistleblower* handed the files to American journalists")
    private = recipient is not None and recipient.sector in _PRIVATE
    named = recipient is not None and recipient.name is not None and recipient.country is None
    if recipient is not None and (
        recipient.sector == "IGO" or (recipient.sector in _STATE_BODIES and named)
    ):
        return False  # a named international body: Europol, Interpol, the ICC
    if (
        recipient is not None
        and not private
        and None not in (actor.country, recipient.country)
        and actor.country != recipient.country
    ):
        return False  # a foreign body: "handed *Malaysian investigators* bank records"
    # the goal's own nationality or "counterparts", the sender not having it: "to
    # *Ukrainian* investigators", "with *Brazilian* prosecutors" (not "to journalists *in
    # Hong Kong*")
    # (the goal may hang on the records: "bank records linked to X *to Ukrainian
    # investigators*"; or be the subject of a participle: "with *Brazilian prosecutors*
    # investigating bribes")
    goals = [
        t
        for t in (*verb.children, *obj.subtree)
        if (t.dep_ == "prep" and t.lower_ in ("to", "with")) or t.dep_ == "dative"
    ]
    heads = [g for t in goals for g in ([t] if t.dep_ == "dative" else t.children)]
    heads += [s for h in heads if h.dep_ == "pcomp" for s in h.children if s.dep_ == "nsubj"]
    own = actor.text.lower()
    if actor.country and not private and not any(h.lemma_.lower() in _PRIVATE_GOALS for h in heads):
        # a body in a foreign place: "to *authorities in Kuala Lumpur*", "to investigators
        # in Kyiv" (not "to journalists in Hong Kong", who are no state body)
        places = [
            p
            for h in (*heads, verb)
            for p in syntax.prep_objects(h, {"in"})
            if p.ent_type_ == "GPE" or p.pos_ == "PROPN"
        ]
        # (or the owner the parse gave what is sent: "sent *Peru's* public ministry records")
        places += [c for c in obj.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
        gazetteer = default_gazetteer()
        for place in places:
            name = next((e.text for e in place.doc.ents if e.start <= place.i < e.end), place.text)
            found = gazetteer.lookup(name, [actor.country])
            if found is not None and found.country != actor.country:
                return False
    return not any(
        h.lemma_.lower() == "counterpart"
        or any(
            m.i < h.i and m.ent_type_ in ("NORP", "GPE") and m.lower_ not in own for m in h.subtree
        )
        for h in heads
    )


def custody_at_home(
    entry: TriggerEntry, actor: ActorRef | None, recipient: ActorRef | None
) -> bool:
    """People transferred into the custody of a body of their own state, or of no party
    named, are no judicial cooperation: "transferred 20 convicts to the custody of *the
    police*" (but "to the custody of *Iraqi authorities*", of another state, or of a named
    court, is)."""
    if entry.cameo != "063" or not any("custody" in c.values for c in entry.conditions):
        return False
    if recipient is None:
        return True
    if recipient.sector == "IGO" or (recipient.name is not None and recipient.country is None):
        return False
    return recipient.country is None or (actor is not None and recipient.country == actor.country)


_STATE_BODIES = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "IGO"})
_PRIVATE_GOALS = frozenset({"journalist", "reporter", "lawyer", "family", "relative", "activist"})
_PRIVATE = frozenset({"BUS", "MED", "CVL", "CRM", "NGO", "EDU", "HLT", "REL"})


TRADED = TriggerEntry("deliver", (), "COOPERATE", None, "061")
_DEALS = frozenset({"deal", "agreement", "arrangement", "accord", "pact"})
_TRADE_WORDS = frozenset({"supply", "trade", "barter", "commercial", "purchase", "sale"})
_TRADE_WORDS |= {"sales", "export", "import", "currency"}


def traded(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """Goods delivered under a supply, trade or barter deal are trade (COOPERATE 061), not
    aid: "delivered 50,000 tonnes of wheat to Iran *under a barter arrangement*"."""
    if entry.event_type != "AID":
        return entry
    deals = [d for d in syntax.prep_objects(verb, {"under"}) if d.lemma_.lower() in _DEALS]
    trade = any(
        m.dep_ in ("compound", "amod") and m.lower_ in _TRADE_WORDS
        for d in deals
        for m in d.children
    )
    return TRADED if trade else entry


ROADBLOCK = TriggerEntry("block", (), "COERCE", "restrict", "172")


_STATE_FORCES = frozenset({"police", "policeman", "soldier", "troop", "army", "officer"})
_STATE_FORCES |= {"gendarme", "guard", "military", "commando", "marine"}
# Uniformed people protesting: "*striking* police officers", "*former* soldiers".
_OFF_DUTY = frozenset({"striking", "off-duty", "former", "retired", "veteran", "veterans"})
_GRIEVANCES = frozenset({"wage", "wages", "pay", "pension", "pensions", "salary", "salaries"})


def _state_force(verb: Token, actor: ActorRef | None) -> bool:
    """The actor is a force of the state ("police", "soldiers"; rebels blocking roads
    still obstruct, as a protest does)."""
    if actor is None or actor.sector == "REB":
        return False
    words = {t.lower_ for t in verb.subtree} | {t.lemma_.lower() for t in verb.subtree}
    if words & (PROTESTING | _GRIEVANCES | _OFF_DUTY | {"strike"}):
        return False  # "off-duty police blocked an avenue *to protest* low wages"
    if actor.sector in ("MIL", "COP"):
        return True
    head = _head(verb.doc, actor)
    return head is not None and named_nouns(head)[-1].lemma_.lower() in _STATE_FORCES


def rioting(entry: TriggerEntry, actor: ActorRef | None, verb: Token) -> TriggerEntry:
    """Violence by protesters is a violent protest, CAMEO 145: "rioters torched cars",
    "demonstrators clashed with police"; a building they occupy or a road they blockade is
    an obstruction, CAMEO 144. A mob that kills is no protest: "two soldiers were *lynched*
    by a mob", "mobs attacked the quarter, *killing* dozens"."""
    if entry.event_type == "PROTEST" and entry.mode == "riot" and actor is not None:
        head = _head(verb.doc, actor)  # "*gunmen* went on the rampage": an attack
        if head is not None and named_nouns(head)[-1].lemma_.lower() in ARMED:
            return RAMPAGE
        return entry
    if entry.event_type == "PROTEST" and entry.mode == "obstruct" and _state_force(verb, actor):
        return ROADBLOCK  # "soldiers *blocked* the main road into the town": no protest
    if entry.event_type not in ("ASSAULT", "COERCE") or actor is None:
        return entry
    for part in (actor, *actor.members):
        head = _head(verb.doc, part)
        if head is not None:
            head = named_nouns(head)[-1]  # "hundreds of *demonstrators*"
        word = head.lemma_.lower() if head is not None else ""
        if entry.cameo in ("191", "192") and word in OCCUPIER_WORDS:
            return OBSTRUCT
        if word in _MOB_WORDS and _kills(verb):
            return entry
        protesting = head is not None and _protesting(head)
        if entry.cameo in ("191", "192") and protesting:
            return OBSTRUCT  # "occupied by 150 women *protesting* over jobs"
        if word in PROTESTER_WORDS or (word in _CROWD_WORDS and entry.lemma in _WRECKING):
            return RIOT
    return entry


# Participles of protest: "women *protesting* over jobs", "massed, *demanding* ...".
PROTESTING = frozenset({"protest", "demonstrate", "demand", "chant", "shout", "denounce"})


def _protesting(noun: Token) -> bool:
    """People described by a participle of protest: "women *protesting* over jobs"."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in PROTESTING for c in noun.children)


DEADLY_RAID = TriggerEntry("raid", (), "ASSAULT", None, "190")
# Seizing or wrecking verbs (CAMEO 171) that name an armed attack when people are killed.
_RAIDING = frozenset({"raid", "burn", "torch", "loot", "ransack", "overrun"})


def deadly_raid(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """A raid or a burning that kills is an armed attack, not a seizure of property:
    "gunmen raided a hamlet, *slitting the throats* of 31 villagers", "burned the village,
    *killing* dozens"."""
    if entry.event_type != "COERCE" or entry.lemma not in _RAIDING:
        return entry
    slit = any(a.lemma_.lower() == "slit" for a in _participles(verb))  # "*slitting* ..."
    return DEADLY_RAID if slit or _kills(verb) else entry


def _participles(verb: Token) -> list[Token]:
    """The "-ing" participles that go on from the act: "stormed the village, *killing* ..."."""
    return [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG"]


def _kills(verb: Token) -> bool:
    """The act, or a participle of it, is a killing."""
    return any(a.lemma_.lower() in _KILLING for a in (verb, *_participles(verb)))


def labour_strike(entry: TriggerEntry, noun: Token | None, actor: ActorRef | None) -> TriggerEntry:
    """A strike by workers is a labour strike, CAMEO 143, not an attack: "railway workers
    launched a 48-hour *strike*"."""
    if entry.event_type != "ASSAULT" or noun is None or noun.lemma_.lower() != "strike":
        return entry
    head = _head(noun.doc, actor) if actor is not None else None
    if head is not None and head.lemma_.lower() in WORKER_WORDS:
        return LABOUR_STRIKE
    if noun.pos_ != "NOUN" or any(c.dep_ == "poss" or c.lower_ in _ARMS for c in noun.children):
        return entry
    kinds = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if kinds & _LABOUR_KINDS:
        return LABOUR_STRIKE  # "a 24-hour *token* strike at state hospitals"
    lasting = any(
        c.dep_ in ("amod", "compound", "nummod")
        and (c.lemma_.lower() in _STRIKE_SPANS or c.lower_.endswith(("-hour", "-day", "-week")))
        for c in noun.children
    )
    if lasting and _against_a_policy(noun):
        return LABOUR_STRIKE  # "a 48-hour strike *against the pension reform*"
    if not _untargeted(noun):
        return entry
    return LABOUR_STRIKE if lasting else entry


# What a walkout is staged against: a policy, not a party or a place.
_POLICIES = frozenset(
    {"reform", "reforms", "cut", "cuts", "policy", "policies", "law", "bill", "plan", "plans"}
    | {"measure", "measures", "austerity", "privatisation", "privatization", "tax", "taxes"}
)


def _strike_heads(noun: Token) -> tuple[Token, Token]:
    """The strike noun and the verb it is the object of (itself when it is none), where
    the parse may hang what the strike is aimed at."""
    return noun, noun.head if noun.dep_ in ("dobj", "nsubjpass") else noun


def _against_a_policy(noun: Token) -> bool:
    """Every "against" phrase on the strike (or its verb) names a policy: "staged a
    24-hour strike *against President Milei's spending cuts*"."""
    against = [o for h in _strike_heads(noun) for o in syntax.prep_objects(h, {"against"})]
    return bool(against) and all(o.lemma_.lower() in _POLICIES for o in against)


# Kinds of strike that are only ever stoppages of work.
_LABOUR_KINDS = frozenset({"token", "general", "wildcat", "hunger", "sit-down"})


def _untargeted(noun: Token) -> bool:
    """A strike noun with no target: not "strikes *on* X" (its caller has already left out
    arms and owners: "air strikes", "the *day's* strikes")."""
    return not any(
        c.dep_ == "prep"
        and c.lower_ in _STRIKE_TARGETS
        # (not a time: "a three-day strike *on Monday*")
        and not all(syntax.is_temporal(g) for g in c.children if g.dep_ == "pobj")
        for h in _strike_heads(noun)
        for c in h.children
    )


PEACEKEEPING = TriggerEntry("peacekeeping", (), "AID", None, "074")
JOINT_EXERCISE = TriggerEntry("exercise", (), "COOPERATE", None, "062")
TROOPS_ARRIVE = TriggerEntry("arrive", (), "MOBILIZE", "troops", "154")
_PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping"})
# Who mandates a mission or force that keeps the peace: "a *UN-backed* mission", "the *U.N.*
# Interim Force", "an *African Union* force".
_MANDATES = frozenset({"un", "u.n.", "un-backed", "u.n.-backed", "un-mandated", "multinational"})
_MANDATES |= {"au", "african", "ecowas", "sadc", "igad", "nato-led", "un-led", "u.n.-led"}


def _mandated_mission(word: Token) -> bool:
    """A mission or force with a mandate from a body: "a UN-backed multinational security
    *mission*", "the U.N. Interim *Force*" (not "a trade mission", "the air force")."""
    if word.lemma_.lower() not in ("mission", "force"):
        return False
    return any(m.lower_ in _MANDATES for left in word.lefts for m in left.subtree)


MILITARY_TRAINING = TriggerEntry("train", (), "AID", None, "072")
RELIEF_DEPLOYMENT = TriggerEntry("relief", (), "AID", None, "073")
# Forces sent to train others give military aid; sent to rescue, treat or feed people,
# humanitarian aid.
_TRAINING = frozenset({"train", "instruct", "mentor"})
_RELIEF = frozenset(
    {"rescue", "rescuer", "relief", "humanitarian", "medical", "medic", "doctor", "evacuate"}
    | {"deliver", "distribute", "rebuild", "treat", "aid", "supply", "victim", "survivor"}
    | {"surgical", "surgeon", "nurse", "health", "hospital", "vaccinate", "feed"}
    | {"food", "medicine", "tent", "blanket"}  # "warships loaded with *food*"
    | {"rice", "flour", "purification", "tarpaulin"}
    | {"strand"}  # "to help *stranded* villagers"
)
# Disasters that bring relief; not "fire", "storm" or "flood" (live-fire drills, a
# cease-fire, a storm of protests, a flood of migrants).
_RELIEF_DISASTERS = frozenset({"hurricane", "earthquake", "quake", "cyclone", "typhoon"})
_RELIEF_DISASTERS |= {"tsunami", "landslide", "mudslide", "landslides", "mudslides"}
_RELIEF_DISASTERS |= {"flood", "floods", "flooding", "monsoon", "drought", "wildfire", "wildfires"}


def troop_movement(
    entry: TriggerEntry, verb: Token, noun: Token | None, actor: ActorRef | None
) -> TriggerEntry:
    """Arms sent to a border are a show of force (154), not military aid; troops sent to
    keep the peace are aid (CAMEO 074): "deployed 300 troops to the UN
    *peacekeeping* mission"; two or more parties exercising together cooperate (062): "the
    US and its allies launched *war games*"; troops that "arrived in Mali" are deployed,
    not visiting (a visit is between political actors)."""
    if entry.cameo == "072" and _to_a_frontier(verb):
        return TROOPS_TO_FRONTIER  # "sent tanks and troops *to the Cambodian border*"
    visit = entry.event_type == "CONSULT" and entry.mode == "visit"
    arrived = visit and actor is not None and actor.sector == "MIL" and _troops(verb)
    if arrived:
        entry = TROOPS_ARRIVE
    if entry.event_type != "MOBILIZE":
        return entry
    if entry.mode == "troops":
        sent = _sent_where(verb)
        if arrived:  # "*peacekeeping* troops arrived in Bosnia": the subject says what for
            sent += [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
        purpose = _purpose(verb)
        if any(t.lower_ in _PEACEKEEPING_WORDS for t in sent + purpose) or any(
            _mandated_mission(t) for t in sent + purpose
        ):
            return PEACEKEEPING  # "arrived in Mali *to join the UN peacekeeping mission*",
            # "sent 400 police *as the first contingent of a UN-backed mission*"
        if any(t.lemma_.lower() in _TRAINING for t in purpose):
            return MILITARY_TRAINING  # "deployed to Nigeria *to train* 200 soldiers"
        if any(
            t.lemma_.lower() in _RELIEF or t.lower_ in _RELIEF_DISASTERS for t in sent + purpose
        ):
            return RELIEF_DEPLOYMENT  # "deployed *search-and-rescue* teams", "*to deliver aid*",
            # "to help communities hit by *Hurricane* Melissa"
    exercise = noun is not None and noun.lemma_.lower() in MILITARY_JOINT_NOUNS
    if exercise and actor is not None:
        parties = member_parties(actor) | _nationalities(
            verb.doc, actor
        )  # "*French and Egyptian* warships"
        if len(parties) > 1:  # not "30 warships and 150 aircraft" of one navy
            return JOINT_EXERCISE
    return entry


TROOPS_TO_FRONTIER = TriggerEntry("send", (), "MOBILIZE", "troops", "154")
_FRONTIERS = frozenset({"border", "frontier", "front", "frontline", "borderline", "boundary"})
_FRONTIERS |= {"street", "streets"}  # "sent armoured vehicles *onto the streets*"


def _to_a_frontier(verb: Token) -> bool:
    """Arms or forces sent to a border, a front or the streets: the sender's own
    posture, not aid."""
    goals = list(syntax.prep_objects(verb, {"to", "toward", "towards", "along", "onto", "into"}))
    if any(
        w.lemma_.lower() in _FRONTIERS
        for g in goals
        for w in (g, *(c for c in g.lefts if c.dep_ == "compound"))
    ):
        return True  # (or a place on it: "toward the disputed *border* town of Badme")
    # or sent to hold one's own lines: "sent 2,000 fighters *to reinforce positions* along
    # the border" (not "sent missiles *to Israel* to bolster its defences": aid)
    if goals or any(c.dep_ == "dative" for c in verb.children):
        return False
    return any(
        p.lemma_.lower() in _REINFORCING
        and any(o.dep_ == "dobj" and o.lemma_.lower() in _FRONTIERS | _LINES for o in p.children)
        for p in _purposes(verb)
    )


_REINFORCING = frozenset({"reinforce", "bolster", "fortify", "strengthen", "shore"})
_LINES = frozenset({"position", "line", "defence", "defense", "garrison", "outpost", "post"})


def member_parties(actor: ActorRef) -> set[str]:
    """The distinct parties among a compound actor's members (their countries or names)."""
    return {party for m in actor.members if (party := m.country or m.name)}


def _nationalities(doc: Doc, actor: ActorRef) -> set[str]:
    """The nationality words in an actor's phrase ("French and Egyptian warships")."""
    span = doc.char_span(actor.start, actor.end)
    if span is None:
        return set()
    root = span.root
    if root.lemma_.lower() in syntax.COUNTING_HEADS:  # "thousands *of* U.S. and Philippine
        root = next(syntax.prep_objects(root, {"of"}), root)  # troops"
    modifiers = [t for left in root.lefts for t in left.subtree]  # not "along *Panama*"
    return {  # "Spanish" (read as a language), "*U.S.* and Philippine forces"
        t.lower_ for t in modifiers if t.ent_type_ in ("NORP", "LANGUAGE", "GPE")
    }


# Heads that name a body of troops by their "of" phrase: "the first *deployment of* troops".
_TROOP_HEADS = frozenset({"deployment", "batch", "patch", "detachment", "wave", "group"})


def _troops(verb: Token) -> bool:
    """The verb's subject is a body of troops ("British troops", "a battalion"), not
    officers ("the army chief", "two US generals")."""
    subject, _ = syntax.find_subject(verb)
    heads = syntax.COUNTING_HEADS | _TROOP_HEADS
    if subject is not None and subject.lemma_.lower() in heads:
        subject = next(syntax.prep_objects(subject, {"of"}), subject)  # "hundreds of troops"
    return subject is not None and subject.lemma_.lower() in _UNITS


_UNITS = frozenset(
    {"troop", "soldier", "force", "peacekeeper", "marine", "paratrooper", "sailor"}
    | {"contingent", "battalion", "brigade", "unit", "division", "army", "regiment"}
)


HELPING = frozenset({"help", "assist", "aid", "support", "bolster"})


def sent_to_help(verb: Token) -> bool:
    """Troops or police sent "*to help* restore order": a pledge of aid when it is still to
    come, not a threat."""
    return any(c.lemma_.lower() in HELPING for c in _purposes(verb))


# What is sent armed: a deployment even when it is sent to help.
ARMED = _UNITS | {"police", "policeman", "officer", "commando", "gendarme", "personnel"}
ARMED |= {"guard", "fighter", "militiaman", "warship", "warplane", "jet", "bomber", "tank"}
ARMED |= {"carrier", "ship", "destroyer", "frigate", "submarine", "battery", "missile", "drone"}
ARMED |= {"gunman", "militant", "rebel", "insurgent", "troop"}
# Aims of troops or weapons sent "to help": still force ("to help *defend* NATO's flank").
_DEFENDING = frozenset({"defend", "protect", "fight", "secure", "deter", "guard", "patrol"})


def sent_as_aid(entry: TriggerEntry, verb: Token) -> TriggerEntry:
    """Planes, teams or goods sent *to help* are aid: "dispatched two firefighting planes to
    North Macedonia *to help battle* wildfires"; troops sent to help still deploy."""
    if entry.event_type != "MOBILIZE" or entry.mode != "troops" or not sent_to_help(verb):
        return entry
    obj = syntax.object_of(verb)
    if obj is None or any(n.lemma_.lower() in ARMED for n in named_nouns(obj)):
        return entry
    aims = [t for c in _purposes(verb) for t in c.subtree if t.pos_ == "VERB"]
    if any(t.lemma_.lower() in _DEFENDING for t in aims):
        return entry
    return dataclasses.replace(entry, event_type="AID", mode=None, cameo="073")


# What crowds gather for that is no protest: "flooded the streets *to celebrate* the win".
_FESTIVE = frozenset({"celebrate", "cheer", "watch", "welcome", "greet", "buy", "see", "mourn"})


def is_festive(entry: TriggerEntry, verb: Token) -> bool:
    """A crowd in the streets or camped outside to celebrate, watch or buy tickets is no
    demonstration: "fans flooded the streets of Buenos Aires *to celebrate* the victory"."""
    if entry.event_type != "PROTEST" or entry.mode != "demo":
        return False
    return any(c.lemma_.lower() in _FESTIVE for c in _purposes(verb))


# Words of sport that news of politics seldom uses, and words it shares with it; a
# sentence with two of the first, or one of them and a score or two of the second, or a
# score and two of the second, is sport: "Osimhen *struck* twice as Galatasaray *beat*
# Fenerbahce 3-1", "Japan's *attack* had lacked punch against Samoa".
_SPORT_WORDS = frozenset(
    {"league", "tournament", "championship", "championships", "midfielder", "goalkeeper"}
    | {"footballer", "innings", "wicket", "wickets", "touchdown", "semifinal", "semi-final"}
    | {"quarterfinal", "quarter-final", "playoff", "playoffs", "play-off", "play-offs"}
    | {"rugby", "cricket", "football", "soccer", "tennis", "basketball", "backline"}
    | {"scoreline", "striker", "midfield", "olympics", "olympic", "batsman", "bowler"}
)
_SPORT_SHARED = frozenset(
    {"coach", "cup", "final", "season", "team", "club", "match", "goal", "goals", "player"}
    | {"players", "fans", "stadium", "scored", "scoring", "half", "derby", "squad"}
)
# Verbs and nouns of fighting that sport uses for play.
_SPORT_VERBS = frozenset(
    {"beat", "defeat", "crush", "thrash", "attack", "strike", "hit", "raid", "rout", "stun"}
    | {"hammer", "edge", "down", "overwhelm", "sink", "batter", "storm", "smash", "trounce"}
    | {"maul", "demolish", "outclass", "humble", "punish", "shoot", "invade", "complete"}
)
_POLITICAL_SECTORS = STATE_SECTORS | {"IGO", "IMG", "INS"}
_NAMES = frozenset({"ORG", "EVENT", "FAC", "WORK_OF_ART", "PERSON", "GPE", "NORP", "LAW"})
_SCORE = re.compile(r"\b\d{1,2}-\d{1,2}\b")


def is_sport(
    entry: TriggerEntry, token: Token, actor: ActorRef | None, recipient: ActorRef | None
) -> bool:
    """A word that sport uses too ("beat", "attack", "crushed") in a sentence of sports
    news (see `_SPORT_WORDS`) between parties none of which is a state, its forces, a
    body of states or an armed group: "Galatasaray *beat* Fenerbahce 3-1" (not "police
    fired tear gas at football fans after the match", "militants killed 74 football fans
    watching the World Cup final")."""
    if token.lemma_.lower() not in _SPORT_VERBS and entry.lemma not in _SPORT_VERBS:
        return False  # (a killing, a kidnapping or an arrest at a match is news)
    if any(p is not None and p.sector in _POLITICAL_SECTORS for p in (actor, recipient)):
        return False
    sent = token.sent
    # (a word of sport inside a name is none: "the Arab *League*", "Awami *League*")
    words = {t.lower_ for t in sent if t.pos_ != "PROPN" and t.ent_type_ not in _NAMES}
    own = len(words & _SPORT_WORDS)
    if own >= 2:
        return True
    shared = len(words & _SPORT_SHARED)
    scored = _SCORE.search(sent.text) is not None
    # (one word of each is not enough: "gunmen attacked a *football stadium*")
    return (own == 1 and (shared >= 2 or scored)) or (scored and shared >= 2)


MILITARY_PROTECTION = TriggerEntry("send", (), "AID", None, "074")
# Purposes of forces sent to help another state ("*to help* the government fight ..."); not
# "to protect", the stated aim of many an invasion.
_HELPING_ABROAD = HELPING | {"reinforce", "shore", "back"}


def helped_abroad(
    entry: TriggerEntry, verb: Token, actor: ActorRef | None, recipient: ActorRef | None
) -> TriggerEntry:
    """Forces sent into another state to help it, or at its request, give it military
    protection (AID 074), not a show of force: "Rwanda sent 1,000 soldiers to Mozambique
    *to help* the government fight insurgents", "flew troops into Bangui *at the request
    of* the government". Forces sent inside one's own state, or to a frontier, stay a
    deployment (`sent_as_aid`: troops sent to help at home still deploy)."""
    if entry.event_type != "MOBILIZE" or entry.mode != "troops" or actor is None:
        return entry
    if recipient is None or not actor.country or not recipient.country:
        return entry
    if actor.country == recipient.country or _to_a_frontier(verb):
        return entry
    helping = any(
        p.lemma_.lower() in _HELPING_ABROAD and _helps_the_state(p, recipient)
        for p in _purposes(verb)
    )
    requested = any(
        o.lemma_.lower() == "request" for o in syntax.prep_objects(verb, {"at", "upon", "on"})
    )
    return MILITARY_PROTECTION if helping or requested else entry


# Whom forces sent abroad may help for the help to be the state's: its government, army,
# police or a mission there ("to help *the government* fight", "to reinforce *the
# mission*"); not rebels, separatists or a third state.
_STATE_HELPED = frozenset(
    {"government", "army", "military", "force", "forces", "troop", "police", "authority"}
    | {"president", "state", "country", "nation", "mission", "peacekeeper", "protection"}
    | {"regime", "administration", "defence", "defense", "capital"}
)


def _helps_the_state(purpose: Token, recipient: ActorRef) -> bool:
    """The one a purpose helps is the destination state or its forces: "to help
    *Mozambique* fight", "to help *the government*", "to shore up *Touadera's
    government*"."""
    # (the one helped, or the subject of the act helped with: "to help *the government*
    # fight", which the parse may make the subject of "fight")
    clauses = [purpose, *(c for c in purpose.children if c.dep_ in ("xcomp", "ccomp"))]
    helped = next(
        (
            c
            for clause in clauses
            for c in clause.children
            if c.pos_ in ("NOUN", "PROPN")
            and (c.dep_ in ("dobj", "nsubj") or (c.dep_ == "compound" and clause.pos_ == "NOUN"))
            # (and "to help government *forces* battle ...", read as one noun phrase)
        ),
        None,
    )
    if helped is None:
        return False  # "to help fight Islamic State": whom is not said
    if helped.pos_ == "PROPN":
        return helped.text in recipient.text  # the destination itself, not "France"
    return helped.lemma_.lower() in _STATE_HELPED


def _purposes(verb: Token) -> list[Token]:
    """The verbs of the infinitives of purpose on the verb: "sent police *to help* ..."."""
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and syntax.is_infinitive(c)]


def _purpose(verb: Token) -> list[Token]:
    """The words of an infinitive of purpose on the verb: "arrived in Nepal *to help
    deliver aid*"."""
    return [t for c in _purposes(verb) for t in c.subtree]


def _sent_where(verb: Token) -> list[Token]:
    """The words saying what is sent and where or as what: the object, a dative and the
    verb's prepositional phrases; not a clause about something else ("days after
    peacekeeping talks collapsed", "after the kidnapping of *aid* workers")."""
    parts = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative", "prep", "nsubjpass") and c.lower_ not in _WHEN_PREPS
    ]
    return [t for part in parts for t in part.subtree]


# Prepositions that place a deployment in time, not say what it is for.
_WHEN_PREPS = frozenset({"after", "before", "following", "since", "amid", "despite", "until"})


# Documents of numbers, which report rather than act.
_FINDINGS = frozenset({"poll", "polls", "survey", "surveys", "census", "index", "study"})
_PHRASE_PREPS = frozenset({"of", "by", "from", "in", "for", "among", "on"})


def is_not_political(
    entry: TriggerEntry, actor: ActorRef | None, recipient: ActorRef | None
) -> bool:
    """Rows whose words are political only with the right parties: stopping work is a
    strike by workers, not "the government stopped work on the dam"; forcing people out is
    an expulsion by a party, not "floods forced out thousands"; a warning given or a
    deadline set threatens someone, not "gave a warning of heavy rain"; polls and
    surveys report, they do not act ("a poll put support for X at 28 percent"); blame laid
    on no party explains ("fell 35 percent, *blaming* insecurity")."""
    if entry.lemma in ("give", "set") and entry.event_type == "THREATEN":
        return recipient is None
    if entry.lemma == "blame" and entry.event_type == "ACCUSE":
        return recipient is None
    if entry.cameo == "072" and entry.lemma in ("hand", "transfer"):
        # hardware handed over is military aid only to another state's party ("to
        # Ukraine", "to the Philippine navy"), not "to a leasing company", "to their owners"
        if actor is None or recipient is None or not actor.country:
            return True
        if recipient.country is None:  # "to Kurdish peshmerga forces": a state's forces
            return recipient.sector not in STATE_SECTORS
        return recipient.country == actor.country
    if entry.lemma in ("cancel", "terminate") and entry.cameo == "160":
        return actor is None or actor.sector not in STATE_SECTORS  # not "Airbus cancelled"
    if actor is None:
        return False
    words = actor.text.lower().split()
    head = next((i for i, w in enumerate(words) if w in _PHRASE_PREPS), len(words))
    if head and words[head - 1] in _FINDINGS:
        return True  # "a poll (by Gallup) *put* support for the Socialists at 28 percent"
    if entry.lemma == "stop" and entry.mode == "strike":
        state = actor.sector in STATE_SECTORS or actor.sector == "BUS"
        return state or bool(actor.country and not actor.sector)
    if entry.lemma == "force" and entry.mode == "deport":
        return not (actor.country or actor.sector or actor.name or actor.members)
    return False
