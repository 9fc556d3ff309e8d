"""Quality gates for the timeline: SemEval-2015 Task 4 gold timelines and ECB+ event coreference.

**SemEval-2015 Task 4** (Wikinews, 3 x 30 documents).
The gold dates every event of a target entity, most of them from context (the DCT) without a date
in their sentence; the timeline anchors only clauses that carry a date. So it is scored where it
commits itself:

* **anchoring**: of the gold events dated to a day whose sentence holds a day-precise timex, the
  share whose sentence the timeline dates to the gold day;
* **pair precision**: of the cross-document sentence pairs our entries put together, where both
  sentences hold gold day-dated events, the share the gold puts on one timeline line;
* **pair recall** (reported, not gated high): the share of gold cross-document pairs we join.

**ECB+** (43 topics, each two sub-topics of articles from different outlets about one event, gold
cross-document coreference of event mentions). Per sub-topic, the articles are tagged (DCT: the
first full date in the article's first 400 characters, its dateline; none if absent) and a
timeline built. Scored on sentence pairs from different articles where both sentences carry
annotated coreferent-able events:

* **pair precision**: of the pairs our entries join, the share that share a gold event chain;
* **pair recall**: of the pairs that share a gold chain and that we date to a common day, the
  share our entries join.
"""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsdossier.link.events import find_event_mentions
from newsdossier.link.timeline import build_timeline
from newsdossier.model import Annotated, Document, Span
from newsdossier.nlp.timex import tag_text

FLOORS = json.loads((Path(__file__).parent / "floors" / "timeline.json").read_text())
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _detokenize(s: str) -> str:
    s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[$]) ", r"\1", s)
    return re.sub(r" (['’]s|n't)\b", r"\1", s)


def _load(corpus: Path) -> dict[str, Annotated]:
    docs = {}
    for path in sorted((corpus / "corpus_trackA_TimeML").glob("*.tml")):
        root = ET.parse(path).getroot()
        docid = root.findtext("DOCID").strip()
        dct = root.find("DCT/TIMEX3").get("value")
        parts, spans, pos = [], [], 0
        for s in root.find("TEXT").iter("s"):
            t = _detokenize("".join(s.itertext()).strip())
            spans.append(Span(pos, pos + len(t)))
            parts.append(t)
            pos += len(t) + 2
        text = "\n\n".join(parts)
        doc = Document(docid, str(path), None, dct, "metadata", None, None, text)
        docs[docid] = Annotated(doc, tuple(spans), tuple(spans), tuple(tag_text(text, dct)))
    return docs


def _gold(corpus: Path) -> tuple[set, dict]:
    pairs, dated = set(), {}
    for path in (corpus / "TimeLines_Gold_Standard").glob("*.txt"):
        lines: dict[str, set] = {}
        for row in path.read_text().splitlines()[1:]:
            cols = row.split("\t")
            if len(cols) < 3 or not DAY.match(cols[1]):
                continue
            for mention in cols[2:]:
                doc, sentence = mention.split("-")[:2]
                lines.setdefault(cols[0], set()).add((doc, int(sentence)))
                dated[(doc, int(sentence))] = cols[1]
        for members in lines.values():
            pairs.update((a, b) for a, b in itertools.combinations(sorted(members), 2) if a[0] != b[0])
    return pairs, dated


def _sentence(a: Annotated, pos: int) -> int | None:
    return next((i for i, s in enumerate(a.sentences) if s.start <= pos < s.end), None)


def score(root: Path) -> dict[str, float]:
    n = dict.fromkeys(("anchorable", "anchored", "gold_pairs", "found", "judged", "right"), 0)
    for corpus in sorted(root.glob("corpus_*")):
        docs = _load(corpus)
        gold_pairs, dated = _gold(corpus)
        ours = set()
        for entry in build_timeline(list(docs.values()), []):
            keys = sorted({(ev.doc, _sentence(docs[ev.doc], ev.start)) for ev in entry.evidence})
            ours.update((a, b) for a, b in itertools.combinations(keys, 2) if a[0] != b[0])
        ours_dates: dict[tuple, set] = {}
        for doc, a in docs.items():
            for m in find_event_mentions(a):
                ours_dates.setdefault((doc, _sentence(a, m.start)), set()).add(m.date)
        for (doc, i), date in dated.items():
            a = docs.get(doc)
            if a is None or i >= len(a.sentences):
                continue
            span = a.sentences[i]
            if any(span.start <= t.start < span.end and DAY.match(t.value) for t in a.timexes):
                n["anchorable"] += 1
                n["anchored"] += date in ours_dates.get((doc, i), ())
        judged = {p for p in ours if p[0] in dated and p[1] in dated}
        n["gold_pairs"] += len(gold_pairs)
        n["found"] += len(gold_pairs & ours)
        n["judged"] += len(judged)
        n["right"] += len(judged & gold_pairs)
    return {
        "anchoring": n["anchored"] / max(n["anchorable"], 1),
        "pair_precision": n["right"] / max(n["judged"], 1),
        "pair_recall": n["found"] / max(n["gold_pairs"], 1),
        **{f"n_{k}": v for k, v in n.items()},
    }


def _ecb_load(path: Path) -> tuple[Annotated, dict[int, set[str]], list[int]]:
    root = ET.parse(path).getroot()
    words: dict[int, list[str]] = {}
    sentence_of: dict[str, int] = {}
    for t in root.iter("token"):
        s = int(t.get("sentence"))
        words.setdefault(s, []).append(t.text or "")
        sentence_of[t.get("t_id")] = s
    actions = {
        m.get("m_id"): [a.get("t_id") for a in m.iter("token_anchor")]
        for m in root.find("Markables")
        if m.tag.startswith(("ACTION", "NEG_ACTION"))
    }
    chains: dict[int, set[str]] = {}
    for rel in root.find("Relations"):
        if rel.tag == "CROSS_DOC_COREF" and (rel.get("note") or "").startswith("ACT"):
            for c in rel:
                for tid in actions.get(c.get("m_id"), ()) if c.tag == "source" else ():
                    chains.setdefault(sentence_of[tid], set()).add(rel.get("note"))
    numbers = sorted(words)
    parts, spans, pos = [], [], 0
    for n in numbers:
        t = _detokenize(" ".join(words[n]))
        spans.append(Span(pos, pos + len(t)))
        parts.append(t)
        pos += len(t) + 2
    text = "\n\n".join(parts)
    dct = next((t.value for t in tag_text(text[:400], None) if DAY.match(t.value[:10])), None)
    doc = Document(path.name, str(path), None, dct and dct[:10], None, None, None, text)
    return Annotated(doc, tuple(spans), tuple(spans), tuple(tag_text(text, dct))), chains, numbers


def score_ecbplus(root: Path) -> dict[str, float]:
    n = dict.fromkeys(("judged", "right", "gold", "found"), 0)
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        for pattern in ("*ecb.xml", "*ecbplus.xml"):
            loaded = [_ecb_load(p) for p in sorted(topic.glob(pattern))]
            if len(loaded) < 2:
                continue
            docs = {a.doc.id: (a, chains, numbers) for a, chains, numbers in loaded}

            def key(doc: str, pos: int) -> tuple[str, int | None]:
                a, _, numbers = docs[doc]
                i = _sentence(a, pos)
                return doc, numbers[i] if i is not None else None

            ours = set()
            for entry in build_timeline([a for a, _, _ in loaded], []):
                keys = sorted({key(ev.doc, ev.start) for ev in entry.evidence})
                ours.update((a, b) for a, b in itertools.combinations(keys, 2) if a[0] != b[0])
            dated: dict[tuple, set] = {}
            for a, _, _ in loaded:
                for m in find_event_mentions(a):
                    dated.setdefault(key(a.doc.id, m.start), set()).add(m.date)
            chain = {k: docs[k[0]][1].get(k[1], set()) for k in dated}
            for a, b in itertools.combinations(sorted(dated), 2):
                if a[0] != b[0] and chain[a] & chain[b] and dated[a] & dated[b]:
                    n["gold"] += 1
                    n["found"] += (a, b) in ours
            for a, b in ours:
                ca, cb = chain.get(a), chain.get(b)
                if ca and cb:
                    n["judged"] += 1
                    n["right"] += bool(ca & cb)
    return {
        "pair_precision": n["right"] / max(n["judged"], 1),
        "pair_recall": n["found"] / max(n["gold"], 1),
        **{f"n_{k}": v for k, v in n.items()},
    }


@pytest.mark.gate
def test_timeline_gate_ecbplus(shared_data):
    root = shared_data / "event-clusters" / "ecbplus" / "ECB+"
    if not root.is_dir():
        pytest.skip(f"needs {root}")
    scores = score_ecbplus(root)
    for key in ("pair_precision", "pair_recall"):
        assert scores[key] >= FLOORS["ecbplus"][key], (key, scores)


@pytest.mark.gate
def test_timeline_gate_semeval2015_task4(shared_data):
    root = shared_data / "timeline" / "semeval2015-task4-timeline" / "SemEval_Task4_data"
    if not root.is_dir():
        pytest.skip(f"needs {root}")
    scores = score(root)
    for key in ("anchoring", "pair_precision", "pair_recall"):
        assert scores[key] >= FLOORS[key], (key, scores)
