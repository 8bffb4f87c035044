"""DuckDB store: schema and migrations (`schema`), upserts and named read queries (`store`)."""

from __future__ import annotations

from newsevents.store.schema import LATEST_VERSION, MIGRATIONS, Migration, period_start
from newsevents.store.store import Store, rejection_id

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration", "Store", "period_start", "rejection_id"]
