"""Duplicate articles: exact copies by content hash, near-copies by MinHash and LSH.

A syndicated wire story republished with a new headline, a changed dateline or a trimmed
paragraph shares most of its word 5-grams ("shingles") with the original (a leading
dateline, "QUITO, Oct 3 (Andean Wire) -", is left out of the shingles). Each article's
shingle set is sketched with a MinHash (datasketch, 128 permutations); the sketch is cut
into 42 bands of 3 values and each band hashed to one 64-bit key. Two articles that share a
band key are candidates (the chance is 0.996 for a Jaccard similarity of 0.5, 0.96 for 0.4
(a copy cut to half its length), 0.29 for 0.2 and 0.04 for 0.1); a candidate is a copy when
the exact shingle sets agree: Jaccard >= 0.6, or the shorter text's shingles lie >= 0.85
inside the longer's (a trimmed copy).

The band keys live in the store (`article_lsh_bands`), so a new run finds copies of
articles stored by earlier runs without rebuilding an index. A copy points at the root of
its group: the earliest article (published, then id) seen first; roots never move.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
BANDS = 42
ROWS = 3  # 126 of the 128 values are banded
SHINGLE = 5
MIN_JACCARD = 0.6
MIN_CONTAINMENT = 0.85
MIN_SHINGLES = 8  # below this a text is too short to call a copy by overlap alone
METHOD = "minhash.v1"
_WORD = re.compile(r"\w+", re.UNICODE)
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)*\s*(?:\([^)]{1,60}\))?"
    r"\s*[-–—:]+\s+"
)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article found to copy another (`duplicate_of` is the root of its group)."""

    article_id: str
    duplicate_of: str
    similarity: float
    method: str  # "exact" (same content hash) or METHOD (near copy)


def strip_dateline(text: str) -> str:
    """The text without a leading wire dateline ("QUITO, Oct 3 (Andean Wire) - "), the part
    a syndicating outlet rewrites most often."""
    return _DATELINE.sub("", text, count=1)


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Word n-grams of a text without its dateline, lower-cased, punctuation ignored."""
    words = [w.lower() for w in _WORD.findall(strip_dateline(text))]
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


@lru_cache(maxsize=1)
def _template() -> MinHash:
    from datasketch import MinHash  # imported when first needed: it pulls in scipy

    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(grams: Iterable[str]) -> np.ndarray:
    """The MinHash values of a shingle set (uint64 array of NUM_PERM values)."""
    from datasketch import MinHash

    base = _template()
    sketch = MinHash(num_perm=NUM_PERM, seed=1, permutations=base.permutations, scheme=base.scheme)
    sketch.update_batch([g.encode("utf-8") for g in grams])
    return np.asarray(sketch.hashvalues, dtype=np.uint64)


def band_keys(values: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in), for the LSH table."""
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big"))
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def copy_similarity(a: frozenset[str], b: frozenset[str]) -> float | None:
    """The similarity that makes `a` and `b` copies of one text, or None when they are not."""
    jaccard, contained = overlap(a, b)
    if jaccard >= MIN_JACCARD:
        return round(jaccard, 4)
    if min(len(a), len(b)) >= MIN_SHINGLES and contained >= MIN_CONTAINMENT:
        return round(contained, 4)
    return None


@dataclass(frozen=True, slots=True)
class Sketched:
    """A new article ready for duplicate search: its id, content hash and shingles."""

    article_id: str
    content_hash: str
    grams: frozenset[str]


def pick_duplicates(
    new: Sequence[Sketched],
    candidates: dict[str, set[str]],
    known: dict[str, frozenset[str]],
    roots: dict[str, str],
    same_hash: dict[str, str],
) -> list[Duplicate]:
    """Decide, in the given order, which new articles copy an earlier one.

    `candidates`: new article id -> ids sharing an LSH band key (stored or new);
    `known`: shingles of stored candidates; `roots`: stored article id -> root of its
    group; `same_hash`: new article id -> an earlier article with the same content hash.
    An article may only copy one stored before the run or earlier in `new`.
    """
    grams = dict(known)
    roots = dict(roots)
    earlier: set[str] = set(known)
    out = []
    for item in new:
        found = _exact(item, same_hash, roots) or _near(item, candidates, grams, earlier, roots)
        if found is not None:
            out.append(found)
            roots[item.article_id] = found.duplicate_of
        else:
            roots[item.article_id] = item.article_id
        grams[item.article_id] = item.grams
        earlier.add(item.article_id)
    return out


def _exact(item: Sketched, same_hash: dict[str, str], roots: dict[str, str]) -> Duplicate | None:
    other = same_hash.get(item.article_id)
    if other is None or other == item.article_id:
        return None
    return Duplicate(item.article_id, roots.get(other, other), 1.0, "exact")


def _near(
    item: Sketched,
    candidates: dict[str, set[str]],
    grams: dict[str, frozenset[str]],
    earlier: set[str],
    roots: dict[str, str],
) -> Duplicate | None:
    best: tuple[float, str] | None = None
    for other in sorted(candidates.get(item.article_id, set()) & earlier):
        similarity = copy_similarity(item.grams, grams[other])
        if similarity is not None and (best is None or similarity > best[0]):
            best = (similarity, other)
    if best is None:
        return None
    return Duplicate(item.article_id, roots.get(best[1], best[1]), best[0], METHOD)
