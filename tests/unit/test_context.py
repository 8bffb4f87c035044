"""PLOVER contexts: the cue table (data/contexts.tsv) and the context coder (coding/context.py)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from newsevents.coding import context as ctx
from newsevents.coding.context import (
    CONTEXTS,
    DocumentContexts,
    code_context,
    default_lexicon,
    implied_contexts,
    paragraph_bounds,
    tokenize,
)
from tests.conftest import ROOT

SPEC = ROOT.parent / "shared" / "spec"
ROWS = [
    line.split("\t")
    for line in resources.files("newsevents.data")
    .joinpath("contexts.tsv")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


def words(cue: str) -> tuple[str, ...]:
    return tuple(w for _, w in tokenize(cue))


def contexts(sentence: str, **kwargs: str | None) -> tuple[str, ...]:
    """Contexts of an event in a one-sentence article."""
    kwargs.setdefault("event_type", "CONSULT")
    return code_context(sentence, sentence, sentence, **kwargs)  # type: ignore[arg-type]


# --- the table ----------------------------------------------------------------------


def test_header_and_three_columns():
    assert ROWS[0] == ["context", "cue", "weight"]
    assert all(len(row) == 3 for row in ROWS), [row for row in ROWS if len(row) != 3]


def test_every_context_is_plovers_and_every_plover_context_has_cues():
    names = {row[0] for row in ROWS[1:]}
    assert names == set(CONTEXTS)
    for name in CONTEXTS:
        positive = [r for r in ROWS[1:] if r[0] == name and float(r[2]) > 0]
        assert len(positive) >= 12, name


@pytest.mark.skipif(not (SPEC / "PLOVER_MANUAL.tex").exists(), reason="no PLOVER manual")
def test_context_names_are_the_manuals():
    tex = (SPEC / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    table = tex.split("START CONTEXTS TABLE")[1].split("END CONTEXTS TABLE")[0]
    rows = re.findall(r"^(?:\\hyperref\[[^]]*\]\{([^}]*)\}|([a-z_\\]+)) *&", table, re.M)
    names = [(linked or plain).replace("\\_", "_") for linked, plain in rows]
    assert [n for n in names if n != "Name"] == list(CONTEXTS)


def test_cues_are_clean_and_weights_known():
    for context, cue, weight in ROWS[1:]:
        assert cue and cue == cue.strip() and "  " not in cue, (context, cue)
        # lower case; acronyms of at most three letters in capitals (they match only so)
        assert cue == cue.lower() or (cue.isupper() and len(cue) <= 3), (context, cue)
        assert float(weight) in {-1, 0, 0.5, 1, 2}, (context, cue, weight)


def test_no_cue_twice_in_one_context():
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    for context, cue, _ in ROWS[1:]:
        key = (context, words(cue))
        assert key not in seen, f"{context}: {cue!r} repeats {seen[key]!r}"
        seen[key] = cue


def test_every_blocking_phrase_contains_a_cue_it_blocks():
    """A weight-0 row only makes sense around a cue of its own context ("think tank"/tank)."""
    by_context: dict[str, set[tuple[str, ...]]] = {}
    for context, cue, weight in ROWS[1:]:
        if float(weight):
            by_context.setdefault(context, set()).add(words(cue))
    for context, cue, weight in ROWS[1:]:
        if float(weight) == 0:
            w = words(cue)
            parts = {w[i:j] for i in range(len(w)) for j in range(i + 1, len(w) + 1)}
            assert parts & by_context[context], (context, cue)


def test_the_lexicon_loads_every_row():
    assert len(default_lexicon().cues) == len(ROWS) - 1


def test_a_bad_row_is_refused():
    with pytest.raises(ValueError):
        ctx.ContextLexicon.from_tsv("context\tcue\tweight\nhumanitarian\taid\t1\n")


# --- CAMEO- and mode-implied contexts -----------------------------------------------


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        ("0312", ("military",)),
        ("138", ("military",)),
        ("204", ("cbrn",)),
        ("1385", ("cbrn",)),  # the four-digit code wins over its parent (138 military)
        ("1386", ("military",)),  # not in the table: falls back to 138
        ("19", ("military",)),  # a root alone reads as its x0 code
        ("091", ("crime", "corruption")),
        ("075", ("asylum",)),
        ("0333", ()),  # "humanitarian" is not a PLOVER context: dropped
        ("0811", ()),  # "democracy" neither (and no fallback to 081 legal)
        ("175", ("pro_autocracy", "repression")),  # our reading, see data/README.md
        ("040", ()),
        ("020", ()),
        (None, ()),
    ],
)
def test_cameo_implied(cameo, expected):
    assert implied_contexts("X", cameo, None) == expected


@pytest.mark.skipif(not (SPEC / "CAMEO2PLOVER-2021.txt").exists(), reason="no CAMEO table")
def test_cameo_mapping_follows_the_cameo2plover_table():
    dropped = set()
    for line in (SPEC / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{3,4}): *([A-Z]+), *([^,]*), *([^#]*)", line)
        if not m or m.group(1) == "175":  # 175: deliberate deviation
            continue
        names = [n.strip() for n in m.group(4).split(";") if n.strip()]
        dropped.update(n for n in names if n not in CONTEXTS)
        expected = tuple(n for n in names if n in CONTEXTS)
        if expected or names:
            assert set(implied_contexts("X", m.group(1), None)) == set(expected), line
    assert dropped == {"humanitarian", "democracy"}


def test_mode_implied():
    assert implied_contexts("MOBILIZE", "150", "weapons") == ("military",)
    assert implied_contexts("COERCE", None, "cyber") == ("cyber",)
    assert implied_contexts("CONSULT", "040", "visit") == ()


# --- sentences ----------------------------------------------------------------------


def test_missile_test_is_cbrn_and_military():
    s = "North Korea test-fired a ballistic missile into the sea off its east coast."
    assert set(contexts(s, event_type="MOBILIZE", cameo="150", mode="weapons")) >= {
        "cbrn",
        "military",
    }
    assert set(contexts(s)) >= {"cbrn", "military"}  # from the words alone


def test_meeting_on_trade_is_economic_and_diplomatic():
    s = "Trade ministers from China and the United States met in Geneva for talks on tariffs."
    assert set(contexts(s, cameo="040")) == {"economic", "diplomatic"}


def test_police_raid_on_drug_traffickers():
    s = "Police raided a warehouse used by drug traffickers and seized 200 kilograms of cocaine."
    found = contexts(s, event_type="COERCE", cameo="171", mode="seize")
    assert {"illegal_drugs", "trafficking"} <= set(found)
    assert "military" not in found  # police are not the military
    assert "human_security" not in found  # CAMEO 171 (seize property) vetoed by drug words
    assert "crime" not in found  # replaced by the more specific crime contexts


def test_non_state_armed_groups_are_not_military():
    s = "Houthi rebels fired missiles at commercial ships in the Red Sea."
    assert "military" not in contexts(s, event_type="ASSAULT", cameo="194")
    s = "The Kosovo Liberation Army attacked a village."
    assert "military" not in contexts(s, event_type="ASSAULT", cameo="190")


def test_state_troops_fighting_rebels_are_military():
    s = "Government troops clashed with rebels near the town."
    assert contexts(s, event_type="ASSAULT", cameo="190")[0] == "military"


def test_nuclear_energy_is_not_cbrn():
    s = "Officials toured a nuclear power plant to discuss nuclear energy cooperation."
    assert "cbrn" not in contexts(s)
    assert "technology" in contexts(s)


def test_un_needs_capitals_and_dots_fold():
    assert "diplomatic" not in contexts("Kim Jong-un met senior aides and talked about unity.")
    assert "diplomatic" in contexts("The U.N. envoy met the delegation.")


def test_inflections_and_plurals():
    assert "trafficking" in contexts("The gang smuggled migrants across the border.")
    assert "migration" in contexts("Thousands of refugees fled the fighting.")
    assert "legislative" in contexts("Opposition MPs walked out of the chamber.")


def test_war_crimes_are_not_crime():
    found = contexts("The tribunal said the shelling of civilians amounted to war crimes.")
    assert "crime" not in found and "human_rights" in found


def test_at_most_four_strongest_first():
    s = (
        "The foreign minister discussed trade, refugees, the drought, the election, "
        "the court ruling and the nuclear weapons program with lawmakers."
    )
    found = contexts(s)
    assert len(found) == ctx.MAX_CONTEXTS
    assert set(found[:2]) == {"cbrn", "diplomatic"}  # "foreign minister", "nuclear weapon": 2


# --- paragraphs and documents -------------------------------------------------------

TRADE_ARTICLE = (
    "China and the United States agreed to cut tariffs on Monday.\n\n"
    "The deal covers exports of soybeans and imports of machinery, and should lift GDP "
    "growth, economists said.\n\n"
    "The two leaders shook hands in front of reporters."
)

FLOOD_ARTICLE = (
    "Floods swept through three provinces on Sunday, killing at least 40 people.\n\n"
    "The governor, who faces an election next year, visited the area. "
    "Rescue teams searched for survivors in the mud.\n\n"
    "The flood destroyed bridges and roads. Heavy rain is expected to continue, and the "
    "drought-hit north is bracing for more storms.\n\n"
    "Villagers carried their belongings to higher ground."
)


def sentence_span(text: str, beginning: str) -> tuple[int, int]:
    """Offsets of the sentence that starts with `beginning` (it ends at the next period)."""
    start = text.index(beginning)
    return start, text.index(".", start) + 1


def test_document_context_reaches_a_sentence_without_cues():
    doc = DocumentContexts(TRADE_ARTICLE)
    assert "economic" in doc.document
    found = doc.for_event(*sentence_span(TRADE_ARTICLE, "The two leaders shook hands"), "CONSULT")
    assert found == ("economic",)


def test_one_passing_mention_does_not_make_an_election_article():
    doc = DocumentContexts(FLOOD_ARTICLE)
    assert "election" not in doc.document and "disasters" in doc.document
    for sentence in ("Rescue teams searched for survivors", "Villagers carried"):
        found = doc.for_event(*sentence_span(FLOOD_ARTICLE, sentence), "AID")
        assert "election" not in found, sentence
        assert "disasters" in found, sentence
    mention = doc.for_event(*sentence_span(FLOOD_ARTICLE, "The governor, who"), "CONSULT")
    assert "election" in mention


def test_cues_repeated_in_the_paragraph_count():
    text = (
        "Voters queued for hours. The ballot count was delayed. Officials met on Tuesday.\n\n"
        "Other news followed."
    )
    doc = DocumentContexts(text)
    assert "election" in doc.for_event(*sentence_span(text, "Officials met on Tuesday."), "X")
    assert "election" not in doc.for_event(*sentence_span(text, "Other news followed."), "X")


def test_sentence_contexts_rank_before_document_ones():
    text = TRADE_ARTICLE + "\n\nThe army held drills near the border the same day."
    doc = DocumentContexts(text)
    found = doc.for_event(*sentence_span(text, "The army held drills"), "MOBILIZE")
    assert found[0] == "military" and "economic" in found


def test_document_contexts_and_code_context_agree():
    paragraphs = paragraph_bounds(FLOOD_ARTICLE)
    doc = DocumentContexts(FLOOD_ARTICLE, paragraphs)
    for start, end in paragraphs:
        paragraph = FLOOD_ARTICLE[start:end]
        for m in re.finditer(r"[^.]+\.", paragraph):
            s, e = start + m.start(), start + m.end()
            expected = doc.for_event(s, e, "ASSAULT", "190")
            got = code_context(
                FLOOD_ARTICLE[s:e], paragraph, FLOOD_ARTICLE, event_type="ASSAULT", cameo="190"
            )
            assert got == expected, FLOOD_ARTICLE[s:e]


def test_paragraph_bounds_split_on_blank_lines():
    text = "One.\n\nTwo two.\n \n\nThree."
    assert [text[s:e] for s, e in paragraph_bounds(text)] == ["One.", "Two two.", "Three."]


# --- known misses -------------------------------------------------------------------


@pytest.mark.xfail(
    strict=True, reason="cue words cannot tell terrorism from a government's 'terrorist' label"
)
def test_a_terrorist_label_is_not_terrorism():
    s = "The government branded the striking teachers terrorists."
    assert "terrorism" not in contexts(s, event_type="ACCUSE", cameo="112")


@pytest.mark.xfail(strict=True, reason="news about one company is not told from economic news")
def test_single_company_news_is_not_economic():
    assert "economic" not in contexts("Samsung said its chip exports rose in March.")
