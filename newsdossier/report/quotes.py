"""The quotes: who said what, with the cue verb and a link to the words in the source."""

from __future__ import annotations

from newsdossier.model import Dossier, Quote
from newsdossier.report.html import esc, extras, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("speaker", "text", "cue", "doc", "start", "end")
CUE_BEFORE_SPEAKER = frozenset({"to", "of", "by"})


def render_quotes(d: Dossier) -> str:
    refs = Refs(d)
    items = "".join(_quote(i, quote, refs) for i, quote in enumerate(d.quotes))
    return section("quotes", "Quotes", len(d.quotes), items)


def _quote(i: int, quote: Quote, refs: Refs) -> str:
    speaker = esc(quote.speaker) if quote.speaker else '<span class="muted">unknown speaker</span>'
    cue = f'<span class="muted">{esc(quote.cue)}</span>' if quote.cue else ""
    # A phrase cue that ends in a preposition reads before its speaker ("according to X", "in the
    # words of X"); a verb reads after it ("X said").
    leading = bool(quote.cue) and quote.cue.lower().rsplit(" ", 1)[-1] in CUE_BEFORE_SPEAKER
    who = f"{cue} {speaker}" if leading else f"{speaker} {cue}".rstrip()
    return (
        f'<figure class="quote"><blockquote>{refs.cite(quote.doc, quote.start, quote.end, anchor("q", i), quote.text)}'
        f"</blockquote><figcaption>— {who}</figcaption>{extras(quote, SHOWN_FIELDS)}</figure>"
    )
