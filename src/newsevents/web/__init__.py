"""HTTP API and dashboard: `create_app(settings)` gives the FastAPI application that
`newsevents serve` runs with uvicorn."""

from newsevents.web.app import create_app

__all__ = ["create_app"]
