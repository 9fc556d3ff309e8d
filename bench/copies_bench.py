"""Copy detection at scale: ``find_duplicates`` on N articles (default 100,000), time and peak memory.

Articles are generated, deterministically, by a word-bigram Markov chain trained on real news
sentences (``bench.corpus.sentence_pool``: ECB+ and TimeBank/AQUAINT when ../shared/data exists,
else the bundled example corpus), so every article is new text with real word statistics and
phrase reuse — sampling whole real sentences would make every article share sentences with
hundreds of others, which no real corpus does. Into that corpus go planted copies: exact copies,
near copies (new headline, byline and furniture) and rewrites (some sentences kept, lightly edited
and reordered, new ones added), and the run reports how many planted pairs were found.

Results go to ``bench/results/copies.json``; run under ``nice -n 19`` on a shared machine::

    python -m bench.copies_bench --n 100000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import time
from itertools import combinations
from pathlib import Path

from bench.corpus import sentence_pool
from newsdossier.link.copies import find_duplicates
from newsdossier.model import Annotated, Document, Span

RESULTS = Path(__file__).resolve().parent / "results"
SEED = 20221122
SENTENCES = (6, 30)  # sentences per article; ECB+ articles average 16
SENTENCE_WORDS = (8, 35)
PLANTED = {"exact": 0.02, "near": 0.03, "derived": 0.04}  # share of N that are copies of an earlier article
KEEP_SHARE = (0.5, 0.9)  # a rewrite keeps this share of its original's sentences


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: wall time misleads on a shared machine."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


class _Chain:
    """A word-bigram Markov chain over real sentences."""

    def __init__(self, sentences: list[str]) -> None:
        self.next: dict[str, list[str]] = {}
        self.starts: list[str] = []
        for s in sentences:
            tokens = s.split()
            if len(tokens) < 3:
                continue
            self.starts.append(tokens[0])
            for a, b in zip(tokens, tokens[1:]):
                self.next.setdefault(a, []).append(b)

    def sentence(self, rng: random.Random) -> str:
        word = rng.choice(self.starts)
        out = [word]
        limit = rng.randint(*SENTENCE_WORDS)
        while len(out) < limit:
            options = self.next.get(word)
            if not options:
                break
            word = rng.choice(options)
            out.append(word)
            if word.endswith((".", "?", "!")) and len(out) >= SENTENCE_WORDS[0]:
                break
        text = " ".join(out)
        return text if text.endswith((".", "?", "!")) else text.rstrip(",;:") + "."


def _annotated(doc_id: str, sentences: list[str]) -> Annotated:
    spans, parts, offset = [], [], 0
    for n, s in enumerate(sentences):
        sep = "\n\n" if n and n % 3 == 0 else (" " if n else "")
        parts.append(sep + s)
        offset += len(sep)
        spans.append(Span(offset, offset + len(s)))
        offset += len(s)
    text = "".join(parts)
    doc = Document(id=doc_id, path=doc_id, title=None, published=None, published_basis=None, author=None,
                   outlet=None, text=text)
    return Annotated(doc=doc, sentences=tuple(spans), paragraphs=())


def _edit(sentence: str, rng: random.Random) -> str:
    tokens = sentence.split()
    if len(tokens) > 6:
        del tokens[rng.randrange(1, len(tokens) - 1)]
    return " ".join(tokens)


def make_corpus(n: int, seed: int = SEED) -> tuple[list[Annotated], set[tuple[str, str]], str]:
    """N articles, the planted copy pairs, and where the training text came from."""
    pool, origin = sentence_pool()
    chain = _Chain(pool)
    rng = random.Random(seed)
    docs: list[Annotated] = []
    sentences_of: list[list[str]] = []
    planted: set[tuple[str, str]] = set()
    kinds = list(PLANTED)
    weights = [PLANTED[k] for k in kinds]
    copy_share = sum(weights)
    for i in range(n):
        doc_id = f"{i:07d}"
        if i > 10 and rng.random() < copy_share:
            kind = rng.choices(kinds, weights)[0]
            j = rng.randrange(max(0, i - 5000), i)  # copies follow their original within days
            source = sentences_of[j]
            if kind == "exact":
                sentences = list(source)
            elif kind == "near":
                sentences = [chain.sentence(rng)[:60].rstrip(".") , f"By Staff Reporter {rng.randint(1, 99)}"] + source[1:]
            else:
                kept = [(_edit(s, rng) if rng.random() < 0.3 else s) for s in source if rng.random() < rng.uniform(*KEEP_SHARE)]
                if len(kept) < 3:
                    kept = source[:3]
                sentences = [chain.sentence(rng) for _ in range(rng.randint(1, 4))] + kept
                if len(sentences) > 4:
                    a, b = rng.sample(range(1, len(sentences)), 2)
                    sentences[a], sentences[b] = sentences[b], sentences[a]
            planted.add((docs[j].doc.id, doc_id))
        else:
            sentences = [chain.sentence(rng) for _ in range(rng.randint(*SENTENCES))]
        sentences_of.append(sentences)
        docs.append(_annotated(doc_id, sentences))
    return docs, planted, origin


def run(n: int, seed: int = SEED, workers: int = 2) -> dict[str, object]:
    started = time.perf_counter()
    docs, planted, origin = make_corpus(n, seed)
    generated = time.perf_counter() - started
    rss_before = _rss_mb()
    cpu_before = _cpu_seconds()
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    groups = find_duplicates(docs, workers=workers)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    found = {pair for g in groups for pair in combinations(g.members, 2)}
    planted_found = sum(1 for a, b in planted if (min(a, b), max(a, b)) in found)
    kinds: dict[str, int] = {}
    for g in groups:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    return {
        "n": n,
        "seed": seed,
        "workers": workers,
        "text_source": origin,
        "characters": sum(len(d.doc.text) for d in docs),
        "generate_seconds": round(generated, 1),
        "find_duplicates_seconds": round(seconds, 1),
        "articles_per_second": round(n / seconds, 1) if seconds else None,
        "find_duplicates_cpu_seconds": round(cpu, 1),  # all processes; on an idle machine wall ~ cpu / workers
        "load_average_before": round(load_before, 2),
        "rss_children_mb_peak": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "rss_mb_before": round(rss_before, 1),
        "rss_mb_peak": round(_rss_mb(), 1),
        "groups": len(groups),
        "kinds": kinds,
        "planted_pairs": len(planted),
        "planted_pairs_found": planted_found,
        "grouped_pairs": len(found),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example:\n  nice -n 19 python -m bench.copies_bench --n 100000",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--workers", type=int, default=2, help="fingerprinting processes (default 2)")
    parser.add_argument("--out", type=Path, default=RESULTS / "copies.json")
    args = parser.parse_args(argv)
    result = run(args.n, args.seed, args.workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
