"""Ingest: files, folders, globs and stdin to :class:`~newsdossier.model.RawRecord` objects.

    expand_inputs(inputs)              -> the files the user named (raises InputNotFound)
    read_inputs(inputs, options, stdin) -> RawRecord | Rejection, one file at a time

Modules: ``paths`` (expansion), ``sniff`` (format from bytes and name), ``decode`` (encodings),
``text`` (newlines, empty check), ``html`` (trafilatura), ``warc`` (warcio), ``records``
(JSON/JSONL), ``reader`` (the generator that ties them together). After ingest nothing needs
trafilatura or warcio.
"""

from __future__ import annotations

from newsdossier.ingest.paths import expand_inputs
from newsdossier.ingest.reader import read_file, read_inputs

# Rejection reasons ingest gives, each with a detail sentence saying what to do.
REASONS = (
    "empty",             # 0 bytes, or only whitespace
    "binary",            # an image, archive, document or other non-text file
    "undecodable",       # bytes that fit no text encoding
    "too-large",         # over Options.max_bytes (a file, or a WARC response / JSON line)
    "unreadable",        # permission denied, or vanished
    "not-a-file",        # a pipe, socket or device
    "truncated",         # a WARC archive that breaks off
    "malformed-json",    # a JSON file or line that does not parse, or is not an object
    "missing-text",      # a JSON record with neither 'text' nor 'html'
    "no-article-text",   # an HTML page with no main text
    "no-html-responses", # a WARC archive with no HTML 200 response
)

__all__ = ["REASONS", "expand_inputs", "read_file", "read_inputs"]
