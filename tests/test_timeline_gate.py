"""Quality gate: the timeline against SemEval-2015 Task 4 gold timelines (Wikinews, 3 x 30 documents).

The gold dates every event of a target entity, most of them from context (the DCT) without a date
in their sentence; the timeline anchors only clauses that carry a date. So it is scored where it
commits itself:

* **anchoring**: of the gold events dated to a day whose sentence holds a day-precise timex, the
  share whose sentence the timeline dates to the gold day;
* **pair precision**: of the cross-document sentence pairs our entries put together, where both
  sentences hold gold day-dated events, the share the gold puts on one timeline line;
* **pair recall** (reported, not gated high): the share of gold cross-document pairs we join.
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


@pytest.mark.gate
def test_timeline_gate_semeval2015_task4(shared_data):
    root = shared_data / "timeline" / "semeval2015-task4-timeline" / "SemEval_Task4_data"
    if not root.is_dir():
        pytest.skip(f"needs {root}")
    scores = score(root)
    for key in ("anchoring", "pair_precision", "pair_recall"):
        assert scores[key] >= FLOORS[key], (key, scores)
