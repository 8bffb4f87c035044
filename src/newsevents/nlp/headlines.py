"""Headline verbs: read "Qatar halts mediation" as a clause, not as a noun phrase.

Headlines drop articles and put their verb in the present tense, and the small English
models, trained on running text, often take that verb for a noun: "Qatar *halts*
mediation between Israel and Hamas" is parsed as one noun phrase with "mediation" at its
root, "Thousands *march* in Belgrade" as a noun "march" with "Thousands" counting it. The
coder then finds no verb to read.

`newsevents_headline_verbs`, after the models, mends such a sentence without changing
a character of the text: when a sentence looks like a headline (no verb at its root, no
full stop at its end), it takes the words right after its opening noun phrase that may be
a headline verb ("halts", "march" after a plural), parses the
sentence again with that word in the past tense ("Qatar *halted* mediation ..."), and if
the word then heads the sentence as a verb it copies that parse (heads, labels, tags,
lemmas) back onto the sentence, with the word's own present tense and lemma. Named
entities stay those of the first parse. Other sentences are left exactly as they are, and
so is a headline no candidate mends.

Running text has the same trouble with a simple past right after its subject: "Japan's Air
Self-Defense Force *scrambled* fighter jets", "The SBU *shared* intelligence with Moldova"
come out as one noun phrase, the past read as an adjective. When a trigger verb's simple
past modifies a noun right after a name or noun (or "military" after a possessive), with
no verb before it, and the sentence has no verb at its root, or made that noun the
subject of a clause after a conjunction ("... fighter jets *after* two Russian bombers
flew"), or left that noun stray on the reporting verb at the end ("..., the ministry
said", as a second subject, a loose dependent or the clause said), the sentence is parsed
again with "took" in its place (an irregular past no model reads as an adjective), and
that parse is copied back the same way, the word keeping its own lemma. The stand-in
must then head the sentence or the clause its reporting verb carries.

A role noun that is also a verb is the opposite trouble: "Ugandan authorities
transferred Rwandan genocide *suspect* Ildephonse Nizeyimana to the tribunal" comes out
with "suspect" as a second verb taking the name as its object. When such a word ("suspect",
"convict", "spy") in the present stands between a noun or adjective and a name, after a
verb of the same sentence, the sentence is parsed again with "commander" in its place, and
if that reads as a noun the parse is copied back, the word a singular noun with its own
lemma.

The candidate verbs are the lemmas of the coder's trigger table (`data/triggers.tsv`):
only a word that could name an event is worth the second parse.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, cast

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc

from newsevents.coding.lexicon import IRREGULAR_PASTS, default_lexicon
from newsevents.nlp.pretokenised import RESTORE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token
    from thinc.types import Ints2d

NAME = "newsevents_headline_verbs"
_ATTRS = [HEAD, DEP, TAG, POS, MORPH, LEMMA]
_MORPH = {
    "VBZ": "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
    "VBP": "Tense=Pres|VerbForm=Fin",
    "VBD": "Tense=Past|VerbForm=Fin",
}
# What a misread past is replaced with for the second parse (see the module's docstring).
_STAND_IN = "took"
# Role nouns the models read as verbs before a name, and the noun put in their place.
_ROLE_NOUNS = frozenset({"suspect", "convict", "spy"})
_NOUN_STAND_IN = "commander"
# Verbs of saying and thinking, whose clause may have a role noun's verb of its own.
_SAYING = frozenset({"say", "tell", "report", "add", "announce", "claim", "state", "believe"})
_SAYING |= {"think", "insist", "allege", "warn", "confirm", "reveal", "disclose", "write"}
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})


@cache
def trigger_verbs() -> frozenset[str]:
    """The verb lemmas of the trigger table."""
    return frozenset(default_lexicon().by_lemma)


def past_tense(verb: str) -> str:
    """The simple past of a verb lemma ("halt" -> "halted", "ban" -> "banned")."""
    if verb in IRREGULAR_PASTS:
        return IRREGULAR_PASTS[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):
        return verb + verb[-1] + "ed"  # one syllable ending in one consonant: "banned"
    return verb + "ed"


def _third_person_base(word: str, verbs: frozenset[str]) -> str | None:
    """The lemma of a present third-person form ("halts", "pushes", "carries")."""
    lower = word.lower()
    forms = []
    if lower.endswith("ies"):
        forms.append(lower[:-3] + "y")
    if lower.endswith("es"):
        forms.append(lower[:-2])
    if lower.endswith("s"):
        forms.append(lower[:-1])
    return next((f for f in forms if f in verbs), None)


def _candidates(sent: Span, verbs: frozenset[str]) -> list[tuple[Token, str, str]]:
    """Words right after the opening noun phrase that may be the headline's verb, with
    their lemma and tag: a bare form after a plural ("Thousands *march*", "Houthis
    *free*") first, then a third-person form ("Qatar *halts*"). Not a word after a verb
    or a preposition other than "of" ("diplomats expelled by X over depot *blasts*": the
    headline has its verb), nor one an adjective follows ("talks *unlikely* to resume")."""
    bare, third = [], []
    for token in sent[1:]:
        before = token.doc[token.i - 1]
        if not _in_opening_phrase(before):  # (the words before it were checked already)
            break
        if before.pos_ not in _SUBJECT_POS:
            continue
        after = token.doc[token.i + 1] if token.i + 1 < sent.end else None
        if after is not None and after.lower_ in _PREDICATES:
            continue
        plural = (
            before.tag_ in ("NNS", "NNPS")
            or (before.pos_ == "PROPN" and before.lower_.endswith("s"))
            or _listed(before)
        )
        if plural and token.lower_ in verbs:
            bare.append((token, token.lower_, "VBP"))
        base = _third_person_base(token.text, verbs)
        if base is not None:
            third.append((token, base, "VBZ"))
    return bare + third


# Words that make the word before them a noun subject: "talks *unlikely* to resume".
_PREDICATES = frozenset({"unlikely", "likely", "possible", "due", "set", "expected", "loom"})
# Words an opening noun phrase may hold: "Tens *of* thousands", "Mali junta*:*", "Kenya*'s*
# president", "Israel *and* Hamas".
_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART", "CCONJ", "PUNCT"})


def _listed(name: Token) -> bool:
    """The last of several names: "Armenia, *Azerbaijan* sign ...", "Russia and *China*
    agree ..." (a plural subject, so a bare verb may follow)."""
    if name.pos_ != "PROPN":
        return False
    start = name.i
    while start > name.sent.start and name.doc[start - 1].pos_ == "PROPN":
        start -= 1  # the whole name: "South *Sudan*"
    if start - 2 < name.sent.start:
        return False
    joint, other = name.doc[start - 1], name.doc[start - 2]
    return joint.lower_ in (",", "and", "&") and other.pos_ == "PROPN"


def _in_opening_phrase(word: Token) -> bool:
    # (and participles before a noun: "*ruling* party", "*armed* men")
    return word.pos_ in _PHRASE_POS or word.lower_ == "of" or word.dep_ in ("amod", "compound")


def _headline(sent: Span) -> bool:
    """No verb at its root, or a doubtful one, and no full stop at its end: a headline,
    not running text."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text == ".":
        return False
    return sent.root.pos_ not in ("VERB", "AUX") or _doubtful_root(sent.root)


def _doubtful_root(root: Token) -> bool:
    """A root verb a headline would not have, with a plural noun as its subject that may
    be the real verb: "Peru *scraps* fuel tax hike" parsed with "fuel" as a bare verb,
    "Kazakh government *shelves* contested land reform law" with "contested" as a past
    (a headline's verb is in the present: "Police arrests *rise*" is left alone)."""
    if root.tag_ not in ("VB", "VBD", "VBN"):
        return False  # (not a present: "Police arrests *spark* protests" is right as it is)
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "NNS" and c.i == root.i - 1
        for c in root.children
    )


@cache
def _pasts() -> dict[str, str]:
    """The simple past of each trigger verb, to its lemma."""
    return {past_tense(verb): verb for verb in trigger_verbs()}


def _misread_past(sent: Span) -> tuple[Token, str] | None:
    """The first trigger verb's simple past read as an adjective of a later noun right
    after a name or noun (or "military" after a possessive), with its lemma, in a sentence
    with no verb before it that has none at its root ("The SBU *shared* intelligence with
    Moldova"), or that made the noun the subject of the clause after a conjunction
    ("Japan's Air Self-Defense Force *scrambled* fighter jets *after* two Russian bombers
    flew ..."), or that left the noun stray on a later verb (see `_stray`)."""
    pasts = _pasts()
    for token in sent[1:]:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return None  # a verb before it: the sentence has its verb
        if (
            token.dep_ == "amod"
            and token.tag_ in ("VBD", "VBN")
            and token.head.i > token.i
            and token.lower_ in pasts
            and _ends_a_subject(token.doc[token.i - 1])
        ):
            noun, clause = token.head, token.head.head
            subordinate = noun.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "mark" and noun.i < c.i < clause.i for c in clause.children
            )
            verbless = sent.root.pos_ not in ("VERB", "AUX")
            return (token, pasts[token.lower_]) if verbless or subordinate or _stray(noun) else None
    return None


def _misread_role(sent: Span) -> Token | None:
    """A role noun read as a present verb between a noun or adjective and a name, after a
    verb that is not one of saying: "transferred Rwandan genocide *suspect* Ildephonse
    Nizeyimana to ..." (not "Police *suspect* John Smith", with no verb before it, nor
    "Officials said police *suspect* John Smith of ...", a clause reported)."""
    seen_verb = False
    for token in sent[1:-1]:
        if (
            seen_verb
            and token.lower_ in _ROLE_NOUNS
            and token.pos_ == "VERB"
            and token.tag_ in ("VBP", "VB")
            and token.head.lemma_.lower() not in _SAYING
            and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN", "ADJ")
            and token.doc[token.i + 1].pos_ == "PROPN"
        ):
            return token
        seen_verb = seen_verb or (token.pos_ == "VERB" and token.dep_ != "amod")
    return None


def _ends_a_subject(word: Token) -> bool:
    """The word may end the sentence's subject: a name or noun, or "military" after a
    possessive ("Ghana's *military* moved troops", which the model tags an adjective)."""
    if word.pos_ in ("PROPN", "NOUN"):
        return True
    before = word.i - 1
    return (
        word.lower_ == "military" and before >= word.sent.start and word.doc[before].tag_ == "POS"
    )


def _stray(noun: Token) -> bool:
    """The noun hangs on a later verb as a loose dependent ("X *shared* intelligence
    ..., President Zelenskiy said") or as a clause of its own ("X *scrambled* jets on
    Friday, the ministry said", "jets" the clause said), on the subject as an apposition
    with no comma ("Ukraine's SBU security service *shared* intelligence with ..."), or
    as a subject beside that verb's own: the parse has no place for it but the clause it
    lost."""
    head = noun.head
    if noun.dep_ in ("dep", "ccomp") and head.pos_ == "VERB":
        return True
    if noun.dep_ == "appos" and head.i < noun.i:  # (a true apposition has its comma)
        return not any(t.is_punct for t in noun.doc[head.i + 1 : noun.i])
    return noun.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i > noun.i for c in head.children)


class HeadlineVerbs:
    """The pipeline component (see the module's docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        verbs = trigger_verbs()
        for sent in list(doc.sents):
            if len(sent) < 3:
                continue
            role = _misread_role(sent)
            if role is not None:
                self._mend_noun(doc, sent, role)
            if not _headline(sent):
                misread = _misread_past(sent)
                if misread is not None:
                    self._mend(doc, sent, *misread, "VBD", _STAND_IN, reported=True)
                continue
            for token, lemma, tag in _candidates(sent, verbs):
                if self._mend(doc, sent, token, lemma, tag, past_tense(lemma)):
                    break
        return doc

    def _parse_with(self, sent: Span, at: int, stand_in: str) -> Doc:
        """The sentence parsed again, alone, with `stand_in` for its word at `at`."""
        words = [t.text for t in sent]
        words[at] = stand_in
        again = Doc(self.nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for name, component in self.nlp.pipeline:
            if name != NAME:
                again = component(again)
        return again

    def _mend_noun(self, doc: Doc, sent: Span, token: Token) -> bool:
        """Parse the sentence again with a noun for the role word read as a verb and copy
        that parse back if the stand-in is then a noun."""
        at = token.i - sent.start
        again = self._parse_with(sent, at, _NOUN_STAND_IN)
        if again[at].pos_ != "NOUN" or len(list(again.sents)) != 1:
            return False
        rows = doc.to_array(_ATTRS)
        rows[sent.start : sent.end] = again.to_array(_ATTRS)
        strings = doc.vocab.strings
        rows[token.i, _ATTRS.index(LEMMA)] = strings.add(token.lower_)
        doc.from_array(_ATTRS, cast("Ints2d", rows))
        return True

    def _mend(
        self,
        doc: Doc,
        sent: Span,
        token: Token,
        lemma: str,
        tag: str,
        stand_in: str,
        *,
        reported: bool = False,
    ) -> bool:
        """Parse the sentence again with `stand_in` for `token` and copy that parse back if
        the stand-in then heads it (or, with `reported`, heads the clause a reporting verb
        at the root carries)."""
        at = token.i - sent.start
        again = self._parse_with(sent, at, stand_in)
        verb = again[at]
        if verb.pos_ != "VERB" or len(list(again.sents)) != 1:
            return False
        if verb.dep_ != "ROOT" and not (reported and _reported(verb)):
            return False
        rows = doc.to_array(_ATTRS)
        rows[sent.start : sent.end] = again.to_array(_ATTRS)
        strings = doc.vocab.strings  # the word keeps its own tense and lemma
        rows[token.i, _ATTRS.index(TAG)] = strings.add(tag)
        rows[token.i, _ATTRS.index(POS)] = VERB
        rows[token.i, _ATTRS.index(LEMMA)] = strings.add(lemma)
        rows[token.i, _ATTRS.index(MORPH)] = doc.vocab.morphology.add(_MORPH[tag])
        doc.from_array(_ATTRS, cast("Ints2d", rows))
        return True


def _reported(verb: Token) -> bool:
    """The verb is the clause a reporting verb at the root carries ("... *took* fighter
    jets on Thursday, the ministry *said*")."""
    return verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.i > verb.i


@Language.factory(NAME)
def _make(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp)


def install(nlp: Language) -> None:
    """Add the component after the models, once: just before the pre-tokenised view's
    restoring component when there is one (it must stay last), else last."""
    if NAME in nlp.pipe_names:
        return
    if RESTORE in nlp.pipe_names:
        nlp.add_pipe(NAME, before=RESTORE)
    else:
        nlp.add_pipe(NAME, last=True)
