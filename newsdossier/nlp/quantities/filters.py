"""What is not a quantity: dates, times, codes, labels, names, page furniture.

Masks are character ranges where no quantity may start; ``rejected`` judges one read candidate.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

from newsdossier.data import quantities as tables
from newsdossier.model import Timex
from newsdossier.nlp.quantities.context import WORD
from newsdossier.nlp.quantities.numbers import GLUED_CODES, NumberMatch

MASK_CONTEXT = 40  # characters scanned for masks either side of a digit: longer than any date, phone number or code
MAX_MASK_OVERLAP = 8  # masked ranges that may still cover a position; masks rarely nest deeper
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
# Short unit symbols a bracketed figure may carry after it, "(12) h"; not the words "a", "in".
_SHORT_UNITS = "|".join(
    re.escape(u) for u in sorted(tables.UNITS, key=len, reverse=True) if len(u) <= 3 and u.isalpha() and u not in ("a", "in")
)
_MASKS = (
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b\S+\.(?:com|org|net|gov|edu|html?|php|az|ru|uk)\b\S*"),
    re.compile(r"\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,4}){2,5}\b"),  # phone numbers
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?", re.IGNORECASE),  # clock times
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"),
    re.compile(r"(?<!/)\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE),  # ordinals, not the denominator of "1/100th"
    re.compile(rf"\b(?!(?:{GLUED_CODES})\d+(?:[.,]\d+)*\b)[A-Za-z]*[A-Z][A-Za-z]*-?\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]*[A-Z]\d[A-Za-z\d]*\b"),  # codes: COVID-19, G7, Su-25; not USD115
    re.compile(r"\b(?=[a-z\d]*\d[a-z\d]*[a-z][a-z\d]*\d)(?=[a-z\d]*[a-z][a-z\d]*[a-z])[a-z\d]{6,}\b"),  # hashes and ids: d93b851cbdf39944, not 24703m2
    re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]"),  # citation marks: [12], [3, 4], [5–7]
    re.compile(r"\(\d{1,3}(?:[–-]\d{1,3})?(?:,\d{1,3}(?:[–-]\d{1,3})?)+\)"),  # citation numbers: (26,29,49), (4,35–38,44)
    re.compile(r"(?<![\w.])[A-Za-z]\([^()]{1,20}\)"),  # arguments of a one-letter function: t(39), F(3, 8.9), Y(i+1)
    re.compile(r"\[\d+[A-Z][a-z]?\]"),  # isotope labels: [11C], [35S]
    re.compile(rf"(?<![\w)])\(\d{{1,2}}\)(?!\s*(?:%|(?:{_SHORT_UNITS})\b))"),  # enumeration labels: (1), (2) — "(2) the"
    re.compile(r"\b\d+(?:\.\d+){2,}\b"),  # version numbers and addresses: 192.168.1.2, 1.2.3
    re.compile(r"\b\d{1,2}(?:,\d{1,2})+(?=-[a-z])|(?<=[a-z]-)\d{1,2}(?:,\d{1,2})*(?=-[a-z])|\[\d{1,2}(?:,\d{1,2})+\]"),  # locants: 2,5-diyl, [6,6]-phenyl
    re.compile(r"\b\d+[a-df-z]-\d+\b"),  # well and sample codes: 22/10a-4 (not 12e-1)
    re.compile(r"\((?:\s*[-−]?\d+(?:/\d+)?\s*,){2,}\s*[-−]?\d+(?:/\d+)?\s*\)|\{\d{1,3}\}"),  # tuples: (1/2, 0, 0), {111}
    re.compile(r"\b\d{1,3}\s?°\s?\d{1,2}(?:\.\d+)?\s?['’′](?:\s?\d{1,2}(?:\.\d+)?\s?(?:[\"”″]|''|’’|′′))?\s?[NSEW]\b"),  # coordinates: 57°44’8.47”N
    re.compile(r"\b(?:1[6-9]|2[01])\d{2}\s?[-–/]\s?\d{2}(?:\d{2})?\b"),  # year spans: 1992-93, 2019-2020
    re.compile(r"(?<=\s)(?:-\s+|[–|]\s*)\d{1,3}[ \t]*$", re.MULTILINE),  # gallery and list indices closing a line: "Title - 1", not "<= -30"
)
_ORDINAL_WORDS = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)
_MONTH = "|".join(re.escape(m.rstrip(".")) for m in sorted(tables.MONTHS, key=len, reverse=True))
# A month written next to a day or a year ("Nov 8", "8 November", "November 2024"), not "february expenses".
_MONTH_BY_FIGURE = re.compile(
    rf"\b(?:{_MONTH})\b\.?,?\s*\d|(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\b", re.IGNORECASE
)
_LIST_INDEX = re.compile(r"^\s*[-–•*]?\s*\d{1,3}\s*[.)]?\s*$")
_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}|[a-z]+[A-Z][A-Za-z]*)[ \t]$")
_NAME_EXCEPTIONS = frozenset(
    {h.split()[0] for h in tables.HEDGES} | tables.MONTHS | {"us", "usd", "eur", "gbp", "rs", "the", "a", "an"}
    | {"ci"}  # "95% CI 1.11–1.62": the bounds of a confidence interval, not a name
)
# Greek letters glued after digits name a variable ("2θ", "30ε"); μ/µ (micro-) and Ω (ohm) are units.
_GREEK_GLUED = re.compile(r"[α-ωΑ-Ω](?<![μΩ])")
_MULTIPLIER_AFTER = re.compile(r"\s+(?:" + "|".join(tables.MULTIPLIER_WORDS) + r")\b", re.IGNORECASE)
_EXPONENT = re.compile(r"[−⁻-]?\s?\d$|[²³]$")
CANONICAL_UNITS = frozenset(tables.UNITS.values())
_IDENTIFIER_LIST = re.compile(
    r"\b(?P<cue>(?:" + "|".join(re.escape(c.rstrip(".")) for c in sorted(tables.IDENTIFIER_CUES, key=len, reverse=True) if c[0].isalpha())
    + r")s?)\.?\s*[:#]?\s*[(\[]?\s*(?:(?:\d+[A-Za-z]?|\d+(?:\.\d+)?\))(?:\s*(?:,\s*(?:and|or|&)?|and|&|–|-|or|to)\s*"
    r"(?:\d+[A-Za-z]?|\(\d+(?:\.\d+)?\)))*\s*(?:,\s*(?:and|or|&)?|and|&|–|-|or|to)\s*\(?)?$",  # "Eqs. (9.2) and (9.10)"
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(r"(?<![\w-])[a-z]{3,}-$")  # a lower-case word glued by a hyphen right before the digits
_POSITIONAL_HALF = re.compile(r"\b(?:the|upper|lower|bottom|top|left|right|first|second|latter|former|other|back|front)\s+$", re.IGNORECASE)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|the|this|that|every|any|each|which|someone|anyone)\s+$", re.IGNORECASE)
_PRONOUN_ONE_AFTER = re.compile(
    r"^\s*(?:another|'s|’s|of\s+(?:the|them|us|those|these|its|his|her|their)\b|[,.;:)]|"
    r"(?:would|could|should|can|may|might|must|where|who|which|that|is|was)\b)",
    re.IGNORECASE,
)


def masked_ranges(text: str, timexes: Sequence[Timex]) -> list[tuple[int, int]]:
    ranges = [
        (m.start(), m.end())
        for start, end in _digit_windows(text)
        for pattern in _MASKS
        for m in pattern.finditer(text, start, end)
    ]
    ranges += [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME", "SET")]
    offset = 0
    for line in text.splitlines(keepends=True):
        if _DIGIT.search(line) and (_LIST_INDEX.match(line) or _is_dateline(line)):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    return sorted(ranges)


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Stretches around digits, widened to whitespace: the masks only matter where numbers are, and
    scanning only there keeps the extractor fast on long texts with few figures."""
    windows: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        start = max(0, m.start() - MASK_CONTEXT)
        start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1 if start else 0
        end = min(len(text), m.end() + MASK_CONTEXT)
        gap = _SPACE.search(text, end)
        end = gap.start() if gap else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _is_dateline(line: str) -> bool:
    """A line of furniture: a date or clock time and numbers, without prose ("Nov 8, 2024 10:33 100")."""
    words = [w.lower().rstrip(".") for w in WORD.findall(line)]
    has_date = _MONTH_BY_FIGURE.search(line) or re.search(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}", line)
    prose = [w for w in words if w not in tables.MONTHS and len(w) > 2]
    return bool(has_date) and len(prose) < 2


def inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the sorted ``ranges`` (only ranges starting at or before it can hold it)."""
    stop = bisect.bisect_right(ranges, (pos, math.inf))
    return any(s <= pos < e for s, e in ranges[max(0, stop - MAX_MASK_OVERLAP) : stop])


def rejected(text, number: NumberMatch, start, end, unit, blocked, timexes) -> bool:
    if any(s < end and number.start < e for s, e in blocked):
        return True
    glued_letter = unit is not None and re.fullmatch(r"[A-Za-z]", text[number.end : end])
    known_unit = unit is not None and _known_unit(unit) and not glued_letter
    label = None if known_unit else _IDENTIFIER_LIST.search(text, max(0, number.start - 80), number.start)
    if label and (label.group("cue").lower().endswith("s") or "," not in text[label.end("cue") : number.start]):
        return True  # "Figs. 2 and 5", "phases 3, 5, 7", "Eq. (29)", "Fig. 3C": labels; not "Fig. 10, 350 electrons"
    if glued_letter and re.match(r"-[A-Za-z]", text[end : end + 2]):
        return True  # "12C-enriched", "5A-type": an isotope or a label, not "12 °C"
    if _LABEL_BEFORE.search(text, max(0, number.start - 30), number.start):
        return True  # "caspase-3", "category-4", "day-14": a name ending in a number
    if re.match(r"[A-Za-z]{1,2}/\d", text[number.end : number.end + 4]):
        return True  # "40Ar/39Ar", "187Os/188Os": an isotope ratio
    if unit is None and number.plain_integer and tables.YEAR_RANGE[0] <= number.value <= tables.YEAR_RANGE[1]:
        return True
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    prev_word = re.search(r"([A-Za-z#.]+)\.?\s*$", before)
    if unit is None and prev_word:
        word = prev_word.group(1).lower().rstrip(".")
        if word in tables.MONTHS or word in tables.IDENTIFIER_CUES or prev_word.group(1).lower() in tables.IDENTIFIER_CUES:
            return True
    next_word = re.match(r"\s*(?:of\s+)?([A-Za-z.']+)", after)
    if unit is None and next_word:
        word = next_word.group(1).lower().rstrip(".")
        if word in tables.MONTHS or word in tables.TIME_WORDS:
            return True
    if unit is None and re.match(r"[A-Za-z]", text[number.end : number.end + 1]) and not number.spelled:
        return True  # "5G", "3D": glued letters that are no unit
    if _GREEK_GLUED.match(text, number.end) and not number.spelled:
        return True  # "2θ", "30ε", "2σ", "HNF-4α", "2πt": a variable or a label, not an amount
    if number.spelled and text[number.start].isupper() and number.start > 0 and text[number.start - 1] == "-":
        return True
    if unit is None and re.match(r"-[A-Za-z]", text[number.end : number.end + 2]):
        return True  # "three-way", "5-star": a compound adjective, not an amount
    if (unit is None or glued_letter) and _after_name(text, number.start) and not _MULTIPLIER_AFTER.match(text, end):
        return True  # "Boeing 737", "Windows 11", "Apollo 11": part of a name; not "flew by Enceladus 14 times"
    street = re.match(r"\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]*)\b", text[end : end + 40])
    if unit is None and street and street.group(1).lower() in tables.STREET_WORDS:
        return True  # "10 Downing Street"
    if unit is None and re.match(r"\s+block\s+of\b", after + text[end + 12 : end + 16], re.IGNORECASE):
        return True  # "the 3400 block of Main St": an address
    if unit == "second" and text[number.end : number.end + 1] == "s" and number.value % 10 == 0 and number.value >= 10:
        return True  # "the 1990s", "the 60s": decades
    if tables.UNIT_KINDS.get(unit or "") == "duration" and re.match(r"\s+ago\b", after, re.IGNORECASE):
        return True  # "2 hours ago": a point in time
    if unit and unit.isalpha() and unit not in CANONICAL_UNITS and text[number.end : end].isupper() and len(unit) > 1:
        return True  # "1AA", "2SD": codes glued to digits
    return False


def _known_unit(unit: str) -> bool:
    """A unit from the tables, or a compound of them written with exponents ("cm−1", "km s−1")."""
    parts = re.split(r" per | ", unit)
    return unit in CANONICAL_UNITS or all(p in CANONICAL_UNITS or _EXPONENT.sub("", p) in tables.UNITS for p in parts)


def widget_counter(text: str, end: int) -> bool:
    """"1.2K views | 34 comments": page furniture in a short line."""
    word = re.match(r"\s*([A-Za-z]+)", text[end : end + 20])
    if word is None or word.group(1).lower() not in tables.COUNTER_WORDS:
        return False
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return "|" in line or len(WORD.findall(line)) <= tables.MAX_WIDGET_LINE_WORDS


def _after_name(text: str, pos: int) -> bool:
    """Whether a capitalised word, not opening a sentence, stands right before ``pos``."""
    m = _NAME_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or m.group(1).lower() in _NAME_EXCEPTIONS:
        return False
    before = text[: m.start(1)].rstrip()
    return bool(before) and before[-1] not in ".!?:\"“(—–-|\n" and not before.endswith("\n")


def is_positional_half(text: str, number: NumberMatch) -> bool:
    """"the upper half of the figure", "the first half": a part named by position, not an amount."""
    return text[number.start : number.end].lower() == "half" and bool(
        _POSITIONAL_HALF.search(text[max(0, number.start - 12) : number.start])
    )


def is_ordinal_word(text: str, number: NumberMatch) -> bool:
    return bool(_ORDINAL_WORDS.match(text, number.start)) and not number.vague


def is_pronoun_one(text: str, number: NumberMatch) -> bool:
    if text[number.start : number.end].lower() != "one":
        return False
    return bool(_PRONOUN_ONE_BEFORE.search(text[max(0, number.start - 12) : number.start])) or bool(
        _PRONOUN_ONE_AFTER.match(text[number.end : number.end + 20])
    )
