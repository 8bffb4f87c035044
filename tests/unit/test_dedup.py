"""Duplicate articles and event identity, rule by rule, on records built by hand (no model).

The sentences here are invented for the tests and differ from the gate corpus on purpose:
the rules must hold for news they were not developed on.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from newsevents.dedup import articles, canonical, features, report_from_row
from newsevents.dedup.events import Clusterer, block_keys, cluster_id_for
from newsevents.dedup.features import Report

# ---------------------------------------------------------------- builders


def party(country: str | None = None, name: str | None = None, sector: str | None = None,
          members: tuple[str, ...] = ()) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = {"text": name or country or "x", "name": name, "country": country,
                           "sector": sector, "start": 0, "end": 1}  # fmt: skip
    if members:
        out["members"] = [{"text": m, "name": None, "country": m, "sector": None} for m in members]
    return out


def report(
    event_id: str,
    sentence: str,
    *,
    article: str | None = None,
    event_type: str = "PROTEST",
    quad: int = 4,
    actor: dict[str, Any] | None = None,
    recipient: dict[str, Any] | None = None,
    date: str | None = "2023-09-12",
    date_source: str = "published",
    location: dict[str, Any] | None = None,
    published: dt.date = dt.date(2023, 9, 12),
    outlet: str | None = None,
    root: str | None = None,
    root_outlet: str | None = None,
    confidence: float = 0.6,
    start: int = 0,
) -> Report:
    article = article or f"art-{event_id}"
    record = {
        "event_id": event_id, "article_id": article, "event_type": event_type,
        "quad_class": quad, "cameo_root": "14", "mode": None, "actor": actor,
        "recipient": recipient, "date": date,
        "date_precision": "day" if date and len(date) == 10 else "month",
        "date_source": date_source, "location": location, "attribution": None,
        "confidence": confidence,
        "evidence": {"sentence": sentence, "start": start, "end": start + len(sentence),
                     "trigger": "x", "trigger_start": start, "trigger_end": start + 1},
    }  # fmt: skip
    row = (json.dumps(record), outlet or f"outlet-{article}", published, None,
           root or article, root_outlet or outlet or f"outlet-{article}")  # fmt: skip
    return report_from_row(row)


def cluster_of(reports: list[Report]) -> dict[str, str]:
    return dict(Clusterer().assign(reports))


# ---------------------------------------------------------------- duplicate articles

WIRE = (
    "Fishermen in the port of Sfax blocked the harbour entrance with their boats on Monday, "
    "protesting against a ban on night trawling that they say will ruin them. The regional "
    "governor met a delegation of the protesters in the afternoon and promised to review the "
    "rules. Coast guard vessels stayed outside the harbour and no arrests were reported. "
    "The fishermen's union said the blockade would continue until the ban was lifted."
)


def test_a_copy_with_a_new_dateline_is_a_copy():
    copy = "SFAX, Tunisia (Maghreb Wire) - " + WIRE
    assert articles.copy_similarity(articles.shingles(WIRE), articles.shingles(copy))


def test_a_copy_with_its_last_paragraph_trimmed_is_a_copy_by_containment():
    trimmed = WIRE.rsplit(" The fishermen's union", 1)[0]
    a, b = articles.shingles(WIRE), articles.shingles(trimmed)
    _, contained = articles.overlap(a, b)
    assert contained == 1.0 and articles.copy_similarity(a, b) is not None


def test_a_rewrite_of_the_same_story_is_not_a_copy():
    rewrite = (
        "Boats blockaded the harbour of Sfax on Monday as fishermen protested a new ban on "
        "trawling at night. The governor promised to look again at the rules after meeting "
        "their representatives, while the coast guard kept its distance."
    )
    assert articles.copy_similarity(articles.shingles(WIRE), articles.shingles(rewrite)) is None


def test_short_texts_are_not_copies_by_containment_alone():
    a = articles.shingles("Police arrested two men.")
    b = articles.shingles("Police arrested two men. " + WIRE)
    assert articles.copy_similarity(a, b) is None


def test_band_keys_are_deterministic_and_shared_by_near_copies():
    copy = WIRE.replace("Monday", "Tuesday")
    keys_a = articles.band_keys(articles.signature(articles.shingles(WIRE)))
    keys_b = articles.band_keys(articles.signature(articles.shingles(copy)))
    assert keys_a == articles.band_keys(articles.signature(articles.shingles(WIRE)))
    assert len(keys_a) == articles.BANDS and set(keys_a) & set(keys_b)
    other = articles.band_keys(articles.signature(articles.shingles("Rain fell in Oslo. " * 9)))
    assert not set(keys_a) & set(other)


def _sketched(article_id: str, text: str, digest: str = "") -> articles.Sketched:
    return articles.Sketched(article_id, digest or article_id, articles.shingles(text))


def test_copies_point_at_the_root_of_their_group_and_only_at_earlier_articles():
    first = _sketched("b-first", WIRE)
    second = _sketched("a-second", WIRE + " Fuel prices rose.")
    third = _sketched("c-third", "SFAX - " + WIRE)
    everyone = {"b-first", "a-second", "c-third"}
    candidates = {x: everyone - {x} for x in everyone}
    found = articles.pick_duplicates([first, second, third], candidates, {}, {}, {})
    assert [(d.article_id, d.duplicate_of) for d in found] == [
        ("a-second", "b-first"),
        ("c-third", "b-first"),
    ]


def test_a_stored_copy_leads_to_its_root_and_exact_copies_say_so():
    new = _sketched("new", WIRE, digest="h1")
    found = articles.pick_duplicates(
        [new], {"new": {"old-copy"}}, {"old-copy": articles.shingles(WIRE)},
        {"old-copy": "old-root"}, {"new": "old-copy"},
    )  # fmt: skip
    assert [(d.duplicate_of, d.method, d.similarity) for d in found] == [("old-root", "exact", 1.0)]


# ---------------------------------------------------------------- the rules


def test_a_publication_date_allows_a_few_days_before_a_text_date_its_own_period():
    day = dt.date(2023, 9, 12).toordinal()
    assert features.window("2023-09-12", "published") == (day - features.PUBLISHED_SLACK, day)
    assert features.window("2023-09-12", "text") == (day, day)
    june = features.window("2023-06", "text")
    assert june == (dt.date(2023, 6, 1).toordinal(), dt.date(2023, 6, 30).toordinal())
    assert features.window(None, "text") is None


def test_place_words_after_prepositions_skip_dates_and_articles():
    sentence = "Crowds gathered in Valparaiso on Friday and at the Plaza Sotomayor in June."
    assert features.place_words(sentence) == ["Valparaiso", "Plaza Sotomayor"]


def test_country_names_are_country_hints_and_capitals_both():
    cities, countries = features.hints("Troops massed near Chile and in Santiago.")
    assert countries == {"CHL"} and cities == {"santiago"}


def test_parties_of_different_countries_disagree_members_overlap_agrees():
    chile, peru = features.party(party("CHL")), features.party(party("PER"))
    both = features.party(party(None, members=("CHL", "BOL")))
    assert not features.parties_agree(chile, peru)
    assert features.parties_agree(chile, both)
    assert features.parties_agree(chile, None)


def test_two_named_people_of_one_country_disagree_but_a_surname_agrees():
    boric = features.party(party("CHL", "Gabriel Boric"))
    assert features.parties_agree(boric, features.party(party("CHL", "Boric")))
    assert not features.parties_agree(boric, features.party(party("CHL", "Carolina Toha")))
    # the country's own name says nothing about who acted
    assert features.parties_agree(boric, features.party(party("CHL", "Chile")))


def test_places_more_than_50_km_apart_disagree():
    here = features.place({"name": "Valparaiso", "country": "CHL", "lat": -33.05,
                           "lon": -71.62, "precision": "city"})  # fmt: skip
    near = features.place({"name": "Vina del Mar", "country": "CHL", "lat": -33.02,
                           "lon": -71.55, "precision": "city"})  # fmt: skip
    far = features.place({"name": "Santiago", "country": "CHL", "lat": -33.45,
                          "lon": -70.67, "precision": "city"})  # fmt: skip
    country = features.place({"name": "Chile", "country": "CHL", "precision": "country"})
    assert features.places_agree(here, near) and not features.places_agree(here, far)
    assert features.places_agree(far, country)


def test_text_similarity_uses_content_words_of_the_shorter_sentence():
    a = features.content_words("Dock workers walked off the job in Antwerp on Monday.")
    b = features.content_words("Antwerp dock workers walked off the job over pay.")
    assert features.text_similarity(a, b) >= 0.6
    assert "the" not in a and "antwerp" in a


# ---------------------------------------------------------------- clustering


def test_one_event_told_by_several_outlets_is_one_cluster():
    reports = [
        report("e1", "Dock workers walked off the job in Antwerp on Monday over pay.",
               actor=party("BEL", sector="LAB")),
        report("e2", "Thousands of Antwerp dock workers went on strike over wages.",
               actor=party("BEL", sector="LAB"), published=dt.date(2023, 9, 13)),
        report("e3", "A strike by dockers shut the port of Antwerp, the port authority said.",
               actor=party(None, sector="LAB"), published=dt.date(2023, 9, 13)),
    ]  # fmt: skip
    assert len(set(cluster_of(reports).values())) == 1


def test_two_protests_in_two_cities_on_one_day_stay_apart():
    reports = [
        report("e1", "Dock workers walked off the job in Antwerp on Monday over pay.",
               actor=party("BEL", sector="LAB")),
        report("e2", "Dock workers walked off the job in Ghent on Monday over pay.",
               actor=party("BEL", sector="LAB")),
    ]  # fmt: skip
    assert len(set(cluster_of(reports).values())) == 2


def test_two_meetings_of_the_same_leaders_a_week_apart_stay_apart():
    kwargs = {"event_type": "CONSULT", "quad": 1, "actor": party("CHL", "Gabriel Boric"),
              "recipient": party("ARG", "Javier Milei")}  # fmt: skip
    reports = [
        report("e1", "Boric met Milei to discuss the border.", **kwargs),
        report("e2", "Boric met Milei to discuss the border.", article="later",
               published=dt.date(2023, 9, 19), date="2023-09-19", **kwargs),
    ]  # fmt: skip
    assert len(set(cluster_of(reports).values())) == 2


def test_a_meeting_told_from_either_side_is_one_meeting():
    reports = [
        report("e1", "Chile's president met his Argentine counterpart in Santiago.",
               event_type="CONSULT", quad=1, actor=party("CHL"), recipient=party("ARG")),
        report("e2", "Argentina's president held talks with Chile's leader in Santiago.",
               event_type="CONSULT", quad=1, actor=party("ARG"), recipient=party("CHL")),
    ]  # fmt: skip
    assert len(set(cluster_of(reports).values())) == 1


def test_the_same_strike_on_two_countries_stays_apart():
    sentence = "Warplanes struck targets overnight, officials said."
    reports = [
        report("e1", sentence, event_type="ASSAULT", actor=party("ISR"), recipient=party("LBN")),
        report("e2", sentence, event_type="ASSAULT", actor=party("ISR"), recipient=party("SYR")),
    ]  # fmt: skip
    assert len(set(cluster_of(reports).values())) == 2


def test_two_events_coded_from_one_sentence_stay_two():
    sentence = "Police fired rubber bullets as students marched on the ministry in Quito."
    reports = [
        report("e1", sentence, article="a", event_type="ASSAULT", actor=party("ECU", sector="COP")),
        report("e2", sentence, article="a", event_type="PROTEST", actor=party("ECU", sector="EDU")),
    ]  # fmt: skip
    assert len(set(cluster_of(reports).values())) == 2


def test_another_category_of_the_same_quad_class_joins_only_on_near_identical_text():
    march = report("e1", "Students marched on the ministry in Quito on Tuesday.",
                   actor=party("ECU"))  # fmt: skip
    same = report("e2", "Students marched on the ministry in Quito on Tuesday.",
                  event_type="COERCE", actor=party("ECU"))  # fmt: skip
    other = report("e3", "Police detained several students outside the ministry in Quito.",
                   event_type="COERCE", actor=party("ECU"))  # fmt: skip
    assert len(set(cluster_of([march, same]).values())) == 1
    assert len(set(cluster_of([march, other]).values())) == 2


def test_unknown_parties_need_similar_text():
    a = report("e1", "Gunmen attacked a bus on the highway to Kandahar.", event_type="ASSAULT")
    b = report("e2", "Shops reopened after a week of unrest in the capital.", event_type="ASSAULT")
    assert len(set(cluster_of([a, b]).values())) == 2


def test_a_chain_of_close_dates_cannot_drift():
    days = [dt.date(2023, 9, 10) + dt.timedelta(days=3 * i) for i in range(4)]
    reports = [
        report(f"e{i}", "Dock workers walked off the job in Antwerp over pay.",
               actor=party("BEL", sector="LAB"), published=d, date=d.isoformat())
        for i, d in enumerate(days)
    ]  # fmt: skip
    assigned = cluster_of(reports)
    assert assigned["e0"] != assigned["e3"]


def test_a_copied_articles_sentence_joins_the_originals_cluster():
    original = report("e1", "Dock workers walked off the job in Antwerp.", article="orig",
                      actor=party("BEL"))  # fmt: skip
    copy = report("e2", "Dock workers walked off the job in Antwerp.", article="copy",
                  actor=None, root="orig", root_outlet="outlet-orig")  # fmt: skip
    assigned = cluster_of([original, copy])
    assert assigned["e1"] == assigned["e2"] == cluster_id_for("e1")


def test_block_keys_name_category_quad_parties_and_places():
    r = report("e1", "Dock workers walked off the job in Antwerp.", actor=party("BEL", "ABVV"))
    keys = block_keys(r)
    assert ("type", "PROTEST", "c", "BEL") in keys and ("quad", 4, "p", "antwerp") in keys
    assert ("type", "PROTEST", "n", "abvv") in keys


def test_blocking_offers_only_clusters_sharing_a_key_and_overlapping_dates():
    clusterer = Clusterer()
    same = report("e1", "Dock workers walked off the job in Antwerp.", actor=party("BEL"))
    month_later = report("e2", "Dock workers walked off the job in Antwerp.", actor=party("BEL"),
                         published=dt.date(2023, 10, 12), date="2023-10-12")  # fmt: skip
    other_type = report("e3", "Belgium sent tents to the flooded towns.", event_type="AID",
                        quad=2, actor=party("BEL"))  # fmt: skip
    list(clusterer.assign([same, month_later, other_type]))
    new = report("e4", "A dock strike hit Antwerp.", actor=party("BEL"),
                 published=dt.date(2023, 9, 13))  # fmt: skip
    found = clusterer._candidates(new, block_keys(new))
    assert [c.cluster_id for c in found] == [cluster_id_for("e1")]


def test_restored_clusters_take_new_reports_and_keep_their_ids():
    first = report("e1", "Dock workers walked off the job in Antwerp over pay.",
                   actor=party("BEL", sector="LAB"))  # fmt: skip
    later = report("e2", "Antwerp dock workers walked off the job for a second day.",
                   actor=party("BEL", sector="LAB"), published=dt.date(2023, 9, 13))  # fmt: skip
    clusterer = Clusterer()
    clusterer.restore("stored-id", [first])
    assert dict(clusterer.assign([later])) == {"e2": "stored-id"}
    assert clusterer.clusters["stored-id"].touched


def test_cluster_ids_come_from_the_founding_event():
    reports = [report("e1", "Dock workers walked off the job in Antwerp.")]
    assert cluster_of(reports) == cluster_of(reports) == {"e1": cluster_id_for("e1")}


# ---------------------------------------------------------------- canonical rows


def test_each_field_takes_its_best_supported_value_and_copies_do_not_vote():
    members = [
        report("e1", "s one", actor=party("BEL", sector="LAB"), confidence=0.5),
        report("e2", "s two", actor=party("BEL", sector="CVL"), confidence=0.4),
        report("e3", "s three", actor=party("BEL", sector="CVL"), confidence=0.3),
        report("e4", "s four", actor=party("NLD", sector="LAB"), confidence=0.9,
               article="cp", root="art-e1"),
    ]  # fmt: skip
    row = canonical.cluster_row("c1", members, "run1")
    assert (row["actor_country"], row["actor_sector"]) == ("BEL", "CVL")
    assert row["n_reports"] == 4 and row["n_articles"] == 4


def test_a_date_read_in_the_text_beats_publication_days():
    members = [
        report("e1", "s", date="2023-09-12", published=dt.date(2023, 9, 12)),
        report("e2", "s", date="2023-09-10", date_source="text", published=dt.date(2023, 9, 13)),
    ]  # fmt: skip
    row = canonical.cluster_row("c1", members, "run1")
    assert row["date"] == dt.date(2023, 9, 10) and row["date_precision"] == "day"
    assert row["first_reported"] == dt.datetime(2023, 9, 12)


def test_confidence_grows_with_independent_outlets_not_with_copies():
    one = [report("e1", "s", outlet="A", confidence=0.6)]
    copied = [*one, report("e2", "s", outlet="B", root="art-e1", root_outlet="A",
                           confidence=0.6)]  # fmt: skip
    independent = [*one, report("e3", "s", outlet="C", confidence=0.6)]
    assert canonical.confidence(one) == pytest.approx(0.6)
    assert canonical.confidence(copied) == canonical.confidence(one)
    assert canonical.confidence(independent) == pytest.approx(0.84)


def test_evidence_lists_every_report_in_report_order():
    members = [
        report("e2", "later", outlet="B", published=dt.date(2023, 9, 13)),
        report("e1", "first", outlet="A", root="x", root_outlet="A"),
    ]
    evidence = canonical.cluster_row("c1", members, "run1")["evidence"]
    assert [e["event_id"] for e in evidence] == ["e1", "e2"]
    assert evidence[0]["copy_of"] == "x" and evidence[1]["copy_of"] is None
    assert set(evidence[0]) >= {"article_id", "outlet", "start", "end", "sentence", "attribution"}
