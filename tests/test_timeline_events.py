"""find_event_mentions: dated clauses of one document."""

from __future__ import annotations

import dataclasses

import pytest

from newsdossier.link.events import find_event_mentions, stem
from test_timeline_helpers import annotated


def dates_of(doc):
    return [(m.date, m.until) for m in find_event_mentions(doc)]


@pytest.mark.parametrize(
    "text,published,marks,expected",
    [
        pytest.param(
            "The war took place between September 27 and November 9, 2020, in the region.",
            None,
            [("September 27", "2020-09-27"), ("November 9, 2020", "2020-11-09")],
            [("2020-09-27", "2020-11-09")],
            id="between-and-is-an-interval",
        ),
        pytest.param(
            "Talks ran from March 3 to March 5, 2021, in Vienna without a result.",
            None,
            [("March 3", "2021-03-03"), ("March 5, 2021", "2021-03-05")],
            [("2021-03-03", "2021-03-05")],
            id="from-to-is-an-interval",
        ),
        pytest.param(
            "2023-11-08 16:51:00\nThe army launched an operation on Sept. 19, 2023, in the region.",
            "2023-11-08",
            [("2023-11-08", "2023-11-08"), ("Sept. 19, 2023", "2023-09-19")],
            [("2023-09-19", None)],
            id="dateline-is-skipped",
        ),
        pytest.param(
            "Shortly before the 2020 war, the regime held an inauguration. In 2019 protests spread across the country.",
            None,
            [("2020", "2020"), ("2019", "2019")],
            [("2019", None)],
            id="year-as-modifier-is-skipped",
        ),
        pytest.param(
            "The president signed an order establishing November 8 as Victory Day in the country.",
            None,
            [("November 8", "XXXX-11-08")],
            [],
            id="recurring-day-is-skipped",
        ),
        pytest.param(
            "Azerbaijan celebrated the second anniversary of the historic victory on November 8, 2020, ending the war.",
            "2022-11-08",
            [("November 8, 2020", "2020-11-08")],
            [("2022-11-08", None)],
            id="anniversary-dated-to-the-celebration",
        ),
        pytest.param(
            "Crowds celebrated the liberation of the city on May 9, 1945, with parades and fireworks.",
            "2020-05-09",
            [("May 9, 1945", "1945-05-09")],
            [("2020-05-09", None)],
            id="commemoration-without-ordinal-takes-the-dct",
        ),
        pytest.param(
            "Crowds celebrated the liberation of the city on May 9, 1945, with parades and fireworks.",
            None,
            [("May 9, 1945", "1945-05-09")],
            [],
            id="commemoration-without-dct-is-skipped",
        ),
        pytest.param(
            "On November 8, 2021, the Republic celebrates Victory Day with a parade in the capital.",
            "2021-11-08",
            [("November 8, 2021", "2021-11-08")],
            [("2021-11-08", None)],
            id="commemoration-own-date-is-kept",
        ),
        pytest.param(
            "The army restored control over the city on November 8, 2020, during the final days of the war, "
            "which took place between September 27 and November 9, 2020.",
            None,
            [("November 8, 2020", "2020-11-08"), ("September 27", "2020-09-27"), ("November 9, 2020", "2020-11-09")],
            [("2020-11-08", None), ("2020-09-27", "2020-11-09")],
            id="two-dates-two-clauses",
        ),
    ],
)
def test_find_event_mentions_dates(text, published, marks, expected):
    assert dates_of(annotated("d", text, published, *marks)) == expected


def test_find_event_mentions_clauses_split_between_dates():
    text = (
        "The army restored control over the city on November 8, 2020, during the final days of the war, "
        "which took place between September 27 and November 9, 2020."
    )
    doc = annotated("d", text, None, ("November 8, 2020", "2020-11-08"), ("September 27", "2020-09-27"),
                    ("November 9, 2020", "2020-11-09"))
    first, second = find_event_mentions(doc)
    assert first.text == "The army restored control over the city on November 8, 2020"
    assert second.text.startswith("during the final days of the war")
    assert all(text[m.start : m.end] == m.text for m in (first, second))


def test_find_event_mentions_opening_date_keeps_the_clause_after_it():
    text = "On December 3, 2020, the president signed an order, and on December 5, 2020, parliament approved it."
    doc = annotated("d", text, None, ("December 3, 2020", "2020-12-03"), ("December 5, 2020", "2020-12-05"))
    first, second = find_event_mentions(doc)
    assert "signed an order" in first.text
    assert "parliament approved" in second.text and "signed" not in second.text


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The war began on September 27, 2020, after shelling.", "begin"),
        ("A statement signed on November 10, 2020 ended the war.", "sign"),
        ("Forces liberated the city on Nov. 8, 2020, after weeks of fighting.", "capture"),
    ],
)
def test_find_event_mentions_kind_nearest_the_date(text, kind):
    surface = next(s for s in ("September 27, 2020", "November 10, 2020", "Nov. 8, 2020") if s in text)
    (mention,) = find_event_mentions(annotated("d", text, None, (surface, "2020-01-01")))
    assert mention.kind == kind


@pytest.mark.parametrize(
    "word,stemmed",
    [("liberated", "liberat"), ("liberation", "liberat"), ("liberating", "liberat"), ("signed", "sign"), ("was", "was")],
)
def test_stem_strips_suffixes(word, stemmed):
    assert stem(word) == stemmed


def test_find_event_mentions_opening_date_without_a_later_break_keeps_the_words():
    text = "On December 3, 2020, the president signed an order establishing November 8 as a holiday."
    doc = annotated("d", text, None, ("December 3, 2020", "2020-12-03"), ("November 8", "2021-11-08"))
    first = find_event_mentions(doc)[0]
    assert first.date == "2020-12-03" and "signed an order" in first.text


def test_find_event_mentions_years_ago_on_this_day_is_that_day_back_then():
    text = "Two years ago on this day, the forces liberated the city after weeks of fighting."
    doc = annotated("d", text, "2022-11-08", ("Two years ago", "2020"), ("this day", "2022-11-08"))
    assert dates_of(doc) == [("2020-11-08", None)]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The index was 2% above the start of the day on March 3, 2009, traders said.", None),
        ("The strike ended on March 3, 2009, after the end of the month talks.", "end"),
    ],
)
def test_find_event_mentions_period_words_are_not_happenings(text, kind):
    (mention,) = find_event_mentions(annotated("d", text, None, ("March 3, 2009", "2009-03-03")))
    assert mention.kind == kind


def test_find_event_mentions_repeated_date_in_a_sentence_is_one_mention():
    text = "Today the president presented a plan following the 12:00 UTC announcement by the firm."
    doc = annotated("d", text, "2009-06-01", ("Today", "2009-06-01"), ("12:00 UTC", "2009-06-01T12:00"))
    (mention,) = find_event_mentions(doc)
    assert mention.text == text


def test_find_event_mentions_marked_is_not_a_commemoration():
    text = "The offensive, which marked a turning point, began on September 27, 2020, at dawn."
    doc = annotated("d", text, "2023-11-08", ("September 27, 2020", "2020-09-27"))
    assert dates_of(doc) == [("2020-09-27", None)]


def test_find_event_mentions_rejoins_a_fragment_split_off_a_sentence():
    from newsdossier.model import Span

    text = "The government spent three years since the end of the war on Nov. 10, 2020, rebuilding roads."
    doc = annotated("d", text, "2023-11-08", ("Nov. 10, 2020", "2020-11-10"))
    cut = text.index("on Nov.")
    split = dataclasses.replace(doc, sentences=(Span(0, cut - 1), Span(cut, len(text))))
    (mention,) = find_event_mentions(split)
    assert mention.kind == "end" and mention.text.startswith("The government")


@pytest.mark.parametrize(
    "text,surface,value,kept",
    [
        ("The firm lost money in 2005 on cars.", "2005", "2005", True),
        ("The firm plans to close twelve plants by 2008 to save money.", "2008", "2008", False),
        ("Sales fell sharply during March 2009 across the country.", "March 2009", "2009-03", True),
        ("Resolutions remained outstanding since 1993 in the region.", "1993", "1993", False),
    ],
)
def test_find_event_mentions_coarse_dates_need_a_temporal_preposition(text, surface, value, kept):
    assert bool(find_event_mentions(annotated("d", text, None, (surface, value)))) == kept
