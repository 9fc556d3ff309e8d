"""Line classifiers for page furniture. Each takes one stripped line and returns a reason or ``None``.

The families and their patterns live in ``newsdossier/data/clean/furniture.json``; this module only
applies them. A pattern must match the whole line and the line must be short enough for its family,
so an article sentence that merely starts like furniture ("Source: the ministry said ...") stays.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsdossier.clean.lines import is_numeric, is_prose, is_separator, word_count
from newsdossier.clean.metadata import looks_like_date

SOCIAL_ROW_MAX_WORDS = 12  # a row of share buttons; the longest seen lists ~10 networks

_SPACES = re.compile(r"\s+")
_TOKEN_SPLIT = re.compile(r"[\s|/•·,;]+")


@dataclass(frozen=True, slots=True)
class Family:
    """One family of furniture: its reason code, where it may stand, and its line patterns."""

    reason: str
    where: str  # "any" | "edge"
    max_words: int
    pattern: re.Pattern[str]  # the family's patterns as one alternation, matched against the whole line
    opens_list: bool = False
    prose_safe: bool = False  # never matches a line that reads as prose


@cache
def _data() -> dict:
    path = resources.files("newsdossier") / "data" / "clean" / "furniture.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def families() -> tuple[Family, ...]:
    """The furniture families, in the order they are tried."""
    out = []
    for name, spec in _data()["families"].items():
        out.append(
            Family(
                reason=spec.get("reason", name),
                where=spec["where"],
                max_words=spec["max_words"],
                pattern=re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.IGNORECASE),
                opens_list=spec.get("opens_list", False),
                prose_safe=spec.get("prose_safe", False),
            )
        )
    return tuple(out)


@cache
def _social_tokens() -> frozenset[str]:
    return frozenset(_data()["social_tokens"])


def _squash(line: str) -> str:
    return _SPACES.sub(" ", line).strip() if "  " in line or "\t" in line else line.strip()


def matching_family(line: str, edge: bool = False) -> Family | None:
    """The first family whose pattern matches the whole line (edge-only families when ``edge``)."""
    text = _squash(line)
    if not text or text.count(" ") > 2 * max_family_words(edge):
        return None  # far longer than any furniture line: spare the regexes
    words = word_count(text)
    for family in families():
        if family.where == "edge" and not edge:
            continue
        if words > family.max_words:
            continue
        if family.pattern.fullmatch(text) and not (family.prose_safe and is_prose(text)):
            return family
    return None


@cache
def max_family_words(edge: bool = False) -> int:
    """The longest line any family (edge-only families when ``edge``) may match, in words."""
    return max(f.max_words for f in families() if edge or f.where == "any")


def family_reason(line: str, edge: bool = False) -> str | None:
    """The reason of the furniture family the line belongs to, if any."""
    family = matching_family(line, edge)
    return family.reason if family else None


def separator_reason(line: str) -> str | None:
    """``---``, ``***`` and other lines without a letter or digit."""
    return "separator" if is_separator(line) else None


def numeric_reason(line: str) -> str | None:
    """A line of bare numbers (view counts, gallery indexes) that is not a date."""
    return "numeric" if is_numeric(line) and not looks_like_date(line) else None


def social_row_reason(line: str) -> str | None:
    """A row of share buttons: every word is a network or share verb ("Facebook Twitter Email")."""
    if line.count(" ") > 2 * SOCIAL_ROW_MAX_WORDS:
        return None
    tokens = [t for t in _TOKEN_SPLIT.split(line.casefold()) if t]
    if not tokens or len(tokens) > SOCIAL_ROW_MAX_WORDS:
        return None
    return "share-prompt" if all(t in _social_tokens() for t in tokens) else None


def furniture_reason(line: str, edge: bool = False) -> str | None:
    """Why this line is furniture, by any classifier of this module; ``None`` for a line to keep."""
    # Bare numbers only go at the edges (view counters): inside the body they are list ranks and
    # figures of listicles ("30,000." above the line that explains it).
    classifiers = (separator_reason, numeric_reason, social_row_reason) if edge else (separator_reason, social_row_reason)
    for classify in classifiers:
        reason = classify(line)
        if reason:
            return reason
    return family_reason(line, edge)


def opens_list(line: str) -> bool:
    """The line introduces a list of links ("Related", "Read more", "Last news in X")."""
    family = matching_family(line)
    return bool(family and family.opens_list)
