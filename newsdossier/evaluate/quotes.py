"""Quote evaluation on PolNeAR-style brat attribution files: content span P/R/F1 and speaker accuracy.

    newsdossier eval quotes --gold ../shared/data/quotes/polnear/data/dev [--json]

The gold folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; where an article
was annotated by several people the first file (by name) is used. Each brat event
``E… Attribution:T… Content:T… Cue:T… Source:T…`` is one gold attribution: PolNeAR marks every
attribution (quoted or reported speech, and stated beliefs), so recall is measured against all of
them. Content spans may be discontinuous (``start end;start end``).

Spans are compared after trimming, on both sides alike, what PolNeAR includes and our quote text
leaves out: quotation marks, spaces, edge punctuation and a leading "that".

* **overlap** (lenient): a predicted quote is correct when it overlaps a gold content span; a gold
  attribution is found when some predicted quote overlaps it.
* **exact** (strict): a predicted quote is correct when it equals a gold content span (the whole
  extent or one of its parts); a gold attribution is found when the predicted quotes overlapping it
  start where it starts and end where it ends (one quote, or the parts of a quotation interrupted by
  its cue: ``"A," she said. "B."``).
* **speaker accuracy**: over gold attributions that name a source and are found (overlap), the share
  whose best-overlapping predicted quote has its speaker words (as written; a pronoun, not the name it
  resolves to) overlapping the gold source span.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdossier.errors import InputError, InputNotFound
from newsdossier.evaluate.metrics import prf

__all__ = ["GoldAttribution", "GoldArticle", "QuoteScores", "add_commands", "evaluate_dir", "read_gold", "score"]

TRIM_CHARS = " \t\n\r\u00a0\"'“”‘’«»„.,;:?!—–-()"
LEADING_THAT = re.compile(r"that\b", re.IGNORECASE)
RULE_COMPONENTS_NOT_NEEDED = ("newsdossier_timex", "newsdossier_quantities")

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: tuple[Range, ...]
    source: tuple[Range, ...] = ()
    cue: tuple[Range, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(slots=True)
class QuoteScores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    overlap_pred_hits: int = 0
    overlap_gold_hits: int = 0
    exact_pred_hits: int = 0
    exact_gold_hits: int = 0
    speaker_total: int = 0
    speaker_hits: int = 0
    seconds: float = 0.0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [predicted, overlap hits]

    def as_dict(self) -> dict:
        op, orr, of = prf(self.overlap_pred_hits, self.predicted, self.overlap_gold_hits, self.gold)
        ep, er, ef = prf(self.exact_pred_hits, self.predicted, self.exact_gold_hits, self.gold)
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "overlap": {"p": round(op, 4), "r": round(orr, 4), "f": round(of, 4)},
            "exact": {"p": round(ep, 4), "r": round(er, 4), "f": round(ef, 4)},
            "speaker": {
                "accuracy": round(self.speaker_hits / self.speaker_total, 4) if self.speaker_total else 0.0,
                "scored": self.speaker_total,
            },
            "precision_by_kind": {
                k: round(hits / n, 4) if n else 0.0 for k, (n, hits) in sorted(self.by_kind.items())
            },
            "docs_per_second": round(self.documents / self.seconds, 2) if self.seconds else None,
        }


# --- gold -----------------------------------------------------------------------------------------


def read_gold(folder: str | Path) -> list[GoldArticle]:
    """Articles of a PolNeAR compartment folder (``text/`` and ``attributions/``)."""
    root = Path(folder)
    texts, anns = root / "text", root / "attributions"
    if not texts.is_dir() or not anns.is_dir():
        raise InputNotFound(f"{root} has no text/ and attributions/ folders (a PolNeAR compartment, e.g. data/dev)")
    chosen: dict[str, Path] = {}
    for ann in sorted(anns.glob("*.ann")):
        name = re.sub(r"_[0-9a-f]+$", "", ann.stem)
        chosen.setdefault(name, ann)
    articles = []
    for name, ann in sorted(chosen.items()):
        text_path = texts / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        articles.append(GoldArticle(name, text, tuple(parse_ann(ann.read_text(encoding="utf-8")))))
    if not articles:
        raise InputError(f"no annotated articles found under {root}")
    return articles


def parse_ann(ann: str) -> Iterable[GoldAttribution]:
    """Brat standoff → attributions: text-bound ``T`` spans joined by ``E`` events by role."""
    spans: dict[str, tuple[Range, ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label_and_offsets = parts[1].split(" ", 1)
            if len(label_and_offsets) == 2:
                ranges = []
                for piece in label_and_offsets[1].split(";"):
                    a, b = piece.split()
                    ranges.append((int(a), int(b)))
                spans[parts[0]] = tuple(ranges)
        elif parts[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(roles)
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        yield GoldAttribution(
            content=spans[roles["Content"]],
            source=spans.get(roles.get("Source", ""), ()),
            cue=spans.get(roles.get("Cue", ""), ()),
        )


# --- scoring --------------------------------------------------------------------------------------


def trim(text: str, start: int, end: int) -> Range:
    """The span without quotation marks, spaces, edge punctuation and a leading "that"."""
    while True:
        while start < end and text[start] in TRIM_CHARS:
            start += 1
        while end > start and text[end - 1] in TRIM_CHARS:
            end -= 1
        m = LEADING_THAT.match(text, start, end)
        if m is None or m.end() >= end:
            return start, end
        start = m.end()


def _overlaps(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(articles: Sequence[GoldArticle], predictions: Sequence[Sequence]) -> QuoteScores:
    """Score predicted attributions (objects with start, end, kind, speaker_start, speaker_end) per article."""
    s = QuoteScores(documents=len(articles))
    for article, preds in zip(articles, predictions, strict=True):
        text = article.text
        gold = []
        for g in article.attributions:
            parts = [trim(text, a, b) for a, b in g.content]
            parts = [p for p in parts if p[0] < p[1]]
            if parts:
                gold.append((g, trim(text, g.content[0][0], g.content[-1][1]), parts))
        pred = [(p, trim(text, p.start, p.end)) for p in preds]
        pred = [(p, r) for p, r in pred if r[0] < r[1]]
        s.gold += len(gold)
        s.predicted += len(pred)
        for p, r in pred:
            hit = any(_overlaps(r, part) for _, _, parts in gold for part in parts)
            s.overlap_pred_hits += hit
            counts = s.by_kind.setdefault(getattr(p, "kind", "all"), [0, 0])
            counts[0] += 1
            counts[1] += hit
            s.exact_pred_hits += any(r == extent or r in parts for _, extent, parts in gold)
        for g, extent, parts in gold:
            touching = [(p, r) for p, r in pred if any(_overlaps(r, part) for part in parts)]
            if not touching:
                continue
            s.overlap_gold_hits += 1
            if min(r[0] for _, r in touching) == extent[0] and max(r[1] for _, r in touching) == extent[1]:
                s.exact_gold_hits += 1
            if g.source:
                best = max(touching, key=lambda pr: sum(_overlaps(pr[1], part) for part in parts))[0]
                s.speaker_total += 1
                spk = (best.speaker_start, best.speaker_end)
                s.speaker_hits += spk[0] >= 0 and any(_overlaps(spk, src) for src in g.source)
    return s


def predict(articles: Sequence[GoldArticle], pipeline: str = "default") -> list[list]:
    """Our extractor's attributions for each article's text (as given: offsets stay the gold's)."""
    from newsdossier.nlp.pipeline import load_pipeline

    nlp = load_pipeline(pipeline)
    disable = [name for name in RULE_COMPONENTS_NOT_NEEDED if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe(a.text for a in articles)
        return [[s._.quote for s in doc.spans.get("quotes", ()) if s._.quote is not None] for doc in docs]


def evaluate_dir(folder: str | Path, pipeline: str = "default") -> QuoteScores:
    articles = read_gold(folder)
    began = time.perf_counter()
    predictions = predict(articles, pipeline)
    elapsed = time.perf_counter() - began
    scores = score(articles, predictions)
    scores.seconds = elapsed
    return scores


def format_scores(scores: QuoteScores) -> str:
    d = scores.as_dict()
    rows = [
        f"documents {d['documents']}  gold attributions {d['gold']}  predicted quotes {d['predicted']}",
        f"{'content span':<22}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for key, label in (("exact", "exact (strict)"), ("overlap", "overlap (lenient)")):
        rows.append(f"{label:<22}{d[key]['p']:8.3f}{d[key]['r']:8.3f}{d[key]['f']:8.3f}")
    rows.append(f"speaker accuracy {d['speaker']['accuracy']:.3f} over {d['speaker']['scored']} found gold quotes with a source")
    rows.append("precision by kind (overlap): " + ", ".join(f"{k} {v:.3f}" for k, v in d["precision_by_kind"].items()))
    if d["docs_per_second"]:
        rows.append(f"speed {d['docs_per_second']} documents/s (pipeline with the quote component)")
    return "\n".join(rows)


# --- CLI ------------------------------------------------------------------------------------------


def _example(text: str) -> str:
    return f"example:\n  {text}"


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    e = eval_sub.add_parser(
        "quotes",
        help="score quote extraction (content span P/R/F1, speaker accuracy) on PolNeAR",
        description="Run the pipeline over a PolNeAR compartment's texts and score the quotes against its "
        "attribution annotations: content span P/R/F1, exact (strict) and overlap-based (lenient), and "
        "speaker accuracy over the gold quotes found.",
        epilog=_example("newsdossier eval quotes --gold ../shared/data/quotes/polnear/data/dev"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("--gold", required=True, help="a PolNeAR compartment folder with text/ and attributions/")
    e.add_argument("--pipeline", default="default", help="spaCy pipeline: 'default' (shipped) or an installed package/path")
    e.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    e.set_defaults(handler=_run_eval)


def _run_eval(args: argparse.Namespace) -> int:
    scores = evaluate_dir(args.gold, args.pipeline)
    if args.json:
        sys.stdout.write(json.dumps(scores.as_dict(), indent=2) + "\n")
    else:
        print(format_scores(scores))
    return 0
