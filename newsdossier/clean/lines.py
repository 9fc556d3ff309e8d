"""Line-level evidence: what a single line of scraped text looks like, without any pattern data.

Prose is what must never be lost: a line with a few words that ends like a sentence, or any long
line. Headlines, labels and furniture are short and do not end like a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

PROSE_MIN_WORDS = 3  # "He resigned on Monday." is prose; "Read more." is not (furniture patterns decide)
LONG_LINE_WORDS = 30  # no headline or widget in the sample or examples is this long: a line this long is text
TITLE_MIN_WORDS = 2  # one-word lines at the top are section labels ("Politics"), not headlines
TITLE_MAX_WORDS = 40  # the longest headline in the sample (a ministry statement's title) has 24 words
KICKER_MAX_WORDS = 3  # a label above the headline ("World", "Breaking news") is at most a few words
TITLE_WITH_STOP_MAX_WORDS = 15  # headlines ending in a full stop: 93% of PolNeAR's headline lines have fewer words
TITLE_CASE_MIN_LETTERS = 4  # short function words ("of", "the", "in") stay lower case in Title Case
TITLE_CASE_SHARE = 0.8  # Title Case headlines capitalise (nearly) every longer word; prose capitalises few

WORD_COUNT_CACHE = 4096  # lines of the current few documents; each line is counted by several classifiers
SAME_TEXT_SLACK_CHARS = 8  # edge punctuation and doubled spaces a repeated line may add or lose

_TERMINAL = re.compile(r"[.!?…]['\"”’»)\]]*$")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_SEPARATOR = re.compile(r"[\W_]+")
_NUMERIC = re.compile(r"[\d\s.,:;/%+#()\-–—]+")
_KEY_SPACE = re.compile(r"\s+")
_KEY_DIGITS = re.compile(r"\d+")
_KEY_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "’": "'", "‘": "'", "“": '"', "”": '"'})


@lru_cache(maxsize=WORD_COUNT_CACHE)
def word_count(line: str) -> int:
    """Number of words (runs of letters or digits, with inner apostrophes, dots and hyphens)."""
    return len(_WORD.findall(line))


def ends_like_sentence(line: str) -> bool:
    """The line ends with ``.``, ``!``, ``?`` or ``…`` (possibly followed by closing quotes)."""
    return bool(_TERMINAL.search(line.rstrip()))


def is_prose(line: str) -> bool:
    """A line of article text: a sentence of a few words, or any long line."""
    words = word_count(line)
    return words >= LONG_LINE_WORDS or (words >= PROSE_MIN_WORDS and ends_like_sentence(line))


def is_headline_like(line: str) -> bool:
    """Short enough for a headline and not ending in a full stop (``?`` and ``!`` are allowed)."""
    stripped = line.rstrip()
    words = word_count(stripped)
    if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
        return False
    return not stripped.endswith((".", ",", ";", ":", "…"))


def is_kicker(line: str) -> bool:
    """A very short label without closing punctuation (section names above a headline)."""
    return 1 <= word_count(line) <= KICKER_MAX_WORDS and not ends_like_sentence(line) and not line.rstrip().endswith((",", ";", ":"))


def is_title_case(line: str) -> bool:
    """Most longer words start with a capital ("Bernie Sanders Pins The Rise Of ISIS")."""
    long_words = [w for w in _WORD.findall(line) if len(w) >= TITLE_CASE_MIN_LETTERS and w[0].isalpha()]
    if len(long_words) < TITLE_MIN_WORDS:
        return False
    return sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


def is_separator(line: str) -> bool:
    """Only punctuation or symbols: ``---``, ``***``, ``• • •``."""
    return bool(line.strip()) and bool(_SEPARATOR.fullmatch(line.strip()))


def is_numeric(line: str) -> bool:
    """Only digits and number punctuation: a counter, a page or gallery index."""
    stripped = line.strip()
    return bool(stripped) and any(c.isdigit() for c in stripped) and bool(_NUMERIC.fullmatch(stripped))


def line_key(line: str) -> str:
    """A line normalised for comparison: case-folded, spaces collapsed, every run of digits as ``0``, edges trimmed."""
    key = _KEY_SPACE.sub(" ", line.translate(_DASHES).casefold()).strip()
    return _KEY_DIGITS.sub("0", _KEY_EDGE.sub("", key))


def same_text(a: str, b: str) -> bool:
    """The two lines say the same thing (case, spacing, dashes and edge punctuation aside)."""
    if abs(len(a) - len(b)) > SAME_TEXT_SLACK_CHARS + abs(a.count(" ") - b.count(" ")):
        return False
    key_a = _KEY_EDGE.sub("", _KEY_SPACE.sub(" ", a.translate(_DASHES).casefold()).strip())
    return bool(key_a) and key_a == _KEY_EDGE.sub("", _KEY_SPACE.sub(" ", b.translate(_DASHES).casefold()).strip())
