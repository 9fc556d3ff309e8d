"""The copy groups in the HTML report: aligned sentences side by side, differences marked."""

from __future__ import annotations

import pytest

from newsdossier.report.duplicates import marked_differences


@pytest.mark.parametrize(
    ("a", "b", "expected_a", "expected_b"),
    [
        ("Same words here.", "same words here.", "Same words here.", "same words here."),
        ("Police said on Monday.", "Police stated on Monday.",
         'Police <mark class="k-diff">said</mark> on Monday.', 'Police <mark class="k-diff">stated</mark> on Monday.'),
        ("A <b> c.", "A <b> c, d.", "A &lt;b&gt; c.", 'A &lt;b&gt; c<mark class="k-diff">, d</mark>.'),
    ],
)
def test_marked_differences_marks_words_one_side_lacks(a: str, b: str, expected_a: str, expected_b: str) -> None:
    assert marked_differences(a, b) == (expected_a, expected_b)
