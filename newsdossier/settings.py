"""One options object, built at the edge (CLI or caller) and passed down unchanged.

Change a copy with ``dataclasses.replace(options, field=value)``.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # larger inputs are rejected as "too-large"; no news article is near this
DEFAULT_BATCH_SIZE = 64  # documents per worker task: large enough to amortise pickling, small enough to resume


@dataclass(frozen=True, slots=True)
class Options:
    max_bytes: int = DEFAULT_MAX_BYTES
    pipeline: str = "default"  # "default" = the shipped pipeline; or any installed spaCy package/path
    workers: int = 1  # processes for the per-document stage
    batch_size: int = DEFAULT_BATCH_SIZE
    dct: str | None = None  # document creation time to assume when a document states none
    progress: bool = True
