"""The reproducible recipe for the shipped English pipeline (``make model``); see docs/model.md.

Nothing here runs at dossier build time: CI and users load the shipped model from ``MODEL_DIR``.
"""

from __future__ import annotations

from newsdossier.models import shipped_model_path

__all__ = ["MODEL_DIR"]

MODEL_DIR = shipped_model_path()
