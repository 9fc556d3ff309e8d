"""Pure text normalisers for scraped text. Each is ``str -> str``; :func:`normalize_text` composes them.

They never drop a printable character of a word: they unify line ends, turn odd spaces into plain
spaces, remove invisible control and zero-width characters, and compose Unicode (NFC).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import reduce

Cleaner = Callable[[str], str]

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
# NBSP, figure/narrow/ideographic spaces and the U+2000 block: render as a space, are not one to regexes.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
# Zero-width characters, soft hyphen and BOM: invisible in a browser, break word matching.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def compose(*cleaners: Cleaner) -> Cleaner:
    """One cleaner that applies ``cleaners`` left to right."""
    return lambda text: reduce(lambda acc, fn: fn(acc), cleaners, text)


def normalize_newlines(text: str) -> str:
    """CRLF, CR, form feed, vertical tab and Unicode line/paragraph separators become ``\\n``."""
    return _LINE_BREAKS.sub("\n", text)


def normalize_spaces(text: str) -> str:
    """Non-breaking and other odd spaces (and tabs) become plain spaces."""
    return _ODD_SPACES.sub(" ", text)


def remove_invisible(text: str) -> str:
    """Zero-width characters, soft hyphens and byte-order marks are removed."""
    return _INVISIBLE.sub("", text)


def remove_control_chars(text: str) -> str:
    """C0/C1 control characters other than newline are removed."""
    return _CONTROL.sub("", text)


def normalize_unicode(text: str) -> str:
    """Compose characters (NFC) so that ``e`` + combining accent equals ``é``."""
    return unicodedata.normalize("NFC", text)


def strip_line_ends(text: str) -> str:
    """Spaces at the start and end of every line are removed."""
    return "\n".join(line.strip(" ") for line in text.split("\n"))


# Line breaks are unified first so that every later step sees one line per ``\n``; the number of
# lines never changes, so line numbers still point into the raw text.
normalize_text: Cleaner = compose(
    normalize_newlines,
    remove_control_chars,
    remove_invisible,
    normalize_spaces,
    normalize_unicode,
    strip_line_ends,
)
