"""Imported once by the local runner's fork server, before it forks any worker.

What is built here (the coder's tables and the gazetteer, about 2.5 s of work) every worker
then shares copy-on-write, instead of each building it again at start. The spaCy pipeline
is not loaded here: which one to load is a setting of the run, and each worker loads it
once in `_load_stages` (under half a second).
"""

from __future__ import annotations

from newsevents.coding.context import default_lexicon as default_context_lexicon
from newsevents.coding.gazetteer import default_gazetteer
from newsevents.coding.rules import RuleCoder
from newsevents.pipeline import process_chunk  # noqa: F401  (the task the workers run)

RuleCoder.for_settings(None)
default_gazetteer()
default_context_lexicon()
