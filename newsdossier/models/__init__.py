"""Pipelines shipped inside the package: ``en_newsdossier`` (see docs/model.md), CC BY-SA 4.0."""

from __future__ import annotations

from pathlib import Path

__all__ = ["MODEL_NAME", "shipped_model_path"]

MODEL_NAME = "en_newsdossier"


def shipped_model_path() -> Path:
    """The directory of the shipped spaCy pipeline (load it with ``spacy.load``); it may be absent in a bare checkout."""
    return Path(__file__).resolve().parent / MODEL_NAME
