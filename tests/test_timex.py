"""The temporal tagger: every expression the issue names, with a DCT and without one."""

from __future__ import annotations

import pytest
import spacy

from newsdossier.model import Timex
from newsdossier.nlp import extensions
from newsdossier.nlp.timex import find_timexes, tag_text

DCT = "2021-11-08"  # a Monday


def _by_text(timexes: list[Timex]) -> dict[str, Timex]:
    return {t.text: t for t in timexes}


# (sentence, DCT, expected timex text, type, value, mod)
CASES = [
    ("As a result of last year's war, the region changed.", DCT, "last year", "DATE", "2020", None),
    ("As a result of last year’s war, the region changed.", DCT, "last year", "DATE", "2020", None),
    ("The ministers met on Tuesday.", DCT, "Tuesday", "DATE", "2021-11-02", None),
    ("The ministers will meet on Tuesday.", DCT, "Tuesday", "DATE", "2021-11-09", None),
    ("The city was liberated two years ago.", DCT, "two years ago", "DATE", "2019", None),
    ("People gathered on this day to remember the fallen.", DCT, "this day", "DATE", "2021-11-08", None),
    ("The president spoke today.", DCT, "today", "DATE", "2021-11-08", None),
    ("The ceasefire began on Nov. 10.", DCT, "Nov. 10", "DATE", "2021-11-10", None),
    ("Azerbaijan on November 08 marked the first anniversary.", DCT, "November 08", "DATE", "2021-11-08", None),
    ("The war started on Sept. 27, 2020, after clashes.", DCT, "Sept. 27, 2020", "DATE", "2020-09-27", None),
    ("The stadium was built in 1992-93.", DCT, "1992", "DATE", "1992", None),
    ("The stadium was built in 1992-93.", DCT, "93", "DATE", "1993", None),
    ("In 2019-20 the budget grew.", DCT, "2019", "DATE", "2019", None),
    ("In 2019-20 the budget grew.", DCT, "20", "DATE", "2020", None),
    ("Fighting lasted September-November 2020.", DCT, "September", "DATE", "2020-09", None),
    ("Fighting lasted September-November 2020.", DCT, "November 2020", "DATE", "2020-11", None),
    ("The conflict dates back to the 1990s.", DCT, "the 1990s", "DATE", "199", None),
    ("Prices peaked in mid-2020.", DCT, "mid-2020", "DATE", "2020", "MID"),
    ("Revenue rose in Q3.", DCT, "Q3", "DATE", "2021-Q3", None),
    ("The occupation lasted nearly 30 years.", DCT, "nearly 30 years", "DURATION", "P30Y", "APPROX"),
    ("It ended the 44-day war.", DCT, "44-day", "DURATION", "P44D", None),
    ("Azerbaijan celebrates every year on 8 November.", DCT, "every year on 8 November", "SET", "XXXX-11-08", None),
    ("The war raged between September 27 and November 9, 2020.", DCT, "September 27", "DATE", "2020-09-27", None),
    ("The war raged between September 27 and November 9, 2020.", DCT, "November 9, 2020", "DATE", "2020-11-09", None),
    ("He signed an order establishing November 8 as “Victory Day” in Azerbaijan.", DCT, "November 8", "DATE", "XXXX-11-08", None),
    ("Shusha fell on November 8, 2020. The army entered the city the same day.", DCT, "the same day", "DATE", "2020-11-08", None),
    ("Talks collapsed last week.", DCT, "last week", "DATE", "2021-W44", None),
    ("Talks resume next month.", DCT, "next month", "DATE", "2021-12", None),
    ("Exports grew this year.", DCT, "this year", "DATE", "2021", None),
    ("The region has changed in recent decades.", DCT, "recent decades", "DATE", "PAST_REF", None),
    ("Prices rose over the past three years.", DCT, "the past three years", "DURATION", "P3Y", None),
    ("More towns will be rebuilt in the coming years.", DCT, "the coming years", "DATE", "FUTURE_REF", None),
    ("The city is now rebuilt.", DCT, "now", "DATE", "PRESENT_REF", None),
    ("The statement was published at 10:33.", DCT, "10:33", "TIME", "2021-11-08T10:33", None),
    ("The parade starts at 3 p.m.", DCT, "3 p.m.", "TIME", "2021-11-08T15:00", None),
    ("Signed at 2020-11-10T01:00:00 local time.", DCT, "2020-11-10T01:00:00", "TIME", "2020-11-10T01:00:00", None),
    ("It was signed on 2020-11-10.", DCT, "2020-11-10", "DATE", "2020-11-10", None),
    ("The peace deal was signed in 1994.", DCT, "1994", "DATE", "1994", None),
    ("Markets open daily.", DCT, "daily", "SET", "P1D", None),
    ("Troops withdrew within three months.", DCT, "three months", "DURATION", "P3M", None),
    ("Shusha was taken on November 8, 2020, and a statement followed two days later.", DCT, "two days later", "DATE", "2020-11-10", None),
    ("Results for the third quarter were weak.", DCT, "the third quarter", "DATE", "2021-Q3", None),
    ("The ruins date from the 18th century.", DCT, "the 18th century", "DATE", "17", None),
    ("Yesterday the talks ended.", DCT, "Yesterday", "DATE", "2021-11-07", None),
    ("The city was bombed last night.", DCT, "last night", "TIME", "2021-11-07TNI", None),
    ("Elections are planned for early 2022.", DCT, "early 2022", "DATE", "2022", "START"),
    ("Troops stayed for more than four hours.", DCT, "more than four hours", "DURATION", "PT4H", "MORE_THAN"),
    ("It ended a decades-long conflict.", DCT, "decades-long", "DURATION", "PXY", None),
    ("The republic was founded in nineteen ninety-one.", DCT, "nineteen ninety-one", "DATE", "1991", None),
    ("Voters went to the polls on Election Day.", "2020-11-20", "Election Day", "DATE", "2020-11-03", None),
    ("Athens fell in 480 BC.", DCT, "480 BC", "DATE", "BC0480", None),
    ("Athens fell in 480 B.C. to the Persians.", DCT, "480 B.C.", "DATE", "BC0480", None),
    ("The Ionian Revolt (499-493 BC) failed.", DCT, "499", "DATE", "BC0499", None),
    ("The Ionian Revolt (499-493 BC) failed.", DCT, "493 BC", "DATE", "BC0493", None),
    ("Throughout the 470s BC the league fought.", DCT, "the 470s BC", "DATE", "BC047", None),
    ("The talks lasted a couple of years.", DCT, "a couple of years", "DURATION", "P2Y", None),
    ("Shusha fell on November 8, 2020, two days after the offensive.", DCT, "two days", "DURATION", "P2D", None),
]


@pytest.mark.parametrize(("text", "dct", "surface", "type_", "value", "mod"), CASES)
def test_tag_text_normalises_expression(text: str, dct: str, surface: str, type_: str, value: str, mod: str | None) -> None:
    found = _by_text(tag_text(text, dct))
    assert surface in found, f"{surface!r} not tagged; got {sorted(found)}"
    timex = found[surface]
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)
    assert text[timex.start:timex.end] == surface


# Without a DCT relative expressions stay unresolved; absolute ones are unchanged.
NO_DCT_CASES = [
    ("The ministers met on Tuesday.", "Tuesday", "XXXX-WXX-2"),
    ("The president spoke today.", "today", "XXXX-XX-XX"),
    ("Talks collapsed last week.", "last week", "PAST_REF"),
    ("Talks resume next month.", "next month", "FUTURE_REF"),
    ("The city was liberated two years ago.", "two years ago", "PAST_REF"),
    ("The ceasefire began on Nov. 10.", "Nov. 10", "XXXX-11-10"),
    ("The parade starts at 3 p.m.", "3 p.m.", "XXXX-XX-XXT15:00"),
    ("Revenue rose in Q3.", "Q3", "XXXX-Q3"),
    ("The war started on Sept. 27, 2020, after clashes.", "Sept. 27, 2020", "2020-09-27"),
    ("The occupation lasted nearly 30 years.", "nearly 30 years", "P30Y"),
    ("The city is now rebuilt.", "now", "PRESENT_REF"),
    ("The war ended on November 10, 2020, and talks resumed last week.", "last week", "PAST_REF"),
    ("The war ended on November 10, 2020. On this day people celebrate.", "this day", "XXXX-XX-XX"),
    ("The war ended on November 10, 2020. Last summer was calm.", "Last summer", "XXXX-SU"),
    ("The war ended on November 10, 2020. Profits grew by the end of the year.", "the end of the year", "XXXX"),
]


@pytest.mark.parametrize(("text", "surface", "value"), NO_DCT_CASES)
def test_tag_text_without_dct_keeps_relative_values_unresolved(text: str, surface: str, value: str) -> None:
    found = _by_text(tag_text(text, None))
    assert found[surface].value == value


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "The protesters began to march toward the square.",
        "The army has 1500 tanks and 300 aircraft.",
        "He paid $2020 for it.",
        "She is a 44-year-old teacher.",
    ],
)
def test_tag_text_leaves_non_temporal_words_alone(text: str) -> None:
    assert tag_text(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("In March 1998 he left; later that year he returned.", "later that year", "1998", "END"),
        ("In March 1861 the war began. On July 25 of that year the army lost.", "July 25 of that year", "1861-07-25", None),
        ("Profits will rise by the end of the year.", "the end of the year", "2021", "END"),
        ("Prices were higher in the nineties.", "the nineties", "199", None),
        ("Talks collapsed over the weekend.", "the weekend", "2021-W44-WE", None),
    ],
)
def test_tag_text_periods_named_by_reference(text: str, surface: str, value: str, mod: str | None) -> None:
    found = _by_text(tag_text(text, DCT))
    assert (found[surface].value, found[surface].mod) == (value, mod)


def test_tag_text_one_old_year_does_not_make_news_a_narrative() -> None:
    found = _by_text(tag_text("Castro has ruled since 1959. The boy was found on Nov. 25.", "2000-01-28"))
    assert found["Nov. 25"].value == "1999-11-25"


def test_tag_text_month_day_takes_year_from_the_same_sentence() -> None:
    found = _by_text(tag_text("Fighting began on September 27 and ended on November 10, 2020.", "2022-05-01"))
    assert found["September 27"].value == "2020-09-27"


def test_tag_text_narrative_takes_year_from_earlier_text() -> None:
    text = (
        "The war began in 1939. France fell in 1940, and in 1941 and 1942 the fighting spread east. "
        "The offensive began in June 1944. By 25 August the city was free, and in December the front stalled."
    )
    found = _by_text(tag_text(text, "2009-12-19"))
    assert found["25 August"].value == "1944-08-25"
    assert found["December"].value == "1944-12"


def test_find_timexes_on_blank_pipeline_with_sentencizer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("The war ended on November 10, 2020. The talks resumed on November 8.")
    assert [(t.text, t.value) for t in find_timexes(doc, DCT)] == [
        ("November 10, 2020", "2020-11-10"),
        ("November 8", "2021-11-08"),
    ]


def test_component_writes_span_group_and_extension() -> None:
    extensions.register()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsdossier_timex")
    nlp.initialize()
    doc = nlp.make_doc("Last year's 44-day war started on Sept. 27, 2020.")
    doc.user_data[extensions.DCT_KEY] = DCT
    doc = nlp(doc)
    spans = doc.spans["timex"]
    assert [s.text for s in spans] == ["Last year", "44-day", "Sept. 27, 2020"]
    assert [s._.timex.value for s in spans] == ["2020", "P44D", "2020-09-27"]
    assert all(isinstance(s._.timex, Timex) for s in spans)


def test_component_without_dct_uses_placeholders() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsdossier_timex")
    doc = nlp("The talks ended yesterday.")
    assert [s._.timex.value for s in doc.spans["timex"]] == ["XXXX-XX-XX"]
