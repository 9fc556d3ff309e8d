"""The report's claims section: every value's interval drawn on an axis its claim's values share."""

from __future__ import annotations

import re

import pytest

from newsdossier.model import Claim, ClaimValue, Document, Dossier
from newsdossier.report.claims import axis_domain, interval_svg, render_claims

TEXT = "The army liberated more than 300 settlements. Others say 5 cities, 4 towns, and 286 villages."


def _value(low, high, bounds="[]", text="x", update=False) -> ClaimValue:
    return ClaimValue("a", text, low, high, None, None, 0, 1, bounds=bounds, update=update)


@pytest.mark.parametrize(
    "value, expected",
    [
        (_value(295, 295), ["<circle"]),  # an exact figure is a dot
        (_value(300, None, "(]"), ["<path", 'fill="Canvas"']),  # open-ended: an arrow; exclusive: a hollow end
        (_value(270, 300, "[)"), ['fill="currentColor"', 'fill="Canvas"']),
        (_value(None, 40), ["<path"]),
    ],
)
def test_interval_svg_draws_bounds_as_written(value, expected):
    svg = interval_svg(value, axis_domain((value, _value(0, 500))))
    assert svg.startswith('<svg class="interval"')
    for part in expected:
        assert part in svg


def test_interval_svg_nothing_to_draw():
    assert interval_svg(_value(None, None), None) == ""
    assert axis_domain((_value(None, None),)) is None


def test_render_claims_draws_one_interval_per_value_on_one_scale():
    doc = Document("a", "a.txt", None, None, None, None, None, TEXT)
    claim = Claim(
        "settlements liberated",
        (
            ClaimValue("a", "more than 300 settlements", 300, None, None, "more than", 19, 44, bounds="(]"),
            ClaimValue("a", "5 cities, 4 towns, and 286 villages", 295, 295, None, None, 57, 93),
        ),
        "conflict",
        2,
    )
    html = render_claims(Dossier(documents=(doc,), claims=(claim,)))
    assert html.count('<svg class="interval"') == 2
    dots = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', html)]
    assert dots and max(dots) < 160  # 295 and 300 sit inside the shared axis


def test_render_claims_marks_updates():
    doc = Document("a", "a.txt", None, None, None, None, None, TEXT)
    claim = Claim(
        "deaths",
        (_value(40, 40, text="40"), _value(63, 63, text="63", update=True)),
        "agree",
        2,
        updates=True,
    )
    html = render_claims(Dossier(documents=(doc,), claims=(claim,)))
    assert "update" in html and "later figures update earlier ones" in html
