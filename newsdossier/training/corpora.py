"""Readers for token-level NER gold: UNER-style IOB2 and GUM-style CoNLL-U with ``Entity=`` brackets.

Both yield :class:`GoldDoc` values (words, sentence starts, entity spans over word indices) that
the training converter turns into a spaCy ``DocBin`` and the evaluator scores against. Labels are
folded to the shipped model's types with :data:`LABEL_MAP`.

IOB2 files look like UNER English-EWT: ``# newdoc id = …`` / ``# sent_id = …`` comments, one
``index<TAB>word<TAB>tag`` line per word, a blank line between sentences. ``OTH`` and stray ``B-O``
tags become ``O``. A plain two-column ``word<TAB>tag`` file is read too.

CoNLL-U files look like GUM: mentions are bracketed in MISC ``Entity=(id-type-…`` … ``id)``. GUM
marks every mention (pronouns, common nouns); a mention counts as a *named* entity when its head
word is a proper noun, and its name is the run of proper nouns around that head (with ``of``,
``and``, ``&``, ``de`` between two proper nouns), as in UNER's guidelines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Gold label → shipped label. GPE is folded into LOC: UNER has only LOC, which includes GPEs.
LABEL_MAP = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "person": "PERSON",
    "organization": "ORG",
    "place": "LOC",
}
LABELS = ("PERSON", "ORG", "LOC")
# Shipped label → the IOB2 tag written by ``newsdossier ner`` (UNER's names).
IOB2_TAG = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}

# Words allowed inside a GUM name between two proper nouns ("University of Toronto").
NAME_CONNECTORS = frozenset({"of", "and", "&", "de", "du", "van", "von", "al", "-"})

# Titles and honorifics that GUM keeps inside a person's name ("Senator John Cornyn"); UNER does not.
TITLE_WORDS = frozenset(
    line.strip().lower()
    for line in (Path(__file__).resolve().parent.parent / "data" / "entities" / "titles.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

PROPER_XPOS = frozenset({"NNP", "NNPS"})

_ENTITY_OPEN = re.compile(r"\((\d+)-([A-Za-z]+)")
_ENTITY_CLOSE = re.compile(r"(\d+)\)")


@dataclass(slots=True)
class GoldDoc:
    """Words of one document with sentence starts and labelled entity spans ``(start, end, label)`` (word indices, end exclusive)."""

    id: str
    words: list[str] = field(default_factory=list)
    sent_starts: list[bool] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    genre: str = ""


def read_gold(path: Path) -> list[GoldDoc]:
    """Read an IOB2 or CoNLL-U gold file, choosing the reader by content (CoNLL-U has 10 columns)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                columns = line.rstrip("\n").split("\t")
                reader = read_conllu if len(columns) == 10 else read_iob2
                break
        else:
            return []
    return list(reader(path))


# --- IOB2 -------------------------------------------------------------------------------------


def read_iob2(path: Path) -> Iterator[GoldDoc]:
    """UNER-style IOB2: one GoldDoc per ``# newdoc`` (or one for the whole file when there is none)."""
    with open(path, encoding="utf-8") as handle:
        yield from parse_iob2(handle, default_id=Path(path).stem)


def parse_iob2(lines: Iterable[str], default_id: str = "doc") -> Iterator[GoldDoc]:
    doc = GoldDoc(default_id)
    tags: list[str] = []
    new_sentence = True
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("# newdoc id"):
            if doc.words:
                doc.spans = spans_from_tags(tags)
                yield doc
            doc, tags, new_sentence = GoldDoc(line.split("=", 1)[1].strip()), [], True
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            new_sentence = True
            continue
        columns = line.split("\t")
        word, tag = (columns[1], columns[2]) if len(columns) >= 3 and columns[0].isdigit() else (columns[0], columns[-1])
        doc.words.append(word)
        doc.sent_starts.append(new_sentence)
        tags.append(tag)
        new_sentence = False
    if doc.words:
        doc.spans = spans_from_tags(tags)
        yield doc


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags → spans, seqeval-style: an ``I-`` tag after a different type starts a new span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        mapped = LABEL_MAP.get(kind) if prefix in ("B", "I") else None
        continues = prefix == "I" and mapped == label and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if mapped and not continues:
            start, label = i, mapped
    return spans


def tags_from_spans(n_words: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """Spans over word indices → IOB2 tags with UNER's type names (PER/ORG/LOC)."""
    tags = ["O"] * n_words
    for start, end, label in spans:
        tag = IOB2_TAG.get(label, label)
        tags[start] = f"B-{tag}"
        for i in range(start + 1, end):
            tags[i] = f"I-{tag}"
    return tags


# --- CoNLL-U ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Word:
    form: str
    upos: str
    head: int  # index in the document, -1 for root
    opens: list[tuple[str, str]]  # (mention id, type)
    closes: list[str]


def read_conllu(path: Path) -> Iterator[GoldDoc]:
    """GUM-style CoNLL-U: one GoldDoc per ``# newdoc``, named person/organization/place mentions only."""
    with open(path, encoding="utf-8") as handle:
        yield from parse_conllu(handle, default_id=Path(path).stem)


def parse_conllu(lines: Iterable[str], default_id: str = "doc") -> Iterator[GoldDoc]:
    doc_id, genre = default_id, ""
    words: list[_Word] = []
    starts: list[bool] = []
    sentence_offset = 0
    new_sentence = True
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("# newdoc id"):
            if words:
                yield _conllu_doc(doc_id, genre, words, starts)
            doc_id, genre, words, starts = line.split("=", 1)[1].strip(), "", [], []
            sentence_offset, new_sentence = 0, True
            continue
        if line.startswith("# meta::genre"):
            genre = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            new_sentence = True
            continue
        columns = line.split("\t")
        if len(columns) != 10 or not columns[0].isdigit():
            continue  # multiword-token and empty-node lines
        if new_sentence:
            sentence_offset = len(words)
        head = int(columns[6]) if columns[6].isdigit() else 0
        opens, closes = _entity_brackets(columns[9])
        upos = "PROPN" if columns[4] in PROPER_XPOS else columns[3]  # GUM tags "New" (York) ADJ/NNP
        words.append(_Word(columns[1], upos, sentence_offset + head - 1 if head else -1, opens, closes))
        starts.append(new_sentence)
        new_sentence = False
    if words:
        yield _conllu_doc(doc_id, genre, words, starts)


def _entity_brackets(misc: str) -> tuple[list[tuple[str, str]], list[str]]:
    for item in misc.split("|"):
        if item.startswith("Entity="):
            value = item[len("Entity=") :]
            opens = [(m.group(1), m.group(2)) for m in _ENTITY_OPEN.finditer(value)]
            single = [m.group(1) for m in re.finditer(r"\((\d+)-[^()]*\)", value)]
            closes = single + [m.group(1) for m in _ENTITY_CLOSE.finditer(re.sub(r"\([^()]*\)", "", value))]
            return opens, closes
    return [], []


def _conllu_doc(doc_id: str, genre: str, words: list[_Word], starts: list[bool]) -> GoldDoc:
    mentions: list[tuple[int, int, str]] = []
    stack: dict[str, list[tuple[int, str]]] = {}
    for i, word in enumerate(words):
        for mention_id, kind in word.opens:
            stack.setdefault(mention_id, []).append((i, kind))
        for mention_id in word.closes:
            if stack.get(mention_id):
                start, kind = stack[mention_id].pop()
                mentions.append((start, i + 1, kind))
    typed = [(s, e, LABEL_MAP[k]) for s, e, k in mentions if k in LABEL_MAP]
    named = [(run, label) for s, e, label in typed if (run := _name_run(words, s, e))]
    spans: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    # Outer mentions first ("Dulles Airport" over "Dulles"), but a nested name of another type is
    # cut out of the outer one ("NASA Administrator Charles Bolden" → NASA, Charles Bolden).
    for (left, right, head), label in sorted(named, key=lambda n: (n[0][0] - n[0][1], n[0][0])):
        for (inner_left, inner_right, _), inner_label in named:
            if inner_label != label and left <= inner_left and inner_right <= right and (inner_left, inner_right) != (left, right):
                if inner_right < head:  # a word between: "NASA Administrator Bolden", not "Udvar-Hazy Center"
                    left = max(left, inner_right)
                elif inner_left > head + 1:
                    right = min(right, inner_left)
        if label == "PERSON":
            if words[head].form.lower().rstrip(".") in TITLE_WORDS:
                continue
            while left < head and words[left].form.lower().rstrip(".") in TITLE_WORDS:
                left += 1
        if left < right and not taken.intersection(range(left, right)):
            spans.append((left, right, label))
            taken.update(range(left, right))
    return GoldDoc(doc_id, [w.form for w in words], starts, sorted(spans), genre)


def _name_run(words: list[_Word], start: int, end: int) -> tuple[int, int, int] | None:
    """``(left, right, head)``: the proper-noun run around the mention's head; None when the head is no proper noun."""
    heads = [i for i in range(start, end) if not start <= words[i].head < end]
    if len(heads) != 1 or words[heads[0]].upos != "PROPN":
        return None
    head = heads[0]
    left = head
    while left > start and (
        words[left - 1].upos == "PROPN"
        or (words[left - 1].form in NAME_CONNECTORS and left - 2 >= start and words[left - 2].upos == "PROPN")
    ):
        left -= 1
    right = head + 1
    while right < end and (
        words[right].upos == "PROPN"
        or (words[right].form in NAME_CONNECTORS and right + 1 < end and words[right + 1].upos == "PROPN")
    ):
        right += 1
    return left, right, head
