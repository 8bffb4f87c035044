"""Event dates: the words that date an event, resolved against the publication date.

Relative words are resolved here, anchored on the publication date: a weekday is the
most recent such day on or before publication (the next one after it when the verb is
future), "last month" is the previous month with month precision, "earlier this year" the
publication year, "three days ago" a day. Absolute expressions ("June 21, 2022", "21 June")
go through dateparser. `infer_published` finds a publication date in the text itself (a
dateline, or the latest full date pushed on to the weekday of a report) for articles
that carry none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsevents.coding import syntax
from newsevents.records import DatePrecision

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month"}
_UNITS |= {"months": "month", "year": "year", "years": "year"}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"\b(?:({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"|(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{1,40}(?:\([A-Za-z ]+\))?,\s*")
_REPORT_DAY = re.compile(
    r"\b(?:said|reported|announced|told|stated|added|confirmed|claimed|quoted)\s+"
    r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a "first ... since 2017" does not date the event it qualifies
_FIRST_SINCE = frozenset({"first", "time", "highest", "lowest", "largest", "biggest", "worst"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date resolved from words of the text: ISO value, precision, words and offsets."""

    value: str
    precision: DatePrecision
    text: str
    start: int
    end: int
    relative: bool


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int, shift: int = 0) -> str:
    index = year * 12 + (month - 1) + shift
    first = dt.date(index // 12, index % 12 + 1, 1)  # raises outside the calendar
    return f"{first.year:04d}-{first.month:02d}"


def _weekday(day_index: int, anchor: dt.date, *, future: bool, strict: bool) -> dt.date:
    if future:
        ahead = (day_index - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=ahead)
    back = (anchor.weekday() - day_index) % 7
    if back == 0 and strict:
        back = 7
    return anchor - dt.timedelta(days=back)


def resolve_words(
    words: str, anchor: dt.date | None, *, future: bool = False
) -> tuple[str, DatePrecision, bool] | None:
    """(ISO value, precision, relative?) for a date phrase; None for durations and words
    that name no period ("recent months", "16 years")."""
    text = re.sub(r"\s+", " ", words.lower().strip(" ,.")).replace("the ", "", 1)
    tokens = text.split()
    if not tokens:
        return None
    try:
        if anchor is not None and (found := _relative(tokens, anchor, future=future)):
            return (*found, True)
        return _absolute(text, anchor, future=future)
    except (OverflowError, ValueError):  # a date beyond the calendar's range
        return None


def _relative(
    tokens: list[str], anchor: dt.date, *, future: bool
) -> tuple[str, DatePrecision] | None:
    first, last = tokens[0], tokens[-1]
    weekday = next((t for t in tokens if t in WEEKDAYS), None)
    if weekday is not None:
        forward = future or first in ("next", "coming")
        day = _weekday(WEEKDAYS.index(weekday), anchor, future=forward, strict=first == "last")
        return day.isoformat(), "day"
    for word, shift in _DAY_WORDS.items():
        if word in tokens:
            return (anchor + dt.timedelta(days=shift)).isoformat(), "day"
    if tokens[:2] == ["last", "night"]:
        return (anchor - dt.timedelta(days=1)).isoformat(), "day"
    if len(tokens) >= 3 and last == "ago" and tokens[-2] in _UNITS:
        count = _NUMBERS.get(tokens[-3]) or (int(tokens[-3]) if tokens[-3].isdigit() else None)
        if count is None:
            return None
        return _shifted(anchor, _UNITS[tokens[-2]], -count)
    unit = _UNITS.get(last)
    if unit is None or len(tokens) > 4 or last.endswith("s"):
        return None  # "recent months", "two weeks": a duration, not a period
    if any(t in ("last", "past", "previous") for t in tokens):
        return _shifted(anchor, unit, -1)
    if any(t in ("next", "coming") for t in tokens):
        return _shifted(anchor, unit, 1)
    if "this" in tokens or "current" in tokens or "of" in tokens:
        return _shifted(anchor, unit, 0)  # "this week", "the start of the week"
    return None


def _shifted(anchor: dt.date, unit: str, count: int) -> tuple[str, DatePrecision]:
    if unit == "day":
        return (anchor + dt.timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=count)), "week"
    if unit == "month":
        return _month(anchor.year, anchor.month, count), "month"
    return f"{dt.date(anchor.year + count, 1, 1).year:04d}", "year"  # raises past 9999


def _absolute(
    text: str, anchor: dt.date | None, *, future: bool
) -> tuple[str, DatePrecision, bool] | None:
    named = re.search(rf"\b({_MONTH_RE})\b", text)
    month = MONTHS[named[1]] if named else None
    years = _YEAR.findall(text)
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", _YEAR.sub("", text)))
    if month is None:
        if years and not re.search(r"\b(?:years|decades|months)\b", text):
            return years[-1], "year", False
        return None
    if month == 5 and text.split()[0] == "may" and not years and not has_day:
        return None  # "may" alone is a modal more often than a month
    if has_day:
        parsed = _parse_day(text, anchor, future=future)
        if parsed is not None:
            return parsed.isoformat(), "day", not years
    if years:
        return f"{int(years[-1]):04d}-{month:02d}", "month", False
    if anchor is None:
        return None
    year = anchor.year
    if future and month < anchor.month:
        year += 1
    elif not future and month > anchor.month:
        year -= 1
    return f"{year:04d}-{month:02d}", "month", True


_MONTH_DAY = re.compile(
    rf"^(?:on\s+)?(?:({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?)(?:,?\s+(\d{{4}}))?$"
)


def _month_day(text: str, anchor: dt.date | None, *, future: bool) -> dt.date | None:
    """ "June 21", "21 June 2022": the common forms, without dateparser's start-up cost;
    a missing year is the anchor's, or the one before (after, for a future act)."""
    m = _MONTH_DAY.match(text)
    if m is None:
        return None
    month = MONTHS[(m[1] or m[4]).lower()]
    day = int(m[2] or m[3])
    if m[5]:
        return dt.date(int(m[5]), month, day)
    if anchor is None:
        return None
    found = dt.date(anchor.year, month, day)
    if future and found < anchor:
        return dt.date(anchor.year + 1, month, day)
    if not future and found > anchor:
        return dt.date(anchor.year - 1, month, day)
    return found


@lru_cache(maxsize=4096)
def _parse_day(text: str, anchor: dt.date | None, *, future: bool) -> dt.date | None:
    if _MONTH_DAY.match(text):
        return _month_day(text, anchor, future=future)
    import dateparser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
        "STRICT_PARSING": False,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found is not None else None


# -- which words date an event -------------------------------------------------------


def candidates(sent: Span) -> list[tuple[int, int, Token]]:
    """Date phrases of a sentence as (start token, end token, root token): DATE and TIME
    entities plus bare weekday and day words the model left untagged."""
    out: list[tuple[int, int, Token]] = []
    covered: set[int] = set()
    for ent in syntax.sentence_ents(sent):
        if ent.label_ in ("DATE", "TIME"):
            out.append((ent.start, ent.end, ent.root))
            covered.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in covered:
            continue
        if tok.lower_ in WEEKDAYS or tok.lower_ in _DAY_WORDS:
            out.append((tok.i, tok.i + 1, tok))
        elif tok.lower_.rstrip(".") in MONTHS and tok.lower_ != "may" and tok.pos_ == "PROPN":
            end = tok.i + 1  # "June 20, 2019" merged into a place by the model
            while end < sent.end and (sent.doc[end].like_num or sent.doc[end].text == ","):
                end += 1
            while end > tok.i + 1 and sent.doc[end - 1].text == ",":
                end -= 1
            out.append((tok.i, end, tok))
    return out


def mention_at(
    sent: Span, start: int, end: int, anchor: dt.date | None, *, future: bool
) -> DateMention | None:
    """Resolve the date phrase doc[start:end] (with a leading "last"/"next"/"since" it
    lacks), or None when it names no period or qualifies a "first ... since"."""
    doc = sent.doc
    while start > sent.start and doc[start - 1].lower_ in ("last", "next", "this", "early"):
        start -= 1
    if start > sent.start and doc[start - 1].lower_ == "since":
        before = {t.lower_ for t in doc[max(sent.start, start - 20) : start]}
        if before & _FIRST_SINCE:
            return None  # "the first ... since June 2021" does not date the event
    span = doc[start:end]
    resolved = resolve_words(span.text, anchor, future=future)
    if resolved is None:
        return None
    value, precision, relative = resolved
    text = span.text
    return DateMention(value, precision, text, span.start_char, span.end_char, relative)


def infer_published(text: str, captions: Sequence[str] = ()) -> dt.date | None:
    """A publication date from the text alone: a dateline's full date, else the latest
    full date in the text or its photo captions, moved on to the weekday of a report
    ("reported on Wednesday") that falls within the week after it."""
    head = text.lstrip()[:200]
    text = "\n".join([*captions, text])
    if _DATELINE.match(head) and (found := _FULL_DATE.search(head)) is not None:
        day = _full_date(found)
        if day is not None:
            return day
    days = [d for m in _FULL_DATE.finditer(text) if (d := _full_date(m)) is not None]
    if not days:
        return None
    latest = max(days)
    report_days = [
        _weekday(WEEKDAYS.index(m[1].lower()), latest, future=True, strict=False)
        for m in _REPORT_DAY.finditer(text)
    ]
    later = [d for d in report_days if d >= latest]
    if not later:
        return latest
    return latest if latest.weekday() in {d.weekday() for d in later} else min(later)


def _full_date(m: re.Match[str]) -> dt.date | None:
    try:
        if m[1]:
            return dt.date(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        if m[5]:
            return dt.date(int(m[6]), MONTHS[m[5].lower()], int(m[4]))
        return dt.date(int(m[7]), int(m[8]), int(m[9]))
    except ValueError:
        return None


def period_start(value: str) -> dt.date | None:
    """First day of an ISO day, week, month or year value."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return dt.date(int(m[1]), int(m[2]), 1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None
