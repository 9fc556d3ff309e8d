"""The one place that declares newsdossier's spaCy ``._`` extensions. Call :func:`register` explicitly.

Extractor components write spans into named groups (``doc.spans["timex"]``,
``doc.spans["quantities"]``) and hang the stage object on each span: ``span._.timex`` holds a
:class:`~newsdossier.model.Timex`, ``span._.quantity`` a :class:`~newsdossier.model.Quantity`,
``span._.quote`` a :class:`~newsdossier.nlp.quotes.find.Attribution` (in ``doc.spans["quotes"]``).
The document creation time the pipeline should anchor on is ``doc.user_data["dct"]``
(ISO date or datetime string, or ``None`` when the source states none).
"""

from __future__ import annotations

from spacy.tokens import Span

SPAN_EXTENSIONS = ("timex", "quantity", "quote")
DCT_KEY = "dct"


def register() -> None:
    """Attach the extensions (idempotent)."""
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
