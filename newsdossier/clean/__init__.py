"""Cleaning scraped text: page furniture out, metadata (title, date, author, outlet) in.

``clean_record(record, stats)`` turns one :class:`~newsdossier.model.RawRecord` into a
:class:`~newsdossier.model.Document` (or a :class:`~newsdossier.model.Rejection` when nothing of an
article is left); ``CorpusStats.from_texts(texts)`` is computed once per corpus beforehand so that
lines repeated across many documents are recognised as templates.
"""

from __future__ import annotations

from newsdossier.clean.document import clean_record
from newsdossier.clean.normalize import normalize_text
from newsdossier.clean.stats import CorpusStats

__all__ = ["CorpusStats", "clean_record", "normalize_text"]
