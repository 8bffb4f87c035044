"""Feeds, WARC archives and URL lists as documents, served and written for real."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.config import FetchSettings
from newsevents.errors import Reason
from newsevents.ingest import Seen, iter_documents
from newsevents.ingest.fetch import Fetcher, url_id
from newsevents.ingest.rss import feed_documents, fetch_feed
from newsevents.ingest.warc import looks_like_warc, read_warc
from newsevents.records import RawDocument, Rejection
from tests.site import Route, Site, page, rss, site

__all__ = ["site"]
STORY = "Troops crossed the border on Monday, the defence ministry said in a statement."
FAST = FetchSettings(timeout=2.0, retries=0, host_delay=0.0, max_bytes=100_000)
DATES = ("Mon, 03 Jun 2024 10:00:00 GMT", "Tue, 04 Jun 2024 10:00:00 GMT")


def fetcher() -> Fetcher:
    return Fetcher(FAST, backoff=0.0, sleep=lambda s: None)


def serve_feed(site: Site, n: int = 2) -> None:
    items = []
    for i in range(n):
        site.routes[f"/story/{i}"] = Route(page(f"Story {i}", f"{STORY} Item {i}."))
        items.append((f"Story {i}", site(f"/story/{i}"), DATES[i % 2]))
    site.routes["/feed.xml"] = Route(rss("Border Times", items), content_type="application/rss+xml")


def fetch_all(*inputs: str, **kwargs: object) -> list[RawDocument | Rejection]:
    settings = {"fetch": FAST, **kwargs}
    return list(iter_documents(list(inputs), **settings))  # type: ignore[arg-type]


# ---------------------------------------------------------------- feeds


def test_a_feed_url_gives_its_items_pages_with_feed_metadata(site: Site) -> None:
    serve_feed(site)
    with fetcher() as client:
        docs = list(fetch_feed(site("/feed.xml"), client))
    assert [d.url for d in docs if isinstance(d, RawDocument)] == [
        site("/story/0"),
        site("/story/1"),
    ]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.title, first.outlet, first.published) == ("Story 0", "Border Times", "2024-06-03")
    assert first.id == url_id(site("/story/0")) and b"Item 0" in first.content


def test_a_url_input_that_is_a_feed_is_read_as_one(site: Site) -> None:
    serve_feed(site, 2)
    docs = fetch_all(site("/feed.xml"))
    assert len(docs) == 2 and all(isinstance(d, RawDocument) for d in docs)


def test_an_atom_file_is_detected_by_content(site: Site, tmp_path: Path) -> None:
    site.routes["/a"] = Route(page("A", STORY))
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f'<entry><title>A</title><link href="{site("/a")}"/><id>urn:a</id>'
        "<updated>2024-06-05T08:00:00Z</updated></entry></feed>"
    )
    path = tmp_path / "wire.xml"
    path.write_text(atom)
    [doc] = fetch_all(str(path))
    assert isinstance(doc, RawDocument)
    assert (doc.url, doc.outlet, doc.published) == (site("/a"), "Wire", "2024-06-05")


def test_feed_items_that_fail_are_rejections_and_the_rest_go_on(site: Site) -> None:
    items = [("Gone", site("/gone"), DATES[0]), ("Here", site("/here"), DATES[1])]
    site.routes["/here"] = Route(page("Here", STORY))
    gone = site("/gone").encode()
    content = rss("T", items).replace(b"<link>" + gone + b"</link>", b"")
    content = content.replace(b"<guid>" + gone + b"</guid>", b"")  # a guid may stand for a link
    with fetcher() as client:
        broken = list(feed_documents(rss("T", items), "feed", client))
        no_link = list(feed_documents(content, "feed", client))
    assert isinstance(broken[0], Rejection) and broken[0].reason is Reason.HTTP_ERROR
    assert isinstance(broken[1], RawDocument)
    assert isinstance(no_link[0], Rejection) and no_link[0].reason is Reason.MALFORMED_RECORD
    assert isinstance(no_link[1], RawDocument)


def test_something_that_is_not_a_feed_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is <b>not</b> a feed at all")
    [rejection] = fetch_all(str(path))
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.NOT_A_FEED
    assert "--input-format html" in rejection.detail


def test_seen_items_are_skipped_before_they_are_fetched(site: Site) -> None:
    serve_feed(site, 2)
    done = {url_id(site("/story/0"))}
    seen = Seen(lambda ids: {i for i in ids if i in done})
    docs = fetch_all(site("/feed.xml"), seen=seen)
    assert [d.url for d in docs if isinstance(d, RawDocument)] == [site("/story/1")]
    assert site.hits["/story/0"] == 0 and seen.skipped == 1


def test_an_item_in_two_feeds_is_fetched_once_per_run(site: Site) -> None:
    serve_feed(site, 2)
    site.routes["/other.xml"] = Route(site.routes["/feed.xml"].body, content_type="text/xml")
    seen = Seen(lambda ids: set())
    docs = fetch_all(site("/feed.xml"), site("/other.xml"), seen=seen)
    assert len(docs) == 2 and site.hits["/story/0"] == 1 and seen.skipped == 2


# ---------------------------------------------------------------- URL lists


def test_a_url_list_is_detected_and_each_url_fetched(site: Site, tmp_path: Path) -> None:
    site.routes["/1"] = Route(page("One", STORY))
    site.routes["/2"] = Route(page("Two", STORY))
    path = tmp_path / "list.txt"
    path.write_text(f"# today's pages\n{site('/1')}\n\n{site('/2')}\n{site('/404')}\n")
    docs = fetch_all(str(path))
    assert [type(d).__name__ for d in docs] == ["RawDocument", "RawDocument", "Rejection"]
    assert isinstance(docs[2], Rejection) and docs[2].reason is Reason.HTTP_ERROR


def test_a_url_list_line_that_is_not_a_url_is_malformed(site: Site, tmp_path: Path) -> None:
    site.routes["/1"] = Route(page("One", STORY))
    path = tmp_path / "pages.urls"
    path.write_text(f"{site('/1')}\nnot a url\n")
    docs = fetch_all(str(path))
    assert isinstance(docs[1], Rejection) and docs[1].reason is Reason.MALFORMED_RECORD
    assert docs[1].item_id == f"{path}:2"


def test_a_url_list_from_stdin_needs_the_format(site: Site) -> None:
    site.routes["/1"] = Route(page("One", STORY))
    stdin = io.BytesIO(f"{site('/1')}\n".encode())
    [doc] = fetch_all("-", input_format="urls", stdin=stdin)
    assert isinstance(doc, RawDocument) and doc.url == site("/1")


# ---------------------------------------------------------------- WARC


def _response(writer: WARCWriter, uri: str, body: bytes, status: str, media: str) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", media)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def write_warc(path: Path, gzipped: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = writer.create_warc_record(
            "https://news.example/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        _response(writer, "https://news.example/a", page("A", STORY), "200 OK", "text/html")
        _response(writer, "https://news.example/gone", b"no", "404 Not Found", "text/html")
        _response(writer, "https://news.example/logo.png", b"\x89PNG", "200 OK", "image/png")
        _response(writer, "https://news.example/b", page("B", STORY), "200 OK", "text/html")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses_with_html_become_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzipped=name.endswith(".gz"))
    items = fetch_all(str(path))
    docs = [i for i in items if isinstance(i, RawDocument)]
    reasons = [i.reason for i in items if isinstance(i, Rejection)]
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert reasons == [Reason.HTTP_ERROR, Reason.WRONG_CONTENT_TYPE]
    assert b"<h1>A</h1>" in docs[0].content and docs[0].kind == "html"
    again = [_key(i) for i in read_warc(str(path))]
    assert again == [_key(i) for i in items] and len(set(again)) == len(again)


def _key(item: RawDocument | Rejection) -> str:
    return item.id if isinstance(item, RawDocument) else item.item_id


def test_warc_files_are_detected_by_content(tmp_path: Path) -> None:
    plain, packed = tmp_path / "a.bin", tmp_path / "b.bin"
    write_warc(plain, gzipped=False)
    write_warc(packed, gzipped=True)
    assert looks_like_warc(plain.read_bytes()[:4096])
    assert looks_like_warc(packed.read_bytes()[:4096])
    assert not looks_like_warc(gzip.compress(b"just text"))
    assert len(fetch_all(str(packed))) == 4


def test_a_warc_cut_short_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path, gzipped=False)
    data = path.read_bytes()
    cut = data[: data.rindex(b"WARC/1") + 40] + b"garbage\r\n\r\n"
    path.write_bytes(cut)
    items = fetch_all(str(path))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], Rejection) and items[-1].reason is Reason.UNREADABLE
