"""Shared fixtures. Quality gates read ../shared/data when it exists and skip clearly when not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSDOSSIER_SHARED", REPO.parent / "shared"))
SHARED_DATA = SHARED / "data"
SAMPLE_CORPUS = SHARED / "corpus" / "victory-day"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; the test is skipped (with the reason) where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"quality gate needs {SHARED_DATA} (development data), which is absent here")
    return SHARED_DATA


@pytest.fixture(scope="session")
def sample_corpus() -> Path:
    """``../shared/corpus/victory-day``; skipped where it is absent."""
    if not SAMPLE_CORPUS.is_dir():
        pytest.skip(f"needs the sample corpus at {SAMPLE_CORPUS}, which is absent here")
    return SAMPLE_CORPUS
