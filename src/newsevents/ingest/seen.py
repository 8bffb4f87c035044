"""Which items an earlier run already finished, asked of the store in batches.

Sources that fetch (feeds, URL lists) ask before fetching, so a second run of the same feed
fetches only new items; the pipeline asks for every other document before parsing it. The
store itself is not imported here: `Seen` takes a lookup function (`Store.seen_ids`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from newsevents.records import RawDocument, Rejection

Lookup = Callable[[Sequence[str]], set[str]]
BATCH = 500


class Seen:
    """Item ids finished by earlier runs (`check`), and fetches claimed in this run (`claim`).

    `skipped` counts the items left out because of either."""

    def __init__(self, lookup: Lookup) -> None:
        self._lookup = lookup
        self._claimed: set[str] = set()
        self.skipped = 0

    def check(self, item_ids: Sequence[str]) -> set[str]:
        """The ids among `item_ids` that an earlier run finished (counted as skipped)."""
        done = self._lookup(list(dict.fromkeys(item_ids))) if item_ids else set()
        self.skipped += sum(1 for i in item_ids if i in done)
        return done

    def claim(self, item_id: str) -> bool:
        """True the first time this run asks for `item_id`, False (and skipped) after."""
        if item_id in self._claimed:
            self.skipped += 1
            return False
        self._claimed.add(item_id)
        return True

    def filter(
        self, items: Iterable[RawDocument | Rejection], batch: int = BATCH
    ) -> Iterator[RawDocument | Rejection]:
        """Leave out documents an earlier run finished, asking the store once per batch."""
        pending: list[RawDocument | Rejection] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch:
                yield from self._fresh(pending)
                pending = []
        yield from self._fresh(pending)

    def _fresh(self, items: list[RawDocument | Rejection]) -> Iterator[RawDocument | Rejection]:
        done = self.check([i.id for i in items if isinstance(i, RawDocument)])
        for item in items:
            if isinstance(item, Rejection) or item.id not in done:
                yield item
