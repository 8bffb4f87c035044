"""Fetching pages and feeds over HTTP, politely, with every failure as a Rejection.

`Fetcher` wraps one httpx client: timeouts, retries with exponential backoff (after a
timeout, a network error, 429 or 5xx; a `Retry-After` header is honoured up to a cap), a
minimum delay between two requests to the same host, robots.txt (RFC 9309: a missing
robots.txt allows everything, an unreachable one forbids everything), a size cap read as a
stream, content-type checks and a User-Agent naming newsevents and its version. It never
raises on what a server does: the caller gets a `Page` or a `Rejection` with a reason.
"""

from __future__ import annotations

import logging
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urldefrag, urlsplit

import httpx

from newsevents._version import __version__
from newsevents.config import FetchSettings
from newsevents.errors import Reason
from newsevents.records import DocKind, RawDocument, Rejection, content_hash

log = logging.getLogger(__name__)

USER_AGENT = f"newsevents/{__version__} (political event data from news; python-httpx)"
ROBOTS_AGENT = "newsevents"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
)
PAGE_TYPES = HTML_TYPES + TEXT_TYPES
MAX_REDIRECTS = 10
MAX_BACKOFF = 30.0


def url_id(url: str) -> str:
    """The deterministic id of a fetched item: a hash of its URL without the fragment."""
    return content_hash(urldefrag(url.strip())[0])


def is_url(text: str) -> bool:
    """True for an http(s) URL with a host."""
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True, slots=True)
class Page:
    """A successful response: the final URL, the body and its media type."""

    url: str
    content: bytes
    media_type: str


class _Retry(Exception):
    """A failure worth another try; carries the Rejection to give if tries run out."""

    def __init__(self, rejection: Rejection, wait: float | None = None) -> None:
        super().__init__(rejection.detail)
        self.rejection = rejection
        self.wait = wait


class Fetcher:
    """One polite HTTP client. Not thread-safe; close it (or use `with`) when done."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        backoff: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.backoff = backoff
        self._sleep = sleep
        timeout = httpx.Timeout(settings.timeout)
        headers = {"User-Agent": USER_AGENT}
        self._client = httpx.Client(
            timeout=timeout, headers=headers, follow_redirects=True, max_redirects=MAX_REDIRECTS
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | Rejection] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------ public

    def page(self, url: str, **meta: str | None) -> RawDocument | Rejection:
        """An HTML or plain-text page as a RawDocument (id from the URL)."""
        got = self.get(url, PAGE_TYPES)
        if isinstance(got, Rejection):
            return got
        kind: DocKind = "text" if got.media_type in TEXT_TYPES else "html"
        return RawDocument(
            id=url_id(url), content=got.content, kind=kind, source=url, url=got.url, **meta
        )

    def get(self, url: str, accept: tuple[str, ...]) -> Page | Rejection:
        """Fetch `url` if robots.txt allows it, retrying what may pass on a second try."""
        if not is_url(url):
            return _reject(url, Reason.MALFORMED_RECORD, f"{url!r} is not an http(s) URL.")
        refused = self._check_robots(url)
        if refused is not None:
            return refused
        for attempt in range(self.settings.retries + 1):
            try:
                return self._get_once(url, accept)
            except _Retry as retry:
                if attempt == self.settings.retries:
                    return retry.rejection
                wait = retry.wait if retry.wait is not None else self.backoff * 2**attempt
                log.info("retrying %s in %.1fs: %s", url, wait, retry.rejection.detail)
                self._sleep(min(wait, MAX_BACKOFF))
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------ one request

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None:
            wait = self.settings.host_delay - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _get_once(self, url: str, accept: tuple[str, ...]) -> Page | Rejection:
        self._wait_for_host(url)
        try:
            with self._client.stream("GET", url) as response:
                return self._read(url, response, accept)
        except httpx.TooManyRedirects:
            detail = f"{url} redirected more than {MAX_REDIRECTS} times (a redirect loop?)."
            return _reject(url, Reason.REDIRECT_LOOP, detail)
        except httpx.TimeoutException as e:
            detail = f"{url} did not answer within {self.settings.timeout:g}s ({type(e).__name__})."
            raise _Retry(_reject(url, Reason.TIMEOUT, detail)) from e
        except httpx.TransportError as e:
            detail = f"Cannot reach {url}: {type(e).__name__}: {e}"
            raise _Retry(_reject(url, Reason.NETWORK, detail)) from e

    def _read(
        self, url: str, response: httpx.Response, accept: tuple[str, ...]
    ) -> Page | Rejection:
        status = response.status_code
        if status == 429 or status >= 500:
            detail = f"{url} answered HTTP {status} {response.reason_phrase}."
            raise _Retry(_reject(url, Reason.HTTP_ERROR, detail), _retry_after(response))
        if status >= 400:
            detail = f"{url} answered HTTP {status} {response.reason_phrase}."
            return _reject(url, Reason.HTTP_ERROR, detail)
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in accept:
            detail = (
                f"{url} is {media_type or 'of no stated type'}, not one of {', '.join(accept)}."
            )
            return _reject(url, Reason.WRONG_CONTENT_TYPE, detail)
        return self._read_body(url, response, media_type)

    def _read_body(self, url: str, response: httpx.Response, media_type: str) -> Page | Rejection:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return _too_large(url, limit)
        body = bytearray()
        for part in response.iter_bytes():
            body += part
            if len(body) > limit:
                return _too_large(url, limit)
        return Page(url=str(response.url), content=bytes(body), media_type=media_type)

    # ------------------------------------------------------------ robots.txt

    def _check_robots(self, url: str) -> Rejection | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._load_robots(origin)
        if isinstance(rules, Rejection):
            return _reject(url, Reason.ROBOTS_DISALLOWED, rules.detail)
        if rules.can_fetch(ROBOTS_AGENT, url):
            return None
        detail = f"{origin}/robots.txt does not allow {ROBOTS_AGENT} to fetch {url}."
        return _reject(url, Reason.ROBOTS_DISALLOWED, detail)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | Rejection:
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        got = self.get_robots(f"{origin}/robots.txt")
        if isinstance(got, Rejection):
            return got
        rules.parse(got.splitlines())
        return rules

    def get_robots(self, url: str) -> str | Rejection:
        """robots.txt text ('' when there is none); a Rejection when it cannot be had."""
        for attempt in range(self.settings.retries + 1):
            self._wait_for_host(url)
            try:
                response = self._client.get(url)
            except httpx.HTTPError as e:
                problem = f"{type(e).__name__}: {e}"
            else:
                if response.status_code < 400:
                    return response.text[: self.settings.max_bytes]
                if response.status_code < 500:
                    return ""  # RFC 9309: an unavailable robots.txt allows everything
                problem = f"HTTP {response.status_code}"
            if attempt < self.settings.retries:
                self._sleep(min(self.backoff * 2**attempt, MAX_BACKOFF))
        detail = f"Cannot read {url} ({problem}), so nothing on that site is fetched."
        return _reject(url, Reason.ROBOTS_DISALLOWED, detail)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    return float(value) if value.isdigit() else None


def _too_large(url: str, limit: int) -> Rejection:
    detail = f"{url} is over the {limit:,}-byte limit (max_bytes). Raise --max-bytes to fetch it."
    return _reject(url, Reason.TOO_LARGE, detail)


def _reject(url: str, reason: Reason, detail: str) -> Rejection:
    return Rejection(item_id=url, stage="ingest", reason=reason, detail=detail, source=url)
