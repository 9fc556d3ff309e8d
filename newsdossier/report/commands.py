"""Commands around a built dossier: search its sentences, re-render its outputs, validate a dossier.json.

    newsdossier search DIR WORDS...      sentences of the stored articles containing every word
    newsdossier report DIR               write DIR/dossier.json and DIR/report.html again from the store
    newsdossier validate FILE            check a dossier.json against its JSON Schema
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsdossier.model import as_dict

__all__ = ["add_commands"]

_FORMAT = argparse.RawDescriptionHelpFormatter


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search",
        help="full-text search over the sentences of a built dossier",
        description="Find the sentences of the stored articles that contain every word given "
        "(case and accents ignored), best match first, with document and character offsets.",
        epilog='example:\n  newsdossier search out/event "300 settlements" --limit 5',
        formatter_class=_FORMAT,
    )
    p.add_argument("out", help="the --out folder of a build (holding dossier.sqlite)")
    p.add_argument("words", nargs="+", help="words to find (all must occur in the sentence)")
    p.add_argument("--limit", type=int, default=20, help="at most this many sentences (default 20)")
    p.add_argument("--json", action="store_true", help="print one JSON object per sentence")
    p.set_defaults(handler=_run_search)

    r = sub.add_parser(
        "report",
        help="write dossier.json and report.html again from a build's store",
        description="Re-render DIR/dossier.json and DIR/report.html from DIR/dossier.sqlite without "
        "rebuilding (after an upgrade of the report, say).",
        epilog="example:\n  newsdossier report out/event",
        formatter_class=_FORMAT,
    )
    r.add_argument("out", help="the --out folder of a build")
    r.set_defaults(handler=_run_report)

    v = sub.add_parser(
        "validate",
        help="check a dossier.json against the JSON Schema of the contract",
        description="Validate a dossier.json against schema/dossier.schema.json and check that every "
        "citation points into a document's text. Exit 0 when it holds, 5 (naming the place) when not.",
        epilog="example:\n  newsdossier validate out/event/dossier.json",
        formatter_class=_FORMAT,
    )
    v.add_argument("file", help="a dossier.json")
    v.set_defaults(handler=_run_validate)


def _run_search(args: argparse.Namespace) -> int:
    from newsdossier.dossier import STORE_NAME
    from newsdossier.errors import InputNotFound
    from newsdossier.store import Store

    path = Path(args.out) / STORE_NAME
    if not path.is_file():
        raise InputNotFound(f"{path} does not exist; run `newsdossier build ... --out {args.out}` first")
    with Store.open(path) as store:
        hits = store.search(" ".join(args.words), limit=args.limit)
        paths = {doc.id: doc.path for doc in store.load_documents()} if hits and not args.json else {}
    for hit in hits:
        if args.json:
            print(json.dumps(as_dict(hit), ensure_ascii=False))
        else:
            print(f"{paths.get(hit.doc, hit.doc)} [{hit.start}:{hit.end}]\n    {hit.text}")
    if not hits and not args.quiet:
        print(f"no sentence contains all of: {' '.join(args.words)}", file=sys.stderr)
    return 0


def _run_report(args: argparse.Namespace) -> int:
    from newsdossier.dossier import rewrite_outputs

    for name, path in sorted(rewrite_outputs(args.out).items()):
        if not args.quiet:
            print(f"{name}: {path}")
    return 0


def _run_validate(args: argparse.Namespace) -> int:
    from newsdossier.dossier import validate_file

    data = validate_file(args.file)
    if not args.quiet:
        counts = ", ".join(f"{n} {key}" for key, n in data["meta"]["counts"].items())
        print(f"{args.file}: valid ({counts})")
    return 0
