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
   of happening nearest the date (begin, end, sign, capture, …), share a word around it (what
   began, ended, was taken) and are similar (:data:`CONFLICT_SIMILARITY`). An
   interval also stands for its end ("between Sept. 27 and Nov. 9, 2020" says the war *ended*
   Nov. 9). Conflicting mentions form a ``conflict`` entry, summarised by the shortest happening
   phrase among them ("End of the 2nd Karabakh War") and dated by the date most independent
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

from newsdossier.link.events import EventMention, find_event_mentions, similarity, stem
from newsdossier.link.sources import independent_count, source_of
from newsdossier.model import Annotated, DuplicateGroup, Evidence, TimelineEntry

# Grouping thresholds on the Jaccard overlap of two clauses' stemmed content words and kinds of
# happening (two shared tokens at least, see events.MIN_SHARED_TOKENS). The same calendar day is
# already strong evidence of the same happening, so a day needs little overlap. Swept on ECB+
# (same-day sentence pairs across outlets, gold cross-document event coreference): 0.06 gives
# pair precision 0.866 / recall 0.816, 0.10 gives 0.878 / 0.768, 0.15 gives 0.901 / 0.655; the
# sample corpus groups the same at 0.06 and 0.10. A month or a year names many happenings, so
# they need more (set by reading the sample and SemEval-2015 Task 4 groups, not swept).
DAY_SIMILARITY = 0.06
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
SUMMARY_MAX_CHARS = 160
# Bounds that keep grouping linear on large corpora (100,000 articles on one story put thousands of
# mentions on its key days). A word shared by more than MAX_POSTING groups of one block ("war")
# does not pick candidates; a mention is compared with the MAX_CANDIDATES groups sharing the most
# words, and with the first MAX_REPRESENTATIVES members of each. On the sample corpus no block
# comes near these bounds, so they change nothing there.
MAX_POSTING = 64
MAX_CANDIDATES = 8
MAX_REPRESENTATIVES = 16  # a summary longer than this is cut at a word boundary with an ellipsis

_LEADING_DATE = re.compile(r"^(?:On|In|By|During|Since|From)\s+[^,]{1,40}?\d[^,]{0,10}(?:,\s*\d{4})?,\s+")


def build_timeline(annotated: Sequence[Annotated], groups: Sequence[DuplicateGroup]) -> list[TimelineEntry]:
    """The timeline of a corpus: one entry per happening, sorted by date."""
    order = {a.doc.id: i for i, a in enumerate(annotated)}
    copies = _CopyIndex(groups)
    mentions = [m for a in annotated for m in find_event_mentions(a)]
    clusters = group_mentions(mentions)
    conflicts = find_conflicts(clusters, groups)
    in_conflict = {_origin(anchor) for component in conflicts for anchor in component}
    entries = [_entry(c, copies, order) for c in clusters if not all(m in in_conflict for m in c)]
    entries += [_conflict_entry(c, copies, order) for c in conflicts]
    return sorted(entries, key=lambda e: (e.date, e.end or "", e.summary))


class _CopyIndex:
    """The copy groups touching given documents, so each count looks at its own few groups only."""

    def __init__(self, groups: Sequence[DuplicateGroup]) -> None:
        self.groups = list(groups)
        self.of_doc: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(self.groups):
            for doc in g.members:
                self.of_doc[doc].append(i)

    def independent(self, docs: Sequence[str]) -> int:
        """:func:`independent_count` over the groups reachable from ``docs`` (the same answer, faster)."""
        seen: set[int] = set()
        todo = [i for d in docs for i in self.of_doc.get(d, ())]
        while todo:
            i = todo.pop()
            if i not in seen:
                seen.add(i)
                todo.extend(j for doc in self.groups[i].members for j in self.of_doc[doc])
        return independent_count(docs, [self.groups[i] for i in sorted(seen)])


def group_mentions(mentions: Sequence[EventMention]) -> list[list[EventMention]]:
    """Mentions of the same happening, blocked by date: days first, then months, then years."""
    groups = _Groups()
    for m in mentions:
        if m.precision == 3:
            groups.add(m, groups.best(m.date, m, DAY_SIMILARITY), (m.date, m.date[:7], m.date[:4]))
    for precision, threshold in ((2, MONTH_SIMILARITY), (1, YEAR_SIMILARITY)):
        for m in mentions:
            if m.precision == precision:
                groups.add(m, groups.best(m.date, m, threshold), (m.date, m.date[:4]))
    return groups.members


class _Groups:
    """Groups of mentions, found through the words they share inside a date block.

    A mention is compared only with groups of its block that share a word with it (an inverted
    index per block), at most :data:`MAX_CANDIDATES` of them, and with at most
    :data:`MAX_REPRESENTATIVES` members of each: linear in the mentions, never all pairs.
    """

    def __init__(self) -> None:
        self.members: list[list[EventMention]] = []
        self.postings: dict[tuple[str, str], dict[int, None]] = defaultdict(dict)

    def best(self, block: str, m: EventMention, threshold: float) -> int | None:
        shared: Counter[int] = Counter()
        for token in m.tokens:
            posting = self.postings.get((block, token))
            if posting and len(posting) <= MAX_POSTING:
                shared.update(posting.keys())
        best, score = None, threshold
        for gid, _ in shared.most_common(MAX_CANDIDATES):
            s = max(similarity(m, other) for other in self.members[gid][:MAX_REPRESENTATIVES])
            if s >= score:
                best, score = gid, s
        return best

    def add(self, m: EventMention, gid: int | None, blocks: Sequence[str]) -> None:
        if gid is None:
            gid = len(self.members)
            self.members.append([])
        group = self.members[gid]
        if len(group) < MAX_REPRESENTATIVES:
            for block in blocks:
                for token in m.tokens:
                    self.postings[(block, token)][gid] = None
        group.append(m)


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
    """Anchors that put one happening on different days (within the window), one list per happening.

    Anchors are indexed by (day, kind, word); each is compared with the anchors of the next
    :data:`CONFLICT_WINDOW_DAYS` days that share its kind and a word (capped like the grouping).
    """
    source = source_of(groups)
    anchors = [a for c in clusters for m in c for a in _anchors(m) if a.kind and a.kind not in WEAK_KINDS]
    postings: dict[tuple[dt.date, str, str], list[int]] = defaultdict(list)
    for i, a in enumerate(anchors):
        for word in a.mention.words:
            postings[(a.date, a.kind, word)].append(i)
    parent = list(range(len(anchors)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    linked: set[int] = set()
    for i, a in enumerate(anchors):
        for offset in range(1, CONFLICT_WINDOW_DAYS + 1):
            day = a.date + dt.timedelta(days=offset)
            shared: Counter[int] = Counter()
            for word in a.mention.words:
                posting = postings.get((day, a.kind, word))
                if posting and len(posting) <= MAX_POSTING:
                    shared.update(posting)
            for j, _ in shared.most_common(MAX_CANDIDATES):
                if _same_happening(a, anchors[j], source):
                    parent[find(j)] = find(i)
                    linked.update((i, j))
    components: dict[int, list[_Anchor]] = defaultdict(list)
    for i in sorted(linked):
        components[find(i)].append(anchors[i])
    return list(components.values())


def _anchors(m: EventMention) -> list[_Anchor]:
    out = []
    if m.precision == 3:
        out.append(_Anchor(m, dt.date.fromisoformat(m.date), m.kind))
    if m.until is not None and m.until.count("-") == 2:
        out.append(_Anchor(m, dt.date.fromisoformat(m.until), "end"))
    return out


def _focus(anchor: _Anchor) -> frozenset[str]:
    """What the anchor's happening is about: the words around its kind word (an interval: its clause)."""
    return anchor.mention.focus if anchor.kind == anchor.mention.kind else anchor.mention.words


def _same_happening(a: _Anchor, b: _Anchor, source: dict[str, str]) -> bool:
    if source.get(a.mention.doc, a.mention.doc) == source.get(b.mention.doc, b.mention.doc):
        return False
    if a.kind is None or a.kind != b.kind or a.kind in WEAK_KINDS:
        return False
    names_a, names_b = a.mention.names, b.mention.names
    if names_a and names_b and not names_a & names_b:
        return False
    focus_a, focus_b = _focus(a), _focus(b)
    if not focus_a & focus_b:
        return False
    named_a, named_b = focus_a & {stem(n) for n in names_a}, focus_b & {stem(n) for n in names_b}
    if named_a and named_b and not named_a & named_b:
        return False  # "Duncan Rait died" (Friday) and "Robert Buckley died" (Saturday): two deaths
    ta, tb = a.mention.words | {f"#{a.kind}"}, b.mention.words | {f"#{b.kind}"}
    return len(ta & tb) / len(ta | tb) >= CONFLICT_SIMILARITY


# --- entries --------------------------------------------------------------------------------


def _entry(cluster: Sequence[EventMention], copies: _CopyIndex, order) -> TimelineEntry:
    finest = max(m.precision for m in cluster)
    date = _most_common(m.date for m in cluster if m.precision == finest)
    intervals = [m.until for m in cluster if m.until and m.date == date]
    end = _most_common(intervals) if 2 * len(intervals) >= len(cluster) else None
    sources = _sources(cluster, order)
    status = "corroborated" if copies.independent(sources) >= CORROBORATING_SOURCES else "single"
    evidence, dates = _evidence([(m, m.date) for m in cluster], order)
    return TimelineEntry(
        date=date,
        end=end,
        summary=_summary(_representative(cluster)),
        sources=sources,
        evidence=evidence,
        status=status,
        evidence_dates=dates,
    )


def _conflict_entry(component: Sequence[_Anchor], copies: _CopyIndex, order) -> TimelineEntry:
    backers: dict[str, list[str]] = defaultdict(list)
    for a in component:
        backers[a.date.isoformat()].append(a.mention.doc)
    support = {day: copies.independent(docs) for day, docs in backers.items()}
    date = min(support, key=lambda d: (-support[d], d))
    mentions = list(dict.fromkeys(a.mention for a in component))
    evidence, dates = _evidence([(a.mention, a.date.isoformat()) for a in component], order)
    phrases = [m.phrase for m in mentions if m.phrase]
    return TimelineEntry(
        date=date,
        end=None,
        summary=_capitalised(min(phrases, key=len)) if phrases else _summary(_representative(mentions)),
        sources=_sources(mentions, order),
        evidence=evidence,
        status="conflict",
        alternatives=tuple(sorted(d for d in backers if d != date)),
        evidence_dates=dates,
    )


def _most_common(values) -> str:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v))


def _sources(mentions: Sequence[EventMention], order) -> tuple[str, ...]:
    return tuple(sorted({m.doc for m in mentions}, key=lambda d: (order.get(d, len(order)), d)))


def _evidence(dated: Sequence[tuple[EventMention, str]], order) -> tuple[tuple[Evidence, ...], tuple[str, ...]]:
    """Each clause once, in document order, with the date it gives (the first one, if it gives two)."""
    unique: dict[tuple[str, int, int], tuple[EventMention, str]] = {}
    for m, date in dated:
        unique.setdefault((m.doc, m.start, m.end), (m, date))
    keys = sorted(unique, key=lambda k: (order.get(k[0], len(order)), k[0], k[1], k[2]))
    return tuple(unique[k][0].evidence for k in keys), tuple(unique[k][1] for k in keys)


def _representative(mentions: Sequence[EventMention]) -> EventMention:
    """The mention most like the others (ties: the shorter, then the earlier in the text).

    Judged among the first MAX_REPRESENTATIVES members, so a large group costs no more than a small one.
    """
    pool = mentions[:MAX_REPRESENTATIVES]
    return min(
        pool,
        key=lambda m: (-sum(similarity(m, o) for o in pool if o is not m), len(m.text), m.doc, m.start),
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _summary(mention: EventMention) -> str:
    """The representative clause without a leading date phrase, cut to SUMMARY_MAX_CHARS."""
    text = _LEADING_DATE.sub("", " ".join(mention.text.split())).strip()
    text = text[:1].upper() + text[1:]
    if len(text) <= SUMMARY_MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, SUMMARY_MAX_CHARS - 1)
    return text[: cut if cut > 0 else SUMMARY_MAX_CHARS - 1].rstrip(",;: ") + "…"
