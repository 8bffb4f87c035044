"""Shared fixtures: the repository's paths and the real spaCy pipeline (loaded once)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "presstv-north-korea-military-meeting.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_events() -> list[dict]:
    """Events of the reference article, coded once for the whole session."""
    import newsevents

    results = list(newsevents.code_documents([str(EXAMPLE)], published=dt.date(2022, 6, 22)))
    assert len(results) == 1 and results[0].article is not None, results
    return [e.to_dict() for e in results[0].events]
