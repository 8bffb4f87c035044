"""The FastAPI application: `create_app(settings)` opens the store and mounts the JSON API
(`web/api.py`), the dashboard pages (`web/pages.py`) and their bundled assets.

Safety, in one place: the store is opened read-only unless the operator sets an API token
(then POST /api/v1/articles may write, through the one connection, under a lock); every
query is a named, parameterised function of `store.queries` run on its own cursor and
interrupted after `query_timeout` seconds; every error, whatever raised it, leaves as one
JSON envelope `{"error": {"status", "code", "message"}}` and never with a stack trace.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from newsevents._version import __version__
from newsevents.config import Settings
from newsevents.store import Store
from newsevents.store.queries import QueryError

log = logging.getLogger(__name__)
T = TypeVar("T")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 422: "invalid_parameter",
          503: "unavailable", 504: "query_timeout"}  # fmt: skip
_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
MAX_BODY = 6_000_000  # bytes of a request body (a little over the largest article)


class ApiError(Exception):
    """An error answered to the client as the JSON envelope with this status."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one error shape every route answers with."""
    return {"error": {"status": status, "code": code, "message": message}}


def _envelope(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


class Database:
    """The store the app serves: a cursor per request, each query under a time limit."""

    def __init__(self, store: Store, timeout: float) -> None:
        self.store = store
        self.timeout = timeout
        self.write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._cursor_lock:
            cur = self.store.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timer.start()
        try:
            yield cur
        except duckdb.InterruptException as e:
            raise ApiError(504, f"The query ran over {self.timeout:g} s; narrow it.") from e
        finally:
            timer.cancel()
            cur.close()

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one named query of `store.queries` on a fresh cursor."""
        with self.cursor() as cur:
            try:
                return query(cur, *args, **kwargs)
            except QueryError as e:
                raise ApiError(400, str(e)) from e


class _BodyLimit:
    """Refuse request bodies over MAX_BODY bytes before anything reads them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            length = headers.get(b"content-length", b"0")
            chunked = b"transfer-encoding" in headers
            if chunked or not length.isdigit() or int(length) > MAX_BODY:
                message = f"Request bodies are limited to {MAX_BODY:,} bytes, with a length."
                response = _envelope(413, "too_large", message)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, e: ApiError) -> JSONResponse:
        extra = {"WWW-Authenticate": "Bearer"} if e.status == 401 else {}
        return _envelope(e.status, e.code, e.message, **extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, e: StarletteHTTPException) -> JSONResponse:
        message = e.detail if isinstance(e.detail, str) else "Request failed."
        return _envelope(e.status_code, _CODES.get(e.status_code, "error"), message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        parts = []
        for err in e.errors()[:5]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _envelope(422, "invalid_parameter", "; ".join(parts) or "Invalid request.")

    @app.exception_handler(Exception)
    async def _crash(_: Request, e: Exception) -> JSONResponse:
        log.error("internal error: %s: %s", type(e).__name__, e)  # the trace stays here
        return _envelope(500, "internal_error", "Internal error; it has been logged.")


def create_app(settings: Settings) -> FastAPI:
    """The API and dashboard over the store `settings.db` (read-only without a token).

    The store opens here, so that a bad file fails before a server starts; whoever made
    the app closes it (`app.state.db.store.close()`) when done serving."""
    from newsevents.web.api import router as api_router
    from newsevents.web.pages import mount_pages

    writable = settings.web.api_token is not None
    store = Store.open(settings.db, read_only=not writable)

    app = FastAPI(
        title="newsevents",
        version=__version__,
        summary="Political events coded from news (PLOVER, with CAMEO codes and quad classes).",
        docs_url=None,  # the Swagger page loads its script from a CDN: not offline
        redoc_url=None,
    )
    app.state.db = Database(store, settings.web.query_timeout)
    app.state.settings = settings
    _install_errors(app)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.add_middleware(_BodyLimit)
    app.include_router(api_router)
    mount_pages(app)
    return app
