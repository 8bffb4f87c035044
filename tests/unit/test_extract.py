"""Extract: RawDocument -> Article | Rejection (bytes checks, HTML, chrome, language, dates)."""

from __future__ import annotations

import datetime as dt
import pathlib
import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.config import ExtractSettings
from newsevents.errors import Reason
from newsevents.extract import clean_text, extract_article, parse_date, split_paragraphs
from newsevents.ingest import iter_documents
from newsevents.records import Article, DocKind, RawDocument, Rejection, content_hash

ROOT = pathlib.Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "presstv-north-korea-military-meeting.txt"
FIXTURES = ROOT / "tests" / "fixtures"
SETTINGS = ExtractSettings()

ENGLISH = (
    "The foreign ministers of Arland and Borovia met in the capital on Tuesday to discuss "
    "the dispute over their shared border, officials said.\n\n"
    "Both sides agreed to hold a second round of talks next month and to reopen two "
    "crossing points for commercial traffic in the meantime."
)
FRENCH = (
    "Le gouvernement a annoncé mardi une série de mesures destinées à soutenir les "
    "agriculteurs touchés par la sécheresse. Le ministre de l'Agriculture a déclaré que "
    "l'aide serait versée avant la fin du mois.\n\n"
    "Les syndicats agricoles ont salué ces annonces, tout en estimant qu'elles restaient "
    "insuffisantes face à l'ampleur de la crise qui frappe les campagnes depuis le printemps."
)
SPANISH = (
    "El presidente del Gobierno se reunió el lunes con los líderes de los principales "
    "partidos de la oposición para discutir la reforma de la ley electoral. Según fuentes "
    "oficiales, la reunión duró más de tres horas.\n\n"
    "Los partidos acordaron volver a reunirse la próxima semana para continuar las "
    "negociaciones, aunque algunos dirigentes expresaron dudas sobre un acuerdo rápido."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Sanktionen gegen mehrere Unternehmen "
    "beschlossen, die gegen das Exportverbot verstoßen haben sollen. Der Außenminister "
    "erklärte, man werde die Einhaltung der Regeln streng überwachen.\n\n"
    "Vertreter der Opposition kritisierten die Entscheidung als verspätet und forderten "
    "weitere Maßnahmen gegen die beteiligten Firmen und ihre Geschäftspartner."
)


def raw(content: str | bytes, kind: DocKind = "text", **meta: str) -> RawDocument:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return RawDocument(id=content_hash(data), content=data, kind=kind, source="test", **meta)


def article(content: str | bytes, kind: DocKind = "text", **meta: str) -> Article:
    result = extract_article(raw(content, kind, **meta), SETTINGS)
    assert isinstance(result, Article), result
    return result


def rejection(
    content: str | bytes, kind: DocKind = "text", reason: Reason | None = None, **meta: str
) -> Rejection:
    result = extract_article(raw(content, kind, **meta), SETTINGS)
    assert isinstance(result, Rejection), result
    assert result.stage == "extract" and result.item_id == content_hash(raw(content).content)
    if reason is not None:
        assert result.reason == reason, result.detail
    assert result.detail.endswith(".") and len(result.detail) > 30
    return result


# --- bytes checks ----------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("kind", ["text", "html"])
def test_empty_or_whitespace_is_empty(content: bytes, kind: DocKind) -> None:
    rejection(content, kind, Reason.EMPTY)


def test_nul_bytes_mean_binary() -> None:
    rej = rejection(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), reason=Reason.BINARY
    )
    assert "NUL bytes" in rej.detail and "binary" in rej.detail


def test_many_control_bytes_mean_binary() -> None:
    rejection(b"Leaders met\x01\x02\x03\x04\x05\x06\x07\x08 today." * 20, reason=Reason.BINARY)


def test_a_few_stray_control_bytes_are_not_binary() -> None:
    text = ENGLISH.replace("Tuesday", "Tues\x07day", 1)
    assert "Tuesday" in article(text).text


def test_invalid_utf8_is_bad_encoding_with_the_offset() -> None:
    rej = rejection("Le café est fermé.".encode("latin-1") * 10, reason=Reason.BAD_ENCODING)
    assert "0xE9 at offset 6 is not valid UTF-8." in rej.detail


def test_utf8_bom_is_accepted_and_dropped() -> None:
    result = article(b"\xef\xbb\xbf" + ENGLISH.encode())
    assert result.text.startswith("The foreign ministers")


def test_html_declared_charset_is_honoured() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "</head><body><article><p>The minister met his counterparts in Zürich on Tuesday to "
        "discuss the crisis, according to an official statement.</p></article></body></html>"
    )
    assert "Zürich" in article(html.encode("latin-1"), "html").text


def test_html_xml_encoding_declaration_is_honoured() -> None:
    html = (
        '<?xml version="1.0" encoding="iso-8859-1"?><html><body><article><p>Talks in Zürich '
        "ended on Tuesday without an agreement, officials said.</p></article></body></html>"
    )
    assert "Zürich" in article(html.encode("latin-1"), "html").text


def test_html_without_charset_must_be_utf8() -> None:
    html = "<html><body><p>Talks in Zürich ended without agreement today.</p></body></html>"
    rejection(html.encode("latin-1"), "html", Reason.BAD_ENCODING)


def test_html_with_unknown_charset_falls_back_to_utf8() -> None:
    html = (
        '<html><head><meta charset="no-such-charset"></head><body><article><p>Talks in Zürich '
        "ended on Tuesday without an agreement, officials said.</p></article></body></html>"
    )
    assert "Zürich" in article(html, "html").text


def test_too_large_says_how_big_and_what_to_do() -> None:
    result = extract_article(raw(ENGLISH), ExtractSettings(max_bytes=100))
    assert isinstance(result, Rejection) and result.reason == Reason.TOO_LARGE
    assert f"{len(ENGLISH.encode()):,} bytes" in result.detail
    assert "100-byte limit (max_bytes)" in result.detail and "--max-bytes" in result.detail


# --- HTML ------------------------------------------------------------------------------


def test_html_article_text_and_metadata() -> None:
    result = article((FIXTURES / "article.html").read_bytes(), "html")
    assert result.title == "Ministers agree to reopen border crossing"
    assert result.outlet == "The Harbour Times"
    assert result.url == "https://harbourtimes.example/world/border-crossing"
    assert (result.published, result.published_source) == (dt.date(2023, 3, 14), "html")
    assert result.text.startswith("The foreign ministers of Arland and Borovia agreed")
    assert result.text.endswith("settle the dispute quickly.")
    assert len(result.text.split("\n\n")) == 4
    for chrome in [
        "Home",
        "Share on",
        "Copyright",
        "About us",
        "By Maria Lopez",
        "Ministers agree",
    ]:
        assert chrome not in result.text


def test_metadata_given_on_input_wins_over_the_page() -> None:
    result = article(
        (FIXTURES / "article.html").read_bytes(),
        "html",
        title="Given title",
        outlet="Given outlet",
        url="https://given.example/a",
        published="2023-03-15",
    )
    assert (result.title, result.outlet, result.url) == (
        "Given title",
        "Given outlet",
        "https://given.example/a",
    )
    assert (result.published, result.published_source) == (dt.date(2023, 3, 15), "metadata")


def test_html_page_without_an_article_is_no_article() -> None:
    rej = rejection((FIXTURES / "index.html").read_bytes(), "html", Reason.NO_ARTICLE)
    assert "no article text" in rej.detail


def test_html_with_only_a_scrap_of_text_is_no_article_not_too_short() -> None:
    rejection("<html><body><nav>Home</nav><p>Hi.</p></body></html>", "html", Reason.NO_ARTICLE)


def test_html_date_is_not_guessed_from_a_copyright_year() -> None:
    html = (
        "<html><body><article><p>" + ENGLISH.replace("\n\n", "</p><p>") + "</p></article>"
        "<footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"
    )
    result = article(html, "html")
    assert (result.published, result.published_source) == (None, "none")


def test_absurdly_nested_html_is_a_rejection_not_a_crash() -> None:
    html = "<html><body>" + "<div>" * 5000 + "<p>Deep.</p>" + "</div>" * 5000 + "</body></html>"
    assert isinstance(extract_article(raw(html, "html"), SETTINGS), Rejection | Article)


# --- page chrome on the example ---------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Article:
    return article(EXAMPLE.read_bytes())


def test_example_title_is_the_headline(example: Article) -> None:
    assert example.title == "North Korean leader convenes military meeting amid tensions"
    assert "convenes military meeting" not in example.text


@pytest.mark.parametrize(
    "chrome",
    [
        "SHARE THIS ARTICLE",
        "alternate addresses",
        "News   /   Koreas",
        "News / Koreas",
        "Koreas",
        "(By AP)",
        "www.presstv.ir",
        "Roku",
        "Press TV",
        "This photo shows",
    ],
)
def test_example_chrome_is_gone(example: Article, chrome: str) -> None:
    assert chrome not in example.text


def test_example_caption_is_moved_to_captions(example: Article) -> None:
    [caption] = example.captions
    assert caption.startswith("This photo shows North Korean leader Kim Jong-un, center,")


def test_example_story_paragraphs_are_all_there(example: Article) -> None:
    starts = [
        "North Korean leader Kim Jong-un has called a meeting",
        "The Korean Central News Agency (KCNA) reported on Wednesday",
        'The meeting will "review the overall work',
        'It will also "analyze and review',
        "The report did not specify any plans",
        "It is the first time the commission",
        "Cheong Seong-chang, a senior analyst",
        "The latest meeting comes at a time",
        "On Sunday, the South Korean military",
        "China and Russia have also censured",
        "Beijing and Moscow vetoed",
        "North Korea, which has been under rounds",
        "North Korea maintains that its weapons tests",
        "Former US President Donald Trump met with Kim three times",
    ]
    paragraphs = example.text.split("\n\n")
    assert len(paragraphs) == len(starts)
    for paragraph, start in zip(paragraphs, starts, strict=True):
        assert paragraph.startswith(start)
    assert paragraphs[-1].endswith("toward denuclearization.")


def test_example_text_is_normalised(example: Article) -> None:
    assert "United States or South Korea." in example.text  # a no-break space became a space
    assert "\xa0" not in example.text and "  " not in example.text
    assert "\n\n\n" not in example.text and example.text == example.text.strip()
    assert example.content_hash == content_hash(example.text)
    assert (example.language, example.published_source) == ("en", "none")


def test_example_through_ingest_and_extract() -> None:
    [doc] = iter_documents([str(EXAMPLE)])
    assert isinstance(doc, RawDocument)
    result = extract_article(doc, SETTINGS)
    assert isinstance(result, Article) and result.id == doc.id and result.source == str(EXAMPLE)


# --- page chrome: general rules on made-up pages ----------------------------------------

WIRE_PAGE = """World  >  Europe  >  Politics

Ministers clash over fishing rights at EU summit

By Anna Schmidt and Tom Burke, Reuters

June 14, 2023 10:41 AM GMT

BRUSSELS (Reuters) - European fisheries ministers clashed on Wednesday over how to share
catch quotas in the North Sea, with France and the Netherlands accusing Denmark of
blocking a compromise.

A photo taken on June 13, 2023 shows fishing boats moored in the port of Boulogne. (AFP)

The French minister said Paris would not accept any deal that cut quotas for its coastal
fleets, and called on the European Commission to propose new figures.

Denmark rejected the accusation, saying its proposal protected fish stocks. (AFP)

(Reporting by Anna Schmidt; Editing by Tom Burke)

Related news

Fishermen protest in Boulogne

EU quotas explained

Facebook Twitter WhatsApp Email
"""


@pytest.fixture(scope="module")
def wire() -> Article:
    return article(WIRE_PAGE)


def test_wire_page_headline_dateline_and_wrapped_lines(wire: Article) -> None:
    assert wire.title == "Ministers clash over fishing rights at EU summit"
    paragraphs = wire.text.split("\n\n")
    assert paragraphs[0].startswith("BRUSSELS (Reuters) - European fisheries ministers")
    assert "how to share catch quotas" in paragraphs[0]  # a wrapped line was joined
    assert len(paragraphs) == 3


def test_wire_page_agency_credit_tail_is_stripped_from_story_text(wire: Article) -> None:
    assert wire.text.endswith("protected fish stocks.")
    assert "(AFP)" not in wire.text


@pytest.mark.parametrize(
    "chrome",
    [
        "World",
        "By Anna Schmidt",
        "10:41 AM",
        "Reporting by",
        "Related news",
        "Fishermen protest",
        "EU quotas explained",
        "Facebook",
        "shows fishing boats",
    ],
)
def test_wire_page_chrome_is_gone(wire: Article, chrome: str) -> None:
    assert chrome not in wire.text


def test_wire_page_caption(wire: Article) -> None:
    assert wire.captions == (
        "A photo taken on June 13, 2023 shows fishing boats moored in the port of Boulogne. (AFP)",
    )


@pytest.mark.parametrize(
    "caption",
    [
        "This picture taken on May 3, 2023 shows smoke rising over the city.",
        "File photo: Riot police stand guard outside the parliament building.",
        "Supporters gather at a rally in Ohio on October 1, 2019. (Photo by John Smith/Getty)",
        "Jack Dorsey, left, speaks at a conference in San Francisco. (AP Photo/Jeff Chiu)",
        "Troops march past the stand in the capital on Monday. (Reuters photo)",
        "In this handout photo released by the ministry, the two leaders shake hands.",
        "The president, center, waves to supporters in the capital. (By AP)",
    ],
)
def test_captions_are_recognised_anywhere(caption: str) -> None:
    result = article(f"{ENGLISH}\n\n{caption}\n\nOfficials said more talks were planned.")
    assert result.captions == (caption,)
    assert caption not in result.text


@pytest.mark.parametrize(
    "chrome",
    [
        "Home | World | Middle East",
        "Share on Facebook",
        "Share this:",
        "Click to share on Twitter",
        "Print Email Copy link",
        "Follow us on Telegram",
        "Sign up for our newsletter",
        "Download our app on Google Play",
        "https://example.com/world/article-123",
        "www.example.com, www.example.co.uk",
        "© 2023 Example Media. All rights reserved.",
        "Copyright 2023 by Example Media",
        "By JANE DOE and JOHN ROE, Associated Press",
        "(By AP)",
        "— AFP",
        "Published: Wed Jun 22, 2022 09:14AM [Updated: Wed Jun 22, 2022 10:41AM ]",
        "Last updated 14 June 2023, 10:41 GMT",
        "(Reporting by Anna Schmidt; Editing by Tom Burke)",
    ],
)
def test_chrome_lines_are_dropped_anywhere(chrome: str) -> None:
    paragraphs = ENGLISH.split("\n\n")
    result = article(f"{paragraphs[0]}\n\n{chrome}\n\n{paragraphs[1]}")
    assert result.text == ENGLISH


@pytest.mark.parametrize(
    "story",
    [
        "Share prices in social media firms fell sharply on Tuesday after the announcement.",
        "By Tuesday evening, regulators in three countries had welcomed the move.",
        "Facebook said it would appeal the ruling in the higher court.",
        "Police said the suspect used an alternate address in Ohio to register accounts.",
        "Copyright law was not affected by the change, a spokesman said.",
        "The photo, which went viral on Monday, was later shown to be fake, "
        "investigators said after a lengthy review of the images. " * 5,
    ],
)
def test_story_sentences_that_look_like_chrome_are_kept(story: str) -> None:
    result = article(f"{ENGLISH}\n\n{story.strip()}")
    assert result.text.endswith(story.strip())
    assert result.captions == ()


@pytest.mark.parametrize(
    "marker",
    [
        "Example News’s website can also be accessed at the following alternate addresses:",
        "Our mirror sites:",
        "Related articles",
        "You may also like",
        "Most read",
        "More from World:",
    ],
)
def test_footer_marker_and_the_scraps_after_it_are_dropped(marker: str) -> None:
    first, second = ENGLISH.split("\n\n")
    page = f"{first}\n\n{marker}\n\nOther story headline\n\nexample.net\n\n{second}"
    assert article(page).text == ENGLISH


def test_footer_drops_the_scraps_after_it_but_not_later_story_text() -> None:
    page = (
        f"{ENGLISH}\n\nRead more:\n\nOther story one\n\nOther story two\n\nThe talks resume today."
    )
    result = article(page)
    assert result.text == f"{ENGLISH}\n\nThe talks resume today."


def test_trailing_outlet_and_app_lines_are_dropped() -> None:
    assert article(f"{ENGLISH}\n\nDaily Planet News Roku\nTags: Arland, Borovia").text == ENGLISH


def test_headline_directly_followed_by_text_becomes_title() -> None:
    result = article(f"Protesters rally outside parliament\n{ENGLISH}")
    assert result.title == "Protesters rally outside parliament"
    assert result.text == ENGLISH


@pytest.mark.parametrize(
    "first",
    [
        "Leaders met on Tuesday.",  # ends with a period: a sentence, not a headline
        "and then the talks went on for several more hours without any result",  # lowercase
    ],
)
def test_first_line_that_is_not_a_headline_stays_in_the_text(first: str) -> None:
    result = article(f"{first}\n\n{ENGLISH}")
    assert result.title is None
    assert result.text.startswith(first)


def test_given_title_is_kept_and_the_headline_still_leaves_the_text() -> None:
    result = article(f"Protesters rally outside parliament\n\n{ENGLISH}", title="Given")
    assert (result.title, result.text) == ("Given", ENGLISH)


def test_single_line_text_is_not_taken_as_a_headline() -> None:
    text = "Leaders of both countries met in the capital on Tuesday to discuss the crisis"
    assert article(text).text == text


def test_split_paragraphs_normalises_whitespace() -> None:
    text = "  One\u00a0 two\tthree \r\n\r\n\r\n four\u200b five  \n"
    assert split_paragraphs(text) == ["One two three", "four five"]


def test_split_paragraphs_joins_wrapped_lines_only_when_asked() -> None:
    text = "A long line of text that was wrapped by the editor at some\ncolumn, like this."
    assert split_paragraphs(text) == [text.replace("\n", " ")]
    assert split_paragraphs(text, join_wrapped=False) == text.split("\n")


def test_clean_text_paragraphs_join_to_the_article_text(example: Article) -> None:
    cleaned = clean_text(EXAMPLE.read_text(encoding="utf-8"))
    assert "\n\n".join(cleaned.body) == example.text


# --- length and language ---------------------------------------------------------------


def test_too_short_text() -> None:
    rej = rejection("Short note.", reason=Reason.TOO_SHORT)
    assert "11 characters" in rej.detail and "15-character minimum (min_chars)" in rej.detail


def test_text_that_is_only_chrome_is_too_short() -> None:
    rejection("SHARE THIS ARTICLE\n\nwww.example.com\n\nHome / World", reason=Reason.TOO_SHORT)


@pytest.mark.parametrize(("text", "lang"), [(FRENCH, "fr"), (SPANISH, "es"), (GERMAN, "de")])
def test_non_english_article_is_wrong_language(text: str, lang: str) -> None:
    rej = rejection(text, reason=Reason.WRONG_LANGUAGE)
    assert f"'{lang}' was detected" in rej.detail and f"--languages en,{lang}" in rej.detail


def test_accepted_other_language_is_recorded() -> None:
    result = extract_article(raw(FRENCH), ExtractSettings(languages=("en", "fr")))
    assert isinstance(result, Article) and result.language == "fr"


def test_non_english_html_is_wrong_language() -> None:
    html = "<html><body><article><p>" + GERMAN.replace("\n\n", "</p><p>") + "</p></article>"
    rejection(html + "</body></html>", "html", Reason.WRONG_LANGUAGE)


def test_short_text_is_not_judged_on_language() -> None:
    text = "Der Minister traf sich am Dienstag mit Vertretern der Opposition."
    assert len(text) < 200
    assert article(text).language == "en"


def test_declared_language_that_is_not_accepted_is_wrong_language() -> None:
    rej = rejection(ENGLISH, reason=Reason.WRONG_LANGUAGE, language="de")
    assert "'de' is declared" in rej.detail


def test_declared_language_with_region_is_accepted() -> None:
    assert article(ENGLISH, language="en-GB").language == "en"


# --- publication date ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-21", dt.date(2022, 6, 21)),
        ("2022-06-21T23:10:00Z", dt.date(2022, 6, 21)),
        ("2022-06-21 08:00:00+09:00", dt.date(2022, 6, 21)),
        (" 2022-06-21T08:00 ", dt.date(2022, 6, 21)),
        ("June 21, 2022", None),
        ("2022-13-45", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_published_metadata() -> None:
    result = article(ENGLISH, published="2022-06-21T23:10:00Z")
    assert (result.published, result.published_source) == (dt.date(2022, 6, 21), "metadata")


def test_unparseable_published_is_ignored_not_rejected() -> None:
    result = article(ENGLISH, published="last Tuesday")
    assert (result.published, result.published_source) == (None, "none")


def test_metadata_fields_pass_through_for_text() -> None:
    result = article(ENGLISH, title="T", url="https://x.example/a", outlet="O")
    assert (result.title, result.url, result.outlet) == ("T", "https://x.example/a", "O")


# --- purity and robustness -------------------------------------------------------------


def test_extract_article_is_picklable_and_silent(capsys: pytest.CaptureFixture[str]) -> None:
    assert pickle.loads(pickle.dumps(extract_article)) is extract_article
    extract_article(raw(ENGLISH), SETTINGS)
    extract_article(raw(b"\x00"), SETTINGS)
    assert capsys.readouterr() == ("", "")


def test_same_input_gives_the_same_article() -> None:
    assert article(WIRE_PAGE) == article(WIRE_PAGE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=2000), kind=st.sampled_from(["text", "html"]))
def test_never_raises_on_random_bytes(content: bytes, kind: DocKind) -> None:
    result = extract_article(raw(content, kind), SETTINGS)
    assert isinstance(result, Article | Rejection)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=1500))
def test_article_text_is_clean_for_any_text(text: str) -> None:
    result = extract_article(raw(text.encode("utf-8", "surrogatepass")), SETTINGS)
    if isinstance(result, Article):
        assert result.text == result.text.strip() and "\n\n\n" not in result.text
        assert all(p and "  " not in p and "\n" not in p for p in result.text.split("\n\n"))
