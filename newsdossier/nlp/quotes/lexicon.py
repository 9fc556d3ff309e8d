"""Load the quote extractor's word lists from ``newsdossier/data/quotes/cues.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "quotes"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Lower-case word sets; ``phrases`` are word tuples; ``pronouns`` map to the mention type they resolve to."""

    strong: frozenset[str]
    weak: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    pronouns: dict[str, str]
    between: frozenset[str]
    passive: frozenset[str]
    aspect_before_to: frozenset[str]
    capitalised_nouns: frozenset[str]
    stop: frozenset[str]
    not_speakers: frozenset[str]
    skip_openers: frozenset[str]

    def is_cue(self, word: str) -> bool:
        return word in self.strong or word in self.weak


@lru_cache(maxsize=1)
def load() -> CueLexicon:
    data = tomllib.loads((DATA_DIR / "cues.toml").read_text(encoding="utf-8"))
    cues, speaker = data["cues"], data["speaker"]
    return CueLexicon(
        strong=frozenset(cues["strong"]),
        weak=frozenset(cues["weak"]) - frozenset(cues["strong"]),
        phrases=tuple(tuple(p.split()) for p in cues["phrases"]),
        pronouns=dict(speaker["pronouns"]),
        between=frozenset(speaker["between"]),
        passive=frozenset(speaker["passive"]),
        aspect_before_to=frozenset(speaker["aspect_before_to"]),
        capitalised_nouns=frozenset(speaker["capitalised_nouns"]),
        stop=frozenset(speaker["stop"]),
        not_speakers=frozenset(speaker["not_speakers"]),
        skip_openers=frozenset(data["content"]["skip_openers"]),
    )
