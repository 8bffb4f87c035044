"""The `newsevents` command line: a thin shell over the Python API.

stdout carries data only; logs, progress and reports go to stderr. Exit codes: 0 all inputs
processed (rejections included), 1 some inputs failed unexpectedly, 2 usage or
configuration error.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from newsevents._version import __version__
from newsevents.config import SETTINGS, resolve_settings
from newsevents.errors import NewsEventsError
from newsevents.ingest.count import count_documents
from newsevents.pipeline import ItemResult, code_documents, run
from newsevents.records import RunReport
from newsevents.render import WRITERS

err = Console(stderr=True, soft_wrap=True)  # one line per message, never wrapped
app = typer.Typer(
    name="newsevents",
    help="Turn news articles into a verifiable dataset of political events (PLOVER).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    rss = "rss"
    warc = "warc"
    urls = "urls"


class Runner(StrEnum):
    local = "local"
    ray = "ray"


class CodeFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2022-06-22.", param_hint=option
        ) from e


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsevents {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log details to stderr.")
    ] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr)


DbOpt = Annotated[
    Path | None, typer.Option("--db", help=f"{SETTINGS['db'][1]} [default: newsevents.duckdb]")
]
LanguagesOpt = Annotated[
    str | None, typer.Option("--languages", help=f"{SETTINGS['languages'][1]} [default: en]")
]
ModelOpt = Annotated[str | None, typer.Option("--model", help=SETTINGS["model"][1])]
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for inputs without one."),
]
MinCharsOpt = Annotated[int | None, typer.Option("--min-chars", help=SETTINGS["min_chars"][1])]
ActorsOpt = Annotated[
    Path | None,
    typer.Option("--actors", help="Extra office-holder table (TSV, columns as data/people.tsv)."),
]
FormatInOpt = Annotated[
    InputFormat,
    typer.Option(
        "--input-format",
        help="How to read inputs; auto goes by extension (.jsonl .html .rss .atom .warc "
        ".warc.gz .urls), then by content.",
    ),
]


@app.command("code")
def code_cmd(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Files, dirs, globs; - is stdin.")
    ] = None,
    input_format: FormatInOpt = InputFormat.auto,
    published: PublishedOpt = None,
    fmt: Annotated[
        CodeFormat | None,
        typer.Option("--format", help="Output format (jsonl when stdout is not a terminal)."),
    ] = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    min_chars: MinCharsOpt = None,
    languages: LanguagesOpt = None,
) -> None:
    """Code articles to events on stdout, one JSON object per line.

    Example:
    [bold]echo "Russia attacked Ukraine." | newsevents code --published 2022-02-28[/]
    """
    settings = resolve_settings(
        model=model,
        actors=str(actors) if actors else None,
        min_chars=min_chars,
        languages=languages,
    )
    chosen = fmt or (CodeFormat.table if sys.stdout.isatty() else CodeFormat.jsonl)
    day = _date(published, "--published")
    results = code_documents(
        paths or ["-"],
        settings=settings,
        input_format=input_format.value,
        published=day,
        stdin=sys.stdin.buffer,
    )
    failed = _emit(results, chosen)
    raise typer.Exit(1 if failed else 0)


def _emit(results: object, chosen: CodeFormat) -> int:
    """Write events as they come (jsonl) or at the end (other formats); report rejections."""
    failed = 0
    collected = []
    for result in results:  # type: ignore[attr-defined]
        _report_rejection(result)
        failed += result.failed
        events = [e.to_dict() for e in result.events]
        if chosen is CodeFormat.jsonl:
            WRITERS["jsonl"](events, sys.stdout)
        else:
            collected.extend(events)
    if chosen is not CodeFormat.jsonl:
        WRITERS[chosen.value](collected, sys.stdout)
    sys.stdout.flush()
    return failed


def _report_rejection(result: ItemResult) -> None:
    if result.rejection is not None:
        r = result.rejection
        line = f"rejected {r.item_id} ({r.stage}: {r.reason}): {r.detail}"
        err.print(line, highlight=False, markup=False)


@app.command("run")
def run_cmd(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, directories, globs, http(s) URLs; - is stdin.")
    ],
    db: DbOpt = None,
    input_format: FormatInOpt = InputFormat.auto,
    published: PublishedOpt = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    min_chars: MinCharsOpt = None,
    batch_size: Annotated[int | None, typer.Option(help=SETTINGS["batch_size"][1])] = None,
    max_bytes: Annotated[int | None, typer.Option(help=SETTINGS["max_bytes"][1])] = None,
    languages: LanguagesOpt = None,
    runner: Annotated[Runner | None, typer.Option(help=SETTINGS["runner"][1])] = None,
    workers: Annotated[int | None, typer.Option(min=0, help=SETTINGS["workers"][1])] = None,
    chunk_size: Annotated[int | None, typer.Option(min=1, help=SETTINGS["chunk_size"][1])] = None,
    address: Annotated[str | None, typer.Option(help=SETTINGS["ray_address"][1])] = None,
    fetch_timeout: Annotated[float | None, typer.Option(help=SETTINGS["fetch_timeout"][1])] = None,
    fetch_retries: Annotated[
        int | None, typer.Option(min=0, help=SETTINGS["fetch_retries"][1])
    ] = None,
    host_delay: Annotated[float | None, typer.Option(min=0, help=SETTINGS["host_delay"][1])] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run the whole pipeline into a DuckDB file and print a run report on stderr.

    Inputs are files, directories, globs, - (stdin) and http(s) URLs: text, HTML, JSON
    Lines, RSS/Atom feeds (each item's page is fetched), WARC(.gz) archives and URL lists.
    Items an earlier run finished are skipped, so running a feed again adds only new items.

    Example: [bold]newsevents run examples/ --db newsevents.duckdb --published 2022-06-22[/]

    Example: [bold]newsevents run feeds.urls crawl.warc.gz --workers 2 --runner local[/]
    """
    settings = resolve_settings(
        model=model,
        db=str(db) if db else None,
        batch_size=batch_size,
        max_bytes=max_bytes,
        min_chars=min_chars,
        languages=languages,
        actors=str(actors) if actors else None,
        runner=runner.value if runner else None,
        workers=workers,
        chunk_size=chunk_size,
        ray_address=address,
        fetch_timeout=fetch_timeout,
        fetch_retries=fetch_retries,
        host_delay=host_delay,
    )
    day = _date(published, "--published")
    total = count_documents(inputs, input_format.value)
    with _progress(quiet) as bar:
        task = bar.add_task("coding", total=total)

        def tick(result: ItemResult) -> None:
            bar.advance(task)
            if result.failed or not quiet:
                _report_rejection(result)

        report = run(
            inputs,
            settings=settings,
            input_format=input_format.value,
            published=day,
            stdin=sys.stdin.buffer,
            progress=tick,
        )
    err.print(_report_table(report, Path(settings.db)))
    raise typer.Exit(1 if report.failures else 0)


class _RateColumn(ProgressColumn):
    """Items per second since the start (results arrive a chunk at a time, so the average
    is steadier than rich's recent speed)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if task.completed and elapsed > 1.0:
            return Text(f"{task.completed / elapsed:.1f} docs/s")
        return Text("-- docs/s")


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )


def _report_table(report: RunReport, db: Path) -> Table:
    table = Table(title=f"run {report.run_id} -> {db}", show_header=False)
    rows = [
        ("documents read", report.documents),
        ("articles coded", report.articles),
        ("events coded", report.events),
        ("new articles stored", report.new_articles),
        ("new events stored", report.new_events),
        ("skipped (done before)", report.skipped),
        ("rejections", report.rejections),
        *((f"  {reason}", n) for reason, n in sorted(report.rejections_by_reason.items())),
        ("failures", report.failures),
        ("seconds", f"{report.seconds:.2f}"),
        ("coder / model", f"{report.coder} / {report.model}"),
    ]
    for name, value in rows:
        table.add_row(name, str(value))
    return table


@app.command("events")
def events_cmd(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(help="Actor text, name or country code.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient text/name/country.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER category.")] = None,
    country: Annotated[str | None, typer.Option(help="Actor or recipient country (ISO3).")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before (YYYY-MM-DD).")] = None,
    include_negated: Annotated[bool, typer.Option(help="Also list negated events.")] = False,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="Output format.")] = ListFormat.table,
    clusters: Annotated[
        bool, typer.Option("--clusters", help="One row per real-world event (event clusters).")
    ] = False,
) -> None:
    """List stored events, filtered; with --clusters, one row per real-world event.

    Example: [bold]newsevents events --db newsevents.duckdb --country PRK --type CONSULT[/]
    """
    from newsevents.store import Store

    if clusters:
        _list_clusters(db, actor, recipient, event_type, country, since, until, limit, fmt)
        return
    db = Path(resolve_settings(db=str(db) if db else None).db)
    if not db.exists():
        raise NewsEventsError(
            f"No store at {db}. Create one with `newsevents run INPUT --db {db}`."
        )
    with Store.open(db, read_only=True) as store:
        events = store.query_events(
            actor=actor,
            recipient=recipient,
            event_type=event_type,
            country=country,
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            include_negated=include_negated,
            limit=limit,
        )
    WRITERS[fmt.value](events, sys.stdout)


def _list_clusters(
    db: Path | None,
    actor: str | None,
    recipient: str | None,
    event_type: str | None,
    country: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    fmt: ListFormat,
) -> None:
    from newsevents.lookup import query_clusters
    from newsevents.render_clusters import WRITERS as CLUSTER_WRITERS

    found = query_clusters(
        db,
        actor=actor,
        recipient=recipient,
        event_type=event_type,
        country=country,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        limit=limit,
    )
    CLUSTER_WRITERS[fmt.value](found, sys.stdout)


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("show")
def show_cmd(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="A cluster id or an event id.")],
    db: DbOpt = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", help="Output format.")] = ShowFormat.text,
) -> None:
    """Show one event cluster with its evidence, or one event with its article sentence.

    Example: [bold]newsevents show 3f0460438ccdaa2b --db newsevents.duckdb[/]
    """
    import json

    from newsevents.lookup import show
    from newsevents.render_clusters import describe

    item = show(item_id, db)
    if item is None:
        err.print(f"error: no cluster or event has id {item_id!r}.", highlight=False, markup=False)
        raise typer.Exit(1)
    if fmt is ShowFormat.json:
        sys.stdout.write(json.dumps(item, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(describe(item) + "\n")


class ExportFormat(StrEnum):
    plover_jsonl = "plover-jsonl"
    gdelt_tsv = "gdelt-tsv"
    csv = "csv"
    parquet = "parquet"


def _existing_db(db: Path | None) -> Path:
    path = Path(resolve_settings(db=str(db) if db else None).db)
    if not path.exists():
        raise NewsEventsError(
            f"No store at {path}. Create one with `newsevents run INPUT --db {path}`."
        )
    return path


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Export format.")],
    db: DbOpt = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (directory for parquet).")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor text, name or country code.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient text/name/country.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER category.")] = None,
    country: Annotated[str | None, typer.Option(help="Actor or recipient country (ISO3).")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before (YYYY-MM-DD).")] = None,
    include_negated: Annotated[bool, typer.Option(help="Also export negated events.")] = False,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
) -> None:
    """Export stored events as PLOVER JSON Lines, GDELT 2.0 rows, CSV or Parquet.

    Example: [bold]newsevents export --format gdelt-tsv --country PRK > prk.tsv[/]
    """
    from newsevents.exports import export
    from newsevents.store import Store
    from newsevents.store.queries import EventFilter

    path = _existing_db(db)
    if fmt is ExportFormat.parquet and output is None:
        raise NewsEventsError("Parquet export writes a directory: give --output DIR.")
    f = EventFilter(
        actor=actor, recipient=recipient, event_type=event_type, country=country,
        since=_date(since, "--since"), until=_date(until, "--until"),
        include_negated=include_negated,
    )  # fmt: skip
    with Store.open(path, read_only=True) as store:
        cur = store.cursor()
        if fmt is ExportFormat.parquet or output is None:
            n = export(cur, fmt.value, f, sys.stdout, output, limit)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                n = export(cur, fmt.value, f, out, None, limit)
    err.print(f"exported {n} event(s) as {fmt.value}", highlight=False, markup=False)


@app.command("serve")
def serve_cmd(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API and the dashboard over a store (read-only unless
    NEWSEVENTS_API_TOKEN is set, which turns on POST /api/v1/articles).

    Example: [bold]newsevents serve --db newsevents.duckdb --port 8000[/]
    """
    import uvicorn

    from newsevents.web import create_app

    path = _existing_db(db)
    app_ = create_app(resolve_settings(db=str(path)))
    try:
        uvicorn.run(app_, host=host, port=port, log_level="warning", server_header=False)
    finally:
        app_.state.db.store.close()


def main() -> None:
    """Entry point: one line on stderr and exit code 2 for configuration errors."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON Lines are UTF-8 whatever the locale
    try:
        app(standalone_mode=True)
    except NewsEventsError as e:
        err.print(f"error: {e}", highlight=False, markup=False)
        sys.exit(2)
