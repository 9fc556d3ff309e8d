"""The quotes: who said what, with the cue verb and a link to the words in the source."""

from __future__ import annotations

from newsdossier.model import Dossier, Quote
from newsdossier.report.html import esc, extras, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("speaker", "text", "cue", "doc", "start", "end")


def render_quotes(d: Dossier) -> str:
    refs = Refs(d)
    items = "".join(_quote(i, quote, refs) for i, quote in enumerate(d.quotes))
    return section("quotes", "Quotes", len(d.quotes), items)


def _quote(i: int, quote: Quote, refs: Refs) -> str:
    speaker = esc(quote.speaker) if quote.speaker else '<span class="muted">unknown speaker</span>'
    cue = f' <span class="muted">{esc(quote.cue)}</span>' if quote.cue else ""
    return (
        f'<figure class="quote"><blockquote>{refs.cite(quote.doc, quote.start, quote.end, anchor("q", i), quote.text)}'
        f"</blockquote><figcaption>— {speaker}{cue}</figcaption>{extras(quote, SHOWN_FIELDS)}</figure>"
    )
