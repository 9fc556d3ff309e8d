"""Date arithmetic for TIMEX3 values: anchors, granularities, weekdays, holidays."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")


def parse_dct(value: str | None) -> dt.date | None:
    """The date part of an ISO date/datetime string, or ``None`` when absent or unreadable."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``day`` exists in ``month`` (in a leap year when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def shift(anchor: dt.date, unit: str, n: int) -> dt.date:
    """``anchor`` moved by ``n`` units (Y, M, W, D, Q, DE, CE), clamping the day of month."""
    if unit == "D":
        return anchor + dt.timedelta(days=n)
    if unit == "W":
        return anchor + dt.timedelta(weeks=n)
    months = {"Y": 12, "M": 1, "Q": 3, "DE": 120, "CE": 1200}.get(unit, 12) * n
    total = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(total, 12)
    day = min(anchor.day, calendar.monthrange(max(year, 1), month + 1)[1])
    return dt.date(max(year, 1), month + 1, day)


def at_granularity(day: dt.date, unit: str) -> str:
    """The TIMEX3 value of the unit-sized period containing ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "WE"):
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def weekday_near(anchor: dt.date, weekday: int, direction: int) -> dt.date:
    """The day with ISO ``weekday`` (1=Monday) on or before (-1) / on or after (+1) ``anchor``."""
    diff = weekday - anchor.isoweekday()
    if direction < 0:
        return anchor + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    return anchor + dt.timedelta(days=diff if diff >= 0 else diff + 7)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th (1-based; -1 = last) ISO ``weekday`` of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return weekday_near(first, weekday, +1) + dt.timedelta(weeks=n - 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return weekday_near(last, weekday, -1)


# Computed holidays: name -> (month, ISO weekday, n-th) or Easter.
_COMPUTED = {"THANKSGIVING": (11, 4, 4), "LABOR": (9, 1, 1), "MEMORIAL": (5, 1, -1)}


def holiday_date(code: str, year: int) -> dt.date:
    """The date of a holiday code from the lexicon ("12-25", "THANKSGIVING", "EASTER") in ``year``."""
    if code == "EASTER":
        return easter(year)
    if code == "ELECTION":  # US: the Tuesday after the first Monday of November
        return nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if code in _COMPUTED:
        month, weekday, n = _COMPUTED[code]
        return nth_weekday(year, month, weekday, n)
    month, day = (int(x) for x in code.split("-"))
    return dt.date(year, month, day)


def season_of(day: dt.date) -> str:
    """The meteorological season code of a date."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")


SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
