"""The claims: each measured quantity, what every source says it is, and whether they agree."""

from __future__ import annotations

from newsdossier.model import Claim, ClaimValue, Dossier
from newsdossier.report.html import badge, esc, extras, number, plural, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("subject", "values", "status", "independent_sources")
VALUE_FIELDS = ("doc", "text", "low", "high", "unit", "qualifier", "start", "end", "bounds", "scope")


def render_claims(d: Dossier) -> str:
    refs = Refs(d)
    cards = "".join(_claim(i, claim, refs) for i, claim in enumerate(d.claims))
    return section("claims", "Claims", len(d.claims), cards)


def _claim(i: int, claim: Claim, refs: Refs) -> str:
    rows = "".join(
        f"<tr><td>{refs.cite(v.doc, v.start, v.end, anchor('c', i, j), v.text)}{extras(v, VALUE_FIELDS)}</td>"
        f'<td>{esc(v.qualifier)}</td><td class="num">{value_range(v)}</td><td>{esc(v.unit)}</td>'
        f'<td class="nowrap">{esc(getattr(v, "scope", None))}</td></tr>'
        for j, v in enumerate(claim.values)
    )
    return (
        f'<div class="card claim s-{esc(claim.status)}" id="claim-{i}"><h3>{esc(claim.subject)} {badge(claim.status)}'
        f' <span class="muted small">{plural(claim.independent_sources, "independent source")}</span></h3>'
        '<table class="values"><colgroup><col class="c-words"><col class="c-qual"><col class="c-value">'
        '<col class="c-unit"><col class="c-scope"></colgroup><thead><tr><th>in the source\'s words</th>'
        "<th>qualifier</th><th>value</th><th>unit</th><th>as of</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{extras(claim, SHOWN_FIELDS)}</div>"
    )


def value_range(v: ClaimValue) -> str:
    """The value as a reader writes it: ``300``, ``> 300``, ``≤ 300``, ``270 – 300``, ``[270, 300)``."""
    low, high = v.low, v.high
    bounds = getattr(v, "bounds", "[]") or "[]"
    low_open, high_open = bounds[0] == "(", bounds[-1] == ")"
    if low is None and high is None:
        return "—"
    if low is not None and low == high:
        return number(low)
    if high is None:
        return f"{'&gt;' if low_open else '≥'} {number(low)}"
    if low is None:
        return f"{'&lt;' if high_open else '≤'} {number(high)}"
    if low_open or high_open:
        return f"{'(' if low_open else '['}{number(low)}, {number(high)}{')' if high_open else ']'}"
    return f"{number(low)} – {number(high)}"
