"""Quantities: numbers with bounds, unit, counted thing and predicate (``find_quantities``), and the
``newsdossier_quantities`` spaCy component (registered when :mod:`.component` is imported)."""

from __future__ import annotations

from newsdossier.nlp.quantities.find import find_quantities
from newsdossier.nlp.quantities.numbers import read_number

__all__ = ["find_quantities", "read_number"]
