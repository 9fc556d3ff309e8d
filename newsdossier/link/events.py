"""Event mentions: a resolved date (or interval) with the clause that says what happened then.

:func:`find_event_mentions` turns one :class:`~newsdossier.model.Annotated` document into
:class:`EventMention` values, which :mod:`newsdossier.link.timeline` groups across documents.

Rules (word lists in :mod:`newsdossier.data.timeline`):

* A DATE (or the date part of a TIME) timex with a resolved value ``YYYY``, ``YYYY-MM`` or
  ``YYYY-MM-DD`` is a candidate. Recurring (``XXXX-11-08``), relative-unresolved and
  duration values are not.
* "Two years ago on this day" (a year, then a day at the DCT) is that day, back then.
* Two dates joined by "between … and …", "from … to …" or a dash make one interval mention.
* A year or month alone is a happening only after a temporal preposition ("in 2019"); "the 2020
  war" and "since 1993" are modifiers.
* A date whose sentence has fewer than :data:`MIN_CONTENT_WORDS` other words is a dateline or a
  heading, not a happening.
* **Commemorations are dated to when they happen.** In a sentence with a commemoration cue
  ("anniversary", "celebrates", "marked"), a date written *after* the cue is the recalled event's
  date: "celebrated the second anniversary of the victory on November 8, 2020" reports a
  celebration, not the 2020 victory. That date is dropped; if the sentence gives no date of its
  own before the cue, the mention is re-dated to the commemoration: recalled date + N years for
  an "Nth anniversary", else the document's publication date (skipped when there is none).
  A date *before* the cue ("On November 8, 2021, the Republic celebrates …") is the
  commemoration's own date and is kept.
* A date repeated in one sentence ("today … at 12:00 UTC") is one mention.
* When a sentence holds several dates, each keeps its own clause: the text between two dates is
  cut at a clause break (comma, "and", …) — at the first break after the earlier date, or at the
  last one when the earlier date opens the sentence ("On Dec. 3, 2020, X signed …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsdossier.data import timeline as lexicon
from newsdossier.model import Annotated, Evidence, Span, Timex
from newsdossier.nlp.timex.calendar import valid_day
from newsdossier.nlp.pubdate import ISO_DATE, anniversary_number

# A sentence with fewer content words than this outside its dates is a dateline, heading or
# caption ("2023-11-08 16:51:00 | Last Update : …" has none; the shortest real event clause in the
# sample corpus, "Armenia occupied Shusha on May 8, 1992.", has three).
MIN_CONTENT_WORDS = 3
# Two clauses must share at least this many tokens (content words or kinds of happening) to be
# the same happening: one generic shared word ("officials", "government") is chance; the sample
# corpus' true pairs share three or more ("44-day", "war", #begin).
MIN_SHARED_TOKENS = 2
# Content words either side of the kind word that say what began, ended or was signed: "since the
# end of the 2nd Karabakh War" keeps "2nd Karabakh War" with 3; wider windows reach other clauses.
FOCUS_WORDS = 3
# The longest phrase (kind word up to the date) kept as a happening's short name: "end of the 2nd
# Karabakh War" is 6 words; longer stretches run into another clause.
PHRASE_MAX_WORDS = 8
# A stem keeps at least this many characters, so "was"/"has" style short words are not cut down.
STEM_MIN_CHARS = 4
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_TRAILING_PREPOSITION = re.compile(r"\s+(?:on|in|at|of|from|since|by|during|between)\s*$", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)]*\s*$")
_KINDS_OF: dict[str, tuple[str, ...]] = {}
for _kind, _forms in lexicon.EVENT_KINDS.items():
    for _form in _forms:
        _KINDS_OF[_form] = (*_KINDS_OF.get(_form, ()), _kind)
_NOT_CONTENT = lexicon.STOPWORDS | frozenset(lexicon.MONTHS) | frozenset(lexicon.WEEKDAYS)


@dataclass(frozen=True, slots=True)
class EventMention:
    """One dated clause of one document.

    ``date``/``until`` are ISO at the precision known (``until`` only for intervals);
    ``start``/``end`` locate the clause in the document's cleaned text; ``words`` are its stemmed
    content words and ``kinds`` the kinds of happening it names (see ``EVENT_KINDS``); ``names`` are
    its capitalised words (inside the clause), ``kind`` the kind named nearest the date.
    """

    doc: str
    date: str
    until: str | None
    start: int
    end: int
    text: str
    words: frozenset[str]
    kinds: frozenset[str]
    names: frozenset[str]
    kind: str | None = None  # the kind of happening named nearest the date: what the date is *of*
    tokens: frozenset[str] = frozenset()  # what mentions are compared on: words plus "#kind" for each kind
    focus: frozenset[str] = frozenset()  # words around the kind word: what began, ended, was signed
    phrase: str | None = None  # the happening in a few words, from the kind word to the date

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.doc, self.start, self.end, self.text)

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return self.date.count("-") + 1



@dataclass(frozen=True, slots=True)
class _Dated:
    start: int  # where the date expression (or interval) starts and ends in the text
    end: int
    date: str
    until: str | None


def find_event_mentions(annotated: Annotated) -> list[EventMention]:
    """The dated clauses of one document, in text order."""
    text = annotated.doc.text
    dct = _date_of(annotated.doc.published)
    sentences = _repaired(text, annotated.sentences or (Span(0, len(text)),))
    dated = list(_dated(text, annotated.timexes))
    mentions: list[EventMention] = []
    for sentence in sentences:
        inside = [d for d in dated if sentence.start <= d.start < sentence.end]
        if inside:
            mentions.extend(_sentence_mentions(annotated.doc.id, text, sentence, inside, dct))
    return mentions


def _repaired(text: str, sentences: Sequence[Span]) -> list[Span]:
    """Sentences with wrongly split-off fragments joined back: a lower-case start after a sentence
    that does not end like one ("… the end of the 2nd Karabakh War | on Nov. 10, 2020, with …")."""
    out: list[Span] = []
    for s in sentences:
        if out and text[s.start : s.start + 1].islower() and not _ENDS_SENTENCE.search(text, out[-1].start, out[-1].end):
            gap = text[out[-1].end : s.start]
            if "\n\n" not in gap:
                out[-1] = Span(out[-1].start, s.end)
                continue
        out.append(s)
    return out


def _date_of(value: str | None) -> str | None:
    m = ISO_DATE.match(value or "")
    return m.group(0)[:10] if m else None


def _resolved(timex: Timex) -> str | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    m = ISO_DATE.match(timex.value)
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def _dated(text: str, timexes: Sequence[Timex]) -> Iterator[_Dated]:
    """Resolved dates in text order, with "between A and B" pairs folded into intervals."""
    items = sorted(((t, _resolved(t)) for t in timexes), key=lambda p: p[0].start)
    items = [(t, v) for t, v in items if v is not None]
    i = 0
    while i < len(items):
        t, value = items[i]
        if i + 1 < len(items) and _same_day_years_ago(text, t, value, items[i + 1][0], items[i + 1][1]):
            t2, value2 = items[i + 1]
            yield _Dated(t.start, t2.end, value + value2[4:], None)
            i += 2
            continue
        if i + 1 < len(items) and _joins(text, t, items[i + 1][0]):
            t2, value2 = items[i + 1]
            if value2 > value:
                yield _Dated(t.start, t2.end, value, value2)
                i += 2
                continue
        if value.count("-") < 2 and not _after_preposition(text, t.start):
            i += 1
            continue
        yield _Dated(t.start, t.end, value, None)
        i += 1


def _same_day_years_ago(text: str, first: Timex, value: str, second: Timex, value2: str) -> bool:
    """ "Two years ago on this day": a bare year then a day resolved to the DCT mean that day, back then."""
    gap = text[first.end : second.start].strip(" ,").lower()
    return len(value) == 4 and value2.count("-") == 2 and value2[:4] != value and gap in lexicon.SAME_DAY_JOINERS


def _joins(text: str, first: Timex, second: Timex) -> bool:
    gap = text[first.end : second.start].strip().lower()
    if gap not in lexicon.INTERVAL_JOINERS:
        return False
    before = text[max(0, first.start - 12) : first.start].lower().split()
    return gap in ("-", "–", "—") or bool(before and before[-1] in lexicon.INTERVAL_OPENERS)


def _after_preposition(text: str, start: int) -> bool:
    before = text[max(0, start - 16) : start].lower().replace("-", " ").split()
    return bool(before) and before[-1] in lexicon.COARSE_DATE_PREPOSITIONS


def _sentence_mentions(doc: str, text: str, sentence: Span, dated: list[_Dated], dct: str | None) -> list[EventMention]:
    body = text[sentence.start : sentence.end]
    if len(_content(text, sentence.start, sentence.end, dated)[0]) < MIN_CONTENT_WORDS:
        return []
    cue = _commemoration_cue(body)
    if cue is not None:
        cue += sentence.start
        recalled = [d for d in dated if d.start >= cue and _before_dct_year(d, dct)]
        own = [d for d in dated if d not in recalled]
        if recalled and not own:
            when = _commemorated_on(body, recalled[0], dct)
            if when is None:
                return []
            return [_mention(doc, text, sentence.start, sentence.end, when, None, dated, None)]
        dated = own
    dated = [d for i, d in enumerate(dated) if not any(e.date == d.date and e.until == d.until for e in dated[:i])]
    out = []
    for (start, end), d in zip(_clauses(text, sentence, dated), dated):
        out.append(_mention(doc, text, start, end, d.date, d.until, dated, d))
    return [m for m in out if len(m.words) >= 1]


def _before_dct_year(d: _Dated, dct: str | None) -> bool:
    """A date after a commemoration cue is a recalled one unless it falls in the DCT's year or later."""
    return dct is None or d.date[:4] < dct[:4]


def _commemoration_cue(body: str) -> int | None:
    for m in _WORD.finditer(body):
        if m.group().lower() in lexicon.COMMEMORATION_CUES:
            return m.start()
    return None


def _commemorated_on(body: str, recalled: _Dated, dct: str | None) -> str | None:
    """When a commemoration happens: recalled date + N years for an "Nth anniversary", else the DCT."""
    n = anniversary_number(body)
    if n is None:
        return dct
    year, _, rest = recalled.date.partition("-")
    return f"{int(year) + n:04d}" + (f"-{rest}" if rest else "")


def _clauses(text: str, sentence: Span, dated: list[_Dated]) -> list[tuple[int, int]]:
    """One (start, end) per date: the sentence, cut between dates at clause breaks."""
    cuts = [sentence.start]
    for a, b in zip(dated, dated[1:]):
        gap = text[a.end : b.start]
        breaks = sorted(i for brk in lexicon.CLAUSE_BREAKS for i in _find_all(gap, brk))
        if not _content(text, cuts[-1], a.start, [])[0]:  # the earlier date opens its clause
            worded = [i for i in breaks if _content(text, a.end, a.end + i, [])[0]]
            cut = a.end + worded[-1] if worded else b.start
        else:
            cut = a.end + breaks[0] if breaks else a.end
        cuts.append(cut)
    cuts.append(sentence.end)
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        while start < end and not text[start].isalnum() and text[start] not in "“\"‘(":
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _find_all(haystack: str, needle: str) -> Iterator[int]:
    i = haystack.find(needle)
    while i >= 0:
        yield i
        i = haystack.find(needle, i + 1)


def _possible(value: str | None) -> str | None:
    """A day that no calendar has (Feb 29 + 1 year, a typo's "June 31") falls back to its month."""
    match = ISO_DATE.fullmatch(value) if value is not None else None
    if match is None or match.group(3) is None:
        return value
    year, month, day = (int(part) for part in match.groups())
    return value if valid_day(year, month, day) else value[:7]


def _mention(doc, text, start, end, date, until, dated, item: _Dated | None) -> EventMention:
    """``item`` is the date the clause is anchored on; ``None`` for a re-dated commemoration."""
    date, until = _possible(date), _possible(until)
    words, kinds, names = _content(text, start, end, dated)
    if until is not None:
        kinds = kinds | {"begin"}
        kind = "begin"
        focus, phrase = frozenset(words), None
    elif item is None:
        kind, focus, phrase = "commemorate", frozenset(words), None
    else:
        kind, focus, phrase = _nearest_kind(text, start, end, item)
    tokens = frozenset(words) | {f"#{k}" for k in kinds}
    return EventMention(
        doc, date, until, start, end, text[start:end], frozenset(words), frozenset(kinds), frozenset(names), kind,
        tokens, focus, phrase,
    )


def _nearest_kind(text: str, start: int, end: int, item: _Dated) -> tuple[str | None, frozenset[str], str | None]:
    """The kind named nearest before the date ("signed … on Nov. 10"), else nearest after it;
    FOCUS_WORDS content words either side of that kind word (what it is about); and, when the kind
    word comes shortly before the date, the words from it up to the date ("end of the 2nd Karabakh
    War"), the happening in a few words."""
    tokens = list(_WORD.finditer(text, start, end))
    before, after = [], []
    for i, m in enumerate(tokens):
        kinds = _KINDS_OF.get(m.group().lower())
        if kinds is None or _names_a_period(text, m.end()):
            continue
        if m.end() <= item.start:
            before.append((item.start - m.end(), kinds[0], i))
        elif m.start() >= item.end:
            after.append((m.start() - item.end, kinds[0], i))
    nearest = min(before or after, default=None)
    if nearest is None:
        return None, frozenset(), None
    _, kind, i = nearest
    phrase = None
    if before and tokens[i].end() <= item.start:
        words = _TRAILING_PREPOSITION.sub("", text[tokens[i].start() : item.start]).strip(" ,;:")
        if 0 < len(words.split()) <= PHRASE_MAX_WORDS and not any(c in words for c in ",;:"):
            phrase = words
    outside = [m for m in tokens if not item.start <= m.start() < item.end]
    i = outside.index(tokens[i])
    left = [m for m in outside[:i] if _is_content(m.group())][-FOCUS_WORDS:]
    right = [m for m in outside[i + 1 :] if _is_content(m.group())][:FOCUS_WORDS]
    return kind, frozenset(stem(_POSSESSIVE.sub("", m.group()).lower()) for m in left + right), phrase


def _is_content(word: str) -> bool:
    low = _POSSESSIVE.sub("", word).lower()
    return low not in _NOT_CONTENT and not low.isdigit() and low not in _KINDS_OF


def _content(text: str, start: int, end: int, dated: Sequence[_Dated]) -> tuple[set[str], set[str], set[str]]:
    """Stemmed content words, kinds of happening, and capitalised names of text[start:end], dates left out."""
    words: set[str] = set()
    kinds: set[str] = set()
    names: set[str] = set()
    for m in _WORD.finditer(text, start, end):
        if any(d.start <= m.start() < d.end for d in dated):
            continue
        raw = _POSSESSIVE.sub("", m.group())
        low = raw.lower()
        if not _names_a_period(text, m.end()):
            kinds.update(_KINDS_OF.get(low, ()))
        if low in _NOT_CONTENT or low.isdigit():
            continue
        if raw[0].isupper() and m.start() > start:
            names.add(low)
        words.add(stem(low))
    return words, kinds, names


_PERIOD_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?(?:{'|'.join(sorted(lexicon.PERIOD_NOUNS))})\b", re.IGNORECASE)


def _names_a_period(text: str, end: int) -> bool:
    """ "the start of the day", "the end of the year": a kind word that names a period, not a happening."""
    return _PERIOD_AFTER.match(text, end) is not None


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix stripper: "liberated", "liberating", "liberation" → "liberat"."""
    for suffix in lexicon.SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= STEM_MIN_CHARS:
            return word[: -len(suffix)]
    return word


def similarity(a: EventMention, b: EventMention) -> float:
    """Jaccard overlap of two mentions' tokens; 0 when they share fewer than MIN_SHARED_TOKENS."""
    shared = len(a.tokens & b.tokens)
    if shared < MIN_SHARED_TOKENS:
        return 0.0
    return shared / (len(a.tokens) + len(b.tokens) - shared)
