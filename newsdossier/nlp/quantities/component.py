"""The spaCy component: a thin wrapper that writes :func:`find_quantities` into ``doc.spans["quantities"]``.

Reads ``doc.spans["timex"]`` (when the temporal tagger ran before it) and ``doc.user_data["dct"]``;
writes ``doc.spans["quantities"]`` with each span's ``span._.quantity`` set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsdossier.model import Quantity
from newsdossier.nlp import extensions
from newsdossier.nlp.quantities.find import find_quantities

SPAN_KEY = "quantities"


class QuantityTagger:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        return write_quantities(doc, list(find_quantities(doc)))


def write_quantities(doc: Doc, quantities: list[Quantity]) -> Doc:
    """Put the quantities in ``doc.spans["quantities"]`` (token-aligned, expanded to whole tokens)."""
    spans = []
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        span._.quantity = q
        spans.append(span)
    doc.spans[SPAN_KEY] = spans
    return doc


@Language.factory(
    "newsdossier_quantities",
    assigns=["doc.spans"],  # doc.spans["quantities"]
    requires=[],
    retokenizes=False,
)
def make_quantity_tagger(nlp: Language, name: str) -> QuantityTagger:
    return QuantityTagger(nlp, name)
