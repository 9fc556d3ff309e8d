"""The store: SQLite, the embedded default. See :mod:`newsdossier.store.database`."""

from newsdossier.store.database import Store, sentence_rowid

__all__ = ["Store", "sentence_rowid"]
