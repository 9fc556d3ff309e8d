"""Precision, recall and F1 from counts: the one formula every evaluation uses."""

from __future__ import annotations

import pytest

from newsdossier.evaluate.metrics import prf


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((3, 4, 3, 6), (0.75, 0.5, 0.6)),
        ((3, 4, None, 6), (0.75, 0.5, 0.6)),
        ((0, 0, 0, 5), (0.0, 0.0, 0.0)),
        ((0, 5, 0, 0), (0.0, 0.0, 0.0)),
        ((2, 2, 2, 2), (1.0, 1.0, 1.0)),
        ((2, 3, 1, 4), (2 / 3, 0.25, 2 * (2 / 3) * 0.25 / (2 / 3 + 0.25))),
    ],
)
def test_prf_from_counts(args, expected) -> None:
    assert prf(*args) == pytest.approx(expected)
