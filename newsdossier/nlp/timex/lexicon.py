"""Load the tagger's word lists and patterns from ``newsdossier/data/timex`` and compile the rules."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "timex"

# Year numbers read as years without a context word: 1000-2099 would catch counts ("1500 troops"),
# so bare 4-digit years are limited to 1600-2099 (earlier years need "in"/"BC"/"AD" context, see rules).
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern[str]
    order: int
    reject: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word lists keyed by lower-case surface form, plus the compiled rules in priority order."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    duration_mods: dict[str, str]
    point_mods: dict[str, str]
    holidays: dict[str, str]
    references: dict[str, str]
    set_adverbs: dict[str, str]
    recurrence_before: tuple[re.Pattern[str], ...]
    recurrence_after: tuple[re.Pattern[str], ...]
    recurrence_around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    recurrence_substitute: re.Pattern[str]
    recurrence_sentence: tuple[re.Pattern[str], ...]
    month_preceders: re.Pattern[str]
    rate_preceders: re.Pattern[str]
    future_cues: re.Pattern[str]
    adjacent_past: re.Pattern[str]
    following_past: re.Pattern[str]
    past_cues: re.Pattern[str]
    rules: tuple[Rule, ...]


def _alternation(words: list[str], case_sensitive: bool = False) -> str:
    forms = sorted(set(words), key=len, reverse=True)
    parts = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in forms]
    body = "|".join(parts)
    return f"(?:{body})"


def _name_alternation(names: dict[str, int]) -> str:
    """Capitalised or upper-case names, abbreviations with an optional dot, case-sensitively."""
    forms: list[str] = []
    for name in names:
        cap = name[0].upper() + name[1:]
        for form in (cap, name.upper()):
            forms.append(re.escape(form) + (r"\.?" if len(name) <= 4 and name not in ("may", "june", "july") else ""))
    forms.sort(key=len, reverse=True)
    return "(?-i:(?:" + "|".join(forms) + r")(?![a-z]))"


def _number_alternation(numbers: dict[str, float]) -> str:
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    compound = f"(?:{'|'.join(tens)})[\\s-](?:{'|'.join(ones)})"
    return f"(?:{compound}|\\d+(?:\\.\\d+)?|{_alternation(list(numbers))})"


def _recurrence_patterns(table: dict[str, Any]) -> Callable[[str], re.Pattern[str]]:
    """A compiler for the ``[recurrence]`` patterns: case-sensitive, cue words expanded from the tables."""
    names = "|".join(map(re.escape, table["named_day"]))
    placeholders = {
        "DECLARE": "(?i:" + _alternation(table["declare"]) + ")",
        "OBSERVE": "(?i:" + _alternation(table["observe"]) + ")",
        # A capitalised name of one to four words ending in a holiday word, optionally quoted.
        "NAMED_DAY": "[\"“”‘’']?(?:[A-Z][\\w'’-]*\\s+){1,4}(?:" + names + ")\\b[\"“”‘’']?",
        "PUBLIC_HOLIDAY": "(?i:" + _alternation(table["public_holiday"]) + ")\\b",
    }

    def expand(pattern: str) -> re.Pattern[str]:
        return re.compile(re.sub(r"\{([A-Z_]+)\}", lambda m: placeholders[m.group(1)], pattern))

    return expand


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon and compiled rules (loaded once per process)."""
    lex: dict[str, Any] = tomllib.loads((DATA_DIR / "lexicon.toml").read_text(encoding="utf-8"))
    spec: dict[str, Any] = tomllib.loads((DATA_DIR / "rules.toml").read_text(encoding="utf-8"))
    # The lists written under a table header in the TOML belong to that table: take them out.
    ambiguous_months = lex["months"].pop("ambiguous_months")
    vague_numbers = lex["numbers"].pop("vague_numbers")
    ordinal_words = list(lex["ordinals"])
    placeholders = {
        "MONTH": _name_alternation(lex["months"]),
        "WEEKDAY": _name_alternation(lex["weekdays"]),
        "NUM": _number_alternation(lex["numbers"]),
        "VAGUE": _alternation(vague_numbers),
        "UNIT": _alternation(list(lex["units"])),
        "SEASON": _alternation(list(lex["seasons"])),
        "PART": _alternation(list(lex["parts_of_day"])),
        "DMOD": _alternation(list(lex["duration_mods"])),
        "PMOD": _alternation(list(lex["point_mods"])),
        "ORD": _alternation(ordinal_words) + r"|\d(?:st|nd|rd|th)",
        "REF": _alternation(list(lex["references"])),
        "SETADV": _alternation(list(lex["set_adverbs"])),
        "HOLIDAY": _alternation(list(lex["holidays"])),
        "DAY": _DAY,
        "YEAR": _YEAR,
    }
    rules = []
    for order, raw in enumerate(spec["rule"]):
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: placeholders[m.group(1)], raw["pattern"])
        if "{ORD}" in raw["pattern"]:
            pattern = pattern.replace(placeholders["ORD"], "(?:" + placeholders["ORD"] + ")")
        # Not inside a word or number ("$1990", "1,990", "3/4"); a hyphen before is allowed for
        # words ("1979-February 1980") but not for digits ("F-16").
        regex = re.compile(r"(?<![\w$£€.,/])(?<!-(?=\d))" + pattern + r"(?![\w%])", re.IGNORECASE)
        reject = re.compile(raw["reject"], re.IGNORECASE) if "reject" in raw else None
        rules.append(Rule(name=raw["name"], kind=raw["kind"], regex=regex, order=order, reject=reject))
    tense = lex["tense"]
    expand = _recurrence_patterns(lex["recurrence"])
    recurrence = lex["recurrence"]
    return Lexicon(
        months=lex["months"],
        ambiguous_months=frozenset(ambiguous_months),
        weekdays=lex["weekdays"],
        numbers={k: float(v) for k, v in lex["numbers"].items()},
        vague_numbers=frozenset(vague_numbers),
        ordinals=lex["ordinals"],
        units=lex["units"],
        seasons=lex["seasons"],
        parts_of_day=lex["parts_of_day"],
        duration_mods=lex["duration_mods"],
        point_mods=lex["point_mods"],
        holidays=lex["holidays"],
        references=lex["references"],
        set_adverbs=lex["set_adverbs"],
        recurrence_before=tuple(expand(p) for p in recurrence["before"]),
        recurrence_after=tuple(expand(p) for p in recurrence["after"]),
        recurrence_around=tuple((expand(b), expand(a)) for b, a in recurrence["around"]),
        recurrence_substitute=re.compile(r"\b" + _alternation(recurrence["substitute"]) + r"\s+$", re.IGNORECASE),
        recurrence_sentence=tuple(expand(p) for p in recurrence["sentence"]),
        month_preceders=re.compile(
            r"(?:\b" + _alternation(lex["context"]["month_preceders"]) + r"\s+|[-–])$", re.IGNORECASE
        ),
        rate_preceders=re.compile(
            r"(?:\d[\d,.]*\s*(?:" + "|".join(map(re.escape, lex["context"]["amount_words"])) + r")?|"
            + "|".join(map(re.escape, lex["context"]["rate_words"])) + r")\s+$",
            re.IGNORECASE,
        ),
        future_cues=re.compile(r"(?<!\w)" + _alternation(tense["future"]) + r"(?!\w)", re.IGNORECASE),
        adjacent_past=re.compile(
            r"(?<!\b" + r"\s)(?<!\b".join(map(re.escape, tense["non_past_auxiliaries"])) + r"\s)"
            + r"(?:\b(?!(?:" + "|".join(map(re.escape, tense["not_past_ed"])) + r")\b)(?:\w{3,}ed|"
            + "|".join(map(re.escape, tense["adjacent_past"])) + r")\s+(?:on\s+|late\s+|early\s+)?)$",
            re.IGNORECASE,
        ),
        following_past=re.compile(
            r"^[,]?\s+(?:(?:it|he|she|they|we|the\s+\w+|\w+)\s+)?(?:\w{3,}ed|"
            + "|".join(map(re.escape, tense["adjacent_past"])) + r")\b",
            re.IGNORECASE,
        ),
        past_cues=re.compile(r"(?<!\w)" + _alternation(tense["past"]) + r"(?!\w)", re.IGNORECASE),
        rules=tuple(rules),
    )
