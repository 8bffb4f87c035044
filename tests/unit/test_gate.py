"""The quality gate's scoring and pinning logic, on tiny made-up data (no model needed)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from newsevents.records import ActorRef, Event, Evidence
from tests.gate import (
    Figure,
    Floor,
    GateError,
    check_figure,
    dev,
    gold_dir,
    load_baseline,
    pin_value,
    plover,
    repin,
    save_baseline,
    sha256_file,
)
from tests.gate.__main__ import main, parse_args
from tests.gate.plover import GoldActor, GoldRecord

SHA = "a" * 64


def ref(text: str, country: str | None = None, *members: ActorRef) -> ActorRef:
    return ActorRef(text=text, start=0, end=len(text), country=country, members=members)


def event(
    event_type: str,
    confidence: float = 0.5,
    *,
    actor: ActorRef | None = None,
    recipient: ActorRef | None = None,
    quad: int = 1,
    modality: str = "asserted",
) -> Event:
    evidence = Evidence("s", 0, 1, "t", 0, 1)
    return Event(
        event_id=f"{event_type}{confidence}",
        article_id="a",
        coder="test",
        event_type=event_type,
        quad_class=quad,
        cameo_root="01",
        intensity=0.0,
        actor=actor,
        recipient=recipient,
        evidence=evidence,
        modality=modality,  # type: ignore[arg-type]
        confidence=confidence,
    )


# --- span matching ---------------------------------------------------------------------


def test_norm_span_ignores_case_whitespace_and_a_leading_the():
    assert plover.norm_span("  The  United\nStates ") == "united states"
    assert plover.norm_span("Theresa May") == "theresa may"


def test_marks_finds_role_marks_including_shared_and_nested_ones():
    markup = (
        "(SRC/TAR: Turkish) and (SRC: Azadliq (Freedom) coalition) (EVT: has sent} 21 "
        "(LOC:to (TAR: Bosnia)) (SRC: Homeland Union) (Conservatives))"
    )
    assert plover.marks(markup, "SRC") == [
        "Turkish",
        "Azadliq (Freedom) coalition",
        "Homeland Union",
    ]
    assert plover.marks(markup, "TAR") == ["Turkish", "Bosnia"]


def test_strip_marks_keeps_the_words():
    assert plover.strip_marks("(SRC: Iran) (EVT: said) it") == "Iran said it"


def test_gold_spans_use_the_text_then_the_closest_unused_mark():
    text = "U.S. and Russian negotiators return to Geneva."
    actors = [GoldActor("U.S. ... negotiators"), GoldActor("Russian  negotiators")]
    spans = plover.gold_spans(text, actors, ["U.S.", "Russian negotiators"])
    assert spans == {"u.s.", "russian negotiators"}


def test_gold_spans_match_a_misspelt_actor_to_its_mark():
    spans = plover.gold_spans("refusing Ghanaians", [GoldActor("Ghanians")], ["Ghanaians"])
    assert spans == {"ghanaians"}


def test_predicted_spans_of_a_compound_actor_are_its_members():
    compound = ref("The US and Jordan", None, ref("The US", "USA"), ref("Jordan", "JOR"))
    assert plover.predicted_spans(compound, {"us", "jordan"}) == {"us", "jordan"}
    assert plover.predicted_spans(compound, {"us and jordan"}) == {"us and jordan"}
    assert plover.predicted_spans(None, {"us"}) == set()


def test_counts_give_micro_precision_recall_f1():
    counts = plover.Counts()
    counts.add({"iran", "iraq"}, {"iran"})
    counts.add({"us"}, {"them"})
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 2)
    assert counts.precision == 0.5 and counts.recall == pytest.approx(1 / 3)
    assert counts.f1 == pytest.approx(0.4)


# --- event type and main event ---------------------------------------------------------


def test_macro_f1_averages_the_gold_labels_and_counts_no_event_as_a_miss():
    gold = ["AGREE", "AGREE", "ASSAULT", "ASSAULT"]
    pred = ["AGREE", None, "ASSAULT", "AGREE"]
    f1, per = plover.macro_f1(gold, pred, ["AGREE", "ASSAULT"])
    assert per == {"AGREE": pytest.approx(0.5), "ASSAULT": pytest.approx(2 / 3)}
    assert f1 == pytest.approx((0.5 + 2 / 3) / 2)


def test_main_event_is_the_most_confident_not_negated_first_on_ties():
    first, second = event("AGREE", 0.6), event("REJECT", 0.6)
    negated = event("ASSAULT", 0.9, modality="negated")
    assert plover.main_event([negated, first, second]) is first
    assert plover.main_event([negated]) is None


def test_country_hits_count_members_and_gold_misspellings():
    compound = ref("Japan and Italy", None, ref("Japan", "JPN"), ref("Italy", "ITA"))
    assert plover.country_hits(compound, ["JAP", "ITL", "FRA"]) == (2, 3)
    assert plover.country_hits(None, ["USA"]) == (0, 1)


def test_score_keeps_investigate_apart_and_reads_the_main_event():
    records = [
        GoldRecord("r1", "Iran rejected the US plan.", "REJECT", (GoldActor("Iran", "IRN"),)),
        GoldRecord("r2", "Iraq agreed.", "AGREE", (GoldActor("Iraq", "IRQ"),)),
        GoldRecord("r3", "The UN investigated.", "INVESTIGATE", (GoldActor("UN", "IGO"),)),
    ]
    coded = {
        "r1": (event("REJECT", quad=3, actor=ref("Iran", "IRN")),),
        "r2": None,  # rejected by the pipeline
        "r3": (event("ACCUSE"),),
    }
    result = plover.score(records, coded)
    assert (result.sentences, result.rejected) == (2, 1)
    assert result.type_accuracy == 0.5 and result.quad_accuracy == 0.5
    assert (result.actor.tp, result.actor.fn) == (1, 1)
    assert (result.country_correct, result.country_total) == (1, 2)
    assert (result.investigate, result.investigate_accuse) == (1, 1)
    assert result.confusion == {("AGREE", plover.NONE): 1}


def test_load_gold_skips_the_document_record_and_maps_legacy_names(tmp_path: Path):
    rows = [
        {"id": "D", "event": "DOCUMENT"},
        {"id": "A", "event": "DEMAND", "text": "X demanded.", "target": "", "textInfo": "x"},
        {"id": "B", "event": "FIGHT", "text": "X shelled Y.", "source": [{"actorText": "X"}]},
    ]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(rows))
    records = plover.load_gold(path)
    assert [(r.id, r.category) for r in records] == [("A", "REQUEST"), ("B", "ASSAULT")]
    assert records[0].targets == () and records[0].markup == "x"
    assert records[1].sources == (GoldActor("X"),)


# --- floors ----------------------------------------------------------------------------


def figure(value: float, sha: str = SHA) -> Figure:
    return Figure("plover.x", value, "gold.json", sha)


def test_pin_value_rounds_down_then_takes_off_the_tolerance():
    assert pin_value(0.6279) == 0.622
    assert pin_value(0.627) == 0.622
    assert pin_value(0.001) == 0.0


def test_check_figure_passes_at_the_floor_and_fails_below_it():
    floor = Floor(0.5, "gold.json", SHA)
    assert check_figure(figure(0.5), floor).passed
    assert not check_figure(figure(0.499), floor).passed
    assert not check_figure(figure(0.9), None).passed


def test_check_figure_fails_when_the_gold_file_changed():
    check = check_figure(figure(0.9, "b" * 64), Floor(0.5, "gold.json", SHA))
    assert not check.passed and "changed" in check.note


def test_repin_raises_a_floor_and_pins_a_new_figure():
    result = repin([figure(0.8)], {"plover.x": Floor(0.5, "gold.json", SHA)})
    assert result.floors["plover.x"].floor == 0.795 and not result.refused
    assert repin([figure(0.8)], {}).floors["plover.x"].floor == 0.795


def test_repin_never_lowers_a_floor_without_the_flag():
    old = {"plover.x": Floor(0.7, "gold.json", SHA)}
    result = repin([figure(0.6)], old)
    assert result.floors["plover.x"].floor == 0.7 and result.refused
    lowered = repin([figure(0.6)], old, allow_lower=True)
    assert lowered.floors["plover.x"].floor == 0.595 and not lowered.refused


def test_repin_keeps_a_floor_the_figure_still_meets():
    result = repin([figure(0.702, "b" * 64)], {"plover.x": Floor(0.7, "gold.json", SHA)})
    kept = result.floors["plover.x"]
    assert (kept.floor, kept.sha256) == (0.7, "b" * 64) and not result.refused


def test_repin_records_a_changed_gold_file_at_an_unchanged_floor():
    result = repin([figure(0.8, "b" * 64)], {"plover.x": Floor(0.795, "gold.json", SHA)})
    assert result.floors["plover.x"].sha256 == "b" * 64
    assert check_figure(figure(0.8, "b" * 64), result.floors["plover.x"]).passed


def test_baseline_round_trips(tmp_path: Path):
    path = tmp_path / "baseline.json"
    floors = {"plover.x": Floor(0.5, "gold.json", SHA, 0.51)}
    save_baseline(floors, path)
    assert load_baseline(path) == floors
    assert load_baseline(tmp_path / "absent.json") == {}


def test_sha256_file(tmp_path: Path):
    path = tmp_path / "f"
    path.write_bytes(b"abc")
    assert sha256_file(path).startswith("ba7816bf")


# --- paths, dev sets, command line -----------------------------------------------------


def test_gold_dir_comes_from_the_environment_or_next_to_the_repository():
    assert gold_dir({"NEWSEVENTS_GOLD_DIR": "/x/gold"}) == Path("/x/gold")
    assert gold_dir({}).parts[-2:] == ("shared", "gold")


def test_parse_headline_reads_the_last_line():
    pattern = dev.DEV_SETS[0].headline
    assert dev.parse_headline("rc=0\npentacode macro-F1 0.627 accuracy 0.6\n", pattern) == 0.627
    with pytest.raises(GateError):
        dev.parse_headline("pentacode macro-F1 0.627\nTraceback\n", pattern)


def test_run_set_runs_devscore_and_hashes_the_gold(tmp_path: Path):
    gold = tmp_path / "gold"
    (tmp_path / "tools").mkdir()
    gold.mkdir()
    (gold / "conflibert_cameo_class_train.tsv").write_text("a\t0\n")
    script = """\
        import sys
        print("rc=0 events=1", sys.argv[1:4])
        print("pentacode macro-F1 0.500 accuracy 0.5 (n=1)")
    """
    (tmp_path / "tools" / "devscore.py").write_text(textwrap.dedent(script))
    result = dev.run_set(dev.DEV_SETS[0], gold, "newsevents code")
    assert result.figure.value == 0.5
    assert result.figure.sha256 == sha256_file(gold / "conflibert_cameo_class_train.tsv")
    assert "pentacode" in result.lines[0]


def test_allow_lower_needs_pin():
    assert parse_args(["--pin", "--allow-lower", "--only", "dev"]).allow_lower
    with pytest.raises(SystemExit):
        parse_args(["--allow-lower"])


def test_gate_exits_2_without_the_shared_data(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSEVENTS_GOLD_DIR", str(tmp_path / "missing"))
    assert main([]) == 2
    assert "Cannot find the shared gold data" in capsys.readouterr().err


def test_nested_span_matching_counts_a_name_inside_a_phrase_once():
    from tests.gate.plover import Counts

    counts = Counts()
    counts.add_nested({"hungarian", "romanian"}, {"senior hungarian and romanian officials"})
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)
    counts = Counts()
    counts.add_nested({"russian official"}, {"a russian official", "moscow"})
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)
    counts = Counts()
    counts.add_nested({"iran"}, {"iraqi forces"})  # word for word, not letters
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_own_sentences_file_is_well_formed():
    import csv

    from tests.gate.own import OWN_FILE, pentacode

    with OWN_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    categories = {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip
    assert len(rows) > 1000
    assert {r["event_type"] for r in rows} == categories | {"NONE"}
    assert all(r["cameo_root"].isdigit() and len(r["cameo_root"]) == 2 for r in rows)
    folded = [" ".join(r["sentence"].lower().split()) for r in rows]
    assert len(set(folded)) == len(folded)
    assert pentacode("REQUEST", "02") == 0 and pentacode("REQUEST", "10") == 3
    assert pentacode("SANCTION", "16") == 3 and pentacode("ASSAULT", "19") == 4


def test_wire_sentences_file_is_well_formed():
    import csv

    from tests.gate.own import OWN_FILE, WIRE_FILE, WIRE_HELDOUT_FILE

    rows = []
    for path in (WIRE_FILE, WIRE_HELDOUT_FILE):
        with path.open(encoding="utf-8") as f:
            rows += list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with OWN_FILE.open(encoding="utf-8") as f:
        own = {" ".join(r["sentence"].lower().split()) for r in csv.DictReader(f, delimiter="\t")}
    assert len(rows) >= 400
    assert list(rows[0]) == ["sentence", "event_type", "cameo_root", "actor", "recipient"]
    assert all(r["cameo_root"].isdigit() and len(r["cameo_root"]) == 2 for r in rows)
    assert all(r[role] in r["sentence"] for r in rows for role in ("actor", "recipient"))
    assert all(not r["actor"] and not r["recipient"] for r in rows if r["event_type"] == "NONE")
    folded = [" ".join(r["sentence"].lower().split()) for r in rows]
    assert len(set(folded)) == len(folded) and not set(folded) & own


def test_fields_file_is_well_formed():
    from tests.gate import fields

    rows = fields.load()
    assert len(rows) >= 80 and sum(r["split"] == "holdout" for r in rows) >= 30
    keys = {"id", "split", "published", "text", "trigger", "attribution", "cue", "modality"}
    keys |= {"date", "precision", "location", "country"}
    modalities = {"asserted", "negated", "hypothetical", "future", "claimed", "historical"}
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({" ".join(r["text"].lower().split()) for r in rows}) == len(rows)
    for row in rows:
        assert set(row) == keys, row["id"]
        assert row["modality"] in modalities and row["split"] in ("dev", "holdout")
        assert row["precision"] in ("day", "week", "month", "year", "unknown")
        assert (row["date"] is None) == (row["precision"] == "unknown")
        assert (row["attribution"] is None) == (row["cue"] is None)
        assert (row["location"] is None) == (row["country"] is None)
        assert row["trigger"].lower() in row["text"].lower()


def test_fields_judge_compares_each_field():
    from newsevents.records import Attribution, Event, Evidence, Location
    from tests.gate import fields

    evidence = Evidence("s", 0, 1, "met", 0, 3)
    event = Event(
        "id", "a", "rules", "CONSULT", 1, "04", 1.0, None, None, evidence,
        modality="future", date="2023-W12", date_precision="week",
        location=Location("Geneva", 0, 6, name="Geneva", country="CHE", precision="city"),
        attribution=Attribution("officials", 0, 9, "said"),
    )  # fmt: skip
    row = {
        "attribution": "officials", "cue": "said", "modality": "future", "date": "2023-W12",
        "precision": "week", "location": "Geneva", "country": "CHE",
    }  # fmt: skip
    assert fields.judge(row, event) == dict.fromkeys(fields.FIELDS, True)
    wrong = {**row, "attribution": None, "date": "2023-W11", "country": "FRA"}
    verdict = fields.judge(wrong, event)
    assert verdict == {"attribution": False, "modality": True, "date": False, "location": False}
    assert fields.judge(row, None) == dict.fromkeys(fields.FIELDS, False)
