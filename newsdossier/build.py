"""``newsdossier build``: ingest → clean → annotate (per document, resumable) → link → store → outputs.

The per-document stage runs in batches, each batch saved in one store transaction as it finishes,
so a build killed at any point and started again only redoes unfinished batches and ends with
the same dossier. The cross-document stage is recomputed from the store every time: it is
deterministic, so identical inputs give an identical ``dossier.json``.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsdossier.model import Annotated, Document, Dossier, RawRecord, Rejection
from newsdossier.settings import Options


@dataclass(frozen=True, slots=True)
class BuildResult:
    out_dir: Path
    documents: int
    rejections: tuple[Rejection, ...]
    dossier: Dossier
    outputs: dict[str, Path]
    seconds: float
    annotated_now: int  # documents annotated in this run (the rest came from the store)


def build(inputs: Sequence[str], out_dir: str | Path, options: Options = Options()) -> BuildResult:
    """Build the dossier of ``inputs`` into ``out_dir``. Raises InputNotFound before doing anything."""
    from newsdossier.ingest import expand_inputs

    started = time.perf_counter()
    expand_inputs(inputs)  # fail fast on a missing path, before any output is created
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    records, rejections = _ingest(inputs, options)
    documents, clean_rejections = _clean(records)
    rejections += clean_rejections

    from newsdossier.store import Store

    store = Store.open(out / "dossier.sqlite")
    try:
        store.save_rejections(rejections)
        annotated_now = _annotate_missing(store, documents, options)
        wanted = {d.id for d in documents}
        annotated = store.load_annotated(wanted)
        dossier = link(annotated, rejections, options.workers)
        store.save_links(dossier)
    finally:
        store.close()

    from newsdossier.dossier import write_outputs

    outputs = write_outputs(dossier, out)
    outputs["store"] = out / "dossier.sqlite"
    return BuildResult(
        out_dir=out,
        documents=len(dossier.documents),
        rejections=tuple(rejections),
        dossier=dossier,
        outputs=outputs,
        seconds=time.perf_counter() - started,
        annotated_now=annotated_now,
    )


def _ingest(inputs: Sequence[str], options: Options) -> tuple[list[RawRecord], list[Rejection]]:
    from newsdossier.ingest import read_inputs

    records: list[RawRecord] = []
    rejections: list[Rejection] = []
    for item in read_inputs(inputs, options, stdin=sys.stdin):
        (rejections if isinstance(item, Rejection) else records).append(item)
    return records, rejections


def _clean(records: Sequence[RawRecord]) -> tuple[list[Document], list[Rejection]]:
    """Clean every record against the corpus-wide line statistics; one document per distinct id."""
    from newsdossier.clean import CorpusStats, clean_record

    stats = CorpusStats.from_texts(r.text for r in records)
    documents: dict[str, Document] = {}
    rejections: list[Rejection] = []
    for record in records:
        result = clean_record(record, stats)
        if isinstance(result, Rejection):
            rejections.append(result)
        else:
            documents.setdefault(result.id, result)
    return sorted(documents.values(), key=lambda d: (d.path, d.id)), rejections


def _annotate_missing(store, documents: Sequence[Document], options: Options) -> int:
    """Annotate the documents the store does not hold as annotated by this pipeline; save batch by batch."""
    from newsdossier.nlp.pipeline import pipeline_fingerprint

    fingerprint = pipeline_fingerprint(options.pipeline)
    stored = store.annotated_documents(fingerprint)
    todo = [d for d in documents if not _same_source(stored.get(d.id), d)]
    batches = [todo[i : i + options.batch_size] for i in range(0, len(todo), options.batch_size)]
    with _progress(options, len(todo)) as advance:
        for annotated in _run_batches(batches, options):
            store.save_annotated(annotated, fingerprint)
            advance(len(annotated))
    return len(todo)


def _same_source(stored: Document | None, cleaned: Document) -> bool:
    """Whether a stored (annotated) document came from this cleaned one: a date the annotation inferred is no change."""
    if stored is None:
        return False
    if stored.published_basis == "inferred" and cleaned.published is None:
        stored = dataclasses.replace(stored, published=None, published_basis=None, published_evidence=None)
    return stored == cleaned


def _run_batches(batches: list[list[Document]], options: Options) -> Iterator[list[Annotated]]:
    from newsdossier.nlp.pipeline import annotate_batch

    if options.workers <= 1 or len(batches) <= 1:
        for batch in batches:
            yield annotate_batch(batch, options.pipeline, options.dct)
        return
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        futures = [pool.submit(annotate_batch, batch, options.pipeline, options.dct) for batch in batches]
        for future in futures:
            yield future.result()


class _progress:
    """A rich progress bar on stderr for long runs (only on a terminal, and only when asked)."""

    def __init__(self, options: Options, total: int) -> None:
        self.enabled = options.progress and total > 0 and sys.stderr.isatty()
        self.total = total

    def __enter__(self):
        if not self.enabled:
            return lambda n: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("annotating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
        )
        self.bar.__enter__()
        task = self.bar.add_task("annotate", total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.bar.__exit__(*exc)


STORY_PAIR_MIN_SCORE = 0.05  # pairs below this share little beyond common words; listing them only adds noise


def link(annotated: Sequence[Annotated], rejections: Sequence[Rejection], workers: int = 1) -> Dossier:
    """The cross-document stage: copy groups first, since every source count depends on them."""
    from newsdossier.link.claims import build_claims
    from newsdossier.link.copies import find_duplicates
    from newsdossier.link.entities import resolve_entities
    from newsdossier.link.similarity import story_pairs, unrelated_in
    from newsdossier.link.timeline import build_timeline

    groups = find_duplicates(annotated, workers=workers)
    pairs = story_pairs(annotated, min_score=STORY_PAIR_MIN_SCORE)
    unrelated = unrelated_in([a.doc.id for a in annotated], ((p.a, p.b, p.score) for p in pairs))
    return Dossier(
        documents=tuple(a.doc for a in annotated),
        rejections=tuple(sorted(rejections, key=lambda r: (r.path, r.stage, r.reason, r.detail))),
        duplicates=tuple(groups),
        timeline=tuple(build_timeline(annotated, groups)),
        claims=tuple(build_claims(annotated, groups)),
        entities=tuple(resolve_entities(annotated)),
        quotes=tuple(q for a in annotated for q in a.quotes),
        story_pairs=tuple(pairs),
        meta={"unrelated_documents": unrelated},
    )


def print_summary(result: BuildResult) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False)
    d = result.dossier
    table = Table(title=f"newsdossier build — {result.seconds:.1f} s", show_header=False)
    table.add_row("documents", str(result.documents))
    table.add_row("annotated this run", str(result.annotated_now))
    reasons = Counter(r.reason for r in result.rejections)
    table.add_row("rejections", ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items())) or "0")
    for key in ("duplicates", "timeline", "claims", "entities", "quotes"):
        table.add_row(key, str(len(getattr(d, key))))
    for name, path in sorted(result.outputs.items()):
        table.add_row(name, str(path))
    console.print(table)
