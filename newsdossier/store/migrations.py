"""The store's schema, built by numbered migrations recorded in the ``migrations`` table.

Each migration is a function taking the connection, run once inside its own transaction, in
order; its number and name are recorded when it succeeds. Add a new function at the end of
:data:`MIGRATIONS` to change the schema; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x4E444F53  # "NDOS": marks a SQLite file as a newsdossier store (PRAGMA application_id)

# The cross-document result tables: one row per item, in dossier order, the item as JSON.
LINK_TABLES = ("duplicates", "timeline", "claims", "entities", "quotes", "story_pairs")
_INITIAL_LINK_TABLES = ("duplicates", "timeline", "claims", "entities", "quotes")  # what m001 created

# The per-document annotation kinds kept as JSON columns of ``annotations`` (fields of Annotated).
ANNOTATION_COLUMNS = ("sentences", "paragraphs", "timexes", "quantities", "mentions", "quotes")

# Document fields kept as their own columns; any field added to Document later goes in ``extra``.
DOCUMENT_COLUMNS = (
    "id",
    "path",
    "title",
    "published",
    "published_basis",
    "author",
    "outlet",
    "text",
    "removed",
    "url",
    "format",
    "published_evidence",
)


def m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            title TEXT,
            published TEXT,
            published_basis TEXT,
            author TEXT,
            outlet TEXT,
            text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',  -- JSON list of {text, reason, line}
            url TEXT,
            format TEXT NOT NULL DEFAULT 'text',
            published_evidence TEXT,
            extra TEXT NOT NULL DEFAULT '{}'  -- JSON object: Document fields newer than this schema
        )"""
    )
    conn.execute("CREATE INDEX documents_path ON documents (path, id)")
    columns = ",\n".join(f"{name} TEXT NOT NULL DEFAULT '[]'" for name in ANNOTATION_COLUMNS)
    conn.execute(
        f"""CREATE TABLE annotations (
            doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            {columns},
            extra TEXT NOT NULL DEFAULT '{{}}'
        )"""
    )
    conn.execute(
        """CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,  -- derived from (doc, start, end): see database.sentence_rowid
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX sentences_doc ON sentences (doc, start)")
    conn.execute(
        """CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        )"""
    )
    conn.execute(
        """CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
        END"""
    )
    conn.execute(
        """CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END"""
    )
    conn.execute(
        """CREATE TRIGGER sentences_au AFTER UPDATE ON sentences BEGIN
            INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
        END"""
    )
    conn.execute(
        """CREATE TABLE rejections (
            id TEXT PRIMARY KEY,  -- content_id(path, stage, reason, detail)
            path TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL
        )"""
    )
    for table in _INITIAL_LINK_TABLES:
        _create_link_table(conn, table)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)  -- value is JSON")


def _create_link_table(conn: sqlite3.Connection, table: str) -> None:
    conn.execute(
        f"""CREATE TABLE {table} (
            position INTEGER PRIMARY KEY,  -- order in the dossier
            id TEXT NOT NULL,  -- content_id of the item's JSON
            data TEXT NOT NULL  -- the item as JSON (model.as_dict)
        )"""
    )


def m002_dossier_members(conn: sqlite3.Connection) -> None:
    """Which stored documents and rejections make up the last saved dossier (a folder built again
    from other inputs keeps the old documents' rows, but they are not part of the new dossier)."""
    conn.execute(
        "CREATE TABLE dossier_documents (doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE)"
    )
    conn.execute(
        "CREATE TABLE dossier_rejections (rejection TEXT PRIMARY KEY REFERENCES rejections (id) ON DELETE CASCADE)"
    )


def m003_explicit_fts(conn: sqlite3.Connection) -> None:
    """The store keeps ``sentences_fts`` in step itself, in bulk and in rowid order: per-row
    triggers made writing a batch several times slower. Only the store writes ``sentences``."""
    for trigger in ("sentences_ai", "sentences_ad", "sentences_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")


Migration = Callable[[sqlite3.Connection], None]

# Migration number N is MIGRATIONS[N - 1].
def m004_annotation_pipeline(conn: sqlite3.Connection) -> None:
    """Which pipeline made each annotation (a fingerprint of its version and components): a build
    with another pipeline annotates again instead of reusing annotations it did not make."""
    conn.execute("ALTER TABLE annotations ADD COLUMN pipeline TEXT NOT NULL DEFAULT ''")


def m005_story_pairs(conn: sqlite3.Connection) -> None:
    """The "same story?" score of document pairs, a cross-document result like the others."""
    _create_link_table(conn, "story_pairs")


MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_dossier_members,
    m003_explicit_fts,
    m004_annotation_pipeline,
    m005_story_pairs,
)
