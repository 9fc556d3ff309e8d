"""The context of a figure: what it counts, the verb tying it to an event, its sentence and time scope."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence

from spacy import symbols as spacy_symbols
from spacy.tokens import Doc

from newsdossier.data import quantities as tables
from newsdossier.model import Timex

PREDICATE_WINDOW = 8  # words looked back for the verb governing a figure; covers "liberated X cities and nearly N"
_GERUND = re.compile(r"[a-z]{3,}ing")  # "societies representing": a participle ends the noun phrase
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)")
_AUXILIARIES = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "remain", "remains", "remained"})
_PASSIVE_VERB = re.compile(r"(?:\s+(?:been|being|reportedly|also|later|since|now|all|still|so\s+far))*\s+([A-Za-z]+)")
# Where a clause ends before a figure: a verb beyond it belongs to another figure ("14 remain missing,
# while 112 were injured").
_CLAUSE_BREAK = re.compile(r"[;]|,\s*(?:while|whereas|but)\b", re.IGNORECASE)
TALLY_WINDOW = 60  # characters looked back for "the death toll rose to": a clause, not the whole sentence
_TALLY = re.compile(
    r"\b(?:([A-Za-z]+)\s+(?:toll|tally|count)|number\s+of\s+([A-Za-z]+))\b(?:(?![.;:]).)*$", re.IGNORECASE
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def noun_offsets(doc: Doc) -> set[int] | None:
    """Start offsets of noun tokens when the doc is tagged (read from arrays: iterating tokens is slow)."""
    if not len(doc):
        return None
    pos = doc.to_array("POS")
    if not pos.any():
        return None
    nouns = (pos == spacy_symbols.NOUN) | (pos == spacy_symbols.PROPN)
    return set(doc.to_array("IDX")[nouns].tolist())


def sentence_bounds(doc: Doc, length: int) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, read from the token array (much faster than ``doc.sents``)."""
    flags = doc.to_array("SENT_START") if len(doc) else None
    if flags is None or not flags.any():
        return [(0, length)]
    starts = doc.to_array("IDX")[flags == 1].tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, [*starts[1:], length]))


def sentence_of(pos: int, sentences: list[tuple[int, int]], length: int) -> tuple[int, int]:
    i = bisect.bisect_right(sentences, (pos, math.inf)) - 1
    if 0 <= i < len(sentences) and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return 0, length


def counted_after(text: str, end: int, limit: int, nouns: set[int] | None, skip_of: bool) -> tuple[str | None, str | None]:
    """Head of the noun phrase after the figure, and a verb that ended it ("300 people died")."""
    words: list[re.Match] = []
    pos = end
    if text[pos : pos + 1] == "-":
        pos += 1
    gap = re.match(r"\s*\(\s*[^()]{1,40}\)", text[pos:limit])  # "440-meter (1,444-foot) flag"
    if gap and re.search(r"\d", gap.group(0)):
        pos += gap.end()
    if skip_of:
        of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|all\s+)?", text[pos:limit], re.IGNORECASE)
        if of:
            pos += of.end()
    verb: str | None = None
    while len(words) < tables.MAX_COUNTED_WORDS:
        m = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’-]*)").match(text, pos, limit)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if not words and low in tables.MULTIPLIER_WORDS:
            return word, verb  # "16 times better": a multiplier, whatever follows it
        if not words and looks_verb(low) and low not in tables.CASUALTY_VERBS and _ends_phrase(text, m.end(), limit):
            return None, low  # "one used", "40 fled": the verb of the figure, nothing counted
        if low in tables.COUNTED_STOPWORDS or (words and (looks_verb(low) or _GERUND.fullmatch(low))):
            if words and (low in tables.PREDICATE_VERBS or looks_verb(low)):
                verb = low
            elif not words and low in tables.PREDICATE_VERBS and low not in ("wounded", "injured", "killed", "displaced", "missing"):
                verb = low
            if not words and low in tables.CASUALTY_VERBS:
                words.append(m)  # "5 wounded soldiers", "300 dead"
                pos = m.end()
                continue
            if low in _AUXILIARIES:
                passive = _PASSIVE_VERB.match(text, m.end(), limit)  # "40 people were killed", "20 were wounded"
                if passive and looks_verb(passive.group(1).lower()):
                    verb = passive.group(1).lower()
                    if not words and verb in tables.CASUALTY_VERBS:
                        return verb, verb
            break
        words.append(m)
        pos = m.end()
    if not words:
        return None, verb
    if nouns is not None:
        marked = [w for w in words if w.start(1) in nouns]
        if marked:
            return _strip_possessive(marked[-1].group(1)), verb
    return _strip_possessive(words[-1].group(1)), verb


def _ends_phrase(text: str, pos: int, limit: int) -> bool:
    """Whether no noun-phrase word follows ``pos``: punctuation, the end, or a function word."""
    m = _NEXT_WORD.match(text, pos, limit)
    return m is None or m.group(1).lower() in tables.COUNTED_STOPWORDS


def counted_before(text: str, start: int, sentence_start: int) -> str | None:
    """What a tally before the figure counts: "the death toll rose to 45" → "deaths"."""
    window = text[max(sentence_start, start - TALLY_WINDOW) : start]
    match = None
    for match in _TALLY.finditer(window):
        pass
    if match is None:
        return None
    noun = match.group(1) or match.group(2)
    return tables.TALLY_NOUNS.get(noun.lower(), noun)


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def looks_verb(word: str) -> bool:
    return (
        word in tables.PREDICATE_VERBS
        or word in tables.IRREGULAR_PAST
        or (word.endswith("ed") and len(word) >= 4 and word not in tables.NOT_PREDICATES)
    )


def predicate_before(text: str, start: int, sentence_start: int) -> str | None:
    window = text[sentence_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    words = WORD.findall(window)[-PREDICATE_WINDOW:]
    for word in reversed(words):
        low = word.lower()
        if word[0].isupper() and low not in tables.PREDICATE_VERBS:
            continue
        if looks_verb(low) and low not in ("has", "have", "had"):
            return low
    return None


def scope_of(sentence: tuple[int, int], timexes: Sequence[Timex], dct: str | None) -> str | None:
    dates = [t for t in timexes if t.type == "DATE" and sentence[0] <= t.start < sentence[1] and t.value[:1].isdigit()]
    if dates:
        return dates[-1].value
    return dct
