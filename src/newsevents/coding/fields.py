"""The four fields around an event: attribution, modality, date and location.

`ArticleFrame` holds what every event of an article shares (the anchor date and whether
it was inferred, a dateline to skip, the article's focus countries); `describe()` gives
the keyword arguments that `Event` takes for one trigger.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsevents.coding import dates, modality
from newsevents.coding.actors import ArticleMemory
from newsevents.coding.attribution import SPEECH_ACT_TYPES, Frame, attribution, frame
from newsevents.coding.gazetteer import Gazetteer, default_gazetteer
from newsevents.coding.locations import event_location, focus
from newsevents.coding.names import NameTable
from newsevents.records import ActorRef, Article, Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40},[^\n]{0,40}?\s[-–—]{1,2}\s")


@dataclass(frozen=True, slots=True)
class ArticleFrame:
    """Per-article context: publication date (`inferred` when read from the text), the
    end of a dateline ("SEOUL, March 14 -"), and the article's countries by frequency."""

    anchor: dt.date | None
    inferred: bool
    dateline_end: int
    focus: tuple[str, ...]
    gazetteer: Gazetteer

    @classmethod
    def of(cls, doc: Doc, article: Article) -> ArticleFrame:
        anchor, inferred = article.published, article.published_source == "inferred"
        if anchor is None:
            anchor = dates.infer_published(article.text, article.captions)
            inferred = anchor is not None
        match = _DATELINE.match(article.text)
        gazetteer = default_gazetteer()
        return cls(
            anchor, inferred, match.end() if match else 0, tuple(focus(doc, gazetteer)), gazetteer
        )


def describe(
    trigger: Token,
    sent: Span,
    base: Modality,
    roles: tuple[ActorRef | None, ActorRef | None],
    event_type: str,
    names: NameTable,
    memory: ArticleMemory,
    art: ArticleFrame,
) -> dict[str, Any]:
    """Event keyword arguments: modality, date fields, location and attribution."""
    fr = frame(trigger, sent)
    future = base in ("future", "hypothetical")
    own, report = _dates(trigger, sent, fr, art, future=future)
    final = modality.refine(base, trigger, fr, own, art.anchor)
    out: dict[str, Any] = {"modality": final}
    words = modality.cue(final, trigger, fr, own)
    if words is not None:
        out["modality_text"], out["modality_start"], out["modality_end"] = words
    out.update(_date_fields(own or (report if final != "historical" else None), art, final))
    actor = roles[0]
    prefer = [c for p in roles if p is not None for c in _countries(p)]
    places = [*prefer, *art.focus]
    where = event_location(
        trigger, sent, fr.event_tokens, roles, places, art.gazetteer, art.dateline_end
    )
    if where is None and event_type in SPEECH_ACT_TYPES:
        # a threat or demand is made where it is uttered ("told reporters *in Goma*")
        where = event_location(
            trigger, sent, fr.report_tokens, roles, places, art.gazetteer, art.dateline_end
        )
    out["location"] = where
    out["attribution"] = attribution(fr, names, memory, actor=actor, event_type=event_type)
    return out


def _countries(part: ActorRef) -> list[str]:
    found = [part.country] if part.country else []
    return found + [m.country for m in part.members if m.country]


def _before_reported_subject(trigger: Token, start: int, fr: Frame) -> bool:
    """Date words between a reporting verb and the reported clause's subject."""
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not fr.report_tokens:
        return False
    return start < subject.left_edge.i and any(i < start for i in fr.report_tokens)


def _dates(
    trigger: Token, sent: Span, fr: Frame, art: ArticleFrame, *, future: bool
) -> tuple[dates.DateMention | None, dates.DateMention | None]:
    """The date of the event's own words (nearest in the parse first) and that of the
    report's words, each None when the words name no period."""
    own: list[tuple[int, int, dates.DateMention]] = []
    report: list[tuple[int, int, dates.DateMention]] = []
    for start, end, root in dates.candidates(sent):
        if sent.doc[start].idx < art.dateline_end:
            continue
        target = (
            own if root.i in fr.event_tokens else report if root.i in fr.report_tokens else None
        )
        if target is own and _before_reported_subject(trigger, start, fr):
            target = report  # "said *on Monday* it would give ...": the parse misplaces it
        if target is None:
            continue
        ahead = future and target is own  # a report is past, whatever it reports
        mention = dates.mention_at(sent, start, end, art.anchor, future=ahead)
        if mention is not None:
            target.append((_distance(trigger, root), abs(root.i - trigger.i), mention))
    pick = lambda found: min(found, key=lambda f: (f[0], f[1]))[2] if found else None  # noqa: E731
    return pick(own), pick(report)


def _distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one parse."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, tok in enumerate(up_a):
        if tok.i in index_b:
            return n + index_b[tok.i]
    return len(up_a) + len(up_b)


def _date_fields(
    mention: dates.DateMention | None, art: ArticleFrame, final: Modality
) -> dict[str, Any]:
    if mention is not None:
        source = "inferred" if mention.relative and art.inferred else "text"
        return {
            "date": mention.value,
            "date_precision": mention.precision,
            "date_text": mention.text,
            "date_source": source,
            "date_text_start": mention.start,
            "date_text_end": mention.end,
        }
    if final == "historical" or art.anchor is None:
        return {"date": None, "date_precision": "unknown", "date_source": "published"}
    return {
        "date": art.anchor.isoformat(),
        "date_precision": "day",
        "date_source": "inferred" if art.inferred else "published",
    }


__all__ = ["ArticleFrame", "describe"]
