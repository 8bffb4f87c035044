"""Reading who did what to whom off a dependency parse.

Every function takes spaCy tokens and returns tokens or token spans; nothing here knows
about countries or event categories.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# The spacing of the running text a pre-tokenised doc was cut from, one flag a token
# (`newsevents.nlp.pretokenised` sets it).
RUNNING_SPACING = "newsevents_running_spacing"


def space_after(token: Token) -> bool:
    """Whether a space follows `token` in running text: its own spacing, or in a
    pre-tokenised doc the spacing of the text it was cut from ("Iranian - backed" is one
    word there)."""
    running = token.doc.user_data.get(RUNNING_SPACING)
    if running is None or len(running) != len(token.doc):
        return bool(token.whitespace_)
    return bool(running[token.i])


SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj"}
RECIPIENT_PREPS = {
    *("with", "on", "against", "to", "at", "upon", "toward", "towards", "into", "for", "behind")
}
ALL_PREPS = frozenset({*RECIPIENT_PREPS, "in", "of", "by", "from", "near", "over", "about"})
NEGATION_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
_CLIMB_DEPS = {"conj", "xcomp", "advcl", "ccomp", "acomp"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
# Relations through which a trigger is part of a larger act coded at its governor
# ("refused to ease", "urged X to stop", "accused X of attacking", "met to discuss").
NESTED_DEPS = {"xcomp", "pcomp", "ccomp", "acl", "prep", "pobj", "dobj", "conj", "advcl"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM"}
TEMPORAL_LABELS = {"DATE", "TIME"}
# without "may" and "march", which name people and protests as often as months
_MONTHS = [
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
TEMPORAL_WORDS = frozenset(_MONTHS) | frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "month",
        "year",
        "weekend",
        "morning",
        "evening",
        "night",
    ]
)
ENTITY_LABELS = {"PERSON", "NORP", "GPE", "ORG", "LOC", "FAC"}
_EDGE_PUNCT = {",", ";", ":", "-", "—", "–", "(", ")", '"', "“", "”", "'", "’"}


def nesting_governor(token: Token, triggers: set[int], max_hops: int = 4) -> Token | None:
    """The trigger this one is nested inside, if any (see NESTED_DEPS)."""
    current = token
    for _ in range(max_hops):
        if current.dep_ not in NESTED_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "advcl" and has_own_subject(current):
            return None  # a finite clause ("after X attacked") is its own event
        if current.dep_ == "conj":
            current = current.head
            continue
        current = current.head
        if current.i in triggers:
            return None if misread_condition(current) else current
    return None


_FAILURES = frozenset({"failure", "inability"})


# Verbs of belief and expectation: what they govern under a negation is not told as done.
_EXPECTING = frozenset({"expect", "believe", "think", "anticipate", "foresee", "see"})


# Nouns that, with "no", rule out the act in their clause: "there was *no indication*
# that Russia was preparing to ...", "had *no intention* of switching recognition".
_SIGNS = frozenset(
    {"indication", "sign", "evidence", "suggestion", "proof", "intention", "plan", "intent"}
)
_NESTED = frozenset({"pcomp", "xcomp", "acl"})


def _ruled_out(token: Token) -> bool:
    """An act inside the clause of "no indication", "no sign", "no intention": none
    happened or is meant."""
    for current in itertools.islice(token.ancestors, 5):
        if current.pos_ == "NOUN" and current.lemma_.lower() in _SIGNS:
            return any(c.dep_ == "det" and c.lower_ == "no" for c in current.children)
        in_a_noun = current.dep_ in ("ccomp", "advcl", "relcl") and current.head.pos_ == "NOUN"
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in _NESTED and not in_a_noun:
            return False  # a clause of its own (not one the parse hung on the noun)
    return False


def is_negated(token: Token) -> bool:
    """True when the trigger, or the verb it shares a subject with, carries a negation or
    has a "no" subject ("no group claimed"), or it completes a negated noun ("no plans to
    resign")."""
    if token.dep_ in ("acl", "xcomp", "advcl") and any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.head.children
    ):
        return True  # (also "no plans *for Putin to meet* ...", its subject given by "for")
    if (
        token.dep_ in ("ccomp", "xcomp")
        and token.head.lemma_.lower() in _EXPECTING
        and any(c.dep_ == "neg" for c in token.head.children)
    ):
        return True  # "did *not expect* Gazprom *to restart* deliveries", "did not believe
        # Russia *intended* to attack"
    if _ruled_out(token):
        return True  # "there was *no indication that* Russia was preparing to ..."
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True  # "ended *without* parliament *agreeing* on a successor"
    if any(
        c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in token.children
    ):
        return True  # "she *offered no* timeline", "gave no details"
    if token.dep_ == "acl" and token.head.lemma_.lower() in _FAILURES and is_infinitive(token):
        return True  # "furious at the *failure* of police *to halt* the attacks"
    current = token
    for _ in range(3):
        if any(
            (c.dep_ == "neg" or c.lower_ in ("not", "n't", "never")) and not _not_only(c)
            for c in current.children
        ):
            return True
        if any(
            _nobody(c) for c in current.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        ):
            return True  # "*No group* has claimed ...", "*nobody* was hurt"
        if current.dep_ != "conj" or has_own_subject(current):
            return False
        current = current.head
    return False


def _not_only(neg: Token) -> bool:
    """ "will *not only* lift the ban but also ...": an addition, not a negation."""
    doc = neg.doc
    return neg.i + 1 < len(doc) and doc[neg.i + 1].lower_ in ("only", "just", "merely")


def _nobody(subject: Token) -> bool:
    if subject.lower_ in ("nobody", "none", "noone"):
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True  # "no one"
    # the "no" may sit on a modifier the parse made the head of it: "*no* tsunami warning"
    doc = subject.doc
    return any(
        c.dep_ == "det"
        and c.lower_ in ("no", "neither")
        and not (c.i + 1 < len(doc) and doc[c.i + 1].text == "-")  # not "a *no*-confidence vote"
        for c in subject.subtree
        if c.i < subject.i and (c.head.i == subject.i or c.head.dep_ in ("compound", "nsubj"))
    )


MODAL_MODALITY = {
    "could": "hypothetical",
    "might": "hypothetical",
    "may": "hypothetical",
    "would": "future",
    "should": "hypothetical",
    "will": "future",
    "shall": "future",
    "'ll": "future",
}


def modal_of(token: Token) -> str | None:
    """`hypothetical` or `future` from a modal auxiliary on the verb or the verb it
    shares a subject with ("could be preparing", "will meet")."""
    if _planned(token):
        return "future"
    aux = modal_aux(token)
    return None if aux is None else MODAL_MODALITY[aux.lower_]


def modal_aux(token: Token) -> Token | None:
    """The modal auxiliary ("could", "will") on the verb or the verb it shares a subject
    with."""
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "aux" and child.lower_ in MODAL_MODALITY:
                return child
        if causative(current):
            current = current.head  # "he *would have* them killed"
            continue
        if current.dep_ not in ("conj", "xcomp") or has_own_subject(current):
            return None
        current = current.head
    return None


# Modals of a possibility, not of a decision ("could", not "will").
_POSSIBLE = frozenset({"could", "might", "may"})


def possible_if(verb: Token) -> bool:
    """An act that *could* follow a condition: "the EU *could impose* sanctions on Minsk
    *if* it continues ...", "Washington *might* ... *should* the vote fall short" (not
    "will impose ... if", a decision, nor "unless", an ultimatum)."""
    aux = modal_aux(verb)
    if aux is None or aux.lower_ not in _POSSIBLE:
        return False
    return any(conditions_of(v, {"if"}) for v in [verb, *verb.conjuncts])


def undecided(verb: Token) -> bool:
    """An act in a "whether" clause, still open: "no decision on *whether* missiles will
    be *supplied*", "considering whether *to leave* the court"."""
    current = verb
    for _ in range(4):
        if any(c.dep_ in ("mark", "advmod") and c.lower_ == "whether" for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        if current.dep_ == "conj" and current.tag_ in ("VBD", "VBZ"):
            return False  # "debated whether to expel the envoy and *voted* to recall ..."
        current = current.head
    return False


def counterfactual(verb: Token) -> bool:
    """An act that would have happened but did not: "*had* the truce collapsed, troops
    *would have resumed* ground operations"."""
    aux = modal_aux(verb)
    by_then = any(  # "*by Friday* the army would have deployed ...": a projection
        c.dep_ == "prep" and c.lower_ == "by" and any(is_temporal(g) for g in c.children)
        for c in verb.children
    )
    return (  # (not "hackers *may have launched* attacks": a past act not yet sure)
        aux is not None
        and aux.lower_ == "would"
        and aux.head.i == verb.i
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
        and not by_then
    )


def _planned(verb: Token) -> bool:
    """An act announced with "be to": "the deal *is to be signed* on Thursday", "the
    leaders *are to meet*" (a headline's "Turkey *to expel* envoy" reports the act itself,
    decided)."""
    return is_infinitive(verb) and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be"


def _own_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


_CAUSATIVES = frozenset({"have", "get"})


def causative(verb: Token) -> bool:
    """A participle an actor says it would have others do: "would *have* them *killed*";
    not what one suffers ("*had* his home *raided* by police", "had their phones
    confiscated"): that reading has no modal, or an agent, or the subject's own thing."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("ccomp", "xcomp"):
        return False
    have = verb.head
    if have.lemma_.lower() not in _CAUSATIVES or not any(
        c.dep_ == "aux" and MODAL_MODALITY.get(c.lower_) == "future" for c in have.children
    ):
        return False
    done_to = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    owned = any(g.dep_ == "poss" for c in done_to for g in c.children)
    return bool(done_to) and not owned and not any(c.dep_ == "agent" for c in verb.children)


def suffered(verb: Token) -> bool:
    """A participle after "have" that the subject suffers: "*had* his home *raided* by
    police", "had their phones *confiscated*" (see `causative` for the other reading)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("ccomp", "xcomp")
        and verb.head.lemma_.lower() in _CAUSATIVES
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not causative(verb)
    )


_CONDITIONS = frozenset({"if", "unless", "lest"})


def misread_condition(verb: Token) -> bool:
    """A condition the parse made the root, with the main clause hung under it: "X
    threatened to walk out of talks *unless* air strikes *stopped*"."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "nsubj")]  # (or on its subject)
    marked = any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for h in heads for c in h.children)
    # or put by inversion: "pledged to strike Haifa *should Israel attack* Beirut"
    return (
        verb.dep_ == "ROOT"
        and (marked or _inversion_aux(verb) is not None)
        and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)
    )


def is_conditional(token: Token) -> bool:
    """The verb heads a condition, or shares its subject with one: "*if* the council cuts
    its funding", "*unless* the army withdraws and apologises"."""
    if misread_condition(token):
        return True
    current = token
    for _ in range(4):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in current.children
        ):
            return True
        if current.dep_ == "advcl" and _inverted_condition(current):
            return True
        if current.dep_ == "ccomp" and _opening_inversion(current):
            return True  # "*Should Serbia recognise* Kosovo, its path ... would be easier"
        if current.dep_ == "xcomp":
            current = current.head  # "if Washington *moved to halt* exports"
            continue
        if current.dep_ != "conj" or has_own_subject(current):
            return False
        current = current.head
    return False


# Words for a charge someone answers: "..., *a charge* Kigali denies".
_ACCUSING = frozenset({"blame", "accuse", "charge", "allege", "claim", "say", "hold"})


def afterthought(verb: Token) -> bool:
    """The verb of a comment appended to the news, which the parse made the root with the
    news as its complement: "Congo blamed Rwanda for the attack, *a charge Kigali has
    dismissed*". The comment is background; the news before it stands on its own."""
    if verb.dep_ != "ROOT":
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    # (the parse may make the answering party the subject: "an allegation *Abu Dhabi* has
    # dismissed", the charge compounded on it)
    words = [subject, *(c for c in subject.lefts if c.dep_ in ("compound", "amod"))]
    charge = any(w.lemma_.lower() in _CHARGE_NOUNS for w in words)
    # or on the act itself: "the junta rescinded the ban, *a move the opposition had
    # sought*"
    move = any(w.lemma_.lower() in _MOVE_NOUNS for w in words)
    if not (charge or move):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return False
    return any(
        c.dep_ == "ccomp" and c.i < subject.i and (move or c.lemma_.lower() in _ACCUSING)
        for c in verb.children
    )  # (not "Rwanda *backs* the rebels, a charge Kigali denies": the act is what is denied)


# What a comment calls the act it follows: "..., *a move* the opposition had sought".
_MOVE_NOUNS = frozenset({"move", "step", "decision", "measure"})


def _inversion_aux(verb: Token) -> Token | None:
    """The verb's "should", "were" or "had" before its subject, if any: the auxiliary of
    a condition put by inversion ("*should* Israel attack", "*were* Iran to ...")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _INVERTING and c.i < subject.i
        ),
        None,
    )


_INVERTING = frozenset({"should", "were", "had"})


def _opening_inversion(verb: Token) -> bool:
    """A clause that opens the sentence with "Should", "Were" or "Had" before its subject
    and is no question: a condition the parse took for a complement."""
    sent = verb.sent
    return (
        _inverted_condition(verb)
        and verb.left_edge.i == sent.start
        and sent[-1].text != "?"
        and any(t.text == "," for t in verb.subtree)
    )


def _inverted_condition(clause: Token) -> bool:
    """A condition put by inversion, its auxiliary first: "*should* Washington join the
    strikes", "*were* Israel to attack"."""
    aux = _inversion_aux(clause)
    return aux is not None and aux.i == clause.left_edge.i


# Nouns of asking: the act they ask for is not done ("calls *to resign*").
APPEAL_NOUNS = frozenset(
    {"call", "demand", "appeal", "request", "plea", "pressure", "ultimatum", "order"}
)


def is_asked_for(token: Token) -> bool:
    """An act a call or demand asks for: "brushed aside calls *to resign*"."""
    return (
        token.dep_ in ("acl", "relcl")
        and token.head.lemma_.lower() in APPEAL_NOUNS
        and is_infinitive(token)
    )


def conditions_of(verb: Token, marks: AbstractSet[str] = _CONDITIONS) -> list[Token]:
    """The verb's condition clauses: "*if* X", "*unless* Y" (those of `marks`), and
    "*should* Z happen"."""
    found = list(condition_clauses(verb, marks))
    return found + [c for c in verb.children if c.dep_ == "advcl" and _inverted_condition(c)]


def of_chain(noun: Token) -> list[Token]:
    """The noun's "of" objects and theirs: "a shipment *of 40 tonnes of supplies*", "a
    convoy *of aid trucks*"."""
    first = list(prep_objects(noun, {"of"}))
    return first + [o for f in first for o in prep_objects(f, {"of"})]


def is_condition(clause: Token) -> bool:
    """The clause is a condition of the verb it hangs on (one of its `conditions_of`)."""
    return clause.dep_ == "advcl" and (
        any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in clause.children)
        or _inverted_condition(clause)
    )


def condition_clauses(verb: Token, marks: AbstractSet[str]) -> Iterator[Token]:
    """The verb's adverbial clauses opened by one of `marks` ("*unless* X pays", "*if* Y")."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in marks for m in child.children
        ):
            yield child


def put_to_another(verb: Token, is_party: Callable[[Token], bool]) -> bool:
    """The act hangs on an "if", "unless" or "lest" clause about another party than its
    own subject: "could suspend its budget support *unless the government of
    President X* restores ...", "*if Washington* tried to topple ..."."""
    own, _ = find_subject(verb)
    for clause in (c for v in [verb, *verb.conjuncts] for c in condition_clauses(v, _CONDITIONS)):
        subject, _ = find_subject(clause)
        if subject is None or subject.pos_ == "PRON" or not is_party(subject):
            continue  # a party, not "*if the talks* fail" or "if *it* rains"
        if own is None or subject.lemma_.lower() != own.lemma_.lower():
            return True
    return False


def unless_clauses(clause: Token) -> list[Token]:
    """The "unless" clauses of a clause, of its conjuncts or of its infinitive ("will face
    *escalating* tariffs unless ...")."""
    verbs = [clause, *clause.conjuncts, *(c for c in clause.children if c.dep_ == "xcomp")]
    return [c for v in verbs for c in condition_clauses(v, {"unless"})]


def has_unless(token: Token) -> bool:
    """The verb, or a verb it is conjoined with, has an "unless" clause of its own."""
    return any(
        next(condition_clauses(v, {"unless"}), None) is not None for v in [token, *token.conjuncts]
    )


def is_given_time(token: Token) -> bool:
    """An act someone is given time for: "72 hours *to surrender*", demanded, not done."""
    head = token.head  # (the time by its words too: "24 hours" is no entity to every parse)
    timed = is_temporal(head) or head.lemma_.lower() in SPANS_OF_TIME
    return token.dep_ in ("acl", "relcl") and timed and is_infinitive(token)


READINESS_WORDS = frozenset(
    [
        "ready",
        "willing",
        "prepared",
        "eager",
        "keen",
        "poised",
        "set",
        "plan",
        "intend",
        "prepare",
        "consider",
        "mull",
        "weigh",
        "contemplate",
        "ponder",
        "explore",
        "aim",
        "expect",
        "propose",
        "threaten",
        "schedule",
        "slate",
        "due",
        "commit",  # ("decided to ease sanctions" is the act itself, as news labels it)
    ]
)


# Nouns of an act held out, completed by an infinitive: "unveiled *plans* to attack".
INTENT_NOUNS = frozenset(
    {"plan", "intention", "proposal", "threat", "readiness", "willingness", "offer"}
    | {"pledge", "promise", "vow", "commitment", "plot", "scheme", "conspiracy"}
)


def _infinitive_of_intent(verb: Token) -> bool:
    return (
        verb.dep_ in ("acl", "relcl")
        and is_infinitive(verb)
        and verb.head.lemma_.lower() in INTENT_NOUNS
    )


# Readiness that is only deliberation: CAMEO 014, consider a policy option.
CONSIDERING_WORDS = frozenset({"consider", "mull", "weigh", "contemplate", "ponder", "explore"})


def is_considered(token: Token) -> bool:
    """An act a party is weighing, not yet intending: "is considering *sending* aid"."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in CONSIDERING_WORDS


def is_readied(token: Token) -> bool:
    """ "ready to host", "plans to impose", "is considering sending", "unveiled plans *to
    attack*": an act held out."""
    if _infinitive_of_intent(token):
        return True
    if token.dep_ == "advcl" and is_infinitive(token):
        # "declared itself *ready* on Sunday *to enter* talks": the parse hung the
        # infinitive on the word of readiness as a clause, or on the verb beside it
        return token.head.lower_ in READINESS_WORDS or any(
            c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lower_ in READINESS_WORDS
            for c in token.head.children
        )
    if token.dep_ != "xcomp":
        return False
    head = token.head
    return head.lemma_.lower() in READINESS_WORDS or head.lower_ in READINESS_WORDS


def is_intended(token: Token, modality: str) -> bool:
    """An act the actor says it will do: a future modal or readiness, not speculation
    ("could be preparing to conduct a test" is a hypothetical test, not a threat)."""
    modal = modal_of(token)
    return modal == "future" or (modal is None and is_readied(token))


def in_subordinate_clause(token: Token) -> bool:
    """True inside a finite adverbial clause ("..., as police *cracked down*"): background
    to the main clause's news."""
    current = token
    for _ in range(8):
        if current.dep_ == "advcl" and has_own_subject(current):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


# Spans of time counted out ("48 hours", "*days* after"); an ultimatum gives the shorter ones.
SPANS_OF_TIME = frozenset({"hour", "day", "week", "month", "minute"})
_TIME_UNITS = SPANS_OF_TIME | {"year", "decade"}


_TIME_CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp"})


def in_time_before(token: Token) -> bool:
    """Inside a clause placed in time against the news ("..., *days after* Riyadh cut ties",
    "*a day after* militants killed 26 people"): context for the main event."""
    if token.dep_ == "pcomp" and token.head.lower_ in ("after", "before", "since"):
        return True  # "Erdogan said *after meeting* Sudan's army chief"
    current = token
    for _ in range(4):
        marks = {c.lower_ for c in current.children if c.dep_ == "mark"}
        spanned = any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in current.children
        )
        if marks & {"after", "before", "since"} and (spanned or current.dep_ == "advcl"):
            return True  # (also without a span of time: "..., *after* missiles struck X")
        if current.head.i == current.i or current.dep_ not in _TIME_CLIMB:
            return False
        if current.dep_ == "ccomp" and current.head.dep_ == "ROOT":
            return False  # (what the sentence reports, if the parse made "after" its root)
        current = current.head
    return False


def depth(token: Token) -> int:
    """Head hops from the token to its sentence's root."""
    hops = 0
    while token.head.i != token.i and hops < 20:
        token = token.head
        hops += 1
    return hops


def has_own_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in token.children)


def _colon_label(subject: Token) -> bool:
    """A subject a colon follows, with another subject of the same verb after it: the
    label of a headline ("*Ecuador*: Noboa orders 5,000 soldiers ...")."""
    end = max(t.i for t in subject.subtree if not t.is_punct) + 1  # (the parse may hang
    # the colon on the label)
    if end >= len(subject.doc) or subject.doc[end].text != ":":
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.i > end for c in subject.head.children)


def find_subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether the verb is passive.

    Follows shared subjects through coordination ("met X but refused"), control
    ("agreed to cooperate"), participles ("insisting ...") and relative clauses.
    """
    if passive_described(verb) is not None:
        # "aid workers *abducted* near Dadaab were released": the participle's "subject"
        # undergoes it
        return next(c for c in verb.children if c.dep_ == "nsubj"), True
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and _colon_label(child):
                continue  # "Ecuador*:* Noboa orders ...": the headline's label, then its subject
            if child.dep_ == "csubj" and any(c.dep_ == "nsubj" for c in current.children):
                continue  # "*Citing* security concerns, the ministry shut ...": the parse
                # took the opening participle for a clausal subject beside the real one
            if child.dep_ in SUBJECT_DEPS:
                # "the deal is *to be signed* by X": the subject of "is" undergoes it
                planned_passive = current.i != verb.i and _planned(verb) and _own_passive(verb)
                # "rebels attacked the town and *were repelled* by the army": a verb in
                # coordination with a passive of its own undergoes it
                # (also "died in custody after *being tortured* by guards")
                conj_passive = verb.dep_ in ("conj", "pcomp", "advcl") and _own_passive(verb)
                return resolve_relative(child), planned_passive or conj_passive
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                # "X is expected / was forced *to travel*": X does the complement's act;
                # "X was arrested and *charged*": a participle in coordination shares
                # the passive
                return resolve_relative(child), current.i == verb.i or _shares_passive(
                    verb, current
                )
        if _infinitive_of_noun(current):
            current = current.head.head.head  # "sent teams *in a rush to investigate*": the
            continue  # clause's subject acts, not "a rush"
        if current.i == verb.i:
            reduced = reduced_relative(verb)
            if reduced is not None:  # "three politicians *jailed* over the unrest were
                # pardoned": the participle's "subject" is the passive's
                return next(c for c in reduced.children if c.dep_ == "nsubj"), True
            misread = _misread_subject(verb)
            if misread is not None:
                return misread, False
        if current.dep_ in ("relcl", "acl") and current.head.pos_ in NOMINAL_POS:
            if is_given_time(current):
                # "giving the Front 72 hours *to surrender*": the one given the time acts
                given = (c for c in current.head.head.children if c.dep_ == "dative")
                return next(given, None), False
            if _infinitive_of_intent(current):
                noun = current.head  # "Iran's *plans* to attack": Iran's
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is not None and owner.pos_ == "PRON" and noun.dep_ == "dobj":
                    owner = None  # "Hezbollah repeated *its* threat": the clause's subject
                if owner is not None or noun.dep_ != "dobj":
                    return owner, False
                current = noun.head  # "Iran unveiled *plans* to attack": the verb's subject
                continue
            return current.head, current.tag_ == "VBN" and not active_participle(current)
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "... by *donating* supplies": the clause's verb
            continue
        if current.dep_ not in _CLIMB_DEPS or current.head.i == current.i:
            return None, False
        if current.dep_ == "xcomp":
            controller = object_of(current.head)
            if controller is not None and controller.i < current.i:
                return controller, False  # "urged *Iran* to ...", not "began ..., *a boost*"
        current = current.head
    return None, False


# Named entities that can act; a name the tagger read as an adverb is still one.
_ACTING_ENTITIES = frozenset({"ORG", "GPE", "NORP", "PERSON"})


def reduced_relative(verb: Token) -> Token | None:
    """A participle describing the subject of a passive verb, which the parse read as a
    clause with that subject, leaving the verb without one: "Three politicians *jailed*
    over the unrest were pardoned by the president". Returns the participle."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    head = verb.head
    if (
        verb.dep_ in ("ccomp", "conj")
        and head.i < verb.i
        and head.tag_ in ("VBD", "VBN")
        and any(g.dep_ == "nsubj" and g.i < head.i for g in head.children)
        and not any(g.dep_ in ("aux", "auxpass", "dobj", "mark") for g in head.children)
        # (no comma or "and" between: "were arrested *and* charged" is a coordination)
        and not any(t.is_punct or t.dep_ == "cc" for t in verb.doc[head.i + 1 : verb.i])
    ):
        return head  # or the participle read as the root, the passive as its clause: "aid
        # workers *abducted* near Dadaab in March were released by al-Shabaab"
    for c in verb.children:
        if (
            c.dep_ == "ccomp"
            and c.i < verb.i
            and c.tag_ == "VBN"
            and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children)
            and not any(g.dep_ in ("aux", "auxpass") for g in c.children)
        ):
            return c
    return None


def passive_described(participle: Token) -> Token | None:
    """The passive verb the parse hung on a participle that describes its subject (the
    reverse shape of `reduced_relative`): "aid workers *abducted* near Dadaab were
    released"."""
    return next(
        (
            c
            for c in participle.children
            if c.dep_ in ("ccomp", "conj") and reduced_relative(c) == participle
        ),
        None,
    )


def describes_passive_subject(participle: Token) -> bool:
    """The participle describes the subject of a passive, in either shape the parse gives:
    "politicians *jailed* over the unrest were pardoned"."""
    if participle.dep_ == "ccomp" and reduced_relative(participle.head) == participle:
        return True
    return passive_described(participle) is not None


def _misread_subject(verb: Token) -> Token | None:
    """A name before a verb with no subject, read as its modifier: "*USAID* had announced
    ..." tagged as an adverb. The name is the subject."""
    opened = _subject_in_opening(verb)
    if opened is not None:
        return opened
    if verb.pos_ in ("NOUN", "PROPN"):  # a headline's verb read as a noun: "*Morocco*
        # severs ties with Iran", the words before it compounded on it
        before = [
            c
            for c in verb.lefts
            if c.dep_ in ("compound", "nmod", "amod") and c.pos_ in NOMINAL_POS
        ]
        if before:
            return before[-1]
    for child in verb.lefts:
        if child.dep_ in ("advmod", "npadvmod", "dep") and (
            child.ent_type_ in _ACTING_ENTITIES
            or _acronym(child)
            or (child.pos_ == "PROPN" and child.i == verb.i - 1)  # "Indian PM *Modi* congratulates"
        ):
            return child
    return None


def _subject_in_opening(verb: Token) -> Token | None:
    """A subject the parse hung on an opening phrase as its apposition: "In a rare move for
    an incumbent African leader, *Nigerian President Goodluck Jonathan* conceded defeat",
    "At a White House ceremony on Tuesday, *Israel*, the UAE and Bahrain signed ..."."""
    for child in verb.lefts:
        if child.dep_ not in ("prep", "advcl", "npadvmod"):
            continue
        for tok in child.subtree:
            before = tok.left_edge.i - 1
            if (
                tok.dep_ in ("appos", "conj")  # (or a conjunct: "talks in Khartoum, *Sudan's
                # generals* and the opposition signed")
                and tok.pos_ in ("PROPN", "NOUN")
                and before >= 0
                and tok.doc[before].text == ","
                and _last_before(tok, verb)
            ):
                return tok
    return None


def _last_before(tok: Token, verb: Token) -> bool:
    """The phrase of `tok` (with its conjuncts) runs up to the verb."""
    end = max([tok.right_edge.i, *(c.right_edge.i for c in tok.conjuncts if c.i > tok.i)])
    between = tok.doc[end + 1 : verb.i]
    return all(t.pos_ in ("ADV", "AUX", "PART") or t.dep_ == "neg" for t in between)


def _acronym(token: Token) -> bool:
    """An all-capital word of two or more letters: "USAID", "ICE"."""
    return len(token.text) > 1 and token.text.isalpha() and token.text.isupper()


def active_participle(verb: Token) -> bool:
    """A participle read as a reduced relative that is the main verb after all:
    - it has its own direct object ("The air force *carried out* strikes");
    - a regular past form after the sentence's root noun with an article, no finite verb
      anywhere, completed by a preposition ("A congressional report *called for*
      sanctions"): "-ed" is also the past tense. A headline's "Five protesters *killed* in
      Baghdad" or a caption's "A protester detained by police" stays passive."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return True
    noun = verb.head
    if _intent_before_infinitive(verb):
        return True
    return (
        verb.dep_ == "acl"
        and verb.lower_.endswith("ed")
        and noun.dep_ == "ROOT"
        and noun.i < verb.i
        and any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "the")) or c.dep_ == "poss"
            for c in noun.children
        )  # (or a possessor: "Iraq's foreign minister *conferred* ...")
        and not any(
            c.dep_ in ("aux", "auxpass") or (c.dep_ == "agent" and not _by_means(c))
            for c in verb.children
        )
        # a complement, not a caption's place or cause ("A man *wounded in* a strike")
        and (
            any(c.dep_ == "prep" and c.lower_ in _COMPLEMENT_PREPS for c in verb.children)
            or _called_on_to(verb)
        )
    )


def _called_on_to(verb: Token) -> bool:
    """ "*called on* X *to halt* ...": an appeal, whose "on" is no place or day."""
    return (
        verb.lemma_.lower() == "call"
        and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
        and any(c.dep_ in ("xcomp", "advcl") and is_infinitive(c) for c in verb.children)
    )


# Verbs of intent that take an infinitive ("threatened *to call* a strike").
_INTENT_VERBS = frozenset(
    {"threaten", "vow", "pledge", "promise", "agree", "refuse", "decide", "offer", "plan"}
)


def misplaced_complements(verb: Token) -> list[Token]:
    """The infinitive a verb of intent takes when the parse hung both on the root noun
    ("unions *threatened* on Monday *to call* a strike"): part of the verb's act."""
    if not _intent_before_infinitive(verb):
        return []
    return [
        c
        for c in verb.head.children
        if c.dep_ in ("acl", "relcl", "advcl") and c.i > verb.i and is_infinitive(c)
    ]


def _intent_before_infinitive(verb: Token) -> bool:
    """A verb of intent after the sentence's root noun, with the infinitive it takes hung on
    that noun too: "Nigeria's main labour *unions* *threatened* on Monday *to call* a strike"
    (no finite verb anywhere; the "-ed" is the past tense)."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "ROOT" or verb.lemma_.lower() not in _INTENT_VERBS:
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return False
    return any(
        c.dep_ in ("acl", "relcl", "xcomp", "advcl") and c.i > verb.i and is_infinitive(c)
        for c in [*noun.children, *verb.children]
    )


# Prepositions that complete a verb ("called *for*", "appealed *to*"), not adjuncts.
_COMPLEMENT_PREPS = frozenset({"for", "to", "with", "against", "upon"})


def infinitives_on(noun: Token) -> list[Token]:
    """The infinitives completing a noun: "a deadline *to behead* a hostage"."""
    return [c for c in noun.children if c.dep_ in ("acl", "relcl") and is_infinitive(c)]


def is_infinitive(verb: Token) -> bool:
    """A verb with its infinitive marker: "*to* attack"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _infinitive_of_noun(verb: Token) -> bool:
    """An infinitive completing an abstract noun that is itself the object of a preposition
    ("in a rush *to investigate*", "in an effort *to help*"): no subject of its own."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and is_infinitive(verb)
        and noun.pos_ == "NOUN"
        and noun.dep_ == "pobj"
        and noun.head.head.pos_ in ("VERB", "AUX")
        and noun.head.head.i != verb.i
    )


def _shares_passive(verb: Token, passive: Token) -> bool:
    """A bare past participle coordinated with a passive verb: "were beaten, *injured*"."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    current = verb
    while current.dep_ == "conj" and current.i != passive.i:
        current = current.head
    return current.i == passive.i


def resolve_relative(token: Token) -> Token:
    """Map a relative pronoun ("which", "who") to the noun it stands for."""
    if token.lower_ not in RELATIVE_PRONOUNS:
        return token
    current = token
    for _ in range(4):
        if current.dep_ == "relcl":
            return current.head
        if current.head.i == current.i:
            break
        current = current.head
    return token


def find_agent(verb: Token) -> Token | None:
    """The "by X" agent of a passive verb, also where the parse hung it on the object of
    the verb's preposition ("supplied to the rebels *by Iran*")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj" and not _by_means(child) and not is_temporal(grand):
                    return grand  # (not "conferred *by telephone*", "withdrawn *by Sept. 11*")
    if not _is_passive(verb):
        return None
    nouns = [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # "was promised *loans* by X"
    for noun in nouns + objects:
        for by in noun.children:
            if _misplaced_agent(noun, by):
                return next((g for g in by.children if g.dep_ == "pobj"), None)
    for obj in objects:  # deeper: "was promised loans *worth $10 billion by* China"
        for by in obj.subtree:
            # (not the agent of a participle inside: "given weapons *seized by the army*")
            if by.dep_ == "agent" and by.lower_ == "by" and by.head.tag_ != "VBN":
                return next((g for g in by.children if g.dep_ == "pobj"), None)
    for noun in nouns:  # deeper in the phrase of what it was called: "was hailed *as* a
        # partner in the fight against terrorism *by Russian Foreign Minister Sergei Lavrov*"
        # (not "in response to the invasion of Ukraine *by Russia*": that act's doer)
        if noun.head.lower_ != "as":
            continue
        for by in noun.subtree:
            if by.lower_ == "by" and by.dep_ in ("prep", "agent") and _nominal_path(by, verb):
                named = (
                    g
                    for g in by.children
                    if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in _ACTING_ENTITIES)
                )
                found = next(named, None)
                if found is not None:
                    return found
    for conj in verb.children:
        # "was stormed and set ablaze *by protesters*": the agent of both verbs
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not has_own_subject(conj):
            found = find_agent(conj)
            if found is not None:
                return found
    return None


# How something is done or sent, after "by": a means, never an agent.
_MEANS = frozenset(
    {"telephone", "phone", "video", "videoconference", "videolink", "link", "letter", "email"}
    | {"mail", "post", "satellite", "radio", "road", "air", "sea", "land", "bus", "train"}
    | {"plane", "helicopter", "boat", "ship", "car", "decree", "vote"}
)


def _by_means(agent: Token) -> bool:
    """ "*by telephone*", "*by road*": how it was done, not who did it (a bare word: not "by
    the Washington *Post*", "by a *majority* of lawmakers")."""
    return any(
        g.dep_ == "pobj"
        and g.lemma_.lower() in _MEANS
        and g.pos_ != "PROPN"
        and not any(c.dep_ in ("det", "poss", "prep") for c in g.children)
        for g in agent.children
    )


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _nominal_path(token: Token, verb: Token) -> bool:
    """Only nouns and prepositions lie between the token and the verb (no clause of its
    own: not "partners *backed by* Russia")."""
    current = token.head
    while current.i != verb.i:
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return False
        current = current.head
    return True


def _misplaced_agent(noun: Token, by: Token) -> bool:
    """A "by" phrase naming a party, on the object of a passive verb's preposition or on
    its second object ("was promised loans *by China*")."""
    if by.dep_ not in ("prep", "agent") or by.lower_ != "by" or by.i < noun.i:
        return False
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if noun.dep_ not in ("pobj", "dobj") or not _is_passive(verb):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    instrument = noun.head.lower_ == "with"  # "beaten *with pipes* by militants"
    return any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in _ACTING_ENTITIES or instrument)
        for g in by.children
    )


def object_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS and child.pos_ in NOMINAL_POS:
            return child
    return None


# Verbs that let someone do or go: their object may be parsed as a clause of its own.
_LETTING = frozenset({"let", "allow", "permit"})


def small_clause(child: Token) -> tuple[Token, Token] | None:
    """The object of a verb that the parse read as a clause, and the word its goal hangs
    on: of any verb, the subject of a participle after it ("accept *refugees* fleeing
    the war"); of a verb of letting, "let UN *monitors* into the district" (the noun as
    the clause), "let *inspectors back* into the country" (the noun as the subject of
    "back")."""
    if child.dep_ != "ccomp":
        return None
    subject = _participle_subject(child)
    if subject is not None:  # (its goal hangs on the participle: "carrying food *into* ...")
        return subject, child
    if child.head.lemma_.lower() not in _LETTING:
        return None
    if child.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("aux", "auxpass") or (c.dep_ == "nsubj" and c.i != child.i - 1)
        for c in child.children
    ):  # (a name before the noun may be read as its subject: "let *OSCE* monitors in")
        return child, child
    if child.pos_ == "ADV":
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            return subject, child
    return None


def _participle_subject(clause: Token) -> Token | None:
    """The object of a verb that the parse read as the subject of a participle after it:
    "will not accept *refugees* fleeing the violence" (a clause "refugees fleeing ..."
    where the participle describes the verb's object)."""
    verb = clause.head
    if clause.tag_ != "VBG" or any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.i < verb.i:
        return None
    return subject


def participle_object(verb: Token) -> Token | None:
    """The verb's object that the parse read as a participle's subject (see
    `_participle_subject`): "accepted *refugees* fleeing the war"."""
    clauses = (c for c in verb.children if c.dep_ == "ccomp")
    return next((found for c in clauses if (found := _participle_subject(c))), None)


def let_object(verb: Token) -> Token | None:
    """Who a verb of letting lets in, when the parse read them as a clause (see
    `small_clause`)."""
    return next((found[0] for c in verb.children if (found := small_clause(c))), None)


def shared_object(verb: Token) -> Token | None:
    """The object of the next verb the trigger shares its subject and object with: "clubbed
    and kicked *opposition supporters*", "*rammed* and boarded two navy boats"."""
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children):
        return None  # "pledged to work with China and has promoted ...": two acts
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and not has_own_subject(conj):
            own_aux = any(c.dep_ in ("aux", "auxpass") for c in conj.children)
            if own_aux or any(c.dep_ == "prep" for c in verb.children if c.i < conj.i):
                return None  # "marched to the square and *burned* flags": its own act
            return object_of(conj)
    return None


def misread_object(verb: Token) -> Token | None:
    """The object of a past tense with its own subject that the parse made a modifier of
    that object: "Mexico *extradited* drug kingpin Joaquin Guzman to ..." (where the goal
    hangs on the name; the name's phrase may hold the whole sentence, so it is no span)."""
    if (
        verb.dep_ != "amod"
        or verb.tag_ != "VBD"
        or not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return None
    noun = verb.head
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    return noun


def prep_objects(verb: Token, preps: AbstractSet[str] = RECIPIENT_PREPS) -> Iterator[Token]:
    """Objects of the verb's prepositions in `preps` ("met with X", "fired on X", also a
    dative "sent troops *to* X")."""
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    yield grand
        elif child.dep_ in ("advcl", "ccomp", "xcomp") and any(
            g.dep_ == "mark" and g.lower_ in preps and g.i == verb.i + 1 for g in child.children
        ):
            # the preposition read as the mark of an infinitive: "called for *Israel* to
            # withdraw"
            yield from (g for g in child.children if g.dep_ == "nsubj")


def prep_objects_of(verb: Token, word: str) -> list[Token]:
    """The verb's prepositions or particles spelt `word` ("out" in "pulled X *out* of Y")."""
    return [c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == word]


def complement_entities(verb: Token, exclude: set[int]) -> Iterator[Token]:
    """Named-entity heads inside the verb's complements, in text order."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"punct", "cc", "conj", "advcl"}:
            continue
        if child.lower_ == "according":
            continue  # "..., according to UN monitors": the source, not a party
        opening = child.dep_ == "prep" and child.i < verb.i and _opening_end(child) is not None
        for tok in child.subtree:
            if opening and not (tok.head.dep_ == "prep" and tok.head.lower_ in _PARTY_PREPS):
                continue  # "*In Kabul*, a bomber blew himself up": where, not whom (but "In
                # talks *with Hamas*, Egypt proposed ...")
            if tok.i in exclude or tok.ent_type_ not in ENTITY_LABELS:
                continue
            if tok.ent_iob_ == "B" or tok.is_sent_start:
                yield tok


_PARTY_PREPS = frozenset({"with", "to", "against"})


def in_opening_phrase(tok: Token, verb: Token) -> bool:
    """`tok` lies in a phrase opening the sentence before the verb, set off by a comma ("*At
    a White House ceremony*, Israel ... signed")."""
    return any(
        c.dep_ == "prep"
        and c.i < verb.i
        and (end := _opening_end(c)) is not None
        and c.left_edge.i <= tok.i < end
        for c in verb.children
    )


def _fronted(prep: Token) -> bool:
    """A phrase that opens the sentence, set off by a comma: "*In Kabul,* ..."."""
    end = prep.right_edge.i + 1
    return bool(prep.left_edge.is_sent_start) and end < len(prep.doc) and prep.doc[end].text == ","


def _opening_end(prep: Token) -> int | None:
    """The index of the comma that closes a phrase opening the sentence, if it is one (the
    parse may hang the subject after the comma on the phrase)."""
    if not prep.left_edge.is_sent_start:
        return None
    return next((t.i for t in prep.subtree if t.text == "," and t.i > prep.i), None) or (
        prep.right_edge.i + 1 if _fronted(prep) else None
    )


def sentence_ents(sent: Span) -> list[Span]:
    """The named entities inside a sentence, read off its own tokens (`Span.ents` walks
    the whole document's entities on every call)."""
    from spacy.tokens import Span as EntitySpan

    found: list[Span] = []
    start = None
    doc = sent.doc
    for tok in sent:
        if start is not None and tok.ent_iob_ != "I":
            found.append(EntitySpan(doc, start, tok.i, label=doc[start].ent_type_))
            start = None
        if tok.ent_iob_ == "B":
            start = tok.i
    if start is not None:
        found.append(EntitySpan(doc, start, sent.end, label=doc[start].ent_type_))
    return found


def entity_head(token: Token) -> Token:
    """The syntactic head of the named entity a token begins."""
    end = token.i + 1
    while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
        end += 1
    return token.doc[token.i : end].root


# Nouns that count people or things ("hundreds *of prisoners*"), named by their "of" phrase.
COUNT_NOUNS = frozenset(
    {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "scores", "number"}
    | {"group", "batch", "couple", "pair"}
)
# Shares of a whole and bodies of people, named by their "of" phrase ("most *of its
# sanctions*", "a *team of doctors*"); `COUNTING_HEADS` reads them the same way,
# and the lexicon's measures too.
SHARE_NOUNS = frozenset(
    {"most", "some", "all", "part", "rest", "many", "percent", "half", "bulk", "share", "portion"}
    | {"pct", "per"}  # "forgives 80 *pct* of Iraq's debt"
)
BODY_NOUNS = frozenset({"team", "contingent", "column"})


_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl"})
# Heads whose "of" phrase says who they are: "thousands *of Nigerians*", "members *of
# Hamas*", "some *of the rebels*" (the lexicon's counting nouns and more).
COUNTING_HEADS = (
    COUNT_NOUNS
    | SHARE_NOUNS
    | BODY_NOUNS
    | frozenset(
        {"score", "million", "member", "majority", "minority", "one", "none", "each", "both"}
        | {"few", "several", "lot", "handful", "band", "unit", "delegation", "convoy", "crowd"}
    )
)


def premodified(head: Token) -> list[Token]:
    """The phrase without the prepositional phrases and clauses attached after its head
    ("diplomatic ties", not "ties with El Salvador"; "accusations", not "accusations that
    *its military* ..."). The "of" phrase of a quantity stays ("thousands of Nigerians");
    that of a thing does not ("imports *of Egyptian* goods" names no party)."""
    keep_of = head.pos_ in ("NUM", "PRON") or head.lemma_.lower() in COUNTING_HEADS
    attached = {
        t.i
        for c in head.children
        if c.i > head.i
        and ((c.dep_ == "prep" and (c.lower_ != "of" or not keep_of)) or c.dep_ in _CLAUSE_DEPS)
        for t in c.subtree
    }
    return [t for t in head.subtree if t.i not in attached]


def conjuncts(head: Token) -> list[Token]:
    """The head and its nominal conjuncts ("China and Russia" -> [China, Russia])."""
    return [head, *[c for c in head.conjuncts if c.pos_ in NOMINAL_POS]]


def is_temporal(token: Token) -> bool:
    """A date or time word ("Tuesday", "last month", "on September 13")."""
    return token.ent_type_ in TEMPORAL_LABELS or token.lower_ in TEMPORAL_WORDS


def _is_temporal_modifier(child: Token) -> bool:
    if child.dep_ in ("npadvmod", "nmod", "compound") and is_temporal(child):
        return True
    if child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE_PREPS:
        return True  # "stabbed to death by inmates *during a riot*"
    if child.dep_ == "prep":
        objects = [g for g in child.children if g.dep_ == "pobj"]
        return bool(objects) and all(is_temporal(g) for g in objects)
    return False


# Prepositions that place an act in time or circumstance; they never name a party.
_CIRCUMSTANCE_PREPS = frozenset({"during", "amid", "amidst", "following", "despite"})


def _target_after_doer(head: Token, child: Token) -> bool:
    """A target or a thing done that the parse hung on the doer of an event noun: "an
    attack by *gunmen* on the convoy", "criticism by *the UN* of the crackdown"."""
    if child.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_) for g in child.children
    ):
        return False  # a name: "the EU Court *of Justice*", "residents *of Fukushima*"
    if head.ent_iob_ in ("B", "I") and all(
        t.ent_iob_ == "I" for t in head.doc[head.i + 1 : child.i + 2]
    ):
        return False  # inside the doer's name: "the Intergovernmental Authority *on* Development"
    return (
        child.i > head.i
        and child.dep_ == "prep"
        and child.lower_ in ("on", "against", "of", "to")
        and head.dep_ == "pobj"
        and head.head.lower_ == "by"
        and head.head.head.pos_ == "NOUN"
        and head.head.head.i < head.i
    )


def _members_listed(head: Token, child: Token) -> bool:
    """A list of members after a common noun: "*37 people*, including four journalists"
    (real news keeps a place after it: "villagers in Borno state")."""
    return (
        child.i > head.i
        and child.dep_ == "prep"
        and head.pos_ == "NOUN"
        and child.lower_ == "including"
        and child.nbor(-1).text == ","  # (not "creditors including India and China")
    )


def _is_loose_addition(head: Token, child: Token) -> bool:
    """Words after a phrase that describe rather than name it: where a named person or
    body is ("Trump *in Washington*") and a comma apposition that is not itself a name
    ("an army camp, *the seventh attack this month*")."""
    if child.i < head.i:
        return False
    if child.dep_ == "prep" and child.lower_ in ("in", "at") and head.pos_ == "PROPN":
        return True
    named = head.pos_ == "PROPN" or head.is_upper  # (the tagger takes "ECOWAS" for a plural)
    if child.dep_ == "prep" and child.lower_ == "on" and named and _about(child):
        return True  # "agreed with ECOWAS *on a timetable*": what was agreed, not the party
    if child.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children):
        return True  # "accused rebels *of attacking civilians*": the charge, not the party
    if child.dep_ == "prep" and child.lower_ in ("into", "onto"):
        return True  # "allowed inspectors *into the country*": where they go
    if _misplaced_agent(head, child):
        return True  # "supplied to the rebels *by Iran*": the agent, not part of the rebels
    if child.dep_ == "prep" and child.lower_ == "of" and _charged(head) and _names_a_wrong(child):
        return True  # "accused the army *of mass slaughter*": the charge, not the party
    if child.dep_ == "prep" and child.lower_ == "for" and _faulted(head) and _names_a_wrong(child):
        return True  # "blamed the opposition *for the violence*": the fault, not the party
    if child.dep_ == "prep" and child.lower_ == "of" and _stripped(head):
        return True  # "stripped three states *of their trade benefits*": what they lose
    if child.dep_ == "prep" and child.lower_ == "as" and not _such_as(child):
        return True  # "held families *as human shields*": the role they were put in
    if child.dep_ == "prep" and child.lower_ == "for" and _priced(child):
        return True  # "sold a stake to COSCO *for 280.5 million euros*": the price
    return child.dep_ == "appos" and child.pos_ != "PROPN" and head.pos_ != "PROPN"


def _about(prep: Token) -> bool:
    """A preposition whose object is a common noun, not part of a name ("the Commission *on
    Human Rights*")."""
    return any(g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_ for g in prep.children)


def _stripped(party: Token) -> bool:
    """The party a verb of taking away acts on: "stripped *the university* of its status"."""
    return party.dep_ == "dobj" and party.head.lemma_.lower() in ("strip", "deprive", "rob")


def _priced(prep: Token) -> bool:
    """A preposition whose object is a sum of money."""
    return any(
        g.dep_ == "pobj" and (g.ent_type_ == "MONEY" or g.lemma_.lower() in CURRENCIES)
        for g in prep.children
    )


# Currencies by name (lemmas, with the plural forms spaCy's lemmatiser leaves alone).
CURRENCIES = frozenset(
    {"dollar", "euro", "pound", "sterling", "yen", "yuan", "renminbi", "rupee", "franc"}
    | {"rouble", "ruble", "peso", "shekel", "lira", "naira", "rand", "riyal", "rial"}
    | {"dinar", "dirham", "won", "baht", "shilling", "hryvnia", "cedi", "kwacha", "ringgit"}
    | {"rupiah", "dong", "taka", "zloty", "forint", "koruna", "krona", "krone", "kronor"}
    | {"bolivar", "kyat", "real", "reais", "crown", "dollars", "euros", "pounds", "francs"}
    | {"roubles", "rubles", "pesos", "shekels", "rupees", "dinars", "dirhams", "riyals"}
    | {"shillings", "crowns", "kroner", "kronur"}
)


# Verbs and nouns of a charge, whose "of" phrase names the act charged.
_CHARGE_VERBS = frozenset({"accuse", "charge", "suspect", "convict", "acquit", "clear", "absolve"})
_CHARGE_NOUNS = frozenset(
    {"accusation", "allegation", "charge", "claim", "suspicion", "conviction", "indictment"}
)


def is_charge(token: Token) -> bool:
    """A charge or allegation noun: "indicted X *on charges* of bribery" names what X is
    charged with, not on whom blame is laid."""
    return token.lemma_.lower() in _CHARGE_NOUNS


# Wrongs a party is charged with ("of *genocide*", "of *involvement* in ...").
_WRONGS = frozenset(
    {"genocide", "slaughter", "massacre", "murder", "killing", "fraud", "corruption", "treason"}
    | {"terrorism", "involvement", "abuse", "violation", "crime", "atrocity", "torture"}
    | {"espionage", "bribery", "embezzlement", "complicity", "collusion", "negligence"}
    | {"interference", "meddling", "aggression", "provocation", "harassment", "kidnapping"}
    | {"rape", "theft", "sabotage", "incitement", "hacking", "discrimination", "attack"}
    | {"role", "responsibility", "links", "ties", "support", "violence", "repression"}
    | {"blast", "bombing", "explosion", "unrest", "death", "failure", "crackdown", "shooting"}
    | {"riot"}
)


def _names_a_wrong(prep: Token) -> bool:
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _WRONGS for g in prep.children)


def _charged(party: Token) -> bool:
    """The party a charge is laid against: "accused *the army* of ...", "allegations by
    *the US* of ..."."""
    if party.dep_ == "dobj":
        return party.head.lemma_.lower() in _CHARGE_VERBS
    if party.dep_ == "pobj" and party.head.lower_ in ("by", "from", "against"):
        return party.head.head.lemma_.lower() in _CHARGE_NOUNS
    return False


# Verbs that find a party at fault *for* a wrong: "blamed X *for the blast*".
_FAULTING = frozenset(
    {"blame", "criticise", "criticize", "condemn", "rebuke", "fault", "punish", "sanction"}
    | {"denounce", "censure", "fine", "sue", "slam", "accuse"}
)


def _faulted(party: Token) -> bool:
    """The party a verb of fault is aimed at: "blamed *the opposition* for ..."."""
    return party.dep_ == "dobj" and party.head.lemma_.lower() in _FAULTING


def _such_as(prep: Token) -> bool:
    """ "countries *such as* Russia and China": the members, part of the phrase."""
    return prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"


_PARTICLE_WORDS = frozenset({"free", "loose", "over", "dead"})  # "shot *dead* X"


def phrase_bounds(
    head: Token, *, with_conjuncts: bool, descriptions: bool = True
) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `head`.

    Appositions and parenthetical acronyms belong to the phrase ("The Nigeria Labour
    Congress (NLC)"); infinitival and participial clauses after the noun, relative clauses,
    dates ("a court on Monday") and, unless asked for, conjuncts do not. Edge punctuation
    is trimmed. Without `descriptions`, a comma apposition is left out too ("Pakistan*, a
    key US ally*").
    """
    # (punctuation children add nothing a range would not: a comma after a skipped clause
    # would stretch the phrase over it)
    skip = (
        {"relcl", "advcl", "punct"} if with_conjuncts else {"punct", "cc", "conj", "relcl", "advcl"}
    )
    tokens = [head.i]
    let_in = small_clause(head) is not None
    for child in head.children:
        if child.dep_ in skip or (child.dep_ in ("acl", "case") and child.i > head.i):
            continue  # clauses after the noun; a possessor's "'s" ("*Russia*'s plans")
        if let_in and child.i > head.i and child.dep_ in ("prep", "npadvmod", "advmod"):
            continue  # where and when they are let in: "let aid convoys *through the crossing*"
        if _is_temporal_modifier(child) or _is_loose_addition(head, child):
            continue
        if not descriptions and _is_comma_apposition(child):
            continue
        if _target_after_doer(head, child):
            continue  # "an attack by *gunmen* on the convoy": the target, hung on the doer
        if not descriptions and child.dep_ == "prep" and child.lower_ == "by" and child.i > head.i:
            continue  # "the expulsion of *four diplomats* by Norway": the doer, hung on them
        if not descriptions and _members_listed(head, child):
            continue  # "detained *37 people*, including four journalists": who among them
        if child.dep_ == "appos" and _detached(head, child):
            continue  # "Russia began pumping gas ..., *a milestone* in ...": a misparse
        if child.dep_ == "dobj" and child.i > head.i and child.lemma_.lower() in SPANS_OF_TIME:
            continue  # "gave Honduras' rulers *72 hours* to ...": a verb's object, misparsed
        if child.dep_ == "amod" and child.lower_ in ("outside", "inside") and child.i < head.i:
            continue  # "massed *outside* parliament": a preposition parsed as an adjective
        if child.lower_ in _PARTICLE_WORDS and is_misread_particle(child):
            continue  # "set *free* six hostages": the verb's particle, parsed as an adjective
        tokens.extend(
            t.i
            for t in child.subtree
            if not (t.lower_ in _PARTICLE_WORDS and is_misread_particle(t))
        )  # "hands *over* three militants": the particle parsed inside the number
    if not with_conjuncts:
        tokens.extend(_parenthesis_after(head, max(tokens) + 1))
    end = _rest_of_name(head.doc, _split_subject(head, max(tokens) + 1))
    end = _before_speaker(head.doc, min(tokens), end)
    return _trim(head.doc, min(tokens), end)


def _split_subject(head: Token, end: int) -> int:
    """The end of a subject the parse split in two next to each other: "Sudan's army chief
    *Abdel Fattah al-Burhan* has agreed", "Ghana's opposition *New Patriotic Party*
    insisted" (both parts hung on the verb as subjects)."""
    if head.dep_ != "nsubj":
        return end
    for other in head.head.children:
        if other.dep_ == "nsubj" and other.i > head.i and other.left_edge.i == end:
            return other.right_edge.i + 1
    return end


_SPEECH_LEMMAS = frozenset({"say", "tell", "report", "add", "state", "confirm", "announce"})


def _before_speaker(doc: Doc, start: int, end: int) -> int:
    """The end of a phrase that swallowed the speaker of a sentence-final attribution the
    parse hung on it as an apposition: "ambushed by FARC guerrillas in Cauca*, Colombia's
    defence minister, Juan Carlos Pinzon,* said"."""
    after = end + 1 if end < len(doc) and doc[end].text == "," else end
    if after >= len(doc):
        return end
    verb = doc[after]
    if verb.lemma_.lower() not in _SPEECH_LEMMAS or verb.pos_ != "VERB":
        return end
    if any(c.dep_ == "nsubj" for c in verb.children):
        return end
    last = end - 1
    while last > start and doc[last].is_punct:
        last -= 1
    for tok in doc[start:end]:
        if tok.dep_ == "appos" and tok.right_edge.i >= last and tok.left_edge.i > start:
            comma = tok.left_edge.i - 1
            if doc[comma].text == ",":
                return comma
    return end


def _rest_of_name(doc: Doc, end: int) -> int:
    """The end of a hyphenated name the parse broke up: "Bashar al*-Assad*", "Moon
    Jae*-in*" (the parts after the hyphen hung on the verb)."""
    while (
        end + 1 < len(doc)
        and not space_after(doc[end - 1])
        and doc[end].text == "-"
        and not space_after(doc[end])
        and doc[end - 1].ent_type_ == "PERSON"
        and (doc[end + 1].ent_iob_ == "I" or _name_syllable(doc[end + 1]))
    ):
        end += 2
    return end


def _name_syllable(token: Token) -> bool:
    """The last part of a hyphenated given name: "Jae-*in*", "Myung-*bak*"."""
    return token.is_alpha and token.pos_ in ("PROPN", "NOUN") and len(token) <= 4


def _detached(head: Token, child: Token) -> bool:
    """A dependent after the head separated from it by words of another phrase."""
    doc = head.doc
    return any(not head.is_ancestor(doc[k]) for k in range(head.i + 1, child.left_edge.i))


def _is_comma_apposition(child: Token) -> bool:
    start = child.left_edge.i
    return child.dep_ == "appos" and start > 0 and child.doc[start - 1].text == ","


def _parenthesis_after(head: Token, end: int) -> list[int]:
    """A parenthetical right after the phrase: "Amnesty International ( AI )"."""
    doc = head.doc
    if end < len(doc) and doc[end].text == "(":
        for j in range(end + 1, min(end + 8, len(doc))):
            if doc[j].text == ")":
                return list(range(end, j + 1))
    return []


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    inside = doc[start:end].text
    if inside.count("(") > inside.count(")") and end < len(doc) and doc[end].text == ")":
        end += 1  # close a parenthetical the parse left open: "Congress ( NLC )"
    while start < end - 1 and doc[start].text in _EDGE_PUNCT:
        start += 1
    while end - 1 > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].text == ")" and "(" in doc[start : end - 1].text:
            break
        end -= 1
    return start, end


# --- parse readings the trigger lexicon's conditions use ------------------------------


# Verbs whose particle "over" the parse may take for a number's modifier.
_HANDING_VERBS = frozenset({"hand", "turn", "give", "sign"})


def is_misread_particle(token: Token) -> bool:
    """An adjective of the verb's object right after the verb, or a modifier of the
    object's number: the verb's particle as the parse misread it ("set *free* six
    hostages", "hands *over* three militants")."""
    if token.dep_ == "quantmod" and token.head.dep_ == "nummod":
        verb = token.head.head.head  # not "killed *over* 100 people", a number's modifier
        return verb.i == token.i - 1 and verb.lemma_.lower() in _HANDING_VERBS
    if token.dep_ != "amod" or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    # (also deeper in a name: "shot *dead* Kazakh opposition figure Altynbek Sarsenbayev")
    return token.head.head.i == before.i or (
        before.pos_ == "VERB" and before in token.head.ancestors
    )


def noun_read_as_clause(token: Token) -> bool:
    """A plural noun object the parse read as a clause, the noun before it as its subject:
    "imposed *asset freezes* and travel bans on X" (asset: nsubj, freezes: ccomp)."""
    if token.dep_ != "ccomp" or token.tag_ != "VBZ" or token.i < 2:
        return False
    before, verb = token.doc[token.i - 1], token.head
    return (
        verb.i == token.i - 2
        and before.dep_ == "nsubj"
        and before.head.i == token.i
        and before.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss") for c in before.children)
        and not any(c.dep_ in ("aux", "auxpass", "neg") for c in token.children)
        and not any(c.dep_ in ("dobj", "obj", "attr", "nsubjpass") for c in verb.children)
    )


def reported_before(clause: Token, verb: Token) -> bool:
    """A statement with its own subject reported before the verb: "hostages *were
    released* ..., police told AFP" (but a quoted command has none: "'*Release* the
    hostages,' Biden told Hamas" is a demand)."""
    return clause.dep_ == "ccomp" and clause.i < verb.i and has_own_subject(clause)


_FORETELLING = frozenset({"will", "would", "'ll", "'d"})


def foretold(clause: Token) -> bool:
    """A "that" clause with its own subject saying what will happen, no demand: "told
    al-Kadhimi that American troops *would leave* Iraq" (but "told them they *must*
    leave" is one). The parse may call it an infinitive: "told Cameroon it *would pull*
    its troops out"."""
    return (
        clause.dep_ in ("ccomp", "xcomp")
        and has_own_subject(clause)
        and any(c.dep_ == "aux" and c.lower_ in _FORETELLING for c in clause.children)
    )
