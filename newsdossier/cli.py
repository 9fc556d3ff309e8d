"""The command line: each command parses its arguments and calls one importable function.

Errors from :mod:`newsdossier.errors` become a message on stderr and the exception's exit code.
Exit codes: 0 ok, 1 internal error, 2 bad input/arguments, 3 store, 4 model, 5 output,
6 the build finished but rejected every input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from newsdossier import __version__
from newsdossier.errors import NewsdossierError

EXIT_NOTHING_BUILT = 6

Handler = Callable[[argparse.Namespace], int]


def _example(text: str) -> str:
    return f"example:\n  {text}"


def _add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build a dossier from articles",
        description="Ingest, clean and annotate articles, link them across sources, and write "
        "DIR/dossier.sqlite, DIR/dossier.json and DIR/report.html.",
        epilog=_example("newsdossier build articles/ more/*.html feed.warc.gz --out out/event"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", help="files, folders (recursive), globs, or - for JSON Lines on stdin")
    p.add_argument("--out", required=True, help="output folder (created if needed)")
    p.add_argument("--workers", type=int, default=1, help="processes for the per-document stage (default 1)")
    p.add_argument("--pipeline", default="default", help="spaCy pipeline: 'default' (shipped) or an installed package/path")
    p.add_argument("--max-bytes", type=int, default=None, help="reject input files larger than this many bytes")
    p.add_argument("--dct", default=None, help="publication date to assume for documents that state none (YYYY-MM-DD)")
    p.add_argument("--batch-size", type=int, default=None, help="documents per annotation batch (one store transaction each)")
    p.set_defaults(handler=_run_build)


def _run_build(args: argparse.Namespace) -> int:
    from newsdossier.build import build, print_summary
    from newsdossier.settings import Options

    options = Options(
        workers=args.workers,
        pipeline=args.pipeline,
        dct=args.dct,
        progress=not args.quiet,
        **({"max_bytes": args.max_bytes} if args.max_bytes else {}),
        **({"batch_size": args.batch_size} if args.batch_size else {}),
    )
    result = build(args.inputs, args.out, options)
    if not args.quiet:
        print_summary(result)
    return 0 if result.documents or not result.rejections else EXIT_NOTHING_BUILT


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdossier",
        description="Turn a pile of news articles about an event into a cross-source, citation-backed dossier.",
        epilog=_example("newsdossier build examples/corpus --out out/demo"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdossier {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary; errors only")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_build(sub)
    evals = sub.add_parser(
        "eval",
        help="score an extractor on gold data",
        description="Score one extractor against gold data and print its metrics.",
        epilog=_example("newsdossier eval timex --gold gold/ --pred pred/"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    eval_sub = evals.add_subparsers(dest="eval_command", metavar="WHAT", required=True)
    # Each extractor adds its own commands here: one `_add_<name>(sub, eval_sub)` per module.
    for add in _command_adders():
        add(sub, eval_sub)
    return parser


def _command_adders() -> list[Callable[[argparse._SubParsersAction, argparse._SubParsersAction], None]]:
    """Commands that live beside their extractor (each module exposes ``add_commands``)."""
    adders = []
    for module_name in _COMMAND_MODULES:
        module = __import__(module_name, fromlist=["add_commands"])
        adders.append(module.add_commands)
    return adders


# Modules that expose ``add_commands(sub, eval_sub)``; each registers its parsers with
# ``set_defaults(handler=...)`` and an example in its epilog. Add a line when a module lands.
_COMMAND_MODULES: list[str] = [
    "newsdossier.nlp.quantities.commands",
    "newsdossier.evaluate.ner",
    "newsdossier.clean.commands",
    "newsdossier.nlp.timex.commands",
    "newsdossier.report.commands",
    "newsdossier.evaluate.copies",
    "newsdossier.evaluate.similarity",
    "newsdossier.evaluate.quotes",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * args.verbose if not args.quiet else logging.ERROR
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")
    handler: Handler = args.handler
    try:
        return handler(args)
    except NewsdossierError as exc:
        print(f"newsdossier: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsdossier: interrupted; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
