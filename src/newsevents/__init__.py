"""newsevents: news articles in, a verifiable dataset of political events out.

The Python API is the same set of functions the command line calls::

    import newsevents
    events = newsevents.code_text("Russia attacked Ukraine on Monday.", published="2022-02-28")
    report = newsevents.run(["articles/"], settings=newsevents.resolve_settings(db="ev.duckdb"))
"""

import logging

from newsevents._version import __version__
from newsevents.config import Settings, resolve_settings
from newsevents.errors import (
    ConfigError,
    InputError,
    ModelNotFoundError,
    NewsEventsError,
    Reason,
    StoreError,
)
from newsevents.lookup import query_clusters, show
from newsevents.pipeline import ItemResult, code_documents, code_text, run
from newsevents.records import (
    ActorRef,
    Article,
    Attribution,
    Event,
    Evidence,
    Location,
    RawDocument,
    Rejection,
    RunReport,
)

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "ActorRef",
    "Article",
    "Attribution",
    "ConfigError",
    "Event",
    "Evidence",
    "InputError",
    "ItemResult",
    "Location",
    "ModelNotFoundError",
    "NewsEventsError",
    "RawDocument",
    "Reason",
    "Rejection",
    "RunReport",
    "Settings",
    "StoreError",
    "__version__",
    "code_documents",
    "code_text",
    "query_clusters",
    "resolve_settings",
    "run",
    "show",
]
