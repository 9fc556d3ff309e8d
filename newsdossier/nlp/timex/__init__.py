"""Temporal expression tagging: a pure finder and the spaCy component that wraps it.

``find_timexes(doc, dct)`` and ``tag_text(text, dct)`` return :class:`~newsdossier.model.Timex`
values (character offsets, TIMEX3 type/value/mod); the ``newsdossier_timex`` factory (see
:mod:`newsdossier.nlp.timex.component`) writes them to ``doc.spans["timex"]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from newsdossier.model import Timex
from newsdossier.nlp.timex.tagger import split_sentences, tag

__all__ = ["find_timexes", "tag_text"]


def find_timexes(doc: Doc, dct: str | None) -> Iterator[Timex]:
    """Timexes in a spaCy ``Doc`` anchored on ``dct``; uses the doc's sentences when it has them."""
    sentences = None
    if doc.has_annotation("SENT_START"):
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return tag(doc.text, dct, sentences)


def tag_text(text: str, dct: str | None) -> list[Timex]:
    """Timexes in plain ``text`` (sentence bounds from a light splitter); no spaCy needed."""
    return list(tag(text, dct, split_sentences(text)))


def _register_component() -> None:
    """Import the spaCy factory so ``nlp.add_pipe("newsdossier_timex")`` works after importing this package."""
    from newsdossier.nlp.timex import component  # noqa: F401


_register_component()
