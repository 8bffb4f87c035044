"""Fixtures of the web, query and export tests: one real store, built once per session by
running the real pipeline on the bundled example and the articles in fixtures/web/."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from newsevents.config import resolve_settings
from tests.conftest import EXAMPLE, ROOT

ARTICLES = ROOT / "tests" / "fixtures" / "web" / "articles.jsonl"
TOKEN = "test-token-0123456789"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made by `run` on the example article and three more; do not write to it."""
    import newsevents

    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    settings = resolve_settings(db=str(path))
    report = newsevents.run(
        [str(EXAMPLE), str(ARTICLES)], settings=settings, published=dt.date(2022, 6, 22)
    )
    assert report.articles == 4 and report.events >= 10, report
    return path


@pytest.fixture(scope="session")
def app(web_db: Path) -> Iterator[FastAPI]:
    """The read-only app over `web_db` (no token: writing is off)."""
    from newsevents.web import create_app

    application = create_app(resolve_settings(db=str(web_db)))
    yield application
    application.state.db.store.close()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture()
def writable_client(web_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """An app with a token over a copy of the store (so the shared one stays read-only)."""
    from newsevents.web import create_app

    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_db, copy)
    application = create_app(resolve_settings(db=str(copy), api_token=TOKEN))
    with TestClient(application, raise_server_exceptions=False) as test_client:
        yield test_client
