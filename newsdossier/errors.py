"""The exceptions newsdossier raises. Translated to messages and exit codes only in ``cli``.

    NewsdossierError
    ├── InputError            a path or argument the user gave cannot be used (exit 2)
    │   └── InputNotFound     a path that does not exist / a glob that matches nothing
    ├── RecordError           one input record is unusable; becomes a Rejection, the run goes on
    ├── StoreError            the SQLite store is unusable (wrong schema version, corrupt) (exit 3)
    ├── ModelError            the NLP pipeline cannot be loaded (exit 4)
    └── OutputError           the dossier fails its JSON Schema or cannot be written (exit 5)

``RecordError`` carries the ``reason`` code and ``detail`` that go into the rejection.
"""

from __future__ import annotations


class NewsdossierError(Exception):
    exit_code = 1


class InputError(NewsdossierError):
    exit_code = 2


class InputNotFound(InputError):
    pass


class RecordError(NewsdossierError):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class StoreError(NewsdossierError):
    exit_code = 3


class ModelError(NewsdossierError):
    exit_code = 4


class OutputError(NewsdossierError):
    exit_code = 5
