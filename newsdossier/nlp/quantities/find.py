"""``find_quantities``: numbers with their hedge, bounds, unit, counted thing and predicate.

Works on the text of any spaCy ``Doc`` (a blank English tokenizer is enough): the number, hedge and
unit are read from the characters; sentences, part-of-speech tags and timex spans are used when the
doc has them. Pure: reads the doc, never changes it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator, Sequence

from spacy import symbols as spacy_symbols
from spacy.tokens import Doc

from newsdossier.data import quantities as tables
from newsdossier.model import Quantity, Timex
from newsdossier.nlp.quantities.numbers import NUMBER_START, NumberMatch, read_number

NEARLY_MARGIN = 0.1  # "nearly 300" → [270, 300): news writers round up from within ~10%
APPROX_MARGIN = 0.1  # "about 300" → [270, 330]: the same ~10% either side
MAX_HEDGE_GAP = 2  # characters of space allowed between a hedge/currency and its number
MAX_ALTERNATIVE_GAP = 3  # "440-meter (1,444-foot)": at most " (" between a figure and its conversion
PREDICATE_WINDOW = 8  # words looked back for the verb governing a figure; covers "liberated X cities and nearly N"

_GERUND = re.compile(r"[a-z]{3,}ing")  # "societies representing": a participle ends the noun phrase
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)")
_AUXILIARIES = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "being", "be"})
_PASSIVE_VERB = re.compile(r"(?:\s+(?:been|being|reportedly|also|later|since|now|all|so\s+far))*\s+([A-Za-z]+)")
TALLY_WINDOW = 60  # characters looked back for "the death toll rose to": a clause, not the whole sentence
_TALLY = re.compile(
    r"\b(?:([A-Za-z]+)\s+(?:toll|tally|count)|number\s+of\s+([A-Za-z]+))\b(?:(?![.;:]).)*$", re.IGNORECASE
)
MASK_CONTEXT = 40  # characters scanned for masks either side of a digit: longer than any date, phone number or code
MAX_MASK_OVERLAP = 8  # masked ranges that may still cover a position; masks rarely nest deeper
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_SPACE = re.compile(r"\s")
_MASKS = (
    re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b\S+\.(?:com|org|net|gov|edu|html?|php|az|ru|uk)\b\S*"),
    re.compile(r"\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\+\d{1,3}(?:[\s.-]\d{2,4}){2,5}\b"),  # phone numbers
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?", re.IGNORECASE),  # clock times
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"),
    re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE),  # ordinals
    re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*-?\d+[A-Za-z\d]*\b|\b\d+[A-Za-z]*[A-Z]\d[A-Za-z\d]*\b"),  # codes: COVID-19, G7, Su-25
    re.compile(r"\b(?=[a-z\d]*\d[a-z\d]*[a-z][a-z\d]*\d)[a-z\d]{6,}\b"),  # hashes and ids: d93b851cbdf39944
    re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]"),  # citation marks: [12], [3, 4], [5–7]
    re.compile(r"\[\d+[A-Z][a-z]?\]"),  # isotope labels: [11C], [35S]
    re.compile(r"(?<![\w)])\(\d{1,2}\)(?!\s*(?:%|[A-Za-z]{1,3}\b))"),  # enumeration labels: (1), (2)
    re.compile(r"\b\d+(?:\.\d+){2,}\b"),  # version numbers and addresses: 192.168.1.2, 1.2.3
    re.compile(r"\b(?:1[6-9]|2[01])\d{2}\s?[-–/]\s?\d{2}(?:\d{2})?\b"),  # year spans: 1992-93, 2019-2020
    re.compile(r"(?<=\s)[-–|]\s*\d{1,3}[ \t]*$", re.MULTILINE),  # gallery and list indices closing a line: "Title - 1"
)
_ORDINAL_WORDS = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)
_LIST_INDEX = re.compile(r"^\s*[-–•*]?\s*\d{1,3}\s*[.)]?\s*$")
_HEDGE = re.compile(
    r"((?:(?:^|(?<=[\s(\[\"“]))(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(tables.HEDGES, key=len, reverse=True) if h[0].isalpha())
    + r"))|(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s*") for h in sorted(tables.HEDGES, key=len, reverse=True) if not h[0].isalpha())
    + r"))\s{0,2}$",
    re.IGNORECASE,
)
_TRAILING_HEDGE = re.compile(
    r"\s+(" + "|".join(re.escape(h) for h in tables.TRAILING_HEDGES) + r")\b"
    r"(?!\s*(?:[-−]?\d|(?:than|a|an|" + "|".join(tables.SMALL_NUMBERS) + r")\b))",  # "10 and more than 40": no trailing hedge
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(
    r"(?:^|(?<=[^A-Za-z]))(" + "|".join(re.escape(c) for c in sorted(tables.CURRENCY_PREFIXES, key=len, reverse=True)) + r")\s?$",
    re.IGNORECASE,
)
_UNIT_SURFACES = sorted(tables.UNITS, key=len, reverse=True)
_UNIT = re.compile(
    r"(\s{0,2}|-)(?:(?:[A-Z][a-z]+|[a-z]+)\s)?("
    + "|".join(re.escape(u) for u in _UNIT_SURFACES)
    + r")(?![A-Za-z0-9²³/])",
    re.IGNORECASE,
)
_UNIT_PLAIN = re.compile(
    r"(\s{0,2}|-)(" + "|".join(re.escape(u) for u in _UNIT_SURFACES) + r")(?![A-Za-z0-9²³/])", re.IGNORECASE
)
_SIGN = re.compile(r"(?:^|(?<=[\s(\[=~∼<>≈]))([-−]|minus\s+|negative\s+)$", re.IGNORECASE)
_TOLERANCE = re.compile(r"\s?(?:±|\+/-|\+-)\s?")
_GLUED_SYMBOL = re.compile(r"[A-Za-zµμ]{1,%d}(?![A-Za-z0-9])" % tables.MAX_GLUED_UNIT_LETTERS)
_UNIT_PART = "|".join(re.escape(u) for u in sorted((u for u in tables.UNITS if len(u) <= 4 and re.fullmatch(r"[a-zµμ]+", u)), key=len, reverse=True))
# After a unit: exponents and further units ("cm−1", "km s−1", "mg cm− 2", "m/s²"), kept as written.
_COMPOUND_TAIL = re.compile(
    rf"(?:(?:[−⁻]|-(?=\d))\s?\d(?!\d|[.,]\d)|[²³])?(?:(?:\s|/|\s?per\s)(?:{_UNIT_PART})(?:(?:[−⁻]|-(?=\d))\s?\d(?!\d|[.,]\d)|[²³])(?![A-Za-z]))*",
)
_HEDGE_KEYS = {re.sub(r"\s+", "", h): h for h in tables.HEDGES}  # written with any spacing → table key
_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Z]{2,}|[a-z]+[A-Z][A-Za-z]*)[ \t]$")
_NAME_EXCEPTIONS = frozenset(
    {h.split()[0] for h in tables.HEDGES} | tables.MONTHS | {"us", "usd", "eur", "gbp", "rs", "the", "a", "an"}
)
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?:the\s+)?)")
_BOUND_JOINER = re.compile(r"\s*,?\s*(?:and|but|,)\s*", re.IGNORECASE)
_RANGE_END_PREFIX = re.compile(r"[∼~≈]?\s?−?")  # "from ∼250 to ∼550 ppm", "−27.7 to −23.7‰"
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|and|through)\s*|~(?=\d)", re.IGNORECASE)
_RANGE_OPENERS = re.compile(r"(?:^|(?<=\s))(between|from)\s$", re.IGNORECASE)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|the|this|that|every|any|each|which|someone|anyone)\s+$", re.IGNORECASE)
_PRONOUN_ONE_AFTER = re.compile(
    r"^\s*(?:another|'s|’s|of\s+(?:the|them|us|those|these|its|his|her|their)\b|[,.;:)]|"
    r"(?:would|could|should|can|may|might|must|where|who|which|that|is|was)\b)",
    re.IGNORECASE,
)
_CANONICAL_UNITS = frozenset(tables.UNITS.values())
_IDENTIFIER_LIST = re.compile(
    r"\b(?:" + "|".join(re.escape(c.rstrip(".")) for c in sorted(tables.IDENTIFIER_CUES, key=len, reverse=True) if c[0].isalpha())
    + r")\.?\s*[:#]?\s*[(\[]?\s*(?:\d+[A-Za-z]?(?:\s*(?:,|and|&|–|-|or|to)\s*\d+[A-Za-z]?)*\s*(?:,|and|&|–|-|or|to)\s*)?$",
    re.IGNORECASE,
)


def find_quantities(doc: Doc, timexes: Sequence[Timex] = ()) -> Iterator[Quantity]:
    """Every quantity in ``doc``, in text order. DATE/TIME/SET timexes are not quantities; DURATIONs are."""
    text = doc.text
    if not timexes and "timex" in doc.spans:
        timexes = [s._.timex for s in doc.spans["timex"] if getattr(s._, "timex", None) is not None]
    blocked = _masked_ranges(text, timexes)
    sentences = _sentence_bounds(doc, len(text))
    nouns = _noun_offsets(doc)
    dct = doc.user_data.get("dct") if doc.user_data else None
    found: list[Quantity] = []
    consumed = 0
    for candidate in NUMBER_START.finditer(text):
        if candidate.start() < consumed or _inside(candidate.start(), blocked):
            continue
        quantity = _read_quantity(text, candidate.start(), blocked, sentences, nouns, timexes, dct)
        if quantity is None:
            continue
        consumed = quantity.end
        found.append(quantity)
    yield from _link_alternatives(text, _merge_lists(text, _merge_bounds(text, found)))


# --- reading one quantity ----------------------------------------------------------------------


def _read_quantity(text, pos, blocked, sentences, nouns, timexes, dct) -> Quantity | None:
    number = read_number(text, pos)
    if number is None or number.end <= number.start:
        return None
    if _is_ordinal_word(text, number) or _is_pronoun_one(text, number):
        return None
    number, start = _signed(text, number)
    end = number.end
    low = high = number.value
    lo_open = hi_open = False
    if number.vague:
        low, high = number.vague
        hi_open = True
    qualifier: str | None = None

    currency = _CURRENCY_BEFORE.search(text, max(0, start - 5), start)
    unit: str | None = None
    if currency and not text[currency.start() - 1 : currency.start()].isalpha():
        unit = tables.CURRENCY_PREFIXES[currency.group(1).lower()]
        start = currency.start()

    second = _read_range_end(text, number, start)
    if second is not None:
        range_number, opener_start = second
        if number.value < range_number.value:
            low, high = number.value, range_number.value
            if range_number.value >= 1000 and number.value < 1000 and not number.spelled and _scaled(range_number, text):
                scaled = number.value * _scale_of(range_number, text)  # "5 to 10 million": both ends in millions
                low = scaled if scaled <= high else low
            end = range_number.end
            if opener_start is not None:
                start = opener_start
                qualifier = text[opener_start:number.start].strip().lower()
        elif re.fullmatch(r"\s*[-–]\s*", text[number.end : range_number.start]) and not number.spelled:
            return None  # "won 3-2", "a 52-48 margin": a score or a split, not an amount
        else:
            second = None

    tolerance = _TOLERANCE.match(text, end)
    if tolerance and second is None:
        spread = read_number(text, tolerance.end())
        if spread is not None:
            low, high, end = number.value - spread.value, number.value + spread.value, spread.end

    read_unit = _unit_at(text, end)
    if read_unit is not None and unit is None:
        unit, end = read_unit
    elif read_unit is not None and tables.UNIT_KINDS.get(read_unit[0]) == "currency":
        end = read_unit[1]  # "$5 dollars", "US$ 5 dollars": one currency

    if unit is not None and second is None and tolerance is None:
        ranged = _range_with_units(text, number, start, end, unit)
        if ranged is not None:
            low, high, end, opener_start = ranged
            second = True
            if opener_start is not None:
                qualifier = text[opener_start:number.start].strip().lower()
                start = opener_start

    if unit is not None and second is None and tolerance is None:
        spread = _unit_tolerance(text, end, unit)  # "43.57% ± 4.35%"
        if spread is not None:
            low, high, end = number.value - spread[0], number.value + spread[0], spread[1]

    if _rejected(text, number, start, end, unit, blocked, timexes):
        return None

    hedge = _HEDGE.search(text, max(0, start - 30), start)
    trailing = _TRAILING_HEDGE.match(text, end) if second is None else None
    if trailing:  # "about 500 or more": the trailing comparison is the bound
        qualifier = trailing.group(1).lower()
        end = trailing.end()
        low, high, lo_open, hi_open = _hedged(tables.TRAILING_HEDGE_KINDS[qualifier], low, high)
        if hedge and hedge.end() >= start - MAX_HEDGE_GAP:
            start = hedge.start(1)
    elif hedge and qualifier is None and hedge.end() >= start - MAX_HEDGE_GAP:
        qualifier = _HEDGE_KEYS.get(re.sub(r"\s+", "", hedge.group(1).lower()))
        start = hedge.start(1)
        low, high, lo_open, hi_open = _hedged(tables.HEDGES[qualifier], low, high)
    if number.vague and qualifier is None:
        qualifier = text[number.start : number.end].lower()

    sentence = _sentence_of(start, sentences, len(text))
    if _widget_counter(text, end):
        return None
    counted, verb_after = _counted(text, end, sentence[1], nouns, skip_of=number.vague is not None or unit == "percentage" or number.value < 1)
    predicate = _predicate(text, start, sentence[0]) or verb_after
    if counted is None and unit is None:
        counted = _counted_before(text, start, sentence[0])
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=number.value,
        low=low,
        high=high,
        unit=unit,
        qualifier=qualifier,
        counted=counted,
        predicate=predicate,
        bounds=("(" if lo_open else "[") + (")" if hi_open else "]"),
        scope=_scope(sentence, timexes, dct),
    )


def _read_range_end(text: str, number: NumberMatch, start: int) -> tuple[NumberMatch, int | None] | None:
    if number.vague:
        return None
    sep = _RANGE_SEP.match(text, number.end)
    if not sep:
        return None
    word = sep.group(0).strip().lower()
    opener = _RANGE_OPENERS.search(text, max(0, start - 9), start)
    if word == "and" and not (opener and opener.group(1).lower() == "between"):
        return None
    if word in ("-", "—") and sep.group(0) != word and not opener and number.spelled:
        return None  # "five - ten" with spaces is a list, not a range, unless "from"/"between"
    pos = sep.end() + len(_RANGE_END_PREFIX.match(text, sep.end()).group(0))
    negative = "−" in text[sep.end() : pos]
    if pos >= len(text) or not (text[pos].isdigit() or text[pos].isalpha()):
        return None
    other = read_number(text, pos)
    if other is not None and negative:
        other = NumberMatch(sep.end(), other.end, -other.value, other.spelled)
    if other is None or other.vague or (other.spelled != number.spelled and word in ("-", "–", "—")):
        return None
    return other, (opener.start(1) if opener else None)


def _signed(text: str, number: NumberMatch) -> tuple[NumberMatch, int]:
    """The number with a sign written before it ("−109 °C", "minus 5"), and where it now starts."""
    sign = _SIGN.search(text, max(0, number.start - 10), number.start)
    if sign is None or number.vague or re.search(r"\d\s*$", text[: sign.start(1)]):
        return number, number.start  # "75 -300mm" is a range written loosely, not a negative
    flipped = NumberMatch(sign.start(1), number.end, -number.value, number.spelled, False, None)
    return flipped, sign.start(1)


def _range_with_units(text: str, number: NumberMatch, start: int, end: int, unit: str):
    """"38 MPa to 185 MPa", "from 0.25 Mbps to 0.01 Mbps": a range whose ends both carry the unit."""
    sep = _RANGE_SEP.match(text, end)
    if not sep or sep.group(0).strip().lower() == "and" and not _RANGE_OPENERS.search(text, max(0, start - 9), start):
        return None
    pos = sep.end() + len(_RANGE_END_PREFIX.match(text, sep.end()).group(0))
    other = read_number(text, pos) if pos < len(text) else None
    if other is None or other.vague:
        return None
    other, _ = _signed(text, other)
    read_unit = _unit_at(text, other.end)
    if read_unit is None or read_unit[0] != unit:
        return None
    opener = _RANGE_OPENERS.search(text, max(0, start - 9), start)
    low, high = sorted((number.value, other.value))
    return low, high, read_unit[1], (opener.start(1) if opener else None)


def _unit_tolerance(text: str, end: int, unit: str) -> tuple[float, int] | None:
    tolerance = _TOLERANCE.match(text, end)
    if not tolerance:
        return None
    spread = read_number(text, tolerance.end())
    if spread is None:
        return None
    read_unit = _unit_at(text, spread.end)
    if read_unit is not None and read_unit[0] == unit:
        return spread.value, read_unit[1]
    return spread.value, spread.end


def _scaled(number: NumberMatch, text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", text[number.start : number.end]))


def _scale_of(number: NumberMatch, text: str) -> float:
    digits = re.match(r"[\d.,]+", text[number.start : number.end])
    if not digits:
        return 1
    base = float(digits.group(0).replace(",", "")) or 1
    return number.value / base


def _unit_at(text: str, end: int) -> tuple[str, int] | None:
    """The unit after a number and where it ends: a known unit (with any compound tail such as
    "km s−1", "mW m−2", kept as written), else a short unknown symbol glued to the digits ("15kR")."""
    match = _read_unit(text, end)
    if match is not None and _single_glued_letter(text, end, match):
        return None
    if match is None:
        glued = _GLUED_SYMBOL.match(text, end)
        if glued and glued.group(0).lower() not in tables.GLUED_NOT_UNITS and end > 0 and text[end - 1].isdigit():
            return glued.group(0).lower(), glued.end()
        return None
    unit = tables.UNITS[match.group(2).lower()]
    tail = _COMPOUND_TAIL.match(text, match.end())
    if tail and tail.group(0).strip():
        written = text[match.start(2) : tail.end()]
        return re.sub(r"\s+", " ", written.lower()).replace("- ", "-"), tail.end()
    return unit, match.end()


def _single_glued_letter(text: str, end: int, match) -> bool:
    """"Fig. 3A", "Table 1f", "2011a": one letter glued to digits is a label unless it is a common unit symbol."""
    surface = match.group(2)
    return (
        match.group(1) == ""
        and len(surface) == 1
        and surface.isalpha()
        and surface not in tables.GLUED_LETTER_UNITS
        and not text[match.end() : match.end() + 1].isalnum()
    )


def _read_unit(text: str, end: int):
    plain = _UNIT_PLAIN.match(text, end)
    for match in (plain, _UNIT.match(text, end)):
        if match is None:
            continue
        surface = match.group(2)
        gap = match.group(1)
        low = surface.lower()
        if surface == "%" or surface.startswith("°"):
            return match
        spaced_ok = surface in tables.SPACED_CASED_UNITS or any(c.isupper() for c in surface[1:])
        if gap.strip() == "" and gap and low in tables.GLUED_ONLY_UNITS and low not in tables.SPACED_SHORT_UNITS and not spaced_ok:
            continue
        if gap and low in tables.SPACED_SHORT_UNITS and len(low) <= 2 and not re.match(r"\s?$", gap):
            continue
        if match is not plain and tables.UNIT_KINDS.get(tables.UNITS[low]) != "currency":
            continue  # an adjective between number and unit only for currencies: "420 million finnish markka"
        if low in ("c", "f", "k") and surface.islower() and gap:
            continue  # "5 c" / "5 f": letters, not temperatures
        return match
    return None


def _hedged(kind: str, low: float, high: float) -> tuple[float | None, float | None, bool, bool]:
    if kind == "gt":
        return high, None, True, False
    if kind == "ge":
        return low, None, False, False
    if kind == "lt":
        return None, low, False, True
    if kind == "le":
        return None, high, False, False
    if kind == "nearly":  # just short of the figure, on the side of zero
        near = high * (1 - NEARLY_MARGIN)
        return (near, high, False, True) if near <= high else (high, near, True, False)
    ends = sorted((low * (1 - APPROX_MARGIN), low * (1 + APPROX_MARGIN), high * (1 - APPROX_MARGIN), high * (1 + APPROX_MARGIN)))
    return ends[0], ends[-1], False, False


# --- what is not a quantity ------------------------------------------------------------------------


def _masked_ranges(text: str, timexes: Sequence[Timex]) -> list[tuple[int, int]]:
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
    words = [w.lower().rstrip(".") for w in _WORD.findall(line)]
    has_date = any(w in tables.MONTHS for w in words) or re.search(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}", line)
    prose = [w for w in words if w not in tables.MONTHS and len(w) > 2]
    return bool(has_date) and len(prose) < 2


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the sorted ``ranges`` (only ranges starting at or before it can hold it)."""
    stop = bisect.bisect_right(ranges, (pos, math.inf))
    return any(s <= pos < e for s, e in ranges[max(0, stop - MAX_MASK_OVERLAP) : stop])


def _rejected(text, number: NumberMatch, start, end, unit, blocked, timexes) -> bool:
    if any(s < end and number.start < e for s, e in blocked):
        return True
    known_unit = unit is not None and unit in _CANONICAL_UNITS
    if not known_unit and _IDENTIFIER_LIST.search(text, max(0, number.start - 80), number.start):
        return True  # "Figs. 2 and 5", "phases 3, 5, 7", "Eq. (29)": labels, not amounts
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
    if number.spelled and text[number.start].isupper() and number.start > 0 and text[number.start - 1] == "-":
        return True
    if unit is None and re.match(r"-[A-Za-z]", text[number.end : number.end + 2]):
        return True  # "three-way", "5-star": a compound adjective, not an amount
    glued_letter = unit is not None and re.fullmatch(r"[A-Za-z]", text[number.end : end])
    if (unit is None or glued_letter) and _after_name(text, number.start):
        return True  # "Boeing 737", "Windows 11", "Apollo 11": part of a name
    street = re.match(r"\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]*)\b", text[end : end + 40])
    if unit is None and street and street.group(1).lower() in tables.STREET_WORDS:
        return True  # "10 Downing Street"
    if unit == "second" and text[number.end : number.end + 1] == "s" and number.value % 10 == 0 and number.value >= 10:
        return True  # "the 1990s", "the 60s": decades
    if tables.UNIT_KINDS.get(unit or "") == "duration" and re.match(r"\s+ago\b", after, re.IGNORECASE):
        return True  # "2 hours ago": a point in time
    if unit and unit.isalpha() and unit not in _CANONICAL_UNITS and text[number.end : end].isupper() and len(unit) > 1:
        return True  # "1AA", "2SD": codes glued to digits
    return False


def _widget_counter(text: str, end: int) -> bool:
    """"1.2K views | 34 comments": page furniture in a short line."""
    word = re.match(r"\s*([A-Za-z]+)", text[end : end + 20])
    if word is None or word.group(1).lower() not in tables.COUNTER_WORDS:
        return False
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return "|" in line or len(_WORD.findall(line)) <= tables.MAX_WIDGET_LINE_WORDS


def _after_name(text: str, pos: int) -> bool:
    """Whether a capitalised word, not opening a sentence, stands right before ``pos``."""
    m = _NAME_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None or m.group(1).lower() in _NAME_EXCEPTIONS:
        return False
    before = text[: m.start(1)].rstrip()
    return bool(before) and before[-1] not in ".!?:\"“(—–-|\n" and not before.endswith("\n")


def _is_ordinal_word(text: str, number: NumberMatch) -> bool:
    return bool(_ORDINAL_WORDS.match(text, number.start)) and not number.vague


def _is_pronoun_one(text: str, number: NumberMatch) -> bool:
    if text[number.start : number.end].lower() != "one":
        return False
    return bool(_PRONOUN_ONE_BEFORE.search(text[max(0, number.start - 12) : number.start])) or bool(
        _PRONOUN_ONE_AFTER.match(text[number.end : number.end + 20])
    )


# --- context: counted thing, predicate, time scope ---------------------------------------------------


def _noun_offsets(doc: Doc) -> set[int] | None:
    """Start offsets of noun tokens when the doc is tagged (read from arrays: iterating tokens is slow)."""
    if not len(doc):
        return None
    pos = doc.to_array("POS")
    if not pos.any():
        return None
    nouns = (pos == spacy_symbols.NOUN) | (pos == spacy_symbols.PROPN)
    return set(doc.to_array("IDX")[nouns].tolist())


def _sentence_bounds(doc: Doc, length: int) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, read from the token array (much faster than ``doc.sents``)."""
    flags = doc.to_array("SENT_START") if len(doc) else None
    if flags is None or not flags.any():
        return [(0, length)]
    starts = doc.to_array("IDX")[flags == 1].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, [*starts[1:], length]))


def _sentence_of(pos: int, sentences: list[tuple[int, int]], length: int) -> tuple[int, int]:
    i = bisect.bisect_right(sentences, (pos, math.inf)) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return 0, length


def _counted(text: str, end: int, limit: int, nouns: set[int] | None, skip_of: bool) -> tuple[str | None, str | None]:
    """Head of the noun phrase after the figure, and a verb that ended it ("300 people died")."""
    words: list[re.Match] = []
    pos = end
    if text[pos : pos + 1] == "-":
        pos += 1
    gap = re.match(r"\s*\(\s*[^()]{1,40}\)", text[pos:limit])  # "440-meter (1,444-foot) flag"
    if gap and re.search(r"\d", gap.group(0)):
        pos += gap.end()
    if skip_of:
        of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|all\s+)?", text[pos:limit], re.IGNORECASE)
        if of:
            pos += of.end()
    verb: str | None = None
    while len(words) < tables.MAX_COUNTED_WORDS:
        m = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)").match(text, pos, limit)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if not words and _looks_verb(low) and low not in tables.CASUALTY_VERBS and _ends_phrase(text, m.end(), limit):
            return None, low  # "one used", "40 fled": the verb of the figure, nothing counted
        if low in tables.COUNTED_STOPWORDS or (words and (_looks_verb(low) or _GERUND.fullmatch(low))):
            if words and (low in tables.PREDICATE_VERBS or _looks_verb(low)):
                verb = low
            elif not words and low in tables.PREDICATE_VERBS and low not in ("wounded", "injured", "killed", "displaced", "missing"):
                verb = low
            if not words and low in tables.CASUALTY_VERBS:
                words.append(m)  # "5 wounded soldiers", "300 dead"
                pos = m.end()
                continue
            if low in _AUXILIARIES:
                passive = _PASSIVE_VERB.match(text, m.end(), limit)  # "40 people were killed", "20 were wounded"
                if passive and _looks_verb(passive.group(1).lower()):
                    verb = passive.group(1).lower()
                    if not words and verb in tables.CASUALTY_VERBS:
                        return verb, verb
            break
        words.append(m)
        pos = m.end()
    if not words:
        return None, verb
    if nouns is not None:
        marked = [w for w in words if w.start(1) in nouns]
        if marked:
            return _strip_possessive(marked[-1].group(1)), verb
    return _strip_possessive(words[-1].group(1)), verb


def _ends_phrase(text: str, pos: int, limit: int) -> bool:
    """Whether no noun-phrase word follows ``pos``: punctuation, the end, or a function word."""
    m = _NEXT_WORD.match(text, pos, limit)
    return m is None or m.group(1).lower() in tables.COUNTED_STOPWORDS


def _counted_before(text: str, start: int, sentence_start: int) -> str | None:
    """What a tally before the figure counts: "the death toll rose to 45" → "deaths"."""
    window = text[max(sentence_start, start - TALLY_WINDOW) : start]
    match = None
    for match in _TALLY.finditer(window):
        pass
    if match is None:
        return None
    noun = match.group(1) or match.group(2)
    return tables.TALLY_NOUNS.get(noun.lower(), noun)


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def _looks_verb(word: str) -> bool:
    return (
        word in tables.PREDICATE_VERBS
        or word in tables.IRREGULAR_PAST
        or (word.endswith("ed") and len(word) >= 4 and word not in tables.NOT_PREDICATES)
    )


def _predicate(text: str, start: int, sentence_start: int) -> str | None:
    window = text[sentence_start:start]
    words = _WORD.findall(window)[-PREDICATE_WINDOW:]
    for word in reversed(words):
        low = word.lower()
        if word[0].isupper() and low not in tables.PREDICATE_VERBS:
            continue
        if _looks_verb(low) and low not in ("has", "have", "had"):
            return low
    return None


def _scope(sentence: tuple[int, int], timexes: Sequence[Timex], dct: str | None) -> str | None:
    dates = [t for t in timexes if t.type == "DATE" and sentence[0] <= t.start < sentence[1] and t.value[:1].isdigit()]
    if dates:
        return dates[-1].value
    return dct


def _merge_bounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """"more than 10 and less than 40": a lower and an upper bound joined by "and" are one interval."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.unit == q.unit
            and {prev.qualifier is not None, q.qualifier is not None} == {True}
            and _BOUND_JOINER.fullmatch(text[prev.end : q.start])
            and ((prev.high is None and q.low is None) or (prev.low is None and q.high is None))
        ):
            low, high = (prev.low, q.high) if prev.high is None else (q.low, prev.high)
            if low is not None and high is not None and low < high:
                lo_open = (prev.bounds if prev.high is None else q.bounds)[0]
                hi_open = (q.bounds if prev.high is None else prev.bounds)[1]
                out[-1] = _replace(
                    prev, end=q.end, text=text[prev.start : q.end], low=low, high=high, bounds=lo_open + hi_open,
                    qualifier=f"{prev.qualifier} … {q.qualifier}", counted=prev.counted or q.counted,
                )
                continue
        out.append(q)
    return out


def _merge_lists(text: str, found: list[Quantity]) -> list[Quantity]:
    """"1.5 mm and 8.5 mm", "2, 5 and 10 μg": values listed under one unit are one list quantity
    (qualifier "list", low/high the smallest and largest; claims leave lists out)."""
    out: list[Quantity] = []
    for q in found:
        while out and _listed_before(text, out[-1], q):
            prev = out.pop()
            q = _replace(
                q, start=prev.start, text=text[prev.start : q.end], qualifier="list", value=prev.value,
                low=min(prev.value, q.low if q.low is not None else q.value),
                high=max(prev.value, q.high if q.high is not None else q.value),
            )
        out.append(q)
    return out


def _listed_before(text: str, prev: Quantity, q: Quantity) -> bool:
    """Whether ``prev`` is an earlier item of the unit list that ``q`` ends."""
    return (
        q.unit is not None
        and tables.UNIT_KINDS.get(q.unit) not in ("currency", "percent")  # "$5 and $10", "35% and 22%": two figures
        and q.qualifier in (None, "list")
        and prev.unit in (None, q.unit)
        and prev.qualifier is None
        and prev.counted is None
        and bool(_LIST_JOINER.fullmatch(text[prev.end : q.start]))
        and (prev.unit is not None or bool(re.fullmatch(r"[\d.,]+", prev.text)))
    )


def _link_alternatives(text: str, found: list[Quantity]) -> Iterator[Quantity]:
    """Mark "440-meter (1,444-foot)": the parenthesised figure restates the one before it in another unit."""
    previous: Quantity | None = None
    for q in found:
        if (
            previous is not None
            and previous.unit
            and q.unit
            and q.unit != previous.unit
            and re.fullmatch(r"\s*[(\[]\s*|\s*,?\s*or\s+|\s*/\s*", text[previous.end : q.start])
            and q.start - previous.end <= MAX_ALTERNATIVE_GAP + 3
        ):
            q = _replace(q, same_as=previous.start, counted=q.counted or previous.counted)
        yield q
        previous = q


def _replace(q: Quantity, **changes) -> Quantity:
    import dataclasses

    return dataclasses.replace(q, **changes)
