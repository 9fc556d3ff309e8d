"""The quantity scorer's rules, on hand-written gold: unit folding, counted nouns, hedges outside a gold span."""

from __future__ import annotations

import pytest

from newsdossier.evaluate.quantities import GoldItem, GoldQuantity, Predicted, _first_value, canonical_unit, errors, score


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("km", "kilometre"),
        ("Kilometer", "kilometre"),
        ("kg/m3", "kilogram per cubic metre"),
        ("Kilometer per hour", "kilometre per hour"),
        ("centimeters/millisecond", "centimetre per millisecond"),
        ("°C/min", "degree Celsius per minute"),
        ("miles per hour", "mile per hour"),
        ("participants", "participants"),
    ],
)
def test_canonical_unit_folds_compound_units_part_by_part(written, canonical):
    assert canonical_unit(written) == canonical


@pytest.mark.parametrize(
    "text, value",
    [("1/100", 0.01), ("80/20", 80), ("2 × 10−9", 2e-9), ("10−5 mbar", 1e-5), ("274 participants", 274), ("two", 2), ("5.9 million", 5.9e6)],
)
def test_first_value_reads_the_gold_span_whole(text, value):
    assert _first_value(text) == pytest.approx(value)


def _item(text: str, gold: GoldQuantity, dataset: str = "measeval") -> GoldItem:
    return GoldItem("x", dataset, text, (gold,))


@pytest.mark.parametrize(
    "gold_unit, unit, counted, hit",
    [
        ("participants", None, "participants", True),  # MeasEval names the counted noun as the unit
        ("elderly participants", None, "participants", True),  # its head noun
        ("participants", None, "women", False),
        ("participants", "metre", "participants", False),  # a system unit is compared as a unit
        (None, None, "scenarios", True),  # IsCount, no unit: no unit on either side
        ("kilometre", None, "kilometre", False),  # a unit of measure is never matched by a counted word
    ],
)
def test_score_counted_noun_stands_for_a_gold_noun_unit(gold_unit, unit, counted, hit):
    text = "We recruited 274 participants."
    gold = GoldQuantity(13, 29, "274 participants", 274, gold_unit)
    scores = score([_item(text, gold)], [[Predicted(13, 16, 274, unit, 274, 274, counted)]])
    assert (scores.value, scores.value_unit) == (1, int(hit))


def test_score_bounds_not_scored_where_gold_leaves_out_a_hedge():
    text = "The wall is more than 500 years old."
    gold = GoldQuantity(22, 35, "500 years old", 500, "year", 500, 500, has_bounds=True)
    predicted = [[Predicted(12, 31, 500, "year", 500, None)]]
    scores = score([_item(text, gold, "recognizers/AgeModel")], predicted)
    assert (scores.bounds_gold, scores.bounds_system, scores.value_unit) == (0, 0, 1)


def test_score_bounds_scored_where_gold_span_holds_the_hedge():
    text = "It is more than 30 now."
    gold = GoldQuantity(6, 18, "more than 30", 30, None, 30, None, has_bounds=True)
    scores = score([_item(text, gold, "recognizers/NumberRangeModel")], [[Predicted(6, 18, 30, None, 30, None)]])
    assert (scores.bounds_gold, scores.bounds_system, scores.value_bounds) == (1, 1, 1)


@pytest.mark.parametrize(
    "predicted, kinds",
    [
        ([Predicted(13, 29, 274, None, 274, 274, "participants")], []),
        ([Predicted(13, 16, 275, None, 275, 275)], ["wrong_value"]),
        ([Predicted(13, 16, 274, "metre", 274, 274)], ["wrong_unit"]),
        ([], ["miss"]),
        ([Predicted(0, 2, 12, None, 12, 12)], ["miss", "false_positive"]),
    ],
)
def test_errors_lists_each_value_unit_error_once(predicted, kinds):
    text = "We recruited 274 participants."
    gold = GoldQuantity(13, 29, "274 participants", 274, "participants")
    records = list(errors([_item(text, gold)], [predicted]))
    assert [r["error"] for r in records] == kinds
