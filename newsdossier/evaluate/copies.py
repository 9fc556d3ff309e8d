"""The reprint benchmark: copy and rewrite detection scored pairwise on reprints of real articles.

The benchmark is generated, deterministically from a seed, from the ECB+ articles in
``../shared/data/event-clusters/ecbplus``: some articles are reprinted one to three times, each
reprint with a few of the changes real reprints show (a new headline, a byline added or a dateline
removed, page furniture, truncation, reordered or dropped paragraphs, light sentence edits), or
verbatim. Every other ECB+ article stays in. A pair of documents is positive when both come from
the same original article, and negative when they come from articles about different events —
including the other event of the same ECB+ topic (a different shooting, another earthquake), the
hard negatives. Pairs from two different articles about the *same* event are not scored: ECB+
gathers several outlets' versions of one story, and many are rewrites of the same agency copy
(identical quotes and paragraphs), so no gold says whether they are one source.

Scores are pairwise precision, recall and F1 over the scored pairs, plus, for predicted groups
whose members all come from one article, how often they name an ``original`` and how often that is
the article itself (half the documents carry no date, so direction often rests on content alone).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import combinations, groupby
from pathlib import Path
from xml.etree import ElementTree

from newsdossier.errors import InputError
from newsdossier.evaluate.metrics import prf
from newsdossier.link.copies import find_duplicates
from newsdossier.model import Annotated, Document, DuplicateGroup, Span

__all__ = [
    "BenchArticle",
    "CopiesScores",
    "ECBPLUS_DIR",
    "REPRINT_SEED",
    "add_commands",
    "evaluate_copies",
    "make_reprint_benchmark",
    "read_ecbplus",
    "score_pairs",
]

ECBPLUS_DIR = Path("event-clusters") / "ecbplus" / "ECB+"  # under the shared data folder
REPRINT_SEED = 20221122  # fixed: the benchmark is the same on every run and machine
# Share of articles that get reprinted; the rest are negatives only. A third gives about as many
# positive pairs as there are articles, and leaves every topic with unreprinted same-event reports.
REPRINTED_SHARE = 0.35
MAX_REPRINTS = 3  # reprints per reprinted article: 1..3
VERBATIM_SHARE = 0.1  # reprints copied without any change (exact copies)
EDITED_SENTENCE_SHARE = 0.3  # share of sentences a "light edits" reprint changes
TRUNCATE_KEEP = (0.5, 0.9)  # truncation keeps this share of the body sentences
CHANGES = ("headline", "byline", "furniture", "truncate", "reorder", "drop", "edit")

_SPACE_BEFORE = re.compile(r" ([.,:;!?%)\]}]|'s\b|'re\b|n't\b|'ll\b|'ve\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"([(\[{$]) ")
_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


@dataclass(frozen=True, slots=True)
class BenchArticle:
    """An article of the benchmark: its id, topic, headline and body sentences."""

    id: str
    topic: str
    event: str  # topic and sub-topic: ECB+ topics hold two events, "<topic>" and "<topic>+"
    title: str
    dateline: str | None
    body: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CopiesScores:
    precision: float
    recall: float
    f1: float
    direction_accuracy: float  # of groups from one article that name an original, the share naming it right
    direction_given: float  # share of groups from one article that name an original at all
    documents: int
    gold_pairs: int
    predicted_pairs: int
    true_pairs: int
    same_event_pairs: int = 0  # predicted pairs of two different articles about one event (not scored)
    kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


@cache
def _reprint_data() -> dict:
    return json.loads(resources.files("newsdossier.data").joinpath("copies/reprint.json").read_text("utf-8"))


def _detokenize(tokens: Iterable[str]) -> str:
    text = " ".join(tokens).replace("`` ", '"').replace(" ''", '"')
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return _HYPHEN.sub("-", text)


def read_ecbplus(root: Path) -> list[BenchArticle]:
    """ECB+ articles as headline + body sentences (URL lines dropped), sorted by id."""
    files = sorted(root.glob("*/*.xml"))
    if not files:
        raise InputError(f"no ECB+ articles under {root}")
    articles = []
    for path in files:
        tokens = ElementTree.parse(path).getroot().findall("token")
        sentences = [
            _detokenize(t.text or "" for t in group) for _, group in groupby(tokens, key=lambda t: t.get("sentence"))
        ]
        sentences = [s for s in sentences if s and not s.startswith("http")]
        if len(sentences) < 2:
            continue
        dateline = None
        if path.stem.endswith("ecbplus") and len(sentences) > 2 and len(sentences[1].split()) <= 5:
            dateline = sentences.pop(1)
        event = path.parent.name + ("+" if path.stem.endswith("ecbplus") else "")
        articles.append(BenchArticle(path.stem, path.parent.name, event, sentences[0], dateline, tuple(sentences[1:])))
    return articles


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> list[list[str]]:
    out, n = [], 0
    while n < len(sentences):
        size = rng.randint(1, 3)
        out.append(list(sentences[n : n + size]))
        n += size
    return out


def _fill(template: str, rng: random.Random, day: str) -> str:
    data = _reprint_data()
    return template.format(
        first=rng.choice(data["first_names"]), last=rng.choice(data["last_names"]),
        first2=rng.choice(data["first_names"]), last2=rng.choice(data["last_names"]),
        outlet=rng.choice(data["outlets"]), date=day, year=day[:4],
    )


def _edit_sentence(sentence: str, rng: random.Random) -> str:
    data = _reprint_data()
    tokens = sentence.split(" ")
    choice = rng.random()
    if choice < 0.5:
        spots = [n for n, t in enumerate(tokens) if t in data["word_swaps"] or t in data["number_words"]]
        if spots:
            n = rng.choice(spots)
            tokens[n] = data["word_swaps"].get(tokens[n]) or data["number_words"][tokens[n]]
            return " ".join(tokens)
    if choice < 0.8 and ", " in sentence:
        head = sentence.rsplit(", ", 1)[0]
        if len(head.split()) >= 6:
            return head + "."
    if len(tokens) > 8:
        del tokens[rng.randrange(1, len(tokens) - 1)]
    return " ".join(tokens)


def _reprint(article: BenchArticle, rng: random.Random, day: str) -> tuple[str, list[list[str]]]:
    """A reprint's headline and paragraphs (furniture lines are paragraphs of their own)."""
    data = _reprint_data()
    if rng.random() < VERBATIM_SHARE:
        return article.title, ([[article.dateline]] if article.dateline else []) + _paragraphs(article.body, rng)
    changes = set(rng.sample(CHANGES, rng.randint(2, 4)))
    title = article.title
    body = list(article.body)
    if "headline" in changes:
        lead = " ".join(body[0].split()[: rng.randint(6, 10)]).rstrip(",.;:")
        title = rng.choice(data["headline_prefixes"]) + lead
    if "edit" in changes:
        body = [_edit_sentence(s, rng) if rng.random() < EDITED_SENTENCE_SHARE else s for s in body]
    if "truncate" in changes and len(body) > 4:
        body = body[: max(3, round(len(body) * rng.uniform(*TRUNCATE_KEEP)))]
    paragraphs = _paragraphs(body, rng)
    if "reorder" in changes and len(paragraphs) > 3:
        i, j = rng.sample(range(1, len(paragraphs)), 2)
        paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    if "drop" in changes and len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    top: list[list[str]] = []
    if article.dateline and "byline" not in changes:
        top.append([article.dateline])
    if "byline" in changes:
        top.append([_fill(rng.choice(data["bylines"]), rng, day)])
    if "furniture" in changes:
        top[:0] = [[_fill(rng.choice(data["furniture_top"]), rng, day)]]
        bottom = rng.sample(data["furniture_bottom"], rng.randint(1, 3))
        paragraphs = paragraphs + [[_fill(line, rng, day)] for line in bottom]
    return title, top + paragraphs


def _annotated(doc_id: str, title: str, paragraphs: list[list[str]], published: str | None) -> Annotated:
    parts, sentences, paragraph_spans, offset = [], [], [], 0
    for para in [[title]] + paragraphs:
        start = offset
        for n, sentence in enumerate(para):
            if n:
                parts.append(" ")
                offset += 1
            sentences.append(Span(offset, offset + len(sentence)))
            parts.append(sentence)
            offset += len(sentence)
        paragraph_spans.append(Span(start, offset))
        parts.append("\n\n")
        offset += 2
    text = "".join(parts)
    doc = Document(id=doc_id, path=f"{doc_id}.txt", title=title, published=published,
                   published_basis="metadata" if published else None, author=None, outlet=None, text=text)
    return Annotated(doc=doc, sentences=tuple(sentences), paragraphs=tuple(paragraph_spans))


def make_reprint_benchmark(
    articles: Sequence[BenchArticle], seed: int = REPRINT_SEED
) -> tuple[list[Annotated], dict[str, str]]:
    """The benchmark documents and, for every document, the id of the article it comes from.

    Reprints are named ``<article id>~r<n>``.
    """
    rng = random.Random(seed)
    documents: list[Annotated] = []
    source: dict[str, str] = {}
    for article in articles:
        day = f"20{rng.randint(10, 23):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        published = day if rng.random() < 0.5 else None
        documents.append(_annotated(article.id, article.title, _article_paragraphs(article, rng), published))
        source[article.id] = article.id
        if rng.random() >= REPRINTED_SHARE:
            continue
        for n in range(rng.randint(1, MAX_REPRINTS)):
            reprint_day = day[:-2] + f"{min(28, int(day[-2:]) + rng.randint(0, 2)):02d}"
            title, paragraphs = _reprint(article, rng, reprint_day)
            doc_id = f"{article.id}~r{n}"
            documents.append(_annotated(doc_id, title, paragraphs, reprint_day if rng.random() < 0.5 else None))
            source[doc_id] = article.id
    return documents, source


def _article_paragraphs(article: BenchArticle, rng: random.Random) -> list[list[str]]:
    return ([[article.dateline]] if article.dateline else []) + _paragraphs(article.body, rng)


def _pairs(clusters: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    return {pair for members in clusters for pair in combinations(sorted(members), 2)}


def score_pairs(groups: Sequence[DuplicateGroup], source: dict[str, str], event: dict[str, str]) -> CopiesScores:
    """Pairwise precision / recall / F1 of predicted groups against the documents' sources.

    ``source`` maps each document to the article it comes from, ``event`` each article to its
    event; a predicted pair of different articles about the same event is not scored.
    """
    by_source: dict[str, list[str]] = {}
    for doc, origin in source.items():
        by_source.setdefault(origin, []).append(doc)
    gold = _pairs(by_source.values())
    all_predicted = _pairs(g.members for g in groups)
    predicted = {
        (x, y) for x, y in all_predicted if source[x] == source[y] or event[source[x]] != event[source[y]]
    }
    true = len(gold & predicted)
    p, r, f = prf(true, len(predicted), true, len(gold))
    directed = [g for g in groups if len({source[m] for m in g.members}) == 1 and source[g.members[0]] in g.members]
    named = [g for g in directed if g.original is not None]
    right = sum(1 for g in named if source.get(g.original) == g.original)
    kinds: dict[str, int] = {}
    for g in groups:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    return CopiesScores(
        precision=round(p, 4), recall=round(r, 4), f1=round(f, 4),
        direction_accuracy=round(right / len(named), 4) if named else 0.0,
        direction_given=round(len(named) / len(directed), 4) if directed else 0.0,
        documents=len(source), gold_pairs=len(gold), predicted_pairs=len(predicted), true_pairs=true,
        same_event_pairs=len(all_predicted) - len(predicted), kinds=kinds,
    )


def evaluate_copies(data_dir: Path, seed: int = REPRINT_SEED) -> CopiesScores:
    """Generate the reprint benchmark from ECB+ under ``data_dir`` and score :func:`find_duplicates` on it."""
    articles = read_ecbplus(Path(data_dir) / ECBPLUS_DIR)
    documents, source = make_reprint_benchmark(articles, seed)
    started = time.perf_counter()
    groups = find_duplicates(documents)
    seconds = time.perf_counter() - started
    scores = score_pairs(groups, source, {a.id: a.event for a in articles})
    return CopiesScores(**{**scores.as_dict(), "seconds": round(seconds, 2)})


# --- command line -----------------------------------------------------------------------------


def _default_data_dir() -> Path:
    return Path.cwd().parent / "shared" / "data"


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = eval_sub.add_parser(
        "copies",
        help="score copy and rewrite detection on the generated reprint benchmark",
        description="Generate reprints of ECB+ articles (new headlines, bylines, furniture, truncation, "
        "reordered/dropped paragraphs, light edits; same-topic articles as hard negatives) and print "
        "pairwise precision, recall and F1 as JSON.",
        epilog="example:\n  newsdossier eval copies --data ../shared/data",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data", type=Path, default=None, help="the shared data folder (default ../shared/data)")
    p.add_argument("--seed", type=int, default=REPRINT_SEED, help=f"benchmark seed (default {REPRINT_SEED})")
    p.set_defaults(handler=_run_eval_copies)


def _run_eval_copies(args: argparse.Namespace) -> int:
    scores = evaluate_copies(args.data or _default_data_dir(), args.seed)
    print(json.dumps(scores.as_dict(), indent=2))
    return 0
