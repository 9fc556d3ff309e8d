"""infer_published: the publication date a text implies, from timexes tagged without a DCT."""

from __future__ import annotations

import pytest

from newsdossier.model import Timex
from newsdossier.nlp.pubdate import InferredDate, infer_published


def tagged(text: str, *marks: tuple[str, str]) -> list[Timex]:
    """Timexes as a tagger without a DCT gives them: (surface, value) found left to right."""
    out, pos = [], 0
    for surface, value in marks:
        start = text.index(surface, pos)
        out.append(Timex(start, start + len(surface), surface, "DATE", value))
        pos = start + len(surface)
    return out


CASES = [
    pytest.param(
        "Azerbaijan on November 08 marked the first anniversary of its victory. "
        "The statement recalled last year's 44-day war that started on Sept. 27, 2020, against attacks.",
        [("November 08", "XXXX-11-08"), ("Sept. 27, 2020", "2020-09-27")],
        "2021-11-08",
        "last-year",
        id="anniversary-day+last-year",
    ),
    pytest.param(
        "Azerbaijan celebrated the second anniversary of the historic victory on November 8, 2020, ending the war. "
        "The President have on Tuesday attended an event in the city.",
        [("November 8, 2020", "2020-11-08")],
        "2022-11-08",
        "anniversary",
        id="anniversary-of-date+weekday",
    ),
    pytest.param(
        "Protesters returned to the square. Three years ago on this day, on May 4, 2019, police cleared it.",
        [("May 4, 2019", "2019-05-04")],
        "2022-05-04",
        "years-ago-this-day",
        id="years-ago-this-day",
    ),
    pytest.param(
        "The city held a march on Tuesday, March 3, for the victims. "
        "The dam broke on March 3, 2019, flooding the valley.",
        [("March 3", "XXXX-03-03"), ("March 3, 2019", "2019-03-03")],
        "2020-03-03",
        "weekday",
        id="weekday-picks-year",
    ),
    pytest.param(
        "The town remembers the 10th anniversary of the flood of June 5, 2013 with a service.",
        [("June 5, 2013", "2013-06-05")],
        "2023-06-05",
        "anniversary",
        id="numeric-ordinal",
    ),
]


@pytest.mark.parametrize("text,marks,value,rule", CASES)
def test_infer_published_reads_the_clues(text, marks, value, rule):
    inferred = infer_published(text, tagged(text, *marks))
    assert isinstance(inferred, InferredDate)
    assert inferred.value == value
    assert rule in inferred.rule
    assert inferred.evidence
    assert text[inferred.start : inferred.end] in inferred.evidence


@pytest.mark.parametrize(
    "text,marks",
    [
        pytest.param("The war started on Sept. 27, 2020.", [("Sept. 27, 2020", "2020-09-27")], id="absolute-only"),
        pytest.param("Last year's war ended in 2020.", [("2020", "2020")], id="year-without-day"),
        pytest.param("Nothing dated here at all.", [], id="no-dates"),
        pytest.param(
            "NICOSIA, August 8 (Xinhua) --\n\nThe government Saturday condemned the blasts.",
            [("August 8", "XXXX-08-08")],
            id="dateline-without-any-year",
        ),
        pytest.param(
            "On Oct. 26 the town marked the 25th anniversary of the ruling. A court in 1994 took the case.",
            [("Oct. 26", "XXXX-10-26"), ("1994", "1994")],
            id="anniversary-without-date-only-confirms",
        ),
        pytest.param(
            "They met on Tuesday, March 3, and again on Friday, March 6.",
            [("March 3", "XXXX-03-03"), ("March 6", "XXXX-03-06")],
            id="two-weekdays-no-year",
        ),
    ],
)
def test_infer_published_returns_none_without_a_full_date(text, marks):
    assert infer_published(text, tagged(text, *marks)) is None


def test_infer_published_weekday_confirms_the_anniversary():
    text = (
        "Azerbaijan celebrated the second anniversary of the historic victory on November 8, 2020. "
        "Leaders on Tuesday attended an event."
    )
    inferred = infer_published(text, tagged(text, ("November 8, 2020", "2020-11-08")))
    assert inferred.rule == "anniversary+weekday"
    assert "on Tuesday" in inferred.evidence
