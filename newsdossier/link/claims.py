"""Claims across sources: figures that measure the same thing, compared by interval logic.

Rules (the closing note of issue 4):

* A **figure** is a quantity that says what it counts (``counted``) or carries a unit; restatements in
  another unit ("440-meter (1,444-foot)") are dropped in favour of the first statement, and lists of
  values under one unit ("1.5 mm and 8.5 mm") are left out: they state several figures, not one;
  so are shares ("one in five adults"): they measure a proportion, not a count of what follows.
* **Enumerations** ("5 cities, 4 towns, and 286 villages": adjacent figures joined only by commas and
  "and", whose counted things are all parts of one whole in ``PART_WHOLE``) are summed into one
  figure of that whole, quoted with the enumeration's exact words.
* Figures are **grouped** by what they measure: the counted thing's lemma (plurals and synonyms folded,
  e.g. "IDPs"/"migrants") and unit kind; durations of the event itself ("44-day war", "the operation
  lasted 44 days") form one "duration of the war" group. Figures with different predicates
  ("lost" vs "liberated") stay apart; a figure without a predicate joins the group's single predicate.
* **Status**: ``conflict`` when some pair of intervals from two independent sources cannot both hold
  (open bounds respected: (300, ∞) vs 295; one source's differing figures measure different things), else ``single`` when one independent source stands behind it, else ``agree``.
  A disagreement between figures whose time scopes differ by at most ``UPDATE_MAX_DAYS`` is an
  **update**, not a conflict, when the later figure moves the way the count can: running tallies
  (deaths, casualties, damage) only grow, so only a rise updates them; counts of a state people leave
  (missing, trapped, in hospital, displaced: ``COUNTS_THAT_FALL``) can also fall as people are found or
  go home. Values are ordered by scope and the later ones flagged.
* ``independent_sources`` counts copy groups once (:func:`newsdossier.link.sources.independent_count`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsdossier.data import quantities as tables
from newsdossier.link.sources import independent_count, source_of
from newsdossier.model import Annotated, Claim, ClaimValue, DuplicateGroup, Quantity

UPDATE_MAX_DAYS = 90  # a toll grows over days or weeks; figures further apart restate a past event instead
MAX_COUNTED_DISTANCE = 40  # characters between a figure and its counted word (covers "(1,444-foot)" and adjectives)
ENUMERATION_JOINER = re.compile(r"\s*,?\s*(?:and\s+|&\s+)?$|\s*,\s*$")
# The noun phrase a sentence opens with: "The operation, which ...", "This year's war".
_SENTENCE_SUBJECT = re.compile(r"\W*(?:(?:the|this|that|its|their|our|a|an)\s+)?(?:[A-Za-z'’-]+\s+){0,2}?([A-Za-z-]+)\b[\s,]", re.IGNORECASE)
STATUS_ORDER = {"conflict": 0, "agree": 1, "single": 2}


@dataclass(frozen=True, slots=True)
class _Figure:
    doc: str
    quantity: Quantity
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    bounds: str
    key: tuple[str, str | None]
    noun: str  # the counted word as written, for the subject
    predicate: str | None
    scope: str | None


def build_claims(annotated: Sequence[Annotated], groups: Sequence[DuplicateGroup]) -> list[Claim]:
    """Group the figures of all documents into claims; conflicts first."""
    figures = [f for a in annotated for f in _figures(a)]
    buckets: dict[tuple, list[_Figure]] = {}
    for key, members in _by_key(figures).items():
        for predicate, group in _by_predicate(members).items():
            buckets[(*key, predicate)] = group
    claims = [_claim(group, groups) for group in buckets.values()]
    claims.sort(key=lambda c: (STATUS_ORDER[c.status], -c.independent_sources, -len(c.values), c.subject))
    return claims


# --- figures -----------------------------------------------------------------------------------


def lemma(word: str) -> str:
    """A counted word folded to its singular, lower-cased, with synonyms merged ("IDPs" → "idp")."""
    low = word.lower().strip("'’")
    if low in tables.IRREGULAR_PLURALS:
        low = tables.IRREGULAR_PLURALS[low]
    elif low.endswith("ies") and len(low) > 4:
        low = low[:-3] + "y"
    elif re.search(r"(?:ss|sh|ch|x)es$", low):
        low = low[:-2]
    elif low.endswith("s") and not low.endswith("ss") and len(low) > 2:
        low = low[:-1]
    return tables.SYNONYMS.get(low, low)


def _figures(annotated: Annotated) -> list[_Figure]:
    doc = annotated.doc
    text = doc.text
    quantities = [q for q in annotated.quantities if q.same_as is None and q.qualifier not in ("list", "share")]
    starts = [s.start for s in annotated.sentences]
    figures: list[_Figure] = []
    i = 0
    while i < len(quantities):
        run = _enumeration(text, quantities, i)
        if run:
            figures.append(_enumeration_figure(doc.id, text, run, doc.published))
            i += len(run)
            continue
        opening = text[_sentence_start(starts, quantities[i].start) : quantities[i].start]
        figure = _single_figure(doc.id, text, quantities[i], doc.published, opening)
        if figure is not None:
            figures.append(figure)
        i += 1
    return figures


def _counted_end(text: str, q: Quantity) -> int | None:
    if not q.counted:
        return None
    m = re.compile(rf"\b{re.escape(q.counted)}\b").search(text, q.end, q.end + MAX_COUNTED_DISTANCE)
    return m.end() if m else None


def _whole_of(parts: set[str]) -> str | None:
    for whole, covered in tables.PART_WHOLE.items():
        if parts <= set(covered):
            return whole
    return None


def _enumeration(text: str, quantities: list[Quantity], i: int) -> list[Quantity]:
    """The run of figures starting at ``i`` that enumerate parts of one whole ("5 cities, 4 towns, and 286 villages")."""
    run = [quantities[i]]
    while i + len(run) < len(quantities):
        last, nxt = run[-1], quantities[i + len(run)]
        end = _counted_end(text, last)
        if end is None or nxt.counted is None or nxt.unit != last.unit or not ENUMERATION_JOINER.fullmatch(text[end : nxt.start]):
            break
        run.append(nxt)
    parts = {lemma(q.counted) for q in run if q.counted}
    if len(run) < 2 or len(parts) < 2 or _whole_of(parts) is None:
        return []
    return run


def _enumeration_figure(doc_id: str, text: str, run: list[Quantity], published: str | None) -> _Figure:
    first, last = run[0], run[-1]
    end = _counted_end(text, last) or last.end
    whole = _whole_of({lemma(q.counted) for q in run if q.counted}) or ""
    low = None if any(q.low is None for q in run) else sum(q.low for q in run if q.low is not None)
    high = None if any(q.high is None for q in run) else sum(q.high for q in run if q.high is not None)
    predicate = next((q.predicate for q in run if q.predicate), None)
    return _Figure(
        doc=doc_id, quantity=first, start=first.start, end=end, text=text[first.start : end], low=low, high=high,
        bounds=first.bounds[0] + last.bounds[1], key=(whole, first.unit), noun=_plural(whole),
        predicate=predicate, scope=first.scope or published,
    )


def _sentence_start(starts: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def _single_figure(doc_id: str, text: str, q: Quantity, published: str | None, opening: str = "") -> _Figure | None:
    """One figure, or None when it does not say what it measures. ``opening``: its sentence up to it."""
    kind = tables.UNIT_KINDS.get(q.unit or "")
    if kind == "duration":
        key, noun = _duration_key(q, opening)
        if key is None:
            return None
        end = _counted_end(text, q) or q.end
    elif q.counted and len(q.counted) > 1 and lemma(q.counted) not in tables.EMPTY_COUNTED and not q.counted[:1].isdigit():
        casualty = _casualty(q)
        if casualty is None and lemma(q.counted) in tables.GENERIC_PEOPLE and not q.predicate:
            return None  # "three people", "hundreds of people": which people only the verb could say
        key, noun = (casualty or lemma(q.counted), q.unit), q.counted
        end = _extend_coordination(text, q) or q.end
    elif q.unit and q.predicate:  # "$7 billion spent": a sum needs its verb to say what it measures
        key, noun = (q.unit, q.unit), _plural(q.unit)
        end = q.end
    else:
        return None
    return _Figure(
        doc=doc_id, quantity=q, start=q.start, end=end, text=text[q.start : end], low=q.low, high=q.high,
        bounds=q.bounds, key=key, noun=noun, predicate=q.predicate, scope=q.scope or published,
    )


def _casualty(q: Quantity) -> str | None:
    """"40 people died", "40 killed": people in general counted by what happened to them."""
    counted = lemma(q.counted or "")
    if counted in tables.CASUALTY_VERBS.values():
        return counted
    if (q.counted or "").lower() in tables.CASUALTY_VERBS:  # "50 hurt", whatever the verb before it
        return tables.CASUALTY_VERBS[(q.counted or "").lower()]
    if counted in tables.GENERIC_PEOPLE:
        return tables.CASUALTY_VERBS.get((q.predicate or "").lower())
    return None


def _extend_coordination(text: str, q: Quantity) -> int | None:
    """End of the counted phrase, including a coordinated part of the same whole ("settlements and villages")."""
    end = _counted_end(text, q)
    if end is None:
        return None
    m = re.compile(r"\s+(?:and|or)\s+([A-Za-z]+)").match(text, end)
    if m and q.counted:
        pair = {lemma(q.counted), lemma(m.group(1))}
        if any(pair <= set(covered) | {whole} for whole, covered in tables.PART_WHOLE.items()):
            return m.end()
    return end


def _duration_key(q: Quantity, opening: str = "") -> tuple[tuple[str, str | None] | None, str]:
    """Durations that name their event ("44-day war", "a 3-day visit", "The operation, which ...,
    lasted 44 days": an event noun opening the sentence whose verb says how long it went on), keyed
    by the kind of event."""
    noun = lemma(q.counted) if q.counted else ""
    if noun not in tables.EVENT_NOUNS and (q.predicate or "").lower() in tables.DURATION_VERBS:
        subject = _SENTENCE_SUBJECT.match(opening)
        noun = lemma(subject.group(1)) if subject else ""
    if noun in tables.EVENT_NOUNS:
        return ("duration", tables.EVENT_CLASSES.get(noun, noun)), noun
    return None, ""


def _plural(word: str) -> str:
    if word in tables.IRREGULAR_PLURALS.values() and word in tables.IRREGULAR_PLURALS:
        return word  # "people"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


# --- grouping ------------------------------------------------------------------------------------


def _by_key(figures: list[_Figure]) -> dict[tuple, list[_Figure]]:
    out: dict[tuple, list[_Figure]] = {}
    for f in figures:
        out.setdefault(f.key, []).append(f)
    return out


def _stem(verb: str | None) -> str | None:
    if verb is None:
        return None
    return re.sub(r"(?:ing|ed|es|e|d|s)$", "", verb.lower())[:6]


def _by_predicate(figures: list[_Figure]) -> dict[str | None, list[_Figure]]:
    out: dict[str | None, list[_Figure]] = {}
    if figures and (figures[0].key[0] == "duration" or figures[0].key[0] in tables.CASUALTY_VERBS.values()):
        return {None: figures}  # how long the event lasted / how many died, whatever verb states it
    for f in figures:
        out.setdefault(_stem(f.predicate), []).append(f)
    stated = [k for k in out if k is not None]
    if None in out and len(stated) == 1:
        out[stated[0]].extend(out.pop(None))
    return out


# --- status ----------------------------------------------------------------------------------------


def compatible(a_low, a_high, a_bounds: str, b_low, b_high, b_bounds: str) -> bool:
    """Whether two intervals can both hold (they intersect), respecting open and closed bounds."""
    lo, lo_open = _tighter((a_low, a_bounds[0] == "("), (b_low, b_bounds[0] == "("), max)
    hi, hi_open = _tighter((a_high, a_bounds[1] == ")"), (b_high, b_bounds[1] == ")"), min)
    if lo is None or hi is None:
        return True
    return lo < hi or (lo == hi and not lo_open and not hi_open)


def _tighter(a: tuple, b: tuple, pick) -> tuple:
    """The tighter of two (bound, open) pairs: ``pick`` is ``max`` for lower bounds, ``min`` for upper."""
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if a[0] == b[0]:
        return a[0], a[1] or b[1]
    return pick(a, b, key=lambda x: x[0])


def _claim(figures: list[_Figure], groups: Sequence[DuplicateGroup]) -> Claim:
    figures = _distinct(figures)
    figures.sort(key=lambda f: (f.scope or "", f.doc, f.start))
    source = source_of(groups)
    clashes = [
        (a, b)
        for i, a in enumerate(figures)
        for b in figures[i + 1 :]
        if source.get(a.doc, a.doc) != source.get(b.doc, b.doc)  # one source's two figures measure two things
        and not compatible(a.low, a.high, a.bounds, b.low, b.high, b.bounds)
    ]
    updated = {id(b) for a, b in clashes if _is_update(a, b)}
    values = tuple(_value(f, id(f) in updated) for f in figures)
    sources = independent_count([f.doc for f in figures], groups)
    if any(not _is_update(a, b) for a, b in clashes):
        status = "conflict"
    elif sources <= 1:
        status = "single"
    else:
        status = "agree"
    return Claim(
        subject=_subject(figures), values=values, status=status, independent_sources=sources, updates=bool(updated)
    )


def _distinct(figures: list[_Figure]) -> list[_Figure]:
    """One value per document and interval: a figure repeated in the same article is one statement."""
    seen: set[tuple] = set()
    out = []
    for f in figures:
        mark = (f.doc, f.low, f.high, f.bounds)
        if mark not in seen:
            seen.add(mark)
            out.append(f)
    return out


def _is_update(earlier: _Figure, later: _Figure) -> bool:
    """A later figure, within ``UPDATE_MAX_DAYS``, that moves the way its count can: up for a running
    tally (a rising toll), up or down for a count that falls as people are found (``COUNTS_THAT_FALL``)."""
    a, b = _moment(earlier.scope), _moment(later.scope)
    if a is None or b is None or not timedelta(0) < b - a <= timedelta(days=UPDATE_MAX_DAYS):
        return False
    if _can_fall(earlier) and _can_fall(later):
        return True
    return (later.low if later.low is not None else later.high or 0) >= (earlier.high if earlier.high is not None else earlier.low or 0)


def _can_fall(f: _Figure) -> bool:
    """Whether the figure counts a state people leave: by what it counts ("14 missing") or by the verb
    that says what happened to it ("30 miners were trapped")."""
    verb = (f.predicate or "").lower()
    return f.key[0] in tables.COUNTS_THAT_FALL or tables.CASUALTY_VERBS.get(verb, verb) in tables.COUNTS_THAT_FALL


def _moment(iso: str | None) -> datetime | None:
    """An ISO date or datetime as a naive datetime (a date alone is its midnight); None if unreadable."""
    if not iso or not re.match(r"\d{4}-\d{2}-\d{2}", iso):
        return None
    try:
        return datetime.fromisoformat(iso[:19] if "T" in iso[:11] else iso[:10])
    except ValueError:
        return None


def _value(f: _Figure, update: bool) -> ClaimValue:
    return ClaimValue(
        doc=f.doc, text=f.text, low=f.low, high=f.high, unit=f.quantity.unit, qualifier=f.quantity.qualifier,
        start=f.start, end=f.end, bounds=f.bounds, scope=f.scope, update=update,
    )


def _subject(figures: list[_Figure]) -> str:
    if figures[0].key[0] == "duration":
        nouns = [f.noun for f in figures]
        return f"duration of the {f.key[1] if (f := figures[0]).key[1] in nouns else max(set(nouns), key=nouns.count)}"
    if figures[0].key[0] in tables.CASUALTY_VERBS.values():
        return tables.CASUALTY_SUBJECTS.get(figures[0].key[0], figures[0].key[0])
    nouns = [f.noun for f in figures]
    noun = max(sorted(set(nouns)), key=nouns.count)
    predicates = [f.predicate for f in figures if f.predicate]
    if predicates:
        return f"{noun} {max(set(predicates), key=predicates.count)}"
    return noun


__all__ = ["build_claims", "compatible", "lemma"]
