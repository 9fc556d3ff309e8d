"""Quotes: direct quotations and indirect speech with speaker and cue (``find_quotes``), and the
``newsdossier_quotes`` spaCy component (registered when :mod:`.component` is imported)."""

from __future__ import annotations

from newsdossier.nlp.quotes.find import Attribution, find_quotes
from newsdossier.nlp.quotes.marks import Quoted, find_quoted

__all__ = ["Attribution", "Quoted", "find_quoted", "find_quotes"]
