"""The entities: people, organisations and places, with their aliases and links to their mentions."""

from __future__ import annotations

from newsdossier.model import Dossier, Entity
from newsdossier.report.html import badge, esc, extras, section
from newsdossier.report.refs import Refs, anchor

SHOWN_FIELDS = ("name", "type", "aliases", "mentions")
MAX_MENTION_LINKS = 12  # mention links listed per entity; enough to jump around, short enough to scan


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
    links = []
    for j, m in enumerate(entity.mentions[:MAX_MENTION_LINKS]):
        doc = refs.docs.get(m.doc)
        words = doc.text[m.start : m.end] if doc and refs.shows(m.doc, m.start, m.end) else entity.name
        links.append(refs.cite(m.doc, m.start, m.end, anchor("e", i, j), words))
    more = len(entity.mentions) - MAX_MENTION_LINKS
    tail = f' <span class="muted small">+{more} more</span>' if more > 0 else ""
    return (
        f"<tr><td><strong>{esc(entity.name)}</strong>{extras(entity, SHOWN_FIELDS)}</td>"
        f"<td>{badge(entity.type)}</td><td>{esc(', '.join(entity.aliases))}</td>"
        f'<td><span class="count">{len(entity.mentions)}</span> {"; ".join(links)}{tail}</td></tr>'
    )
