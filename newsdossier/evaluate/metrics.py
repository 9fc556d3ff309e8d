"""The one place that turns match counts into precision, recall and F1."""

from __future__ import annotations


def prf(hits_system: int, system: int, hits_gold: int | None = None, gold: int = 0) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where a denominator is 0.

    ``hits_system`` system items that match, of ``system``; ``hits_gold`` gold items matched, of
    ``gold`` (the same as ``hits_system`` for one-to-one matching, the default).
    """
    hits_gold = hits_system if hits_gold is None else hits_gold
    p = hits_system / system if system else 0.0
    r = hits_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
