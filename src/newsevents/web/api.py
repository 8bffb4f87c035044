"""The JSON routes under /api/v1, plus /healthz. Thin: parse and bound the parameters, call
one named query of `store.queries`, shape the answer."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from newsevents._version import __version__
from newsevents.store import queries, stats
from newsevents.store.queries import EventFilter
from newsevents.web.app import ApiError, Database

Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
Modality = Literal["asserted", "negated", "hypothetical", "future", "claimed", "historical"]
Text = Annotated[str | None, Query(max_length=200)]
Id = Annotated[str, Path(min_length=1, max_length=128)]


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorEnvelope(BaseModel):
    """Every error the API answers with, whatever its status."""

    error: ErrorDetail


class EventPage(BaseModel):
    items: list[dict[str, Any]] = Field(description="event records (EVENT_SCHEMA.md)")
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page")
    next: str | None = Field(description="URL of the next page, or null on the last page")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    read_only: bool
    articles: int
    events: int
    rejections: int


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=200)
    text: str | None = None
    html: str | None = None
    published: str | None = Field(default=None, max_length=40)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=200)
    language: str | None = Field(default=None, max_length=10)


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=20)


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": text}
    for status, text in (
        (400, "a filter, sort or cursor that cannot be used"),
        (422, "a parameter of the wrong type or size"),
        (500, "internal error (logged; no trace is sent)"),
        (504, "the query ran over the time limit"),
    )
}
router = APIRouter(responses=_ERRORS)


def db_of(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


DB = Annotated[Database, Depends(db_of)]


_NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,8})?"
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """min_lon,min_lat,max_lon,max_lat (the pattern checked the form); a box with min
    above max, or beyond the globe, is simply empty there."""
    if text is None:
        return None
    min_lon, min_lat, max_lon, max_lat = (float(x) for x in text.split(","))
    return min_lon, min_lat, max_lon, max_lat


# A date parameter is an ISO day and nothing else (pydantic would also read 0.0 as 1970).
Day = Annotated[
    str | None,
    Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", json_schema_extra={"format": "date"}),
]


def _day(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ApiError(422, f"{name}: {value!r} is not a day like 2022-06-22.") from e


def event_filter(
    actor: Text = None,
    recipient: Text = None,
    country: Annotated[str | None, Query(max_length=8, description="ISO3 or org code")] = None,
    category: Annotated[Category | None, Query(description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    modality: Modality | None = None,
    since: Day = None,
    until: Day = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the sentence")] = None,
    bbox: Annotated[
        str | None,
        Query(pattern=BBOX_PATTERN, description="min_lon,min_lat,max_lon,max_lat (degrees)"),
    ] = None,
    include_negated: bool = False,
) -> EventFilter:
    """The filters shared by the event, actor, timeline and map routes."""
    return EventFilter(
        actor=actor, recipient=recipient, country=country, event_type=category,
        quad_class=quad_class, modality=modality, since=_day("since", since),
        until=_day("until", until), q=q,
        bbox=_bbox(bbox), include_negated=include_negated,
    )  # fmt: skip


Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=500, description="page size (at most 500)")]
Cursor = Annotated[str | None, Query(max_length=400)]
Order = Literal["asc", "desc"]


def _next_url(request: Request, token: str | None) -> str | None:
    if token is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    return f"{request.url.path}?{urlencode([*params, ('cursor', token)])}"


@router.get("/healthz", response_model=Health, tags=["meta"])
def healthz(db: DB) -> dict[str, Any]:
    """Liveness and the size of the store."""
    counts = db.read(stats.counts)
    return {"status": "ok", "version": __version__, "read_only": db.store.read_only, **counts}


@router.get("/api/v1/events", response_model=EventPage, tags=["events"])
def list_events(
    request: Request,
    db: DB,
    f: Filter,
    sort: Literal["date", "confidence", "intensity"] = "date",
    order: Order = "desc",
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Events, filtered and sorted, one page at a time (negated events only on request)."""
    page = db.read(queries.list_events, f, sort=sort, order=order, limit=limit, cursor=cursor)
    token = page.next_cursor
    return {"items": page.items, "next_cursor": token, "next": _next_url(request, token)}


def _error(text: str) -> dict[str, Any]:
    return {"model": ErrorEnvelope, "description": text}


@router.get("/api/v1/events/{event_id}", tags=["events"], responses={404: _error("no event")})
def get_event(event_id: Id, db: DB) -> dict[str, Any]:
    """One event with its evidence, the spans to highlight and its cluster (or null)."""
    event = db.read(queries.get_event, event_id)
    if event is None:
        raise ApiError(404, f"No event {event_id!r}.")
    event["spans"] = queries.event_spans(event)
    event["cluster"] = db.read(queries.event_cluster, event_id)
    return event


@router.get("/api/v1/clusters", response_model=EventPage, tags=["events"])
def list_clusters(
    request: Request, db: DB, f: Filter, order: Order = "desc", limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:  # fmt: skip
    """Event clusters (one real-world event reported by several articles), by date."""
    page = db.read(queries.list_clusters, f, order=order, limit=limit, cursor=cursor)
    token = page.next_cursor
    return {"items": page.items, "next_cursor": token, "next": _next_url(request, token)}


@router.get("/api/v1/actors", tags=["aggregates"])
def list_actors(
    db: DB, f: Filter, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> dict[str, Any]:
    """Actors and recipients with their event counts, most frequent first."""
    return {"items": db.read(stats.list_actors, f, limit=limit)}


@router.get("/api/v1/stats/timeline", tags=["aggregates"])
def timeline(db: DB, f: Filter, interval: Literal["day", "week"] = "day") -> dict[str, Any]:
    """Event counts per day or week by quad class (q1..q4)."""
    return {"interval": interval, "items": db.read(stats.timeline, f, interval=interval)}


@router.get("/api/v1/stats/places", tags=["aggregates"])
def places(db: DB, f: Filter) -> dict[str, Any]:
    """Map points: located events, and events without coordinates by actor country."""
    return db.read(stats.places, f)


@router.get("/api/v1/stats/network", tags=["aggregates"])
def network(db: DB, f: Filter, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
    """Actor-to-recipient edges with event counts (cooperation and conflict)."""
    return {"items": db.read(stats.network, f, limit=limit)}


@router.get("/api/v1/articles/{article_id}", tags=["articles"], responses={404: _error("none")})
def get_article(article_id: Id, db: DB) -> dict[str, Any]:
    """An article's clean text and every coded span of its events (offsets into the text)."""
    article = db.read(queries.get_article, article_id)
    if article is None:
        raise ApiError(404, f"No article {article_id!r}.")
    return article


def _check_token(request: Request, authorization: str | None) -> None:
    expected = request.app.state.settings.web.api_token
    if expected is None:
        raise ApiError(403, "Writing is off: the operator has not set NEWSEVENTS_API_TOKEN.",
                       "writes_disabled")  # fmt: skip
    scheme, _, given = (authorization or "").partition(" ")
    ok = hmac.compare_digest(given.strip().encode(), expected.encode())
    if scheme.lower() != "bearer" or not ok:
        raise ApiError(401, "A valid 'Authorization: Bearer <token>' header is required.")


_POST_ERRORS: dict[int | str, dict[str, Any]] = {
    401: _error("missing or wrong token"),
    403: _error("writing is off"),
    413: _error("body too large"),
}


@router.post("/api/v1/articles", tags=["articles"], status_code=201, responses=_POST_ERRORS)
def post_articles(
    request: Request,
    body: ArticlesIn,
    db: DB,
    authorization: Annotated[str | None, Header(max_length=500)] = None,
) -> dict[str, Any]:
    """Code articles and store them with their events (needs the operator's token)."""
    from newsevents.web.ingest import code_and_store

    _check_token(request, authorization)
    records = [a.model_dump(exclude_none=True) for a in body.articles]
    return code_and_store(db, records, request.app.state.settings)
