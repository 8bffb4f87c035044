"""Attribution, modality, event date and location on parsed sentences (issue 5)."""

from __future__ import annotations

import pytest

from newsevents.coding.gazetteer import default_gazetteer, fold
from newsevents.pipeline import code_text

pytestmark = pytest.mark.model


def _event(text, trigger, published="2023-03-15"):
    events = [e for e in code_text(text, published=published) if e.evidence.trigger == trigger]
    assert events, code_text(text, published=published)
    return events[0]


def test_gazetteer_folds_spellings_and_prefers_the_parties_countries():
    gaz = default_gazetteer()
    assert fold("Khān Yūnis") == "khan yunis"
    assert gaz.lookup("Khan Younis").country == "PSE"
    assert gaz.lookup("Rafah", ["EGY"]).country == "EGY"
    assert gaz.lookup("Rafah", ["PSE"]).country == "PSE"
    assert gaz.lookup("North Korea").precision == "country"
    assert gaz.lookup("Tillaberi", region=True).precision == "admin1"
    assert gaz.lookup("Pyongyang").lat == pytest.approx(39.03, abs=0.1)


def test_reported_act_is_attributed_to_the_speaker_and_asserted():
    event = _event("Israeli troops killed two men in Jenin on Monday, the army said.", "killed")
    assert event.attribution.source_text == "the army"
    assert event.attribution.cue == "said"
    assert event.modality == "asserted"
    assert (event.date, event.date_source) == ("2023-03-13", "text")
    assert (event.location.name, event.location.country) == ("Janīn", "PSE")


def test_according_to_and_innermost_source():
    event = _event(
        "According to Kurdish officials, Turkish drones struck a car near Qamishli.", "struck"
    )
    assert event.attribution.cue == "according to"
    assert "Kurdish officials" in event.attribution.source_text
    nested = _event(
        "KCNA reported that the defence ministry said its forces fired two missiles.", "fired"
    )
    assert "ministry" in nested.attribution.source_text


def test_allegation_makes_the_act_claimed():
    event = _event("Azerbaijan alleged that Armenian forces shelled its positions.", "shelled")
    assert event.modality == "claimed"
    assert event.attribution.cue == "alleged"


def test_own_speech_act_has_no_attribution_and_a_refusal_is_reject():
    threat = _event("Iran threatened to retaliate against any attack.", "threatened")
    assert threat.event_type == "THREATEN" and threat.attribution is None
    assert threat.modality == "asserted"
    refusal = _event("Hungary refused to approve new sanctions on Russia.", "refused")
    assert refusal.event_type == "REJECT" and refusal.modality == "asserted"


def test_report_date_only_when_the_event_has_none():
    own = _event(
        "The ministry said on Friday that its forces shot down two drones on Thursday.", "shot"
    )
    assert own.date == "2023-03-09"
    borrowed = _event("The ministry said on Friday that its forces shot down two drones.", "shot")
    assert borrowed.date == "2023-03-10"


def test_historical_and_future_and_hypothetical():
    old = _event("The rebels attacked the same checkpoint in 2018.", "attacked")
    assert (old.modality, old.date, old.date_precision) == ("historical", "2018", "year")
    counted = _event("Trump met Kim three times.", "met")
    assert counted.modality == "historical" and counted.date is None
    future = _event("The two ministers will meet in Geneva next week.", "meet")
    assert (future.modality, future.date) == ("future", "2023-W12")
    ready = _event("Turkey is ready to host talks between Russia and Ukraine.", "host")
    assert ready.modality == "hypothetical"


def test_location_of_the_event_not_of_a_party_or_dateline():
    event = _event("SEOUL, March 14, 2023 - North Korea fired a missile into the sea.", "fired")
    assert event.location is None
    party = _event("China imposed sanctions on Lithuania.", "imposed")
    assert party.location is None
    country = _event(
        "Kim met his officials at an undisclosed location in North Korea on Tuesday.", "met"
    )
    assert (country.location.country, country.location.precision) == ("PRK", "country")


def test_a_threat_is_made_where_it_is_uttered_and_dated_by_the_report():
    event = _event(
        '"We will attack the convoy," the rebel commander told reporters in Goma on Friday.',
        "attack",
    )
    assert event.event_type == "THREATEN"
    assert (event.location.name, event.location.country) == ("Goma", "COD")
    assert event.date == "2023-03-10"  # the report's Friday, not the next one


def test_a_background_clause_keeps_its_own_date():
    event = _event(
        "On Sunday, the army claimed to have seen rockets fired by the rebels, days after "
        "their leader vowed to fight on.",
        "vowed",
    )
    assert event.date == "2023-03-15" and event.attribution is None
