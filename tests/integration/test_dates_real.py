"""Event dates on real parses, where the parser's attachment would mislead the rules."""

from __future__ import annotations

import pytest

import newsevents

pytestmark = pytest.mark.model


def test_date_words_right_after_the_reporting_verb_date_the_report_not_the_act() -> None:
    # spaCy attaches "on Monday" to "give"; it dates the saying, and the pledge with it
    [event] = newsevents.code_text(
        "The Japanese government said on Monday it would give Sudan $50 million in aid.",
        published="2024-02-06",
    )
    assert event.modality == "future"
    assert event.date == "2024-02-05"


def test_a_future_act_with_its_own_weekday_looks_ahead() -> None:
    events = newsevents.code_text(
        "Japan will give Sudan $50 million on Monday, officials said.", published="2024-02-06"
    )
    assert [e.date for e in events] == ["2024-02-12"]
