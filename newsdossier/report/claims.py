"""The claims: each measured quantity, what every source says it is, and whether they agree.

Each value's interval is drawn on an axis shared by all values of its claim, so a reader sees at a
glance which figures overlap (agree) and which cannot both be true (conflict).
"""

from __future__ import annotations

from newsdossier.model import Claim, ClaimValue, Dossier
from newsdossier.report.html import badge, esc, extras, number, plural, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("subject", "values", "status", "independent_sources", "updates")
VALUE_FIELDS = ("doc", "text", "low", "high", "unit", "qualifier", "start", "end", "bounds", "scope", "update")

AXIS_WIDTH = 160  # px of one value's interval strip; every row of a claim uses the same scale
AXIS_HEIGHT = 14
AXIS_PAD = 0.08  # share of the values' span left free at each end, so points at the extremes stay visible
OPEN_END_ROOM = 0.3  # more room on a side where some interval is open-ended, so its arrow reads as "and beyond"


def render_claims(d: Dossier) -> str:
    refs = Refs(d)
    cards = "".join(_claim(i, claim, refs) for i, claim in enumerate(d.claims))
    return section("claims", "Claims", len(d.claims), cards)


def _claim(i: int, claim: Claim, refs: Refs) -> str:
    domain = axis_domain(claim.values)
    rows = "".join(
        f"<tr><td>{refs.cite(v.doc, v.start, v.end, anchor('c', i, j), v.text)}{extras(v, VALUE_FIELDS)}</td>"
        f'<td>{esc(v.qualifier)}</td><td class="num">{value_range(v)}</td><td>{esc(v.unit)}</td>'
        f'<td class="nowrap">{esc(getattr(v, "scope", None))}{_update_mark(v)}</td>'
        f"<td>{interval_svg(v, domain)}</td></tr>"
        for j, v in enumerate(claim.values)
    )
    updates = ' <span class="muted small">later figures update earlier ones</span>' if getattr(claim, "updates", False) else ""
    return (
        f'<div class="card claim s-{esc(claim.status)}" id="claim-{i}"><h3>{esc(claim.subject)} {badge(claim.status)}'
        f' <span class="muted small">{plural(claim.independent_sources, "independent source")}</span>{updates}</h3>'
        '<table class="values"><colgroup><col class="c-words"><col class="c-qual"><col class="c-value">'
        f'<col class="c-unit"><col class="c-scope"><col style="width:{AXIS_WIDTH + 16}px"></colgroup><thead><tr>'
        "<th>in the source's words</th><th>qualifier</th><th>value</th><th>unit</th><th>as of</th>"
        f"<th>{_axis_labels(domain)}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>{extras(claim, SHOWN_FIELDS)}</div>"
    )


def _update_mark(v: ClaimValue) -> str:
    return ' <span class="badge">update</span>' if getattr(v, "update", False) else ""


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


def axis_domain(values: tuple[ClaimValue, ...]) -> tuple[float, float, float, float] | None:
    """The scale a claim's interval strips share: (left edge, right edge, smallest bound, largest bound),
    padded around the figures; None when no value has a finite bound."""
    finite = [x for v in values for x in (v.low, v.high) if x is not None]
    if not finite:
        return None
    lo, hi = min(finite), max(finite)
    span = (hi - lo) or abs(hi) or 1.0
    room_low = OPEN_END_ROOM if any(v.low is None and v.high is not None for v in values) else AXIS_PAD
    room_high = OPEN_END_ROOM if any(v.high is None and v.low is not None for v in values) else AXIS_PAD
    return lo - room_low * span, hi + room_high * span, lo, hi


def _x(value: float, domain: tuple[float, float, float, float]) -> float:
    left, right = domain[0], domain[1]
    return round(4 + (AXIS_WIDTH - 8) * (value - left) / (right - left), 1)


def _axis_labels(domain: tuple[float, float, float, float] | None) -> str:
    """The smallest and largest figure, written above the strips where they fall."""
    if domain is None:
        return ""
    lo, hi = domain[2], domain[3]
    labels = [lo] if lo == hi else [lo, hi]
    spans = "".join(
        f'<span style="position:absolute;left:{_x(v, domain)}px;transform:translateX(-50%)">{number(_round(v))}</span>'
        for v in labels
    )
    return f'<span class="small muted" style="position:relative;display:block;width:{AXIS_WIDTH}px;height:1.2em">{spans}</span>'


def _round(x: float) -> float:
    return float(f"{x:.4g}")


def interval_svg(v: ClaimValue, domain: tuple[float, float, float, float] | None) -> str:
    """One value's interval on its claim's shared axis: a bar; an arrow where the interval is open-ended;
    a hollow end where a bound is exclusive ("more than 300"); a dot for an exact figure."""
    if domain is None or (v.low is None and v.high is None):
        return ""
    y = AXIS_HEIGHT / 2
    bounds = getattr(v, "bounds", "[]") or "[]"
    left = _x(v.low, domain) if v.low is not None else 1.0
    right = _x(v.high, domain) if v.high is not None else AXIS_WIDTH - 1.0
    marks = [f'<line x1="0" y1="{y}" x2="{AXIS_WIDTH}" y2="{y}" stroke="currentColor" stroke-opacity=".2"/>']
    if v.low is not None and v.low == v.high:
        marks.append(f'<circle cx="{left}" cy="{y}" r="4" fill="currentColor"/>')
    else:
        marks.append(f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="currentColor" stroke-width="3"/>')
        for end, bound, exclusive, side in ((left, v.low, bounds[0] == "(", -1), (right, v.high, bounds[-1] == ")", 1)):
            if bound is None:
                marks.append(
                    f'<path d="M{end - 5 * side} {y - 4} L{end} {y} L{end - 5 * side} {y + 4}" fill="none" '
                    'stroke="currentColor" stroke-width="1.5"/>'
                )
            else:
                fill = "Canvas" if exclusive else "currentColor"
                marks.append(f'<circle cx="{end}" cy="{y}" r="3" fill="{fill}" stroke="currentColor" stroke-width="1.5"/>')
    label = esc(value_range(v).replace("&gt;", ">").replace("&lt;", "<"))
    return (
        f'<svg class="interval" width="{AXIS_WIDTH}" height="{AXIS_HEIGHT}" viewBox="0 0 {AXIS_WIDTH} {AXIS_HEIGHT}" '
        f'role="img" aria-label="{label}"><title>{label}</title>{"".join(marks)}</svg>'
    )
