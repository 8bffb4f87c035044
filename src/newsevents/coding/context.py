"""PLOVER `context`: what an event is about, from its sentence, paragraph and document.

Cue words and phrases per context come from `data/contexts.tsv` (see data/README.md,
"Contexts"). A context counts for an event when its cues are in the event's sentence, or
recur in its paragraph, or are prominent across the document; contexts implied by the
event's CAMEO code (the CAMEO-to-PLOVER table) or its PLOVER mode are added. At most
`MAX_CONTEXTS` are returned, strongest first. `DocumentContexts` scans an article once and
answers per event; `code_context` is the same decision for three plain strings.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

#: PLOVER's general contexts, in the order of the manual's table.
CONTEXTS: tuple[str, ...] = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
    "corruption", "illegal_drugs", "trafficking",
)  # fmt: skip

MAX_CONTEXTS = 4
SENTENCE_MIN = 1.0  # weight of distinct cues a sentence needs for a context
PARAGRAPH_MIN = 1.5  # ... a paragraph, from at least two hits
DOCUMENT_MIN_CUES = 3  # distinct cues a document needs for a context
DOCUMENT_TOP = 3  # and the context must be among the document's strongest
IMPLIED_STRENGTH = 3.0  # a CAMEO- or mode-implied context ranks like one sentence cue
_SPECIFIC_CRIME = frozenset({"trafficking", "illegal_drugs", "corruption"})

# CAMEO code -> contexts, from the third column of CAMEO2PLOVER-2021.txt. Codes that table
# gives a name PLOVER does not have ("humanitarian", "democracy") imply nothing; 175
# (violent repression) is read as repression + pro_autocracy, not the table's military.
# A code not listed falls back to its three-digit parent.
_CAMEO_TABLE = """
diplomatic: 030 031 032 033 0355 036 037 038 039 045 046 050 051 052 053 054 055 056 057
 086 0862 102 1055 106 107 108 114 1245 125 126 127 129 1313 134 135 136 139 161 163 164
 165 166 1662
economic: 0311 0331 0354 061 071 085 1011 1031 1054 1211 1221 1244 1312 1621
military: 0312 0332 0356 062 072 087 0871 0872 0873 0874 093 094 1012 1032 1056 1123 1124
 1212 1222 1246 138 1381 1382 1383 1384 152 154 1622 1661 190 191 192 193 194 195 196 200
legal: 0313 063 081 0813 0814 0841 0842 094 1013 105 1051 1052 1053 1124 1125 115 116 1213
 1243 128 173 174 196
intelligence: 0314 064 1014 1214
peacekeeping: 0334 074 0861 1034 1224
political_institutions: 034 0341 0344 083 0831 0834 104 1044 123 1234 1414 1424 1434 1444 1454
executive: 0342 0832 1041 1042 1231 1232 1241 132 1411 1412 1421 1422 1431 1432 1441 1442
 1451 1452 172
rights_freedoms: 0343 0351 0353 0833 1043 1233 1413 1423 1433 1443 1453 1721
asylum: 075
crime: 091 1121
corruption: 091 1121
human_rights: 092 1122 1321
pro_autocracy: 1322 1323 1324 137 1722 1723 1724 175
repression: 175
cbrn: 1385 204 2041 2042
human_security: 162 1663 171 1711 1712
religion_ethnicity: 201 202 203
none: 0333 073 0863 1033 1223 1623 0811 0812 082
"""

# (event_type, mode) -> the context the PLOVER mode itself implies.
_MODE_CONTEXTS: dict[tuple[str, str], str] = {
    ("MOBILIZE", "troops"): "military", ("MOBILIZE", "weapons"): "military",
    ("RETREAT", "ceasefire"): "military", ("RETREAT", "disarm"): "military",
    ("CONSULT", "multilateral"): "diplomatic", ("CONSULT", "third-party"): "diplomatic",
    ("COERCE", "censor"): "rights_freedoms", ("COERCE", "curfew"): "pro_autocracy",
    ("COERCE", "martial-law"): "pro_autocracy", ("COERCE", "misinformation"): "misinformation",
    ("COERCE", "cyber"): "cyber", ("ASSAULT", "crowd-control"): "repression",
    ("ASSAULT", "unconventional"): "cbrn",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of contexts.tsv, its words normalised like running text."""

    context: str
    cue: str
    words: tuple[str, ...]
    weight: float


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue found in the text at character offset `start`."""

    start: int
    cue: Cue


@dataclass(slots=True)
class Stats:
    """Evidence for one context in one span of text."""

    score: float = 0.0  # sum of positive cue weights, every hit
    breadth: float = 0.0  # ... each distinct cue once
    counter: float = 0.0  # sum of counter-cue weights, as a positive number
    hits: int = 0
    cues: set[str] = field(default_factory=set)

    def add(self, cue: Cue) -> None:
        if cue.weight < 0:
            self.counter -= cue.weight
            return
        if cue.cue not in self.cues:
            self.breadth += cue.weight
            self.cues.add(cue.cue)
        self.score += cue.weight
        self.hits += 1

    @property
    def vetoed(self) -> bool:
        """Counter-cues (the manual's exclusions) outweigh the cues."""
        return self.counter > 0 and self.counter >= self.score


_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
_SKIP = frozenset({"the", "a", "an"})
_APOSTROPHES = "'\u2019"


def tokenize(text: str) -> list[tuple[int, str]]:
    """(offset, word) pairs: lower case except acronyms in capitals ("U.N." -> "UN"), with
    articles and possessive 's dropped."""
    tokens: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text):
        raw = m.group().replace(".", "")
        word = raw if _is_acronym(raw) else raw.lower()
        start = m.start()
        if word in _SKIP or (word == "s" and start and text[start - 1] in _APOSTROPHES):
            continue
        tokens.append((start, word))
    return tokens


def _is_acronym(raw: str) -> bool:
    return len(raw) >= 2 and (raw.isupper() or (raw[-1] == "s" and raw[:-1].isupper()))


@functools.lru_cache(maxsize=1 << 16)
def word_forms(word: str) -> frozenset[str]:
    """The word and the lemmas it may inflect (plurals, -ed, -ing, -men); an acronym in
    capitals also keeps its capitals ("MPs" -> "MP"), which capitalised cues require."""
    lower = word.lower()
    forms = _inflections(lower)
    if word != lower:
        forms.add(word[:-1] if word.endswith("s") else word)
    return frozenset(forms)


def _inflections(word: str) -> set[str]:
    forms = {word}
    if len(word) <= 3:
        return forms
    if word.endswith("ies") or word.endswith("ied"):
        forms.add(word[:-3] + "y")
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
    if word.endswith("men"):
        forms.add(word[:-3] + "man")
    for suffix in ("ed", "ing"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            forms.update({stem, stem + "e"})
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # banned -> ban
    return forms


class ContextLexicon:
    """Cues of every context, indexed by their first word."""

    def __init__(self, cues: Iterable[Cue]) -> None:
        self.cues = tuple(cues)
        index: dict[str, list[Cue]] = {}
        for cue in self.cues:
            index.setdefault(cue.words[0], []).append(cue)
        self._by_first = {
            w: tuple(sorted(c, key=lambda x: -len(x.words))) for w, c in index.items()
        }

    @classmethod
    def from_tsv(cls, text: str) -> ContextLexicon:
        """Parse contexts.tsv; raises ValueError on an unknown context or a bad row."""
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        if not lines or lines[0].split("\t") != ["context", "cue", "weight"]:
            raise ValueError("contexts.tsv: header must be context, cue, weight")
        cues = []
        for number, line in enumerate(lines[1:], start=2):
            context, cue, weight = line.split("\t")
            words = tuple(w for _, w in tokenize(cue))
            if context not in CONTEXTS or not words:
                raise ValueError(f"contexts.tsv row {number}: {line!r}")
            cues.append(Cue(context, cue, words, float(weight)))
        return cls(cues)

    def scan(self, text: str) -> list[Hit]:
        """Every cue in `text`; per context, the longest cue at a position wins and hides
        shorter cues of the same context inside it (so weight-0 phrases block)."""
        tokens = tokenize(text)
        forms = [word_forms(w) for _, w in tokens]
        blocked: dict[str, int] = {}
        hits: list[Hit] = []
        for i in range(len(tokens)):
            best: dict[str, Cue] = {}
            for form in forms[i]:
                for cue in self._by_first.get(form, ()):
                    if blocked.get(cue.context, 0) > i or not _matches(cue.words, forms, i):
                        continue
                    if cue.context not in best or len(cue.words) > len(best[cue.context].words):
                        best[cue.context] = cue
            for context, cue in best.items():
                blocked[context] = i + len(cue.words)
                if cue.weight:
                    hits.append(Hit(tokens[i][0], cue))
        return hits


def _matches(words: tuple[str, ...], forms: list[frozenset[str]], i: int) -> bool:
    fits = i + len(words) <= len(forms)
    return fits and all(word in forms[i + k] for k, word in enumerate(words) if k)


@functools.cache
def default_lexicon() -> ContextLexicon:
    """The packaged contexts.tsv, read once per process."""
    text = resources.files("newsevents.data").joinpath("contexts.tsv").read_text("utf-8")
    return ContextLexicon.from_tsv(text)


@functools.cache
def cameo_table() -> dict[str, tuple[str, ...]]:
    """CAMEO code -> implied contexts (codes mapped to nothing have an empty tuple)."""
    table: dict[str, list[str]] = {}
    for block in re.split(r"\n(?=\w+:)", _CAMEO_TABLE.strip()):
        name, _, codes = block.partition(":")
        for code in codes.split():
            table.setdefault(code, [])
            if name != "none":
                table[code].append(name)
    return {code: tuple(names) for code, names in table.items()}


def implied_contexts(event_type: str, cameo: str | None, mode: str | None) -> tuple[str, ...]:
    """Contexts the CAMEO code (or its parent) and the PLOVER mode imply."""
    table = cameo_table()
    code = (cameo or "").strip()
    if len(code) == 2:
        code += "0"
    found = table.get(code)
    if found is None and len(code) == 4:
        found = table.get(code[:3])
    by_mode = _MODE_CONTEXTS.get((event_type, mode or ""))
    return tuple(dict.fromkeys((*(found or ()), *([by_mode] if by_mode else []))))


def tally(hits: Iterable[Hit]) -> dict[str, Stats]:
    """Per-context evidence of a list of hits."""
    stats: dict[str, Stats] = {}
    for hit in hits:
        stats.setdefault(hit.cue.context, Stats()).add(hit.cue)
    return stats


def document_contexts(stats: Mapping[str, Stats]) -> dict[str, float]:
    """Contexts prominent across a document: enough distinct cues and among the top ones."""
    ranked = sorted(stats.items(), key=lambda kv: (-kv[1].score, kv[0]))[:DOCUMENT_TOP]
    return {
        context: s.score
        for context, s in ranked
        if len(s.cues) >= DOCUMENT_MIN_CUES and s.score >= s.counter / 2
    }


def decide(
    sentence: Mapping[str, Stats],
    paragraph: Mapping[str, Stats],
    document: Mapping[str, float],
    implied: Iterable[str] = (),
) -> tuple[str, ...]:
    """Rank the contexts of one event: sentence cues, implied, paragraph, document. A context
    whose counter-cues outweigh its cues in the sentence is left out at every level."""
    vetoed = {context for context, stats in sentence.items() if stats.vetoed}
    strength: dict[str, float] = {}
    evidence = [(c, 3 * s.breadth) for c, s in sentence.items() if s.breadth >= SENTENCE_MIN]
    evidence += [(context, IMPLIED_STRENGTH) for context in implied]
    evidence += [(c, s.score) for c, s in paragraph.items() if _recurs(s)]
    evidence += [(c, 1 + min(score, 10) / 10) for c, score in document.items()]
    for context, amount in evidence:
        if context not in vetoed:
            strength[context] = strength.get(context, 0.0) + amount
    ranked = sorted(strength, key=lambda c: (-strength[c], c))
    top = set(ranked[:MAX_CONTEXTS])
    if "crime" in top and "cyber" not in top and _SPECIFIC_CRIME & top:
        ranked.remove("crime")  # the manual: a more specific crime context replaces it
    return tuple(ranked[:MAX_CONTEXTS])


def _recurs(stats: Stats) -> bool:
    """Cues repeated in a paragraph, not outweighed by its counter-cues."""
    return stats.hits >= 2 and stats.score >= PARAGRAPH_MIN and not stats.vetoed


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of article text, separated by blank lines."""
    bounds, start = [], 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        if text[start : m.start()].strip():
            bounds.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


class DocumentContexts:
    """One article's cue hits, scanned once; `for_event` codes each event's context."""

    def __init__(
        self,
        document_text: str,
        paragraphs: Sequence[tuple[int, int]] | None = None,
        *,
        lexicon: ContextLexicon | None = None,
    ) -> None:
        self.text = document_text
        self.hits = (lexicon or default_lexicon()).scan(document_text)
        self._starts = [hit.start for hit in self.hits]
        spans = paragraph_bounds(document_text) if paragraphs is None else paragraphs
        self.paragraphs = sorted(spans)
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self._paragraph_stats: dict[int, dict[str, Stats]] = {}
        self.document = document_contexts(tally(self.hits))

    def stats(self, start: int, end: int) -> dict[str, Stats]:
        """Evidence in the character span [start, end)."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return tally(self.hits[lo:hi])

    def _paragraph(self, start: int, end: int) -> dict[str, Stats]:
        i = bisect.bisect_right(self._paragraph_starts, start) - 1
        if i < 0 or self.paragraphs[i][1] < end:
            return self.stats(start, end)  # no paragraph holds the sentence: use itself
        if i not in self._paragraph_stats:
            self._paragraph_stats[i] = self.stats(*self.paragraphs[i])
        return self._paragraph_stats[i]

    def for_event(
        self,
        sentence_start: int,
        sentence_end: int,
        event_type: str,
        cameo: str | None = None,
        mode: str | None = None,
    ) -> tuple[str, ...]:
        """Contexts of an event whose sentence spans [sentence_start, sentence_end)."""
        return decide(
            self.stats(sentence_start, sentence_end),
            self._paragraph(sentence_start, sentence_end),
            self.document,
            implied_contexts(event_type, cameo, mode),
        )


@functools.lru_cache(maxsize=16)
def _document(document: str) -> dict[str, float]:
    return document_contexts(tally(default_lexicon().scan(document)))


def code_context(
    sentence: str,
    paragraph: str,
    document: str,
    *,
    event_type: str,
    cameo: str | None = None,
    mode: str | None = None,
) -> tuple[str, ...]:
    """Contexts of one event from its sentence, paragraph and document text (the document's
    evidence is cached, so calling this per event of one article is cheap)."""
    lexicon = default_lexicon()
    return decide(
        tally(lexicon.scan(sentence)),
        tally(lexicon.scan(paragraph)),
        _document(document),
        implied_contexts(event_type, cameo, mode),
    )
