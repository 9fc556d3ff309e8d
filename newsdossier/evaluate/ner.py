"""Named-entity evaluation: exact-span P/R/F1 per type (seqeval-style), and tagging gold-tokenised files.

    newsdossier eval ner --gold FILE [--pred FILE] [--pipeline default]
    newsdossier ner INPUT --format iob2 [--out FILE]

Gold and input files are IOB2 (UNER style) or CoNLL-U with GUM ``Entity=`` annotations; see
:mod:`newsdossier.training.corpora`. A predicted span counts only when its words and type both match.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdossier.errors import InputError, InputNotFound, ModelError
from newsdossier.evaluate.metrics import prf
from newsdossier.nlp.pipeline import ENTITY_TYPES
from newsdossier.training.corpora import LABELS, GoldDoc, read_gold, tags_from_spans

__all__ = [
    "NerScores",
    "add_commands",
    "evaluate_file",
    "format_scores",
    "load_ner_pipeline",
    "score_docs",
    "tag_gold",
    "to_iob2",
    "words_per_second",
]

Spans = list[tuple[int, int, str]]


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return prf(self.tp, self.tp + self.fp, self.tp, self.tp + self.fn)[2]

    def as_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f": round(self.f1, 4), "support": self.tp + self.fn}


@dataclass(slots=True)
class NerScores:
    """Micro-averaged overall counts and per-type counts."""

    overall: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {"overall": self.overall.as_dict(), **{k: v.as_dict() for k, v in sorted(self.per_type.items())}}


def score_docs(gold: Sequence[GoldDoc], predicted: Sequence[Iterable[tuple[int, int, str]]]) -> NerScores:
    """Exact-match scores of predicted spans against each gold document's spans (same word indices)."""
    if len(gold) != len(predicted):
        raise InputError(f"gold has {len(gold)} documents but the prediction has {len(predicted)}")
    scores = NerScores(Counts(), {label: Counts() for label in LABELS})
    for doc, pred in zip(gold, predicted, strict=True):
        truth, guess = set(doc.spans), set(pred)
        for span in truth | guess:
            counts = scores.per_type.setdefault(span[2], Counts())
            hit = span in truth and span in guess
            for c in (counts, scores.overall):
                if hit:
                    c.tp += 1
                elif span in guess:
                    c.fp += 1
                else:
                    c.fn += 1
    return scores


def format_scores(scores: NerScores, title: str = "") -> str:
    """A small fixed-width table: one row per type, then the overall row."""
    rows = [f"{title}" if title else "", f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}"]
    for name, counts in [*sorted(scores.per_type.items()), ("overall", scores.overall)]:
        rows.append(f"{name:<8}{counts.precision:8.3f}{counts.recall:8.3f}{counts.f1:8.3f}{counts.tp + counts.fn:8d}")
    return "\n".join(r for r in rows if r)


# --- tagging ------------------------------------------------------------------------------------


def load_ner_pipeline(name: str = "default"):
    """The statistical pipeline alone ("default" = the shipped model), without the rule components."""
    import spacy

    from newsdossier.models import shipped_model_path

    target = shipped_model_path() if name == "default" else name
    try:
        return spacy.load(target, exclude=["timex", "quantities"])
    except OSError as exc:
        raise ModelError(f"cannot load spaCy pipeline {target!s}: {exc}") from exc


def tag_gold(nlp, docs: Sequence[GoldDoc], batch_size: int = 32) -> list[Spans]:
    """Run ``nlp`` over the gold words (kept as tokens, sentence breaks preset); spans per document."""
    from spacy.tokens import Doc

    inputs = (Doc(nlp.vocab, words=d.words, sent_starts=d.sent_starts) for d in docs)
    out: list[Spans] = []
    for doc in nlp.pipe(inputs, batch_size=batch_size):
        out.append([(e.start, e.end, ENTITY_TYPES[e.label_]) for e in doc.ents if e.label_ in ENTITY_TYPES])
    return out


def to_iob2(docs: Sequence[GoldDoc], predicted: Sequence[Spans]) -> str:
    """IOB2 text (UNER layout: ``# newdoc id``, ``index<TAB>word<TAB>tag``, blank line between sentences)."""
    lines: list[str] = []
    for doc, spans in zip(docs, predicted, strict=True):
        lines.append(f"# newdoc id = {doc.id}")
        tags = tags_from_spans(len(doc.words), _within_sentences(doc, spans))
        index = 0
        for i, (word, tag) in enumerate(zip(doc.words, tags, strict=True)):
            if doc.sent_starts[i] and i:
                lines.append("")
                index = 0
            index += 1
            lines.append(f"{index}\t{word}\t{tag}")
        lines.append("")
    return "\n".join(lines) + "\n"


def _within_sentences(doc: GoldDoc, spans: Spans) -> Spans:
    """Cut spans at sentence breaks so the IOB2 output never carries a name across two sentences."""
    out: Spans = []
    for start, end, label in spans:
        piece = start
        for i in range(start + 1, end):
            if doc.sent_starts[i]:
                out.append((piece, i, label))
                piece = i
        out.append((piece, end, label))
    return out


def evaluate_file(gold_path: Path, pipeline: str = "default", pred_path: Path | None = None) -> NerScores:
    """Score a pipeline (or a predicted IOB2/CoNLL-U file with the same words) against a gold file."""
    gold = _read(gold_path)
    if pred_path is not None:
        pred_docs = _read(pred_path)
        if [d.words for d in pred_docs] != [d.words for d in gold]:
            raise InputError(f"{pred_path} does not have the same words as {gold_path}")
        return score_docs(gold, [d.spans for d in pred_docs])
    return score_docs(gold, tag_gold(load_ner_pipeline(pipeline), gold))


def words_per_second(nlp, texts: Sequence[str], batch_size: int = 32) -> float:
    """Throughput of ``nlp`` on raw texts (tokenising included), in words per second of wall time."""
    began = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return words / max(time.perf_counter() - began, 1e-9)


def _read(path: Path) -> list[GoldDoc]:
    if not Path(path).is_file():
        raise InputNotFound(f"no such file: {path}")
    return read_gold(Path(path))


# --- command line -------------------------------------------------------------------------------


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ner",
        help="tag pre-tokenised IOB2 or CoNLL-U text with PER/ORG/LOC",
        description="Tag a pre-tokenised IOB2 or CoNLL-U file, keeping its words and sentence breaks, "
        "and write IOB2 with PER/ORG/LOC tags (so any gold set can be scored).",
        epilog="example:\n  newsdossier ner en_ewt-ud-test.iob2 --format iob2 --out pred.iob2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", type=Path, help="IOB2 or CoNLL-U file")
    p.add_argument("--format", choices=["iob2"], default="iob2", help="output format (default iob2)")
    p.add_argument("--out", type=Path, default=None, help="output file (default stdout)")
    p.add_argument("--pipeline", default="default", help="spaCy pipeline: 'default' (shipped) or an installed package/path")
    p.set_defaults(handler=_run_ner)

    e = eval_sub.add_parser(
        "ner",
        help="score named entities (PER/ORG/LOC) against IOB2 or CoNLL-U gold",
        description="Exact-span precision, recall and F1 per type and overall.",
        epilog="example:\n  newsdossier eval ner --gold ../shared/data/nlp/uner_english_ewt/en_ewt-ud-test.iob2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("--gold", type=Path, required=True, help="gold IOB2 or CoNLL-U file")
    e.add_argument("--pred", type=Path, default=None, help="score this tagged file instead of running a pipeline")
    e.add_argument("--pipeline", default="default", help="spaCy pipeline: 'default' (shipped) or an installed package/path")
    e.set_defaults(handler=_run_eval)


def _run_ner(args: argparse.Namespace) -> int:
    docs = _read(args.input)
    text = to_iob2(docs, tag_gold(load_ner_pipeline(args.pipeline), docs))
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, "utf-8")
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    scores = evaluate_file(args.gold, args.pipeline, args.pred)
    print(format_scores(scores, title=str(args.gold)))
    return 0
