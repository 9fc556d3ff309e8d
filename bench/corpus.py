"""Generate a benchmark corpus of N article files by sampling and perturbing real sentences.

Sentences come from ``../shared/data`` when present (ECB+ news articles, TimeBank/AQUAINT texts);
elsewhere from the bundled fictional example corpus, so the benchmark always runs. Each article gets
a headline, optional dateline and byline, 3–12 paragraphs and scraped furniture lines, with numbers
perturbed so that no two articles are identical. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from newsdossier.evaluate.copies import read_ecbplus
from newsdossier.evaluate.timeml import read_timeml

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples" / "corpus"

PARAGRAPHS = (3, 12)  # paragraphs per article: the range of typical wire stories
SENTENCES_PER_PARAGRAPH = (1, 4)
FURNITURE = (
    "Notify of",
    "View all comments",
    "Share this article",
    "Subscribe to our newsletter",
    "Search in archive",
    "Last news in {outlet}",
    "Source: {outlet}",
)
OUTLETS = ("Daily Courier", "Harbour Times", "Metro Wire", "Northern Post", "Valley Herald")
NAMES = ("Ana Lima", "John Okafor", "Mei Tanaka", "Lars Berg", "Sofia Rossi")
_NUMBER = re.compile(r"\b\d+\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentence_pool(shared_data: Path = SHARED_DATA) -> tuple[list[str], str]:
    """Real sentences to sample from, and a label saying where they came from."""
    pool: list[str] = []
    ecb = shared_data / "event-clusters" / "ecbplus" / "ECB+"
    if ecb.is_dir():
        for article in read_ecbplus(ecb):
            pool.extend(article.body)
    tbaq = shared_data / "temporal" / "tbaq-cleaned"
    if tbaq.is_dir():
        for path in sorted(tbaq.rglob("*.tml")):
            pool.extend(_SENTENCE.split(" ".join(read_timeml(path).text.split())))
    if pool:
        return [s for s in pool if 30 <= len(s) <= 400], "shared/data (ECB+, TimeBank+AQUAINT)"
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(errors="replace")
        pool.extend(s for s in _SENTENCE.split(" ".join(text.split())) if len(s) >= 30)
    return pool, "examples/corpus (shared/data absent)"


def articles(n: int, pool: list[str], seed: int = 13) -> Iterator[tuple[str, str]]:
    """Yield ``(file name, text)`` for n articles."""
    rng = random.Random(seed)
    for i in range(n):
        outlet = rng.choice(OUTLETS)
        lines = [rng.choice(pool).rstrip(".")]
        if rng.random() < 0.5:
            lines.append(f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}")
        if rng.random() < 0.4:
            lines.append(f"By {rng.choice(NAMES)}")
        lines.append("")
        for _ in range(rng.randint(*PARAGRAPHS)):
            sentences = [_perturb(rng.choice(pool), rng) for _ in range(rng.randint(*SENTENCES_PER_PARAGRAPH))]
            lines += [" ".join(sentences), ""]
        lines += [rng.choice(FURNITURE).format(outlet=outlet) for _ in range(rng.randint(0, 3))]
        yield f"{i:06d}.txt", "\n".join(lines) + "\n"


def _perturb(sentence: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 3))) if len(m.group()) < 4 else m.group(), sentence)


def write_corpus(folder: Path, n: int, seed: int = 13) -> tuple[int, str]:
    """Write n articles into folder (reusing it if it already holds them); returns (bytes, source label)."""
    folder.mkdir(parents=True, exist_ok=True)
    pool, label = sentence_pool()
    marker = folder / f".complete-{n}-{seed}"
    if not marker.exists():
        for name, text in articles(n, pool, seed):
            (folder / name).write_text(text, encoding="utf-8")
        marker.touch()
    size = sum(p.stat().st_size for p in folder.glob("*.txt"))
    return size, label
