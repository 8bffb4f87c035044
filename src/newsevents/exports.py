"""Exports of stored events: PLOVER JSON Lines, GDELT 2.0 event rows, CSV, and Parquet
partitioned by event year and month.

Every format reads the store through `store.queries` with one `EventFilter` (the filters of
`newsevents events`); negated events are left out unless asked for.

GDELT rows follow the 61 columns of the GDELT 2.0 Events table (tab-separated, no header),
so GDELT tooling reads them unchanged. How our fields fill GDELT's:

- GLOBALEVENTID: the first 15 hex digits of our event_id as an integer (deterministic).
- SQLDATE, MonthYear, Year, FractionDate: the first day of the event's date period.
- Actor1/2: Code = country + sector (CAMEO style, "PRKGOV"); Name = resolved name or text,
  upper case; CountryCode = an ISO 3166 code, KnownGroupCode = an organisation code
  ("UNO", "NATO"); Type1Code = sector. Ethnic, religion and further type codes are blank.
- IsRootEvent: 1 when the event's sentence starts within the first 400 characters of the
  article (an approximation of GDELT's lead-paragraph flag).
- EventCode = the full CAMEO code, EventBaseCode = its first three digits, EventRootCode =
  the CAMEO root; QuadClass as coded.
- GoldsteinScale: the event's PLOVER intensity, clamped to -10..+10. GDELT takes a fixed
  score per CAMEO code from Goldstein (1992); we do not ship that table, and intensity is
  our own score on the same scale and with the same sign (cooperation positive).
- NumMentions, NumSources, NumArticles: 1 (one coded report); AvgTone: blank.
- Actor geo: type 0 and blanks (we do not locate actors). ActionGeo from the event
  location: type 1 country, 2/5 US state/other admin1, 3/4 US/other city; full name, lat,
  long. GDELT's FIPS 10-4 country and ADM codes are left blank (we hold ISO codes).
- DATEADDED: when the event was stored (UTC, YYYYMMDDHHMMSS). SOURCEURL: the article URL,
  or its id when it has none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import duckdb

from newsevents.errors import ConfigError
from newsevents.render import write_csv, write_jsonl
from newsevents.store.queries import EventFilter, iter_events, where

FORMATS = ("plover-jsonl", "gdelt-tsv", "csv", "parquet")
GDELT_COLUMNS = 61
_ROOT_CHARS = 400
_GEO_TYPES = {("country", False): 1, ("admin1", True): 2, ("city", True): 3,
              ("city", False): 4, ("admin1", False): 5, ("country", True): 1}  # fmt: skip


@cache
def _iso_codes() -> frozenset[str]:
    text = resources.files("newsevents.data").joinpath("countries.tsv").read_text("utf-8")
    rows = [line.split("\t", 1)[0] for line in text.splitlines() if line and line[0] != "#"]
    return frozenset(rows[1:])


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # no tabs or newlines inside a cell


def _actor_cells(part: dict[str, Any] | None) -> list[str]:
    """The ten Actor columns: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
    Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code."""
    if not part:
        return [""] * 10
    country, sector = part.get("country") or "", part.get("sector") or ""
    is_iso = country in _iso_codes()
    name = (part.get("name") or part.get("text") or "").upper()
    return [_clean(country + sector), _clean(name), country if is_iso else "",
            "" if is_iso else country, "", "", "", sector, "", ""]  # fmt: skip


def _day(event: dict[str, Any]) -> dt.date | None:
    from newsevents.store.schema import period_start

    return period_start(event.get("date"))


def _date_cells(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _action_geo(location: dict[str, Any] | None) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not location:
        return ["0", "", "", "", "", "", "", ""]
    kind = _GEO_TYPES.get(
        (location.get("precision") or "country", location.get("country") == "USA"), 1
    )
    name = ", ".join(x for x in (location.get("name") or location.get("text"),
                                 location.get("admin1"), location.get("country")) if x)  # fmt: skip
    lat, lon = location.get("lat"), location.get("lon")
    return [str(kind), _clean(name), "", "", "", "" if lat is None else f"{lat:.4f}",
            "" if lon is None else f"{lon:.4f}", ""]  # fmt: skip


def gdelt_row(event: dict[str, Any], url: str | None, added: dt.datetime | None) -> list[str]:
    """One event as the 61 GDELT 2.0 Events cells."""
    code = event.get("cameo_code") or event.get("cameo_root") or ""
    evidence = event.get("evidence") or {}
    intensity = event.get("intensity")
    goldstein = "" if intensity is None else f"{max(-10.0, min(10.0, float(intensity))):.1f}"
    root = "1" if (evidence.get("start") or 0) < _ROOT_CHARS else "0"
    cells = [
        str(int(event["event_id"][:15], 16)),
        *_date_cells(_day(event)),
        *_actor_cells(event.get("actor")),
        *_actor_cells(event.get("recipient")),
        root,
        code,
        code[:3],
        event.get("cameo_root") or code[:2],
        str(event.get("quad_class")),
        goldstein,
        "1",
        "1",
        "1",
        "",
        "0",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "0",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        *_action_geo(event.get("location")),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _clean(url or event.get("article_id")),
    ]
    return cells


def write_gdelt(rows: Iterable[tuple[dict[str, Any], str | None, Any]], out: IO[str]) -> int:
    count = 0
    for event, url, added in rows:
        out.write("\t".join(gdelt_row(event, url, added)) + "\n")
        count += 1
    return count


def _limited(rows: Iterator[Any], limit: int | None) -> Iterator[Any]:
    for n, row in enumerate(rows):
        if limit is not None and n >= limit:
            return
        yield row


def write_parquet(cur: duckdb.DuckDBPyConnection, f: EventFilter, output: Path) -> int:
    """Events as Parquet files under `output`, in year=YYYY/month=M directories (events
    without a date under year=NULL). Returns the number of events written."""
    cond, params = where(f)
    sql = (
        "SELECT *, year(date_start) AS year, month(date_start) AS month "
        f"FROM events WHERE {cond} "
        "ORDER BY date_start NULLS LAST, article_id, sentence_start, event_id"
    )
    cur.sql(sql, params=params).write_parquet(
        str(output), partition_by=["year", "month"], overwrite=True
    )
    row = cur.execute(f"SELECT count(*) FROM events WHERE {cond}", params).fetchone()
    return int(row[0]) if row else 0


def export(
    cur: duckdb.DuckDBPyConnection,
    fmt: str,
    f: EventFilter,
    out: IO[str] | None,
    output: Path | None = None,
    limit: int | None = None,
) -> int:
    """Write the filtered events in `fmt` to `out` (or Parquet under `output`)."""
    if fmt not in FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}; use one of {', '.join(FORMATS)}.")
    if fmt == "parquet":
        if output is None:
            raise ConfigError("Parquet is a directory of files: give --output DIR.")
        if limit is not None:
            raise ConfigError("--limit does not apply to Parquet exports; filter instead.")
        return write_parquet(cur, f, output)
    if out is None:
        raise ConfigError(f"Format {fmt} needs an output stream.")
    rows = _limited(iter_events(cur, f), limit)
    if fmt == "gdelt-tsv":
        return write_gdelt(rows, out)
    records = (event for event, _, _ in rows)
    return write_jsonl(records, out) if fmt == "plover-jsonl" else write_csv(records, out)
