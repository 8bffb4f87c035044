"""The records that cross stage boundaries.

RawDocument -> Article -> (spaCy Doc, inside nlp/coding only) -> Event; any stage may turn
an item into a Rejection instead. All records are frozen dataclasses; `to_dict()` gives the
JSON shape of ../docs/EVENT_SCHEMA.md (the outward contract).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from newsevents.errors import Reason

InputFormat = Literal["auto", "text", "html", "jsonl", "rss", "warc", "urls"]
DocKind = Literal["text", "html"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
DateSource = Literal["text", "published", "inferred"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "claimed", "historical"]
Stage = Literal["ingest", "extract", "nlp", "code", "store"]


def content_hash(data: bytes | str, length: int = 16) -> str:
    """A short, stable hex digest used for deterministic ids."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as they came in, with where they came from and any metadata the input carried."""

    id: str
    content: bytes
    kind: DocKind
    source: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """Clean article text plus metadata. Every event offset points into `text`."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: Literal["metadata", "html", "inferred", "none"] = "none"
    language: str = "en"
    captions: tuple[str, ...] = ()
    content_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "published_source": self.published_source,
            "language": self.language,
            "source": self.source,
            "content_hash": self.content_hash,
            "captions": list(self.captions),
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor or recipient as it appears in the text, resolved to a country and sector."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    members: tuple[ActorRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }
        if self.members:
            out["members"] = [m.to_dict() for m in self.members]
        return out


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, with the words that say so."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Literal["city", "admin1", "country"] = "country"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts an event: the speaker and the reporting cue."""

    source_text: str
    start: int
    end: int
    cue: str
    source: str | None = None
    country: str | None = None
    sector: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_text": self.source_text,
            "source": self.source,
            "country": self.country,
            "sector": self.sector,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence and trigger words an event was coded from."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, in the shape of EVENT_SCHEMA.md."""

    event_id: str
    article_id: str
    coder: str
    event_type: str
    quad_class: int
    cameo_root: str
    intensity: float
    actor: ActorRef | None
    recipient: ActorRef | None
    evidence: Evidence
    modality: Modality = "asserted"
    confidence: float = 0.5
    modality_text: str | None = None
    modality_start: int | None = None
    modality_end: int | None = None
    mode: str | None = None
    context: tuple[str, ...] = ()
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    date_text: str | None = None
    date_source: DateSource = "published"
    date_text_start: int | None = None
    date_text_end: int | None = None
    location: Location | None = None
    attribution: Attribution | None = None
    cameo_code: str | None = None

    @staticmethod
    def make_id(article_id: str, evidence: Evidence, coder: str) -> str:
        """Deterministic id from (article, evidence offsets, coder)."""
        key = f"{article_id}|{evidence.start}|{evidence.end}|{evidence.trigger_start}|"
        key += f"{evidence.trigger_end}|{coder}"
        return content_hash(key, 20)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "coder": self.coder,
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "quad_class": self.quad_class,
            "cameo_root": self.cameo_root,
            "cameo_code": self.cameo_code,
            "intensity": self.intensity,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "date_text_start": self.date_text_start,
            "date_text_end": self.date_text_end,
            "location": self.location.to_dict() if self.location else None,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "modality": self.modality,
            "modality_text": self.modality_text,
            "modality_start": self.modality_start,
            "modality_end": self.modality_end,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input item that a stage declined, with a reason code and a human sentence."""

    item_id: str
    stage: Stage
    reason: Reason
    detail: str
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "stage": self.stage,
            "reason": str(self.reason),
            "detail": self.detail,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one run did: counts per stage, rejections by reason, time taken."""

    run_id: str
    started: str
    seconds: float
    documents: int
    articles: int
    events: int
    rejections: int
    failures: int
    new_articles: int = 0
    new_events: int = 0
    rejections_by_reason: dict[str, int] = field(default_factory=dict)
    coder: str = ""
    model: str = ""
    skipped: int = 0  # items an earlier run finished, left out of this one

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "started": self.started,
            "seconds": round(self.seconds, 3),
            "documents": self.documents,
            "articles": self.articles,
            "events": self.events,
            "rejections": self.rejections,
            "failures": self.failures,
            "new_articles": self.new_articles,
            "new_events": self.new_events,
            "skipped": self.skipped,
            "rejections_by_reason": dict(self.rejections_by_reason),
            "coder": self.coder,
            "model": self.model,
        }
