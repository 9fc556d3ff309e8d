"""CLI: ``newsdossier timex FILE`` tags a text or TimeML file; ``newsdossier eval timex`` scores."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsdossier.errors import InputError, InputNotFound
from newsdossier.evaluate.timeml import TimeMLDocument, is_timeml, parse_timeml, write_timeml
from newsdossier.model import as_dict

__all__ = ["add_commands", "tag_file"]


def _example(text: str) -> str:
    return f"example:\n  {text}"


def tag_file(path: str, dct: str | None = None) -> TimeMLDocument:
    """Tag a plain-text or TimeML file (``-`` = stdin); a TimeML file's own DCT is used unless ``dct`` is given."""
    from newsdossier.nlp.timex import tag_text

    if path == "-":
        raw, name = sys.stdin.read(), "stdin"
    else:
        source = Path(path)
        if not source.is_file():
            raise InputNotFound(f"no such file: {path}")
        try:
            raw = source.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not UTF-8 text: {exc}") from exc
        name = source.stem
    if is_timeml(raw):
        gold = parse_timeml(raw, default_id=name)
        text, docid, dct = gold.text, gold.docid, dct or gold.dct
    else:
        text, docid = raw, name
    return TimeMLDocument(docid=docid, dct=dct, text=text, timexes=tuple(tag_text(text, dct)))


def _run_timex(args: argparse.Namespace) -> int:
    doc = tag_file(args.file, args.dct)
    if args.format == "timeml":
        sys.stdout.write(write_timeml(doc.text, doc.timexes, doc.dct, doc.docid))
    else:
        payload = {"docid": doc.docid, "dct": doc.dct, "timexes": [as_dict(t) for t in doc.timexes]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 0


def _run_eval_timex(args: argparse.Namespace) -> int:
    from newsdossier.evaluate.timex import format_scores, score_dirs, tag_and_score

    scores = score_dirs(args.gold, args.pred) if args.pred else tag_and_score(args.gold)
    if args.json:
        sys.stdout.write(json.dumps(scores.as_dict(), indent=2) + "\n")
    else:
        print(format_scores(scores))
    return 0


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "timex",
        help="tag temporal expressions (TIMEX3) in a text or TimeML file",
        description="Find dates, times, durations and sets in a plain-text or TimeML file and print "
        "them as TimeML or JSON, normalised against the document creation time (DCT).",
        epilog=_example("newsdossier timex article.txt --dct 2021-11-08 --format json"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", help="a UTF-8 text file, a TimeML .tml file, or - for stdin")
    p.add_argument("--dct", default=None, help="document creation time YYYY-MM-DD (default: the TimeML DCT, else none)")
    p.add_argument("--format", choices=["timeml", "json"], default="timeml", help="output format (default timeml)")
    p.set_defaults(handler=_run_timex)

    e = eval_sub.add_parser(
        "timex",
        help="TempEval-3 Task A scores for temporal expressions",
        description="Score predicted TimeML files against gold ones (strict/relaxed extent P/R/F1, type "
        "and value accuracy and F1). Without --pred, tag the gold files' text with their DCTs and score that.",
        epilog=_example("newsdossier eval timex --gold ../shared/data/temporal/tbaq-cleaned"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("--gold", required=True, help="folder of gold .tml files (searched recursively)")
    e.add_argument("--pred", default=None, help="folder of predicted .tml files with the same relative paths")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.set_defaults(handler=_run_eval_timex)
