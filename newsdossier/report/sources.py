"""The sources: a table of every document, then each document's cleaned text and removed furniture."""

from __future__ import annotations

import os

from newsdossier.model import Document, Dossier, DuplicateGroup
from newsdossier.report.highlight import render_text
from newsdossier.report.html import badge, esc, extras, plural, section, url_link
from newsdossier.report.refs import MAX_TEXTS, Refs, marks_by_document, ordered_documents

SHOWN_FIELDS = (
    "id", "path", "title", "published", "published_basis", "author", "outlet", "text", "removed", "url", "format",
    "published_evidence",
)  # fmt: skip


def render_sources(d: Dossier) -> str:
    """The table of sources: number, title, outlet, author, published (and how it is known), path."""
    refs = Refs(d)
    docs = ordered_documents(d)
    folder = common_folder([doc.path for doc in docs])
    rows = "".join(_source_row(doc, refs, folder) for doc in docs)
    body = (
        '<div class="scroll"><table class="sources"><thead><tr><th>#</th><th>title</th><th>outlet</th>'
        f"<th>author</th><th>published</th><th>path</th></tr></thead><tbody>{rows}</tbody></table></div>"
        if rows
        else ""
    )
    note = f'Paths are under <span class="path">{esc(folder)}</span>' if folder else ""
    return section("sources", "Sources", len(d.documents), body, note)


def common_folder(paths: list[str]) -> str:
    """The longest folder (ending in ``/``) every path starts with, or ``""``."""
    if len(paths) < 2:
        return ""
    prefix = os.path.commonprefix(paths)
    return prefix[: prefix.rfind("/") + 1]


def _source_row(doc: Document, refs: Refs, folder: str) -> str:
    return (
        f"<tr><td>{refs.doc(doc.id)}</td><td>{esc(doc.title) or '<em>untitled</em>'}</td>"
        f"<td>{esc(doc.outlet)}</td><td>{esc(doc.author)}</td><td>{_published(doc)}</td>"
        f'<td class="path" title="{esc(doc.path)}">{esc(doc.path[len(folder):])}</td></tr>'
    )


def _published(doc: Document) -> str:
    if not doc.published:
        return '<span class="muted">unknown</span>'
    return f'<span class="nowrap">{esc(doc.published.replace("T", " "))}</span> {badge(doc.published_basis)}'


def render_texts(d: Dossier) -> str:
    """Each shown document: its paragraphs with evidence highlighted, and beside them its metadata,
    the copy groups it belongs to and the furniture removed from it."""
    refs = Refs(d)
    marks = marks_by_document(d)
    docs = ordered_documents(d)
    groups: dict[str, list[DuplicateGroup]] = {}
    for group in d.duplicates:
        for member in group.members:
            groups.setdefault(member, []).append(group)
    articles = "".join(
        _article(doc, refs, marks.get(doc.id, []), groups.get(doc.id, [])) for doc in docs[:MAX_TEXTS]
    )
    notes = [LEGEND] if docs else []
    if len(docs) > MAX_TEXTS:
        notes.append(f"The first {MAX_TEXTS} of {len(docs)} documents are shown; dossier.json holds all.")
    return section("texts", "Source texts", len(docs), articles, " ".join(notes))


LEGEND = (
    'Highlighted: <mark class="k-timeline">dated events</mark>, <mark class="k-claim">figures</mark>, '
    '<mark class="k-quote">quotes</mark>, <mark class="k-entity">entities</mark>.'
)


def _article(doc: Document, refs: Refs, marks: list, groups: list[DuplicateGroup]) -> str:
    facts = [
        f"<dt>outlet</dt><dd>{esc(doc.outlet) or '—'}</dd>",
        f"<dt>author</dt><dd>{esc(doc.author) or '—'}</dd>",
        f"<dt>published</dt><dd>{_published(doc)}</dd>",
    ]
    if doc.published_evidence:
        words = esc(doc.published_evidence)
        facts.append(f'<dt>date from</dt><dd><q title="{words}">{words}</q></dd>')
    facts.extend(f"<dt>copies</dt><dd>{_copy_role(doc.id, group, refs)}</dd>" for group in groups)
    facts.append(f'<dt>path</dt><dd class="path">{esc(doc.path)}</dd>')
    if doc.url:
        facts.append(f"<dt>url</dt><dd>{url_link(doc.url)}</dd>")
    facts.append(f'<dt>id</dt><dd class="path">{esc(doc.id)}</dd>')
    return (
        f'<article class="source" id="{refs.doc_anchor(doc.id)}">'
        f'<h3><span class="num">[{refs.number[doc.id]}]</span> {esc(doc.title) or "<em>untitled</em>"}</h3>'
        f'<div class="cols"><div class="text">{render_text(doc.text, marks)}</div>'
        f'<aside><dl class="facts">{"".join(facts)}</dl>{extras(doc, SHOWN_FIELDS)}{_removed(doc)}</aside></div>'
        "</article>"
    )


def _copy_role(doc_id: str, group: DuplicateGroup, refs: Refs) -> str:
    """How a document stands in its copy group: ``original of [2] [3]``, ``derived copy of [1]``."""
    others = " ".join(refs.doc(m) for m in group.members if m != doc_id)
    if group.original == doc_id:
        return f"original of {others}"
    if group.original:
        return f"{esc(group.kind)} copy of {refs.doc(group.original)}"
    return f"{esc(group.kind)} copy, with {others}"


def _removed(doc: Document) -> str:
    if not doc.removed:
        return '<p class="muted small">No furniture removed.</p>'
    rows = "".join(
        f'<tr><td class="num">{line.line + 1}</td><td>{badge(line.reason)}</td><td>{esc(line.text)}</td></tr>'
        for line in doc.removed
    )
    return (
        f"<details><summary>Removed furniture ({plural(len(doc.removed), 'line')})</summary>"
        f'<table class="removed"><thead><tr><th>line</th><th>reason</th><th>text</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )
