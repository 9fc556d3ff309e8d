"""The entities: people, organisations and places, with their aliases and links to their mentions."""

from __future__ import annotations

from newsdossier.model import Dossier, Entity
from newsdossier.report.html import badge, esc, extras, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("name", "type", "aliases", "mentions", "outlet_of")
MAX_LINKS_PER_SOURCE = 8  # mention links listed per entity and document: every source shows, each row stays short to scan


def render_entities(d: Dossier) -> str:
    refs = Refs(d)
    rows = "".join(_entity(i, entity, refs) for i, entity in enumerate(d.entities))
    body = (
        '<div class="scroll"><table class="entities"><thead><tr><th>name</th><th>type</th><th>aliases</th>'
        f"<th>mentions</th></tr></thead><tbody>{rows}</tbody></table></div>"
        if rows
        else ""
    )
    return section("entities", "Entities", len(d.entities), body)


def _entity(i: int, entity: Entity, refs: Refs) -> str:
    """One row: the entity, then per source its mention count and numbered links to the first mentions."""
    by_doc: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for j, m in enumerate(entity.mentions):
        counts[m.doc] = counts.get(m.doc, 0) + 1
        if counts[m.doc] > MAX_LINKS_PER_SOURCE:
            continue
        label = str(counts[m.doc])
        doc = refs.docs.get(m.doc)
        if doc is not None and refs.shows(m.doc, m.start, m.end):
            words = doc.text[m.start : m.end]
            label = f'<a class="ev" href="#{anchor("e", i, j)}" title="{esc(words)}">{label}</a>'
        by_doc.setdefault(m.doc, []).append(label)
    in_order = sorted(by_doc.items(), key=lambda item: refs.order(item[0]))
    groups = "".join(
        f'<span class="mgroup">{refs.doc(d)} <span class="muted small">×{counts[d]}</span> {" ".join(links)}'
        f"{_more(counts[d])}</span>"
        for d, links in in_order
    )
    if entity.outlet_of:
        sources = " ".join(refs.doc(d) for d in sorted(entity.outlet_of, key=refs.order))
        groups += f'<span class="mgroup"><span class="muted small">outlet of</span> {sources}</span>'
    return (
        f"<tr><td><strong>{esc(entity.name)}</strong>{extras(entity, SHOWN_FIELDS)}</td>"
        f"<td>{badge(entity.type)}</td><td>{esc(', '.join(entity.aliases))}</td>"
        f'<td><span class="count">{len(entity.mentions)}</span> {groups}</td></tr>'
    )


def _more(count: int) -> str:
    hidden = count - MAX_LINKS_PER_SOURCE
    return f' <span class="muted small">+{hidden}</span>' if hidden > 0 else ""
