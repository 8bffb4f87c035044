"""Score the coder on the real-news development sets with the reviewers' own scorer.

../shared/tools/devscore.py runs `newsevents code` as a subprocess over each set and prints
its headline figure last. The development sets are for measuring only: never train on them
and never ship them (../shared/gold/README.md).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.gate import Figure, GateError, require_files, sha256_file

TIMEOUT = 900  # seconds per set; each takes ~10-20 s on two cores


@dataclass(frozen=True, slots=True)
class DevSet:
    """One development set: devscore's name for it, our figure name, its gold file and the
    pattern of devscore's last line."""

    name: str
    figure: str
    gold: str
    headline: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DevResult:
    """A devscore run: the figure and the lines it printed."""

    figure: Figure
    lines: tuple[str, ...]


DEV_SETS = (
    DevSet(
        "pentacode",
        "dev.pentacode_macro_f1",
        "conflibert_cameo_class_train.tsv",
        re.compile(r"pentacode macro-F1 ([0-9]*\.?[0-9]+)"),
    ),
    DevSet(
        "srctgt",
        "dev.srctgt_exact_macro_f1",
        "conflibert_cameo_ner_train.txt",
        re.compile(r"source/target exact-span macro-F1 ([0-9]*\.?[0-9]+)"),
    ),
)


def devscore_path(gold: Path) -> Path:
    """devscore.py sits in ../tools next to the gold folder (and reads the gold beside it)."""
    return gold.parent / "tools" / "devscore.py"


def code_command(bin_dir: Path | None = None) -> str:
    """The `newsevents code` command of this interpreter's environment, for devscore --cmd."""
    exe = (bin_dir or Path(sys.executable).parent) / "newsevents"
    if not exe.is_file():
        raise GateError(f"Cannot find {exe}. Install the package into the venv: make install.")
    return f"{shlex.quote(str(exe))} code --input-format jsonl --format jsonl"


def parse_headline(output: str, pattern: re.Pattern[str]) -> float:
    """The figure on the last non-blank line of devscore's output."""
    lines = [line for line in output.splitlines() if line.strip()]
    match = pattern.search(lines[-1]) if lines else None
    if match is None:
        last = lines[-1] if lines else "(no output)"
        raise GateError(f"Unexpected last line from devscore: {last!r}")
    return float(match.group(1))


def run_set(dev: DevSet, gold: Path, cmd: str, *, verbose: bool = False) -> DevResult:
    """Run devscore on one set and return its headline figure."""
    script = devscore_path(gold)
    require_files(script, gold / dev.gold)
    argv = [sys.executable, str(script), dev.name, "--cmd", cmd, *(["--verbose"] * verbose)]
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as e:
        raise GateError(f"devscore {dev.name} took longer than {TIMEOUT} s.") from e
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        raise GateError(f"devscore {dev.name} exited {proc.returncode}: {' | '.join(tail)}")
    value = parse_headline(proc.stdout, dev.headline)
    figure = Figure(dev.figure, value, dev.gold, sha256_file(gold / dev.gold))
    return DevResult(figure, tuple(proc.stdout.strip().splitlines()))


def evaluate(gold: Path, *, verbose: bool = False) -> list[DevResult]:
    """Both development sets, one after the other."""
    cmd = code_command()
    return [run_set(dev, gold, cmd, verbose=verbose) for dev in DEV_SETS]
