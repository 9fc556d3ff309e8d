"""Stage objects: the plain, frozen, serialisable values the stages hand to each other.

Ingest yields :class:`RawRecord` (or :class:`Rejection`); cleaning yields :class:`Document`;
the per-document NLP stage yields :class:`Annotated`; linking yields the cross-source objects
(:class:`DuplicateGroup`, :class:`TimelineEntry`, :class:`Claim`, :class:`Entity`), gathered in a
:class:`Dossier`. Every ``start``/``end`` is a character offset into the owning document's cleaned
``text``. No library type (spaCy, trafilatura, sqlite3) crosses a stage boundary.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

ID_HEX_CHARS = 16  # 64 bits of sha256: collisions are negligible below ~10^8 documents


def content_id(*parts: str) -> str:
    """A stable id derived from content: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:ID_HEX_CHARS]


def as_dict(obj: Any) -> dict[str, Any]:
    """A stage object as plain JSON-ready data (tuples become lists)."""
    return _plain(dataclasses.asdict(obj))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# --- ingest ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as read from its source, before cleaning.

    ``path`` names where it came from: a file path, or ``path#N`` for the N-th record of a
    WARC/JSONL file, or ``<stdin>#N``. ``text`` is decoded text: the file's own text for plain
    text, the extracted main text for HTML. Metadata fields are what the source itself states.
    """

    path: str
    text: str
    format: str  # "text" | "html" | "warc" | "jsonl"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that did not become a document, and why. Never dropped silently."""

    path: str
    stage: str  # "ingest" | "clean" | "annotate"
    reason: str  # short stable code, e.g. "empty", "binary", "undecodable", "too-large"
    detail: str  # a sentence a user can act on


# --- cleaning -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of scraped furniture taken out of the text, with the rule that removed it."""

    text: str
    reason: str  # e.g. "comment-widget", "dateline", "byline", "source-trailer", "repeated-title"
    line: int  # 0-based line number in the raw text


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article with its metadata. ``text`` paragraphs are separated by a blank line."""

    id: str
    path: str
    title: str | None
    published: str | None  # ISO date or datetime
    published_basis: str | None  # "metadata" | "text" | "inferred" | None
    author: str | None
    outlet: str | None
    text: str
    removed: tuple[RemovedLine, ...] = ()
    url: str | None = None
    format: str = "text"
    published_evidence: str | None = None  # the words the date was read or inferred from


# --- per-document annotation ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's cleaned text (sentence, paragraph)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 expression: ``type`` is DATE, TIME, DURATION or SET; ``value`` is normalised."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None  # TIMEX3 mod: "APPROX", "MID", "START", "END", "MORE_THAN", ...


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its bounds, unit and what it counts. Open bounds are ``None``."""

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None  # "more than", "nearly", "about", ... as written
    counted: str | None  # head of what is counted: "settlements", "martyrs"
    predicate: str | None = None  # the verb tying it to an event: "liberated", "died"
    bounds: str = "[]"  # which bounds are inclusive: "(]" means low is exclusive ("more than 300")
    scope: str | None = None  # ISO date the figure refers to: a DATE timex in its sentence, else the DCT
    same_as: int | None = None  # start of the figure this one restates in another unit ("(1,444-foot)")


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: ``label`` is PERSON, ORG, LOC (or GPE)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: who said what, with the cue verb."""

    speaker: str | None
    text: str
    cue: str | None
    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Annotated:
    """Everything the per-document stage learns about one document."""

    doc: Document
    sentences: tuple[Span, ...]
    paragraphs: tuple[Span, ...]
    timexes: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()


# --- cross-document linking -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact words in one source that back an item of the dossier."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """A sentence of a derived document and its counterpart in the original."""

    derived: Evidence
    original: Evidence
    similarity: float


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Documents that are one source: exact copies, near copies, or rewrites of an original."""

    members: tuple[str, ...]
    kind: str  # "exact" | "near" | "derived"
    original: str | None
    similarity: float
    aligned: tuple[AlignedPair, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str  # ISO at the precision known: "2020", "2020-11", "2020-11-08"
    end: str | None
    summary: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    status: str  # "corroborated" | "single" | "conflict"
    alternatives: tuple[str, ...] = ()  # for "conflict": the other dates sources give for the same happening
    evidence_dates: tuple[str, ...] = ()  # the date each evidence gives, in the order of ``evidence``


@dataclass(frozen=True, slots=True)
class ClaimValue:
    doc: str
    text: str
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    start: int
    end: int
    bounds: str = "[]"  # inclusive/exclusive bounds as in Quantity: "(]" = low exclusive
    scope: str | None = None  # ISO date the figure refers to (its sentence's date, else publication)
    update: bool = False  # a later figure that replaces earlier ones (a growing toll), not a contradiction


@dataclass(frozen=True, slots=True)
class Claim:
    subject: str
    values: tuple[ClaimValue, ...]
    status: str  # "agree" | "conflict" | "single"
    independent_sources: int
    updates: bool = False  # values are ordered by scope and later ones update earlier ones


@dataclass(frozen=True, slots=True)
class MentionRef:
    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[MentionRef, ...]
    type_votes: tuple[tuple[str, int], ...] = ()  # (type, mentions tagged so), most votes first
    outlet_of: tuple[str, ...] = ()  # ids of the documents this organisation published (their outlet)


@dataclass(frozen=True, slots=True)
class StoryPair:
    """How likely two documents report the same story: ``score`` in [0, 1] (``link.similarity``)."""

    a: str
    b: str
    score: float


@dataclass(frozen=True, slots=True)
class Dossier:
    """The whole result of a build; ``as_dict`` of it is ``dossier.json``."""

    documents: tuple[Document, ...]
    rejections: tuple[Rejection, ...] = ()
    duplicates: tuple[DuplicateGroup, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    claims: tuple[Claim, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)
    story_pairs: tuple[StoryPair, ...] = ()  # "same story?" score per document pair (blocked, not all pairs)
