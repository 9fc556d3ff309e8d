"""The timeline: dated events in order, each with its status, sources and the exact words that date it.

Above the list, a drawn overview (inline SVG, no script): one dot per event, coloured by status,
sized by its sources, intervals as bars and a conflict's other dates as dashed links to hollow
dots; each dot links to its event in the list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence

from newsdossier.model import Dossier, TimelineEntry
from newsdossier.report.html import badge, esc, extras, plural, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("date", "end", "summary", "sources", "evidence", "status", "alternatives", "evidence_dates")
EVIDENCE_SHOWN = 3  # passages listed open per event; the rest fold away (events dated by many sources get long)


def render_timeline(d: Dossier) -> str:
    refs = Refs(d)
    items = "".join(_entry(i, entry, refs) for i, entry in enumerate(d.timeline))
    body = f'{timeline_svg(d.timeline)}<ol class="timeline">{items}</ol>' if items else ""
    return section("timeline", "Timeline", len(d.timeline), body)


def _entry(i: int, entry: TimelineEntry, refs: Refs) -> str:
    when = esc(entry.date) + (f" – {esc(entry.end)}" if entry.end else "")
    sources = " ".join(refs.doc(s) for s in entry.sources)
    given = entry.evidence_dates if len(entry.evidence_dates) == len(entry.evidence) else ()
    cited = [
        f"<li>{_date_said(given, j, entry)}"
        f"{refs.cite(ev.doc, ev.start, ev.end, anchor('t', i, j), ev.text, quoted=True)}</li>"
        for j, ev in enumerate(entry.evidence)
    ]
    evidence = "".join(cited[:EVIDENCE_SHOWN])
    if len(cited) > EVIDENCE_SHOWN:
        rest = len(cited) - EVIDENCE_SHOWN
        folded = "".join(cited[EVIDENCE_SHOWN:])
        evidence += (
            f'<li class="more"><details><summary>{plural(rest, "more passage")}</summary>'
            f"<ul>{folded}</ul></details></li>"
        )
    return (
        f'<li class="item" id="event-{i}"><div class="when">{when}</div><div class="what">'
        f"<p>{badge(entry.status)} {esc(entry.summary)} <span class=\"sources\">{sources}</span></p>"
        f"{_dates_given(entry)}"
        f'<ul class="evidence">{evidence}</ul>{extras(entry, SHOWN_FIELDS)}</div></li>'
    )


def _date_said(given: Sequence[str], j: int, entry: TimelineEntry) -> str:
    """In a conflict, the date this passage gives, before its words."""
    if entry.status != "conflict" or not given:
        return ""
    return f"<strong>{esc(given[j])}</strong> "


def _dates_given(entry: TimelineEntry) -> str:
    if not entry.alternatives:
        return ""
    dates = " · ".join(esc(d) for d in (entry.date, *entry.alternatives))
    return f'<p class="muted small">dates given: {dates}</p>'


# --- the drawn overview ---------------------------------------------------------------------

# The strip above the list: one dot per event on a time axis whose gaps grow with the log of the
# days between dates, so 1992 and a busy week of 2020 both stay readable. Drawn as inline SVG
# (no script); each dot links to its event in the list below.
SVG_WIDTH = 960  # viewBox units; the strip scales to the page width
SVG_MARGIN = 24
SVG_LANE = 14  # vertical step between events that share a date
SVG_MAX_LANES = 6  # events stacked above one date at most; more share the top dot's place
SVG_MIN_GAP = 10  # viewBox units between two neighbouring dates however close
SVG_LOG_GAP = 6  # more per natural-log day between them: a day adds 4, a year 35, thirty years 56 (before scaling)
SVG_YEAR_LABEL_GAP = 30  # year labels closer than this are left out (a tick still marks the year)
STATUS_COLOURS = {"corroborated": "#2e7d32", "single": "#78909c", "conflict": "#c62828"}


def timeline_svg(entries: Sequence[TimelineEntry]) -> str:
    """An inline SVG overview of the timeline entries (empty string when none has a readable date)."""
    dated = [(i, e, day) for i, e in enumerate(entries) if (day := _day(e.date)) is not None]
    if not dated:
        return ""
    days = sorted({day for _, _, day in dated} | {d for _, e, _ in dated for d in map(_day, _other_days(e)) if d})
    xs = _positions(days)
    stacked = max(Counter(day for _, _, day in dated).values())
    top = SVG_MARGIN + 10 + SVG_LANE * (min(stacked, SVG_MAX_LANES) - 1)
    axis = top + 12
    shapes = [
        f'<line x1="{SVG_MARGIN}" y1="{axis}" x2="{SVG_WIDTH - SVG_MARGIN}" y2="{axis}" '
        'stroke="currentColor" stroke-opacity=".35"/>',
        *_year_ticks(days, xs, axis),
    ]
    lanes: dict[dt.date, int] = {}
    for i, e, day in dated:
        lane = lanes.get(day, 0)
        lanes[day] = lane + 1
        shapes.append(_dot(i, e, xs, xs[day], top - SVG_LANE * min(lane, SVG_MAX_LANES - 1)))
    legend = "".join(
        f'<circle cx="{SVG_MARGIN + 130 * k + 5}" cy="{SVG_MARGIN - 12}" r="5" fill="{colour}"/>'
        f'<text x="{SVG_MARGIN + 130 * k + 14}" y="{SVG_MARGIN - 8}" font-size="11" fill="currentColor">{status}</text>'
        for k, (status, colour) in enumerate(STATUS_COLOURS.items())
    )
    label = f"{len(dated)} dated events from {days[0]} to {days[-1]}"
    return (
        f'<svg class="timeline-strip" viewBox="0 0 {SVG_WIDTH} {axis + 28}" width="100%" role="img" '
        f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">{legend}{"".join(shapes)}</svg>'
    )


def _dot(i: int, e: TimelineEntry, xs: dict[dt.date, float], x: float, y: float) -> str:
    """One event: its dot (linking to the list), an interval's bar, a conflict's other dates."""
    colour = STATUS_COLOURS.get(e.status, STATUS_COLOURS["single"])
    radius = 3 + min(len(e.sources), 5)
    extra = ""
    end = _day(e.end)
    if end is not None and end in xs:
        extra += (
            f'<line x1="{x:.1f}" y1="{y}" x2="{xs[end]:.1f}" y2="{y}" stroke="{colour}" '
            'stroke-width="4" stroke-linecap="round" stroke-opacity=".6"/>'
        )
    for other in map(_day, e.alternatives):
        if other is not None and other in xs:
            extra += (
                f'<line x1="{x:.1f}" y1="{y}" x2="{xs[other]:.1f}" y2="{y}" stroke="{colour}" stroke-dasharray="3 2"/>'
                f'<circle cx="{xs[other]:.1f}" cy="{y}" r="{radius}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
    when = e.date + (f" – {e.end}" if e.end else "") + "".join(f" / {d}" for d in e.alternatives)
    title = f"{when}: {e.summary} ({e.status}, {plural(len(e.sources), 'source')})"
    return (
        f'<a href="#event-{i}"><title>{esc(title)}</title>{extra}'
        f'<circle cx="{x:.1f}" cy="{y}" r="{radius}" fill="{colour}" stroke="#fff" stroke-width="1"/></a>'
    )


def _other_days(entry: TimelineEntry) -> list[str]:
    return [d for d in (entry.end, *entry.alternatives) if d]


def _day(value: str | None) -> dt.date | None:
    """An ISO date at any precision as the first day it covers ("2020" → 2020-01-01); None if unreadable."""
    parts = (value or "").split("T")[0].split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        return dt.date(numbers[0], *(numbers[1:] + [1, 1])[:2])
    except (ValueError, IndexError):
        return None


def _positions(days: Sequence[dt.date]) -> dict[dt.date, float]:
    """x of each day: gaps grow with the log of the days between neighbours, scaled to the width."""
    raw: dict[dt.date, float] = {}
    x = 0.0
    for k, day in enumerate(days):
        if k:
            x += SVG_MIN_GAP + SVG_LOG_GAP * math.log1p((day - days[k - 1]).days)
        raw[day] = x
    span = x or 1.0
    width = SVG_WIDTH - 2 * SVG_MARGIN
    offset = SVG_MARGIN + (width / 2 if x == 0 else 0)
    return {day: offset + (pos / span) * width for day, pos in raw.items()}


def _year_ticks(days: Sequence[dt.date], xs: dict[dt.date, float], axis: float) -> list[str]:
    """A tick where each year starts on the axis, labelled when there is room."""
    out: list[str] = []
    last_label: float | None = None
    seen: set[int] = set()
    for day in days:
        if day.year in seen:
            continue
        seen.add(day.year)
        x = xs[day]
        out.append(
            f'<line x1="{x:.1f}" y1="{axis - 4}" x2="{x:.1f}" y2="{axis + 4}" '
            'stroke="currentColor" stroke-opacity=".5"/>'
        )
        if last_label is None or x - last_label >= SVG_YEAR_LABEL_GAP:
            out.append(
                f'<text x="{x:.1f}" y="{axis + 18}" font-size="11" text-anchor="middle" '
                f'fill="currentColor">{day.year}</text>'
            )
            last_label = x
    return out
