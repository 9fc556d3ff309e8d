"""Reading the number itself: digits, words, scales and fractions, as value-returning pure functions.

Each reader takes the text and a position and returns a :class:`NumberMatch` (or ``None``); nothing
here knows about hedges, units or documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdossier.data import quantities as tables


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int
    end: int
    value: float
    spelled: bool = False  # written in words ("one million")
    plain_integer: bool = False  # digits only, no separator, decimal point or scale ("2020")
    vague: tuple[float, float] | None = None  # "dozens" → (24, 144)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMWORD = _alternation(tables.SMALL_NUMBERS)
# A spelled fraction's denominator as written → (its value, whether plural): "fifth", "fifths", "halves".
_DENOMINATORS: dict[str, tuple[float, bool]] = {
    **{w: (v, False) for w, v in tables.ORDINAL_NUMBERS.items()},
    **{w + "s": (v, True) for w, v in tables.ORDINAL_NUMBERS.items()},
    "half": (2, False), "halves": (2, True), "quarter": (4, False), "quarters": (4, True),
}
_ORDWORD = _alternation(w for w in _DENOMINATORS if w.removesuffix("s") not in tables.COMPOUND_ONLY_ORDINALS)
_TENS = "|".join(w for w, v in tables.SMALL_NUMBERS.items() if v >= 20)
MAX_FRACTION_WORDS = 12  # number words before a denominator: "one million two thousand two hundred three fifths" has 7
_SCALEWORD = _alternation([*tables.SCALES, "dozen"])
_FRACWORD = _alternation(tables.FRACTION_WORDS)

DIGITS = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    r"|\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+(?:\.\d+)?(?!\d)"  # thin/no-break space groups: 1 234 567
    r"|\d{1,3}(?: \d{3}){2,}(?:\.\d+)?(?![\d,.]\d)"  # plain space groups, at least two: 1 234 567
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)"  # Indian grouping: 12,34,567.89
    r"|\d+(?:\.\d+)?(?:[eE][-+]?\d+(?![\w]))?|\.\d+"
)
TIMES_TEN = re.compile(r"\s?[×x]\s?10\^?([-−⁻]?\d{1,3})(?!\d)")  # 4.3 × 10−8
MIXED_FRACTION = re.compile(r"[ \u00a0]{1,2}(\d)/(\d{1,2})(?![\d/])")
TEN_MINUS = re.compile(r"[−⁻](\d{1,2})(?![\d.,])")  # only the minus sign U+2212: "10-7" is a range
POWER = re.compile(r"\^([-+−]{0,2})(\d{1,3})(?!\d)")  # 1.1^23, 2.5^-1
SCALE_DOZEN = re.compile(r"\s+dozens?\b", re.IGNORECASE)
HALF_DOZEN = re.compile(r"half\s+a\s+dozen\b", re.IGNORECASE)
SCALED_TAIL = re.compile(r"\s+(?:and\s+)?(?=\d)|\s+and\s+(?=[A-Za-z])")
# "two and a half", "twenty and three fifths", "five and a half million", "one billion and a quarter million"
AND_FRACTION = re.compile(
    rf"\s+and\s+(an?|{_NUMWORD})[\s-]+({_FRACWORD})\b(?:\s+({_alternation(tables.SCALES)})\b)?",
    re.IGNORECASE,
)
# After "and a third", a noun makes the ordinal a rank, not a share: "2 goals and a third goal".
_ORDINAL_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|in|per|a|an|the|to)\b)[a-z]+\b")
FRACTION_OF_SCALE = re.compile(rf"(half|quarter)[\s-]+(?:a[\s-]+)?({_alternation(tables.SCALES)})\b", re.IGNORECASE)
_POINT_WORD = rf"(?:{_NUMWORD}|nought|naught|oh)"
POINT_DECIMAL = re.compile(rf"\s+point\s+({_POINT_WORD}(?:(?:\s+|-){_POINT_WORD})*)\b", re.IGNORECASE)
ZERO_POINT = re.compile(r"(?:nought|naught)(?=\s+point\b)", re.IGNORECASE)  # "nought point five"
_DIGIT_WORDS = {**{k: v for k, v in tables.SMALL_NUMBERS.items() if v < 10}, "nought": 0, "naught": 0, "oh": 0}
SPELLED = re.compile(
    rf"(?:{_NUMWORD}|an?(?=[\s-]+(?:{_SCALEWORD})\b))(?:(?:\s+and\s+|\s+|-)(?:{_NUMWORD}|{_SCALEWORD}))*\b",
    re.IGNORECASE,
)
FRACTION_OF_A_SCALE = re.compile(rf"\s+of\s+an?\s+({_alternation(tables.SCALES)})\b", re.IGNORECASE)
SCALE_AFTER_FRACTION = re.compile(rf"[\s-]+({_alternation(tables.SCALES)})\b", re.IGNORECASE)
ORDINAL_SUFFIX = re.compile(r"(?:th|rd|nd)s?\b")
FRACTION_DIGITS = re.compile(r"(\d+)\s?/\s?(\d+)(?![\d/])")
VAGUE = re.compile(rf"(?:{_alternation(tables.VAGUE_AMOUNTS)})\b", re.IGNORECASE)
SCALE_AFTER = re.compile(rf"(?:\s+|-)?({_alternation(tables.SCALES)})\b", re.IGNORECASE)
SCALE_GLUED = re.compile(rf"({_alternation(tables.SCALE_ABBREVIATIONS)})(?![A-Za-z0-9])", re.IGNORECASE)
SCALE_SPACED = re.compile(r"\s?(bn|mn|mln|bln|tn|trn|tln)\b\.?", re.IGNORECASE)
UNICODE_FRACTION = re.compile("[" + "".join(tables.UNICODE_FRACTIONS) + "]")

# Where a number can begin: digits, a number word, "a"/"an" before a scale, a vague plural.
# Currency codes written glued before the digits: "USD115", "EUR50".
GLUED_CODES = "|".join(sorted(c.upper() for c in tables.CURRENCY_PREFIXES if len(c) == 3 and c.isalpha()))
NUMBER_START = re.compile(
    rf"(?<=\b(?:{GLUED_CODES}))\d|(?<![\w.,)\]^])(?<!\d[-–/])(?<![A-Za-z][−⁻])(?<![A-Za-z]/)(?<!\^[-+−])(?<!\^[-+−][-+−])(?:\d|\.\d)|\b(?:{_NUMWORD}|an?(?=[\s-]+(?:{_SCALEWORD}|{_FRACWORD}|{_ORDWORD}|(?:{_TENS})-)\b)|"
    rf"{_alternation(tables.VAGUE_AMOUNTS)}|(?:nought|naught)(?=\s+point\b)|half|quarter(?=[\s-]+(?:a[\s-]+)?(?:{_SCALEWORD})))\b|[{''.join(tables.UNICODE_FRACTIONS)}]",
    re.IGNORECASE,
)


def read_number(text: str, pos: int) -> NumberMatch | None:
    """The number starting exactly at ``pos``, with any scale after it ("7 billion", "1.5m")."""
    if pos >= len(text):
        return None
    vague = VAGUE.match(text, pos)
    if vague:
        low, high = tables.VAGUE_AMOUNTS[vague.group(0).lower()]
        return NumberMatch(pos, vague.end(), low, vague=(low, high))
    frac = spelled_fraction(text, pos)
    if frac:
        of_a = FRACTION_OF_A_SCALE.match(text, frac.end) or SCALE_AFTER_FRACTION.match(text, frac.end)
        if of_a:  # "two thirds of a million", "a quarter million", "three quarters billion"
            return NumberMatch(pos, of_a.end(), frac.value * tables.SCALES[of_a.group(1).lower()], spelled=True)
        return frac
    if text[pos] in tables.UNICODE_FRACTIONS:
        return NumberMatch(pos, pos + 1, tables.UNICODE_FRACTIONS[text[pos]])
    of_scale = FRACTION_OF_SCALE.match(text, pos)
    if of_scale:
        share = 0.5 if of_scale.group(1).lower() == "half" else 0.25
        return NumberMatch(pos, of_scale.end(), share * tables.SCALES[of_scale.group(2).lower()], spelled=True)
    if text[pos].isdigit() or text[pos] == ".":
        return _with_fraction(text, _read_digits(text, pos))
    half_dozen = HALF_DOZEN.match(text, pos)
    if half_dozen:
        return NumberMatch(pos, half_dozen.end(), 6, spelled=True)
    if text[pos : pos + 4].lower() == "half" and not text[pos + 4 : pos + 5].isalpha():
        return NumberMatch(pos, pos + 4, 0.5, spelled=True)
    zero = ZERO_POINT.match(text, pos)
    if zero:
        return _with_point(text, NumberMatch(pos, zero.end(), 0, spelled=True))
    spelled = SPELLED.match(text, pos)
    if spelled:
        return _with_fraction(text, _with_point(text, _read_spelled(text, pos, spelled.group(0))))
    return None


_WORD = re.compile(r"[A-Za-z]+")
_FRACTION_JOINER = re.compile(r"[ \t]*-[ \t]*|[ \t]+")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def spelled_fraction(text: str, pos: int) -> NumberMatch | None:
    """Number words over an ordinal, starting at ``pos``: "three fifths", "twenty-three fifths", "a
    trillionth", "a hundred trillionths". A tens word right before a unit ordinal belongs to the
    denominator ("one twenty-fifth", "three twenty firsts" are 1/25 and 3/21), unless "and" ties it to
    the numerator ("one hundred and thirty fifths" is 130/5); "one one hundred fifth" is 1/105.
    Not a fraction: a singular ordinal after a number other than one ("the one hundred fifth"), one
    before a noun ("a fifth case"), a proper fraction after "and" (a mixed number, read by the caller:
    "two and fifty-four hundredths")."""
    names: list[str] = []
    at = pos
    while True:
        m = _WORD.match(text, at)
        if m is None or len(names) > MAX_FRACTION_WORDS:
            return None
        word = m.group(0).lower()
        if word in _DENOMINATORS:
            break
        if word not in tables.SMALL_NUMBERS and word not in tables.SCALES and word not in ("a", "an", "and"):
            return None
        names.append(word)
        joiner = _FRACTION_JOINER.match(text, m.end())
        if joiner is None:
            return None
        at = joiner.end()
    if not names or names[0] == "and":
        return None
    denominator, plural = _DENOMINATORS[word]
    if "and" in names:
        tail = names[len(names) - names[::-1].index("and") :]
        if _whole(tail) is not None and _whole(tail) < denominator:  # "two and three fifths"
            return None
    tens = tables.SMALL_NUMBERS.get(names[-1], 0)
    numerator = None
    if denominator < 10 and len(names) >= 2 and tens >= 20 and tens % 10 == 0 and names[-2] != "and":
        numerator = _whole(names[:-1])  # "one hundred thirty fifths": 100 over 35
        if numerator is not None:
            denominator += tens
    elif word.removesuffix("s") in tables.COMPOUND_ONLY_ORDINALS:
        return None  # "a second", "one first": a unit of time, a rank
    if numerator is None and names[-1] != "and":
        numerator = _whole(names)
    if numerator is not None and numerator != 1 and not plural:
        numerator = None  # "the one hundred fifth": a rank
    if numerator is None and len(names) >= 2 and names[0] in ("one", "a", "an") and names[1] in ("one", "a", "an"):
        rest = _whole([w for w in names[1:] if w != "and"])  # "one one hundred (and) fifth": 1/105
        if rest is None or rest % 10 or denominator >= 10:
            return None
        numerator, denominator = 1, rest + denominator
    if numerator is None or numerator == 0:
        return None
    if not plural and word not in ("half", "quarter") and (_ORDINAL_NOUN_AFTER.match(text, m.end()) or text[m.end() : m.end() + 1] == "-"):
        return None  # "a fifth case", "a third term", "a nineteenth-century house": a rank
    return NumberMatch(pos, m.end(), numerator / denominator, spelled=True)


def _whole(names: list[str]) -> float | None:
    """The number the words spell, if they spell one whole ("a hundred", "twenty one"), else None."""
    if names in (["a"], ["an"]):
        return 1
    phrase = " ".join(names)
    read = _read_spelled(phrase, 0, phrase)
    return read.value if read is not None and read.end == len(phrase) else None


def _with_fraction(text: str, number: NumberMatch | None) -> NumberMatch | None:
    """"3 million and a half" → 3.5 million; "two and three quarters" → 2.75."""
    if number is None:
        return None
    m = AND_FRACTION.match(text, number.end)
    if not m:
        joint = _AND.match(text, number.end)
        part = spelled_fraction(text, joint.end()) if joint else None
        if part is not None and part.value < 1 and number.spelled:  # "two and fifty-four hundredths"
            return NumberMatch(number.start, part.end, number.value + part.value, number.spelled)
        dozen = SCALE_DOZEN.match(text, number.end)
        if dozen:
            return NumberMatch(number.start, dozen.end(), number.value * 12)
        return number
    count = m.group(1).lower()
    fraction = m.group(2).lower()
    if not m.group(3) and fraction not in ("half", "quarter") and not fraction.endswith("s") and _ORDINAL_NOUN_AFTER.match(text, m.end()):
        return number
    share = (1 if count in ("a", "an") else tables.SMALL_NUMBERS[count]) / tables.FRACTION_WORDS[fraction]
    if m.group(3):  # a scale after the fraction: "five and a half million", "one billion and a half million"
        scale = tables.SCALES[m.group(3).lower()]
        value = (number.value + share) * scale if number.value < scale else number.value + share * scale
        return NumberMatch(number.start, m.end(), value, number.spelled)
    step = next((v for v in sorted(tables.SCALES.values(), reverse=True) if v >= 1000 and number.value >= v and number.value % v == 0), 1)
    return NumberMatch(number.start, m.end(), number.value + share * step, number.spelled)  # "3 million and a half"; "100 and a half"


def _with_point(text: str, number: NumberMatch | None) -> NumberMatch | None:
    """"five point five" → 5.5."""
    if number is None:
        return None
    m = POINT_DECIMAL.match(text, number.end)
    if not m:
        return number
    words = [w.lower() for w in re.split(r"[\s-]+", m.group(1))]
    if all(w in _DIGIT_WORDS for w in words):  # "point five five": digit by digit
        digits = "".join(str(_DIGIT_WORDS[w]) for w in words)
    else:  # "two hundred point seventy-one", "nought point eleven": the digits of one number
        whole = _whole(words)
        digits = str(int(whole)) if whole is not None else ""
    if not digits:
        return number
    return NumberMatch(number.start, m.end(), float(f"{int(number.value)}.{digits}"), spelled=True)


def _read_digits(text: str, pos: int) -> NumberMatch | None:
    frac = FRACTION_DIGITS.match(text, pos)
    if frac:
        numerator, denominator = int(frac.group(1)), int(frac.group(2))
        if denominator in tables.FRACTION_DENOMINATORS and numerator < denominator:
            suffix = ORDINAL_SUFFIX.match(text, frac.end())  # "1/100th"
            return NumberMatch(pos, suffix.end() if suffix else frac.end(), numerator / denominator)
        if "/" in text[pos : frac.end()] and not re.search(r"\s", text[pos : frac.end()]):
            return None  # "9/11", "24/7": a name or a date, not a fraction
    m = DIGITS.match(text, pos)
    if not m:
        return None
    raw = m.group(0)
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None  # "000", "08", "007": a fragment or a code, not an amount
    value = float(re.sub(r"[, \u202f\u2009\u00a0]", "", raw))
    end = m.end()
    plain = raw.isdigit()
    if "e" in raw.lower():
        return NumberMatch(pos, end, value)
    power = TIMES_TEN.match(text, end)
    if power:
        return NumberMatch(pos, power.end(), value * 10 ** int(power.group(1).replace("−", "-").replace("⁻", "-")))
    if raw == "10" and (exponent := TEN_MINUS.match(text, end)):  # "10−7 mbar": a superscript lost in copying
        return NumberMatch(pos, exponent.end(), 10.0 ** -int(exponent.group(1)))
    raised = POWER.match(text, end)
    if raised:
        negative = len(re.findall(r"[-−]", raised.group(1))) % 2 == 1
        return NumberMatch(pos, raised.end(), value ** (-int(raised.group(2)) if negative else int(raised.group(2))))
    mixed = MIXED_FRACTION.match(text, end) if plain else None
    if mixed and int(mixed.group(2)) in tables.FRACTION_DENOMINATORS and int(mixed.group(1)) < int(mixed.group(2)):
        return NumberMatch(pos, mixed.end(), value + int(mixed.group(1)) / int(mixed.group(2)))  # "10 1/2"
    uf = UNICODE_FRACTION.match(text, end)
    if uf:
        value += tables.UNICODE_FRACTIONS[uf.group(0)]
        end = uf.end()
        plain = False
    scale = SCALE_AFTER.match(text, end)
    if scale:
        value *= tables.SCALES[scale.group(1).lower()]
        larger = SCALE_AFTER.match(text, scale.end())
        if larger and tables.SCALES[larger.group(1).lower()] > tables.SCALES[scale.group(1).lower()]:
            value *= tables.SCALES[larger.group(1).lower()]  # "2 lakh crore", "3 thousand million"
            scale = larger
        return _chained(text, NumberMatch(pos, scale.end(), value))
    glued = SCALE_GLUED.match(text, end)
    if glued and glued.group(1).lower() not in tables.CASED_SCALE_ABBREVIATIONS:
        return NumberMatch(pos, glued.end(), value * tables.SCALE_ABBREVIATIONS[glued.group(1).lower()])
    if glued and (glued.group(1) in tables.CASED_SCALE_ABBREVIATIONS[glued.group(1).lower()] or glued.group(1) == "b" and "." in raw):
        return NumberMatch(pos, glued.end(), value * tables.SCALE_ABBREVIATIONS[glued.group(1).lower()])  # "30K", "$1MM", "1.2b"
    spaced = SCALE_SPACED.match(text, end)
    if spaced:
        return NumberMatch(pos, spaced.end(), value * tables.SCALE_ABBREVIATIONS[spaced.group(1).lower()])
    return NumberMatch(pos, end, value, plain_integer=plain)


def _chained(text: str, number: NumberMatch) -> NumberMatch:
    """"4 thousand 3 hundred and 21": a scaled figure continued by a smaller part of itself."""
    m = SCALED_TAIL.match(text, number.end)
    if not m:
        return number
    rest = read_number(text, m.end())
    if rest is None or rest.vague or rest.value >= _last_scale(number.value):
        return number
    if not m.group(0).strip() and not re.search(r"[A-Za-z]", text[rest.start : rest.end]):
        return number  # "7 billion 300": only "and 300" or "3 hundred" continue a figure
    if rest.value < 1 and rest.spelled:  # "3 million and a half": half a million more
        return NumberMatch(number.start, rest.end, number.value + rest.value * _last_scale(number.value), number.spelled)
    return NumberMatch(number.start, rest.end, number.value + rest.value, number.spelled)


def _last_scale(value: float) -> float:
    return next((v for v in sorted(tables.SCALES.values(), reverse=True) if value >= v and value % v == 0), 1)


def _read_spelled(text: str, pos: int, phrase: str) -> NumberMatch | None:
    """Longest valid reading of a run of number words ("two hundred and fifty thousand")."""
    parts = list(re.finditer(r"[A-Za-z]+", phrase))
    total, current, last_end, used = 0.0, 0.0, 0, False
    previous: str | None = None
    for part in parts:
        word = part.group(0).lower()
        if word == "and":
            if previous not in ("hundred", "thousand", "million", "billion", "trillion"):
                break
            after = _SPACE.match(text, pos + part.end())
            ahead = spelled_fraction(text, after.end()) if after else None
            if ahead is not None and ahead.value < 1:
                break  # "two million and three fifths": the fraction is read after the whole number
            previous = word
            continue
        if word in ("a", "an"):
            if used:
                break
            current, previous, used = 1, word, True
            last_end = part.end()
            continue
        if word in tables.SMALL_NUMBERS:
            small = tables.SMALL_NUMBERS[word]
            tail = current % 100
            if previous in tables.SMALL_NUMBERS and not (tail % 10 == 0 and tail >= 20 and small < 10):
                break
            current += small
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in tables.SCALES and previous in tables.SCALES and tables.SCALES[word] > tables.SCALES[previous] and not current:
            total *= tables.SCALES[word]  # "three lakh crore", "a thousand million": a scale of a scale
        elif word in tables.SCALES:
            total += (current or 1) * tables.SCALES[word]
            current = 0
        else:
            break
        used = True
        previous = word
        last_end = part.end()
    if not used or previous in ("a", "an"):
        return None
    return NumberMatch(pos, pos + last_end, total + current, spelled=True)
