"""Parse pre-tokenised text as the running text it was cut from.

Corpora in the CoNLL and Penn Treebank tradition store a sentence as its tokens joined by
single spaces: "Kurds said Baghdad ’ s forces , backed by rebel - held towns , attacked ."
A spaCy pipeline parses that badly. Its models read, beside each token's letters, whether
a space follows the token (the `SPACY` feature), and in running text no space comes before
a comma or after "rebel" in "rebel-held"; worse, the detached possessive "’ s" is two
tokens, an apostrophe and a letter "s", that the models never saw, and the parse around
it falls apart ("Theresa May ’ s offer" read "s" as a subject and "offer" as a verb).

Two components fix that without changing a character of the text, so that every offset
stays the article's:

- `newsevents_pretokenised_view`, first in the pipeline, decides whether a doc is
  pre-tokenised (most of its closing punctuation has a space before it), rejoins a
  detached "’ s" or "' s", an abbreviation split from its period ("Nov . 2"), a number
  split at its thousands ("1 , 086") and initials split from their periods ("U . S")
  into one token whose lexical features are those of "’s", "Nov.", "1,086" or "U.S",
  and shows the statistical components the spacing of the running text (kept for the
  coder, `newsevents.coding.syntax.space_after`);
- `newsevents_pretokenised_restore`, last, puts the text's own spacing back.

A doc of running text is left exactly as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.attrs import SPACY
from spacy.language import Language

from newsevents.coding.dates import MONTHS
from newsevents.coding.syntax import RUNNING_SPACING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

VIEW = "newsevents_pretokenised_view"
RESTORE = "newsevents_pretokenised_restore"
_SAVED = "newsevents_pretokenised_spacing"  # the text's own spacing, while the view is on

# No space before these in running text, none after the openers.
_CLOSERS = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "’", "''"})
_CLITICS = frozenset(
    mark + rest for mark in ("'", "’") for rest in ("s", "re", "ve", "ll", "d", "m")
) | {"n't", "n’t"}
_OPENERS = frozenset({"(", "[", "{", "$", "“", "``"})
_APOSTROPHES = ("’", "'")
# Punctuation whose spacing decides whether a doc is pre-tokenised.
_TELLING = frozenset({",", ".", ";", ":", "!", "?", ")"})


def install(nlp: Language) -> None:
    """Put the view first and the restoring component last, once."""
    if VIEW in nlp.pipe_names:
        return
    for clitic in ("n’t", "n't", "N’T", "N'T"):
        # a detached "n’t" ("did n’t") reads as "not", as spaCy's own split of "didn’t" does
        nlp.vocab[clitic].norm_ = "not"
    nlp.add_pipe(VIEW, first=True)
    nlp.add_pipe(RESTORE, last=True)


def teach(vocab: Vocab, word: str, like: str) -> None:
    """Give `word` the lexical features of `like`, which are what the models embed: a
    rejoined token ("’ s", "Nov .") those of the token running text has ("’s", "Nov."),
    a hyphenated word kept whole ("sit-in") those of a plain word of its kind."""
    lexeme, model = vocab[word], vocab[like]
    lexeme.norm_ = model.norm_
    lexeme.prefix_ = model.prefix_
    lexeme.suffix_ = model.suffix_
    lexeme.shape_ = model.shape_
    lexeme.like_num = model.like_num  # "1 , 086" counts as "1,086" does


def is_pretokenised(doc: Doc) -> bool:
    """True when most of the doc's sentence punctuation has a space before it."""
    detached = attached = 0
    for token in doc[1:]:
        if token.text in _TELLING:
            if doc[token.i - 1].whitespace_:
                detached += 1
            else:
                attached += 1
    return detached > attached


def _rejoins(doc: Doc, abbreviations: frozenset[str]) -> list[tuple[int, int, str]]:
    """Where a tokeniser split running text's single tokens apart, as [start, end) and the
    joined form: an apostrophe and a lone "s" ("May ’ s"), an abbreviation and its period
    ("Nov . 2"), a number and its thousands ("1 , 086"), initials and their periods
    ("U . S", "T . P . L . F")."""
    found: list[tuple[int, int, str]] = []
    last = len(doc) - 1
    i = 0
    while i < last:
        token, after = doc[i], doc[i + 1]
        end = _thousands_end(doc, i) or _initials_end(doc, i)
        if end is not None:
            found.append((i, end, "".join(t.text for t in doc[i:end])))
            i = end
            continue
        if (
            i > 0
            and token.text in _APOSTROPHES
            and token.whitespace_
            and after.lower_ == "s"
            and not doc[i - 1].is_punct
        ):
            found.append((i, i + 2, token.text + after.text))
            i += 2
            continue
        if (
            after.text == "."
            and after.i < last  # not the sentence's own full stop
            and token.whitespace_
            and token.text in abbreviations
        ):
            found.append((i, i + 2, token.text + "."))
            i += 2
            continue
        i += 1
    return found


def _thousands_end(doc: Doc, i: int) -> int | None:
    """The end of a number written with detached thousands separators: "720 , 000"."""
    token = doc[i]
    if not (token.is_digit and len(token) <= 3) or (i > 0 and doc[i - 1].text == ","):
        return None  # (not "in 2019 , 300 people", nor a list "3 , 4 , 500")
    if i > 0 and doc[i - 1].lower_.rstrip(".") in MONTHS:
        return None  # a day and a count: "On May 5 , 300 protesters marched"
    end = i + 1
    while (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end - 1].whitespace_
        and doc[end + 1].is_digit
        and len(doc[end + 1]) == 3
    ):
        end += 2
    return end if end > i + 1 else None


def _initials_end(doc: Doc, i: int) -> int | None:
    """The end of initials written with detached periods: "U . S", "T . P . L . F"."""
    if not _initial(doc[i]) or (i > 0 and doc[i - 1].text == "."):
        return None
    end = i + 1
    while end + 1 < len(doc) and doc[end].text == "." and _initial(doc[end + 1]):
        if doc[end + 1].text in ("A", "I") and not _closes(doc, end + 2):
            break  # the next sentence's first word: "in Area C . A man was shot"
        end += 2
    if end == i + 1:
        return None
    if end + 1 < len(doc) and doc[end].text == "." and not doc[end + 1].is_title:
        end += 1  # their own last period, not a full stop: "T . P . L . F . )"
    return end


def _closes(doc: Doc, i: int) -> bool:
    """Punctuation at `i`, or the doc's end: what may follow the last of some initials."""
    return i >= len(doc) or doc[i].is_punct


def _initial(token: Token) -> bool:
    return len(token) == 1 and token.is_upper and token.is_alpha


def _rejoin(doc: Doc, abbreviations: frozenset[str]) -> None:
    found = _rejoins(doc, abbreviations)
    if not found:
        return
    with doc.retokenize() as retokenizer:
        for start, end, attached in found:
            span = doc[start:end]
            teach(doc.vocab, span.text, attached)
            retokenizer.merge(span)


def _word(text: str) -> bool:
    return text[:1].isalnum()


def running_spacing(doc: Doc) -> Any:
    """Whether a space follows each token (1) or not (0) in the running text the doc was
    cut from: a one-dimensional array, the form `Doc.to_array(SPACY)` gives."""
    spacing = doc.to_array(SPACY).copy()
    last = len(doc) - 1
    for token in doc:
        i = token.i
        if not spacing[i]:
            continue
        text = token.text
        after = doc[i + 1] if i < last else None
        if text in _OPENERS:
            spacing[i] = 0
        elif after is None:
            continue
        elif after.text in _CLOSERS or after.text in _CLITICS or after.norm_ in _CLITICS:
            spacing[i] = 0
        elif after.text == "-" and _word(text) and i + 2 <= last and doc[i + 2].text[:1].islower():
            # "rebel - held": spaCy splits "rebel-held" with no spaces (not "UPDATE 2 - Russia")
            spacing[i] = 0
            spacing[i + 1] = 0
    return spacing


@Language.factory(VIEW)
def _make_view(nlp: Language, name: str) -> RunningTextView:
    return RunningTextView(nlp)


class RunningTextView:
    """Rejoins split tokens and shows the models the spacing of running text."""

    def __init__(self, nlp: Language) -> None:
        # abbreviations the tokeniser keeps whole with their period ("Nov.", "Gen.")
        rules = getattr(nlp.tokenizer, "rules", None) or {}
        self.abbreviations = frozenset(
            key[:-1] for key in rules if len(key) > 2 and key.endswith(".") and "." not in key[:-1]
        )

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2 or not is_pretokenised(doc):
            return doc
        _rejoin(doc, self.abbreviations)
        doc.user_data[_SAVED] = doc.to_array(SPACY)
        running = running_spacing(doc)
        doc.user_data[RUNNING_SPACING] = running  # kept for the coder: `space_after`
        doc.from_array([SPACY], running)
        return doc


@Language.component(RESTORE)
def restore_spacing(doc: Doc) -> Doc:
    """Put back the spacing of the text itself, so that `doc.text` is the input again."""
    own = doc.user_data.pop(_SAVED, None)
    if own is not None:
        doc.from_array([SPACY], own)
    return doc
