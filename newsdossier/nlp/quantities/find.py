"""``find_quantities``: numbers with their hedge, bounds, unit, counted thing and predicate.

Works on the text of any spaCy ``Doc`` (a blank English tokenizer is enough): the number, hedge and
unit are read from the characters; sentences, part-of-speech tags and timex spans are used when the
doc has them. Pure: reads the doc, never changes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsdossier.data import quantities as tables
from newsdossier.model import Quantity, Timex
from newsdossier.nlp.quantities.context import (
    WORD,
    counted_after,
    counted_before,
    noun_offsets,
    predicate_before,
    scope_of,
    sentence_bounds,
    sentence_of,
)
from newsdossier.nlp.quantities.filters import (
    inside,
    is_ordinal_word,
    is_positional_half,
    is_pronoun_one,
    masked_ranges,
    rejected,
    widget_counter,
)
from newsdossier.nlp.quantities.merge import link_alternatives, merge_bounds, merge_lists
from newsdossier.nlp.quantities.numbers import NUMBER_START, NumberMatch, read_number

TEMPERATURE_WINDOW = 50  # characters before a bare "degrees" searched for a word about heat: one clause
NEARLY_MARGIN = 0.1  # "nearly 300" → [270, 300): news writers round up from within ~10%
APPROX_MARGIN = 0.1  # "about 300" → [270, 330]: the same ~10% either side
MAX_HEDGE_GAP = 2  # characters of space allowed between a hedge/currency and its number

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
# A unit ends at a non-letter; a digit or "/" may follow only as an exponent ("mm2") or a
# denominator ("kg/m3"), which _PER_TAIL then reads.
_UNIT_END = r"(?![A-Za-z0-9²³])|(?=[23](?![\d.,]\d|[A-Za-z]))"
_UNIT = re.compile(
    r"(\s{0,2}|-)(?:(?!(?:and|or|to|of|in|per|at|for|from|by|with)\s)(?:[A-Z][a-z]+|[a-z]+)\s)?("
    + "|".join(re.escape(u) for u in _UNIT_SURFACES)
    + r")(?:" + _UNIT_END + ")",
    re.IGNORECASE,
)
_UNIT_PLAIN = re.compile(
    r"(\s{0,2}|-)(" + "|".join(re.escape(u) for u in _UNIT_SURFACES) + r")(?:" + _UNIT_END + ")", re.IGNORECASE
)
_SIGN = re.compile(r"(?:^|(?<=[\s(\[=~∼<>≈]))([-−]|minus\s+|negative\s+)$", re.IGNORECASE)
_TOLERANCE = re.compile(r"\s?(?:±|\+/-|\+-)\s?")
_GLUED_SYMBOL = re.compile(r"[A-Za-zµμ]{1,%d}(?:[−⁻]\d)?(?![A-Za-z0-9])" % tables.MAX_GLUED_UNIT_LETTERS)
_UNIT_PART = "|".join(re.escape(u) for u in sorted((u for u in tables.UNITS if len(u) <= 4 and re.fullmatch(r"[a-zµμ]+", u)), key=len, reverse=True))
# After a unit: exponents and further units ("cm−1", "km s−1", "mg cm− 2", "m/s²"), kept as written.
_COMPOUND_TAIL = re.compile(
    rf"(?:(?:[−⁻]|-(?=\d))\s?\d(?!\d|[.,]\d)|[²³])?(?:(?:\s|/|\s?per\s)(?:{_UNIT_PART})(?:(?:[−⁻]|-(?=\d))\s?\d(?!\d|[.,]\d)|[²³])(?![A-Za-z]))*",
)
_ANY_UNIT = "|".join(re.escape(u) for u in _UNIT_SURFACES if re.fullmatch(r"[^\W\d_]+|°[a-z]", u))
# After a unit: an area/volume exponent and per-unit denominators, "mm2", "kg/m3", "°C/min", "Mt/yr".
_PER_TAIL = re.compile(
    rf"(?:[23](?![\d.,]\d))?(?:(?:/|\s+per\s+)(?:{_ANY_UNIT})(?:[23]|[−⁻-]\d)?(?![A-Za-z0-9]))+|[23](?![\d.,]\d|[A-Za-z])",
    re.IGNORECASE,
)
_SCALED_CODE = re.compile(r"\s?(" + "|".join(tables.SCALED_CURRENCY_CODES) + r")\b", re.IGNORECASE)
_SCALE_AFTER_UNIT = re.compile(r"\s+(" + "|".join(tables.SCALES) + r")\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*(?:[.;!?)]|$)")
_PREFIX_UNIT = re.compile(r"(?<![A-Za-z])(" + "|".join(map(re.escape, tables.PREFIX_UNITS)) + r")\s?(?:of\s+|=\s?|[∼~≈]\s?)?$")
_BRACKETED_UNIT = re.compile(r"\s?([(\[{<])\s?([^\W\d_]{1,5}|°[CF])\s?([)\]}>])")
_BRACKET_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_COUNT_PER_UNIT = re.compile(r"\s([A-Za-z]+)(\s?/\s?|\s+per\s+)[^\W\d_]+")
_FIGURE_AFTER = re.compile(r"\s?\d")
_OVER = re.compile(r"\s+over\s+", re.IGNORECASE)
_OUT_OF = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)
_BY = re.compile(r"\s?×\s?(?=\d)|\s[x×]\s(?=\d)")  # the "by" of a size: "2 × 2 m", "4 x 8 ft"
_SPACED_IN = re.compile(r"\s?in\b\.?")
_INCHES_AFTER = re.compile(r"\s*,?\s*(?:and\s+)?(?=\d|[a-z])()", re.IGNORECASE)
_HEDGE_KEYS = {re.sub(r"\s+", "", h): h for h in tables.HEDGES}  # written with any spacing → table key
_RANGE_END_PREFIX = re.compile(r"[∼~≈>]?\s?−?")  # "from ∼250 to ∼550 ppm", "−27.7 to −23.7‰", "between 200 and >1000 m"
_PAREN_UNCERTAINTY = re.compile(r"\(\d{1,2}\)(?=\s?[^\s\d(])")
_OF = re.compile(r"\s+of\s+(?=[a-zA-Zµμ°])")
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|and|through)\s*|~(?=\d)", re.IGNORECASE)
_RANGE_OPENERS = re.compile(r"(?:^|(?<=\s))(between|from)\s[∼~≈]?$", re.IGNORECASE)  # "between ∼−2 and 500 meV"


def find_quantities(doc: Doc, timexes: Sequence[Timex] = ()) -> Iterator[Quantity]:
    """Every quantity in ``doc``, in text order. DATE/TIME/SET timexes are not quantities; DURATIONs are."""
    text = doc.text
    if not timexes and "timex" in doc.spans:
        timexes = [s._.timex for s in doc.spans["timex"] if getattr(s._, "timex", None) is not None]
    blocked = masked_ranges(text, timexes)
    sentences = sentence_bounds(doc, len(text))
    nouns = noun_offsets(doc)
    dct = doc.user_data.get("dct") if doc.user_data else None
    found: list[Quantity] = []
    consumed = 0
    for candidate in NUMBER_START.finditer(text):
        if candidate.start() < consumed or inside(candidate.start(), blocked):
            continue
        quantity = _read_quantity(text, candidate.start(), blocked, sentences, nouns, timexes, dct, consumed)
        if quantity is None:
            continue
        consumed = quantity.end
        found.append(quantity)
    yield from link_alternatives(text, merge_lists(text, merge_bounds(text, found)))


# --- reading one quantity ----------------------------------------------------------------------


def _read_quantity(text, pos, blocked, sentences, nouns, timexes, dct, floor=0) -> Quantity | None:
    """The quantity whose number starts at ``pos``; nothing before ``floor`` (the end of the figure read
    before it) can be its currency: in "10 rmb 20 usd" the "rmb" is the first figure's."""
    number = read_number(text, pos)
    if number is None or number.end <= number.start:
        return None
    if is_ordinal_word(text, number) or is_positional_half(text, number) or (is_pronoun_one(text, number) and _unit_at(text, number.end) is None):
        return None  # "that one", unless a unit follows: "that one mile"
    number, start = _signed(text, number)
    end = number.end
    low = high = number.value
    lo_open = hi_open = False
    if number.vague:
        low, high = number.vague
        hi_open = True
    qualifier: str | None = None

    currency = _CURRENCY_BEFORE.search(text, max(floor, start - 5), start)
    unit: str | None = None
    if currency and not text[currency.start() - 1 : currency.start()].isalpha():
        unit = tables.CURRENCY_PREFIXES[currency.group(1).lower()]
        start = currency.start()

    prefix = _PREFIX_UNIT.search(text, max(floor, start - 12), start)
    if prefix and unit is None:  # "pH 7–8", "pH∼2": the unit comes first
        unit, start = tables.PREFIX_UNITS[prefix.group(1)], prefix.start(1)

    second = _read_range_end(text, number, start)
    if second is not None:
        range_number, opener_start = second
        between = opener_start is not None and text[opener_start : opener_start + 7].lower() == "between"
        if number.value < range_number.value or (between and number.value != range_number.value):
            low, high = sorted((number.value, range_number.value))  # "between −2 and −7‰" is [−7, −2]
            if range_number.value >= 1000 and number.value < 1000 and not number.spelled and _scaled(range_number, text):
                scaled = number.value * _scale_of(range_number, text)  # "5 to 10 million": both ends in millions
                low = scaled if scaled <= high else low
            end = range_number.end
            if opener_start is not None:
                start = opener_start
                qualifier = text[opener_start:number.start].strip(" ∼~≈").lower()
        elif re.fullmatch(r"\s*[-–]\s*", text[number.end : range_number.start]) and not number.spelled:
            return None  # "won 3-2", "a 52-48 margin": a score or a split, not an amount
        else:
            second = None

    if second is None and unit is None and not number.vague and _unit_at(text, end) is None:
        share = _proportion(text, number)  # "one in five adults", "two out of three": a share
        if share is not None:
            number, second, qualifier = share, True, "share"
            low = high = number.value
            end = number.end
        elif (over := _fraction_over(text, number)) is not None:  # "1 over 3" read aloud: a third
            number, second = over, True
            low = high = number.value
            end = number.end

    tolerance = _TOLERANCE.match(text, end)
    if tolerance and second is None:
        spread = read_number(text, tolerance.end())
        if spread is not None:
            low, high, end = number.value - spread.value, number.value + spread.value, spread.end

    uncertainty = _PAREN_UNCERTAINTY.match(text, end)  # "4.1816(4) Å", "1.1(2) wt%"
    if uncertainty and not number.spelled:
        end = uncertainty.end()
    read_unit = _unit_at(text, end)
    if read_unit is not None and read_unit[0] == "×" and _BY.match(text, end):
        read_unit = None  # "2 × 2 μm2": a size, read below, not a multiplier "12×"
    if read_unit is None and number.vague and unit is None:
        of_unit = _OF.match(text, end)  # "hundreds of meters"
        read_unit = _unit_at(text, of_unit.end()) if of_unit else None
    if read_unit is not None and unit is None:
        unit, end = read_unit
        if unit == "foot":  # "5 feet 2 inches", "12 ft 2 in": one length in feet
            inches = _INCHES_AFTER.match(text, end)
            extra = read_number(text, inches.end(1)) if inches else None
            inch_unit = _unit_at(text, extra.end) if extra is not None else None
            if extra is not None and inch_unit is None and (spaced_in := _SPACED_IN.match(text, extra.end)):
                inch_unit = ("inch", spaced_in.end())  # "12 ft 2 in": "in" is inches right after feet
            if inch_unit is not None and inch_unit[0] == "inch" and extra.value < 12:
                number = NumberMatch(number.start, number.end, number.value + extra.value / 12, number.spelled)
                low = high = number.value
                end = inch_unit[1]
        if unit == "degree angle" and _about_temperature(text, start, end, sentences):
            unit = tables.TEMPERATURE_DEGREE
        if unit in tables.POUND_SWAPS and _about_money(text, start, end, sentences):
            unit = tables.POUND_SWAPS[unit]
        if text[number.end : end] in ("C", "F") and _names_a_thing(text, end) and not _about_temperature(text, start, end, sentences):
            return None  # "14C dating", "the 13F filing", "14.7C/ unit": an isotope, a form, cents; not "30C in Paris"
    elif read_unit is not None and tables.UNIT_KINDS.get(read_unit[0]) == "currency" and not _FIGURE_AFTER.match(text, read_unit[1]):
        end = read_unit[1]  # "$5 dollars", "US$ 5 dollars": one currency; not "$ 20.00 $ 37.30"
    rate_counted = None
    if read_unit is None and unit is None and (rate := _COUNT_PER_UNIT.match(text, end)):
        per = _unit_at(text, rate.end(2))  # "1000 stems/ha", "13 pairs per mm", "100 U/ml": a count per unit
        if per is not None and per[1] == rate.end() and tables.UNIT_KINDS.get(per[0]) != "currency" and rate.group(1).lower() not in tables.COUNTED_STOPWORDS:
            unit, end, rate_counted = f"{rate.group(1).lower()} per {per[0]}", per[1], rate.group(1)
    if read_unit is None and unit is None and (coded := _SCALED_CODE.match(text, end)):
        scale, unit = tables.SCALED_CURRENCY_CODES[coded.group(1).lower()]  # "120 MEUR", "30 MUSD"
        number = NumberMatch(number.start, number.end, number.value * scale, number.spelled)
        low, high, end = low * scale, high * scale, coded.end()
    if tables.UNIT_KINDS.get(unit or "") == "currency" and second is None:
        scaled = _SCALE_AFTER_UNIT.match(text, end)  # "75 USD million"
        if scaled and number.value < 1000:
            scale = tables.SCALES[scaled.group(1).lower()]
            number = NumberMatch(number.start, number.end, number.value * scale, number.spelled)
            low, high, end = low * scale, high * scale, scaled.end()
    if unit in tables.CENT_CURRENCIES and second is None:  # "3 dollars 50 cents", "15 dollars and 50."
        cents_at = _INCHES_AFTER.match(text, end)
        cents = read_number(text, cents_at.end(1)) if cents_at else None
        cent_unit = _unit_at(text, cents.end) if cents is not None else None
        spoken = (
            cents is not None and cent_unit is None and (not cents.spelled or number.spelled) and _CLAUSE_END.match(text, cents.end)
        )  # "15 dollars and 50.", "thirteen dollars forty five."
        if cents is not None and (cent_unit is not None and cent_unit[0] == "cent" or spoken) and cents.value < 100:
            number = NumberMatch(number.start, number.end, number.value + cents.value / 100, number.spelled)
            low = high = number.value
            end = cent_unit[1] if cent_unit is not None else cents.end

    if second is None and tolerance is None and not number.spelled:
        size = _size(text, end)  # "4 × 4 × 5 mm", "640 m × 320 m", "121 × 53": one size, its first figure the value
        if size is not None:
            end, unit = size[0], unit or size[1]
            second = True

    if unit is not None and second is None and tolerance is None:
        ranged = _range_with_units(text, number, start, end, unit)
        if ranged is not None:
            low, high, end, opener_start = ranged
            second = True
            if opener_start is not None:
                qualifier = text[opener_start:number.start].strip(" ∼~≈").lower()
                start = opener_start

    if unit is not None and second is None and tolerance is None:
        spread = _unit_tolerance(text, end, unit)  # "43.57% ± 4.35%"
        if spread is not None:
            low, high, end = number.value - spread[0], number.value + spread[0], spread[1]

    if rejected(text, number, start, end, unit, blocked, timexes):
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

    sentence = sentence_of(start, sentences, len(text))
    if widget_counter(text, end):
        return None
    counted, verb_after = counted_after(text, end, sentence[1], nouns, skip_of=number.vague is not None or unit == "percentage" or number.value < 1)
    before = predicate_before(text, start, sentence[0])
    # "31 confirmed dead and 14 people remain missing": the verb of the figure's own clause says what
    # happened to what it counts, whatever verb came earlier in the sentence
    predicate = verb_after if verb_after in tables.CASUALTY_VERBS else (before or verb_after)
    if counted is None and unit is None:
        counted = counted_before(text, start, sentence[0])
    counted = counted or rate_counted
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
        scope=scope_of(sentence, timexes, dct),
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


def _proportion(text: str, number: NumberMatch) -> NumberMatch | None:
    """"one in five", "2 out of 3": the share the first whole number is of the second."""
    if number.value != int(number.value) or number.value < 0:
        return None
    joint = _OUT_OF.match(text, number.end)
    whole = read_number(text, joint.end()) if joint else None
    if whole is None or whole.vague or whole.value != int(whole.value) or not number.value < whole.value:
        return None
    if whole.plain_integer and tables.YEAR_RANGE[0] <= whole.value <= tables.YEAR_RANGE[1]:
        return None  # "3 in 2020": a year
    if _unit_at(text, whole.end) is not None or re.match(r"\s*(?:-|[A-Za-z]+\s+(?:of\b|ago\b))", text[whole.end : whole.end + 12]):
        return None  # "5 in 10 minutes", "2 in 5-star": the second figure is an amount of its own
    return NumberMatch(number.start, whole.end, number.value / whole.value, number.spelled)


def _fraction_over(text: str, number: NumberMatch) -> NumberMatch | None:
    """"1 over 3", "one over twenty": a fraction read aloud, where the clause ends at the denominator
    ("$2000 over 3 years" is an amount and a period)."""
    joint = _OVER.match(text, number.end)
    whole = read_number(text, joint.end()) if joint else None
    if whole is None or whole.vague or whole.value == 0 or not _CLAUSE_END.match(text, whole.end):
        return None
    return NumberMatch(number.start, whole.end, number.value / whole.value, number.spelled)


def _size(text: str, end: int) -> tuple[int, str | None] | None:
    """Where a size written as factors ("× 4 × 5 mm") ends, and the unit after its last factor."""
    found = None
    while (by := _BY.match(text, end)) is not None:
        factor = read_number(text, by.end())
        if factor is None or factor.spelled or factor.vague:
            break
        end = factor.end
        read_unit = _unit_at(text, end)
        unit = None
        if read_unit is not None and read_unit[0] != "×":
            unit, end = read_unit
        found = (end, unit)
    return found


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


def _names_a_thing(text: str, end: int) -> bool:
    """Whether a bare "C"/"F" glued to a figure is followed by a noun or a slash ("14C dates", "13F filing",
    "14.7C/"), as an isotope, a form or a price is; a temperature is followed by a clause end or a particle."""
    word = re.match(r"\s*/|\s+([a-z]+)\b", text[end : end + 30])
    return word is not None and (word.group(1) is None or word.group(1) not in tables.PARTICLES)


def _about_money(text: str, start: int, end: int, sentences) -> bool:
    """"pounds" spelled out in a clause about money are sterling, unless "of" names what is weighed."""
    if not re.fullmatch(r"\s*pounds?", text[end - 7 : end], re.IGNORECASE) or re.match(r"\s+of\b", text[end : end + 4]):
        return False
    sentence = sentence_of(start, sentences, len(text))
    before = {w.lower() for w in WORD.findall(text[max(sentence[0], start - TEMPERATURE_WINDOW) : start])}
    return bool(before & tables.MONEY_CUES) and not before & tables.WEIGHT_CUES


def _about_temperature(text: str, start: int, end: int, sentences) -> bool:
    """A bare "degrees" / "°" in a sentence about heat or weather measures temperature."""
    sentence = sentence_of(start, sentences, len(text))
    before = {w.lower() for w in WORD.findall(text[max(sentence[0], start - TEMPERATURE_WINDOW) : start])}
    after = {w.lower() for w in WORD.findall(text[end : min(sentence[1], end + TEMPERATURE_WINDOW // 2)])}
    return bool((before | after) & tables.TEMPERATURE_CUES) and not (before | after) & tables.ANGLE_CUES


def _unit_at(text: str, end: int) -> tuple[str, int] | None:
    """The unit after a number and where it ends: a known unit (with any compound tail such as
    "km s−1", "mW m−2", kept as written), else a short unknown symbol glued to the digits ("15kR")."""
    match = _read_unit(text, end)
    if match is not None and _single_glued_letter(text, end, match):
        return None
    if match is None:
        boxed = _BRACKETED_UNIT.match(text, end)  # "20 (kg)", "20 [kg]": a column-header style unit
        if boxed and end > 0 and text[end - 1].isdigit() and _BRACKET_PAIRS[boxed.group(1)] == boxed.group(3):
            surface = boxed.group(2)
            if surface.lower() in tables.UNITS and surface.lower() not in tables.GLUED_ONLY_UNITS:
                return tables.CASED_UNITS.get(surface) or tables.UNITS[surface.lower()], boxed.end()
        glued = _GLUED_SYMBOL.match(text, end)
        if glued and glued.group(0).lower() not in tables.GLUED_NOT_UNITS and end > 0 and text[end - 1].isdigit():
            return glued.group(0).lower(), glued.end()
        return None
    unit = tables.CASED_UNITS.get(match.group(2)) or tables.UNITS[match.group(2).lower()]
    per = _PER_TAIL.match(text, match.end())
    if per:
        written = text[match.start(2) : per.end()]
        parts = re.split(r"/|\s+per\s+", written)
        return tables.UNITS.get(written.lower()) or " per ".join(_fold_unit(p) for p in parts), per.end()
    tail = _COMPOUND_TAIL.match(text, match.end())
    if tail and tail.group(0).strip():
        written = text[match.start(2) : tail.end()]
        return re.sub(r"\s+", " ", written.lower()).replace("- ", "-"), tail.end()
    return unit, match.end()


def _fold_unit(written: str) -> str:
    """One written unit ("kg", "m3", "Mt") to its canonical name; unknown symbols stay as written, lower-cased."""
    return tables.CASED_UNITS.get(written) or tables.UNITS.get(written.lower(), written.lower())


def _single_glued_letter(text: str, end: int, match) -> bool:
    """"Fig. 3A", "Table 1f", "2011a": one letter glued to digits is a label unless it is a common unit symbol."""
    surface = match.group(2)
    return (
        match.group(1) == ""
        and len(surface) == 1
        and surface.isascii()
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
