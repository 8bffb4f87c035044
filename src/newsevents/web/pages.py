"""The dashboard: static pages and assets bundled in the package (no CDN, no tile server).

The pages are HTML shells; `static/app.js` fills them from the JSON API, so each page shows
exactly what its JSON twin (linked in its header) returns.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(str(files("newsevents.web") / "static"))
WORLD = Path(str(files("newsevents.data") / "world-110m.geojson"))


def _page(name: str) -> FileResponse:
    return FileResponse(STATIC / name, media_type="text/html; charset=utf-8")


def mount_pages(app: FastAPI) -> None:
    """Add the dashboard routes and the /static assets to `app`."""

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return _page("index.html")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str) -> FileResponse:
        return _page("event.html")

    @app.get("/network", include_in_schema=False)
    def network_page() -> FileResponse:
        return _page("network.html")

    @app.get("/static/world-110m.geojson", include_in_schema=False)
    def world() -> FileResponse:
        return FileResponse(WORLD, media_type="application/geo+json")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
