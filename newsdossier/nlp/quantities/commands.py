"""CLI commands: ``newsdossier quantities INPUT`` and ``newsdossier eval quantities --gold PATH``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsdossier.errors import InputNotFound


def _example(text: str) -> str:
    return f"example:\n  {text}"


def add_commands(sub: argparse._SubParsersAction, eval_sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "quantities",
        help="extract quantities from sentences or JSON Lines",
        description="Read JSON Lines {\"id\", \"text\", \"dct\"?} (or plain text, one sentence per line) and write "
        "one JSON line per input with every quantity: start, end, text, value, low, high, unit, qualifier, counted.",
        epilog=_example("newsdossier quantities sentences.jsonl --format jsonl > quantities.jsonl"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", help="a .jsonl file, a plain text file (one sentence per line), or - for stdin")
    p.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (default jsonl)")
    p.set_defaults(handler=_run_quantities)

    e = eval_sub.add_parser(
        "quantities",
        help="score quantity extraction (value, value+unit, value+bounds P/R/F1)",
        description="Score quantity extraction on MeasEval and/or the Recognizers-Text English specs, "
        "optionally side by side with quantulum3.",
        epilog=_example(
            "newsdossier eval quantities --gold ../shared/data/quantities --system ours --system quantulum3 "
            "--errors errors.jsonl"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    e.add_argument("--gold", required=True, help="MeasEval folder, Recognizers-Text Specs folder, or a folder with both")
    e.add_argument("--system", action="append", choices=["ours", "quantulum3"], help="system(s) to score (default ours)")
    e.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    e.add_argument(
        "--errors",
        metavar="PATH",
        help="also write every value+unit error as JSON Lines (false_positive, miss, wrong_value, wrong_unit)",
    )
    e.set_defaults(handler=_run_eval)


def quantities_jsonl(lines: Iterable[str]) -> Iterator[dict]:
    """One output record per input line: JSON objects with "text" (and "id", "dct"), or plain sentences."""
    import spacy

    from newsdossier.nlp.quantities import find_quantities

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for n, line in enumerate(lines):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        record = _record(line, n)
        doc = nlp(record["text"])
        doc.user_data["dct"] = record.get("dct")
        found = [
            {
                "start": q.start, "end": q.end, "text": q.text, "value": q.value, "low": q.low, "high": q.high,
                "unit": q.unit, "qualifier": q.qualifier, "counted": q.counted,
            }
            for q in find_quantities(doc)
        ]
        yield {"id": record.get("id", n), "text": record["text"], "quantities": found}


def _record(line: str, n: int) -> dict:
    if line.lstrip().startswith("{"):
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            return {"id": n, "text": line}
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            return record
    return {"id": n, "text": line}


def _run_quantities(args: argparse.Namespace) -> int:
    if args.input == "-":
        lines: Iterable[str] = sys.stdin
    else:
        path = Path(args.input)
        if not path.is_file():
            raise InputNotFound(f"no such file: {path}")
        lines = path.open(encoding="utf-8", errors="replace")
    for record in quantities_jsonl(lines):
        print(json.dumps(record, ensure_ascii=False))
    return 0


def _run_eval(args: argparse.Namespace) -> int:
    from newsdossier.evaluate.quantities import evaluate, format_table

    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            results = evaluate(args.gold, args.system or ["ours"], lambda r: out.write(json.dumps(r, ensure_ascii=False) + "\n"))
    else:
        results = evaluate(args.gold, args.system or ["ours"])
    if args.json:
        print(json.dumps({name: s.as_dict() for name, s in results.items()}, indent=2))
    else:
        print(format_table(results))
    return 0
