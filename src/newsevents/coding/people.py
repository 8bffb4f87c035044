"""Office holders: who held which office when, and which office an actor phrase names.

``data/people.tsv`` (see ``data/README.md``) has one row per office and term. `lookup` finds
the longest name or alias in an actor phrase ("Former US President Donald Trump", "Kim") and
picks the person's office held on the article date. Someone out of office then, or called
"former", "ex-" or "late", keeps the country of their last office with sector ``ELI``
(CAMEO's former officials and elites). An alias several people share ("Kim", "Bush") names
whoever held office on the date, else whoever left last; two holders at once give None.
Words are normalised (case, accents, dots, apostrophes, possessives; hyphens split words), so
lookups are dictionary probes. A match needs a capital letter, and a one-word alias is refused
inside another person's name ("Jeb Bush", "Kim Yo Jong", "pro-Putin"): each neighbouring
capitalised or hyphenated word must be one of this person's names or a title, country,
organisation or role word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path

from newsevents.coding.names import SECTORS
from newsevents.errors import ConfigError

__all__ = ["COLUMNS", "ROLES", "Office", "PeopleTable", "default_people"]

COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end")

#: Every role the table may use, in the order `lookup` prefers when one person holds
#: several offices on the same date.
ROLES: tuple[str, ...] = (
    "leader", "monarch", "head_of_state", "head_of_government", "un_secretary_general",
    "nato_secretary_general", "eu_commission_president", "eu_council_president",
    "eu_high_representative", "au_commission_chair", "foreign_minister", "defence_minister",
)  # fmt: skip
_RANK = {role: rank for rank, role in enumerate(ROLES)}

#: `holder` falls back to these roles when a country has no row for the role on the date.
_FALLBACK = {"head_of_state": ("monarch", "leader"), "head_of_government": ("head_of_state",)}
_FORMER = frozenset({"former", "ex", "late", "ousted", "deposed", "exiled", "erstwhile"})

#: Words in a phrase that say which of a person's offices is meant ("Prime Minister Putin").
_ROLE_WORDS = {word: frozenset(roles.split()) for words, roles in (
    ("president", "head_of_state eu_commission_president eu_council_president"),
    ("prime premier chancellor", "head_of_government"), ("foreign diplomat", "foreign_minister"),
    ("defence defense", "defence_minister"), ("king queen emperor emir", "monarch"),
    ("leader", "leader"),
) for word in words.split()}  # fmt: skip

#: Capitalised words that may stand next to a surname without being another person's name,
#: besides the words of the country, organisation and sector tables.
_TITLE_WORDS = frozenset({
    "the", "a", "an", "and", "mr", "mrs", "ms", "dr", "sir", "dame", "lady", "emperor", "empress",
    "princess", "sheikh", "shaikh", "ayatollah", "grand", "chairman", "chairwoman", "chair",
    "marshal", "field", "late", "acting", "interim", "caretaker", "elect", "designate", "then",
    "outgoing", "incoming", "his", "her", "majesty", "highness", "excellency", "royal", "camp",
    "team", "top", "senior", "new", "war", "state",
})  # fmt: skip

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "İ": "I", "þ": "th", "Þ": "Th", "ð": "d"}
)  # fmt: skip
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―/]+")
_HYPHEN = re.compile(r"[\-‐‑‒–—―]+")
_POSSESSIVE = re.compile(r"'[sS]?$")
_PUNCTUATION = ',;:!?()[]{}"“”«»'
_SUFFIXES = frozenset({"jr", "junior"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Office:
    """One term in one office: `country` is an ISO 3166-1 alpha-3 code (or UNO, NATO, EUR,
    AFU for offices of those organisations); `end` is None while in office."""

    name: str
    country: str
    sector: str
    role: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class _Row:
    office: Office
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Person:
    offices: tuple[Office, ...]  # sorted by start
    own_words: frozenset[str]  # every word of the person's name and aliases


@dataclass(frozen=True, slots=True)
class _Words:
    lower: tuple[str, ...]
    cased: tuple[str, ...]
    glued: tuple[bool, ...]  # joined by a hyphen to the word before ("Jong-nam", "Putin-backed")


class _RowError(Exception):
    """A bad table row; `args` are (line number, what is wrong)."""


def _fold(text: str) -> str:
    """Strip accents: "Erdoğan" -> "Erdogan", "Yıldırım" -> "Yildirim"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _split_words(tokens: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """(word, glued) pairs; `glued` says a hyphen joins the word to the one before."""
    glued = False
    for token in tokens:
        pieces = _SEPARATORS.split(_fold(token.translate(_QUOTES)))
        for number, piece in enumerate(pieces):
            part = _POSSESSIVE.sub("", piece.strip(_PUNCTUATION))
            part = part.replace(".", "").replace("'", "")
            if any(c.isalnum() for c in part):
                yield part, glued or (number > 0 and _HYPHEN.search(token) is not None)
                glued = False
            elif _HYPHEN.fullmatch(token.strip()):  # a hyphen given as its own token
                glued = True


def _words(tokens: Iterable[str]) -> _Words:
    pairs = list(_split_words(tokens))
    cased = tuple(word for word, _ in pairs)
    return _Words(tuple(w.lower() for w in cased), cased, tuple(g for _, g in pairs))


def _key(phrase: str) -> str:
    return " ".join(_words(phrase.split()).lower)


def _held_on(office: Office, on: date) -> bool:
    return office.start <= on and (office.end is None or on <= office.end)


def _read_data(name: str) -> str:
    return resources.files("newsevents.data").joinpath(name).read_text(encoding="utf-8")


def _data_lines(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of the non-comment lines of a TSV table, header included."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, [cell.strip() for cell in line.split("\t")]


def _name_tables() -> tuple[frozenset[str], frozenset[str]]:
    """(valid `country` codes, words of the name tables that may stand next to a surname)."""
    codes: set[str] = set()
    words: set[str] = set()
    for filename in ("countries.tsv", "organisations.tsv", "sectors.tsv"):
        for _, cells in list(_data_lines(_read_data(filename)))[1:]:
            if filename != "sectors.tsv":
                codes.add(cells[0])
            words.update(_words(" ".join(cells).replace("|", " ").split()).lower)
    return frozenset(codes), frozenset(words)


def _parse_date(text: str, column: str, line: int) -> date:
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise _RowError(line, f"{column} {text!r} is not a date in the form YYYY-MM-DD") from None


def _parse_row(cells: Sequence[str], line: int, codes: frozenset[str]) -> _Row:
    if len(cells) != len(COLUMNS):
        raise _RowError(line, f"expected {len(COLUMNS)} tab-separated columns, got {len(cells)}")
    name, aliases, country, sector, role, start_text, end_text = cells
    if not _key(name):
        raise _RowError(line, "the name is empty")
    if country not in codes:
        raise _RowError(line, f"unknown country {country!r} (use an ISO 3166-1 alpha-3 code)")
    if sector not in SECTORS:
        raise _RowError(line, f"unknown sector {sector!r}; use one of {', '.join(sorted(SECTORS))}")
    if role not in _RANK:
        raise _RowError(line, f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    start = _parse_date(start_text, "start", line)
    end = _parse_date(end_text, "end", line) if end_text else None
    if end is not None and end < start:
        raise _RowError(line, f"end {end} is before start {start}")
    alias_list = tuple(a.strip() for a in aliases.split("|") if _key(a))
    return _Row(Office(name, country, sector, role, start, end), alias_list)


def _parse(text: str, codes: frozenset[str]) -> list[_Row]:
    lines = list(_data_lines(text)) or [(1, [])]
    if tuple(lines[0][1]) != COLUMNS:
        raise _RowError(lines[0][0], f"the first row must be the header {'<TAB>'.join(COLUMNS)}")
    return [_parse_row(cells, number, codes) for number, cells in lines[1:]]


def _read_user_file(path: Path, codes: frozenset[str]) -> list[_Row]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"Cannot read office holders from {path}: {e}", setting="actors") from e
    try:
        return _parse(text, codes)
    except _RowError as e:
        raise ConfigError(
            f"{path} line {e.args[0]}: {e.args[1]}. Fix the row (columns: {', '.join(COLUMNS)}).",
            setting="actors",
        ) from e


def _merge(packaged: list[_Row], user: list[_Row]) -> list[_Row]:
    """User rows win over packaged rows of the same person whose dates overlap theirs (a
    shared handover day is not an overlap)."""

    def replaced(row: _Row) -> bool:
        a = row.office
        return any(
            _key(b.office.name) == _key(a.name)
            and a.start < (b.office.end or date.max)
            and b.office.start < (a.end or date.max)
            for b in user
        )

    return [row for row in packaged if not replaced(row)] + user


class PeopleTable:
    """Date-bounded office holders; build once (`load` or `default_people`), then look up."""

    __slots__ = ("_by_role", "_first", "_index", "_known", "_max_words", "_people")

    def __init__(self, rows: Sequence[_Row], known_words: frozenset[str]) -> None:
        offices: dict[str, list[Office]] = defaultdict(list)
        own: dict[str, set[str]] = defaultdict(set)
        index: dict[str, list[str]] = defaultdict(list)
        by_role: dict[tuple[str, str], list[Office]] = defaultdict(list)
        for row in rows:
            person = _key(row.office.name)
            offices[person].append(row.office)
            by_role[row.office.country, row.office.role].append(row.office)
            for phrase in (row.office.name, *row.aliases):
                key = _key(phrase)
                own[person].update(key.split())
                if person not in index[key]:
                    index[key].append(person)
        self._people = {
            p: _Person(tuple(sorted(o, key=lambda x: x.start)), frozenset(own[p]))
            for p, o in offices.items()
        }
        self._index = {key: tuple(people) for key, people in index.items()}
        self._by_role = {k: tuple(sorted(v, key=lambda x: x.start)) for k, v in by_role.items()}
        self._first = frozenset(key.split()[0] for key in self._index)
        self._max_words = max((len(key.split()) for key in self._index), default=0)
        self._known = known_words | _TITLE_WORDS

    @classmethod
    def load(cls, extra: Path | None = None) -> PeopleTable:
        """The packaged table plus an optional user file in the same columns, whose rows replace
        packaged rows of the same person with overlapping dates; bad rows raise ConfigError."""
        codes, words = _name_tables()
        try:
            rows = _parse(_read_data("people.tsv"), codes)
        except _RowError as e:
            raise ValueError(f"people.tsv line {e.args[0]}: {e.args[1]}") from e
        if extra is not None:
            rows = _merge(rows, _read_user_file(extra, codes))
        return cls(rows, words)

    def lookup(self, tokens: Sequence[str], on: date | None) -> Office | None:
        """The office the person named in an actor phrase held on `on` (the article date); the
        last one before it, with sector ELI, if out of office then or called "former"; the most
        recent one if `on` is None. None for nobody known, or two people in office at once."""
        words = _words(tokens)
        people = self._match(words)
        if not people:
            return None
        former = any(word in _FORMER for word in words.lower)
        hints = frozenset().union(*(_ROLE_WORDS.get(word, ()) for word in words.lower))
        if on is None:
            return _most_recent(people, former, hints)
        return _on_date(people, on, former, hints)

    def holder(self, country: str, role: str, on: date) -> Office | None:
        """Who held `role` for `country` on `on` ("USA", "head_of_state", 2005-03-01 is
        George W. Bush). The incoming holder wins on a handover day; a country without a
        row for the role on that date falls back to its monarch or leader (for
        head_of_state) or its head of state (for head_of_government)."""
        for candidate in (role, *_FALLBACK.get(role, ())):
            held = [o for o in self._by_role.get((country, candidate), ()) if _held_on(o, on)]
            if held:
                return max(held, key=lambda office: office.start)
        return None

    def _match(self, words: _Words) -> list[_Person]:
        """The people the longest acceptable name or alias in the phrase may be."""
        best: list[_Person] = []
        best_length = 0
        n = len(words.lower)
        for i in range(n):
            if words.lower[i] not in self._first:
                continue
            for j in range(min(n, i + self._max_words), i + best_length, -1):
                people = self._people_at(words, i, j)
                if people:
                    best, best_length = people, j - i
                    break
        return best

    def _people_at(self, words: _Words, i: int, j: int) -> list[_Person]:
        keys = self._index.get(" ".join(words.lower[i:j]))
        if keys is None or not any(c.isupper() for w in words.cased[i:j] for c in w):
            return []
        if j < len(words.lower) and words.lower[j] in _SUFFIXES:  # "Donald Trump Jr."
            return []
        people = [self._people[key] for key in keys]
        if j - i > 1:
            return people
        neighbours = list(self._name_neighbours(words, i, j))
        return [p for p in people if all(words.lower[k] in p.own_words for k in neighbours)]

    def _name_neighbours(self, words: _Words, i: int, j: int) -> Iterator[int]:
        """Positions of the name-like words around [i, j): capitalised words not in the known
        words, and words hyphenated to the run ("Jong-nam", "pro-Putin"); initials skipped."""
        for step, k in ((-1, i - 1), (1, j)):
            while 0 <= k < len(words.lower) and (
                words.glued[k + 1 if step < 0 else k] or self._name_like(words, k)
            ):
                if not _is_initial(words.cased[k]):
                    yield k
                k += step

    def _name_like(self, words: _Words, k: int) -> bool:
        word = words.cased[k]
        plain = word[0].isupper() and not word.isupper() and words.lower[k] not in self._known
        return plain or _is_initial(word)


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _offices_on(person: _Person, on: date, hints: frozenset[str]) -> tuple[Office | None, ...]:
    """(office held on `on`, last one ended before it): hinted roles first, then by rank."""
    held = [o for o in person.offices if _held_on(o, on)]
    ended = [o for o in person.offices if o.end is not None and o.end < on]
    ended = [o for o in ended if o.role in hints] or ended
    rank = lambda o: (o.role not in hints, _RANK[o.role], -o.start.toordinal())  # noqa: E731
    return min(held, key=rank, default=None), max(ended, key=lambda o: o.end or on, default=None)


def _single(pairs: list[tuple[date, Office]]) -> Office | None:
    """The office with the latest date, unless two people share that date."""
    pairs.sort(key=lambda pair: pair[0], reverse=True)
    if len(pairs) > 1 and pairs[1][0] == pairs[0][0] and pairs[1][1].name != pairs[0][1].name:
        return None
    return pairs[0][1] if pairs else None


def _on_date(people: list[_Person], on: date, former: bool, hints: frozenset[str]) -> Office | None:
    found = [_offices_on(person, on, hints) for person in people]
    current = [held for held, _ in found if held is not None]
    past = _single([(last.end or on, last) for _, last in found if last is not None])
    if past is not None and (former or not current):
        return replace(past, sector="ELI")
    if len(current) == 1:
        return replace(current[0], sector="ELI") if former else current[0]
    return None


def _most_recent(people: list[_Person], former: bool, hints: frozenset[str]) -> Office | None:
    """Without a date: each person's latest office (open ones first, then by role rank)."""
    latest: list[tuple[date, Office]] = []
    for person in people:
        hinted = [o for o in person.offices if o.role in hints] or list(person.offices)
        office = max(hinted, key=lambda o: (o.end or date.max, -_RANK[o.role], o.start))
        latest.append((office.end or date.max, office))
    chosen = _single(latest)
    return replace(chosen, sector="ELI") if chosen and former else chosen


@functools.cache
def load_people(extra: str) -> PeopleTable:
    """The packaged table extended by a user file, loaded once per process and path."""
    return PeopleTable.load(Path(extra))


@functools.cache
def default_people() -> PeopleTable:
    """The packaged table, loaded once per process."""
    return PeopleTable.load()
