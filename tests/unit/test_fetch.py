"""Fetching from a real local HTTP server: every failure is a rejection with its reason."""

from __future__ import annotations

import socket

import pytest

from newsevents import __version__
from newsevents.config import ExtractSettings, FetchSettings
from newsevents.errors import Reason
from newsevents.extract import extract_article
from newsevents.ingest.fetch import Fetcher, url_id
from newsevents.records import RawDocument, Rejection
from tests.site import Route, Site, page, site

__all__ = ["site"]
STORY = "Troops crossed the border on Monday, the defence ministry said in a statement."
FAST = FetchSettings(timeout=2.0, retries=2, host_delay=0.0, max_bytes=10_000)


def fetcher(settings: FetchSettings = FAST, sleeps: list[float] | None = None) -> Fetcher:
    def record(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)

    return Fetcher(settings, backoff=0.01, sleep=record)


def test_a_page_becomes_a_document_with_an_id_from_its_url(site: Site) -> None:
    site.routes["/news/1"] = Route(page("Border", STORY))
    with fetcher() as client:
        doc = client.page(site("/news/1"))
    assert isinstance(doc, RawDocument)
    assert doc.id == url_id(site("/news/1")) == url_id(site("/news/1#top"))
    assert doc.kind == "html" and doc.url == site("/news/1") and b"Border" in doc.content
    assert site.agents and all(a.startswith(f"newsevents/{__version__} ") for a in site.agents)


def test_plain_text_pages_are_text_documents(site: Site) -> None:
    site.routes["/t"] = Route(STORY.encode(), content_type="text/plain")
    with fetcher() as client:
        doc = client.page(site("/t"))
    assert isinstance(doc, RawDocument) and doc.kind == "text"


def test_404_is_an_http_error_and_is_not_retried(site: Site) -> None:
    with fetcher() as client:
        rejection = client.page(site("/missing"))
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.HTTP_ERROR and "404" in rejection.detail
    assert rejection.stage == "ingest" and site.hits["/missing"] == 1


def test_500_is_retried_with_backoff_then_succeeds(site: Site) -> None:
    site.routes["/flaky"] = Route(b"down", status=503, then=Route(page("Up", STORY)))
    sleeps: list[float] = []
    with fetcher(sleeps=sleeps) as client:
        doc = client.page(site("/flaky"))
    assert isinstance(doc, RawDocument) and site.hits["/flaky"] == 2
    assert sleeps == [0.01]


def test_500_every_time_gives_up_after_the_retries(site: Site) -> None:
    site.routes["/down"] = Route(b"down", status=500)
    sleeps: list[float] = []
    with fetcher(sleeps=sleeps) as client:
        rejection = client.page(site("/down"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.HTTP_ERROR
    assert site.hits["/down"] == FAST.retries + 1
    assert sleeps == [0.01, 0.02]  # exponential


def test_retry_after_is_honoured(site: Site) -> None:
    busy = Route(b"busy", status=429, headers={"Retry-After": "3"}, then=Route(page("x", STORY)))
    site.routes["/busy"] = busy
    sleeps: list[float] = []
    with fetcher(sleeps=sleeps) as client:
        assert isinstance(client.page(site("/busy")), RawDocument)
    assert sleeps == [3.0]


def test_a_slow_server_times_out(site: Site) -> None:
    site.routes["/slow"] = Route(page("Slow", STORY), delay=1.0)
    settings = FetchSettings(timeout=0.2, retries=1, host_delay=0.0, max_bytes=10_000)
    with fetcher(settings) as client:
        rejection = client.page(site("/slow"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.TIMEOUT
    assert site.hits["/slow"] == 2


def test_an_unreachable_site_is_refused_at_its_robots_txt() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free now, and nobody listens
    with fetcher(FetchSettings(timeout=1.0, retries=0, host_delay=0.0)) as client:
        rejection = client.page(f"http://127.0.0.1:{port}/x")
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.ROBOTS_DISALLOWED
    assert "robots.txt" in rejection.detail


def test_a_server_gone_away_is_a_network_rejection(site: Site) -> None:
    site.routes["/1"] = Route(page("One", STORY))
    with fetcher() as client:
        assert isinstance(client.page(site("/1")), RawDocument)  # robots.txt is known now
        site.server.shutdown()
        site.server.server_close()
        rejection = client.page(site("/2"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.NETWORK


def test_redirect_loops_are_caught(site: Site) -> None:
    site.routes["/a"] = Route(status=302, headers={"Location": "/b"})
    site.routes["/b"] = Route(status=302, headers={"Location": "/a"})
    with fetcher() as client:
        rejection = client.page(site("/a"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.REDIRECT_LOOP


def test_a_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    site.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    site.routes["/new"] = Route(page("New", STORY))
    with fetcher() as client:
        doc = client.page(site("/old"))
    assert isinstance(doc, RawDocument)
    assert doc.url == site("/new") and doc.id == url_id(site("/old"))


@pytest.mark.parametrize("length", [True, False], ids=["declared", "streamed"])
def test_oversized_responses_are_cut_off(site: Site, length: bool) -> None:
    site.routes["/big"] = Route(page("Big", STORY * 500), length=length)
    with fetcher() as client:
        rejection = client.page(site("/big"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.TOO_LARGE


@pytest.mark.parametrize("media", ["image/png", "application/octet-stream", "application/json"])
def test_binary_and_other_content_types_are_refused(site: Site, media: str) -> None:
    site.routes["/thing"] = Route(bytes(range(256)), content_type=media)
    with fetcher() as client:
        rejection = client.page(site("/thing"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.WRONG_CONTENT_TYPE
    assert media in rejection.detail


def test_binary_bytes_labelled_html_are_rejected_by_extract(site: Site) -> None:
    site.routes["/liar"] = Route(bytes(range(256)) * 20)
    with fetcher() as client:
        doc = client.page(site("/liar"))
    assert isinstance(doc, RawDocument)
    rejection = extract_article(doc, ExtractSettings())
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.BINARY


def test_robots_txt_disallow_is_obeyed_without_requesting_the_page(site: Site) -> None:
    site.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    site.routes["/private/1"] = Route(page("Secret", STORY))
    site.routes["/public/1"] = Route(page("Open", STORY))
    with fetcher() as client:
        refused = client.page(site("/private/1"))
        allowed = client.page(site("/public/1"))
    assert isinstance(refused, Rejection) and refused.reason is Reason.ROBOTS_DISALLOWED
    assert isinstance(allowed, RawDocument)
    assert site.hits["/private/1"] == 0 and site.hits["/robots.txt"] == 1


def test_a_failing_robots_txt_forbids_the_site(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"oops", status=500)
    site.routes["/p"] = Route(page("P", STORY))
    with fetcher() as client:
        rejection = client.page(site("/p"))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.ROBOTS_DISALLOWED
    assert site.hits["/p"] == 0


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    for n in range(3):
        site.routes[f"/{n}"] = Route(page(f"P{n}", STORY))
    sleeps: list[float] = []
    settings = FetchSettings(timeout=2.0, retries=0, host_delay=5.0, max_bytes=10_000)
    with fetcher(settings, sleeps) as client:
        for n in range(3):
            client.page(site(f"/{n}"))
    # robots.txt, then three pages: each request after the first waits (almost) host_delay
    assert len(sleeps) == 3 and all(4.0 < s <= 5.0 for s in sleeps)


def test_not_an_http_url_is_a_malformed_record() -> None:
    with fetcher() as client:
        rejection = client.page("ftp://example.org/file")
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.MALFORMED_RECORD
