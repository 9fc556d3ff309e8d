"""Find and normalise temporal expressions in plain text: the pure core of the timex component.

Matching is done by the data-driven rules in ``newsdossier/data/timex/rules.toml``; each rule's
``kind`` names a normaliser here that turns the match into TIMEX3 type, value and mod, anchored on
the document creation time (DCT), the sentence's tense, and the dates mentioned before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from newsdossier.model import Timex
from newsdossier.nlp.timex import calendar as cal
from newsdossier.nlp.timex.lexicon import Lexicon, Rule, load

# In news, a full date stated this close (characters) before "the same day", "two days later",
# a bare clock time anchors it; beyond that the DCT does. Swept 300/600/1500 on TBAQ + WikiWars:
# value F1 within 0.05.
REF_DATE_WINDOW = 600
# An undated month(-day) in a sentence of unknown tense is read as upcoming only when it lies at most
# this many days after the DCT, else as the past one. Swept 30/60/90/120/180 on TBAQ: 77.1/77.7/77.7/77.8/77.6.
FUTURE_HORIZON_DAYS = 90
# A month-day takes the year of a full date written this few characters after it in the same
# sentence ("September 27 and November 9, 2020"; not "... debentures due Nov. 15, 2011" further on).
FORWARD_CARRY_CHARS = 60
# "a year earlier" takes quarter granularity when "quarter" occurs in its sentence or this many
# sentences before it. Swept 0/1/2/3 on TBAQ: 78.4/79.0/78.9/78.7.
QUARTER_CONTEXT_SENTENCES = 1
# A document is read as a narrative (undated months take the last year the text stated, as in
# history writing) when the median distance between the years it states and the DCT's year is
# above this; otherwise as news (the DCT and tense decide, a stated year only within the sentence).
# Chosen on dev data (TBAQ + WikiWars value F1 flat for 5-20, WikiWars drops at 40). A rule on the
# share of stated years near the DCT helped WikiWars (+1.2) but cost TBAQ news (-1.0): not used.
NARRATIVE_YEAR_GAP = 20
# ... and it states at least this many years (one "since 1959" in a news story is not a history).
# Swept 1/3/5/8: TBAQ 77.2/77.6/77.7/77.7, WikiWars flat until 8 (-1.7).
NARRATIVE_MIN_YEARS = 5
# A text dense in stated years is a history even when they are recent (a 2009 article stating 2003 ...
# 2008 a hundred times): at least this many years with a median more than NARRATIVE_DENSE_GAP years
# from the DCT. Swept 10-60 on TBAQ + WikiWars: flat (no TBAQ story qualifies); WikiWars +1.1 with
# gap 1 vs 2. 30 keeps ordinary news (a dozen years at most) out.
NARRATIVE_DENSE_YEARS = 30
NARRATIVE_DENSE_GAP = 1
# How far (characters, within its sentence) after a yearless month-day a holiday cue may read it as a
# recurring day: "Nov. 10, the date of the signing of the trilateral declaration, was declared
# 'Victory Day'" (the appositive is ~80 characters; the patterns allow up to 100).
RECURRENCE_AFTER_CHARS = 160

_STATED_YEAR = re.compile(r"(?<![\w$.,])(1[6-9]\d\d|20\d\d)(?![\w%])|\b(\d{1,4})\s*(?:BC|B\.C\.|BCE)\b")

_POSSESSIVE = re.compile(r"['’]s$")  # also matched at the start of the two characters after a span
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'’”])|(?<=[.!?][\"'’”]{2}))\s+(?=[A-Z\"“'‘`(])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Part:
    """One normalised timex from a match (a range match yields two)."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class _Context:
    text: str
    dct: dt.date | None
    lex: Lexicon
    sentences: Sequence[tuple[int, int]]
    narrative: bool = False
    stated_dates: list[tuple[int, int]] = field(default_factory=list)  # (position, year) of full dates
    ref_year: tuple[int, int] | None = None  # (year, position)
    ref_date: tuple[dt.date, int] | None = None
    produced: list[Part] = field(default_factory=list)

    def sentence(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)

    def tense(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 unknown, from cue words in the sentence nearest the expression."""
        s_start, s_end = self.sentence(start)
        if self.lex.adjacent_past.search(self.text[max(s_start, start - 30):start]):
            return -1
        if self.lex.following_past.match(self.text[end:min(s_end, end + 30)]):
            return -1
        sentence = self.text[s_start:s_end]
        best: tuple[int, int] | None = None
        for pattern, sign in ((self.lex.future_cues, +1), (self.lex.past_cues, -1)):
            for m in pattern.finditer(sentence):
                pos = s_start + m.start()
                if start <= pos < end:
                    continue
                distance = abs(pos - start)
                if best is None or distance < best[0]:
                    best = (distance, sign)
        return best[1] if best else 0

    def year_for(self, pos: int, month: int, day: int | None, tense: int) -> int | None:
        """The year of an undated month(-day): the nearby stated year, else the DCT's with tense."""
        if self.ref_year and self.ref_applies(pos):
            return self.ref_year[0]
        if not self.narrative:
            s_end = self.sentence(pos)[1]
            later = [year for start, year in self.stated_dates if pos < start < min(s_end, pos + FORWARD_CARRY_CHARS)]
            if later:
                return later[0]  # "between September 27 and November 9, 2020"
        if not self.dct:
            return self.ref_year[0] if self.ref_year else None
        here = self.dct
        if month == here.month:
            return here.year
        if tense < 0:
            return here.year - 1 if month > here.month else here.year
        if tense > 0:
            return here.year + 1 if month < here.month else here.year
        # Unknown tense: news looks back more often than ahead; a date ahead is taken only when near.
        ahead = dt.date(here.year + (month < here.month), month, min(day or 1, 28))
        return ahead.year if (ahead - here).days <= FUTURE_HORIZON_DAYS else ahead.year - 1

    def ref_applies(self, pos: int) -> bool:
        """Whether the last stated year still anchors an undated expression at ``pos``."""
        if self.ref_year is None:
            return False
        if self.narrative:
            return True
        # In news only a full date earlier in the same sentence lends its year ("on November 10, 2020
        # ... and on November 12"); a bare year or month-year does not ("joined in July 1997, will
        # join on March 12"): TBAQ value F1 +0.4 over letting any stated year lend it.
        return (
            self.ref_date is not None
            and self.ref_date[0].year == self.ref_year[0]
            and self.ref_date[1] >= self.sentence(pos)[0]
        )

    def now(self, pos: int) -> dt.date | None:
        """What "this/last/next ..." count from: the DCT in news, the story's own time in a narrative."""
        if self.dct is None:
            return None
        if self.narrative and self.ref_year and self.ref_year[0] > 0 and self.ref_applies(pos):
            if self.ref_date:
                return self.ref_date[0]
            return dt.date(self.ref_year[0], 7, 1)
        return self.dct

    def anchor_date(self, pos: int) -> dt.date | None:
        """The date relative expressions ("the same day", "a year earlier") count from."""
        if self.ref_date and (self.narrative or pos - self.ref_date[1] <= REF_DATE_WINDOW):
            return self.ref_date[0]
        if self.narrative:
            return None
        return self.dct


Normaliser = Callable[[_Context, re.Match[str]], list[Part]]


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        value = m.group(name)
    except IndexError:
        return None
    return value


def _number(lex: Lexicon, word: str | None) -> float | None:
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower().replace("’", "'"))
    if w in lex.vague_numbers:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
        return float(w.replace(",", "."))
    if w in lex.numbers:
        return lex.numbers[w]
    parts = re.split(r"[\s-]", w)
    if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
        return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


def _fmt_number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _month(lex: Lexicon, word: str) -> int:
    return lex.months[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def _mod(table: dict[str, str], word: str | None) -> str | None:
    if not word:
        return None
    return table.get(re.sub(r"[\s-]+", " ", word.lower()).strip())


def _ordinal(lex: Lexicon, word: str | None) -> int | None:
    if not word:
        return None
    w = word.lower()
    if w in lex.ordinals:
        return lex.ordinals[w]
    digits = re.match(r"\d+", w)
    return int(digits.group()) if digits else None


# --- normalisers ---------------------------------------------------------------------------


def _iso(ctx: _Context, m: re.Match[str]) -> list[Part]:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not cal.valid_day(y, mo, d):
        return []
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["H"]:
        value += f"T{m['H']}:{m['M']}" + (f":{m['S']}" if m["S"] else "")
        return [Part(m.start(), m.end(), "TIME", value)]
    return [Part(m.start(), m.end(), "DATE", value)]


def _numeric_date(ctx: _Context, m: re.Match[str]) -> list[Part]:
    mo, d, y = int(m["m"]), int(m["d"]), int(m["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    if not cal.valid_day(y, mo, d):
        return []
    return [Part(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")]


def _recurring(ctx: _Context, start: int, end: int) -> bool:
    """Whether the yearless month-day at ``start:end`` names a holiday's calendar day, not a date."""
    lex = ctx.lex
    s_start, s_end = ctx.sentence(start)
    before = ctx.text[max(0, start - 60):start]
    after = ctx.text[end:max(end + 80, min(s_end, end + RECURRENCE_AFTER_CHARS))]
    if any(p.search(before) for p in lex.recurrence_before) or any(p.search(after) for p in lex.recurrence_after):
        return True
    if any(b.search(before) and a.search(after) for b, a in lex.recurrence_around):
        return True
    # "Although Nov. 10 ... was declared 'Victory Day', this date was replaced by Nov. 8, ...".
    if lex.recurrence_substitute.search(ctx.text[max(s_start, start - 30):start]):
        sentence = ctx.text[s_start:s_end]
        return any(p.search(sentence) for p in lex.recurrence_sentence)
    return False


def _fmt_year(year: int) -> str:
    """A TIMEX3 year: ``1944``, or ``BC0481`` for 481 BC (stored as -481)."""
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def _md_value(ctx: _Context, pos: int, month: int, day: int | None, year: int | None, tense: int) -> str:
    if year is None:
        year = ctx.year_for(pos, month, day, tense)
    y = _fmt_year(year) if year is not None else "XXXX"
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")


def _date(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    month, day = _month(lex, m["month"]), _day(m["day"])
    year = int(m["year"]) if m["year"] else None
    if year is None and _g(m, "tail") and ctx.ref_year:  # "July 25 of that year"
        year = ctx.ref_year[0]
    if not cal.valid_day(year, month, day):
        return []
    start = m.start()
    if year is None and _recurring(ctx, m.start(), m.end()):
        return [Part(start, m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}")]
    if year is None and m["weekday"] and ctx.dct:
        weekday = lex.weekdays[m["weekday"].lower().rstrip(".")]
        for candidate in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
            if dt.date(candidate, month, day).isoweekday() == weekday:
                year = candidate
                break
    rel = (_g(m, "rel") or "").lower()
    tense = -1 if rel.startswith("last") or rel.endswith("past") else 1 if rel else ctx.tense(m.start(), m.end())
    value = _md_value(ctx, m.start(), month, day, year, tense)
    mod = _mod(lex.point_mods, _g(m, "pmod"))
    if _g(m, "ampm"):
        hour = _hour(int(m["H"]), m["ampm"])
        return [Part(start, m.end(), "TIME", f"{value}T{hour:02d}:{m['M'] or '00'}", mod)]
    if _g(m, "part"):  # "the night of April 18, 1775"
        return [Part(start, m.end(), "TIME", value + _clock_suffix(lex.parts_of_day[m["part"].lower()]), mod)]
    return [Part(start, m.end(), "DATE", value, mod)]


def _hour(hour: int, ampm: str | None) -> int:
    if ampm and ampm.lower().startswith("p") and hour < 12:
        return hour + 12
    if ampm and ampm.lower().startswith("a") and hour == 12:
        return 0
    return hour


def _month_expr(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    word = m["month"]
    month = _month(lex, word)
    year = int(m["year"]) if _g(m, "year") else None
    rel = (_g(m, "rel") or "").lower().split()[-1:] or [""]
    pmod = _g(m, "pmod")
    tail = (_g(m, "tail") or "").lower()
    if year is None and not pmod and rel == [""] and not tail:
        if word.lower().rstrip(".") in lex.ambiguous_months or word.isupper():
            if not lex.month_preceders.search(ctx.text[max(0, m.start() - 12):m.start()]):
                return []
    now = ctx.now(m.start())
    if year is None and ("that" in tail or "same" in tail) and ctx.ref_year:
        year = ctx.ref_year[0]
    if year is None and now and (tail or rel[0] in ("last", "next", "previous", "following", "past", "coming", "this")):
        if rel[0] in ("previous", "following"):
            now = ctx.anchor_date(m.start()) or _year_anchor(ctx, m.start()) or now
        year = now.year
        if "last" in tail:
            year -= 1
        elif "next" in tail:
            year += 1
        elif rel[0] in ("last", "previous", "past") and month >= now.month:
            year -= 1
        elif rel[0] in ("next", "following", "coming") and month <= now.month:
            year += 1
    value = _md_value(ctx, m.start(), month, None, year, ctx.tense(m.start(), m.end()))
    return [Part(m.start(), m.end(), "DATE", value, _mod(lex.point_mods, pmod))]


def _year(ctx: _Context, m: re.Match[str]) -> list[Part]:
    year = int(m["year"])
    era = (m["era"] or "").upper().replace(".", "")
    if era in ("BC", "BCE"):
        value = f"BC{year:04d}"
    elif not era and year < 1000:
        return []
    else:
        value = f"{year:04d}"
    if m["ord"]:
        q = _ordinal(ctx.lex, m["ord"])
        value += f"-Q{q}" if q and q <= 4 else ""
    elif m["season"]:
        value += "-" + ctx.lex.seasons[m["season"].lower()]
    end = m.end() if (m["ord"] or m["season"]) else m.end("era") if m["era"] else m.end("year")
    return [Part(m.start(), end, "DATE", value, _mod(ctx.lex.point_mods, m["pmod"]))]


_CENTURY_WORDS = {"eighteen": 18, "nineteen": 19, "twenty": 20}


def _spelled_year(ctx: _Context, m: re.Match[str]) -> list[Part]:
    if m["millennium"]:
        year = 2000 + int(_number(ctx.lex, m["rest2"]) or 0)
    else:
        rest = re.sub(r"^oh[\s-]", "", m["rest"].lower())
        n = _number(ctx.lex, rest)
        if n is None:
            return []
        year = _CENTURY_WORDS[m["century"].lower()] * 100 + int(n)
    value = f"{year:04d}"
    if m["month"]:
        value += f"-{_month(ctx.lex, m['month']):02d}"
    elif m["season"]:
        value += "-" + ctx.lex.seasons[m["season"].lower()]
    return [Part(m.start(), m.end(), "DATE", value)]


def _year_range(ctx: _Context, m: re.Match[str]) -> list[Part]:
    first = int(m["year"])
    raw = m["year2"]
    era = (_g(m, "era") or "").upper().replace(".", "")
    if era in ("BC", "BCE"):  # "499-493 BC": counting down
        second = int(raw)
        if not 0 < first - second <= 100:
            return []
        return [
            Part(m.start("year"), m.end("year"), "DATE", _fmt_year(-first)),
            Part(m.start("year2"), m.end(), "DATE", _fmt_year(-second)),
        ]
    second = int(raw) if len(raw) >= 3 else (first // 100) * 100 + int(raw)
    if len(raw) == 2 and second <= first:
        second += 100
    if second <= first or second - first > 100 or (first < 1000 and not era):
        return []
    end2 = m.end() if era else m.end("year2")
    return [
        Part(m.start("year"), m.end("year"), "DATE", f"{first:04d}"),
        Part(m.start("year2"), end2, "DATE", f"{second:04d}"),
    ]


def _md_range(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    month2 = _month(lex, m["month2"]) if m["month2"] else None
    month1 = _month(lex, m["month"]) if m["month"] else month2
    month2 = month2 or month1
    d1, d2 = _day(m["day"]), _day(m["day2"])
    if m["year"]:
        year: int | None = int(m["year"])
    else:
        year = ctx.year_for(m.start(), month2, d2, ctx.tense(m.start(), m.end()))  # type: ignore[arg-type]
    year1 = year - 1 if year is not None and (month1, d1) > (month2, d2) else year  # type: ignore[operator]
    if not (cal.valid_day(year1, month1, d1) and cal.valid_day(year, month2, d2)):  # type: ignore[arg-type]
        return []
    first_start = m.start("month") if m["month"] and m.start("month") < m.start("day") else m.start("day")
    first_end = m.end("day") if not m["month"] or m.start("month") < m.start("day") else m.end("month")
    second_start = m.start("month2") if m["month2"] and m.start("month2") < m.start("day2") else m.start("day2")
    y1 = f"{year1:04d}" if year1 is not None else "XXXX"
    y2 = f"{year:04d}" if year is not None else "XXXX"
    return [
        Part(first_start, first_end, "DATE", f"{y1}-{month1:02d}-{d1:02d}"),
        Part(second_start, m.end(), "DATE", f"{y2}-{month2:02d}-{d2:02d}"),
    ]


def _month_range(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    year = int(m["year"])
    month1, month2 = _month(lex, m["month"]), _month(lex, m["month2"])
    year1 = year - 1 if month1 > month2 else year
    return [
        Part(m.start("month"), m.end("month"), "DATE", f"{year1:04d}-{month1:02d}"),
        Part(m.start("month2"), m.end(), "DATE", f"{year:04d}-{month2:02d}"),
    ]


_DECADE_WORDS = {"twenties": "20", "thirties": "30", "forties": "40", "fifties": "50", "sixties": "60",
                 "seventies": "70", "eighties": "80", "nineties": "90"}


def _decade(ctx: _Context, m: re.Match[str]) -> list[Part]:
    raw = m["decade"].lstrip("'’")
    raw = _DECADE_WORDS.get(raw.lower(), raw)
    if len(raw) == 2:
        century = (ctx.dct.year // 100) if ctx.dct else 19
        if ctx.dct and int(raw) > ctx.dct.year % 100:
            century -= 1
        value = f"{century:02d}{raw[0]}"
    else:
        value = raw[:3]
    if _g(m, "era") and m["era"].upper().startswith("B"):
        value = f"BC{int(raw) // 10:03d}"
    mod = _mod(ctx.lex.point_mods, m["pmod"]) or _mod(ctx.lex.point_mods, m["early"])
    return [Part(m.start(), m.end(), "DATE", value, mod)]


def _century(ctx: _Context, m: re.Match[str]) -> list[Part]:
    n = _ordinal(ctx.lex, m["ord"])
    if not n or n > 21:
        return []
    value = f"BC{n - 1:02d}" if m["era"] else f"{n - 1:02d}"
    return [Part(m.start(), m.end(), "DATE", value, _mod(ctx.lex.point_mods, m["pmod"]))]


def _relative_year(ctx: _Context, phrase: str | None) -> int | None:
    if not ctx.dct:
        return None
    phrase = (phrase or "").lower()
    return ctx.dct.year + (-1 if "last" in phrase else 1 if "next" in phrase else 0)


def _quarter(ctx: _Context, m: re.Match[str]) -> list[Part]:
    rel = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower().replace("’", "'"))
    q = int(m["q"][1]) if _g(m, "q") else _ordinal(ctx.lex, _g(m, "ord"))
    if q is not None and not 1 <= q <= 4:
        return []
    if q is None and not rel:
        return []
    year_word = _g(m, "year")
    if year_word and year_word[:1].isdigit():
        year: int | None = int(year_word)
    elif year_word:
        year = _relative_year(ctx, year_word)
    elif ctx.dct:
        current = (ctx.dct.month - 1) // 3 + 1
        year = ctx.dct.year
        if q is None:
            q = current if rel in ("this", "the current") else current - 1
            if q == 0:
                q, year = 4, year - 1
        elif q > current and ctx.tense(m.start(), m.end()) <= 0:
            year -= 1
        if "earlier" in rel or "ago" in rel or rel.startswith("last year"):
            year -= 1
        elif rel.startswith("next year"):
            year += 1
    else:
        year = None
    if q is None:
        return [Part(m.start(), m.end(), "DATE", "XXXX-QX")]
    return [Part(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}")]


def _half(ctx: _Context, m: re.Match[str]) -> list[Part]:
    h = 1 if m["ord"].lower() == "first" else 2
    year_word = m["year"]
    year = int(year_word) if year_word and year_word[0].isdigit() else _relative_year(ctx, year_word)
    if year is None and ctx.ref_year:
        year = ctx.ref_year[0]
    return [Part(m.start(), m.end(), "DATE", f"{year:04d}-H{h}" if year else f"XXXX-H{h}")]


def _season(ctx: _Context, m: re.Match[str]) -> list[Part]:
    code = ctx.lex.seasons[m["season"].lower()]
    rel = (m["rel"] or "").lower().split()[-1:] or [""]
    year = int(m["year"]) if m["year"] else None
    if year is None and not rel[0] and not m["pmod"]:
        if m["season"].lower() == "fall":  # "fall" as a verb/noun is too common to tag bare
            return []
    if year is None and ctx.dct and rel[0] in ("last", "past", "next", "coming", "this"):
        current = cal.SEASON_ORDER[cal.season_of(ctx.dct)]
        target = cal.SEASON_ORDER[code]
        year = ctx.dct.year
        if rel[0] in ("last", "past"):
            year -= 0 if target < current else 1
        elif rel[0] in ("next", "coming"):
            year += 0 if target > current else 1
    elif year is None and ctx.dct is None and rel[0] in ("last", "past", "next", "coming", "this"):
        year = None  # deictic without a DCT: unresolved
    elif year is None and ctx.ref_applies(m.start()):
        year = ctx.ref_year[0]  # type: ignore[index]
    elif year is None and ctx.dct:
        year = ctx.dct.year
    value = f"{_fmt_year(year)}-{code}" if year is not None else f"XXXX-{code}"
    return [Part(m.start(), m.end(), "DATE", value, _mod(ctx.lex.point_mods, m["pmod"]))]


def _holiday(ctx: _Context, m: re.Match[str]) -> list[Part]:
    code = ctx.lex.holidays[re.sub(r"\s+", " ", m["holiday"].lower().replace("’", "'"))]
    year = int(m["year"]) if m["year"] else None
    if year is None and (ctx.dct or ctx.ref_year):
        sample = cal.holiday_date(code, ctx.dct.year if ctx.dct else 2000)
        year = ctx.year_for(m.start(), sample.month, sample.day, ctx.tense(m.start(), m.end()))
    if year is None:
        fixed = code if code[0].isdigit() else None
        return [Part(m.start(), m.end(), "DATE", f"XXXX-{fixed}" if fixed else "XXXX-XX-XX")]
    return [Part(m.start(), m.end(), "DATE", cal.holiday_date(code, year).isoformat())]


_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _deictic(ctx: _Context, m: re.Match[str]) -> list[Part]:
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = _DEICTIC_SHIFT.get(word, -2 if "before" in word else 2)
    end = m.end()
    text = ctx.text[m.start():end]
    part_word = m["part"] or m["prepart"]
    if _POSSESSIVE.search(text) and not part_word:
        end -= 2
    part = ctx.lex.parts_of_day.get(part_word.lower()) if part_word else ("NI" if word == "tonight" else None)
    mod = {"early": "START", "earlier": "START", "late": "END", "later": "END"}.get((m["pmod"] or "").lower())
    day = (ctx.dct + dt.timedelta(days=offset)).isoformat() if ctx.dct else "XXXX-XX-XX"
    if part:
        return [Part(m.start(), end, "TIME", day + _clock_suffix(part), mod)]
    return [Part(m.start(), end, "DATE", day, mod)]


def _clock_suffix(part: str) -> str:
    """``T`` + a part-of-day code (``TNI``) or the clock value as written in the lexicon (``T12:00``)."""
    return part if part.startswith("T") else "T" + part


def _anaphoric_day(ctx: _Context, m: re.Match[str]) -> list[Part]:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word == "this day" and ctx.dct is None:
        return [Part(m.start(), m.end(), "DATE", "XXXX-XX-XX")]
    anchor = ctx.dct if word == "this day" and not ctx.narrative else ctx.anchor_date(m.start())
    if anchor is None:
        return [Part(m.start(), m.end(), "DATE", "XXXX-XX-XX")]
    offset = 1 if ("next" in word or "following" in word or "after" in word) else -1 if ("previous" in word or "before" in word) else 0
    return [Part(m.start(), m.end(), "DATE", (anchor + dt.timedelta(days=offset)).isoformat())]


_UNIT_OF = {"year": "Y", "month": "M", "week": "W"}


def _anaphoric_unit(ctx: _Context, m: re.Match[str]) -> list[Part]:
    """"that year", "later that month": the period of the date the text last stated."""
    unit = _UNIT_OF[m["unit"].lower()]
    mod = {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get((m["pmod"] or "").lower())
    anchor = ctx.anchor_date(m.start()) if unit != "Y" else None
    if unit == "Y" and ctx.ref_year:
        return [Part(m.start(), m.end(), "DATE", _fmt_year(ctx.ref_year[0]), mod)]
    anchor = anchor or ctx.dct
    if anchor is None:
        return [Part(m.start(), m.end(), "DATE", "PAST_REF", mod)]
    return [Part(m.start(), m.end(), "DATE", cal.at_granularity(anchor, unit), mod)]


def _part_of_unit(ctx: _Context, m: re.Match[str]) -> list[Part]:
    """"the end of the year", "year-end": the current period with a START/MID/END mod."""
    word = re.sub(r"\s+", " ", (m["pmod"] or "end").lower()).replace("the ", "")
    mod = {"end": "END", "rest": "END", "remainder": "END", "beginning": "START", "start": "START", "middle": "MID"}[word]
    unit = _UNIT_OF[(m["unit"] or m["pmod2"]).lower()]
    anchor = ctx.now(m.start())
    if anchor is None:
        return [Part(m.start(), m.end(), "DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}[unit], mod)]
    return [Part(m.start(), m.end(), "DATE", cal.at_granularity(anchor, unit), mod)]


def _the_weekend(ctx: _Context, m: re.Match[str]) -> list[Part]:
    if ctx.dct is None:
        return [Part(m.start(), m.end(), "DATE", "XXXX-WXX-WE")]
    saturday = cal.weekday_near(ctx.dct, 6, +1 if ctx.tense(m.start(), m.end()) > 0 else -1)
    return [Part(m.start(), m.end(), "DATE", cal.at_granularity(saturday, "WE"))]


def _part_of_day(ctx: _Context, m: re.Match[str]) -> list[Part]:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    part = ctx.lex.parts_of_day[m["part"].lower()]
    mod = {"early": "START", "late": "END", "later": "END", "mid": "MID"}.get((m["pmod"] or "").lower())
    anchor = ctx.dct if rel in ("this", "last", "tomorrow", "yesterday") else ctx.anchor_date(m.start())
    if anchor is None:
        return [Part(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{part.lstrip('T')}", mod)]
    shift = -1 if rel in ("last", "yesterday", "the previous") else 1 if rel in ("tomorrow", "the next", "the following") else 0
    day = anchor + dt.timedelta(days=shift)
    sep = "" if part.startswith("T") else "T"
    return [Part(m.start(), m.end(), "TIME", f"{day.isoformat()}{sep}{part}", mod)]


_REL_SHIFT = {"this": 0, "current": 0, "last": -1, "latest": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}
_UNIT_CODE = {"year": "Y", "month": "M", "week": "W", "decade": "DE", "century": "CE", "weekend": "WE"}


def _relative(ctx: _Context, m: re.Match[str]) -> list[Part]:
    rel_words = m["rel"].lower().split()
    rel = rel_words[-1]
    unit = _UNIT_CODE[m["unit"].lower()]
    pmod = (m["pmod"] or "").lower()
    mod = {"earlier": "START", "later": "END"}.get(pmod) or _mod(ctx.lex.point_mods, m["pmod"])
    end = m.end()
    # Without a DCT only the anaphoric "the previous/following year" may resolve (on the text's own
    # dates); "last week", "this year" stay unresolved rather than guessed.
    if not ctx.dct and not (rel in ("previous", "following") and ctx.ref_year):
        return [Part(m.start(), end, "DATE", {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[_REL_SHIFT[rel]], mod)]
    step = "W" if unit == "WE" else unit
    if unit == "Y" and ctx.ref_year and ctx.ref_year[0] < 0 and ctx.ref_applies(m.start()):
        return [Part(m.start(), end, "DATE", _fmt_year(ctx.ref_year[0] + _REL_SHIFT[rel]), mod)]  # BC years
    anchor = ctx.now(m.start()) or ctx.dct
    if rel in ("previous", "following") or (ctx.narrative and rel in ("next", "last")):
        anchor = ctx.anchor_date(m.start()) or _year_anchor(ctx, m.start()) or ctx.dct
    day = cal.shift(anchor, step, _REL_SHIFT[rel])
    return [Part(m.start(), end, "DATE", cal.at_granularity(day, unit), mod)]


def _year_anchor(ctx: _Context, pos: int) -> dt.date | None:
    """Mid-year of the last stated year, when it still applies at ``pos``."""
    if ctx.ref_year and ctx.ref_year[0] > 0 and ctx.ref_applies(pos):
        return dt.date(ctx.ref_year[0], 7, 1)
    return None


def _weekday(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    word = m["weekday"]
    if len(word.rstrip(".")) <= 3 and not word.endswith(".") and word.lower() in ("sun", "sat", "wed", "mon"):
        return []
    weekday = lex.weekdays[word.lower().rstrip(".")]
    rel = (m["rel"] or "").lower()
    start = m.start("weekday") if rel in ("on", "early", "late") else m.start()
    part = lex.parts_of_day.get(m["part"].lower()) if m["part"] else None
    kind = "TIME" if part else "DATE"
    suffix = "" if not part else (part if part.startswith("T") else "T" + part)
    if not ctx.dct:
        return [Part(start, m.end(), kind, f"XXXX-WXX-{weekday}{suffix}")]
    if rel.startswith("last") or rel == "this past":
        day = cal.weekday_near(ctx.dct - dt.timedelta(days=1), weekday, -1)
    elif rel.startswith("next") or rel == "this coming":
        day = cal.weekday_near(ctx.dct + dt.timedelta(days=1), weekday, +1)
    else:
        # "Wednesday's ruling": a possessive weekday names something that already happened.
        tense = -1 if _POSSESSIVE.match(ctx.text[m.end():m.end() + 2]) else ctx.tense(m.start(), m.end())
        day = cal.weekday_near(ctx.dct, weekday, +1 if tense > 0 else -1)
    return [Part(start, m.end(), kind, day.isoformat() + suffix)]


def _time(ctx: _Context, m: re.Match[str]) -> list[Part]:
    mod = "APPROX" if (_g(m, "dmod") or "").lower() in ("about", "around", "approximately", "roughly") else None
    start = m.start("H") if (_g(m, "dmod") or "").lower() == "at" else m.start()
    if _g(m, "named"):
        clock = ctx.lex.parts_of_day[m["named"].lower()]
    else:
        hour = int(m["H"])
        minute = int(m["M"]) if m["M"] else 0
        if _g(m, "oclock") and hour > 12:
            return []
        hour = _hour(hour, _g(m, "ampm"))
        if hour > 24 or (hour == 24 and minute):
            return []
        clock = f"T{hour:02d}:{minute:02d}"
    anchor_word = (_g(m, "weekday") or "").lower().rstrip(".")
    if not ctx.dct:
        return [Part(start, m.end(), "TIME", "XXXX-XX-XX" + clock, mod)]
    if anchor_word in _DEICTIC_SHIFT:
        day = ctx.dct + dt.timedelta(days=_DEICTIC_SHIFT[anchor_word])
    elif anchor_word:
        tense = ctx.tense(m.start(), m.end())
        day = cal.weekday_near(ctx.dct, ctx.lex.weekdays[anchor_word], +1 if tense > 0 else -1)
    else:
        day = ctx.anchor_date(m.start()) or ctx.dct
    return [Part(start, m.end(), "TIME", day.isoformat() + clock, mod)]


_BACKWARD = ("ago", "earlier", "before", "previously", "back")


def _ago(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    unit = lex.units[m["unit"].lower()]
    direction = m["dir"].lower()
    sign = -1 if direction in _BACKWARD else 1
    n = _number(lex, m["num"])
    mod = _mod(lex.duration_mods, _g(m, "dmod"))
    if direction in ("before", "after"):
        # "two days after the fall": TimeML tags the duration; "after" is a signal to the event.
        end = m.start("dir")
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        return [Part(m.start(), end, "DURATION", _duration_code(unit, n), mod)]
    anchor = ctx.dct if direction in ("ago", "from now", "hence", "back") else ctx.anchor_date(m.start())
    if n is None or anchor is None or unit in ("H", "MIN", "S", "WE", "NI", "FN") or n != int(n):
        return [Part(m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)]
    if unit == "Y" and anchor == ctx.dct and _mentions_quarter(ctx, m.start()):
        return [Part(m.start(), m.end(), "DATE", _quarter_ago(anchor, sign * int(n)), mod)]
    day = cal.shift(anchor, unit, sign * int(n))
    granularity = "Y" if unit in ("DE", "CE") else unit
    return [Part(m.start(), m.end(), "DATE", cal.at_granularity(day, granularity), mod)]


def _mentions_quarter(ctx: _Context, pos: int) -> bool:
    """Whether the text around compares quarters ("earnings for the quarter ... a year earlier")."""
    start, end = ctx.sentence(pos)
    for _ in range(QUARTER_CONTEXT_SENTENCES):
        start = ctx.sentence(max(0, start - 2))[0]
    return "quarter" in ctx.text[start:end].lower()


def _quarter_ago(dct: dt.date, years: int) -> str:
    """The last completed quarter before ``dct``, moved by ``years``."""
    return cal.at_granularity(cal.shift(cal.shift(dct, "Q", -1), "Y", years), "Q")


def _earlier_adj(ctx: _Context, m: re.Match[str]) -> list[Part]:
    unit = {"year": "Y", "month": "M", "week": "W", "quarter": "Q"}[m["unit"].lower()]
    anchor = ctx.dct
    if anchor is None:
        return [Part(m.start(), m.end(), "DATE", "PAST_REF")]
    sign = 1 if m["dir"].lower() == "later" else -1
    if unit == "Y" and _mentions_quarter(ctx, m.start()):
        return [Part(m.start(), m.end(), "DATE", _quarter_ago(anchor, sign))]
    return [Part(m.start(), m.end(), "DATE", cal.at_granularity(cal.shift(anchor, unit, sign), unit))]


def _duration_code(unit: str, n: float | None) -> str:
    if n is None:
        amount = "X"
    elif unit == "DE":
        amount, unit = _fmt_number(n * 10), "Y"
    elif unit == "CE":
        amount, unit = _fmt_number(n * 100), "Y"
    elif unit == "FN":
        amount, unit = _fmt_number(n * 2), "W"
    else:
        amount = _fmt_number(n)
    if unit == "DE" or unit == "CE":
        unit = "Y"
    if unit in ("H", "MIN", "S"):
        return f"PT{amount}{unit[0]}"
    return f"P{amount}{unit}"


def _duration(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    bare = _g(m, "bare")
    if bare:
        unit = lex.units[bare.lower().rstrip("s").replace("centurie", "century")]
        return [Part(m.start("bare"), m.end(), "DURATION", _duration_code(unit, None))]
    unit = lex.units[m["unit"].lower()]
    num_word = _g(m, "num") or ""
    rel = (_g(m, "rel") or "").lower()
    if num_word.lower() in ("a", "an") and unit in ("S", "MIN") or unit in ("WE", "NI") and num_word.lower() in ("a", "an", "one"):
        return []
    if num_word.lower() in ("a", "an") and not rel and lex.rate_preceders.search(ctx.text[max(0, m.start() - 30):m.start()]):
        return [Part(m.start(), m.end(), "SET", _duration_code(unit, 1))]
    n = _number(lex, num_word) if _g(m, "num") else None
    if n is not None and (_g(m, "half") or "and a half" in num_word.lower()):
        n += 0.5
    if n is not None and n > 10000:
        return []
    mod = _mod(lex.duration_mods, _g(m, "dmod"))
    start = m.start()
    if rel and _g(m, "dmod"):  # "over the past three years": "over" is a preposition here
        start, mod = m.start("rel"), None
    if rel and _g(m, "num") and re.match(r"[\d\w]+-", ctx.text[m.start("num"):m.end()]) and not _g(m, "dmod"):
        start = m.start("num")  # adjectival "the 44-day war": the article belongs to the noun
    return [Part(start, m.end(), "DURATION", _duration_code(unit, n), mod)]


def _set(ctx: _Context, m: re.Match[str]) -> list[Part]:
    lex = ctx.lex
    if _g(m, "adverb"):
        return [Part(m.start(), m.end(), "SET", lex.set_adverbs[m["adverb"].lower()])]
    if m["day"] or m["day3"]:
        month = _month(lex, m["month2"] or m["month3"])
        day = _day(m["day"] or m["day3"])
        return [Part(m.start(), m.end(), "SET", f"XXXX-{month:02d}-{day:02d}")]
    if m["weekday"]:
        return [Part(m.start(), m.end(), "SET", f"XXXX-WXX-{lex.weekdays[m['weekday'].lower().rstrip('.')]}")]
    if m["month"]:
        return [Part(m.start(), m.end(), "SET", f"XXXX-{_month(lex, m['month']):02d}")]
    if m["season"]:
        return [Part(m.start(), m.end(), "SET", f"XXXX-{lex.seasons[m['season'].lower()]}")]
    unit = lex.units[m["unit"].lower()]
    n = _number(lex, m["num"]) if m["num"] else 1
    return [Part(m.start(), m.end(), "SET", _duration_code(unit, n))]


def _ref(ctx: _Context, m: re.Match[str]) -> list[Part]:
    key = re.sub(r"\s+", " ", m["ref"].lower().replace("’", "'"))
    value = ctx.lex.references.get(key)
    if value is None:
        return []
    return [Part(m.start(), m.end(), "DATE", value)]


NORMALISERS: dict[str, Normaliser] = {
    "iso": _iso,
    "numeric-date": _numeric_date,
    "md-range": _md_range,
    "month-range": _month_range,
    "year-range": _year_range,
    "spelled-year": _spelled_year,
    "date": _date,
    "month": _month_expr,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "holiday": _holiday,
    "deictic": _deictic,
    "anaphoric-day": _anaphoric_day,
    "part-of-day": _part_of_day,
    "anaphoric-unit": _anaphoric_unit,
    "part-of-unit": _part_of_unit,
    "the-weekend": _the_weekend,
    "relative": _relative,
    "weekday": _weekday,
    "time": _time,
    "ago": _ago,
    "earlier-adj": _earlier_adj,
    "duration": _duration,
    "set": _set,
    "ref": _ref,
}


# --- driver ----------------------------------------------------------------------------------


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds for tense cues when no sentencizer ran."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _candidates(text: str, rules: Sequence[Rule]) -> list[tuple[Rule, re.Match[str]]]:
    found = [
        (rule, m)
        for rule in rules
        for m in rule.regex.finditer(text)
        if not (rule.reject and rule.reject.search(m.group()))
    ]
    found.sort(key=lambda c: (-(c[1].end() - c[1].start()), c[0].order, c[1].start()))
    taken = bytearray(len(text) + 1)
    chosen = []
    for rule, m in found:
        if m.end() == m.start() or any(taken[m.start():m.end()]):
            continue
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        chosen.append((rule, m))
    chosen.sort(key=lambda c: c[1].start())
    return chosen


_EXPLICIT_YEAR = re.compile(r"^(?:BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


_YEAR_STATING_KINDS = frozenset({"iso", "numeric-date", "spelled-year", "year-range"})


def _states_year(rule: Rule, m: re.Match[str]) -> bool:
    """Whether the text itself wrote the year (only such years anchor later dates in news)."""
    return rule.kind in _YEAR_STATING_KINDS or bool(m.groupdict().get("year") or "")


def _is_narrative(text: str, dct: dt.date | None) -> bool:
    if dct is None:
        return True
    years = [int(ad) if ad else -int(bc) for ad, bc in _STATED_YEAR.findall(text)]
    gaps = sorted(abs(y - dct.year) for y in years)
    if len(gaps) >= NARRATIVE_DENSE_YEARS and gaps[len(gaps) // 2] > NARRATIVE_DENSE_GAP:
        return True
    return len(gaps) >= NARRATIVE_MIN_YEARS and gaps[len(gaps) // 2] > NARRATIVE_YEAR_GAP


def tag(text: str, dct: str | None, sentences: Sequence[tuple[int, int]] | None = None) -> Iterator[Timex]:
    """Temporal expressions in ``text`` in document order, anchored on ``dct`` (ISO date or ``None``)."""
    lex = load()
    ctx = _Context(text=text, dct=cal.parse_dct(dct), lex=lex, sentences=sentences or split_sentences(text))
    ctx.narrative = _is_narrative(text, ctx.dct)
    candidates = _candidates(text, lex.rules)
    ctx.stated_dates = [(m.start(), int(m["year"])) for rule, m in candidates if rule.kind == "date" and m["year"]]
    for rule, m in candidates:
        for part in NORMALISERS[rule.kind](ctx, m):
            start, end = part.start, part.end
            while end > start and text[end - 1] in " ,;:-–":
                end -= 1
            if _POSSESSIVE.search(text[start:end]) and part.type != "SET":
                end -= 2
            if end <= start:
                continue
            explicit = _EXPLICIT_YEAR.match(part.value)
            if explicit and part.value.startswith("BC"):
                ctx.ref_year = (-int(explicit.group(1)), start)
            elif explicit and (ctx.narrative and part.type == "DATE" or _states_year(rule, m)):
                ctx.ref_year = (int(explicit.group(1)), start)
                y, mo, d = (int(g) if g else 0 for g in explicit.groups())
                if d and not part.value.startswith("BC") and cal.valid_day(y, mo, d) and y > 0:
                    ctx.ref_date = (dt.date(y, mo, d), start)
            yield Timex(start=start, end=end, text=text[start:end], type=part.type, value=part.value, mod=part.mod)
