"""Text normalisers: one line of table per cleaner."""

from __future__ import annotations

import pytest

from newsdossier.clean.normalize import (
    compose,
    normalize_newlines,
    normalize_spaces,
    normalize_text,
    normalize_unicode,
    remove_control_chars,
    remove_invisible,
    strip_line_ends,
)


@pytest.mark.parametrize(
    ("cleaner", "raw", "expected"),
    [
        (normalize_newlines, "a\r\nb\rc\u2028d\x0ce", "a\nb\nc\nd\ne"),
        (normalize_spaces, "a\u00a0b\u202fc\u2009d\te", "a b c d e"),
        (remove_invisible, "\ufeffwo\u200brd\u00ad", "word"),
        (remove_control_chars, "a\x00b\x1bc\nd", "abc\nd"),
        (normalize_unicode, "cafe\u0301", "café"),
        (strip_line_ends, "  a  \n\u0020b ", "a\nb"),
        (normalize_text, "\ufeffTitle\r\n\u00a0\r\nBody\u00a0text. ", "Title\n\nBody text."),
    ],
)
def test_cleaner_normalises(cleaner, raw, expected):
    assert cleaner(raw) == expected


def test_normalize_text_keeps_the_number_of_lines():
    raw = "one\r\ntwo\n\u00a0\nthree\rfour"
    assert len(normalize_text(raw).split("\n")) == len(normalize_newlines(raw).split("\n")) == 5


def test_compose_applies_left_to_right():
    assert compose(str.upper, lambda s: s + "!")("a") == "A!"
