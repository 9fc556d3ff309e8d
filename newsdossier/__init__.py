"""newsdossier: a cross-source, citation-backed dossier from a pile of news articles."""

from newsdossier.model import (
    Annotated,
    Claim,
    Document,
    Dossier,
    DuplicateGroup,
    Entity,
    Quote,
    RawRecord,
    Rejection,
    TimelineEntry,
)
from newsdossier.settings import Options

__version__ = "0.1.0"

__all__ = [
    "Annotated",
    "Claim",
    "Document",
    "Dossier",
    "DuplicateGroup",
    "Entity",
    "Options",
    "Quote",
    "RawRecord",
    "Rejection",
    "TimelineEntry",
    "__version__",
]
