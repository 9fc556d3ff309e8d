"""TempEval-3 Task A scoring of temporal expressions: extents, type and value.

* strict extent: a system timex matches a gold one when both offsets are equal;
* relaxed extent: when they overlap by at least one character;
* type / value accuracy: the share of relaxed matches whose attribute equals the gold one;
* type F1 / value F1: attribute accuracy × relaxed F1 (the official TempEval-3 definition).

Matching is one-to-one: each gold timex pairs with at most one system timex (greedily, largest
overlap first), so a gold span split in two counts one match and one spurious timex.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsdossier.errors import InputError
from newsdossier.evaluate.metrics import prf
from newsdossier.evaluate.timeml import TimeMLDocument, read_timeml
from newsdossier.model import Timex

__all__ = ["Counts", "TimexScores", "match", "score_document", "score_corpus", "score_dirs", "tag_and_score"]


@dataclass(slots=True)
class Counts:
    """Raw counts behind the scores; they add up across documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True, slots=True)
class TimexScores:
    """TempEval-3 Task A figures (fractions in 0..1) and the counts they come from."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    type_f1: float
    value_f1: float
    counts: dict[str, int] = field(default_factory=dict)
    documents: int = 0

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def _overlap(a: Timex, b: Timex) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matches (gold, system), largest overlap first."""
    candidates = [
        (_overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system) if _overlap(g, s) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return [(gold[gi], system[si]) for gi, si in sorted(pairs)]


def _same_value(gold: str, system: str) -> bool:
    return gold.strip().upper() == system.strip().upper()


def score_document(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    """The counts for one document."""
    pairs = match(gold, system)
    return Counts(
        gold=len(gold),
        system=len(system),
        strict=sum(1 for g, s in pairs if (g.start, g.end) == (s.start, s.end)),
        relaxed=len(pairs),
        type_ok=sum(1 for g, s in pairs if g.type == s.type),
        value_ok=sum(1 for g, s in pairs if _same_value(g.value, s.value)),
    )


def scores_from_counts(c: Counts, documents: int = 0) -> TimexScores:
    """Turn summed counts into the TempEval-3 figures."""
    sp, sr, sf = prf(c.strict, c.system, c.strict, c.gold)
    rp, rr, rf = prf(c.relaxed, c.system, c.relaxed, c.gold)
    type_acc = c.type_ok / c.relaxed if c.relaxed else 0.0
    value_acc = c.value_ok / c.relaxed if c.relaxed else 0.0
    return TimexScores(
        strict_p=sp, strict_r=sr, strict_f1=sf,
        relaxed_p=rp, relaxed_r=rr, relaxed_f1=rf,
        type_accuracy=type_acc, value_accuracy=value_acc,
        type_f1=type_acc * rf, value_f1=value_acc * rf,
        counts={"gold": c.gold, "system": c.system, "strict": c.strict, "relaxed": c.relaxed,
                "type_ok": c.type_ok, "value_ok": c.value_ok},
        documents=documents,
    )


def score_corpus(pairs: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> TimexScores:
    """Micro-averaged scores over (gold, system) timex lists, one pair per document."""
    total = Counts()
    n = 0
    for gold, system in pairs:
        total.add(score_document(gold, system))
        n += 1
    return scores_from_counts(total, documents=n)


def _tml_files(directory: str | Path) -> list[Path]:
    root = Path(directory)
    if not root.is_dir():
        raise InputError(f"not a folder: {root}")
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise InputError(f"no .tml files under {root}")
    return files


def score_dirs(gold_dir: str | Path, pred_dir: str | Path) -> TimexScores:
    """Score every gold ``.tml`` against the predicted file with the same relative path (missing = empty)."""
    gold_root, pred_root = Path(gold_dir), Path(pred_dir)
    pairs = []
    for gold_path in _tml_files(gold_root):
        gold = read_timeml(gold_path)
        pred_path = pred_root / gold_path.relative_to(gold_root)
        if not pred_path.exists():
            pred_path = pred_root / gold_path.name
        predicted = read_timeml(pred_path).timexes if pred_path.exists() else ()
        pairs.append((gold.timexes, predicted))
    return score_corpus(pairs)


def gold_documents(gold_dir: str | Path) -> list[TimeMLDocument]:
    """Every ``.tml`` document under ``gold_dir``, sorted by path."""
    return [read_timeml(p) for p in _tml_files(gold_dir)]


def tag_and_score(gold_dir: str | Path) -> TimexScores:
    """Run our tagger on the gold files' text with their DCTs and score it."""
    from newsdossier.nlp.timex import tag_text

    pairs = [(doc.timexes, tag_text(doc.text, doc.dct)) for doc in gold_documents(gold_dir)]
    return score_corpus(pairs)


def format_scores(s: TimexScores) -> str:
    """A small plain-text table of the scores (percentages)."""
    rows = [
        ("strict extent", s.strict_p, s.strict_r, s.strict_f1),
        ("relaxed extent", s.relaxed_p, s.relaxed_r, s.relaxed_f1),
    ]
    lines = [f"{'':16}{'P':>7}{'R':>7}{'F1':>7}"]
    lines += [f"{name:16}{p * 100:7.2f}{r * 100:7.2f}{f * 100:7.2f}" for name, p, r, f in rows]
    lines.append(f"{'type':16}{'acc':>7}{s.type_accuracy * 100:7.2f}{s.type_f1 * 100:7.2f}")
    lines.append(f"{'value':16}{'acc':>7}{s.value_accuracy * 100:7.2f}{s.value_f1 * 100:7.2f}")
    lines.append(f"documents {s.documents}, gold {s.counts['gold']}, system {s.counts['system']}")
    return "\n".join(lines)
