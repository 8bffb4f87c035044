"""Hand-built spaCy Docs for rule tests: no model needed.

`parse("China/PROPN/nsubj/3 and/CCONJ/cc/0 ...")` style is hard to read, so docs are built
from a list of (word, pos, dep, head_index, lemma, ent) rows instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.tokens import Doc

_VOCAB = spacy.blank("en").vocab

Row = tuple[str, str, str, int, str, str]  # word, pos, dep, head, lemma, entity (BIO-label)


def make_doc(
    rows: Sequence[Row], tags: dict[int, str] | None = None, sentences: Sequence[int] = (0,)
) -> Doc:
    """A Doc with POS, dependencies, lemmas, entities; sentences start at `sentences`."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][1] != "PUNCT" for i in range(len(rows))]
    ents = [r[5] or "O" for r in rows]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=ents,
        sent_starts=[i in sentences for i in range(len(rows))],
    )
    for i, tag in (tags or {}).items():
        doc[i].tag_ = tag
    return doc


# China and Russia censured the US .
CENSURE = [
    ("China", "PROPN", "nsubj", 3, "China", "B-GPE"),
    ("and", "CCONJ", "cc", 0, "and", ""),
    ("Russia", "PROPN", "conj", 0, "Russia", "B-GPE"),
    ("censured", "VERB", "ROOT", 3, "censure", ""),
    ("the", "DET", "det", 5, "the", ""),
    ("US", "PROPN", "dobj", 3, "US", "B-GPE"),
    (".", "PUNCT", "punct", 3, ".", ""),
]
