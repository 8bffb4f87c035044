"""End to end on the reference article with the real model: the events issue #3 names."""

from __future__ import annotations

import datetime as dt

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


# -- issue 5: who says so, how sure, when and where ----------------------------------------


def test_military_meeting_is_kcnas_and_dated_tuesday(example_events):
    found = _find(example_events, "CONSULT", ("presid", "convene", "call"))
    dated = [e for e in found if e["date"] == "2022-06-21"]
    assert dated, found
    event = dated[0]
    assert event["date_precision"] == "day" and event["date_source"] == "text"
    assert "KCNA" in event["attribution"]["source_text"]
    assert event["attribution"]["country"] == "PRK"
    assert event["attribution"]["cue"] == "reported"


def test_un_veto_is_dated_last_month(example_events):
    [veto] = _find(example_events, "REJECT", ("veto",))
    assert (veto["date"], veto["date_precision"]) == ("2022-05", "month")
    assert veto["date_text"] == "last month"


def test_artillery_firing_is_a_south_korean_military_claim_of_sunday(example_events):
    [fired] = [e for e in example_events if e["evidence"]["trigger"] == "fired"]
    assert fired["date"] == "2022-06-19"
    assert fired["modality"] == "claimed"
    source = fired["attribution"]
    assert (source["country"], source["sector"]) == ("KOR", "MIL")
    assert source["cue"] == "claimed"


def test_trumps_meetings_with_kim_are_historical(example_events):
    met = _find(example_events, "CONSULT", ("met",))
    assert met and all(e["modality"] == "historical" for e in met)


def test_possible_nuclear_test_is_hypothetical_and_attributed_to_officials(example_events):
    found = [e for e in example_events if "nuclear test" in e["evidence"]["sentence"]]
    assert found
    event = found[0]
    assert event["modality"] == "hypothetical"
    assert event["attribution"]["source_text"] == "US and South Korean officials"


def test_article_voice_events_have_no_attribution(example_events):
    [veto] = _find(example_events, "REJECT", ("veto",))
    [censure] = _find(example_events, "ACCUSE", ("censur",))
    assert veto["attribution"] is None and censure["attribution"] is None


def test_field_offsets_point_at_their_words(example_path):
    import newsevents

    [result] = list(newsevents.code_documents([str(example_path)], published=dt.date(2022, 6, 22)))
    text = result.article.text
    dated = 0
    for event in (e.to_dict() for e in result.events):
        source = event["attribution"]
        if source:
            assert text[source["start"] : source["end"]] == source["source_text"]
            assert text[source["cue_start"] : source["cue_end"]] == source["cue"]
        place = event["location"]
        if place:
            assert text[place["start"] : place["end"]] == place["text"]
        if event["date_text"]:
            dated += 1
            assert text[event["date_text_start"] : event["date_text_end"]] == event["date_text"]
    assert dated >= 3


def test_without_published_the_date_is_inferred_from_the_text(example_path):
    import newsevents

    [result] = list(newsevents.code_documents([str(example_path)]))
    assert result.article.published in (dt.date(2022, 6, 22), dt.date(2022, 6, 23))
    assert result.article.published_source == "inferred"
    undated = [e for e in result.events if e.date_text is None and e.modality != "historical"]
    assert undated and all(e.date_source == "inferred" for e in undated)
    assert all(e.date == result.article.published.isoformat() for e in undated)


def test_modality_keeps_the_words_that_made_it(example_events, example_path):
    import newsevents

    [result] = list(newsevents.code_documents([str(example_path)], published=dt.date(2022, 6, 22)))
    text = result.article.text
    cues = {}
    for event in result.events:
        if event.modality == "asserted":
            assert event.modality_text is None
            continue
        assert text[event.modality_start : event.modality_end] == event.modality_text
        cues[event.evidence.trigger] = event.modality_text
    assert cues["conduct"] == "could" and cues["fired"] == "claimed"
    assert cues["met"] == "three times"
