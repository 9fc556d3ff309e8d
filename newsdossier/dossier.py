"""``dossier.json``: the public contract. Build it from a :class:`Dossier`, validate it, write the outputs.

The shape is fixed by ``data/dossier.schema.json`` (JSON Schema 2020-12, also at
``schema/dossier.schema.json`` in the repository) and explained in ``docs/json-contract.md``.
The file is deterministic: documents ordered by path then id, rejections by path, stage, reason and
detail, the cross-document lists in the order the linkers give; no timestamps, so identical inputs
give a byte-identical file.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from newsdossier import __version__
from newsdossier.errors import InputNotFound, OutputError
from newsdossier.model import Document, Dossier, Rejection
from newsdossier.store.codec import from_dict, to_plain

SCHEMA_VERSION = 2  # bump when a key or item field is added to the contract
LIST_KEYS = ("documents", "rejections", "duplicates", "timeline", "claims", "entities", "quotes", "story_pairs")
STORE_NAME = "dossier.sqlite"
JSON_NAME = "dossier.json"
REPORT_NAME = "report.html"
OUTPUT_MODE = 0o644  # written files are readable by others, like any file a user creates


def _document_key(doc: Document) -> tuple[str, str]:
    return (doc.path, doc.id)


def _rejection_key(r: Rejection) -> tuple[str, str, str, str]:
    return (r.path, r.stage, r.reason, r.detail)


def dossier_to_json(d: Dossier) -> dict[str, Any]:
    """The dossier as ``dossier.json`` data: ``meta`` first, then every contract key (empty lists kept)."""
    counts = {key: len(getattr(d, key)) for key in LIST_KEYS}
    meta = {**d.meta, "generator": f"newsdossier {__version__}", "schema_version": SCHEMA_VERSION, "counts": counts}
    return {
        "meta": meta,
        "documents": [to_plain(doc) for doc in sorted(d.documents, key=_document_key)],
        "rejections": [to_plain(r) for r in sorted(d.rejections, key=_rejection_key)],
        **{key: [to_plain(item) for item in getattr(d, key)] for key in LIST_KEYS[2:]},
    }


def dossier_from_json(data: dict[str, Any]) -> Dossier:
    """The inverse of :func:`dossier_to_json` (``meta`` keeps the generated fields)."""
    return from_dict(Dossier, data)


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of ``dossier.json``."""
    text = resources.files("newsdossier").joinpath("data/dossier.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`OutputError` naming the failing path unless ``data`` keeps the contract.

    Beyond the schema, every cited document id must be a document of the dossier and every
    ``start``/``end`` must lie inside that document's text.
    """
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))
    if error is not None:
        raise OutputError(f"dossier.json breaks its schema at {_pointer(error.absolute_path)}: {error.message}")
    for path, problem in _reference_problems(data):
        raise OutputError(f"dossier.json breaks its contract at {path}: {problem}")


@functools.cache
def _validator() -> Any:
    """A validator of the schema with its ``$ref``s written out in place (a third faster on big dossiers)."""
    from jsonschema import Draft202012Validator

    defs = schema()["$defs"]

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.removeprefix("#/$defs/")])
            return {k: inline(v) for k, v in node.items() if k != "$defs"}
        return [inline(v) for v in node] if isinstance(node, list) else node

    return Draft202012Validator(inline(schema()))


def _pointer(parts: Any) -> str:
    return "/" + "/".join(str(p) for p in parts) if parts else "/"


def _reference_problems(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    lengths = {doc["id"]: len(doc["text"]) for doc in data["documents"]}
    for path, ref in _citations(data):
        if ref["doc"] not in lengths:
            yield path, f"document {ref['doc']!r} is not in documents"
        elif not 0 <= ref["start"] <= ref["end"] <= lengths[ref["doc"]]:
            span, size = f"{ref['start']}..{ref['end']}", lengths[ref["doc"]]
            yield path, f"offsets {span} lie outside the document's text ({size} characters)"
    for i, group in enumerate(data["duplicates"]):
        for j, member in enumerate([*group["members"], *([group["original"]] if group["original"] else [])]):
            if member not in lengths:
                yield f"/duplicates/{i}/members/{j}", f"document {member!r} is not in documents"
    for i, entry in enumerate(data["timeline"]):
        for j, source in enumerate(entry["sources"]):
            if source not in lengths:
                yield f"/timeline/{i}/sources/{j}", f"document {source!r} is not in documents"
    for i, entity in enumerate(data["entities"]):
        for j, doc in enumerate(entity.get("outlet_of", ())):
            if doc not in lengths:
                yield f"/entities/{i}/outlet_of/{j}", f"document {doc!r} is not in documents"


def _citations(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ``{doc, start, end}`` in the dossier, with its JSON pointer."""
    for i, entry in enumerate(data["timeline"]):
        for j, ev in enumerate(entry["evidence"]):
            yield f"/timeline/{i}/evidence/{j}", ev
    for i, claim in enumerate(data["claims"]):
        for j, value in enumerate(claim["values"]):
            yield f"/claims/{i}/values/{j}", value
    for i, entity in enumerate(data["entities"]):
        for j, mention in enumerate(entity["mentions"]):
            yield f"/entities/{i}/mentions/{j}", mention
    for i, quote in enumerate(data["quotes"]):
        yield f"/quotes/{i}", quote


def to_text(data: dict[str, Any]) -> str:
    """``dossier.json`` text: indented, UTF-8 as is, ending in a newline; NaN or infinity is an error."""
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError as exc:
        raise OutputError(f"dossier.json cannot hold a value: {exc}") from exc


def write_outputs(d: Dossier, out_dir: str | Path) -> dict[str, Path]:
    """Validate and write ``dossier.json`` and ``report.html`` into ``out_dir``, each atomically."""
    from newsdossier.report import render_report

    out = Path(out_dir)
    data = dossier_to_json(d)
    validate(data)
    json_path = write_atomic(out / JSON_NAME, to_text(data))
    report_path = write_atomic(out / REPORT_NAME, render_report(d))
    return {"json": json_path, "report": report_path}


def rewrite_outputs(out_dir: str | Path) -> dict[str, Path]:
    """Write ``dossier.json`` and ``report.html`` again from ``out_dir/dossier.sqlite`` (no rebuild)."""
    from newsdossier.store import Store

    out = Path(out_dir)
    store_path = out / STORE_NAME
    if not store_path.is_file():
        raise InputNotFound(f"{store_path} does not exist; run `newsdossier build ... --out {out}` first")
    with Store.open(store_path) as store:
        dossier = store.load_dossier()
    return write_outputs(dossier, out)


def validate_file(path: str | Path) -> dict[str, Any]:
    """Read and validate a ``dossier.json``; return its data. Raises :class:`OutputError` naming what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputNotFound(f"{path} does not exist") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OutputError(f"{path} is not a readable JSON file: {exc}") from exc
    if not isinstance(data, dict):
        raise OutputError(f"{path} holds a JSON {type(data).__name__}, not the dossier object")
    validate(data)
    return data


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` so a reader sees the old file or the whole new one, never a part."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, OUTPUT_MODE)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
