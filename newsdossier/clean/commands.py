"""Command line for the cleaner: see what it removes, and measure what it keeps.

    newsdossier clean INPUT... [--json]     cleaned documents: metadata and removed lines (or JSON Lines)
    newsdossier eval clean INPUT...         sentence retention and removed lines by reason
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from newsdossier.clean.document import clean_record
from newsdossier.clean.evaluate import score_records
from newsdossier.clean.stats import CorpusStats
from newsdossier.model import Document, RawRecord, Rejection, as_dict
from newsdossier.settings import Options

__all__ = ["add_commands", "clean_inputs", "read_records"]


def read_records(inputs: Sequence[str], options: Options | None = None) -> tuple[list[RawRecord], list[Rejection]]:
    """Ingest ``inputs`` (files, folders, globs, ``-``) into raw records and ingest rejections."""
    from newsdossier.ingest import read_inputs

    records: list[RawRecord] = []
    rejections: list[Rejection] = []
    for item in read_inputs(list(inputs), options or Options(progress=False), stdin=sys.stdin):
        (rejections if isinstance(item, Rejection) else records).append(item)
    return records, rejections


def clean_inputs(inputs: Sequence[str], options: Options | None = None) -> list[Document | Rejection]:
    """Ingest and clean ``inputs`` with corpus statistics over all of them; rejections included."""
    records, rejections = read_records(inputs, options)
    stats = CorpusStats.from_texts(r.text for r in records)
    return [*rejections, *(clean_record(r, stats) for r in records)]


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean",
        help="show what cleaning removes from articles and which metadata it reads",
        description="Ingest and clean articles; print each document's title, date, author, outlet and the "
        "furniture lines removed (with the rule that removed them), or the documents as JSON Lines.",
        epilog="example:\n  newsdossier clean articles/ --json > cleaned.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", help="files, folders (recursive), globs, or - for JSON Lines on stdin")
    p.add_argument("--json", action="store_true", help="print one JSON object per document or rejection")
    p.set_defaults(handler=_run_clean)

    e = eval_sub.add_parser(
        "clean",
        help="sentence retention of the cleaner",
        description="Clean the inputs and report the share of sentence-like lines kept, the titles found, "
        "and the removed lines by reason (JSON).",
        epilog="example:\n  newsdossier eval clean ../shared/data/quotes/polnear/data",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("inputs", nargs="+", help="files, folders (recursive) or globs of articles")
    e.add_argument("--examples", type=int, default=10, help="how many lost sentences to list (default 10)")
    e.set_defaults(handler=_run_eval)


def _run_clean(args: argparse.Namespace) -> int:
    for item in clean_inputs(args.inputs):
        if args.json:
            print(json.dumps({"kind": type(item).__name__.lower(), **as_dict(item)}, ensure_ascii=False))
        elif isinstance(item, Rejection):
            print(f"{item.path}: rejected at {item.stage} ({item.reason}): {item.detail}\n")
        else:
            print(_describe(item))
    return 0


def _describe(doc: Document) -> str:
    lines = [
        doc.path,
        f"  title:     {doc.title}",
        f"  published: {doc.published} ({doc.published_basis}; from {doc.published_evidence!r})",
        f"  author:    {doc.author}",
        f"  outlet:    {doc.outlet}",
        f"  removed:   {len(doc.removed)} lines",
        *(f"    {r.line:>4} {r.reason:<18} {r.text[:100]}" for r in doc.removed),
    ]
    return "\n".join(lines) + "\n"


def _run_eval(args: argparse.Namespace) -> int:
    records, _ = read_records(args.inputs)
    scores = score_records(records, max_examples=args.examples)
    print(json.dumps({**scores.as_dict(), "lost_examples": scores.lost_examples}, indent=2, ensure_ascii=False))
    return 0
