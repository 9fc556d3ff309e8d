"""Silver training text: openly licensed news and narrative text, to be labelled by the teacher.

Every source here allows a shipped model under CC BY-SA 4.0 (with attribution in the model's
``LICENSE``):

- ECB+ (Cybulska & Vossen 2014), CC BY 3.0: 772 news articles from many outlets (topics 1–35),
  already tokenised and split into sentences (CAT XML ``<token sentence=…>``);
- SemEval-2015 Task 4 (Minard et al. 2015), CC BY 3.0: 120 Wikinews articles (CAT XML, same
  layout), read once per ``doc_id`` (the tracks repeat the documents);
- WikiWars 1.0.4 (Mazur & Dale 2010), CC BY-SA 3.0: 22 Wikipedia war histories (SGML text; split
  into paragraphs, tokenised by spaCy's English tokenizer, sentences cut at ``. ! ?`` + capital).

Lines that are URLs are dropped. Documents whose text shares a sentence with a held-out test
document are dropped too (``drop_overlap``), so silver never leaks test text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby
from pathlib import Path
from xml.etree import ElementTree

from newsdossier.training.corpora import GoldDoc

ECBPLUS = Path("event-clusters/ecbplus/ECB+")
SEMEVAL2015 = Path("timeline/semeval2015-task4-timeline")
WIKIWARS = Path("temporal/wikiwars/WikiWars_20120218_v104/in")

SOURCES = [
    {"name": "ECB+ news articles (silver labels)", "url": "https://github.com/cltl/ecbPlus", "license": "CC BY 3.0"},
    {"name": "SemEval-2015 Task 4 Wikinews articles (silver labels)", "url": "https://alt.qcri.org/semeval2015/task4/", "license": "CC BY 3.0"},
    {"name": "WikiWars 1.0.4 Wikipedia articles (silver labels)", "url": "https://www.timexportal.info/wikiwars", "license": "CC BY-SA 3.0"},
]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z])")


def read_cat(path: Path) -> GoldDoc | None:
    """One CAT XML document as words with sentence starts (no entity spans)."""
    root = ElementTree.parse(path).getroot()
    words: list[str] = []
    starts: list[bool] = []
    for _, group in groupby(root.findall("token"), key=lambda t: t.get("sentence")):
        sentence = [(t.text or "").strip() for t in group]
        sentence = [w for w in sentence if w]
        if not sentence or sentence[0].lower().startswith(("http", "www.")):
            continue
        words += sentence
        starts += [True] + [False] * (len(sentence) - 1)
    if not words:
        return None
    return GoldDoc(root.get("doc_id") or path.stem, words, starts, [], "silver")


def ecbplus_docs(data: Path) -> list[GoldDoc]:
    docs = (read_cat(path) for path in sorted((data / ECBPLUS).glob("*/*.xml")))
    return [d for d in docs if d is not None]


def semeval2015_docs(data: Path) -> list[GoldDoc]:
    seen: dict[str, GoldDoc] = {}
    for path in sorted((data / SEMEVAL2015).rglob("*.xml")):
        doc = read_cat(path)
        if doc is not None and doc.id not in seen:
            seen[doc.id] = doc
    return list(seen.values())


def tokenize_text(doc_id: str, text: str) -> GoldDoc:
    """Paragraphs → sentences → spaCy tokens, as one document."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    words: list[str] = []
    starts: list[bool] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph or paragraph.lower().startswith(("http", "www.")):
            continue
        for sentence in _SENTENCE_END.split(paragraph):
            tokens = [t.text for t in tokenizer(sentence) if not t.is_space]
            if tokens:
                words += tokens
                starts += [True] + [False] * (len(tokens) - 1)
    return GoldDoc(doc_id, words, starts, [], "silver")


def wikiwars_docs(data: Path) -> list[GoldDoc]:
    out = []
    for path in sorted((data / WIKIWARS).glob("*.sgm")):
        raw = path.read_text("utf-8", errors="replace")
        match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        text = re.sub(r"<[^>]+>", "", match.group(1) if match else raw)
        out.append(tokenize_text(path.stem, text))
    return out


def silver_docs(data: Path) -> list[GoldDoc]:
    """All silver text (unlabelled), in a fixed order."""
    return [*ecbplus_docs(data), *semeval2015_docs(data), *wikiwars_docs(data)]


def _sentences(doc: GoldDoc) -> Iterable[str]:
    begin = 0
    for i in range(1, len(doc.words) + 1):
        if i == len(doc.words) or doc.sent_starts[i]:
            yield " ".join(doc.words[begin:i]).lower()
            begin = i


def drop_overlap(silver: Sequence[GoldDoc], held_out: Sequence[GoldDoc], min_words: int = 8) -> list[GoldDoc]:
    """Silver documents that share no sentence of ``min_words`` or more words with a held-out document."""
    test = {s for doc in held_out for s in _sentences(doc) if len(s.split()) >= min_words}
    return [doc for doc in silver if not any(s in test for s in _sentences(doc))]
