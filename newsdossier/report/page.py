"""The page: one self-contained HTML document (inline CSS, no script, no external URL) around the sections."""

from __future__ import annotations

from collections.abc import Callable

from newsdossier import __version__
from newsdossier.link.sources import independent_count
from newsdossier.model import Dossier
from newsdossier.report.claims import render_claims
from newsdossier.report.conflicts import render_conflicts
from newsdossier.report.duplicates import render_duplicates
from newsdossier.report.entities import render_entities
from newsdossier.report.html import esc, plural
from newsdossier.report.quotes import render_quotes
from newsdossier.report.rejections import render_rejections
from newsdossier.report.sources import render_sources, render_texts
from newsdossier.report.stories import render_stories
from newsdossier.report.style import CSS
from newsdossier.report.timeline import render_timeline

# Nothing may load or run: no scripts, no fetches, no frames, no forms; only inline styles and data: images.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

# (section id, navigation label, renderer), in page order.
SECTIONS: tuple[tuple[str, str, Callable[[Dossier], str]], ...] = (
    ("conflicts", "Disagreements", render_conflicts),
    ("sources", "Sources", render_sources),
    ("timeline", "Timeline", render_timeline),
    ("claims", "Claims", render_claims),
    ("duplicates", "Copies", render_duplicates),
    ("stories", "Same story?", render_stories),
    ("entities", "Entities", render_entities),
    ("quotes", "Quotes", render_quotes),
    ("rejections", "Rejections", render_rejections),
    ("texts", "Texts", render_texts),
)

DEFAULT_TITLE = "News dossier"


def render_report(d: Dossier) -> str:
    """The whole report page for ``d``: every article string in it is escaped."""
    title = str(d.meta.get("title") or DEFAULT_TITLE)
    nav = "".join(f'<a href="#{key}">{esc(label)}</a>' for key, label, _ in SECTIONS)
    body = "".join(render(d) for _, _, render in SECTIONS)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f'<body><header><div class="wrap">{_header(d, title)}</div></header>'
        f'<nav aria-label="sections"><div class="wrap">{nav}</div></nav><main>{body}</main>'
        f"<footer>Made by newsdossier {esc(__version__)}. This page is self-contained: it loads nothing "
        "from the network and runs no script.</footer></body></html>\n"
    )


def coverage(d: Dossier) -> str:
    """One line on what the dossier covers: outlets and the span of publication dates."""
    outlets = {doc.outlet for doc in d.documents if doc.outlet}
    dates = sorted(doc.published[:10] for doc in d.documents if doc.published)
    parts = [plural(len(d.documents), "document")]
    if outlets:
        parts.append(f"from {plural(len(outlets), 'named outlet')}")
    if dates:
        parts.append(f"published {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else ""))
    undated = len(d.documents) - len(dates)
    if undated:
        parts.append(f"{undated} without a date")
    return " · ".join(parts)


def _header(d: Dossier, title: str) -> str:
    conflicts = sum(1 for c in d.claims if c.status == "conflict")
    stats = [
        ("sources", len(d.documents), "documents"),
        ("duplicates", independent_count([doc.id for doc in d.documents], d.duplicates), "independent sources"),
        ("timeline", len(d.timeline), "dated events"),
        ("claims", len(d.claims), f"claims, {conflicts} in conflict"),
        ("entities", len(d.entities), "entities"),
        ("quotes", len(d.quotes), "quotes"),
        ("rejections", len(d.rejections), "rejected inputs"),
    ]
    cards = "".join(
        f'<a class="stat" href="#{key}"><span class="n">{n:,}</span><span class="l">{esc(label)}</span></a>'
        for key, n, label in stats
    )
    return f'<h1>{esc(title)}</h1><p class="subtitle">{esc(coverage(d))}</p><div class="stats">{cards}</div>'
