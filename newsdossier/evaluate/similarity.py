"""Story similarity scored on the English pairs of SemEval-2022 Task 8 (news article similarity).

Gold ``Overall`` runs from 1 (very similar) to 4 (very dissimilar), so the score is correlated with
the negated gold. Printed side by side: :func:`~newsdossier.link.similarity.story_similarity` with
its shipped word-frequency IDF, the same with IDF from the evaluation texts, and the usual baseline
— plain TF-IDF cosine (raw counts, all words, IDF from the evaluation texts).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsdossier.errors import InputError
from newsdossier.link.shingles import words
from newsdossier.link.similarity import CorpusIdf, story_similarity
from newsdossier.model import Annotated, Document

__all__ = ["SEMEVAL_CSV", "SimilarityScores", "add_commands", "evaluate_similarity", "read_semeval_pairs", "tfidf_baseline"]

SEMEVAL_CSV = Path("near-duplicates") / "semeval2022-task8" / "training_set.csv"  # under the shared data folder


@dataclass(frozen=True, slots=True)
class SimilarityScores:
    pearson: float  # story_similarity, shipped IDF
    pearson_corpus_idf: float  # story_similarity, IDF from the evaluation texts
    tfidf_baseline: float  # plain TF-IDF cosine
    pairs: int
    language: str

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


def read_semeval_pairs(path: Path, language: str = "en") -> list[tuple[str, str, float]]:
    """``(text1, text2, overall)`` for the pairs whose two articles are both in ``language``."""
    if not path.is_file():
        raise InputError(f"SemEval-2022 Task 8 pairs not found at {path}")
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (row["text1"], row["text2"], float(row["Overall"]))
            for row in csv.DictReader(handle)
            if row["lang1"] == language and row["lang2"] == language
        ]


def _annotated(n: int, text: str) -> Annotated:
    doc = Document(id=str(n), path=str(n), title=None, published=None, published_basis=None, author=None,
                   outlet=None, text=text)
    return Annotated(doc=doc, sentences=(), paragraphs=())


def tfidf_baseline(text_a: str, text_b: str, idf: CorpusIdf) -> float:
    """The reference baseline: raw-count TF-IDF cosine over all words."""
    va = {w: n * idf(w) for w, n in Counter(words(text_a)).items()}
    vb = {w: n * idf(w) for w, n in Counter(words(text_b)).items()}
    dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
    na, nb = math.sqrt(sum(v * v for v in va.values())), math.sqrt(sum(v * v for v in vb.values()))
    return dot / (na * nb) if na and nb else 0.0


def _pearson(x: list[float], y: list[float]) -> float:
    return round(float(np.corrcoef(x, y)[0, 1]), 4)


def evaluate_similarity(data_dir: Path, language: str = "en") -> SimilarityScores:
    """Pearson r of story similarity (and the TF-IDF baseline) against SemEval's negated Overall."""
    pairs = read_semeval_pairs(Path(data_dir) / SEMEVAL_CSV, language)
    if len(pairs) < 3:
        raise InputError(f"only {len(pairs)} {language}-{language} pairs in {SEMEVAL_CSV}")
    gold = [-overall for _, _, overall in pairs]
    corpus_idf = CorpusIdf(dict.fromkeys(t for a, b, _ in pairs for t in (a, b)))
    docs = [(_annotated(2 * n, a), _annotated(2 * n + 1, b)) for n, (a, b, _) in enumerate(pairs)]
    return SimilarityScores(
        pearson=_pearson([story_similarity(a, b) for a, b in docs], gold),
        pearson_corpus_idf=_pearson([story_similarity(a, b, corpus_idf) for a, b in docs], gold),
        tfidf_baseline=_pearson([tfidf_baseline(a, b, corpus_idf) for a, b, _ in pairs], gold),
        pairs=len(pairs),
        language=language,
    )


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = eval_sub.add_parser(
        "similarity",
        help="score story similarity on SemEval-2022 Task 8 pairs (Pearson r)",
        description="Correlate story_similarity with the negated Overall score of the SemEval-2022 Task 8 "
        "pairs of one language, next to a plain TF-IDF cosine baseline; prints JSON.",
        epilog="example:\n  newsdossier eval similarity --data ../shared/data --language en",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data", type=Path, default=None, help="the shared data folder (default ../shared/data)")
    p.add_argument("--language", default="en", help="language of both articles of a pair (default en)")
    p.set_defaults(handler=_run_eval_similarity)


def _run_eval_similarity(args: argparse.Namespace) -> int:
    scores = evaluate_similarity(args.data or Path.cwd().parent / "shared" / "data", args.language)
    print(json.dumps(scores.as_dict(), indent=2))
    return 0
