"""Uses of event words that are not the political event they look like.

Applied after the roles are known: deaths in accidents and disasters are not assaults,
trips by private people are not visits, and violence by protesters is a violent protest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.lexicon import TriggerEntry
from newsevents.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACCIDENT_NOUNS = frozenset(
    {"accident", "crash", "fire", "blaze", "earthquake", "quake", "tremor", "flood", "floods"}
    | {"storm", "cyclone", "hurricane", "typhoon", "landslide", "avalanche", "tsunami"}
    | {"drought", "heatwave", "collision", "derailment", "outbreak", "disease", "virus"}
)
ACCIDENT_VERBS = frozenset(
    {"crash", "plunge", "derail", "collapse", "capsize", "sink", "overturn", "collide"}
)
WEAPON_WORDS = frozenset({"artillery", "gun", "mortar", "rocket", "sniper", "tank", "machine"})
STATE_SECTORS = frozenset({"GOV", "MIL", "IGO", "REB", "OPP", "PTY", "COP", "LEG", "JUD", "ELI"})
PROTESTER_WORDS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "mob", "crowd", "marcher"}
    | {"activist", "striker"}
)
# Who occupies a building or blockades a road in protest (not who "assaulted candidates").
OCCUPIER_WORDS = PROTESTER_WORDS | {"student", "supporter"}
WORKER_WORDS = frozenset(
    {"worker", "employee", "union", "teacher", "nurse", "doctor", "driver", "miner", "pilot"}
    | {"docker", "staff", "lawyer", "trader", "workforce", "labourer", "laborer", "farmer"}
)
RIOT = TriggerEntry("riot", (), "PROTEST", "riot", "145")
LABOUR_STRIKE = TriggerEntry("strike", (), "PROTEST", "strike", "143")
OBSTRUCT = TriggerEntry("occupy", (), "PROTEST", "obstruct", "144")


def _head(doc: Doc, part: ActorRef) -> Token | None:
    span: Span | None = doc.char_span(part.start, part.end)
    return span.root if span is not None else None


def is_mishap(entry: TriggerEntry, token: Token, actor: ActorRef | None) -> bool:
    """Deaths from accidents and disasters are not assaults: "a bus plunged into a ravine,
    killing 22", "an earthquake struck", "killed in a road accident"; "artillery fire" is
    not an accident."""
    if entry.event_type != "ASSAULT":
        return False
    head = _head(token.doc, actor) if actor is not None else None
    weapon = head is not None and any(t.lower_ in WEAPON_WORDS for t in head.lefts)
    if head is not None and head.lemma_.lower() in ACCIDENT_NOUNS and not weapon:
        return True
    if token.dep_ == "advcl" and token.head.lemma_.lower() in ACCIDENT_VERBS:
        return True
    return any(o.lemma_.lower() in ACCIDENT_NOUNS for o in syntax.prep_objects(token, {"in"}))


def is_private_trip(entry: TriggerEntry, actor: ActorRef | None) -> bool:
    """A visit is CONSULT only between political actors, not "tourists visited"."""
    if entry.mode != "visit" or entry.event_type != "CONSULT":
        return False
    if actor is None:
        return True
    named = actor.country or actor.members or actor.name
    return not named and actor.sector not in STATE_SECTORS


def rioting(entry: TriggerEntry, actor: ActorRef | None, doc: Doc) -> TriggerEntry:
    """Violence by protesters is a violent protest, CAMEO 145: "rioters torched cars",
    "demonstrators clashed with police"; a building they occupy or a road they blockade is
    an obstruction, CAMEO 144."""
    if entry.event_type not in ("ASSAULT", "COERCE") or actor is None:
        return entry
    for part in (actor, *actor.members):
        head = _head(doc, part)
        word = head.lemma_.lower() if head is not None else ""
        if entry.cameo in ("191", "192") and word in OCCUPIER_WORDS:
            return OBSTRUCT
        if word in PROTESTER_WORDS:
            return RIOT
    return entry


def labour_strike(entry: TriggerEntry, noun: Token | None, actor: ActorRef | None) -> TriggerEntry:
    """A strike by workers is a labour strike, CAMEO 143, not an attack: "railway workers
    launched a 48-hour *strike*"."""
    if entry.event_type != "ASSAULT" or noun is None or noun.lemma_.lower() != "strike":
        return entry
    head = _head(noun.doc, actor) if actor is not None else None
    if head is not None and head.lemma_.lower() in WORKER_WORDS:
        return LABOUR_STRIKE
    return entry
