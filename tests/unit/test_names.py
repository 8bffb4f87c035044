"""The name tables (data/countries.tsv, organisations.tsv, sectors.tsv) and their lookups."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources

import pytest
import spacy

from newsevents.coding import names
from newsevents.coding.names import SECTORS, NameMatch, NameTable, default_table

DATA = resources.files("newsevents.data")

#: Keys (after normalisation) that deliberately name two different codes. None today: an
#: ambiguous name goes to one code or to none (see data/README.md, "Known ambiguities").
DELIBERATE_SHARED_KEYS: dict[str, set[str | None]] = {}


def rows(filename: str) -> list[list[str]]:
    lines = DATA.joinpath(filename).read_text(encoding="utf-8").splitlines()
    table = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return table[1:]


COUNTRIES = rows("countries.tsv")
ORGANISATIONS = rows("organisations.tsv")
SECTOR_ROWS = rows("sectors.tsv")
ISO3 = {row[0] for row in COUNTRIES}
ORG_CODES = {row[0] for row in ORGANISATIONS}


def split(cell: str) -> list[str]:
    return [value for value in cell.split("|") if value]


def country_phrases() -> list[tuple[str, str, str]]:
    """(code, kind, phrase) for every name, alias, demonym and capital."""
    out = []
    for iso3, name, aliases, demonyms, capitals in COUNTRIES:
        out += [(iso3, "country", p) for p in [name, *split(aliases)]]
        out += [(iso3, "demonym", p) for p in split(demonyms)]
        out += [(iso3, "capital", p) for p in split(capitals)]
    return out


def organisation_phrases() -> list[tuple[str, str]]:
    """(expected actor country, phrase) for every organisation name and alias."""
    return [(c[4] or c[0], p) for c in ORGANISATIONS for p in [c[1], *split(c[2])]]


@pytest.fixture(scope="module")
def table() -> NameTable:
    return default_table()


@pytest.fixture(scope="module")
def tokenize():
    nlp = spacy.blank("en")
    return lambda text: [t.text for t in nlp(text)]


# -- table format ---------------------------------------------------------------------


def test_tables_are_packaged_with_their_readme():
    for filename in ("countries.tsv", "organisations.tsv", "sectors.tsv", "README.md"):
        assert DATA.joinpath(filename).is_file(), filename


def test_country_rows_have_five_columns_and_valid_unique_codes():
    assert all(len(row) == 5 for row in COUNTRIES)
    codes = [row[0] for row in COUNTRIES]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    assert len(codes) == len(set(codes))
    assert len(codes) == 250  # the 249 ISO 3166-1 entries and XKX (Kosovo)
    assert all(row[1] for row in COUNTRIES)


def test_organisation_rows_have_valid_codes_sectors_and_countries():
    assert all(len(row) == 5 for row in ORGANISATIONS)
    codes = [row[0] for row in ORGANISATIONS]
    assert len(codes) == len(set(codes))
    assert not set(codes) & ISO3, "an organisation code must not look like a country"
    allowed_countries = ISO3 | ORG_CODES | names.PSEUDO_COUNTRIES | {""}
    for code, name, _, sector, country in ORGANISATIONS:
        assert name, code
        assert sector in SECTORS, code
        assert country in allowed_countries, code


def test_sector_rows_are_lower_case_unique_and_use_known_sectors():
    assert all(len(row) == 2 for row in SECTOR_ROWS)
    words = [word for word, _ in SECTOR_ROWS]
    assert len(words) == len(set(words))
    assert len(words) >= 150
    assert all(word == word.lower() and word.strip() == word for word in words)
    assert {sector for _, sector in SECTOR_ROWS} <= SECTORS
    assert names._GENERIC_ROLES.issubset(words)


def test_no_key_names_two_codes():
    codes_of: dict[tuple[bool, str], set[str | None]] = defaultdict(set)
    for code, _, phrase in country_phrases():
        codes_of[names._name_key(phrase)].add(code)
    for code, name, aliases, _, _ in ORGANISATIONS:
        for phrase in [name, *split(aliases)]:
            codes_of[names._name_key(phrase)].add(code)
    for phrase in names._NOT_ACTOR_NAMES:
        codes_of[names._name_key(phrase)].add(None)
    shared = {key[1]: codes for key, codes in codes_of.items() if len(codes) > 1}
    assert shared == DELIBERATE_SHARED_KEYS


def test_readme_documents_every_table_and_column():
    readme = DATA.joinpath("README.md").read_text(encoding="utf-8")
    for filename in ("countries.tsv", "organisations.tsv", "sectors.tsv"):
        header = next(
            line
            for line in DATA.joinpath(filename).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")
        )
        assert f"### {filename}" in readme
        assert f"Columns: `{header}`." in readme


def test_loader_rejects_a_name_with_two_codes():
    countries = "iso3\tname\taliases\tdemonyms\tcapitals\nAAA\tA\tShared\t\t\nBBB\tB\tShared\t\t\n"
    organisations = "code\tname\taliases\tsector\tcountry\n"
    sectors = "word\tsector\nleader\tGOV\n"
    with pytest.raises(ValueError, match="Shared"):
        NameTable(countries, organisations, sectors)


def test_loader_rejects_an_unknown_sector():
    countries = "iso3\tname\taliases\tdemonyms\tcapitals\nAAA\tA\t\t\t\n"
    organisations = "code\tname\taliases\tsector\tcountry\n"
    with pytest.raises(ValueError, match="XYZ"):
        NameTable(countries, organisations, "word\tsector\nleader\tXYZ\n")


def test_every_entry_resolves_to_its_own_code_when_tokenized_by_spacy(table, tokenize):
    wrong = []
    for code, kind, phrase in country_phrases():
        if table.country_of(phrase) != code:
            wrong.append((phrase, table.country_of(phrase)))
        if re.search(r"[,()]", phrase):
            continue  # punctuation is a boundary inside running text
        match = table.resolve(tokenize(phrase))
        if (match.country, match.kind) != (code, kind):
            wrong.append((phrase, match))
    for country, phrase in organisation_phrases():
        found = table.organisation(phrase)
        if found is None or found[1] != country:
            wrong.append((phrase, found))
        if re.search(r"[,()]", phrase):
            continue
        match = table.resolve(tokenize(phrase))
        if (match.country, match.kind) != (country, "organisation"):
            wrong.append((phrase, match))
    assert wrong == []


def test_default_table_is_loaded_once():
    assert default_table() is default_table()


# -- lookups --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("Pyongyang", "PRK"),
        ("DPRK", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("United States of America", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("China's", "CHN"),
        ("China’s", "CHN"),
        ("Beijing", "CHN"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Britons", "GBR"),
        ("South Korea", "KOR"),
        ("Republic of Korea", "KOR"),
        ("ROK", "KOR"),
        ("Seoul", "KOR"),
        ("Korean", "KOR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Moscow", "RUS"),
        ("Iran", "IRN"),
        ("Islamic Republic", "IRN"),
        ("Tehran", "IRN"),
        ("Syria", "SYR"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("the Palestinian territories", "PSE"),
        ("Palestinians", "PSE"),
        ("Ramallah", "PSE"),
        ("Jerusalem", "ISR"),
        ("Israelis", "ISR"),
        ("Filipino", "PHL"),
        ("Filipinos", "PHL"),
        ("Philippine", "PHL"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("Guinea", "GIN"),
        ("The Gambia", "GMB"),
        ("Sana'a", "YEM"),
        ("Sanaa", "YEM"),
        ("N'Djamena", "TCD"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Congo", "COD"),
        ("DRC", "COD"),
        ("Republic of Congo", "COG"),
        ("Dominican", "DOM"),
        ("north korea", "PRK"),
        ("NORTH KOREA", "PRK"),
        ("Kosovo", "XKX"),
    ],
)
def test_country_of(table, phrase, code):
    assert table.country_of(phrase) == code


@pytest.mark.parametrize(
    "phrase",
    ["the North", "North", "us", "who", "Korea Herald", "KCNA", "Victoria", "Kingston", "Brussels"],
)
def test_country_of_leaves_these_alone(table, phrase):
    assert table.country_of(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("KCNA", ("Korean Central News Agency", "PRK", "MED")),
        ("Korean Central News Agency", ("Korean Central News Agency", "PRK", "MED")),
        ("Yonhap", ("Yonhap", "KOR", "MED")),
        ("Xinhua", ("Xinhua", "CHN", "MED")),
        ("TASS", ("TASS", "RUS", "MED")),
        ("Press TV", ("Press TV", "IRN", "MED")),
        ("Reuters", ("Reuters", "GBR", "MED")),
        ("AP", ("Associated Press", "USA", "MED")),
        ("Al Jazeera", ("Al Jazeera", "QAT", "MED")),
        ("UN", ("United Nations", "UNO", "IGO")),
        ("U.N.", ("United Nations", "UNO", "IGO")),
        ("the United Nations", ("United Nations", "UNO", "IGO")),
        ("UN Security Council", ("United Nations Security Council", "UNO", "IGO")),
        ("NATO", ("North Atlantic Treaty Organization", "NATO", "IGO")),
        ("Nato", ("North Atlantic Treaty Organization", "NATO", "IGO")),
        ("EU", ("European Union", "EUR", "IGO")),
        ("Arab League", ("Arab League", "ARL", "IGO")),
        ("World Bank", ("World Bank", "WBK", "IGO")),
        ("WHO", ("World Health Organization", "WHO", "IGO")),
        ("ICC", ("International Criminal Court", "ICC", "JUD")),
        ("Hamas", ("Hamas", "PSE", "REB")),
        ("Hezbollah", ("Hezbollah", "LBN", "REB")),
        ("the Taliban", ("Taliban", "AFG", "REB")),
        ("ISIS", ("Islamic State", "IMG", "REB")),
        ("Islamic State", ("Islamic State", "IMG", "REB")),
        ("al-Shabaab", ("Al-Shabaab", "SOM", "REB")),
        ("Houthis", ("Houthis", "YEM", "REB")),
        ("FARC", ("Revolutionary Armed Forces of Colombia", "COL", "REB")),
        ("Workers' Party of Korea", ("Workers' Party of Korea", "PRK", "PTY")),
        ("Sejong Institute", ("Sejong Institute", "KOR", "NGO")),
        ("Amnesty International", ("Amnesty International", "AMN", "NGO")),
    ],
)
def test_organisation(table, phrase, expected):
    assert table.organisation(phrase) == expected


@pytest.mark.parametrize("phrase", ["who", "is", "ap", "us", "China", "Korean", "Congress"])
def test_organisation_leaves_these_alone(table, phrase):
    assert table.organisation(phrase) is None


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        (["senior", "military", "officials"], "MIL"),
        (["leader"], "GOV"),
        (["foreign", "minister"], "GOV"),
        (["prime", "minister"], "GOV"),
        (["officials"], "GOV"),
        (["police"], "COP"),
        (["policemen"], "COP"),
        (["security", "forces"], "COP"),
        (["troops"], "MIL"),
        (["government", "forces"], "MIL"),
        (["rebel", "forces"], "REB"),
        (["army", "spokesman"], "MIL"),
        (["opposition", "leader"], "OPP"),
        (["defence", "ministry"], "MIL"),
        (["justice", "minister"], "GOV"),
        (["rebels"], "REB"),
        (["militias"], "REB"),
        (["protesters"], "CVL"),
        (["refugees"], "REF"),
        (["analysts"], "EDU"),
        (["human", "rights", "group"], "NGO"),
        (["drug", "traffickers"], "CRM"),
        (["court"], "JUD"),
        (["parliament"], "LEG"),
        (["ruling", "party"], "PTY"),
        (["state", "media"], "MED"),
        (["former", "president"], "ELI"),
        (["gunmen"], "UAF"),
        (["the", "weather"], None),
        ([], None),
    ],
)
def test_sector_of(table, words, sector):
    assert table.sector_of(words) == sector


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (
            ["North", "Korean", "leader", "Kim", "Jong", "-", "un"],
            NameMatch("Kim Jong-un", "PRK", "GOV", "demonym"),
        ),
        (["China"], NameMatch("China", "CHN", "GOV", "country")),
        (["the", "South", "Korean", "military"], NameMatch(None, "KOR", "MIL", "demonym")),
        (["Pyongyang"], NameMatch("North Korea", "PRK", "GOV", "capital")),
        (["KCNA"], NameMatch("Korean Central News Agency", "PRK", "MED", "organisation")),
        (["protesters"], NameMatch(None, None, "CVL", "sector_only")),
        (["his", "senior", "military", "officials"], NameMatch(None, None, "MIL", "sector_only")),
        (["the", "North"], NameMatch(None, None, None, "none")),
        (["Putin"], NameMatch("Putin", None, None, "none")),
    ],
)
def test_resolve_examples(table, tokens, expected):
    assert table.resolve(tokens) == expected


def resolved(table: NameTable, tokens: list[str]) -> tuple[str | None, str | None]:
    match = table.resolve(tokens)
    return match.country, match.sector


def test_resolve_prefers_the_longest_match(table, tokenize):
    assert resolved(table, tokenize("South Korean officials")) == ("KOR", "GOV")
    assert resolved(table, tokenize("North Korea")) == ("PRK", "GOV")
    assert resolved(table, tokenize("Korea")) == ("KOR", "GOV")
    assert resolved(table, tokenize("Papua New Guinea")) == ("PNG", "GOV")
    assert resolved(table, tokenize("South Sudanese troops")) == ("SSD", "MIL")
    assert resolved(table, tokenize("The Korean Central News Agency (KCNA)")) == ("PRK", "MED")
    assert resolved(table, tokenize("the Pakistani Taliban")) == ("PAK", "REB")


def test_resolve_ignores_possessives_and_dots(table, tokenize):
    assert resolved(table, tokenize("China's foreign ministry")) == ("CHN", "GOV")
    assert resolved(table, ["China", "’s", "leader"]) == ("CHN", "GOV")
    assert resolved(table, tokenize("Pyongyang's missile test")) == ("PRK", "GOV")
    assert resolved(table, tokenize("U.S. forces")) == ("USA", "MIL")
    assert table.resolve(tokenize("the U.N. nuclear watchdog")).country == "IAEA"
    # tokens the pre-tokenised view rejoined, spaces and all
    assert resolved(table, ["U . S", "federal", "investigators"]) == ("USA", "GOV")
    assert resolved(table, ["the", "U . K"]) == ("GBR", "GOV")


def test_resolve_needs_capitals_for_names_and_acronyms(table):
    assert resolved(table, ["turkey"]) == (None, None)
    assert resolved(table, ["Turkey"]) == ("TUR", "GOV")
    assert resolved(table, ["us"]) == (None, None)
    assert resolved(table, ["US"]) == ("USA", "GOV")
    assert resolved(table, ["who"]) == (None, None)


def test_resolve_people_with_titles(table, tokenize):
    trump = table.resolve(tokenize("Former US President Donald Trump"))
    assert (trump.name, trump.country, trump.sector) == ("Donald Trump", "USA", "ELI")
    bibi = table.resolve(tokenize("Israeli Prime Minister Benjamin Netanyahu"))
    assert (bibi.name, bibi.country, bibi.sector) == ("Benjamin Netanyahu", "ISR", "GOV")
    erdogan = table.resolve(tokenize("President Recep Tayyip Erdogan of Turkey"))
    assert (erdogan.name, erdogan.country) == ("Recep Tayyip Erdogan", "TUR")
    zarqawi = table.resolve(tokenize("Al-Qaeda frontman Abu Musab al-Zarqawi"))
    assert (zarqawi.name, zarqawi.country, zarqawi.sector) == ("Abu Musab al-Zarqawi", "IMG", "REB")
    assert table.resolve(tokenize("Senior Hungarian officials")).name is None
    assert table.resolve(tokenize("Kurdish fighters")).name is None
    assert table.resolve(tokenize("the Government Accountability Office")).name is None


def test_resolve_organisations_with_role_words(table, tokenize):
    assert resolved(table, tokenize("UN peacekeepers")) == ("UNO", "MIL")
    assert resolved(table, tokenize("NATO Secretary General")) == ("NATO", "IGO")
    assert resolved(table, tokenize("Hezbollah fighters")) == ("LBN", "REB")
    assert resolved(table, tokenize("Chinese state media Xinhua")) == ("CHN", "MED")
    sejong = table.resolve(tokenize("South Korea's private Sejong Institute"))
    assert (sejong.name, sejong.country, sejong.sector) == ("Sejong Institute", "KOR", "NGO")
    assert resolved(table, tokenize("Syrian ambassador to the UN")) == ("SYR", "GOV")
    assert resolved(table, tokenize("American Red Cross volunteers")) == ("USA", "NGO")


def test_resolve_qualified_names_are_not_the_actor(table, tokenize):
    assert resolved(table, tokenize("Iran-backed militias")) == (None, "REB")
    assert resolved(table, tokenize("US-led military drills")) == ("USA", "MIL")
    assert resolved(table, tokenize("Iran-backed Houthi rebels")) == ("YEM", "REB")
    assert resolved(table, tokenize("pro-Russian separatists")) == (None, "REB")
    assert resolved(table, tokenize("the U.N.-backed government")) == (None, "GOV")


def test_resolve_blocks_places_that_name_no_actor(table, tokenize):
    assert resolved(table, tokenize("New Mexico officials")) == (None, "GOV")
    assert resolved(table, tokenize("Latin American leaders")) == (None, "GOV")
    assert resolved(table, tokenize("the South China Sea")) == (None, None)


def test_resolve_gives_the_same_answer_from_its_cache() -> None:
    from newsevents.coding.names import default_table

    table = default_table()
    first = table.resolve(["North", "Korean", "leader", "Kim", "Jong", "-", "un"])
    again = table.resolve(["North", "Korean", "leader", "Kim", "Jong", "-", "un"])
    assert first == again and first.country == "PRK"
    assert table.resolve(["Seoul"]).country == "KOR"  # a different phrase is not mixed up
