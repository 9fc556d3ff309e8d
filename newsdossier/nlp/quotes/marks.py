"""Quotation-mark pairing on plain text: where each direct quotation's words are.

Curly (“ ” „ « ») and straight (") double quotation marks. A line is a paragraph. News style leaves
a quotation that runs on into the next paragraph unclosed and opens that paragraph with a new mark;
such a quotation continues there. An opening mark left unclosed otherwise ends at its paragraph.
Single quotation marks are not paired (apostrophes make them ambiguous); they may sit inside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quoted:
    """The words between the marks (``start``/``end``, trimmed), and where the marks are.

    ``open_at`` is the opening mark's offset; ``close_at`` the closing mark's, or ``None`` when the
    quotation ends unclosed at the end of a paragraph.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None


def find_quoted(text: str) -> Iterator[Quoted]:
    """Every quotation in ``text``, in order."""
    lines = [(m.start(), m.end()) for m in LINE.finditer(text) if m.group().strip()]
    pending: int | None = None  # an opening mark carried over from an earlier paragraph
    for n, (lo, hi) in enumerate(lines):
        open_at = pending
        pending = None
        for i in range(lo, hi):
            ch = text[i]
            if open_at is None:
                if ch in OPENING or (ch == STRAIGHT and _opens(text, i, hi)):
                    open_at = i
            elif ch in CLOSING or ch == STRAIGHT:
                if i > open_at + 1 and not (ch == STRAIGHT and i == lo):
                    yield from _quoted(text, open_at, i, i)
                    open_at = None
                elif i == lo and open_at < lo:
                    continue  # the new paragraph's opening mark of a run-on quotation
                else:
                    open_at = None  # "" or a stray pair: nothing quoted
        if open_at is not None:
            following = lines[n + 1][0] if n + 1 < len(lines) else None
            if following is not None and text[following] in OPENING + STRAIGHT:
                pending = open_at
            else:
                yield from _quoted(text, open_at, hi, None)


def _opens(text: str, i: int, hi: int) -> bool:
    """A straight mark opens when it is not followed by a space and not preceded by a letter or digit."""
    after = text[i + 1] if i + 1 < hi else " "
    before = text[i - 1] if i > 0 else " "
    return not after.isspace() and not before.isalnum()


def _quoted(text: str, open_at: int, end: int, close_at: int | None) -> Iterator[Quoted]:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1  # '"We won," she said': the comma belongs to the reporting sentence
    if start < end:
        yield Quoted(start, end, open_at, close_at)
