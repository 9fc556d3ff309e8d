"""What the user named to files: folders (recursive), globs and ``-`` for stdin.

The order is deterministic: arguments in the order given, each folder's files sorted by path.
Hidden files and folders (a name starting with ``.``) inside folders are skipped; a hidden file
named directly is read. Paths are kept as the user spelled them, joined with what was found.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator, Sequence

from newsdossier.errors import InputError, InputNotFound

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """The files (and ``-``) the inputs name, de-duplicated, in a deterministic order.

    Raises :class:`InputNotFound` for a path that does not exist or a glob that matches nothing,
    and :class:`InputError` for a folder with no files in it.
    """
    seen: set[str] = set()
    found: list[str] = []
    for item in inputs:
        for path in _expand_one(item):
            key = path if path == STDIN else os.path.normpath(path)
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _expand_one(item: str) -> Iterator[str]:
    if item == STDIN:
        yield STDIN
        return
    kind = _kind(item)
    if kind == "missing" and _GLOB_CHARS & set(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            raise InputNotFound(f"the pattern {item!r} matches no file")
        for match in matches:
            yield from (_walk(match) if os.path.isdir(match) else [match])
        return
    if kind == "missing":
        raise InputNotFound(f"no such file or folder: {item!r}")
    if kind == "dir":
        files = list(_walk(item))
        if not files:
            raise InputError(f"the folder {item!r} holds no (non-hidden) files")
        yield from files
        return
    yield item  # a file, or something unreadable that read_inputs turns into a rejection


def _kind(path: str) -> str:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "other"  # e.g. permission denied on a parent folder: reported per file, not here
    return "dir" if stat.S_ISDIR(st.st_mode) else "other"


def _walk(folder: str) -> Iterator[str]:
    paths: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths.extend(os.path.join(root, f) for f in files if not f.startswith("."))
    yield from sorted(paths)


__all__ = ["STDIN", "expand_inputs"]
