"""The report's entity index: per-source mention counts, and every source listed however many mentions."""

from __future__ import annotations

import re

from newsdossier.model import Document, Dossier, Entity, MentionRef
from newsdossier.report.entities import MAX_LINKS_PER_SOURCE, render_entities

TEXT = "Shusha was taken. " * 20


def _doc(doc_id: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", None, None, None, None, None, TEXT)


def test_entities_report_counts_mentions_per_source_and_lists_every_source():
    many = tuple(MentionRef("a", 18 * k, 18 * k + 6) for k in range(MAX_LINKS_PER_SOURCE + 3))
    entity = Entity("Shusha", "LOC", (), (*many, MentionRef("b", 0, 6)))
    out = render_entities(Dossier(documents=(_doc("a"), _doc("b")), entities=(entity,)))
    assert f"×{MAX_LINKS_PER_SOURCE + 3}" in out and "×1" in out
    assert "+3" in out
    links = re.findall(r'href="#(e[^"]+)"', out)
    assert len(links) == MAX_LINKS_PER_SOURCE + 1  # the first links of a, and b's one mention
