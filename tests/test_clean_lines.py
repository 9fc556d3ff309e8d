"""Line-level evidence: prose, headlines, labels, separators, numbers, comparison keys."""

from __future__ import annotations

import pytest

from newsdossier.clean.lines import (
    ends_like_sentence,
    is_headline_like,
    is_kicker,
    is_numeric,
    is_prose,
    is_separator,
    line_key,
    same_text,
    word_count,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Azerbaijan's 44-day war", 3), ("U.S. troops left", 3), ("---", 0), ("", 0)],
)
def test_word_count_counts_words(line, expected):
    assert word_count(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("He left.", True), ('"We won."', True), ("Really?”", True), ("Victory Day", False), ("Note:", False)],
)
def test_ends_like_sentence(line, expected):
    assert ends_like_sentence(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The march ended at noon.", True),  # short sentence
        ("Read more.", False),  # too short to be sure; patterns decide
        ("Azerbaijan celebrates third anniversary of victory", False),  # headline
        (" ".join(["word"] * 30), True),  # long line without punctuation is text
    ],
)
def test_is_prose(line, expected):
    assert is_prose(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Azerbaijan Marks Second Anniversary of Victory Day", True),
        ("Will the truce hold?", True),
        ("The march ended at noon.", False),
        ("Politics", False),
        (" ".join(["word"] * 41), False),
    ],
)
def test_is_headline_like(line, expected):
    assert is_headline_like(line) is expected


@pytest.mark.parametrize(("line", "expected"), [("World", True), ("Breaking news", True), ("He left.", False)])
def test_is_kicker(line, expected):
    assert is_kicker(line) is expected


@pytest.mark.parametrize(("line", "expected"), [("---", True), ("* * *", True), ("•", True), ("a-b", False), ("", False)])
def test_is_separator(line, expected):
    assert is_separator(line) is expected


@pytest.mark.parametrize(("line", "expected"), [("100", True), ("1/12", True), ("1,234", True), ("Top 10", False), ("--", False)])
def test_is_numeric(line, expected):
    assert is_numeric(line) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("November 8 – Victory Day", "november 8 - victory day", True),
        ("Victory  Day.", "Victory Day", True),
        ("Victory Day", "Victory Day 1", False),
        ("", "", False),
    ],
)
def test_same_text_ignores_case_spacing_and_dashes(a, b, expected):
    assert same_text(a, b) is expected


def test_line_key_folds_digits_case_and_edges():
    assert line_key("  Views: 1,234 ") == line_key("views: 98,765") == "views: 0,0"
