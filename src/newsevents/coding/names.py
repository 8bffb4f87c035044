"""Name tables: what an actor phrase names (a country, an organisation, a role) and its sector.

The packaged tables are described in ``data/README.md``:

- ``countries.tsv``: ISO 3166-1 alpha-3 code, name, aliases, demonyms and capitals;
- ``organisations.tsv``: international organisations, state bodies, armed groups, parties,
  think tanks and news outlets, with their sector and country (or parent organisation);
- ``sectors.tsv``: role words ("foreign minister", "troops", "protesters") and their sector.

`NameTable.load()` reads them once and builds dictionaries keyed on normalised word
n-grams, so that resolving a phrase costs a few dictionary probes per token. Scanning is
longest match first ("South Korean" beats "Korean", "North Korea" beats "Korea").

Normalisation folds case, accents, dots ("U.S." is "US"), apostrophes and possessives
("China's" is "China"), and splits words at hyphens and slashes ("Guinea-Bissau" is
"Guinea Bissau"). Two guards keep ordinary words from becoming names: an acronym of at most
three letters ("US", "UN", "WHO", "IS") only matches in capitals, and inside `resolve` a
name only matches where the text has a capital letter ("turkey", "china" and "chad" in
lower case stay words). `country_of` and `organisation` look up a whole phrase and ignore
case (except for those short acronyms).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

__all__ = ["PSEUDO_COUNTRIES", "SECTORS", "NameKind", "NameMatch", "NameTable", "default_table"]

NameKind = Literal["country", "demonym", "capital", "organisation", "sector_only", "none"]

#: Every sector code the tables may use (CAMEO actor-codebook style).
SECTORS: frozenset[str] = frozenset(
    {
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "BUS", "MED", "CVL", "NGO", "IGO",
        "LEG", "REF", "CRM", "EDU", "ELI", "LAB", "AGR", "HLT", "REL", "SPY", "UAF",
    }
)  # fmt: skip

#: Country values an organisation may carry besides ISO codes and organisation codes:
#: IMG is CAMEO's "international militarized group" (transnational armed groups).
PSEUDO_COUNTRIES: frozenset[str] = frozenset({"IMG"})

_COUNTRY_COLUMNS = ("iso3", "name", "aliases", "demonyms", "capitals")
_ORGANISATION_COLUMNS = ("code", "name", "aliases", "sector", "country")
_SECTOR_COLUMNS = ("word", "sector")

#: Role words that name a position rather than a kind of actor: they take the sector of
#: another role word in the phrase ("army spokesman" is MIL, "opposition leader" OPP) and
#: give their own only when there is none ("the spokesman" is GOV).
_GENERIC_ROLES = frozenset(
    {
        "leader", "leadership", "official", "spokesman", "spokeswoman", "spokesperson",
        "chief", "head", "representative", "counterpart", "adviser", "advisor", "aide",
        "politician", "secretary", "general secretary", "secretary general", "office",
        "department", "delegation", "negotiator", "authorities", "authority", "commander",
        "officer", "forces", "chief of staff",
    }
)  # fmt: skip

#: Phrases that contain a country name or demonym but name no actor of that country. They
#: are matched like names (longest first) and resolve to nothing.
_NOT_ACTOR_NAMES = (
    "Indian Ocean", "South China Sea", "East China Sea", "Gulf of Mexico",
    "Korean Peninsula", "Korean War", "Soviet Union", "National Security Council",
    "New Mexico", "New Jersey", "New Guinea", "New England", "New South Wales",
    "British Columbia", "Latin America", "Latin American", "Latin Americans",
    "North America", "North American", "North Americans", "South America",
    "South American", "South Americans", "Central America", "Central American",
    "Central Americans", "Native American", "Native Americans", "African American",
    "African Americans", "American Indian", "American Indians", "West Indies",
    "West Indian", "West Indians", "East Germany", "East German", "East Germans",
)  # fmt: skip

#: A name glued to one of these by a hyphen qualifies another actor ("Iran-backed
#: militias", "Hamas-run ministry"); so does a name after "pro-" or "anti-". Not "-led":
#: a "US-led coalition" is coded as the US, as CAMEO coders do.
_DEPENDENT_SUFFIXES = frozenset(
    {
        "backed", "allied", "funded", "supported", "sponsored", "aligned", "brokered",
        "trained", "armed", "controlled", "held", "run", "owned", "installed", "linked",
    }
)  # fmt: skip
_DEPENDENT_PREFIXES = frozenset({"pro", "anti"})

#: Honorifics and abbreviated titles: a one-word name may follow them ("Mr Kim").
_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "sen", "rep", "gov",
        "lt", "col", "maj", "gen", "capt", "sgt", "cpl", "adm", "brig", "cmdr", "rev", "sheikh",
        "shaikh", "ayatollah", "president", "premier", "king", "queen", "emir",
    }
)  # fmt: skip

#: Capitalised words that do not start or continue a person's name (besides titles).
_NOT_NAME_WORDS = _TITLES | frozenset(
    {
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
        "these", "those", "former", "late", "senior", "junior", "deputy", "acting", "interim",
        "vice", "top", "new", "then", "ousted", "exiled", "outgoing", "incoming", "first",
        "second", "supreme", "veteran", "prominent", "jailed", "detained", "deposed",
        "embattled", "retired", "elected", "designate", "hardline", "moderate", "reformist",
        "conservative", "liberal", "radical", "pro", "anti", "both", "all", "some", "many",
        "several", "other", "another", "most", "few", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions",
        "scores", "foreign", "defence", "defense", "interior", "finance", "state", "national",
        "federal", "regional", "local", "north", "south", "east", "west", "northern",
        "southern", "eastern", "western", "central", "ethnic", "arab", "kurdish", "muslim",
        "moslem", "islamic", "islamist", "shia", "shiite", "sunni", "christian", "catholic",
        "jewish", "druze", "hindu", "buddhist", "it", "he", "she", "they", "we", "i", "you",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december",
    }
)  # fmt: skip

#: Lower-case particles inside personal names ("Abu Musab al-Zarqawi", "F.W. de Klerk").
_NAME_PARTICLES = frozenset(
    {
        "al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "della", "der", "den", "van",
        "von", "le", "la", "du", "dos", "das", "ul", "ur", "ud", "y",
    }
)  # fmt: skip

#: A capitalised run ending in one of these names an institution, not a person.
_INSTITUTION_WORDS = frozenset(
    {
        "institute", "institution", "observatory", "office", "agency", "council", "committee",
        "commission", "front", "movement", "union", "association", "organisation",
        "organization", "foundation", "center", "centre", "group", "party", "forces", "army",
        "brigade", "brigades", "network", "coalition", "alliance", "authority", "ministry",
        "department", "court", "bank", "company", "corporation", "service", "force", "league",
        "federation", "society", "assembly", "parliament", "congress", "university", "school",
        "hospital", "church", "news", "times", "post", "daily", "tribune", "herald", "journal",
        "television", "radio", "channel", "fund", "programme", "program", "mission", "board",
        "bureau", "directorate", "guard", "guards", "corps", "regime", "administration",
        "government", "cabinet", "treasury",
    }
)  # fmt: skip

_KIND_PRIORITY = {"country": 0, "organisation": 1, "capital": 2, "demonym": 3, "block": 4}
_PLACE_KINDS = frozenset({"country", "capital", "demonym"})

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
     "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d"}
)  # fmt: skip
_DASH_CHARS = "-‐‑‒–—―/"
_DASHES = re.compile(f"[{_DASH_CHARS}]")
_POSSESSIVES = frozenset({"'s", "'"})
_STRING_TOKENS = re.compile(r"[^\s,;:!?()\[\]{}\"“”«»]+")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """What a phrase resolves to.

    `name` is the person's name as written when the phrase names one, else the
    organisation's name, else the country's name when the phrase is a bare country or
    capital; `country` an ISO 3166-1 alpha-3 code or an organisation code; `kind` says
    what decided the country.
    """

    name: str | None
    country: str | None
    sector: str | None
    kind: NameKind


@dataclass(frozen=True, slots=True)
class _Name:
    """An index entry: a country (ISO code), an organisation (its code) or a blocked phrase."""

    kind: str
    code: str | None


@dataclass(frozen=True, slots=True)
class _Organisation:
    code: str
    name: str
    sector: str
    country: str  # the actor's country: ISO code, parent organisation, IMG, or its own code


@dataclass(frozen=True, slots=True)
class _Hit:
    """A name found in a phrase: words [start, end); `qualifier` for "Iran-backed" etc."""

    start: int
    end: int
    name: _Name
    qualifier: bool


@dataclass(frozen=True, slots=True)
class _Words:
    """A phrase as normalised words; a boundary (punctuation) is the empty word."""

    lower: tuple[str, ...]
    cased: tuple[str, ...]
    raw: tuple[str, ...]
    sep: tuple[str, ...]  # what joins each word to the one before when written: " " or "-"


def _fold(text: str) -> str:
    """Strip accents: "Côte" -> "Cote", "Bouvetøya" -> "Bouvetoya"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(tokens: Iterable[str]) -> _Words:
    """Normalise tokens: drop possessives, split at hyphens, fold dots, quotes and accents.

    Pre-tokenised text is mended too: "China ’ s" loses its "s", "U . S" becomes "US".
    """
    lower: list[str] = []
    cased: list[str] = []
    raw: list[str] = []
    sep: list[str] = []
    joiner, previous = " ", ""
    # (a token the pre-tokenised view rejoined, "U . S", is its parts again here)
    for token in (part for whole in tokens for part in whole.split()):
        text = token.translate(_QUOTES).strip()
        spaced_possessive = text in ("s", "S") and previous == "'"
        previous = text
        if not text or text.lower() in _POSSESSIVES or spaced_possessive:
            continue
        if all(c in _DASH_CHARS for c in text):
            joiner = "-"
            continue
        if text == ".":
            joiner = "." if joiner == " " else joiner
            continue
        if text[-2:] in ("'s", "'S") and len(text) > 2:
            text = text[:-2]
        elif text.endswith("'") and len(text) > 1:
            text = text[:-1]
        parts = _DASHES.split(text)
        for index, part in enumerate(parts):
            word = _fold(part).replace(".", "").replace("'", "")
            if not word:
                pass
            elif not any(c.isalnum() for c in word):  # punctuation: a boundary
                lower.append("")
                cased.append("")
                raw.append(part)
                sep.append(" ")
            elif joiner == "." and _spelled_acronym(cased, word):  # "U . S"
                lower[-1] += word.lower()
                cased[-1] += word
                raw[-1] += "." + part
            else:
                lower.append(word.lower())
                cased.append(word)
                raw.append(part)
                sep.append("-" if joiner == "-" else " ")
            joiner = "-" if index < len(parts) - 1 else " "
    return _Words(tuple(lower), tuple(cased), tuple(raw), tuple(sep))


def _spelled_acronym(cased: Sequence[str], letter: str) -> bool:
    """Does `letter` continue an acronym spelled with separate dots ("U . S . A")?"""
    return len(letter) == 1 and letter.isupper() and bool(cased) and cased[-1].isupper()


def _phrase_words(phrase: str) -> _Words:
    return _words(_STRING_TOKENS.findall(phrase))


def _without_the(lower: Sequence[str], cased: Sequence[str]) -> tuple[list[str], list[str]]:
    """Drop leading "the" ("the US", "The Gambia", "the Taliban")."""
    start = 0
    while start < len(lower) - 1 and lower[start] == "the":
        start += 1
    return list(lower[start:]), list(cased[start:])


def _name_key(phrase: str) -> tuple[bool, str]:
    """The index key of a table entry: (case-sensitive?, key). Short acronyms keep case."""
    words = _phrase_words(phrase)
    lower, cased = _without_the(words.lower, words.cased)
    if not lower or "" in lower:
        raise ValueError(f"{phrase!r} has no words to match")
    letters = "".join(cased)
    if len(letters) <= 3 and letters.isupper():
        return True, " ".join(cased)
    return False, " ".join(lower)


def _singulars(word: str) -> Iterator[str]:
    """Candidate singulars of a plural role word: "policemen", "militias", "thieves"."""
    if word.endswith("men"):
        yield word[:-3] + "man"
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("ves"):
        yield word[:-3] + "f"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]


def _table_rows(text: str, source: str, columns: tuple[str, ...]) -> Iterator[list[str]]:
    """The data rows of a TSV table (comment lines start with #; the header comes first)."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if not header_seen:
            if tuple(cells) != columns:
                raise ValueError(f"{source}: the header must be {'<TAB>'.join(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise ValueError(
                f"{source} line {number}: expected {len(columns)} tab-separated columns, "
                f"got {len(cells)}"
            )
        yield cells


def _split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def _read_data(name: str) -> str:
    return resources.files("newsevents.data").joinpath(name).read_text(encoding="utf-8")


_CACHE_SIZE = 1 << 16  # resolved phrases kept per table


class NameTable:
    """Indexes over the name tables; build once (`load` or `default_table`), then look up."""

    __slots__ = (
        "_cache",
        "_ci",
        "_country_names",
        "_cs",
        "_first_ci",
        "_first_cs",
        "_max_words",
        "_organisations",
        "_role_first",
        "_role_max_words",
        "_roles",
    )

    def __init__(self, countries: str, organisations: str, sectors: str) -> None:
        """Build the indexes from the text of the three TSV tables (see data/README.md)."""
        self._cache: dict[tuple[str, ...], NameMatch] = {}
        self._ci: dict[str, _Name] = {}
        self._cs: dict[str, _Name] = {}
        self._country_names: dict[str, str] = {}
        self._organisations: dict[str, _Organisation] = {}
        self._roles: dict[str, str] = {}
        self._add_countries(countries)
        self._add_organisations(organisations)
        for phrase in _NOT_ACTOR_NAMES:
            self._add_name(phrase, "block", None, "names.py")
        self._add_roles(sectors)
        keys = [*self._ci, *self._cs]
        self._first_ci = frozenset(key.split(" ")[0] for key in self._ci)
        self._first_cs = frozenset(key.split(" ")[0] for key in self._cs)
        self._max_words = max(len(key.split(" ")) for key in keys)
        self._role_first = frozenset(key.split(" ")[0] for key in self._roles)
        self._role_max_words = max(len(key.split(" ")) for key in self._roles)

    @classmethod
    def load(cls) -> NameTable:
        """Read the tables packaged in newsevents/data. Prefer `default_table()`."""
        return cls(
            _read_data("countries.tsv"),
            _read_data("organisations.tsv"),
            _read_data("sectors.tsv"),
        )

    # -- building ---------------------------------------------------------------------

    def _add_countries(self, text: str) -> None:
        for iso3, name, aliases, demonyms, capitals in _table_rows(
            text, "countries.tsv", _COUNTRY_COLUMNS
        ):
            if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
                raise ValueError(f"countries.tsv: {iso3!r} is not an ISO 3166-1 alpha-3 code")
            if iso3 in self._country_names:
                raise ValueError(f"countries.tsv: {iso3} appears twice")
            self._country_names[iso3] = name
            for kind, phrases in (
                ("country", [name, *_split(aliases)]),
                ("demonym", _split(demonyms)),
                ("capital", _split(capitals)),
            ):
                for phrase in phrases:
                    self._add_name(phrase, kind, iso3, "countries.tsv")

    def _add_organisations(self, text: str) -> None:
        rows = list(_table_rows(text, "organisations.tsv", _ORGANISATION_COLUMNS))
        codes = {row[0] for row in rows}
        for code, name, aliases, sector, country in rows:
            if code in self._organisations or code in self._country_names:
                raise ValueError(f"organisations.tsv: code {code} is not unique")
            if sector not in SECTORS:
                raise ValueError(f"organisations.tsv: {code} has unknown sector {sector!r}")
            known = country in self._country_names or country in codes
            if country and not known and country not in PSEUDO_COUNTRIES:
                raise ValueError(f"organisations.tsv: {code} has unknown country {country!r}")
            self._organisations[code] = _Organisation(code, name, sector, country or code)
            for phrase in (name, *_split(aliases)):
                self._add_name(phrase, "organisation", code, "organisations.tsv")

    def _add_name(self, phrase: str, kind: str, code: str | None, source: str) -> None:
        case_sensitive, key = _name_key(phrase)
        index = self._cs if case_sensitive else self._ci
        entry = _Name(kind, code)
        old = index.get(key)
        if old is not None and old.code != code:
            raise ValueError(f"{source}: {phrase!r} names both {old.code} and {code}")
        if old is None or _KIND_PRIORITY[kind] < _KIND_PRIORITY[old.kind]:
            index[key] = entry

    def _add_roles(self, text: str) -> None:
        for word, sector in _table_rows(text, "sectors.tsv", _SECTOR_COLUMNS):
            if sector not in SECTORS:
                raise ValueError(f"sectors.tsv: {word!r} has unknown sector {sector!r}")
            key = " ".join(_phrase_words(word).lower)
            if key in self._roles and self._roles[key] != sector:
                raise ValueError(f"sectors.tsv: {word!r} has two sectors")
            self._roles[key] = sector

    # -- lookups ------------------------------------------------------------------------

    def name_of(self, code: str) -> str | None:
        """The canonical name of an ISO 3166-1 alpha-3 code or an organisation code."""
        if code in self._country_names:
            return self._country_names[code]
        organisation = self._organisations.get(code)
        return organisation.name if organisation else None

    def country_of(self, phrase: str) -> str | None:
        """The ISO code of a whole phrase naming a country, its people or its capital:
        "North Korean", "Pyongyang", "the US", "U.S.", "China's"."""
        entry = self._whole_phrase(phrase)
        return entry.code if entry and entry.kind in _PLACE_KINDS else None

    def organisation(self, phrase: str) -> tuple[str, str | None, str | None] | None:
        """(name, country or organisation code, sector) of a whole phrase naming an
        organisation: "KCNA" -> ("Korean Central News Agency", "PRK", "MED")."""
        entry = self._whole_phrase(phrase)
        if entry is None or entry.kind != "organisation" or entry.code is None:
            return None
        found = self._organisations[entry.code]
        return found.name, found.country, found.sector

    def sector_of(self, words: Sequence[str]) -> str | None:
        """The sector the role words of a phrase give it, multiword entries first:
        ["senior", "military", "officials"] -> "MIL"; ["leader"] -> "GOV"."""
        lower = _words(words).lower
        return self._pick_sector(self._scan_roles(lower))

    def resolve(self, tokens: Sequence[str]) -> NameMatch:
        """Resolve a whole actor phrase from its token texts.

        ["North", "Korean", "leader", "Kim", "Jong", "-", "un"] gives Kim Jong-un, PRK, GOV;
        a bare country or capital acting is its government (["China"] is CHN, GOV); an
        organisation gives its own country and sector (["KCNA"] is PRK, MED); role words
        alone give a sector (["protesters"] is CVL, no country).
        """
        key = tuple(tokens)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()  # phrases repeat within a stream; a bound keeps memory flat
            found = self._cache[key] = self._resolve(key)
        return found

    def _resolve(self, tokens: Sequence[str]) -> NameMatch:
        words = _words(tokens)
        hits = self._scan_names(words)
        in_name = [False] * len(words.lower)
        for hit in hits:
            in_name[hit.start : hit.end] = [True] * (hit.end - hit.start)
        rest = [k for k, taken in enumerate(in_name) if not taken]
        role_hits = self._scan_roles([words.lower[k] for k in rest])
        in_role = [False] * len(words.lower)
        for start, end, _ in role_hits:
            for k in rest[start:end]:
                in_role[k] = True
        person = _person_name(words, in_name, in_role)
        return self._decide(hits, self._pick_sector(role_hits), person)

    # -- scanning -----------------------------------------------------------------------

    def _whole_phrase(self, phrase: str) -> _Name | None:
        words = _phrase_words(phrase)
        lower, cased = _without_the(words.lower, words.cased)
        if not lower:
            return None
        return self._ci.get(" ".join(lower)) or self._cs.get(" ".join(cased))

    def _scan_names(self, words: _Words) -> list[_Hit]:
        lower, cased = words.lower, words.cased
        hits: list[_Hit] = []
        i, n = 0, len(lower)
        while i < n:
            found = None
            if lower[i] in self._first_ci or cased[i] in self._first_cs:
                for j in range(min(n, i + self._max_words), i, -1):
                    found = self._name_at(lower, cased, i, j)
                    if found is not None:
                        hits.append(_Hit(i, j, found, _is_qualifier(words, i, j)))
                        i = j
                        break
            if found is None:
                i += 1
        return hits

    def _name_at(self, lower: Sequence[str], cased: Sequence[str], i: int, j: int) -> _Name | None:
        found = self._ci.get(" ".join(lower[i:j]))
        if found is not None and any(c != w for c, w in zip(cased[i:j], lower[i:j], strict=True)):
            return found
        return self._cs.get(" ".join(cased[i:j]))

    def _scan_roles(self, lower: Sequence[str]) -> list[tuple[int, int, str]]:
        """(start, end, table key) of each role word, longest first, left to right."""
        hits: list[tuple[int, int, str]] = []
        i, n = 0, len(lower)
        while i < n:
            word = lower[i]
            key = None
            if word in self._role_first or any(s in self._role_first for s in _singulars(word)):
                for j in range(min(n, i + self._role_max_words), i, -1):
                    key = self._role_at(lower[i:j])
                    if key is not None:
                        hits.append((i, j, key))
                        i = j
                        break
            if key is None:
                i += 1
        return hits

    def _role_at(self, words: Sequence[str]) -> str | None:
        key = " ".join(words)
        if key in self._roles:
            return key
        head = " ".join(words[:-1])
        for singular in _singulars(words[-1]):
            candidate = f"{head} {singular}" if head else singular
            if candidate in self._roles:
                return candidate
        return None

    def _pick_sector(self, role_hits: Sequence[tuple[int, int, str]]) -> str | None:
        """The rightmost specific role word decides; a generic one only if there is none."""
        if not role_hits:
            return None
        specific = [key for _, _, key in role_hits if key not in _GENERIC_ROLES]
        return self._roles[specific[-1] if specific else role_hits[-1][2]]

    def _decide(
        self, hits: Sequence[_Hit], role_sector: str | None, person: str | None
    ) -> NameMatch:
        actors = [hit for hit in hits if not hit.qualifier and hit.name.code is not None]
        org_hit = next((h for h in actors if h.name.kind == "organisation"), None)
        place_hit = next((h for h in actors if h.name.kind in _PLACE_KINDS), None)
        org = None
        if org_hit is not None and org_hit.name.code is not None:
            org = self._organisations[org_hit.name.code]
            if (
                place_hit is None
                or org_hit.start < place_hit.start
                or org.country == place_hit.name.code
            ):
                return self._as_organisation(org, role_sector, person)
        if place_hit is not None and place_hit.name.code is not None:
            code, kind = place_hit.name.code, place_hit.name.kind
            if org is not None and org.sector != "IGO":
                return NameMatch(person or org.name, code, org.sector, _place_kind(kind))
            bare = kind in ("country", "capital") and role_sector is None
            name = person or (self._country_names[code] if bare else None)
            default = "GOV" if kind in ("country", "capital") else None
            return NameMatch(name, code, role_sector or default, _place_kind(kind))
        if role_sector is not None:
            return NameMatch(person, None, role_sector, "sector_only")
        return NameMatch(person, None, None, "none")

    @staticmethod
    def _as_organisation(
        org: _Organisation, role_sector: str | None, person: str | None
    ) -> NameMatch:
        """An organisation's own sector wins, except that role words say what part of an
        international organisation acts ("UN peacekeepers" are MIL, "NATO troops" MIL)."""
        sector = org.sector
        if sector == "IGO" and role_sector not in (None, "GOV"):
            sector = role_sector
        return NameMatch(person or org.name, org.country, sector, "organisation")


def _place_kind(kind: str) -> NameKind:
    if kind == "capital":
        return "capital"
    return "demonym" if kind == "demonym" else "country"


def _is_qualifier(words: _Words, start: int, end: int) -> bool:
    """Is the name at [start, end) glued to "-backed", "-run", "pro-", "anti-"...?"""
    after = end < len(words.lower) and words.sep[end] == "-"
    if after and words.lower[end] in _DEPENDENT_SUFFIXES:
        return True
    before = start > 0 and words.sep[start] == "-"
    return before and words.lower[start - 1] in _DEPENDENT_PREFIXES


def _person_name(words: _Words, in_name: Sequence[bool], in_role: Sequence[bool]) -> str | None:
    """The first run of capitalised words that reads as a person's name, as written.

    A run is not a name if it is an acronym ("DPKO"), if it ends in an institution word
    ("Institute"), if a role word follows it ("Kurdish fighters"), or if it is one word with
    no title, role or country before it ("Islamic fundamentalists", "Hundreds of people")
    unless it is the whole phrase ("Putin").
    """
    lower, raw, sep = words.lower, words.raw, words.sep
    n = len(lower)

    def free(k: int) -> bool:
        return (
            bool(lower[k]) and not in_name[k] and not in_role[k] and lower[k] not in _NOT_NAME_WORDS
        )

    def continues(k: int) -> bool:
        if not free(k):
            return False
        if raw[k][:1].isupper():
            return True
        if sep[k] == "-":
            return not lower[k].endswith("ed")
        following = k + 1 < n and (raw[k + 1][:1].isupper() or sep[k + 1] == "-")
        return lower[k] in _NAME_PARTICLES and following

    k = 0
    while k < n:
        if not (free(k) and raw[k][:1].isupper()):
            k += 1
            continue
        end = k + 1
        while end < n and continues(end):
            end += 1
        if _is_person_run(words, k, end, in_name, in_role):
            return raw[k] + "".join(sep[m] + raw[m] for m in range(k + 1, end))
        k = end
    return None


def _is_person_run(
    words: _Words, start: int, end: int, in_name: Sequence[bool], in_role: Sequence[bool]
) -> bool:
    lower, cased = words.lower, words.cased
    if lower[end - 1] in _INSTITUTION_WORDS:
        return False
    if all(word.isupper() for word in cased[start:end]):  # an acronym: "DPKO", "VC"
        return False
    if end < len(lower) and in_role[end]:
        return False
    if end - start > 1:
        return True
    before = start - 1
    if before >= 0 and (in_name[before] or in_role[before] or lower[before] in _TITLES):
        return True
    return not any(w for k, w in enumerate(lower) if k != start)


@cache
def default_table() -> NameTable:
    """The packaged tables, loaded once per process."""
    return NameTable.load()
