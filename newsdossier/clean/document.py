"""Cleaning one record: furniture lines out, metadata in, a :class:`Document` (or a :class:`Rejection`).

The work is a pure function of the record and the corpus statistics. Lines are read in three passes:

* the **header**, the run of non-prose lines at the top: section labels, the headline, datelines,
  bylines, captions and any furniture, until the first line of article text (one standfirst under
  the headline is kept and read past);
* the **body**, where only lines that are furniture anywhere are removed (separators, widgets,
  share rows, repeated headlines, captions, lists of related links after an opener);
* the **footer**, the run of furniture at the bottom (comment widgets, trailers, notices), read
  upwards; lines the body pass removed belong to it.

Prose never goes by a heuristic: only a pattern that matches a whole line can remove a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsdossier.clean.furniture import families, furniture_reason, opens_list
from newsdossier.clean.lines import (
    TITLE_MIN_WORDS,
    TITLE_WITH_STOP_MAX_WORDS,
    ends_like_sentence,
    is_headline_like,
    is_kicker,
    is_prose,
    is_title_case,
    line_key,
    same_text,
    word_count,
)
from newsdossier.clean.metadata import (
    OUTLET_MAX_WORDS,
    Dateline,
    is_byline_tail,
    normalize_date,
    parse_bare_byline,
    parse_byline,
    parse_credit,
    parse_dateline,
    parse_outlet,
    starts_with_date_label,
)
from newsdossier.clean.normalize import normalize_text
from newsdossier.clean.stats import CorpusStats
from newsdossier.model import Document, RawRecord, Rejection, RemovedLine, content_id

HEADER_MAX_LINES = 40  # non-blank lines read as header at most: a site menu scraped one item per line is ~20
DECK_MAX_WORDS = 40  # a standfirst under the headline is a line or two; longer is the article
CAPTION_TAIL_MAX_CHARS = 12  # "- 1", "(photo 3/12)": what a gallery adds after a repeated headline

# Dates found in these places, best first: a dateline in the header states publication; one in the
# footer usually too; a labelled one inside the body is the weakest.
_DATE_RANK = {"header": 0, "footer": 1, "body": 2}

# The reasons clean_record gives besides the furniture families' own (see removal_reasons()).
LINE_REASONS = (
    "title",
    "repeated-title",
    "image-caption",
    "dateline",
    "byline",
    "section-label",
    "boilerplate",
    "separator",
    "numeric",
    "related-list",
)
_SITE_SUFFIX = re.compile(r"(?P<head>.+?)\s+[|\-–—•·]\s+(?P<site>[^|\-–—•·]+)")  # "Headline | Site Name"


@dataclass
class _Found:
    """Metadata collected while the lines are read (mutable scratch, never returned)."""

    title: str | None = None
    title_line: int | None = None
    author: str | None = None
    credited: str | None = None  # reporters named by a wire credit; the author when no byline names one
    outlets: list[tuple[int, str]] = field(default_factory=list)  # (rank, outlet): trailer 0, list 1, title 2
    dates: list[tuple[int, int, str, str]] = field(default_factory=list)  # (rank, kind, value, evidence)

    def add_date(self, dateline: Dateline, where: str, evidence: str) -> None:
        if dateline.published:
            self.dates.append((_DATE_RANK[where], 0, dateline.published, evidence))
        elif dateline.updated:
            self.dates.append((_DATE_RANK[where], 1, dateline.updated, evidence))

    def best_date(self) -> tuple[str, str] | tuple[None, None]:
        if not self.dates:
            return None, None
        _, _, value, evidence = min(self.dates, key=lambda d: (d[0], d[1]))
        return value, evidence


def removal_reasons() -> frozenset[str]:
    """Every reason a :class:`RemovedLine` may carry."""
    return frozenset(LINE_REASONS) | {family.reason for family in families()}


def clean_record(record: RawRecord, stats: CorpusStats | None = None) -> Document | Rejection:
    """Remove the furniture from one record's text and read its metadata."""
    lines = normalize_text(record.text).split("\n")
    found = _Found(title=record.title.strip() if record.title and record.title.strip() else None)
    given_title = found.title is not None
    reasons: dict[int, str] = {}

    body_start = _read_header(lines, reasons, found, stats, given_title)
    _read_body(lines, reasons, found, body_start, len(lines))
    _read_footer(lines, reasons, found, stats, body_start)

    text = _assemble(lines, reasons)
    if not text:
        return Rejection(
            path=record.path,
            stage="clean",
            reason="no-article-text",
            detail=f"nothing of an article is left once these lines are taken out: {_tally(reasons)}",
        )
    published, evidence, basis = _published(record, found)
    return Document(
        id=content_id(record.url or record.path, record.text),
        path=record.path,
        title=found.title,
        published=published,
        published_basis=basis,
        author=record.author or found.author or found.credited,
        outlet=record.outlet or (min(found.outlets, key=lambda o: o[0])[1] if found.outlets else None),
        text=text,
        removed=tuple(RemovedLine(text=lines[i], reason=r, line=i) for i, r in sorted(reasons.items())),
        url=record.url,
        format=record.format,
        published_evidence=evidence,
    )


def _tally(reasons: dict[int, str]) -> str:
    counts = Counter(reasons.values())
    return ", ".join(f"{n} {reason}" for reason, n in counts.most_common()) or "no text at all"


def _published(record: RawRecord, found: _Found) -> tuple[str | None, str | None, str | None]:
    if record.published:
        value = normalize_date(record.published)
        if value:
            return value, record.published, "metadata"
    value, evidence = found.best_date()
    return value, evidence, ("text" if value else None)


def _edge_reason(line: str, found: _Found, where: str) -> str | None:
    """Why a line at the top or bottom of the article is furniture (and record its metadata)."""
    reason = furniture_reason(line, edge=True)
    if reason:
        _note_outlet(line, reason, found)
        return reason
    dateline = parse_dateline(line)
    if dateline:
        found.add_date(dateline, where, line)
        return "dateline"
    byline = parse_byline(line)
    if byline:
        found.author = found.author or byline.author
        if byline.dateline:
            found.add_date(byline.dateline, where, line)
        return "byline"
    return _title_echo(line, found)


def _note_outlet(line: str, reason: str, found: _Found) -> None:
    """Metadata a furniture line carries: the outlet of a trailer, the reporters of a wire credit."""
    outlet = parse_outlet(line)
    if outlet:
        found.outlets.append((0 if reason == "source-trailer" else 1, outlet))
    if reason == "credit-trailer":
        found.credited = found.credited or parse_credit(line)


def _split_site_name(line: str, found: _Found) -> str:
    """ "Headline | Site Name" -> "Headline", noting the site as a (weak) outlet."""
    head, site = _split_site(line) if " | " in line else (line, None)
    if site is None or word_count(head) < word_count(site):
        return line
    found.outlets.append((2, site))
    return head


def _title_echo(line: str, found: _Found) -> str | None:
    """The headline again ("repeated-title"), or with a gallery index after it ("image-caption")."""
    if not found.title or len(line) > 2 * len(found.title) + CAPTION_TAIL_MAX_CHARS:
        return None
    if same_text(line, found.title):
        return "repeated-title"
    title_key, line_key_ = line_key(found.title), line_key(line)
    if title_key and line_key_.startswith(title_key):
        tail = line_key_[len(title_key) :]
        if 0 < len(tail) <= CAPTION_TAIL_MAX_CHARS and not any(c.isalpha() for c in tail.replace("photo", "")):
            return "image-caption"
    head, site = _split_site(line)
    if site and same_text(head, found.title):
        return "repeated-title"  # "Headline | Site Name"
    return None


def _split_site(line: str) -> tuple[str, str | None]:
    """ "Headline | Site Name" -> ("Headline", "Site Name"); the site only when it reads as a name."""
    match = _SITE_SUFFIX.fullmatch(line)
    if not match or word_count(match.group("site")) > OUTLET_MAX_WORDS:
        return line, None
    site = parse_outlet(f"Source: {match.group('site')}")
    return (match.group("head"), site) if site else (line, None)


def _read_header(
    lines: list[str], reasons: dict[int, str], found: _Found, stats: CorpusStats | None, given_title: bool
) -> int:
    """Remove the furniture run at the top; return the index of the first body line.

    One short content line under the headline that does not end like a sentence (a standfirst) is
    kept and read past, so that a byline or dateline below it is still read as one.
    """
    seen = 0
    deck: int | None = None
    last_reason: str | None = None
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > HEADER_MAX_LINES:
            return i if deck is None else deck
        reason = _header_reason(lines, i, found, stats, given_title, last_reason)
        if reason:
            reasons[i] = last_reason = reason
            continue
        if deck is None and (found.title_line is not None or given_title) and _is_deck(line):
            deck, last_reason = i, None
            continue
        return i if deck is None else deck
    return len(lines) if deck is None else deck


def _header_reason(
    lines: list[str], i: int, found: _Found, stats: CorpusStats | None, given_title: bool, last_reason: str | None
) -> str | None:
    """Why a line of the header goes (noting the title, date, author and outlet it gives), or None."""
    line = lines[i]
    titled = found.title_line is not None or given_title
    if found.title_line is None and given_title and _title_echo(line, found) == "repeated-title":
        found.title_line = i
        return "title"
    reason = _edge_reason(line, found, "header")
    if reason:
        return reason
    if last_reason == "byline" and is_byline_tail(line):
        return "byline"  # "Staff Writer", "BBC News, Geneva" under the name
    if titled and (author := parse_bare_byline(line)):
        found.author = found.author or author
        return "byline"
    if not titled and _is_headline(lines, i) and not _label_above_headline(lines, i):
        found.title_line, found.title = i, _split_site_name(line, found)
        return "title"
    if stats is not None and _template_line(line, stats):
        return "boilerplate"
    if not titled and is_kicker(line):
        return "section-label"
    return None


def _is_deck(line: str) -> bool:
    return word_count(line) <= DECK_MAX_WORDS and not ends_like_sentence(line)


def _is_headline(lines: list[str], i: int) -> bool:
    """The line reads as the headline: headline-shaped, or ending in a full stop but either in Title
    Case or standing right above a byline or dateline (a short first sentence of prose stays)."""
    line = lines[i]
    if is_headline_like(line) and not is_prose(line):
        return True
    if not line.endswith(".") or line.endswith("..") or not TITLE_MIN_WORDS <= word_count(line) <= TITLE_WITH_STOP_MAX_WORDS:
        return False
    if is_title_case(line):
        return True
    following = next((ln for ln in lines[i + 1 :] if ln), "")
    return parse_byline(following) is not None or parse_dateline(following) is not None


def _label_above_headline(lines: list[str], i: int) -> bool:
    """A short line right above a longer headline is a label (section, site name), not the title."""
    if not is_kicker(lines[i]):
        return False
    j = next((k for k in range(i + 1, len(lines)) if lines[k]), None)
    if j is None or not is_headline_like(lines[j]) or is_prose(lines[j]) or word_count(lines[j]) <= word_count(lines[i]):
        return False
    following = lines[j]
    return not (furniture_reason(following, edge=True) or parse_byline(following) or parse_dateline(following))


def _read_footer(
    lines: list[str], reasons: dict[int, str], found: _Found, stats: CorpusStats | None, body_start: int
) -> int:
    """Remove the furniture run at the bottom (lines the body pass removed belong to it); return the
    index just past the last body line."""
    for i in range(len(lines) - 1, body_start - 1, -1):
        line = lines[i]
        if not line or i in reasons:
            continue
        reason = _edge_reason(line, found, "footer")
        if not reason and stats is not None and _template_line(line, stats):
            reason = "boilerplate"
        if not reason:
            return i + 1
        reasons[i] = reason
    return body_start


def _read_body(lines: list[str], reasons: dict[int, str], found: _Found, start: int, end: int) -> None:
    """Remove lines that are furniture wherever they stand, and lists of links after an opener."""
    in_list = False
    for i in range(start, end):
        line = lines[i]
        if not line:
            continue
        if i in reasons:  # read by the header pass already
            in_list = in_list or opens_list(line)
            continue
        # Inside a list of links the article is over: edge-only furniture (notices) counts there too.
        reason = furniture_reason(line, edge=in_list) or _title_echo(line, found)
        if not reason:
            byline = parse_byline(line)
            if byline:
                found.author = found.author or byline.author
                reason = "byline"
        # Inside the body only a dateline that says what it is ("Updated: ...") is furniture.
        if not reason and starts_with_date_label(line):
            dateline = parse_dateline(line)
            if dateline:
                found.add_date(dateline, "body", line)
                reason = "dateline"
        if reason:
            reasons[i] = reason
            in_list = in_list or opens_list(line)
            _note_outlet(line, reason, found)
            continue
        if in_list and not is_prose(line) and (is_headline_like(line) or is_kicker(line)):
            reasons[i] = "related-list"
            continue
        in_list = False


def _template_line(line: str, stats: CorpusStats) -> bool:
    """A line repeated across the corpus that does not end like a sentence (so no sentence goes)."""
    return not ends_like_sentence(line) and stats.is_repeated(line)


def _assemble(lines: list[str], reasons: dict[int, str]) -> str:
    """Kept lines, paragraphs separated by exactly one blank line (a removed line breaks a paragraph)."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if line and i not in reasons:
            current.append(line)
            continue
        if current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(p) for p in paragraphs)
