"""Parsers that turn furniture lines into metadata: datelines, bylines and outlet trailers.

Each parser takes one stripped line and returns a small value or ``None``; word lists come from
``newsdossier/data/clean/metadata.json``. Dates are returned as ISO strings at the precision the
line gives: ``2021-11-08``, ``2024-11-08T10:33``, ``2023-11-08T16:51:00``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsdossier.clean.lines import ends_like_sentence, word_count

DATELINE_MAX_WORDS = 24  # "Published: Friday, November 8, 2024 10:33 AM | Updated: ..." fits; a sentence with a date is longer or keeps words
BYLINE_MAX_WORDS = 24  # two authors, their roles and a date
BARE_BYLINE_MAX_WORDS = 8  # "Jane Doe and John Smith in Washington"
NAME_MAX_TOKENS = 5  # "Maria del Carmen Ruiz Lopez"
BYLINE_TAIL_MAX_WORDS = 6  # "Staff Writer", "Reuters", "in Baku": a role or place after the name
OUTLET_MAX_WORDS = 6  # "The Associated Press"; longer is a sentence, not a name
MIN_YEAR, MAX_YEAR = 1900, 2100  # publication years outside this are misreads

AMBIGUOUS = "ambiguous"  # a real date, but 03/04/2024 could be either day or month first

# "BAKU, Azerbaijan, " before a date and " (AZERTAC)" / ", TASS" after it (case matters: names).
_PLACE_PREFIX = re.compile(r"^(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}\s*,\s*){1,2}(?=\w)")
_AGENCY_SUFFIX = re.compile(r"\s*(?:,\s*|\(\s*)[A-Z][A-Z.&-]{1,11}\)?$")
_GLUED_BY = re.compile(r"BY(?=[A-Z][a-z])")
_PLACE_TAIL = re.compile(r"(?:in|from|,)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2}")
_CREDIT = re.compile(r"^\(?\s*(?:reporting|reported|written|writing) by\s+(?P<names>[^;)]+)", re.IGNORECASE)
_OUTLET_PATTERNS = (
    re.compile(r"\(?\s*(?:source|sources|via|courtesy of)\s*[:|\-–—]\s*(?P<outlet>[^!?:;|()]{1,60}?)\.?\s*\)?\.?", re.IGNORECASE),
    re.compile(r"(?:the )?(?:last|latest) news (?:in|from|of|on) (?P<outlet>[^.!?:;|]{1,60}?):?", re.IGNORECASE),
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline states: the publication and update dates (ISO), either may be ``None``."""

    published: str | None
    updated: str | None


@dataclass(frozen=True, slots=True)
class Byline:
    """The author(s) a byline names, and the dateline that shares its line, if any."""

    author: str
    dateline: Dateline | None = None


@cache
def _data() -> dict:
    path = resources.files("newsdossier") / "data" / "clean" / "metadata.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _date_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = _data()
    months = _alternation(list(data["months"]))
    weekdays = _alternation(data["weekdays"])
    zones = _alternation(data["timezones"])

    def time(n: int) -> str:
        clock = rf"(?P<H{n}>\d{{1,2}})[:.](?P<M{n}>\d{{2}})(?::(?P<S{n}>\d{{2}}))?"
        return rf"{clock}(?:\s*(?P<ampm{n}>[ap]\.?\s?m\b\.?))?(?:\s*(?:{zones})\b(?:\s*[+-]\d{{1,2}}(?::?\d{{2}})?)?)?"

    weekday = rf"(?:(?:{weekdays})\.?,?\s+)?"
    date = (
        rf"(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d)"
        rf"|{weekday}(?P<am>{months})\.?\s+(?P<ad>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{{4}})"
        rf"|{weekday}(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<bm>{months})\.?,?\s+(?P<by>\d{{4}})"
        rf"|(?<![\d.])(?P<nd>\d{{1,2}})(?P<sep>[./])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>\d{{4}})"
    )
    between = r"(?:\s*(?:[T,|/\-–—]|\bat\b|\bon\b)?\s*)"
    full = rf"(?:{time(1)}{between})?\b(?:{date})(?:{between}{time(2)})?"
    label_words = data["published_labels"] + data["updated_labels"]
    label = rf"(?:{_alternation(label_words)})"
    return re.compile(full, re.IGNORECASE), re.compile(rf"\b{label}\b", re.IGNORECASE)


@cache
def _update_label() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(_data()['updated_labels'])})\b", re.IGNORECASE)


@cache
def _byline_label() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(_data()['byline_labels'])})\b\s*[:\-–—]?\s*", re.IGNORECASE)


@cache
def _yearless_date() -> re.Pattern[str]:
    data = _data()
    months, weekdays = _alternation(list(data["months"])), _alternation(data["weekdays"])
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b(?:(?:{weekdays})\.?,?\s+)?(?:{day}\s+(?:of\s+)?(?:{months})\b\.?|(?:{months})\.?\s+{day}\b)",
        re.IGNORECASE,
    )


@cache
def _relative_date() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_data()['relative_date']})\b", re.IGNORECASE)


@cache
def _filler() -> re.Pattern[str]:
    words = _data()["filler_words"]
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)|[\d.,]+[km]?(?!\w)|[^\w\s]", re.IGNORECASE)


def _iso(match: re.Match[str]) -> str | None:
    """The ISO date or datetime a date match spells, ``None`` when it is no real date, or
    :data:`AMBIGUOUS` when it is a date whose day and month cannot be told apart."""
    g = match.groupdict()
    months = _data()["months"]
    try:
        if g["iy"]:
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["ay"]:
            year, month, day = int(g["ay"]), months[g["am"].casefold()], int(g["ad"])
        elif g["by"]:
            year, month, day = int(g["by"]), months[g["bm"].casefold()], int(g["bd"])
        else:
            first, second, year = int(g["nd"]), int(g["nm"]), int(g["ny"])
            if g["sep"] == "/" and first <= 12 and second <= 12 and first != second:
                dt.date(year, first, second)  # must still be a date, read either way
                # 03/04/2024 is March 4 in the US and 3 April elsewhere: a dateline, but no guess
                return AMBIGUOUS if MIN_YEAR <= year <= MAX_YEAR else None
            day, month = (second, first) if g["sep"] == "/" and second > 12 else (first, second)
        date = dt.date(year, month, day)
    except (ValueError, KeyError):
        return None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    n = "1" if g["H1"] else "2" if g["H2"] else None
    if n is None:
        return date.isoformat()
    hour, minute, second_ = int(g[f"H{n}"]), int(g[f"M{n}"]), g[f"S{n}"]
    ampm = (g[f"ampm{n}"] or "").casefold()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (second_ and int(second_) > 59):
        return None
    clock = f"{hour:02d}:{minute:02d}" + (f":{int(second_):02d}" if second_ else "")
    return f"{date.isoformat()}T{clock}"


def parse_dateline(line: str) -> Dateline | None:
    """A line that only states when the article was published/updated (plus counters and labels,
    a place before the date and an agency after it: "BAKU, Azerbaijan, Nov 8, 2024 (AZERTAC)")."""
    if not line.strip() or line.count(" ") > 2 * DATELINE_MAX_WORDS or word_count(line) > DATELINE_MAX_WORDS:
        return None
    dateline = _read_dateline(line)
    if dateline is None:
        bare = _AGENCY_SUFFIX.sub("", _PLACE_PREFIX.sub("", line.strip()))
        dateline = _read_dateline(bare) if bare != line.strip() else None
        if dateline and not (dateline.published or dateline.updated):
            return None  # "Police Blotter, Jan. 2" is a headline: a place needs a full date after it
    return dateline


def _read_dateline(line: str) -> Dateline | None:
    date_re, label_re = _date_regexes()
    published = updated = None
    residue, last = [], 0
    found = False
    update_re = _update_label()
    for match in date_re.finditer(line):
        before = line[last : match.start()]
        residue.append(before)
        last = match.end()
        value = _iso(match)
        if value is None:
            return None
        found = True
        if value is AMBIGUOUS:
            continue
        if update_re.search(before):
            updated = updated or value
        else:
            published = published or value
    residue.append(line[last:])
    rest = " ".join(residue)
    # Dates a reader cannot place without the crawl date: "2 hours ago", "8 November" (no year).
    for vague in (_relative_date(), _yearless_date()):
        if vague.search(rest):
            found = True
            rest = vague.sub(" ", rest)
    rest = _filler().sub(" ", label_re.sub(" ", rest))
    if rest.strip():
        return None
    if not found and not label_re.search(line):
        return None  # nothing but punctuation and numbers
    return Dateline(published=published, updated=updated)


def starts_with_date_label(line: str) -> bool:
    """The line says it is a dateline: "Updated: ...", "Published 8 November 2024"."""
    return line.casefold().startswith(tuple(_data()["body_dateline_labels"]))


def looks_like_date(line: str) -> bool:
    """The whole line is one date or date and time (``2021-11-08``, ``08.11.2021 10:00``)."""
    date_re, _ = _date_regexes()
    match = date_re.fullmatch(line.strip())
    return bool(match and _iso(match) is not None)


def normalize_date(value: str) -> str | None:
    """A date from a source's own metadata as ISO (``2024-11-08T10:33:00+03:00`` stays as it is)."""
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        dateline = parse_dateline(text)
        return (dateline.published or dateline.updated) if dateline else None
    if len(text) <= len("2024-11-08"):
        return parsed.date().isoformat()
    return parsed.isoformat()


def _is_name_token(token: str) -> bool:
    data = _data()
    if token.casefold() in data["name_particles"]:
        return True
    core = token.rstrip(".")
    return bool(core) and core[0].isupper() and all(c.isalpha() or c in "'’-." for c in core)


def _name_case(name: str) -> str:
    """ALL-CAPS names become Title Case ("JANE DOE" -> "Jane Doe"); others stay as written."""
    if name.isupper():
        return " ".join(part.capitalize() if len(part) > 2 or not part.endswith(".") else part for part in name.split())
    return name


def _take_name(text: str) -> tuple[str, str]:
    """The longest leading run of name-shaped tokens (at most ``NAME_MAX_TOKENS``), and the rest."""
    data = _data()
    taken: list[str] = []
    end = 0
    for match in list(re.finditer(r"\S+", text))[:NAME_MAX_TOKENS]:
        bare = match.group().rstrip(",;|")
        if not _is_name_token(bare):
            break
        taken.append(bare)
        end = match.start() + len(bare)
        if bare != match.group():
            break
    while taken and taken[-1].casefold() in data["name_particles"]:
        taken.pop()
        end = text.rindex(" ", 0, end) if " " in text[:end] else 0
    if not taken or taken[0].casefold() in data["not_names"] or taken[0].casefold() in data["name_particles"]:
        return "", text
    if any(t.casefold() in data["role_words"] for t in taken):
        return "", text
    return " ".join(taken), text[end:]


def _take_names(text: str) -> tuple[list[str], str]:
    """Names joined by ",", "&" or "and" at the start of ``text``, and the rest after them."""
    names: list[str] = []
    rest = text
    while True:
        name, after = _take_name(rest)
        if not name or (names and len(name.split()) < 2):
            return names, rest
        names.append(_name_case(name))
        joiner = re.match(r"\s*(?:,|&|\band\b)\s*", after)
        # A single-word chunk after a comma is an outlet or place ("Jane Doe, Reuters"), not an author.
        if not joiner or len(_take_name(after[joiner.end() :])[0].split()) < 2:
            return names, after
        rest = after[joiner.end() :]


def parse_byline(line: str) -> Byline | None:
    """The author a byline names: "By Jane Doe", "BY JANE DOE", "BYJane Doe", "Author: Jane Doe"."""
    text = line.strip()
    if not text or text.count(" ") > 2 * BYLINE_MAX_WORDS or word_count(text) > BYLINE_MAX_WORDS:
        return None
    glued = _GLUED_BY.match(text)
    if glued:
        rest = text[glued.end() :]
    else:
        label = _byline_label().match(text)
        if not label:
            return None
        rest = text[label.end() :]
    names, rest = _take_names(rest)
    if not names:
        return None
    tail = rest.strip().lstrip(",|-–—/·•").strip()
    if not tail:
        return Byline(author=", ".join(names))
    dateline = parse_dateline(tail)
    if dateline:
        return Byline(author=", ".join(names), dateline=dateline)
    if word_count(tail) <= BYLINE_TAIL_MAX_WORDS and not ends_like_sentence(tail) and _plain_tail(tail):
        return Byline(author=", ".join(names))
    return None


def parse_bare_byline(line: str) -> str | None:
    """A line that is only an author's name, perhaps with a place: "Jane Doe in Paris" -> "Jane Doe".

    Without a "By" this is weak evidence: use it only under a headline, where bylines stand.
    """
    text = line.strip()
    if not text or word_count(text) > BARE_BYLINE_MAX_WORDS or ends_like_sentence(text):
        return None
    names, rest = _take_names(text)
    if not names or any(len(n.split()) < 2 for n in names):
        return None
    rest = rest.strip()
    if rest and not _PLACE_TAIL.fullmatch(rest):
        return None
    return ", ".join(names)


def is_byline_tail(line: str) -> bool:
    """A line that continues a byline: a role, outlet or place ("Staff Writer", "BBC News, Geneva")."""
    text = line.strip()
    if not text or word_count(text) > BYLINE_TAIL_MAX_WORDS or ends_like_sentence(text) or not _plain_tail(text):
        return False
    words = re.findall(r"[^\W_]+", text)
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _data()["name_particles"] for w in words)


def parse_credit(line: str) -> str | None:
    """The reporters a wire credit names: "(Reporting by Jane Doe in Baku; Editing by ...)" -> "Jane Doe"."""
    match = _CREDIT.search(line)
    if not match:
        return None
    names, _ = _take_names(match.group("names"))
    return ", ".join(names) or None


def _plain_tail(tail: str) -> bool:
    """A role, outlet or place after a name: no quotes, no digits-only clutter, no sentence verbs."""
    return not any(c in tail for c in "\"“”") and not re.search(r"\b(said|says|told|was|were|is|are|has|had)\b", tail)


def parse_outlet(line: str) -> str | None:
    """The outlet a trailer names: "Source: TRT" -> "TRT", "Last news in Fakti" -> "Fakti"."""
    text = re.sub(r"\s+", " ", line).strip()
    for pattern in _OUTLET_PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        outlet = match.group("outlet").strip(" -–—|,")
        if outlet and word_count(outlet) <= OUTLET_MAX_WORDS and _name_shaped(outlet):
            return outlet
    return None


def _name_shaped(outlet: str) -> bool:
    """Every longer word is capitalised or has a digit ("TRT", "The Baku Times", "24 News")."""
    words = re.findall(r"[^\W_]+", outlet)
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in words) and (
        words[0][0].isupper() or words[0][0].isdigit()
    )
