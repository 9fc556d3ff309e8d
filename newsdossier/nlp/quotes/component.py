"""The ``newsdossier_quotes`` spaCy component: a thin wrapper over :func:`find_quotes`.

Reads tokens, sentence bounds and ``doc.ents`` (run it after the NER); writes the span group
``doc.spans["quotes"]`` (one span per quoted or reported content) with each span's
``span._.quote`` set to an :class:`~newsdossier.nlp.quotes.find.Attribution`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from newsdossier.nlp import extensions
from newsdossier.nlp.quotes.find import Attribution, find_quotes
from newsdossier.nlp.quotes.lexicon import load

SPAN_KEY = "quotes"


class QuoteTagger:
    """Reads ``doc.ents`` and sentence bounds; writes ``doc.spans[span_key]`` and ``span._.quote``."""

    def __init__(self, name: str = "newsdossier_quotes", span_key: str = SPAN_KEY) -> None:
        self.name = name
        self.span_key = span_key

    def initialize(self, get_examples=None, nlp: Language | None = None) -> None:  # noqa: ANN001 - spaCy's signature
        """Load the word lists now rather than on the first document."""
        extensions.register()
        load()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        self.write(doc, find_quotes(doc))
        return doc

    def write(self, doc: Doc, quotes: Iterable[Attribution]) -> None:
        spans = []
        for quote in quotes:
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None:
                continue
            span._.quote = quote
            spans.append(span)
        doc.spans[self.span_key] = spans


@Language.factory(
    "newsdossier_quotes",
    default_config={"span_key": SPAN_KEY},
    assigns=["doc.spans"],  # doc.spans["quotes"]
    requires=["doc.ents", "doc.sents"],
    retokenizes=False,
)
def make_quote_tagger(nlp: Language, name: str, span_key: str) -> QuoteTagger:
    return QuoteTagger(name=name, span_key=span_key)
