"""Same story? The story-similarity score of document pairs, and the documents that share no story."""

from __future__ import annotations

from newsdossier.model import Dossier
from newsdossier.report.html import esc, section
from newsdossier.report.refs import Refs

MAX_PAIRS = 200  # the best pairs shown; the JSON keeps them all


def render_stories(d: Dossier) -> str:
    refs = Refs(d)
    unrelated = [doc for doc in d.meta.get("unrelated_documents", ()) if doc in refs.number]
    warning = ""
    if unrelated:
        cited = ", ".join(refs.doc(doc) for doc in unrelated)
        warning = f'<p class="warn">Share no story with any other source (may not belong here): {cited}</p>'
    rows = "".join(
        f"<tr><td>{refs.doc(p.a)}</td><td>{refs.doc(p.b)}</td>"
        f'<td><meter min="0" max="1" value="{p.score:.3f}"></meter> {esc(f"{p.score:.2f}")}</td></tr>'
        for p in d.story_pairs[:MAX_PAIRS]
    )
    table = (
        '<div class="scroll"><table class="stories"><thead><tr><th>source</th><th>source</th>'
        f"<th>same story?</th></tr></thead><tbody>{rows}</tbody></table></div>"
        if rows
        else ""
    )
    note = "0 = unrelated, 1 = the same story (wording, names, dates and numbers in common)."
    return section("stories", "Same story?", len(d.story_pairs), warning + table, note=note if rows else "")
