"""The command line with the real model: `code`, `run`, `events`, exit codes, bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents import __version__
from newsevents.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()
STORY = (
    "Russian troops attacked the Ukrainian city of Kharkiv on Monday, officials said. "
    "The United Nations condemned the attack and urged both sides to return to talks."
)
FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures pour soutenir les "
    "agriculteurs touchés par la sécheresse. Le ministre de l'Agriculture a déclaré que les "
    "aides seraient versées avant la fin du mois, selon un communiqué publié à Paris."
)


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-c", "from newsevents.cli import main; main()", *args]
    return subprocess.run(cmd, input=stdin, capture_output=True, timeout=300)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


@pytest.mark.parametrize("command", ["run", "code", "events", "show"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout


def test_code_reads_jsonl_from_stdin_and_keeps_ids():
    lines = [
        json.dumps({"id": "story-1", "text": STORY, "published": "2022-03-01"}),
        "{not json",
        json.dumps({"id": "story-2", "text": STORY.replace("Kharkiv", "Odesa")}),
    ]
    proc = _cli("code", "--input-format", "jsonl", stdin="\n".join(lines).encode())
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert {e["article_id"] for e in events} == {"story-1", "story-2"}
    assert any(e["event_type"] == "ASSAULT" for e in events)
    assert b"malformed_record" in proc.stderr and b"line 2" in proc.stderr


def test_code_with_a_missing_model_is_a_configuration_error():
    proc = _cli("code", "--model", "no_such_pipeline_xyz", stdin=STORY.encode())
    assert proc.returncode == 2
    assert b"no_such_pipeline_xyz" in proc.stderr and b"Traceback" not in proc.stderr


def test_code_with_a_bad_date_is_a_usage_error():
    proc = _cli("code", "--published", "June 22", stdin=STORY.encode())
    assert proc.returncode == 2 and b"2022-06-22" in proc.stderr


def _bad_inputs(folder: Path) -> dict[str, str]:
    """One file per kind of bad input, with the reason each must be rejected for."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(STORY.encode() + " caf\xe9 ".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"x")
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "good-1", "text": STORY}) + "\n" + '{"id": 5, "text": 3}\n'
    )
    # not the JSONL record's text: one text under two ids would be a copy of it
    (folder / "good.txt").write_text(STORY.replace("Monday", "Tuesday"), encoding="utf-8")
    return {
        "empty": "empty",
        "binary": "binary",
        "latin1": "bad_encoding",
        "huge": "too_large",
        "nav": "no_article",
        "french": "wrong_language",
        "records.jsonl:2": "malformed_record",
    }


def test_run_records_every_bad_input_and_loses_nothing(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = _bad_inputs(inputs)
    db = tmp_path / "events.duckdb"
    proc = _cli("run", str(inputs), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr.decode()
    with duckdb.connect(str(db), read_only=True) as con:
        rejections = con.execute(
            "SELECT item_id, source, reason, detail FROM rejections"
        ).fetchall()
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        runs = con.execute("SELECT documents, rejections, failures FROM runs").fetchall()
    assert articles == 2  # good.txt and the good JSONL record
    for name, reason in expected.items():
        hits = [r for r in rejections if name in (r[0] + r[1])]
        assert [r[2] for r in hits] == [reason], (name, rejections)
        assert all(len(r[3]) > 20 for r in hits)  # a sentence, not a code
    assert runs == [(9, 7, 0)]


def test_running_the_same_input_twice_adds_nothing(tmp_path, example_path):
    db = tmp_path / "events.duckdb"
    for _ in range(2):
        result = runner.invoke(app, ["run", str(example_path), "--db", str(db), "-q"])
        assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        counts = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT list(new_events ORDER BY started) FROM runs)"
        ).fetchone()
    assert counts[0] == 1 and counts[1] > 5
    assert counts[2][-1] == 0


def test_events_command_filters_and_formats(tmp_path, example_path):
    db = tmp_path / "events.duckdb"
    runner.invoke(
        app, ["run", str(example_path), "--db", str(db), "-q", "--published", "2022-06-22"]
    )
    result = runner.invoke(
        app, ["events", "--db", str(db), "--type", "ACCUSE", "--format", "jsonl"]
    )
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["event_type"] == "ACCUSE" for e in events)
    result = runner.invoke(app, ["events", "--db", str(db), "--country", "PRK", "--format", "csv"])
    rows = result.stdout.strip().splitlines()
    assert rows[0].startswith("event_id,") and len(rows) > 1
    assert all("PRK" in row for row in rows[1:])
    result = runner.invoke(
        app, ["events", "--db", str(db), "--since", "2030-01-01", "--format", "jsonl"]
    )
    assert result.stdout.strip() == ""


def test_events_without_a_store_says_how_to_make_one(tmp_path):
    proc = _cli("events", "--db", str(tmp_path / "missing.duckdb"))
    assert proc.returncode == 2 and b"newsevents run" in proc.stderr


def test_code_with_a_user_actor_table(tmp_path):
    table = tmp_path / "actors.tsv"
    table.write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\n"
        "Amina Diallo\tDiallo\tSEN\tGOV\tforeign_minister\t2021-01-01\t\n",
        encoding="utf-8",
    )
    text = b"Senegalese officials said Amina Diallo met the French ambassador in Dakar."
    proc = _cli("code", "--actors", str(table), "--published", "2022-05-01", stdin=text)
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    actors = [e["actor"] for e in events if e["event_type"] == "CONSULT"]
    assert actors and actors[0]["country"] == "SEN" and actors[0]["name"] == "Amina Diallo"


def test_code_with_a_bad_actor_table_is_a_configuration_error(tmp_path):
    table = tmp_path / "actors.tsv"
    table.write_text("name\taliases\tcountry\nX\t\tNOTACODE\n", encoding="utf-8")
    proc = _cli("code", "--actors", str(table), stdin=STORY.encode())
    assert proc.returncode == 2 and str(table).encode() in proc.stderr


def test_markup_like_ids_and_text_are_printed_as_they_are():
    lines = [json.dumps({"id": "[/x]", "text": ""}), json.dumps({"id": "ok", "text": STORY})]
    proc = _cli("code", "--input-format", "jsonl", stdin="\n".join(lines).encode())
    assert proc.returncode == 0, proc.stderr
    assert b"rejected [/x]" in proc.stderr
    assert {json.loads(x)["article_id"] for x in proc.stdout.decode().splitlines()} == {"ok"}


def test_the_db_setting_comes_from_the_environment(tmp_path, example_path, monkeypatch):
    db = tmp_path / "from-env.duckdb"
    monkeypatch.setenv("NEWSEVENTS_DB", str(db))
    result = runner.invoke(app, ["run", str(example_path), "-q"])
    assert result.exit_code == 0, result.output
    assert db.exists()
    listed = runner.invoke(app, ["events", "--format", "jsonl"])
    assert listed.exit_code == 0 and listed.stdout.strip()


def test_a_negative_limit_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x.duckdb"), "--limit", "-1"])
    assert result.exit_code == 2
