"""End to end on the reference article with the real model: the events issue #3 names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _find(events, event_type, trigger_lemmas):
    return [
        e
        for e in events
        if e["event_type"] == event_type
        and e["evidence"]["trigger"].lower().startswith(trigger_lemmas)
        and e["modality"] != "negated"
    ]


def _countries(part):
    if part is None:
        return set()
    if part.get("members"):
        return {m["country"] for m in part["members"]}
    return {part["country"]}


def test_kim_convenes_the_military_meeting(example_events):
    found = _find(example_events, "CONSULT", ("call", "convene", "presid"))
    assert any(e["actor"] and e["actor"]["country"] == "PRK" for e in found), found


def test_china_and_russia_censure_the_us(example_events):
    found = _find(example_events, "ACCUSE", ("censur",))
    assert found
    event = found[0]
    assert _countries(event["actor"]) == {"CHN", "RUS"}
    assert len(event["actor"]["members"]) == 2
    assert event["recipient"]["country"] == "USA"
    assert event["cameo_root"] == "11" and event["quad_class"] == 3


def test_beijing_and_moscow_veto_at_the_un(example_events):
    found = _find(example_events, "REJECT", ("veto",))
    assert found and _countries(found[0]["actor"]) == {"CHN", "RUS"}


def test_trump_meets_kim(example_events):
    found = _find(example_events, "CONSULT", ("met", "meet"))
    assert any(
        e["actor"]["country"] == "USA" and e["recipient"] and e["recipient"]["country"] == "PRK"
        for e in found
    ), found


def test_trump_refuses_to_ease_sanctions(example_events):
    found = _find(example_events, "REJECT", ("refus",))
    assert any(
        e["actor"]["country"] == "USA" and e["recipient"] and e["recipient"]["country"] == "PRK"
        for e in found
    ), found


def test_refused_action_is_not_coded_as_its_own_event(example_events):
    # "refused to ease or lift sanctions": one REJECT, no RETREAT easing sanctions
    assert not [e for e in example_events if e["event_type"] == "RETREAT"]


def test_no_asserted_event_from_the_negated_report_sentence(example_events, example_path):
    import newsevents

    [result] = list(newsevents.code_documents([str(example_path)]))
    assert "The report did not specify any plans" in result.article.text
    from_it = [e for e in example_events if "did not specify" in e["evidence"]["sentence"]]
    assert all(e["modality"] == "negated" for e in from_it)


def test_no_event_from_page_chrome(example_events):
    chrome = ("SHARE THIS ARTICLE", "alternate addresses", "www.presstv.ir", "News /", "Roku")
    for event in example_events:
        assert not any(c in event["evidence"]["sentence"] for c in chrome)
    assert not any("This photo shows" in e["evidence"]["sentence"] for e in example_events)


def test_every_event_has_the_schema_fields_and_true_offsets(example_events, example_path):
    import newsevents

    [result] = list(newsevents.code_documents([str(example_path)]))
    text = result.article.text
    for event in (e.to_dict() for e in result.events):
        ev = event["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["sentence"]
        assert text[ev["trigger_start"] : ev["trigger_end"]] == ev["trigger"]
        for role in ("actor", "recipient"):
            part = event[role]
            if part:
                assert text[part["start"] : part["end"]] == part["text"]
        assert event["coder"].startswith("rules.v")
        assert 0 < event["confidence"] <= 1
        assert event["quad_class"] in (1, 2, 3, 4)
        assert event["cameo_root"].isdigit() and len(event["cameo_root"]) == 2


def test_event_ids_are_deterministic(example_path):
    import newsevents

    first = [e.event_id for r in newsevents.code_documents([str(example_path)]) for e in r.events]
    again = [e.event_id for r in newsevents.code_documents([str(example_path)]) for e in r.events]
    assert first and first == again and len(set(first)) == len(first)
