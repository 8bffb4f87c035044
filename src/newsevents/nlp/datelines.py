"""Keep a news dateline out of the sentence it opens.

Wire copy opens a story with a dateline: "KAGARA, Nigeria (AFP) - Gunmen abducted 27
pupils ...", "MOGADISHU, Oct 14 (Reuters) - ...", "Lome (AFP) - ...", "New York (CNN)
French President ...". Parsed as part of the sentence, the place becomes the subject
("Kigali (AFP)" accused Congolese troops) or part of the actor's words ("MADRID - Spain").

`newsevents_dateline`, placed before the parser, finds a dateline at the start of a
paragraph and starts a new sentence after it; the parser keeps to sentence starts set
before it, so the dateline is a sentence of its own with no verb and codes nothing. The
text and its offsets do not change.

A dateline here is, at a paragraph's start, within `_MAX_TOKENS` tokens:

- a place of one to four capitalised words ("MEXICO CITY", "Buenos Aires",
  "PORT-AU-PRINCE"), optionally followed by ", Country" and a date ("Oct 14");
- then a wire service in brackets ("(AFP)", "( Reuters )"), a dash with spaces around
  it, or both (a bracket before a dash may hold any capitalised words);
- where there is no outlet, the place must be written in capitals or carry a ", Country"
  or date part: "Hamas - which rules Gaza - said" opens no dateline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DATELINE = "newsevents_dateline"
_MAX_TOKENS = 16
_DASHES = frozenset({"-", "–", "—", "--"})
_MONTHS = frozenset(
    m.lower()
    for m in [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ]
)
# Wire services and outlets that sign datelines; a bracket without a dash after it must
# name one of them ("Amnesty International (AI) Secretary General ..." is no dateline).
_OUTLETS = frozenset(
    [
        "afp",
        "ap",
        "reuters",
        "cnn",
        "xinhua",
        "ians",
        "pti",
        "upi",
        "dpa",
        "ansa",
        "efe",
        "bernama",
        "anadolu",
        "aa",
        "tass",
        "interfax",
        "irna",
        "kuna",
        "wam",
        "spa",
        "apa",
        "bbc",
        "nna",
        "yonhap",
        "kyodo",
        "sputnik",
        "ani",
        "uni",
        "app",
        "ria",
        "sana",
        "mena",
        "qna",
        "bna",
        "ina",
        "kna",
        "kcna",
        "vna",
        "pna",
        "antara",
    ]
)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "in", "on", "at", "after"})
# Marks inside a place's name, written close ("PORT-AU-PRINCE", "St. John's"), and small
# words between its capitalised words ("Rio de Janeiro").
_JOINERS = frozenset({"-", "'", "’", "."})
_PLACE_PARTICLES = frozenset({"de", "del", "la", "al", "of"})
_LINE_BREAK = re.compile(r"\n\s*(?=\S)")


def install(nlp: Language) -> None:
    """Put the dateline component just before the parser (or last), once."""
    if DATELINE in nlp.pipe_names:
        return
    if "parser" not in nlp.pipe_names:
        nlp.add_pipe(DATELINE)
        return
    nlp.add_pipe(DATELINE, before="tok2vec" if "tok2vec" in nlp.pipe_names else "parser")


@Language.component(DATELINE)
def mark_datelines(doc: Doc) -> Doc:
    """Start a sentence after each dateline that opens a paragraph."""
    for start in _paragraph_starts(doc):
        end = dateline_end(doc, start)
        if end is not None and end < len(doc):
            doc[start].is_sent_start = True  # not joined to a headline above it
            doc[end].is_sent_start = True
            _hold_together(doc, end)
    return doc


_HELD_WORDS = 4


def _hold_together(doc: Doc, start: int) -> None:
    """Keep the first words after a dateline in its sentence: with the sentence start just
    set, the parser may make a sentence of the subject alone ("RABAT, May 1 - *Morocco*"
    | "cut diplomatic ties ...")."""
    for i in range(start + 1, min(start + 1 + _HELD_WORDS, len(doc))):
        if doc[i - 1].text in (".", "!", "?") or doc[i - 1].is_space:
            return  # a real end of sentence in the first words
        doc[i].is_sent_start = False


def _paragraph_starts(doc: Doc) -> list[int]:
    """The first token of the doc and the first word after each line break, found in the
    text (a doc has a few paragraphs and many tokens)."""
    starts = [0] if len(doc) else []
    for br in _LINE_BREAK.finditer(doc.text):
        word = doc.char_span(br.end(), br.end() + 1, alignment_mode="expand")
        if word is not None and len(word):
            starts.append(word.start)
    return starts


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha()


def dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the first token after a dateline beginning at `start`, or None."""
    limit = min(len(doc), start + _MAX_TOKENS)
    i = start
    place: list[Token] = []
    while i < limit and len(place) < 8:
        tok = doc[i]
        if _capitalised(tok) or (place and tok.lower_ in _JOINERS and not doc[i - 1].whitespace_):
            place.append(tok)
            i += 1
            continue
        if place and tok.lower_ in _PLACE_PARTICLES and i + 1 < limit and _capitalised(doc[i + 1]):
            place.append(tok)
            i += 1
            continue
        break
    words = [t for t in place if t.is_alpha]
    if not words or len(words) > 4 or place[0].lower_ in _FUNCTION_WORDS:
        return None
    extra = False
    if i < limit and doc[i].text == ",":
        j = i + 1
        parts = 0  # a country ("KAGARA, Nigeria"), a date ("MOGADISHU, Oct 14"), or both
        while j < limit and parts < 3 and _capitalised(doc[j]) and doc[j].lower_ not in _MONTHS:
            j += 1
            parts += 1
        if parts and j < limit and doc[j].text == ",":
            j += 1
        if j < limit and doc[j].lower_.rstrip(".") in _MONTHS:
            j += 1
            if j < limit and doc[j].text == ".":
                j += 1
            if j < limit and doc[j].like_num:
                j += 1
            else:
                return None
            parts += 1
        if not parts:
            return None
        i, extra = j, True
    outlet = known = False
    if i < limit and doc[i].text == "(":
        j = i + 1
        while j < limit and j - i <= 4 and doc[j].text != ")":
            if not (_capitalised(doc[j]) or doc[j].text in ("-", "/", "&", ".")):
                return None
            j += 1
        if j >= limit or doc[j].text != ")" or j == i + 1:
            return None
        known = any(t.lower_ in _OUTLETS for t in doc[i + 1 : j])
        i, outlet = j + 1, True
    dash = False
    if i < limit and doc[i].text in _DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
        i, dash = i + 1, True
    if not (known or dash):
        return None
    if not outlet and not extra and not all(t.is_upper for t in words):
        return None  # "Hamas - which rules Gaza - said": no dateline
    if i >= len(doc) or not (
        doc[i].text[:1].isupper() or doc[i].text[:1].isdigit() or doc[i].text[:1] in "\"“'‘"
    ):
        return None
    return i
