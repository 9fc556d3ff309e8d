"""Recurring days: a yearless month-day that names a holiday's calendar day is XXXX-MM-DD, not dated.

The cues are the ``[recurrence]`` tables of ``newsdossier/data/timex/lexicon.toml``; a date that
only happens near a holiday (a celebration on the day, a meeting moved to it) keeps the DCT's year.
"""

from __future__ import annotations

import pytest

from newsdossier.link.events import find_event_mentions
from newsdossier.model import Annotated, Document, Span
from newsdossier.nlp.timex import tag_text
from newsdossier.nlp.timex.tagger import split_sentences

DCT = "2023-11-08"


def _value(text: str, surface: str, dct: str | None = DCT) -> str:
    found = {t.text: t for t in tag_text(text, dct)}
    assert surface in found, f"{surface!r} not tagged; got {sorted(found)}"
    return found[surface].value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        pytest.param(
            'Although Nov. 10, the date of the signing of the trilateral declaration, was declared "Victory Day", '
            "this date was replaced by Nov. 8, the day of the liberation of Shusha from occupation.",
            "Nov. 10", "XXXX-11-10", id="subject-with-apposition-was-declared-day",
        ),
        pytest.param(
            'Although Nov. 10, the date of the signing of the trilateral declaration, was declared "Victory Day", '
            "this date was replaced by Nov. 8, the day of the liberation of Shusha from occupation.",
            "Nov. 8", "XXXX-11-08", id="replaced-by-in-a-holiday-sentence",
        ),
        pytest.param("The president declared Nov. 8 Victory Day.", "Nov. 8", "XXXX-11-08", id="declared-date-name"),
        pytest.param("An order proclaimed 8 November as Remembrance Day.", "8 November", "XXXX-11-08", id="proclaimed-as"),
        pytest.param("June 15 was later designated National Salvation Day.", "June 15", "XXXX-06-15", id="designated-passive"),
        pytest.param("November 11 is observed as Remembrance Day across the Commonwealth.", "November 11", "XXXX-11-11", id="observed-as"),
        pytest.param("Remembrance Day falls on November 11.", "November 11", "XXXX-11-11", id="day-falls-on"),
        pytest.param("The holiday is celebrated on May 9 in Moscow.", "May 9", "XXXX-05-09", id="is-celebrated-on"),
        pytest.param("Victory Day is celebrated on November 8 instead of November 10.", "November 10", "XXXX-11-10", id="instead-of"),
        pytest.param("Veterans gather at the memorial on Nov. 11 every year.", "Nov. 11", "XXXX-11-11", id="every-year-after"),
        pytest.param("The city remembers its dead on March 3 annually.", "March 3", "XXXX-03-03", id="annually-after"),
        pytest.param("November 8 is a public holiday in Azerbaijan.", "November 8", "XXXX-11-08", id="is-a-public-holiday"),
        pytest.param("He signed an order establishing November 8 as “Victory Day”.", "November 8", "XXXX-11-08", id="establishing-as"),
        pytest.param("November 8 – Victory Day is a celebration of justice.", "November 8", "XXXX-11-08", id="dash-day-name"),
    ],
)
def test_holiday_day_is_recurring(text: str, surface: str, value: str) -> None:
    assert _value(text, surface) == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        pytest.param("Azerbaijan on November 08 marked the first anniversary of its victory.", "November 08", "2023-11-08", id="marked-anniversary"),
        pytest.param("On November 8, Azerbaijan celebrates Victory Day, marking the end of the war.", "November 8", "2023-11-08", id="celebration-on-the-day"),
        pytest.param("Azerbaijan marked Victory Day on Nov. 8 with a parade.", "Nov. 8", "2023-11-08", id="marked-day-on-date"),
        pytest.param("Victory Day was held on November 9 instead of November 8.", "November 8", "2023-11-08", id="one-years-move"),
        pytest.param("Kaiser Wilhelm II declared 24 March a national holiday.", "24 March", "2023-03-24", id="declared-holiday-once"),
        pytest.param("Azerbaijan on November 8 declared a national day of mourning.", "November 8", "2023-11-08", id="day-of-mourning"),
        pytest.param("The vote was moved to Nov. 8 after the holiday.", "Nov. 8", "2023-11-08", id="moved-outside-a-holiday-sentence"),
        pytest.param("The treaty was signed on Nov. 10, 2020, and declared Victory Day.", "Nov. 10, 2020", "2020-11-10", id="stated-year"),
    ],
)
def test_date_near_a_holiday_keeps_its_year(text: str, surface: str, value: str) -> None:
    assert _value(text, surface) == value


def test_recurring_days_do_not_become_timeline_events() -> None:
    text = (
        'Although Nov. 10, the date of the signing of the trilateral declaration, was declared "Victory Day", '
        "this date was replaced by Nov. 8, the day of the liberation of Shusha from occupation. "
        "A trilateral declaration ending the war was signed on Nov. 10, 2020."
    )
    timexes = tuple(tag_text(text, DCT))
    assert [t.value for t in timexes] == ["XXXX-11-10", "XXXX-11-08", "2020-11-10"]
    document = Document("d", "d.txt", None, DCT, "metadata", None, None, text)
    sentences = tuple(Span(s, e) for s, e in split_sentences(text))
    mentions = find_event_mentions(Annotated(document, sentences, (Span(0, len(text)),), timexes))
    assert [(m.date, m.until) for m in mentions] == [("2020-11-10", None)]
