"""The ``newsdossier_timex`` spaCy component: a thin wrapper over :func:`find_timexes`.

Reads the DCT from ``doc.user_data["dct"]`` (``None`` when the source states none), writes the
span group ``doc.spans["timex"]`` and hangs each :class:`~newsdossier.model.Timex` on
``span._.timex``. Works on ``spacy.blank("en")`` docs; sentence bounds are used when present.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from newsdossier.model import Timex
from newsdossier.nlp import extensions
from newsdossier.nlp.timex import find_timexes
from newsdossier.nlp.timex.lexicon import load

SPAN_KEY = "timex"


class TimexTagger:
    """Reads ``doc.text`` and ``doc.user_data["dct"]``; writes ``doc.spans[span_key]`` and ``span._.timex``."""

    def __init__(self, name: str = "newsdossier_timex", span_key: str = SPAN_KEY) -> None:
        self.name = name
        self.span_key = span_key
        extensions.register()

    def initialize(self, get_examples=None, nlp: Language | None = None) -> None:  # noqa: ANN001 - spaCy's signature
        """Load and compile the rules now rather than on the first document."""
        load()

    def __call__(self, doc: Doc) -> Doc:
        dct = doc.user_data.get(extensions.DCT_KEY)
        self.write(doc, find_timexes(doc, dct))
        return doc

    def write(self, doc: Doc, timexes: Iterable[Timex]) -> None:
        spans = []
        for timex in timexes:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            span._.timex = timex
            spans.append(span)
        doc.spans[self.span_key] = spans


@Language.factory("newsdossier_timex", default_config={"span_key": SPAN_KEY})
def make_timex_tagger(nlp: Language, name: str, span_key: str) -> TimexTagger:
    return TimexTagger(name=name, span_key=span_key)
