"""The extract stage: RawDocument -> Article | Rejection.

Checks the bytes (size, empty, binary, encoding), pulls the article out of HTML with
trafilatura, and cleans the text with general line rules for news pages: page chrome
(breadcrumbs, share prompts, bylines, date lines, app promos, mirror-address footers) is
dropped, photo captions move to `Article.captions`, and a leading headline becomes the
title. Then it checks length and language and parses the publication date. It never raises
on bad content: every expected failure is a `Rejection` with a reason and a sentence.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

import py3langid
import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import set_date_params

from newsevents.config import ExtractSettings
from newsevents.errors import Reason
from newsevents.records import Article, RawDocument, Rejection, content_hash

LANGUAGE_MIN_CHARS = 200  # texts shorter than this are too short to judge their language
_LANGID_MAX_CHARS = 20_000
_CONTROL_SHARE = 0.05
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
_SNIFF_BYTES = 65_536
_SHORT = 100  # a chrome line or a trailing scrap is at most this many characters

_WHITESPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_CHARSET = re.compile(
    rb"""(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-z0-9_.:-]+)"""
)

_AGENCY = (
    r"AP|AFP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Xinhua|IRNA|ISNA|Fars|Tasnim|Mehr|"
    r"Anadolu(?: Agency)?|TASS|Sputnik|Yonhap|KCNA|UPI|dpa|SANA|ANI|PTI|Bloomberg"
)
_SEGMENT = r"[\w&'’(),.-]+(?: [\w&'’(),.-]+){0,3}"
_SHARE_WORD = (
    r"(?:share|tweet|e-?mail|print|copy(?: the)? link|save|comments?|facebook|twitter|x|"
    r"whatsapp|telegram|linkedin|reddit|pinterest|messenger|flipboard|vk)"
)
_URL = r"(?:https?://\S+|www\.\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)"
_DATE_WORD = (
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:[ap]m)?|\d{1,4}(?:st|nd|rd|th)?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|[ap]\.?m\.?|[ecmp][sd]?t|gmt|utc|bst|ist|kst|"
    r"published|updated|posted|last|on|at)"
)

# Whole paragraphs that are page furniture, never story text.
_CHROME = [
    re.compile(rf"^{_SEGMENT}(?:\s+[/>»›|→·•]\s+{_SEGMENT}){{1,6}}$"),  # News / Koreas
    re.compile(
        rf"(?i)^(?:(?:click to )?share(?: this| the)?(?: article| story| page| post| video)?"
        rf"(?: (?:on|via|with|to) .{{1,40}})?:?|{_SHARE_WORD}(?:[\s,|/·•]+{_SHARE_WORD})*"
        rf"|follow us(?: on .{{1,40}})?:?)$"
    ),
    re.compile(
        r"(?i)^[^.!?]{0,60}\b(?:download (?:our|the) app|get (?:our|the) app|"
        r"(?:on|in|from) (?:the )?(?:app store|google play)|subscribe to (?:our|the)|"
        r"sign up (?:for|to) (?:our|the)|our newsletter)\b[^.!?]{0,60}[.!]?$"
    ),
    re.compile(rf"(?i)^{_URL}(?:[\s,|]+{_URL})*$"),
    re.compile(
        r"(?i)^(?:©|\(c\)|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b)).{0,150}$"
        r"|^.{0,100}\ball rights reserved\.?$"
    ),
    re.compile(
        r"^(?i:by|written by|words by)\s+[A-Z][\w.'’-]*"
        r"(?:[ ,]+(?:and\s+)?[A-Z&][\w.'’&-]*){0,8}$"
    ),
    re.compile(rf"(?i)^(?:[-–—]\s*)?\(?(?:by\s+)?(?:{_AGENCY})\)?$"),
    re.compile(r"(?i)^\((?:additional )?(?:reporting|writing|editing)\b[^()]*\)$"),
    re.compile(
        rf"(?i)^(?=.*\b(?:19|20)\d\d\b)[\[(]?{_DATE_WORD}(?:[\s,:/|()\[\]-]+{_DATE_WORD})*"
        r"[\s.\])]*$"
    ),
]
# A paragraph that starts a footer: it and the scraps after it are dropped.
_FOOTER = re.compile(
    r"(?i)can also be (?:accessed|reached|found) at|alternate (?:address|domain|url|link)e?s?\b"
    r"|mirror (?:sites?|address)|^related (?:articles|news|stories|content)\b"
    r"|^you may also like|^recommended(?: for you)?:?$|^most (?:read|popular|viewed)\b"
    r"|^read more:?$|^more (?:from|on) .{1,40}:?$"
)
_CAPTION_START = re.compile(
    r"(?i)^(?:(?:in )?(?:this|these|a|an|the) (?:[\w-]+ ){0,3}?"
    r"(?:photos?|photographs?|pictures?|images?|screen ?shots?|screen ?grabs?|stills?)\b"
    r"|(?:file |handout |undated )?(?:photo|picture|image)s?(?: credit)?\s*[:|]"
    r"|\(photo\b|file photo\b)"
)
_PHOTO_CREDIT = re.compile(
    r"(?i)\((?:[^()]{0,40}\b)?(?:photo(?:graph)?|picture|image|pic)s?\b[^()]{0,60}\)\s*$"
)
_AGENCY_CREDIT = re.compile(
    rf"(?i)\s*\((?:(?:by|via|courtesy of)\s+[^()]{{1,40}}"
    rf"|(?:{_AGENCY})(?:/[^()]{{1,40}})?)\)\s*$"
)
_CAPTION_WORDS = re.compile(
    r"(?i)\b(?:photo\w*|pictur\w*|images?|seen|poses?|posing|gestur\w*|attends?|attending|"
    r"waves?|waving|(?:left|right|center|centre)(?=[,)]))\b|\((?:L|R|C|2nd [LR])\)"
)


@dataclass(frozen=True, slots=True)
class _Page:
    """What the input said before cleaning: raw text and metadata found in the page."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Text split into story paragraphs, photo captions and the headline found on top."""

    body: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    headline: str | None = None


def extract_article(raw: RawDocument, settings: ExtractSettings) -> Article | Rejection:
    """Turn one RawDocument into a clean Article, or a Rejection saying why not."""
    problem = _check_bytes(raw, settings)
    if problem is not None:
        return problem
    decoded = _decode(raw)
    if isinstance(decoded, Rejection):
        return decoded
    page = _read_html(raw, decoded) if raw.kind == "html" else _Page(text=decoded)
    if isinstance(page, Rejection):
        return page
    cleaned = clean_text(page.text, join_wrapped=raw.kind == "text")
    text = "\n\n".join(cleaned.body)
    if len(text) < settings.min_chars:
        return _too_short(raw, text, settings.min_chars)
    language = _language(raw, text, settings)
    if isinstance(language, Rejection):
        return language
    published, published_source = _published(raw.published, page.date)
    return Article(
        id=raw.id,
        text=text,
        source=raw.source,
        title=raw.title or page.title or cleaned.headline,
        url=raw.url or page.url,
        outlet=raw.outlet or page.outlet,
        published=published,
        published_source=published_source,
        language=language,
        captions=cleaned.captions,
        content_hash=content_hash(text),
    )


def _reject(raw: RawDocument, reason: Reason, detail: str) -> Rejection:
    return Rejection(
        item_id=raw.id, stage="extract", reason=reason, detail=detail, source=raw.source
    )


# --- bytes -----------------------------------------------------------------------------


def _check_bytes(raw: RawDocument, settings: ExtractSettings) -> Rejection | None:
    content = raw.content
    if len(content) > settings.max_bytes:
        return _reject(
            raw,
            Reason.TOO_LARGE,
            f"Document is {len(content):,} bytes, over the {settings.max_bytes:,}-byte limit "
            "(max_bytes). Split it or raise --max-bytes.",
        )
    if not content.removeprefix(codecs.BOM_UTF8).strip():
        return _reject(raw, Reason.EMPTY, "Document is empty or only whitespace. Nothing to do.")
    sample = content[:_SNIFF_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in content or controls > _CONTROL_SHARE * len(sample):
        what = "NUL bytes" if b"\x00" in content else f"{controls:,} control bytes"
        return _reject(
            raw,
            Reason.BINARY,
            f"Document has {what}, so it is binary, not text. Give a text, HTML or JSONL "
            "file (convert UTF-16 text to UTF-8 first).",
        )
    return None


def _decode(raw: RawDocument) -> str | Rejection:
    encoding = _declared_charset(raw.content) if raw.kind == "html" else "utf-8-sig"
    try:
        return raw.content.decode(encoding)
    except UnicodeDecodeError as e:
        bad = raw.content[e.start : e.start + 1].hex().upper()
        encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        return _reject(
            raw,
            Reason.BAD_ENCODING,
            f"Byte 0x{bad} at offset {e.start:,} is not valid {encoding.upper()}. Convert the "
            "document to UTF-8 (for example with iconv) or declare its charset in the HTML.",
        )


def _declared_charset(content: bytes) -> str:
    """The charset an HTML page declares, or UTF-8 (also when the name is unknown)."""
    match = None if content.startswith(codecs.BOM_UTF8) else _CHARSET.search(content[:4096])
    try:
        codec = codecs.lookup((match.group(1) or match.group(2)).decode() if match else "utf-8")
    except LookupError:
        return "utf-8-sig"
    # A page whose <meta> is readable as ASCII is not UTF-16/32; ASCII pages are UTF-8.
    name = codec.name
    return "utf-8-sig" if name.startswith(("utf-8", "utf-16", "utf-32", "ascii")) else name


# --- HTML ------------------------------------------------------------------------------


def _read_html(raw: RawDocument, html: str) -> _Page | Rejection:
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=raw.url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params=set_date_params(False),
        )
    except (ValueError, LxmlError, RecursionError) as e:
        return _reject(
            raw,
            Reason.NO_ARTICLE,
            f"The HTML could not be parsed ({type(e).__name__}: {e}). Check that it is a web "
            "page, or give the article as text.",
        )
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        return _too_short(raw, "", 1)
    found = {name: getattr(doc, name, None) or None for name in ("title", "date", "url")}
    return _Page(text, **found, outlet=getattr(doc, "sitename", None) or None)


def _too_short(raw: RawDocument, text: str, min_chars: int) -> Rejection:
    """TOO_SHORT for text; NO_ARTICLE for HTML, where little text means no article found."""
    if raw.kind == "html":
        found = f"only {len(text):,} characters of text" if text else "no article text"
        return _reject(
            raw,
            Reason.NO_ARTICLE,
            f"Found {found} in this HTML page (a menu, index or error page?). Give an "
            "article page, or the article as text.",
        )
    return _reject(
        raw,
        Reason.TOO_SHORT,
        f"Clean text is {len(text):,} characters, under the {min_chars:,}-character "
        "minimum (min_chars). Give the full article, or lower --min-chars.",
    )


# --- text cleaning ---------------------------------------------------------------------


def clean_text(text: str, *, join_wrapped: bool = True) -> CleanedText:
    """Split into paragraphs, drop page chrome, set captions and a leading headline aside."""
    body: list[str] = []
    captions: list[str] = []
    in_footer = body_started = False
    for paragraph in split_paragraphs(text, join_wrapped=join_wrapped):
        if _is_footer(paragraph):
            in_footer = True
        elif _is_chrome(paragraph) or (in_footer and not _is_prose(paragraph)):
            continue
        elif _is_caption(paragraph, body_started=body_started):
            captions.append(paragraph)
        else:
            in_footer, body_started = False, body_started or _is_prose(paragraph)
            body.append(_AGENCY_CREDIT.sub("", paragraph) or paragraph)
    headline = body.pop(0) if len(body) > 1 and _is_headline(body[0]) else None
    while len(body) > 1 and len(body[-1]) <= _SHORT and not _is_prose(body[-1]):
        body.pop()  # trailing scraps: outlet names, app promos, tag lists
    return CleanedText(tuple(body), tuple(captions), headline)


def split_paragraphs(text: str, *, join_wrapped: bool = True) -> list[str]:
    """Paragraphs with whitespace normalised. Blank lines separate paragraphs; with
    `join_wrapped`, a long line without a final stop continues onto the next line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in (_normalise(x) for x in text.splitlines()):
        if current and not (line and join_wrapped and _is_wrapped(current[-1])):
            paragraphs.append(" ".join(current))
            current = []
        if line:
            current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _normalise(line: str) -> str:
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", line)).strip()


def _is_wrapped(line: str) -> bool:
    return len(line) >= 40 and not _SENTENCE_END.search(line)


def _is_prose(paragraph: str) -> bool:
    return bool(_SENTENCE_END.search(paragraph)) and len(paragraph.split()) >= 4


def _is_footer(paragraph: str) -> bool:
    short = len(paragraph) <= 2 * _SHORT
    return short and not _is_prose(paragraph) and _FOOTER.search(paragraph) is not None


def _is_chrome(paragraph: str) -> bool:
    return len(paragraph) <= 2 * _SHORT and any(rule.search(paragraph) for rule in _CHROME)


def _is_caption(paragraph: str, *, body_started: bool) -> bool:
    if len(paragraph) > 500:
        return False
    if _CAPTION_START.search(paragraph) or _PHOTO_CREDIT.search(paragraph):
        return True
    has_credit = _AGENCY_CREDIT.search(paragraph) is not None
    return has_credit and (not body_started or bool(_CAPTION_WORDS.search(paragraph)))


def _is_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return (
        2 <= len(words) <= 25
        and len(paragraph) <= 200
        and not paragraph.endswith((".", ",", ";", ":"))
        and (paragraph[0].isupper() or paragraph[0].isdigit() or paragraph[0] in "\"'“‘")
    )


# --- language and date -----------------------------------------------------------------


def _language(raw: RawDocument, text: str, settings: ExtractSettings) -> str | Rejection:
    accepted = settings.languages
    if raw.language:
        declared = re.split(r"[-_]", raw.language.strip().lower())[0]
        if declared in accepted:
            return declared
        return _wrong_language(raw, declared, accepted, "is declared")
    ranked = [lang for lang, _score in py3langid.rank(text[:_LANGID_MAX_CHARS])]
    if ranked[0] in accepted:
        return ranked[0]
    if len(text) >= LANGUAGE_MIN_CHARS:
        return _wrong_language(raw, ranked[0], accepted, "was detected")
    return next((lang for lang in ranked if lang in accepted), ranked[0])


def _wrong_language(raw: RawDocument, lang: str, accepted: tuple[str, ...], how: str) -> Rejection:
    wanted = ",".join(accepted)
    return _reject(
        raw,
        Reason.WRONG_LANGUAGE,
        f"Language {lang!r} {how}, but the accepted languages (languages) are {wanted}. "
        f"Add it with --languages {wanted},{lang} if the pipeline can handle it.",
    )


def _published(
    given: str | None, from_page: str | None
) -> tuple[dt.date | None, Literal["metadata", "html", "none"]]:
    if (date := parse_date(given)) is not None:
        return date, "metadata"
    if (date := parse_date(from_page)) is not None:
        return date, "html"
    return None, "none"


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date or datetime as a date; None when absent or unparseable."""
    if not value or not value.strip():
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None
