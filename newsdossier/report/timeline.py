"""The timeline: dated events in order, each with its status, sources and the exact words that date it."""

from __future__ import annotations

from newsdossier.model import Dossier, TimelineEntry
from newsdossier.report.html import badge, esc, extras, plural, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("date", "end", "summary", "sources", "evidence", "status")
EVIDENCE_SHOWN = 3  # passages listed open per event; the rest fold away (events dated by many sources get long)


def render_timeline(d: Dossier) -> str:
    refs = Refs(d)
    items = "".join(_entry(i, entry, refs) for i, entry in enumerate(d.timeline))
    return section("timeline", "Timeline", len(d.timeline), f'<ol class="timeline">{items}</ol>' if items else "")


def _entry(i: int, entry: TimelineEntry, refs: Refs) -> str:
    when = esc(entry.date) + (f" – {esc(entry.end)}" if entry.end else "")
    sources = " ".join(refs.doc(s) for s in entry.sources)
    cited = [
        f"<li>{refs.cite(ev.doc, ev.start, ev.end, anchor('t', i, j), ev.text, quoted=True)}</li>"
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
        f'<ul class="evidence">{evidence}</ul>{extras(entry, SHOWN_FIELDS)}</div></li>'
    )
