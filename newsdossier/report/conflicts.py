"""Where the sources disagree: conflicting figures and dates, first thing on the page.

The claims and timeline sections hold the details; this section lists only the conflicts, each
source's own words side by side, with links to the full item.
"""

from __future__ import annotations

from newsdossier.model import Claim, Dossier, TimelineEntry
from newsdossier.report.claims import value_range
from newsdossier.report.html import esc, section
from newsdossier.report.refs import Refs

CONFLICT = "conflict"


def render_conflicts(d: Dossier) -> str:
    refs = Refs(d)
    claims = [_claim(i, c, refs) for i, c in enumerate(d.claims) if c.status == CONFLICT]
    events = [_event(i, e, refs) for i, e in enumerate(d.timeline) if e.status == CONFLICT]
    body = f'<ul class="conflicts">{"".join(claims + events)}</ul>' if claims or events else ""
    return section("conflicts", "Where sources disagree", len(claims) + len(events), body)


def _claim(i: int, claim: Claim, refs: Refs) -> str:
    said = "".join(
        f"<li><q>{esc(v.text)}</q> {refs.doc(v.doc)} <span class=\"muted small\">{value_range(v)}</span></li>"
        for v in claim.values
    )
    return f'<li><a href="#claim-{i}"><strong>{esc(claim.subject)}</strong></a><ul>{said}</ul></li>'


def _event(i: int, entry: TimelineEntry, refs: Refs) -> str:
    said = "".join(f"<li><q>{esc(ev.text)}</q> {refs.doc(ev.doc)}</li>" for ev in entry.evidence)
    when = esc(entry.date) + (f" – {esc(entry.end)}" if entry.end else "")
    return f'<li><a href="#event-{i}"><strong>{when}</strong></a> {esc(entry.summary)}<ul>{said}</ul></li>'
