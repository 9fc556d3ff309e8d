"""The SQLite store: the only module that imports :mod:`sqlite3`.

Rows are dicts, ids come from content, every write is one transaction, and the schema is built by
the numbered migrations in :mod:`newsdossier.store.migrations`. The database runs in WAL mode, so a
process killed at any point leaves the store as of its last committed batch.

    store = Store.open("out/dossier.sqlite")
    store.save_annotated(batch)           # one transaction per batch, upsert by document id
    store.save_links(dossier)             # cross-document results, replaced as a whole
    dossier = store.load_dossier()
    store.close()
"""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsdossier.errors import StoreError
from newsdossier.model import (
    Annotated,
    Claim,
    Document,
    Dossier,
    DuplicateGroup,
    Entity,
    Evidence,
    Quote,
    StoryPair,
    Rejection,
    TimelineEntry,
    content_id,
)
from newsdossier.store.codec import from_dict, to_json, to_plain
from newsdossier.store.migrations import (
    ANNOTATION_COLUMNS,
    APPLICATION_ID,
    DOCUMENT_COLUMNS,
    LINK_TABLES,
    MIGRATIONS,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000  # wait this long for another writer (e.g. a second build) before failing
ROWID_MASK = (1 << 63) - 1  # sentence rowids are content hashes cut to SQLite's positive int64 range
DEFAULT_SEARCH_LIMIT = 20

# Dossier attribute -> the stage class of its items, for the cross-document tables.
LINK_TYPES: dict[str, type] = {
    "duplicates": DuplicateGroup,
    "timeline": TimelineEntry,
    "claims": Claim,
    "entities": Entity,
    "quotes": Quote,
    "story_pairs": StoryPair,
}
assert tuple(LINK_TYPES) == LINK_TABLES

# Tables and the key that orders them, for :meth:`Store.dump`.
_DUMP_ORDER = {
    "migrations": "id",
    "documents": "id",
    "annotations": "doc",
    "sentences": "id",
    "rejections": "id",
    "meta": "key",
    "dossier_documents": "doc",
    "dossier_rejections": "rejection",
    **{table: "position" for table in LINK_TABLES},
}


def sentence_rowid(doc: str, start: int, end: int) -> int:
    """The integer id of a sentence row, derived from its document and offsets (FTS5 needs integers)."""
    return int(content_id(doc, str(start), str(end)), 16) & ROWID_MASK


def rejection_id(rejection: Rejection) -> str:
    return content_id(rejection.path, rejection.stage, rejection.reason, rejection.detail)


class Store:
    """A newsdossier store on one SQLite file. Open with :meth:`Store.open`; usable as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating and migrating as needed) the store at ``path``; ``":memory:"`` works too.

        Raises :class:`StoreError` for a file that is not a newsdossier store, or one written by a
        newer version (a schema with migrations this version does not know).
        """
        name = str(path)
        if name != ":memory:":
            _check_header(Path(name))
        try:
            conn = sqlite3.connect(name, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {name}: {exc}") from exc
        conn.row_factory = _dict_row
        store = cls(conn, name)
        try:
            store._configure()
            store._migrate()
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{name} is not a usable newsdossier store: {exc}") from exc
        except StoreError:
            conn.close()
            raise
        return store

    def _configure(self) -> None:
        self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: safe against a killed process

    def _migrate(self) -> None:
        app_id = self._conn.execute("PRAGMA application_id").fetchone()["application_id"]
        tables = self._conn.execute("SELECT count(*) AS n FROM sqlite_master").fetchone()["n"]
        if app_id == 0 and tables == 0:
            with self.transaction():
                self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._conn.execute("CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        elif app_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is a SQLite database but not a newsdossier store")
        applied = self._conn.execute("SELECT coalesce(max(id), 0) AS n FROM migrations").fetchone()["n"]
        if applied > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {applied}, newer than this newsdossier "
                f"({len(MIGRATIONS)}); upgrade newsdossier or build into a new folder"
            )
        for number, migration in enumerate(MIGRATIONS[applied:], start=applied + 1):
            with self.transaction():
                migration(self._conn)
                self._conn.execute("INSERT INTO migrations (id, name) VALUES (?, ?)", (number, migration.__name__))

    @property
    def schema_version(self) -> int:
        return self._conn.execute("SELECT max(id) AS n FROM migrations").fetchone()["n"]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"writing to the store {self.path} failed: {exc}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- per-document results ---------------------------------------------------------------

    def annotated_ids(self) -> set[str]:
        """Ids of the documents already annotated (a resumed build skips them)."""
        return {row["doc"] for row in self._conn.execute("SELECT doc FROM annotations")}

    def save_annotated(self, batch: Sequence[Annotated], pipeline: str = "") -> None:
        """Upsert documents with their annotations and sentences, the whole batch in one transaction.

        ``pipeline`` fingerprints what made the annotations (see :meth:`annotated_documents`)."""
        with self.transaction() as conn:
            stale: list[tuple[int, str]] = []
            fresh: list[tuple[int, str, int, int, str]] = []
            for annotated in batch:
                _upsert(conn, "documents", _document_row(annotated.doc), key="id")
                _upsert(conn, "annotations", {**_annotation_row(annotated), "pipeline": pipeline}, key="doc")
                _diff_sentences(conn, annotated, stale, fresh)
            _write_sentences(conn, stale, sorted(fresh))

    def save_documents(self, docs: Sequence[Document]) -> None:
        """Upsert documents alone (without annotations), in one transaction."""
        with self.transaction() as conn:
            for doc in docs:
                _upsert(conn, "documents", _document_row(doc), key="id")

    def load_annotated(self, ids: Collection[str] | None = None) -> list[Annotated]:
        """The annotated documents (all, or those whose id is in ``ids``), ordered by input path then id."""
        columns = ", ".join(f"a.{c} AS a_{c}" for c in ANNOTATION_COLUMNS)
        query = f"SELECT d.*, {columns}, a.extra AS a_extra FROM documents d JOIN annotations a ON a.doc = d.id"
        with self._selected(ids) as where:
            rows = self._conn.execute(f"{query} {where} ORDER BY d.path, d.id")
            return [_annotated_from_row(row) for row in rows]

    def annotated_documents(self, pipeline: str | None = None) -> dict[str, Document]:
        """The documents that have annotations (made by ``pipeline``, when given), by id, without
        reading the annotations (cheap): a resumed build annotates only documents missing here or
        stored with different content."""
        where, args = ("WHERE a.pipeline = ?", (pipeline,)) if pipeline is not None else ("", ())
        rows = self._conn.execute(f"SELECT d.* FROM documents d JOIN annotations a ON a.doc = d.id {where}", args)
        return {row["id"]: _document_from_row(row) for row in rows}

    @contextmanager
    def _selected(self, ids: Collection[str] | None) -> Iterator[str]:
        """A WHERE clause limiting ``d.id`` to ``ids`` (through a temporary table), or none."""
        if ids is None:
            yield ""
            return
        self._conn.execute("CREATE TEMP TABLE IF NOT EXISTS selected (id TEXT PRIMARY KEY)")
        self._conn.execute("DELETE FROM selected")
        self._conn.executemany("INSERT OR IGNORE INTO selected (id) VALUES (?)", [(i,) for i in ids])
        try:
            yield "WHERE d.id IN (SELECT id FROM selected)"
        finally:
            self._conn.execute("DELETE FROM selected")

    def load_documents(self) -> list[Document]:
        """Every stored document, ordered by input path then id."""
        rows = self._conn.execute("SELECT * FROM documents ORDER BY path, id")
        return [_document_from_row(row) for row in rows]

    def save_rejections(self, rejections: Sequence[Rejection]) -> None:
        """Record rejections (keyed by their content, so recording one twice keeps one row)."""
        with self.transaction() as conn:
            _insert_rejections(conn, rejections)

    def load_rejections(self) -> list[Rejection]:
        rows = self._conn.execute(
            "SELECT path, stage, reason, detail FROM rejections ORDER BY path, stage, reason, detail"
        )
        return [Rejection(**row) for row in rows]

    # --- cross-document results -------------------------------------------------------------

    def save_links(self, dossier: Dossier) -> None:
        """Replace the saved dossier in one transaction: which documents and rejections it holds,
        its cross-document results and ``meta``. Its documents must be stored already (they are
        saved with their annotations); its rejections are recorded here if they are not."""
        with self.transaction() as conn:
            _insert_rejections(conn, dossier.rejections)
            conn.execute("DELETE FROM dossier_documents")
            conn.executemany(
                "INSERT OR IGNORE INTO dossier_documents (doc) VALUES (?)", [(d.id,) for d in dossier.documents]
            )
            conn.execute("DELETE FROM dossier_rejections")
            conn.executemany(
                "INSERT OR IGNORE INTO dossier_rejections (rejection) VALUES (?)",
                [(rejection_id(r),) for r in dossier.rejections],
            )
            for table in LINK_TABLES:
                conn.execute(f"DELETE FROM {table}")
                rows = []
                for position, item in enumerate(getattr(dossier, table)):
                    data = to_json(to_plain(item))
                    rows.append((position, content_id(data), data))
                conn.executemany(f"INSERT INTO {table} (position, id, data) VALUES (?, ?, ?)", rows)
            conn.execute("DELETE FROM meta")
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [(key, to_json(value)) for key, value in sorted(dossier.meta.items())],
            )

    def load_dossier(self) -> Dossier:
        """The dossier last saved with :meth:`save_links` (before any: every stored document and rejection)."""
        links: dict[str, Any] = {}
        for table, cls in LINK_TYPES.items():
            rows = self._conn.execute(f"SELECT data FROM {table} ORDER BY position")
            links[table] = tuple(from_dict(cls, json.loads(row["data"])) for row in rows)
        meta = {row["key"]: json.loads(row["value"]) for row in self._conn.execute("SELECT * FROM meta ORDER BY key")}
        saved = self._conn.execute(
            "SELECT EXISTS (SELECT 1 FROM dossier_documents) OR EXISTS (SELECT 1 FROM dossier_rejections) AS saved"
        ).fetchone()["saved"]
        documents, rejections = self.load_documents(), self.load_rejections()
        if saved:
            doc_ids = {row["doc"] for row in self._conn.execute("SELECT doc FROM dossier_documents")}
            rejection_ids = {row["rejection"] for row in self._conn.execute("SELECT rejection FROM dossier_rejections")}
            documents = [d for d in documents if d.id in doc_ids]
            rejections = [r for r in rejections if rejection_id(r) in rejection_ids]
        return Dossier(documents=tuple(documents), rejections=tuple(rejections), meta=meta, **links)

    # --- search and inspection --------------------------------------------------------------

    def search(self, query: str, limit: int = DEFAULT_SEARCH_LIMIT) -> list[Evidence]:
        """Sentences containing every word of ``query`` (full-text, case- and accent-insensitive), best first."""
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self._conn.execute(
            'SELECT s.doc, s.start, s."end", s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid '
            "WHERE sentences_fts MATCH ? ORDER BY f.rank, s.doc, s.start LIMIT ?",
            (match, limit),
        )
        return [Evidence(**row) for row in rows]

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table (full-text index aside), in key order: two equal dumps are equal stores."""
        return {
            table: self._conn.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
            for table, key in _DUMP_ORDER.items()
        }

    def check(self) -> None:
        """Raise :class:`StoreError` unless the database and its full-text index are intact."""
        try:
            result = self._conn.execute("PRAGMA integrity_check").fetchone()["integrity_check"]
            self._conn.execute("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path} is damaged: {exc}") from exc
        if result != "ok":
            raise StoreError(f"{self.path} is damaged: {result}")


# --- rows ---------------------------------------------------------------------------------------


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {col[0]: value for col, value in zip(cursor.description, row, strict=True)}


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc}") from exc
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{path} is not a newsdossier store (not a SQLite database)")


def _insert_rejections(conn: sqlite3.Connection, rejections: Sequence[Rejection]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO rejections (id, path, stage, reason, detail) VALUES (?, ?, ?, ?, ?)",
        [(rejection_id(r), r.path, r.stage, r.reason, r.detail) for r in rejections],
    )


def _upsert(conn: sqlite3.Connection, table: str, row: dict[str, Any], key: str) -> None:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in row if c != key)
    conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT ({key}) DO UPDATE SET {updates}",
        tuple(row.values()),
    )


def _document_row(doc: Document) -> dict[str, Any]:
    data = to_plain(doc)
    row = {column: data.pop(column, None) for column in DOCUMENT_COLUMNS}
    row["removed"] = to_json(row["removed"] or [])
    row["extra"] = to_json(data)
    return row


def _document_from_row(row: dict[str, Any]) -> Document:
    data = json.loads(row["extra"])
    data.update({column: row[column] for column in DOCUMENT_COLUMNS})
    data["removed"] = json.loads(row["removed"])
    return from_dict(Document, data)


def _annotation_row(annotated: Annotated) -> dict[str, Any]:
    data = {f.name: to_plain(getattr(annotated, f.name)) for f in dataclasses.fields(annotated) if f.name != "doc"}
    row: dict[str, Any] = {"doc": annotated.doc.id}
    row.update({column: to_json(data.pop(column, [])) for column in ANNOTATION_COLUMNS})
    row["extra"] = to_json(data)
    return row


def _annotated_from_row(row: dict[str, Any]) -> Annotated:
    data = json.loads(row["a_extra"])
    data.update({column: json.loads(row[f"a_{column}"]) for column in ANNOTATION_COLUMNS})
    return from_dict(Annotated, data, doc=_document_from_row(row))


def _diff_sentences(
    conn: sqlite3.Connection,
    annotated: Annotated,
    stale: list[tuple[int, str]],
    fresh: list[tuple[int, str, int, int, str]],
) -> None:
    """Add to ``stale`` the document's stored sentences it no longer has (id, text), and to
    ``fresh`` the rows it has that are not stored."""
    doc = annotated.doc
    wanted = {
        sentence_rowid(doc.id, s.start, s.end): (doc.id, s.start, s.end, doc.text[s.start : s.end])
        for s in annotated.sentences
    }
    have = {row["id"]: row["text"] for row in conn.execute("SELECT id, text FROM sentences WHERE doc = ?", (doc.id,))}
    stale += [(i, text) for i, text in have.items() if i not in wanted or wanted[i][3] != text]
    fresh += [(i, *row) for i, row in wanted.items() if have.get(i) != row[3]]


def _write_sentences(
    conn: sqlite3.Connection, stale: list[tuple[int, str]], fresh: list[tuple[int, str, int, int, str]]
) -> None:
    """Remove ``stale`` and add ``fresh`` sentence rows, keeping the full-text index in step.

    FTS5 buffers a transaction's rows cheaply only while rowids ascend, so ``fresh`` comes sorted.
    """
    conn.executemany("INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', ?, ?)", stale)
    conn.executemany("DELETE FROM sentences WHERE id = ?", [(i,) for i, _ in stale])
    conn.executemany('INSERT INTO sentences (id, doc, start, "end", text) VALUES (?, ?, ?, ?, ?)', fresh)
    conn.executemany("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)", [(i, text) for i, *_, text in fresh])
