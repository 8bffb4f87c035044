"""Faster stand-ins, with identical output, for two rule components of spaCy pipelines.

In `en_core_web_sm` the `attribute_ruler` (tag -> POS and morphology, plus word
exceptions) and the rule `lemmatizer` take about a fifth of parse time: both walk the
tokens one at a time in Python and run the Matcher or the suffix rules again for words they
have already seen. The versions here read the same tables from the loaded components and
give each distinct token signature its answer once:

- `CompiledRuler`: every pattern of the ruler compiled to tests of a token's signature
  (TAG, LOWER, DEP, IS_SPACE); what a signature matches is cached (its one-token rules and
  the longer patterns it may start), and matches apply in the ruler's order (a later rule
  wins), as `AttributeRuler.set_annotations` does.
- `CachedLemmatizer`: the component's own `lemmatize` asked once per (ORTH, POS, MORPH),
  the key spaCy's rule lemmatizer caches on; tokens that already have a lemma keep it
  unless the component overwrites.

`install` swaps them in only when every pattern and setting is one they reproduce; anything
else keeps spaCy's component. The lemma cache holds string hashes, so the pipeline must not
be used inside `nlp.memory_zone()`. The swapped pipeline is for use in the process that
loaded it: patterns added to the ruler afterwards are not seen, and it is neither saved nor
pickled (the local runner's workers each load their own). `tests/unit/test_rulepipes.py` checks
the outputs are equal token for token.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Token attributes a compiled pattern may test, and their column in the signature.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_SIGNATURE = [TAG, LOWER, DEP, IS_SPACE]
_WRITTEN = (TAG, POS, MORPH, LEMMA)  # attributes written column-wise with Doc.from_array
_SETTABLE = frozenset({*_WRITTEN, DEP})  # DEP (a token attribute) is set token by token
CACHE_LIMIT = 200_000  # entries; a cache is emptied when it grows past this


class Unsupported(Exception):
    """A pattern or setting the compiled versions do not reproduce."""


def _predicate(key: str, value: Any) -> Callable[[tuple[int, ...], Any], bool]:
    """One key of a Matcher token pattern as a test of a token signature."""
    if key not in _COLUMNS:
        raise Unsupported(key)
    col = _COLUMNS[key]
    if key == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"{key}={value!r}")
        return lambda sig, _strings: bool(sig[col]) is value
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda sig, _strings: sig[col] == wanted
    if isinstance(value, dict) and len(value) == 1:
        [(op, arg)] = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            ids = frozenset(get_string_id(v) for v in arg)
            if op == "IN":
                return lambda sig, _strings: sig[col] in ids
            return lambda sig, _strings: sig[col] not in ids
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda sig, strings: bool(regex.search(strings[sig[col]]))
    raise Unsupported(f"{key}={value!r}")


def _token_test(pattern: dict[str, Any]) -> Callable[[tuple[int, ...], Any], bool]:
    tests = [_predicate(k, v) for k, v in pattern.items()]
    return lambda sig, strings: all(test(sig, strings) for test in tests)


@dataclass(frozen=True, slots=True)
class _LongPattern:
    rule: int
    index: int  # which token of the match gets the attributes
    tests: tuple[Callable[[tuple[int, ...], Any], bool], ...]


class CompiledRuler:
    """An `AttributeRuler` whose patterns are compiled and whose matches are cached."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        if any(set(attrs) - _SETTABLE for attrs in ruler.attrs):
            # extension ("_") or lexeme attributes apply rule by rule to the whole Doc in
            # spaCy; merging them per token could differ
            raise Unsupported("attributes other than TAG, POS, MORPH, LEMMA, DEP")
        self.attrs = ruler.attrs
        # Token tests: one-token patterns (rule, test) and the first token of longer ones.
        self.tests: list[tuple[Callable[[tuple[int, ...], Any], bool], int, int]] = []
        self.long_patterns: list[_LongPattern] = []
        # tests indexed by a TAG or LOWER they require, so a new signature is tried only
        # against the few that can match it
        self.by_tag: dict[int, list[int]] = {}
        self.by_lower: dict[int, list[int]] = {}
        self.anywhere: list[int] = []
        for rule in range(len(ruler.attrs)):
            _, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                if not pattern or any(not isinstance(t, dict) or "OP" in t for t in pattern):
                    raise Unsupported("operators")
                if len(pattern) == 1 and ruler.indices[rule] not in (0, -1):
                    raise Unsupported("index outside a one-token pattern")  # spaCy raises
                multi = -1
                if len(pattern) > 1:
                    multi = len(self.long_patterns)
                    self.long_patterns.append(_long_pattern(rule, ruler.indices[rule], pattern))
                self._index(len(self.tests), pattern[0])
                self.tests.append((_token_test(pattern[0]), rule, multi))
        # signature -> (rules of its one-token patterns, longer patterns it may start)
        self._found: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        self._others: dict[tuple[int, ...], dict[int, int]] = {}

    def _index(self, number: int, pattern: dict[str, Any]) -> None:
        for key, index in (("TAG", self.by_tag), ("LOWER", self.by_lower)):
            value = pattern.get(key)
            if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
                values = value["IN"]
            elif isinstance(value, str):
                values = [value]
            else:
                continue
            for v in values:
                index.setdefault(get_string_id(v), []).append(number)
            return
        self.anywhere.append(number)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return self.ruler(doc)  # signatures need both; spaCy's own handles the rest
        rows = [tuple(r) for r in doc.to_array(_SIGNATURE).tolist()]
        if len(self._found) > CACHE_LIMIT:
            self._found.clear()
        per_token: list[tuple[int, ...]] = []
        extra: list[tuple[int, int]] = []
        for start, sig in enumerate(rows):
            rules, starts = self._find(sig)
            per_token.append(rules)
            for number in starts:
                extra.extend(self._long_match(self.long_patterns[number], rows, start))
        for position, rule in extra:
            per_token[position] = tuple(sorted({*per_token[position], rule}))
        self._apply(doc, per_token)
        return doc

    def _find(self, sig: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        found = self._found.get(sig)
        if found is None:
            numbers = {*self.by_tag.get(sig[0], ()), *self.by_lower.get(sig[1], ())}
            rules, starts = set(), []
            for number in sorted(numbers.union(self.anywhere)):
                test, rule, multi = self.tests[number]
                if test(sig, self.strings):
                    if multi < 0:
                        rules.add(rule)
                    else:
                        starts.append(multi)
            found = self._found[sig] = (tuple(sorted(rules)), tuple(starts))
        return found

    def _long_match(
        self, multi: _LongPattern, rows: Sequence[tuple[int, ...]], start: int
    ) -> list[tuple[int, int]]:
        window = rows[start : start + len(multi.tests)]
        if len(window) < len(multi.tests):
            return []
        if all(
            test(sig, self.strings) for test, sig in zip(multi.tests[1:], window[1:], strict=True)
        ):
            return [(start + multi.index % len(multi.tests), multi.rule)]
        return []

    def _merged_attrs(self, rules: tuple[int, ...]) -> list[tuple[int, int]]:
        """(column, value) pairs the rules write into the four columns; later rules win."""
        merged = self._merged.get(rules)
        if merged is None:
            values: dict[int, int] = {}
            for rule in rules:
                values.update(self.attrs[rule])
            merged = [(col, values[a]) for col, a in enumerate(_WRITTEN) if a in values]
            self._others[rules] = {k: v for k, v in values.items() if k not in _WRITTEN}
            self._merged[rules] = merged
        return merged

    def _apply(self, doc: Doc, per_token: list[tuple[int, ...]]) -> None:
        table: Any = doc.to_array(list(_WRITTEN))  # uint64 hashes
        others: list[tuple[int, dict[int, int]]] = []
        for i, rules in enumerate(per_token):
            if not rules:
                continue
            for col, value in self._merged_attrs(rules):
                table[i, col] = value
            if self._others[rules]:
                others.append((i, self._others[rules]))
        doc.from_array(list(_WRITTEN), table)
        for i, attrs in others:  # attributes outside the four columns, token by token
            set_token_attrs(doc[i], attrs)


def _long_pattern(rule: int, index: int, pattern: list[dict[str, Any]]) -> _LongPattern:
    if not -len(pattern) <= index < len(pattern):
        raise Unsupported("index outside its pattern")
    return _LongPattern(rule, index, tuple(_token_test(t) for t in pattern))


class CachedLemmatizer:
    """A rule or lookup `Lemmatizer` asked once per (ORTH, POS, MORPH)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode not in ("rule", "lookup"):
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self._cache: dict[tuple[int, int, int], int] = {}
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lemmatizer = self.lemmatizer
        if not lemmatizer._validated:
            lemmatizer._validate_tables()
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
            lemmatizer.cache.clear()  # spaCy's own, which never shrinks
        table: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not lemmatizer.overwrite:
                continue
            key = (orth, pos, morph)
            found = self._cache.get(key)
            if found is None:
                found = self._cache[key] = self.strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The rule lemmatizer asks `form in index` of word lists of up to 57k entries (a scan
    each time, about 0.1 ms a new word); a frozenset answers the same question at once.
    The lists are used for nothing else, and this copy of the component is never saved."""
    if lemmatizer.mode != "rule" or not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def install(nlp: Language) -> list[str]:
    """Swap the compiled versions in for the components they reproduce; returns the names
    of the components replaced."""
    replaced = []
    for name, component in list(nlp.pipeline):
        fast: CompiledRuler | CachedLemmatizer | None = None
        try:
            if type(component) is AttributeRuler:
                fast = CompiledRuler(component)
            elif isinstance(component, Lemmatizer) and _plain_lemmatizer(component):
                fast = CachedLemmatizer(component)
        except Unsupported as why:
            log.debug("keeping spaCy's %s: %s", name, why)
            fast = None
        if fast is not None:
            _replace(nlp, name, fast)
            replaced.append(name)
    log.debug("compiled rule components: %s", replaced or "none")
    return replaced


def _plain_lemmatizer(component: Lemmatizer) -> bool:
    """Only spaCy's own lemmatizer classes, whose answer depends on the cache key alone."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    return type(component) in (Lemmatizer, EnglishLemmatizer)


_FACTORY = "newsevents_compiled_rules"


@Language.factory(_FACTORY)
def _make_placeholder(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Registered so that `replace_pipe` accepts our component; `_replace` fills it in."""
    return _Holder()


class _Holder:
    """A pipeline slot that runs the compiled component put in it."""

    def __init__(self) -> None:
        self.inner: Callable[[Doc], Doc] | None = None

    def __call__(self, doc: Doc) -> Doc:
        assert self.inner is not None
        return self.inner(doc)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        assert self.inner is not None
        for doc in docs:
            yield self.inner(doc)


def _replace(nlp: Language, name: str, fast: CompiledRuler | CachedLemmatizer) -> None:
    holder = nlp.replace_pipe(name, _FACTORY)
    assert isinstance(holder, _Holder)
    holder.inner = fast
