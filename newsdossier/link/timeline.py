"""The cross-source timeline: dated clauses grouped into happenings, with sources and status.

:func:`build_timeline` takes the annotated documents and the copy groups and returns
:class:`~newsdossier.model.TimelineEntry` values sorted by date:

1. **Mentions.** :func:`newsdossier.link.events.find_event_mentions` gives each document's dated
   clauses (commemorations dated to when they happen; datelines skipped).
2. **Grouping, blocked by date.** Day-precise mentions are compared only within their day and
   joined (single link) when their clauses are similar (:data:`DAY_SIMILARITY`). A month- or
   year-precise mention then joins the most similar group inside its month or year
   (:data:`MONTH_SIMILARITY`, :data:`YEAR_SIMILARITY`), or starts its own. No all-pairs pass.
3. **Status.** ``corroborated`` when the group's documents are at least
   :data:`CORROBORATING_SOURCES` independent sources
   (:func:`newsdossier.link.sources.independent_count`; a copy group counts once), else
   ``single``.
4. **Conflicts.** The same happening dated differently: two day-precise mentions from
   independent sources within :data:`CONFLICT_WINDOW_DAYS` of each other that name the same kind
   of happening nearest the date (begin, end, sign, capture, …) and are similar (:data:`CONFLICT_SIMILARITY`). An
   interval also stands for its end ("between Sept. 27 and Nov. 9, 2020" says the war *ended*
   Nov. 9). Conflicting mentions form a ``conflict`` entry dated by the date most independent
   sources give (ties: the earliest), with the other dates in ``alternatives``; the agreeing
   groups they came from stay (a statement signed on Nov. 10 is corroborated even when the war's
   end is disputed), except groups whose every mention went into the conflict.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from newsdossier.link.events import EventMention, find_event_mentions, similarity
from newsdossier.link.sources import independent_count, source_of
from newsdossier.model import Annotated, DuplicateGroup, TimelineEntry

# Grouping thresholds on the Jaccard overlap of two clauses' stemmed content words and kinds of
# happening. The same calendar day is already strong evidence of the same happening, so a day
# needs little overlap (about one distinctive word and a shared kind in clauses of ~20 words:
# "war that started on Sept. 27" ~ "war, which took place between September 27 and …");
# a month or a year names many happenings, so they need more. Set by reading the pairs of the
# sample corpus, where unrelated same-day clauses score below 0.06.
DAY_SIMILARITY = 0.1
MONTH_SIMILARITY = 0.2
YEAR_SIMILARITY = 0.25
# Two dates for one happening are a conflict when at most this many days apart: a day either way
# is the usual disagreement (time zones, signing after midnight); a week apart is another event.
CONFLICT_WINDOW_DAYS = 3
# Conflict pairs must share a content word besides the kind of happening nearest their dates, and
# overlap at least this much: one shared word and the kind in two clauses of ~12 words each
# ("the 44-day war, which took place between …" ~ "since the end of the 2nd Karabakh War on …").
CONFLICT_SIMILARITY = 0.08
# Kinds too broad to make two clauses the same happening on their own.
WEAK_KINDS = frozenset({"commemorate"})
CORROBORATING_SOURCES = 2  # independent sources needed for "corroborated" (the definition)
SUMMARY_MAX_CHARS = 160  # a summary longer than this is cut at a word boundary with an ellipsis

_LEADING_DATE = re.compile(r"^(?:On|In|By|During|Since|From)\s+[^,]{1,40}?\d[^,]{0,10}(?:,\s*\d{4})?,\s+")


def build_timeline(annotated: Sequence[Annotated], groups: Sequence[DuplicateGroup]) -> list[TimelineEntry]:
    """The timeline of a corpus: one entry per happening, sorted by date."""
    order = {a.doc.id: i for i, a in enumerate(annotated)}
    mentions = [m for a in annotated for m in find_event_mentions(a)]
    clusters = group_mentions(mentions)
    conflicts = find_conflicts(clusters, groups)
    in_conflict = {_origin(anchor) for component in conflicts for anchor in component}
    entries = [_entry(c, groups, order) for c in clusters if not all(m in in_conflict for m in c)]
    entries += [_conflict_entry(c, groups, order) for c in conflicts]
    return sorted(entries, key=lambda e: (e.date, e.end or "", e.summary))


def group_mentions(mentions: Sequence[EventMention]) -> list[list[EventMention]]:
    """Mentions of the same happening, blocked by date: days first, then months, then years."""
    clusters: list[list[EventMention]] = []
    by_day: dict[str, list[EventMention]] = defaultdict(list)
    for m in mentions:
        if m.precision == 3:
            by_day[m.date].append(m)
    for day in sorted(by_day):
        clusters.extend(_single_link(by_day[day], DAY_SIMILARITY))
    index: dict[str, list[int]] = defaultdict(list)  # "YYYY" and "YYYY-MM" -> cluster numbers
    for i, c in enumerate(clusters):
        index[c[0].date[:4]].append(i)
        index[c[0].date[:7]].append(i)
    for precision, threshold in ((2, MONTH_SIMILARITY), (1, YEAR_SIMILARITY)):
        for m in (m for m in mentions if m.precision == precision):
            best, score = None, threshold
            for i in index.get(m.date, ()):
                s = max(similarity(m, other) for other in clusters[i])
                if s >= score:
                    best, score = i, s
            if best is None:
                best = len(clusters)
                clusters.append([])
                index[m.date[:4]].append(best)
                if precision == 2:
                    index[m.date[:7]].append(best)
            clusters[best].append(m)
    return clusters


def _single_link(block: list[EventMention], threshold: float) -> list[list[EventMention]]:
    parent = list(range(len(block)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(block)):
        for j in range(i + 1, len(block)):
            if similarity(block[i], block[j]) >= threshold:
                parent[find(j)] = find(i)
    out: dict[int, list[EventMention]] = defaultdict(list)
    for i, m in enumerate(block):
        out[find(i)].append(m)
    return list(out.values())


# --- conflicts ------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class _Anchor:
    """A day a mention puts a happening on: the mention's date, or an interval's end."""

    mention: EventMention
    date: dt.date
    kind: str | None


def _origin(anchor: _Anchor) -> EventMention:
    return anchor.mention


def find_conflicts(clusters: Sequence[Sequence[EventMention]], groups: Sequence[DuplicateGroup]) -> list[list[_Anchor]]:
    """Groups of day-precise anchors that put one happening on different days (within the window)."""
    source = source_of(groups)
    anchors = [a for c in clusters for m in c for a in _anchors(m)]
    by_day: dict[dt.date, list[_Anchor]] = defaultdict(list)
    for a in anchors:
        by_day[a.date].append(a)
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for day in sorted(by_day):
        for offset in range(1, CONFLICT_WINDOW_DAYS + 1):
            for a in by_day[day]:
                for b in by_day.get(day + dt.timedelta(days=offset), ()):
                    if _same_happening(a, b, source):
                        parent[find(id(b))] = find(id(a))
    components: dict[int, list[_Anchor]] = defaultdict(list)
    for a in anchors:
        if id(a) in parent:
            components[find(id(a))].append(a)
    return [c for c in components.values() if len(c) > 1]


def _anchors(m: EventMention) -> list[_Anchor]:
    out = []
    if m.precision == 3:
        out.append(_Anchor(m, dt.date.fromisoformat(m.date), m.kind))
    if m.until is not None and m.until.count("-") == 2:
        out.append(_Anchor(m, dt.date.fromisoformat(m.until), "end"))
    return out


def _same_happening(a: _Anchor, b: _Anchor, source: dict[str, str]) -> bool:
    if source.get(a.mention.doc, a.mention.doc) == source.get(b.mention.doc, b.mention.doc):
        return False
    if a.kind is None or a.kind != b.kind or a.kind in WEAK_KINDS:
        return False
    names_a, names_b = a.mention.names, b.mention.names
    if names_a and names_b and not names_a & names_b:
        return False
    if not a.mention.words & b.mention.words:
        return False
    ta, tb = a.mention.words | {f"#{a.kind}"}, b.mention.words | {f"#{b.kind}"}
    return len(ta & tb) / len(ta | tb) >= CONFLICT_SIMILARITY


# --- entries --------------------------------------------------------------------------------


def _entry(cluster: Sequence[EventMention], groups, order) -> TimelineEntry:
    finest = max(m.precision for m in cluster)
    date = _most_common(m.date for m in cluster if m.precision == finest)
    intervals = [m.until for m in cluster if m.until and m.date == date]
    end = _most_common(intervals) if 2 * len(intervals) >= len(cluster) else None
    sources = _sources(cluster, order)
    status = "corroborated" if independent_count(sources, groups) >= CORROBORATING_SOURCES else "single"
    return TimelineEntry(
        date=date,
        end=end,
        summary=_summary(_representative(cluster)),
        sources=sources,
        evidence=_evidence(cluster, order),
        status=status,
    )


def _conflict_entry(component: Sequence[_Anchor], groups, order) -> TimelineEntry:
    source = source_of(groups)
    backers: dict[str, set[str]] = defaultdict(set)
    for a in component:
        backers[a.date.isoformat()].add(source.get(a.mention.doc, a.mention.doc))
    date = min(backers, key=lambda d: (-len(backers[d]), d))
    mentions = list(dict.fromkeys(a.mention for a in component))
    return TimelineEntry(
        date=date,
        end=None,
        summary=_summary(_representative(mentions)),
        sources=_sources(mentions, order),
        evidence=_evidence(mentions, order),
        status="conflict",
        alternatives=tuple(sorted(d for d in backers if d != date)),
    )


def _most_common(values) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _sources(mentions: Sequence[EventMention], order) -> tuple[str, ...]:
    return tuple(sorted({m.doc for m in mentions}, key=lambda d: (order.get(d, len(order)), d)))


def _evidence(mentions: Sequence[EventMention], order):
    unique = {(m.doc, m.start, m.end): m for m in mentions}
    return tuple(
        unique[k].evidence for k in sorted(unique, key=lambda k: (order.get(k[0], len(order)), k[0], k[1], k[2]))
    )


def _representative(mentions: Sequence[EventMention]) -> EventMention:
    """The mention most like the others (ties: the shorter, then the earlier in the text)."""
    return min(
        mentions,
        key=lambda m: (-sum(similarity(m, o) for o in mentions if o is not m), len(m.text), m.doc, m.start),
    )


def _summary(mention: EventMention) -> str:
    """The representative clause without a leading date phrase, cut to SUMMARY_MAX_CHARS."""
    text = _LEADING_DATE.sub("", mention.text).strip()
    text = text[:1].upper() + text[1:]
    if len(text) <= SUMMARY_MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, SUMMARY_MAX_CHARS - 1)
    return text[: cut if cut > 0 else SUMMARY_MAX_CHARS - 1].rstrip(",;: ") + "…"
