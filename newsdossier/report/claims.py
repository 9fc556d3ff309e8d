"""The claims: each measured quantity, what every source says it is, and whether they agree."""

from __future__ import annotations

from newsdossier.model import Claim, Dossier
from newsdossier.report.html import badge, esc, extras, number, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("subject", "values", "status", "independent_sources")
VALUE_FIELDS = ("doc", "text", "low", "high", "unit", "qualifier", "start", "end")


def render_claims(d: Dossier) -> str:
    refs = Refs(d)
    cards = "".join(_claim(i, claim, refs) for i, claim in enumerate(d.claims))
    return section("claims", "Claims", len(d.claims), cards)


def _claim(i: int, claim: Claim, refs: Refs) -> str:
    rows = "".join(
        f"<tr><td>{refs.cite(v.doc, v.start, v.end, anchor('c', i, j), v.text)}{extras(v, VALUE_FIELDS)}</td>"
        f"<td>{esc(v.qualifier)}</td><td class=\"num\">{_range(v.low, v.high)}</td><td>{esc(v.unit)}</td></tr>"
        for j, v in enumerate(claim.values)
    )
    sources = f"{claim.independent_sources} independent source{'s' if claim.independent_sources != 1 else ''}"
    return (
        f'<div class="card claim s-{esc(claim.status)}"><h3>{esc(claim.subject)} {badge(claim.status)}'
        f' <span class="muted small">{sources}</span></h3>'
        '<table><thead><tr><th>in the source\'s words</th><th>qualifier</th><th>value</th><th>unit</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>{extras(claim, SHOWN_FIELDS)}</div>"
    )


def _range(low: float | None, high: float | None) -> str:
    if low is not None and low == high:
        return number(low)
    if low is None and high is None:
        return "—"
    return f"{number(low) if low is not None else '…'} – {number(high) if high is not None else '…'}"
