"""Event identity: reports of one real-world event linked into one cluster.

Reports are taken in report order (publication day, article, offset). Each either joins
the best-scoring existing cluster it agrees with or founds a new one; a cluster's id is a
hash of its founding event's id, so re-running the same input gives the same ids and a
later run attaches its reports to the clusters earlier runs made.

Blocking keeps the cost per report bounded: a cluster is indexed under (category, facet)
and (quad class, facet) keys, facets being the countries, names and places of its members,
for every day its date window covers (by year for month- or year-long windows); a report
looks only at clusters under its own keys and days, and at most the `SCAN` most recently
filed of each (`SCAN_GENERIC` under the bare category when it names a party or a place).
Agreement is checked against the whole cluster (its date window is the intersection of its
members' windows, so a chain of near-dates cannot drift a week; its parties and places are
those of its best-supported members), the score against its closest members.

A report from a copied article (`features.Report.is_copy`) whose sentence matches a
sentence of the original (same category, nearly the same words) joins that sentence's
cluster directly: copies are reports of the
original's events and never found clusters of their own for the same sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from newsevents.dedup.features import (
    SYMMETRIC,
    Party,
    Report,
    hints_agree,
    overlaps,
    participants,
    parties_agree,
    places_agree,
    score,
)
from newsevents.records import content_hash

COPY_TEXT = 0.8  # a copy's sentence is the original's sentence at this word similarity
JOIN = 0.55  # least score to join a cluster (and something specific must tie them)
SCAN = 24  # clusters looked at per block key and day
SCAN_GENERIC = 6  # ... under the category alone, by a report that names a party or place
WIDE = 62  # a date window longer than this (a month, a year) is filed by year
COMPARE = 6  # members of one cluster a report is scored against
Key = tuple[object, ...]
Bucket = int | tuple[str, int] | None


def cluster_id_for(event_id: str) -> str:
    """The deterministic id of the cluster an event founds."""
    return content_hash(f"cluster|{event_id}", 16)


def same_sentence(a: Report, b: Report) -> float:
    """How alike two sentences are in content words (Jaccard), when of one category."""
    if a.event_type != b.event_type or not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


@dataclass(slots=True)
class Cluster:
    """A cluster while the clusterer works: its members and what agreement checks read."""

    cluster_id: str
    members: list[Report] = field(default_factory=list)
    window: tuple[int, int] | None = None
    actors: Counter[Party] = field(default_factory=Counter)
    recipients: Counter[Party] = field(default_factory=Counter)
    cities: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    sentences: set[tuple[str, int]] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    quads: set[int] = field(default_factory=set)
    touched: bool = False

    def add(self, report: Report) -> None:
        self.members.append(report)
        if report.window is not None:
            w = self.window
            self.window = report.window if w is None else _intersect(w, report.window)
        weight = 0 if report.is_copy else 1
        if report.actor is not None:
            self.actors[report.actor] += weight
        if report.recipient is not None:
            self.recipients[report.recipient] += weight
        self.cities |= report.cities
        self.countries |= report.place_countries
        self.sentences.add((report.article_id, report.start))
        self.types.add(report.event_type)
        self.quads.add(report.quad_class)

    def main_parties(self) -> tuple[Party | None, Party | None]:
        return _top(self.actors), _top(self.recipients)


def _intersect(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else a  # never happens for agreeing reports


def _top(counts: Counter[Party]) -> Party | None:
    if not counts:
        return None
    return min(counts, key=lambda p: (-counts[p], p.name or "", p.country or "", p.sector or ""))


def agrees(report: Report, cluster: Cluster) -> bool:
    """The hard rules against the cluster as a whole. Two events the coder took from one
    sentence are two events."""
    if (report.article_id, report.start) in cluster.sentences:
        return False
    if report.event_type not in cluster.types and report.quad_class not in cluster.quads:
        return False
    if not overlaps(report.window, cluster.window):
        return False
    if not hints_agree(report.cities, report.place_countries, cluster.cities, cluster.countries):
        return False
    if not all(places_agree(report.place, m.place) for m in cluster.members[:COMPARE]):
        return False
    actor, recipient = cluster.main_parties()
    if report.event_type in SYMMETRIC and cluster.members[0].event_type in SYMMETRIC:
        return _same_participants(report, cluster.members[0])
    return parties_agree(report.actor, actor) and parties_agree(report.recipient, recipient)


def _same_participants(a: Report, b: Report) -> bool:
    """Symmetric events: one side's countries lie within the other's."""
    x, y = participants(a)[0], participants(b)[0]
    return not x or not y or x <= y or y <= x


def best_score(report: Report, cluster: Cluster) -> tuple[float, bool]:
    members = cluster.members
    chosen = members if len(members) <= COMPARE else members[:3] + members[-(COMPARE - 3) :]
    return max(score(report, m) for m in chosen)


def block_keys(report: Report) -> set[Key]:
    """The keys a report is filed and looked up under: its category with every country,
    name and place it names, and its quad class with every country and place (another
    category of the quad class, or REQUEST of the other quad class, is found there)."""
    facets: set[Key] = {("t", report.event_type)}
    for p in (report.actor, report.recipient):
        if p is not None:
            facets.update(("c", c) for c in p.countries)
            facets.update(("n", n) for n in p.names)
    facets.update(("p", c) for c in report.cities)
    if report.place is not None and report.place.name:
        facets.add(("p", report.place.name))
    keys = {("type", report.event_type, *facet) for facet in facets}
    keys.update(("quad", report.quad_class, *f) for f in facets if f[0] in ("c", "p"))
    return keys


def buckets(span: tuple[int, int] | None) -> list[Bucket]:
    """The date buckets a window is filed under: its days, or its years when it is longer
    than `WIDE` days (a month-long or year-long date), or None when it is unknown."""
    if span is None:
        return [None]
    if span[1] - span[0] > WIDE:
        return [("year", y) for y in range(span[0] // 365, span[1] // 365 + 1)]
    return list(range(span[0], span[1] + 1))


def lookup_buckets(span: tuple[int, int] | None) -> list[Bucket]:
    """The buckets a report looks in: its own, and the wide ones of its years."""
    if span is None or span[1] - span[0] > WIDE:
        return buckets(span)
    return [*buckets(span), *(("year", y) for y in {span[0] // 365, span[1] // 365})]


class Clusterer:
    """Assigns reports to clusters; load existing clusters first with `restore`."""

    def __init__(self) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.by_event: dict[str, str] = {}
        self.by_article: dict[str, list[Report]] = {}
        self._index: dict[Key, dict[Bucket, list[Cluster]]] = {}

    def restore(self, cluster_id: str, reports: Iterable[Report]) -> None:
        """Load a stored cluster with its members, without checks."""
        cluster = self.clusters.setdefault(cluster_id, Cluster(cluster_id))
        for report in reports:
            self._file(cluster, report)

    def assign(self, reports: Iterable[Report]) -> Iterator[tuple[str, str]]:
        """(event_id, cluster_id) for each new report, in the order given."""
        for report in reports:
            keys = block_keys(report)
            cluster = self._copied(report) or self._best(report, keys)
            if cluster is None:
                cluster = Cluster(cluster_id_for(report.event_id))
                self.clusters[cluster.cluster_id] = cluster
            cluster.touched = True
            self._file(cluster, report, keys)
            yield report.event_id, cluster.cluster_id

    def _copied(self, report: Report) -> Cluster | None:
        """The cluster of the original's report of the same sentence (same category, content
        words alike with Jaccard >= COPY_TEXT: a dateline or a word may differ)."""
        if not report.is_copy:
            return None
        best: tuple[float, str] | None = None
        for other in self.by_article.get(report.root_id, ()):
            similarity = same_sentence(report, other)
            if similarity >= COPY_TEXT and (best is None or similarity > best[0]):
                best = (similarity, self.by_event[other.event_id])
        return self.clusters[best[1]] if best else None

    def _best(self, report: Report, keys: set[Key]) -> Cluster | None:
        best: tuple[float, str] | None = None
        for cluster in self._candidates(report, keys):
            if not agrees(report, cluster):
                continue
            value, anchored = best_score(report, cluster)
            if anchored and value >= JOIN and (best is None or value > best[0]):
                best = (value, cluster.cluster_id)
        return self.clusters[best[1]] if best else None

    def _candidates(self, report: Report, keys: set[Key]) -> list[Cluster]:
        """Clusters under the report's keys and weeks whose date window it overlaps, in id
        order (so that ties never depend on the order of a set)."""
        seen: dict[str, Cluster] = {}
        span = report.window
        days = lookup_buckets(span)
        specific = len(keys) > 1  # the report names a party or a place
        for key in keys:
            filed = self._index.get(key)
            if not filed:
                continue
            scan = SCAN_GENERIC if specific and key[2] == "t" else SCAN
            for bucket in days:
                for cluster in filed.get(bucket, ())[-scan:]:
                    w = cluster.window
                    if span is None or w is None or (w[0] <= span[1] and span[0] <= w[1]):
                        seen[cluster.cluster_id] = cluster
        return [seen[k] for k in sorted(seen)]

    def _file(self, cluster: Cluster, report: Report, keys: set[Key] | None = None) -> None:
        cluster.add(report)
        self.by_event[report.event_id] = cluster.cluster_id
        self.by_article.setdefault(report.article_id, []).append(report)
        for key in block_keys(report) if keys is None else keys:
            filed = self._index.setdefault(key, {})
            for bucket in buckets(cluster.window):
                clusters = filed.setdefault(bucket, [])
                if not clusters or clusters[-1] is not cluster:
                    clusters.append(cluster)
