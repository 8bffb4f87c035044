"""`python -m tests.gate [--pin] [--allow-lower] [--only PART] [--verbose]`, PART one of
plover, own, dev, clusters, fields.

Scores the coder, prints every figure beside its pinned floor, and exits 0 when none is
below its floor, 1 when one is (or its gold file changed, or a re-pin was refused), 2 when
the gate cannot run (no ../shared gold data, no scorer).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from tests.gate import (
    BASELINE,
    GOLD_ENV,
    TARGETS,
    Check,
    Figure,
    Floor,
    GateError,
    check_figures,
    clusters,
    dev,
    fields,
    gold_dir,
    load_baseline,
    own,
    plover,
    repin,
    require_files,
    save_baseline,
)
from tests.gate.plover import PloverScore


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.gate",
        description="Score the coder on the gold data and compare with the pinned floors.",
    )
    parser.add_argument("--pin", action="store_true", help="write the current figures as floors")
    parser.add_argument(
        "--allow-lower", action="store_true", help="with --pin: allow a floor to go down"
    )
    parser.add_argument(
        "--only", choices=("plover", "dev", "own", "clusters", "fields"), help="score one part only"
    )
    parser.add_argument("--verbose", action="store_true", help="per-category detail")
    args = parser.parse_args(argv)
    if args.allow_lower and not args.pin:
        parser.error("--allow-lower only makes sense with --pin")
    return args


def run_plover(verbose: bool) -> list[Figure]:
    gold = gold_dir()
    require_files(gold / plover.GOLD_FILE)
    clock = time.perf_counter()
    result, figures = plover.evaluate(gold)
    seconds = time.perf_counter() - clock
    print(
        f"PLOVER gold ({plover.GOLD_FILE}): {result.sentences} sentences scored, "
        f"{result.investigate} INVESTIGATE apart, {result.rejected} rejected by the pipeline "
        f"({seconds:.1f} s)"
    )
    print_plover(result)
    if verbose:
        print_plover_detail(result)
    return figures


def print_plover(r: PloverScore) -> None:
    print(f"  event type   accuracy {r.type_accuracy:.3f}  macro-F1 {r.macro_f1:.3f}", end="")
    print(f" over {len(r.per_category)} categories")
    print(f"  quad class   accuracy {r.quad_accuracy:.3f}")
    for label, c in (("actor", r.actor), ("recipient", r.recipient)):
        print(f"  {label:<9} spans P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}", end="")
        print(f"  (tp {c.tp} fp {c.fp} fn {c.fn})")
    print(
        f"  actor country accuracy {r.country_accuracy:.3f} "
        f"({r.country_correct}/{r.country_total} gold source codes; "
        f"{r.country_skipped} non-state codes IGO/NGO/IMG/ISM not counted)"
    )
    if r.unread is not None:
        u = r.unread
        print(
            f"  odd half ({u.sentences}, unread until rules.v41): event type "
            f"accuracy {u.type_accuracy:.3f} macro-F1 {u.macro_f1:.3f}, actor span F1 "
            f"{u.actor.f1:.3f}"
        )
    types = ", ".join(f"{k} {v}" for k, v in r.investigate_types.most_common())
    print(
        f"  INVESTIGATE (apart, not in the figures): {r.investigate} records, coder calls "
        f"{r.investigate_accuse} ACCUSE (PLOVER 0.8: ACCUSE mode investigate); all: {types}"
    )


def print_plover_detail(result: PloverScore) -> None:
    print("  per-category F1:")
    for category, f1 in sorted(result.per_category.items(), key=lambda kv: kv[1]):
        print(f"    {category:<10} {f1:.3f}")
    print("  confusion (gold -> predicted: sentences), misses only:")
    for (gold, pred), n in result.confusion.most_common():
        print(f"    {gold:<10} -> {pred:<10} {n}")


def run_dev(verbose: bool) -> list[Figure]:
    figures = []
    for res in dev.evaluate(gold_dir(), verbose=verbose):
        print(f"dev {res.figure.gold} (devscore): {res.lines[0]}")
        for line in res.lines[1:] if verbose else res.lines[-1:]:
            print(f"  {line}")
        figures.append(res.figure)
    return figures


def run_own(verbose: bool) -> list[Figure]:
    figures = []
    files = ((own.OWN_FILE, "own"), (own.WIRE_FILE, "wire"), (own.WIRE_HELDOUT_FILE, "heldout"))
    for path, prefix in files:
        result, found = own.evaluate(path, prefix)
        spans = (
            f"; actor exact {result.actor_exact:.3f}, recipient exact "
            f"{result.recipient_exact:.3f} (right-typed events)"
            if result.actor_exact is not None and result.recipient_exact is not None
            else ""
        )
        print(
            f"{prefix} labelled sentences ({path.name}): {result.sentences} sentences; "
            f"event type accuracy {result.type_accuracy:.3f} macro-F1 "
            f"{result.type_macro_f1:.3f}; pentacode macro-F1 {result.pentacode_macro_f1:.3f}"
            f"{spans}"
        )
        if verbose:
            for category, f1 in sorted(result.per_category.items(), key=lambda kv: kv[1]):
                print(f"    {category:<10} {f1:.3f}")
        figures += found
    return figures


def run_clusters(verbose: bool) -> list[Figure]:
    r, figures = clusters.evaluate()
    print(
        f"own cluster corpus ({clusters.CORPUS.name}): {r.articles} articles, {r.mentions} "
        f"gold event mentions, {r.coded} coded"
    )
    for label, b in (("event clusters", r.events), ("duplicate articles", r.duplicates)):
        print(f"  {label:<18} B-cubed P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f}", end="")
        print(f" over {b.items} items")
    if verbose:
        for item in r.misses:
            print(f"    no event coded: {item}")
        for item in r.wrong:
            print(f"    not with its gold cluster: {item}")
    return figures


def run_fields(verbose: bool) -> list[Figure]:
    scores, figures = fields.evaluate()
    print(f"fields ({fields.FIELDS_FILE.name}): attribution, modality, date, location")
    for split, s in scores.items():
        shown = "  ".join(f"{n} {s.accuracy(n):.3f}" for n in fields.FIELDS)
        print(f"  {split:<8} {s.rows:>3} rows  {shown}")
    if verbose:
        for miss in scores["all"].misses:
            print(f"    miss {miss}")
    return figures


def print_checks(checks: Sequence[Check]) -> None:
    print(f"{'figure':<34} {'value':>7} {'floor':>6}  {'status':<6} target")
    for c in checks:
        floor = f"{c.floor:.3f}" if c.floor is not None else "-"
        status = "pass" if c.passed else "FAIL"
        target = TARGETS.get(c.name)
        shown = f">= {target:.2f} ({'met' if c.value >= target else 'not met'})" if target else ""
        print(f"{c.name:<34} {c.value:>7.4f} {floor:>6}  {status:<6} {shown}".rstrip())
        if c.note:
            print(f"{'':<37}{c.note}")


def pin(figures: Sequence[Figure], floors: dict[str, Floor], allow_lower: bool) -> bool:
    """Re-pin, write the baseline, print what changed; False when a drop was refused."""
    result = repin(figures, floors, allow_lower=allow_lower)
    save_baseline(result.floors)
    print(f"pinned to {BASELINE}:")
    for note in result.notes:
        print(f"  {note}")
    for note in result.refused:
        print(f"  REFUSED {note}")
    floors.clear()
    floors.update(result.floors)
    return not result.refused


def collect(only: str | None, verbose: bool) -> list[Figure]:
    gold = gold_dir()
    if not gold.is_dir():
        raise GateError(
            f"Cannot find the shared gold data at {gold}. The gate needs ../shared next to "
            f"the repository (or {GOLD_ENV} set to its gold folder)."
        )
    print(f"quality gate: gold data in {gold}")
    figures = run_plover(verbose) if only in (None, "plover") else []
    figures += run_own(verbose) if only in (None, "own") else []
    figures += run_clusters(verbose) if only in (None, "clusters") else []
    figures += run_fields(verbose) if only in (None, "fields") else []
    return figures + (run_dev(verbose) if only in (None, "dev") else [])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        figures = collect(args.only, args.verbose)
    except GateError as e:
        print(f"gate: cannot run: {e}", file=sys.stderr)
        return 2
    floors = load_baseline()
    pinned_ok = pin(figures, floors, args.allow_lower) if args.pin else True
    checks = check_figures(figures, floors)
    print()
    print_checks(checks)
    failed = [c.name for c in checks if not c.passed]
    verdict = "PASS" if not failed and pinned_ok else "FAIL"
    print(f"gate: {verdict} ({len(checks) - len(failed)}/{len(checks)} figures at their floors)")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
