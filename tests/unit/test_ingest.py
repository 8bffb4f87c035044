"""Ingest: paths, directories, globs and stdin into RawDocument or Rejection records."""

from __future__ import annotations

import io
import json
import os
import pathlib
import tracemalloc

import pytest

from newsevents.errors import ConfigError, InputError, Reason
from newsevents.ingest import detect_format, iter_documents, parse_jsonl_line, read_file
from newsevents.records import RawDocument, Rejection, content_hash

FIXTURES = pathlib.Path(__file__).parents[1] / "fixtures"
MB = 1024 * 1024


def write(path: pathlib.Path, data: str | bytes) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def collect(*inputs: str | pathlib.Path, **kwargs: object) -> list[RawDocument | Rejection]:
    return list(iter_documents([str(i) for i in inputs], **kwargs))  # type: ignore[arg-type]


def documents(items: list[RawDocument | Rejection]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def rejections(items: list[RawDocument | Rejection]) -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection)]


class EndlessStream(io.RawIOBase):
    """A stdin that never ends, counting the bytes handed out."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"a" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


# --- one text or HTML file -------------------------------------------------------------


def test_text_file_is_one_document_with_content_hash_id(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path / "story.txt", "Leaders met on Tuesday.\n")
    [doc] = collect(path)
    assert isinstance(doc, RawDocument)
    assert doc.id == content_hash(b"Leaders met on Tuesday.\n")
    assert (doc.kind, doc.source, doc.content) == ("text", str(path), path.read_bytes())


@pytest.mark.parametrize("name", ["page.html", "page.HTM", "page.xhtml"])
def test_html_extension_means_html(tmp_path: pathlib.Path, name: str) -> None:
    [doc] = collect(write(tmp_path / name, "Plain words, no markup at all."))
    assert isinstance(doc, RawDocument) and doc.kind == "html"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\n\n  <!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<HTML><p>x</p></HTML>", "html"),
        (b"<p>First paragraph</p>", "html"),
        (b"  <div class='story'>x</div>", "html"),
        (b'\xef\xbb\xbf \n{"id": "a", "text": "x"}', "jsonl"),
        (b"Leaders met. Prices rose 5% (from <3%).", "text"),
        (b"", "text"),
    ],
)
def test_detect_format_sniffs_content(head: bytes, expected: str) -> None:
    assert detect_format(head) == expected


def test_auto_sniffs_markup_and_jsonl_in_files_without_telling_extension(
    tmp_path: pathlib.Path,
) -> None:
    write(tmp_path / "a.txt", "<html><body><p>Story</p></body></html>")
    write(tmp_path / "b.dat", '{"id": "r1", "text": "Story one."}\n')
    html, record = collect(tmp_path / "a.txt", tmp_path / "b.dat")
    assert isinstance(html, RawDocument) and html.kind == "html"
    assert isinstance(record, RawDocument) and (record.id, record.kind) == ("r1", "text")


def test_explicit_input_format_overrides_sniffing(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path / "page.html", "<html><p>Story</p></html>")
    [doc] = collect(path, input_format="text")
    assert isinstance(doc, RawDocument) and doc.kind == "text"
    jsonl = write(tmp_path / "notes.txt", 'Looks like text\n{"id": "x", "text": "y"}\n')
    items = collect(jsonl, input_format="jsonl")
    assert [r.reason for r in rejections(items)] == [Reason.MALFORMED_RECORD]
    assert [d.id for d in documents(items)] == ["x"]


def test_unknown_input_format_is_a_config_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ConfigError, match="Unknown input format 'xml'"):
        iter_documents([str(tmp_path)], input_format="xml")  # type: ignore[arg-type]


# --- directories, globs, missing paths -------------------------------------------------


def test_directory_is_walked_recursively_sorted_skipping_hidden(tmp_path: pathlib.Path) -> None:
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.html", ".hidden.txt", ".git/e.txt"]:
        write(tmp_path / name, f"content of {name}")
    sources = [d.source for d in documents(collect(tmp_path))]
    names = [os.path.relpath(s, tmp_path) for s in sources]
    assert names == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.html"]


def test_explicit_hidden_file_is_read(tmp_path: pathlib.Path) -> None:
    [doc] = collect(write(tmp_path / ".draft.txt", "draft"))
    assert isinstance(doc, RawDocument)


def test_glob_patterns_expand_sorted(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ["b.txt", "a.txt", "x.html", "deep/y.html", "deep/er/z.html"]:
        write(tmp_path / name, name)
    monkeypatch.chdir(tmp_path)
    assert [d.source for d in documents(collect("*.txt"))] == ["a.txt", "b.txt"]
    htmls = [d.source for d in documents(collect("**/*.html"))]
    assert htmls == ["deep/er/z.html", "deep/y.html", "x.html"]


def test_same_file_given_twice_is_read_once(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path / "a.txt", "x")
    assert len(collect(path, path, str(tmp_path / "*.txt"))) == 1


def test_missing_path_raises_input_error_before_reading_anything(tmp_path: pathlib.Path) -> None:
    good = write(tmp_path / "good.txt", "x")
    with pytest.raises(InputError, match="does not exist") as info:
        iter_documents([str(good), str(tmp_path / "missing.txt")])  # no iteration needed
    assert info.value.path == str(tmp_path / "missing.txt")


def test_glob_that_matches_nothing_raises_input_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match=r"No files match .*\*\.txt"):
        iter_documents([str(tmp_path / "*.txt")])


# --- size and readability --------------------------------------------------------------


def test_50_mb_file_is_too_large_without_being_read(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"North Korea held a meeting. " * 100)
        f.seek(50 * MB - 1)
        f.write(b"\n")
    tracemalloc.start()
    try:
        items = collect(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r.reason for r in rejections(items)] == [Reason.TOO_LARGE]
    assert isinstance(items[0], Rejection) and "52,428,800 bytes" in items[0].detail
    assert "--max-bytes" in items[0].detail
    assert peak < 1 * MB


def test_file_just_at_the_limit_is_accepted(tmp_path: pathlib.Path) -> None:
    [doc] = collect(write(tmp_path / "a.txt", b"x" * 100), max_bytes=100)
    assert isinstance(doc, RawDocument)
    [rej] = collect(write(tmp_path / "b.txt", b"x" * 101), max_bytes=100)
    assert isinstance(rej, Rejection) and rej.reason == Reason.TOO_LARGE


def test_big_html_file_is_too_large(tmp_path: pathlib.Path) -> None:
    [rej] = collect(write(tmp_path / "a.html", b"<p>" + b"x" * 200), max_bytes=100)
    assert isinstance(rej, Rejection) and rej.reason == Reason.TOO_LARGE


def test_directory_given_as_file_is_unreadable_and_reading_goes_on(
    tmp_path: pathlib.Path,
) -> None:
    (tmp_path / "racy").mkdir()
    items = list(read_file(str(tmp_path / "racy")))
    assert [r.reason for r in rejections(items)] == [Reason.UNREADABLE]
    assert isinstance(items[0], Rejection) and "Cannot read" in items[0].detail


def test_broken_symlink_in_directory_is_unreadable(tmp_path: pathlib.Path) -> None:
    write(tmp_path / "a.txt", "story")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    items = collect(tmp_path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection"]
    assert items[1].reason == Reason.UNREADABLE  # type: ignore[union-attr]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_file_without_read_permission_is_unreadable(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path / "secret.txt", "x")
    path.chmod(0)
    [rej] = collect(path)
    assert isinstance(rej, Rejection) and rej.reason == Reason.UNREADABLE


def test_unreadable_subdirectory_is_a_rejection(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "locked/b.txt", "b")
    write(tmp_path / "z.txt", "z")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = collect(tmp_path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "RawDocument"]
    assert items[1].reason == Reason.UNREADABLE  # type: ignore[union-attr]
    assert "Permission denied" in items[1].detail  # type: ignore[union-attr]


# --- stdin -----------------------------------------------------------------------------


@pytest.mark.parametrize("inputs", [[], ["-"]])
def test_stdin_text(inputs: list[str]) -> None:
    [doc] = iter_documents(inputs, stdin=io.BytesIO(b"Leaders met on Tuesday."))
    assert isinstance(doc, RawDocument)
    assert (doc.kind, doc.source, doc.id) == ("text", "stdin", content_hash(doc.content))


def test_stdin_jsonl_is_sniffed_and_streamed() -> None:
    lines = b'\n  {"id": "a", "text": "one"}\n{"id": "b", "html": "<p>two</p>"}\n'
    items = list(iter_documents(["-"], stdin=io.BytesIO(lines)))
    assert [(d.id, d.kind, d.source) for d in documents(items)] == [
        ("a", "text", "stdin:2"),
        ("b", "html", "stdin:3"),
    ]


def test_stdin_jsonl_longer_than_the_sniffed_head() -> None:
    lines = b"".join(
        json.dumps({"id": str(i), "text": "word " * 50}).encode() + b"\n" for i in range(200)
    )
    items = list(iter_documents(["-"], stdin=io.BytesIO(lines)))
    assert [d.id for d in documents(items)] == [str(i) for i in range(200)]


@pytest.mark.parametrize("max_bytes", [100, 10_000])
def test_stdin_over_max_bytes_reads_at_most_max_bytes_plus_one(max_bytes: int) -> None:
    stream = EndlessStream()
    [rej] = iter_documents(["-"], stdin=stream, max_bytes=max_bytes)  # type: ignore[arg-type]
    assert isinstance(rej, Rejection) and rej.reason == Reason.TOO_LARGE
    assert rej.item_id == "stdin" and f"{max_bytes:,}-byte limit" in rej.detail
    assert stream.given <= max_bytes + 1


def test_stdin_between_files_keeps_order(tmp_path: pathlib.Path) -> None:
    a = write(tmp_path / "a.txt", "A")
    b = write(tmp_path / "b.txt", "B")
    items = iter_documents([str(a), "-", str(b)], stdin=io.BytesIO(b"S"))
    assert [d.content for d in items if isinstance(d, RawDocument)] == [b"A", b"S", b"B"]


# --- JSONL -----------------------------------------------------------------------------


def test_malformed_jsonl_lines_are_rejected_and_good_lines_come_through() -> None:
    items = collect(FIXTURES / "mixed.jsonl")
    docs = documents(items)
    assert [d.id for d in docs] == ["good-1", "good-2", "good-3", "empty-text"]
    assert docs[0].kind == "text" and docs[0].content.startswith(b"Police in")
    assert docs[1].kind == "html" and docs[1].title == "Talks resume"
    assert (docs[1].published, docs[1].url, docs[1].outlet, docs[1].language) == (
        "2023-03-14T08:30:00Z",
        "https://example.org/talks",
        "Example Post",
        "en",
    )
    source = str(FIXTURES / "mixed.jsonl")
    assert docs[0].source == f"{source}:1"
    got = [(r.item_id, r.reason, r.detail.split(":")[0]) for r in rejections(items)]
    assert got == [
        (f"{source}:3", Reason.MALFORMED_RECORD, "line 3"),  # not JSON
        (f"{source}:4", Reason.MALFORMED_RECORD, "line 4"),  # an array
        (f"{source}:5", Reason.MALFORMED_RECORD, "line 5"),  # no id
        ("no-body", Reason.MALFORMED_RECORD, "line 6"),  # neither text nor html
        (f"{source}:7", Reason.MALFORMED_RECORD, "line 7"),  # numeric id
        ("bad-text", Reason.MALFORMED_RECORD, "line 9"),  # text is a list
        ("bad-date", Reason.MALFORMED_RECORD, "line 10"),  # published is a number
        (f"{source}:11", Reason.MALFORMED_RECORD, "line 11"),  # empty id
    ]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b'"just a string"', "expected a JSON object, got a string"),
        (b'{"text": "x"}', 'missing the required "id"'),
        (b'{"id": 7, "text": "x"}', '"id" must be a non-empty string, got a number (7)'),
        (b'{"id": "a"}', 'needs a "text" or an "html"'),
        (b'{"id": "a", "text": null, "html": null}', 'needs a "text" or an "html"'),
        (b'{"id": "a", "html": ["x"]}', '"html" must be a string or null, got an array'),
        (b'{"id": "a", "text": "x", "url": true}', '"url" must be a string or null, got a boo'),
        (b'{"id": "a", "text": "\\ud800"}', "unpaired surrogate"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_each_malformed_line_says_what_is_wrong(line: bytes, fragment: str) -> None:
    rej = parse_jsonl_line(line, source="in.jsonl", lineno=3)
    assert isinstance(rej, Rejection)
    assert (rej.stage, rej.reason, rej.source) == ("ingest", Reason.MALFORMED_RECORD, "in.jsonl")
    assert rej.detail.startswith("line 3: ") and fragment in rej.detail


def test_blank_jsonl_line_is_skipped() -> None:
    assert parse_jsonl_line(b"  \r\n", source="in.jsonl", lineno=2) is None


def test_text_wins_when_a_record_has_both_text_and_html() -> None:
    doc = parse_jsonl_line(b'{"id": "a", "text": "T", "html": "<p>H</p>"}', source="s", lineno=1)
    assert isinstance(doc, RawDocument) and (doc.kind, doc.content) == ("text", b"T")


def test_jsonl_line_with_invalid_utf8_is_bad_encoding() -> None:
    rej = parse_jsonl_line(b'{"id": "a", "text": "caf\xe9"}', source="s", lineno=4)
    assert isinstance(rej, Rejection) and rej.reason == Reason.BAD_ENCODING
    assert rej.item_id == "s:4" and "UTF-8" in rej.detail


def test_jsonl_bom_on_first_line_is_fine(tmp_path: pathlib.Path) -> None:
    path = write(tmp_path / "a.jsonl", b'\xef\xbb\xbf{"id": "a", "text": "x"}\n')
    [doc] = collect(path)
    assert isinstance(doc, RawDocument) and doc.id == "a"


def test_jsonl_record_text_over_max_bytes_is_too_large(tmp_path: pathlib.Path) -> None:
    lines = [
        {"id": "big", "text": "é" * 60},  # 120 bytes of UTF-8
        {"id": "small", "text": "fine"},
    ]
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(x) for x in lines))
    big, small = collect(path, max_bytes=100)
    assert isinstance(big, Rejection) and (big.item_id, big.reason) == ("big", Reason.TOO_LARGE)
    assert "120 bytes" in big.detail
    assert isinstance(small, RawDocument) and small.id == "small"


def test_jsonl_line_too_long_to_hold_is_skipped_and_reading_goes_on(
    tmp_path: pathlib.Path,
) -> None:
    huge = json.dumps({"id": "huge", "text": "x" * 100_000})  # over line_limit(1000)
    path = write(tmp_path / "a.jsonl", huge + '\n{"id": "next", "text": "y"}\n')
    first, second = collect(path, max_bytes=1000)
    assert isinstance(first, Rejection) and first.reason == Reason.TOO_LARGE
    assert first.item_id == f"{path}:1"
    assert isinstance(second, RawDocument) and second.id == "next"


def test_big_jsonl_file_is_streamed_not_loaded(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w") as f:
        for i in range(40_000):
            f.write(json.dumps({"id": f"r{i}", "text": "Troops crossed the border. " * 6}) + "\n")
    assert path.stat().st_size > 6 * MB
    tracemalloc.start()
    try:
        count = sum(1 for item in iter_documents([str(path)], max_bytes=MB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 40_000
    assert peak < 2 * MB
