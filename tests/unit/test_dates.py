"""Event dates resolved against the publication date (coding/dates.py), no model needed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.coding.dates import WEEKDAYS, infer_published, period_start, resolve_words

WED = dt.date(2022, 6, 22)  # a Wednesday


@pytest.mark.parametrize(
    ("words", "future", "expected"),
    [
        ("Tuesday", False, ("2022-06-21", "day")),
        ("Wednesday", False, ("2022-06-22", "day")),  # the day of publication itself
        ("Sunday", False, ("2022-06-19", "day")),
        ("Sunday night", False, ("2022-06-19", "day")),
        ("last Wednesday", False, ("2022-06-15", "day")),
        ("Friday", True, ("2022-06-24", "day")),  # "will meet on Friday"
        ("next Monday", False, ("2022-06-27", "day")),
        ("yesterday", False, ("2022-06-21", "day")),
        ("last month", False, ("2022-05", "month")),
        ("next month", False, ("2022-07", "month")),
        ("last week", False, ("2022-W24", "week")),
        ("this week", False, ("2022-W25", "week")),
        ("earlier this year", False, ("2022", "year")),
        ("last year", False, ("2021", "year")),
        ("three days ago", False, ("2022-06-19", "day")),
        ("2018", False, ("2018", "year")),
        ("June 2021", False, ("2021-06", "month")),
        ("June 21, 2022", False, ("2022-06-21", "day")),
        ("21 June", False, ("2022-06-21", "day")),
        ("August", False, ("2021-08", "month")),  # the most recent August
        ("March", True, ("2023-03", "month")),  # "will host ... in March"
    ],
)
def test_resolve_words(words, future, expected):
    resolved = resolve_words(words, WED, future=future)
    assert resolved is not None and resolved[:2] == expected


@pytest.mark.parametrize("words", ["recent months", "16 years", "two weeks", "days", "may"])
def test_durations_and_modals_name_no_period(words):
    assert resolve_words(words, WED) is None


def test_absolute_dates_need_no_anchor_but_relative_ones_do():
    assert resolve_words("on June 21, 2022", None) == ("2022-06-21", "day", False)
    assert resolve_words("Tuesday", None) is None


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)),
    st.sampled_from(WEEKDAYS),
)
def test_a_past_weekday_is_within_the_week_before_publication(anchor, weekday):
    value, precision, relative = resolve_words(weekday, anchor)
    day = dt.date.fromisoformat(value)
    assert precision == "day" and relative
    assert 0 <= (anchor - day).days <= 6 and day.strftime("%A").lower() == weekday
    ahead = dt.date.fromisoformat(resolve_words(weekday, anchor, future=True)[0])
    assert 1 <= (ahead - anchor).days <= 7


def test_publication_inferred_from_latest_date_and_report_weekday():
    text = "A photo taken on June 21, 2022. KCNA reported on Wednesday that Kim met officials."
    assert infer_published(text) == dt.date(2022, 6, 22)
    assert infer_published("Kim met officials on June 21, 2022.") == dt.date(2022, 6, 21)


def test_publication_inferred_from_a_dateline_and_captions():
    assert infer_published("SEOUL, March 14, 2023 - North Korea fired a missile.") == dt.date(
        2023, 3, 14
    )
    assert infer_published("Kim said on Tuesday.", ["Photo: June 20, 2022"]) == dt.date(2022, 6, 21)
    assert infer_published("No dates here at all.") is None


def test_period_start():
    assert period_start("2022-W25") == dt.date(2022, 6, 20)
    assert period_start("2022-05") == dt.date(2022, 5, 1)
    assert period_start("2018") == dt.date(2018, 1, 1)
    assert period_start("soon") is None


def test_dates_beyond_the_calendar_give_none_not_an_error():
    assert resolve_words("yesterday", dt.date(1, 1, 1)) is None
    assert resolve_words("next year", dt.date(9999, 6, 1)) is None
