"""The "Same story?" section: pairs with their scores, and documents that share no story."""

from __future__ import annotations

from newsdossier.model import Document, Dossier, StoryPair
from newsdossier.report.stories import render_stories


def _doc(i: int) -> Document:
    return Document(id=f"d{i}", path=f"{i}.txt", title=f"T{i}", published=None, published_basis=None, author=None, outlet=None, text="Text.")


def test_render_stories_lists_pairs_with_scores() -> None:
    d = Dossier(documents=(_doc(1), _doc(2)), story_pairs=(StoryPair("d1", "d2", 0.8123),))
    html = render_stories(d)
    assert "0.81" in html and 'value="0.812"' in html and "[1]" in html and "[2]" in html


def test_render_stories_flags_unrelated_documents() -> None:
    d = Dossier(documents=(_doc(1), _doc(2), _doc(3)), meta={"unrelated_documents": ["d3"]})
    html = render_stories(d)
    assert "may not belong here" in html and "[3]" in html


def test_render_stories_says_none_found_without_pairs() -> None:
    assert "none found" in render_stories(Dossier(documents=(_doc(1),)))
