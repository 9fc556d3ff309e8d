"""The publication date a text implies when its source states none.

:func:`infer_published` reads the text and the timexes tagged *without* a DCT (so absolute dates
are resolved and relative ones are not) and combines clues, strongest first:

========================  ==========================================================  ==========
rule                      clue                                                         gives
========================  ==========================================================  ==========
``anniversary``           "the second anniversary of the victory on November 8, 2020"  full date
``years-ago-this-day``    "two years ago on this day" + a full date nearby              full date
``last-year``             "last year's … war that started on Sept. 27, 2020"            year
``years-since``           "three years since … 2020"                                    year
``anniversary-year``      "the first anniversary of its victory" + latest year named    (confirms)
``anniversary-day``       "on November 08 marked the first anniversary"                 month-day
``weekday-date``          "Monday, Oct. 26": the one year (from the latest named) fit  full date
``weekday-day``           "on Tuesday, March 3" (a month-day beside the weekday)       month-day
``dateline-day``          "NAIROBI, August 21 (Xinhua) --" opening the text             month-day
``weekday``               "on Tuesday" + a month-day: the one year that fits            year
========================  ==========================================================  ==========

A full date wins; otherwise a month-day joins the strongest year. The weekday, when the text
names one, confirms a full date or picks the year. Only full dates are returned (a bare year is
too coarse to anchor the tagger on).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsdossier.data import timeline as lexicon
from newsdossier.model import Span, Timex

# Confidence of each rule, in the order the module docstring gives; a clue confirmed by a second
# one gains CONFIRMATION_BONUS. The order (explicit arithmetic over hedged context) is by design,
# checked on the sample corpus, not fitted.
CONFIDENCE = {
    "anniversary": 0.9,
    "years-ago-this-day": 0.85,
    "last-year": 0.7,
    "years-since": 0.6,
    "weekday": 0.5,
    "anniversary-year": 0.4,
    "anniversary-day": 0.8,
    "weekday-day": 0.6,
    "weekday-date": 0.6,
    "dateline-day": 0.7,
}
CONFIRMATION_BONUS = 0.05
# Clues too weak to give a year on their own; they only confirm one. "The 25th anniversary of Roe
# v. Wade" plus the latest year the text names was 4 years off on TimeBank (NYT19981025.0188).
CONFIRM_ONLY = frozenset({"anniversary-year"})
# A weekday fits a month-day once in any 5 consecutive years; the search starts at the latest
# year the text names (an article is rarely older than the newest date it mentions).
WEEKDAY_WINDOW_YEARS = 5
# How far a weekday may sit from a month-day to name the same day: "Monday, Oct. 26" (2 characters
# between), "on Tuesday, the 8th of November" would be farther; 12 allows "Monday (Oct. 26".
WEEKDAY_REACH_CHARS = 12
# A dateline opens the text: "NAIROBI, August 21 (Xinhua) --" sits within the first 60 characters
# of every wire story in TimeBank that has one.
DATELINE_CHARS = 80
# How far past the dateline the lede's weekday may sit: the lede sentence of a wire story.
LEDE_CHARS = 300
# How far (in characters) a month-day may sit before an anniversary cue and still be its date:
# "on November 08 marked the first anniversary" is 28 characters.
CUE_REACH_CHARS = 60

# A resolved TIMEX3 date value at any precision, with an optional time: "2020", "2020-11-08T10:33".
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_MONTH_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z])|\n+")


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_ORDINAL = rf"(?P<ord>{_alternation(lexicon.ORDINALS)}|\d+(?:st|nd|rd|th))"
_NUMBER = rf"(?P<n>{_alternation(lexicon.CARDINALS)}|\d+)"
_ANNIVERSARY = re.compile(rf"\b{_ORDINAL}\s+anniversary\b", re.IGNORECASE)
_YEARS_AGO = re.compile(rf"\b{_NUMBER}\s+years?\s+ago\b", re.IGNORECASE)
_YEARS_SINCE = re.compile(rf"\b{_NUMBER}\s+years?\s+(?:since|after)\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(rf"\b(?P<rel>{_alternation(lexicon.RELATIVE_YEARS)})\s+year(?:['’]s)?\b", re.IGNORECASE)
# Weekday names are matched capitalised only, as written in running text ("on Tuesday").
_WEEKDAY = re.compile(rf"\b(?P<day>{_alternation(w.capitalize() for w in lexicon.WEEKDAYS)})\b")
# A dateline: place in capitals, a comma, a month-day, then an agency in brackets or a dash.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]+,(?:\s+[A-Z][\w.]+,)?\s+(?P<month>{_alternation(m.capitalize() for m in lexicon.MONTHS)})\.?"
    r"\s+(?P<day>\d{1,2})\b(?!,?\s*\d{4})\s*(?:\(|--|—|–|-|_)"
)
_TEXT_MONTH_DAY = re.compile(
    rf"\b(?P<month>{_alternation(m.capitalize() for m in lexicon.MONTHS)})\.?\s+(?P<day>\d{{1,2}})\b(?!\s*,?\s*\d{{4}})"
)


@dataclass(frozen=True, slots=True)
class InferredDate:
    """A publication date read from the text: ``value`` is ``YYYY-MM-DD``; ``evidence`` the words.

    ``start``/``end`` locate the main clue's sentence in the text; ``evidence`` joins the
    sentences of every clue used with " … "; ``rule`` names the clues ("anniversary+weekday").
    """

    value: str
    evidence: str
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True, slots=True)
class _Clue:
    rule: str
    sentence: Span
    year: int | None = None
    month_day: tuple[int, int] | None = None

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.rule]


def infer_published(text: str, timexes: Sequence[Timex]) -> InferredDate | None:
    """The publication date the text implies, or ``None`` when the clues do not fix a full date.

    ``timexes`` must come from a tagger run without a DCT: absolute dates resolved
    ("2020-11-08"), month-days without a year left as "XXXX-11-08".
    """
    sentences = _sentences(text)
    dated = [(t, _absolute(t.value)) for t in timexes if t.type in ("DATE", "TIME")]
    absolute = [(t, a) for t, a in dated if a is not None]
    clues: list[_Clue] = []
    for i, sentence in enumerate(sentences):
        in_sentence = [(t, a) for t, a in absolute if sentence.start <= t.start < sentence.end]
        previous = sentences[i - 1] if i else None
        in_previous = [(t, a) for t, a in absolute if previous and previous.start <= t.start < previous.end]
        clues.extend(_sentence_clues(text, sentence, in_sentence, in_previous, timexes, absolute))
    dateline = _dateline_day(text, sentences)
    if dateline is not None:
        clues.append(dateline)
    weekday = _weekday(text, sentences, dateline)
    return _combine(text, clues, weekday, absolute)


def _dateline_day(text: str, sentences: Sequence[Span]) -> _Clue | None:
    """The month-day of a wire dateline opening the text: "NAIROBI, August 21 (Xinhua) --"."""
    m = _DATELINE.search(text, 0, DATELINE_CHARS)
    if m is None:
        return None
    at = m.start("month")
    sentence = next((s for s in sentences if s.start <= at < s.end), Span(at, m.end()))
    return _Clue("dateline-day", sentence, None, (lexicon.MONTHS[m.group("month").lower()], int(m.group("day"))))


def anniversary_number(text: str) -> int | None:
    """N of the first "Nth anniversary" in ``text`` ("second anniversary" → 2, "25th anniversary" → 25)."""
    m = _ANNIVERSARY.search(text)
    return _number(m.group("ord"), lexicon.ORDINALS) if m else None


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for brk in [*_SENTENCE_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append(Span(start + lead, start + len(text[start:end].rstrip())))
        if brk:
            start = brk.end()
    return spans


def _absolute(value: str) -> tuple[int, int | None, int | None] | None:
    m = ISO_DATE.match(value)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None


def _number(word: str, table: dict[str, int]) -> int | None:
    word = word.lower()
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else table.get(word)


def _sentence_clues(text, sentence, in_sentence, in_previous, timexes, absolute) -> list[_Clue]:
    body = text[sentence.start : sentence.end]
    clues: list[_Clue] = []
    latest_year = max((a[0] for _, a in absolute), default=None)
    for m in _ANNIVERSARY.finditer(body):
        n = _number(m.group("ord"), lexicon.ORDINALS)
        cue = sentence.start + m.start()
        recalled = [a for t, a in in_sentence if t.start > cue]
        full = [a for a in recalled if a[2] is not None]
        if n is not None and full:
            year, month, day = full[0]
            clues.append(_Clue("anniversary", sentence, year + n, (month, day)))
        elif n is not None and recalled:
            clues.append(_Clue("years-since", sentence, recalled[0][0] + n))
        elif n is not None and latest_year is not None:
            clues.append(_Clue("anniversary-year", sentence, latest_year + n))
        month_day = _month_day_before(text, sentence, cue, timexes)
        if month_day is not None:
            clues.append(_Clue("anniversary-day", sentence, None, month_day))
    if _WEEKDAY.search(body):
        for t in timexes:
            m = _MONTH_DAY.match(t.value)
            if m and sentence.start <= t.start < sentence.end:
                month_day = int(m.group(1)), int(m.group(2))
                year = _weekday_year(text, t, month_day, latest_year)
                clues.append(_Clue("weekday-date" if year else "weekday-day", sentence, year, month_day))
    for m in _YEARS_AGO.finditer(body):
        n = _number(m.group("n"), lexicon.CARDINALS)
        same_day = any(p in body.lower() for p in lexicon.SAME_DAY_PHRASES)
        nearby = [a for _, a in in_sentence] or ([a for _, a in in_previous] if same_day else [])
        full = [a for a in nearby if a[2] is not None]
        if n is not None and same_day and full:
            year, month, day = full[0]
            clues.append(_Clue("years-ago-this-day", sentence, year + n, (month, day)))
        elif n is not None and nearby:
            clues.append(_Clue("years-since", sentence, nearby[0][0] + n))
    for m in _YEARS_SINCE.finditer(body):
        n = _number(m.group("n"), lexicon.CARDINALS)
        after = [a for t, a in in_sentence if t.start > sentence.start + m.start()]
        if n is not None and after:
            clues.append(_Clue("years-since", sentence, after[0][0] + n))
    for m in _RELATIVE_YEAR.finditer(body):
        if in_sentence:
            offset = lexicon.RELATIVE_YEARS[m.group("rel").lower()]
            clues.append(_Clue("last-year", sentence, in_sentence[0][1][0] - offset))
    return clues


def _weekday_year(text: str, t: Timex, month_day: tuple[int, int], latest_year: int | None) -> int | None:
    """ "Monday, Oct. 26": the one year from the latest year named on where that day is that weekday."""
    near = _WEEKDAY.search(text, max(0, t.start - WEEKDAY_REACH_CHARS), t.end + WEEKDAY_REACH_CHARS)
    if near is None or latest_year is None:
        return None
    weekday = lexicon.WEEKDAYS[near.group("day").lower()]
    years = [
        y for y in range(latest_year, latest_year + WEEKDAY_WINDOW_YEARS)
        if _valid(y, *month_day) and dt.date(y, *month_day).isoweekday() == weekday
    ]
    return years[0] if len(years) == 1 else None


def _month_day_before(text: str, sentence: Span, cue: int, timexes: Sequence[Timex]) -> tuple[int, int] | None:
    """The month-day written just before an anniversary cue: "on November 08 marked the first …"."""
    reach = max(sentence.start, cue - CUE_REACH_CHARS)
    for t in sorted(timexes, key=lambda t: -t.start):
        if reach <= t.start < cue:
            m = _MONTH_DAY.match(t.value)
            if m:
                return int(m.group(1)), int(m.group(2))
    for m in reversed(list(_TEXT_MONTH_DAY.finditer(text, reach, cue))):
        return lexicon.MONTHS[m.group("month").lower()], int(m.group("day"))
    return None


def _weekday(text: str, sentences: Sequence[Span], dateline: _Clue | None = None) -> tuple[int, Span] | None:
    """The weekday the text reports something on ("on Tuesday"): the only one it names, or after a
    dateline the first one of the lede ("WASHINGTON, August 8 (Xinhua) -- Clinton Saturday vowed")."""
    found: dict[int, Span] = {}
    first: tuple[int, Span] | None = None
    for sentence in sentences:
        for m in _WEEKDAY.finditer(text, sentence.start, sentence.end):
            day = lexicon.WEEKDAYS[m.group("day").lower()]
            found.setdefault(day, sentence)
            if first is None and dateline is not None and m.start() < dateline.sentence.end + LEDE_CHARS:
                first = day, sentence
    if first is not None:
        return first
    if len(found) != 1:
        return None
    ((day, sentence),) = found.items()
    return day, sentence


def _combine(text, clues: list[_Clue], weekday, absolute) -> InferredDate | None:
    full = [c for c in clues if c.year is not None and c.month_day is not None and _valid(c.year, *c.month_day)]
    years = sorted((c for c in clues if c.year is not None and c.month_day is None), key=lambda c: -c.confidence)
    days = sorted((c for c in clues if c.year is None and c.month_day is not None), key=lambda c: -c.confidence)
    candidates: list[tuple[float, dt.date, list[_Clue]]] = []
    for c in full:
        date = dt.date(c.year, *c.month_day)
        support = [c, *(y for y in years if y.year == c.year)]
        candidates.append((c.confidence + CONFIRMATION_BONUS * (len(support) - 1), date, support))
    for d in days:
        for y in years:
            if y.rule in CONFIRM_ONLY or not _valid(y.year, *d.month_day):
                continue
            agree = [o for o in years if o.year == y.year and o is not y]
            confidence = min(d.confidence, y.confidence) + CONFIRMATION_BONUS * len(agree)
            candidates.append((confidence, dt.date(y.year, *d.month_day), [y, d, *agree]))
    if weekday is not None:
        candidates = _apply_weekday(candidates, weekday, days, absolute)
    if not candidates:
        return None
    confidence, date, support = max(candidates, key=lambda c: (c[0], c[1]))
    return _result(text, date, support, confidence)


def _apply_weekday(candidates, weekday, days, absolute):
    """Keep candidates that fall on the named weekday; with none left, let the weekday pick the year."""
    day, sentence = weekday
    clue = _Clue("weekday", sentence)
    fitting = [(c + CONFIRMATION_BONUS, d, [*s, clue]) for c, d, s in candidates if d.isoweekday() == day]
    if fitting or candidates:
        return fitting or candidates
    latest = max((a[0] for _, a in absolute), default=None)
    if latest is None:
        return []
    for d in days:
        years = [
            y for y in range(latest, latest + WEEKDAY_WINDOW_YEARS)
            if _valid(y, *d.month_day) and dt.date(y, *d.month_day).isoweekday() == day
        ]
        if len(years) == 1:
            confidence = min(d.confidence, CONFIDENCE["weekday"])
            return [(confidence, dt.date(years[0], *d.month_day), [d, clue])]
    return []


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _result(text: str, date: dt.date, support: list[_Clue], confidence: float) -> InferredDate:
    support = list({c.rule: c for c in reversed(support)}.values())[::-1]  # the first clue of each rule
    support = [c for c in support if c.rule not in CONFIRM_ONLY] or support
    main = support[0].sentence
    seen: list[Span] = []
    for clue in support:
        if clue.sentence not in seen:
            seen.append(clue.sentence)
    evidence = " … ".join(text[s.start : s.end] for s in sorted(seen, key=lambda s: s.start))
    rules = "+".join(dict.fromkeys(c.rule for c in support))
    return InferredDate(date.isoformat(), evidence, main.start, main.end, rules, round(min(confidence, 1.0), 2))
