"""Who asserts an event: the reporting frame around a trigger.

`frame()` splits a sentence into the event's own words and the words of the report that
carries it ("*the agency said*", "*according to the ministry*"); dates and places are
read from the event's words first. `attribution()` resolves the speaker through the actor
machinery. Conventions (issue 5): the innermost report wins ("KCNA reported that the
ministry said ..." is the ministry's); an event stated in the article's own voice has no
attribution; a speech act (a threat, a demand, an accusation) made by its own speaker has
none either, unless a third party reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsevents.coding import syntax
from newsevents.coding.actors import ArticleMemory, build_actor
from newsevents.coding.lexicon import lemma_candidates
from newsevents.coding.names import NameTable
from newsevents.records import ActorRef, Attribution

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REPORT_VERBS = frozenset(
    {
        *("say", "tell", "report", "announce", "state", "add", "claim", "allege", "confirm"),
        *("quote", "cite", "note", "write", "declare", "explain", "acknowledge", "assert"),
        *("insist", "maintain", "stress", "argue", "reiterate", "affirm", "disclose"),
        *("reveal", "indicate", "testify", "tweet", "post", "estimate", "contend"),
    }
)
ALLEGATION_VERBS = frozenset({"claim", "allege"})
ALLEGATION_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly"})
SPEECH_ACT_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "AGREE", "REJECT", "SUPPORT"})


@dataclass(frozen=True, slots=True)
class Frame:
    """The event's words and the report around them (if any) within one sentence."""

    event_tokens: frozenset[int]
    report_tokens: frozenset[int]
    verb: Token | None = None
    speaker: Token | None = None
    cue: str | None = None
    cue_start: int = 0
    cue_end: int = 0
    allegation: bool = False


def is_report_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        lemma in REPORT_VERBS for lemma in lemma_candidates(token)
    )


def frame(trigger: Token, sent: Span) -> Frame:
    """The innermost report above the trigger, else one beside it ("..., X said"), else
    "according to X", else none; with the event's and the report's token sets."""
    everything = frozenset(range(sent.start, sent.end))
    background = next((t for t in [trigger, *trigger.ancestors] if _is_background(t)), None)
    if background is not None:  # "..., days after Kim *vowed* ...": its own clause only
        everything = frozenset(t.i for t in background.subtree)
    reporter, clause = _reporter_above(trigger)
    if reporter is not None and clause is not None:
        event = frozenset(t.i for t in clause.subtree)
        return _frame(reporter, event, frozenset(t.i for t in reporter.subtree) - event)
    root = _clause_root(trigger)
    if root.dep_ == "conj":  # "..., but the army *denied* it": that clause only
        everything = everything & frozenset(t.i for t in root.subtree)
    beside = next(
        (
            c
            for c in root.children
            if c.dep_ in ("parataxis", "ccomp", "advcl") and is_report_verb(c)
        ),
        None,
    )
    if beside is not None and beside is not trigger:
        report = frozenset(t.i for t in beside.subtree)
        return _frame(beside, _event_words(trigger, everything - report), report)
    according = next((t for t in sent if t.lower_ == "according"), None)
    if according is not None:
        source = next((g for c in according.children for g in c.children if g.dep_ == "pobj"), None)
        report = frozenset(t.i for t in according.subtree)
        end_tok = next((c for c in according.children if c.lower_ == "to"), according)
        return Frame(
            _event_words(trigger, everything - report),
            report,
            None,
            source,
            "according to",
            according.idx,
            end_tok.idx + len(end_tok.text),
        )
    return Frame(_event_words(trigger, everything), frozenset())


def _frame(verb: Token, event: frozenset[int], report: frozenset[int]) -> Frame:
    speaker = _speaker(verb)
    allegation = any(lemma in ALLEGATION_VERBS for lemma in lemma_candidates(verb))
    return Frame(
        event, report, verb, speaker, verb.text, verb.idx, verb.idx + len(verb.text), allegation
    )


def _reporter_above(trigger: Token) -> tuple[Token | None, Token | None]:
    """The nearest reporting verb among the trigger's heads, and the child of it on the
    way (the reported clause); none through a subject ("a spokesman who *said* ...")."""
    current = trigger
    for _ in range(10):
        head = current.head
        if head.i == current.i:
            return None, None
        if current.dep_ in syntax.SUBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS:
            return None, None
        if current.dep_ == "advcl" and _subordinated(current):
            return None, None  # "..., days after Kim vowed": not what was reported
        if current.dep_ == "conj" and _contrasted(current):
            return None, None  # "X said ..., but the army *denied* it": the writer's voice
        if is_report_verb(head) and current.dep_ not in _NOT_REPORTED:
            return head, current
        current = head
    return None, None


# Relations by which a word hangs on a reporting verb without being what was reported:
# "said *on Tuesday*", "said ..., *but the army denied* it".
_NOT_REPORTED = frozenset({"prep", "npadvmod", "advmod", "conj", "cc", "punct"})
_SAME_CLAUSE = frozenset({"xcomp", "acl", "conj", "pcomp", "acomp"})
_MARKS = frozenset({"after", "as", "when", "while", "because", "if", "since", "before"})
_MARKS |= {"although", "though", "until", "unless", "once", "whereas"}


def _contrasted(clause: Token) -> bool:
    """A coordinated clause with its own subject after "but" / "while" / "yet"."""
    if not syntax.has_own_subject(clause):
        return False
    words = [c for c in clause.head.children if c.dep_ == "cc" and c.i < clause.i]
    return any(c.lower_ in ("but", "yet", "while", "whereas") for c in words)


def _is_background(token: Token) -> bool:
    return token.dep_ == "advcl" and _subordinated(token)


def _subordinated(clause: Token) -> bool:
    """A finite adverbial clause with a conjunction ("after X attacked"), which is
    background, unlike an unmarked clause the report carries ("X attacked, Y said")."""
    return syntax.has_own_subject(clause) and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _MARKS for c in clause.children
    )


def _clause_root(trigger: Token) -> Token:
    """The head of the trigger's clause: up through participles and infinitives."""
    current = trigger
    for _ in range(6):
        own_clause = current.dep_ == "conj" and syntax.has_own_subject(current)
        if current.dep_ in _SAME_CLAUSE and current.head.i != current.i and not own_clause:
            current = current.head
            continue
        break
    return current


def _event_words(trigger: Token, allowed: frozenset[int]) -> frozenset[int]:
    """The allowed words minus finite adverbial clauses that do not hold the trigger
    ("after a rocket was fired"): those are other events with their own dates."""
    out = set(allowed)
    for tok in trigger.sent:
        if tok.dep_ == "advcl" and _subordinated(tok) and tok.i in out:
            inside = {t.i for t in tok.subtree}
            if trigger.i not in inside:
                out -= inside
    return frozenset(out)


def _speaker(verb: Token) -> Token | None:
    """Who speaks: the reporting verb's subject, a passive's agent, the noun a participle
    hangs on ("officials *saying*"), or the subject of the verb it is coordinated with."""
    for child in verb.children:
        if child.dep_ in syntax.SUBJECT_DEPS:
            return syntax.resolve_relative(child)
        if child.dep_ in syntax.PASSIVE_SUBJECT_DEPS:
            return syntax.find_agent(verb)
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        subject, _ = syntax.find_subject(verb)  # "X met Y and *said* ...": X
        return subject
    if verb.dep_ == "acl" and verb.head.pos_ in syntax.NOMINAL_POS:
        return verb.head
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is not None and before.pos_ in ("PROPN", "NOUN"):
        return before  # "..., Foreign Minister X said" parsed without a subject
    return None


def carries_allegation(governor: Token, trigger: Token) -> bool:
    """ "*alleged* that X shelled ...": the trigger sits in the reported clause of an
    allegation verb (not "accused X of ...", which is itself the event)."""
    if not any(lemma in ALLEGATION_VERBS for lemma in lemma_candidates(governor)):
        return False
    current = trigger
    while current.head.i != current.i and current.head.i != governor.i:
        current = current.head
    return current.head.i == governor.i and current.dep_ in ("ccomp", "xcomp")


def is_alleged(trigger: Token, fr: Frame) -> bool:
    """An allegation: under "claimed"/"alleged", or "allegedly" on the act."""
    if fr.allegation:
        return True
    return any(c.lower_ in ALLEGATION_ADVERBS for c in trigger.children) or any(
        c.lower_ in ALLEGATION_ADVERBS for c in trigger.head.children if trigger.dep_ == "xcomp"
    )


def attribution(
    fr: Frame,
    names: NameTable,
    memory: ArticleMemory,
    *,
    actor: ActorRef | None,
    event_type: str,
) -> Attribution | None:
    """The Attribution of an event in this frame, or None in the article's own voice."""
    if fr.speaker is None or fr.cue is None:
        return None
    source = build_actor(fr.speaker, names, memory)
    if event_type in SPEECH_ACT_TYPES and actor is not None and _same(actor, source):
        return None  # the speaker's own demand, threat or accusation
    return Attribution(
        source_text=source.text,
        start=source.start,
        end=source.end,
        cue=fr.cue,
        source=source.name or source.text,
        country=source.country,
        sector=source.sector,
        cue_start=fr.cue_start,
        cue_end=fr.cue_end,
    )


def _same(a: ActorRef, b: ActorRef) -> bool:
    return (a.start, a.end) == (b.start, b.end) or (a.start <= b.start and b.end <= a.end)
