"""Load the spaCy pipeline once per process and parse articles in batches.

The `Doc` objects made here never leave the NLP and coding stages.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsevents.config import NlpSettings
from newsevents.errors import ModelNotFoundError
from newsevents.nlp.datelines import install as install_datelines
from newsevents.nlp.headlines import install as install_headline_verbs
from newsevents.nlp.pretokenised import install as install_pretokenised_view
from newsevents.nlp.pretokenised import teach
from newsevents.nlp.rulepipes import install as install_compiled_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components the event coder does not read; disabling them saves time.
_UNUSED = ("textcat", "textcat_multilabel", "entity_linker", "spancat")


@functools.cache
def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline by package name or path, once per process."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as e:
        raise ModelNotFoundError(model) from e
    # Size is limited at ingest (max_bytes); the parser must not refuse what got through.
    nlp.max_length = max(nlp.max_length, 50_000_000)
    _keep_whole(nlp)
    install_compiled_rules(nlp)  # same output, a fifth less parse time (see rulepipes)
    install_pretokenised_view(nlp)  # "Baghdad ’ s forces , ..." parsed as running text
    install_datelines(nlp)  # "KAGARA, Nigeria (AFP) - Gunmen ...": the dateline apart
    install_headline_verbs(nlp)  # "Qatar *halts* mediation": the verb a headline drops
    return nlp


# Hyphenated nouns the tokeniser would cut into three words the parser then misreads
# ("staged a *sit* - *in* outside parliament" parsed "in" as a particle, "North Korea
# *test* - *fired* two missiles" a noun "test" and no verb). Kept whole, each
# gets the lexical features of a plain word of its kind, which are what the models embed;
# its own spelling and lemma stay.
_WHOLE_WORDS = {
    "sit-in": "protest",
    "sit-ins": "protests",
    "walk-out": "strike",
    "walk-outs": "strikes",
    "test-fire": "launch",
    "test-fires": "launches",
    "test-fired": "launched",
    "test-firing": "launching",
    "call-up": "mobilisation",
    "call-ups": "mobilisations",
}


def _keep_whole(nlp: Language) -> None:
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokeniser keeps its own rules
    for word, like in _WHOLE_WORDS.items():
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{ORTH: form}])
            teach(nlp.vocab, form, like)


def model_name(nlp: Language) -> str:
    """A versioned name for the pipeline, stored on every run."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def parse_texts(texts: Iterable[str], settings: NlpSettings) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`, in batches."""
    nlp = load_pipeline(settings.model)
    yield from nlp.pipe(texts, batch_size=settings.batch_size)
