"""build_timeline: dated clauses grouped across sources into entries with status."""

from __future__ import annotations

import pytest

from newsdossier.link.timeline import build_timeline
from newsdossier.model import DuplicateGroup
from test_timeline_helpers import annotated

WAR_BEGAN_A = annotated(
    "a", "The war that started on Sept. 27, 2020, followed attacks on villages.", "2021-11-08",
    ("Sept. 27, 2020", "2020-09-27"),
)
WAR_BEGAN_B = annotated(
    "b", "The 44-day war, which began on September 27, 2020, changed the region.", "2021-11-08",
    ("September 27, 2020", "2020-09-27"),
)
TREATY_C = annotated(
    "c", "A peace treaty was signed in Paris on March 3, 2021, by both ministers.", "2021-03-04",
    ("March 3, 2021", "2021-03-03"),
)
FLOOD_D = annotated(
    "d", "Heavy rain flooded the lower town on September 27, 2020, and schools closed.", "2020-09-28",
    ("September 27, 2020", "2020-09-27"),
)

WAR_INTERVAL_H = annotated(
    "h", "The 44-day war took place between September 27 and November 9, 2020, in the region.", "2022-11-08",
    ("September 27", "2020-09-27"), ("November 9, 2020", "2020-11-09"),
)
WAR_ENDED_I = annotated(
    "i", "Reconstruction began after the end of the 44-day war on Nov. 10, 2020, in the provinces.", "2023-11-08",
    ("Nov. 10, 2020", "2020-11-10"),
)


@pytest.mark.parametrize(
    "groups,status",
    [
        pytest.param([], "corroborated", id="two-independent-sources"),
        pytest.param([DuplicateGroup(("a", "b"), "derived", "b", 0.8)], "single", id="copies-count-once"),
    ],
)
def test_build_timeline_status_counts_independent_sources(groups, status):
    (entry,) = build_timeline([WAR_BEGAN_A, WAR_BEGAN_B], groups)
    assert entry.date == "2020-09-27"
    assert entry.sources == ("a", "b")
    assert entry.status == status


def test_build_timeline_same_day_different_happening_stays_apart():
    entries = build_timeline([WAR_BEGAN_A, FLOOD_D], [])
    assert sorted((e.date, e.sources) for e in entries) == [("2020-09-27", ("a",)), ("2020-09-27", ("d",))]
    assert {e.status for e in entries} == {"single"}


def test_build_timeline_sorted_by_date_with_evidence_offsets():
    docs = [TREATY_C, WAR_BEGAN_A, WAR_BEGAN_B]
    entries = build_timeline(docs, [])
    assert [e.date for e in entries] == ["2020-09-27", "2021-03-03"]
    texts = {a.doc.id: a.doc.text for a in docs}
    for entry in entries:
        for ev in entry.evidence:
            assert texts[ev.doc][ev.start : ev.end] == ev.text


def test_build_timeline_summary_drops_the_leading_date():
    doc = annotated("e", "On December 3, 2020, the president signed an order on the holiday.", None,
                    ("December 3, 2020", "2020-12-03"))
    (entry,) = build_timeline([doc], [])
    assert entry.summary == "The president signed an order on the holiday."


def test_build_timeline_interval_gives_date_and_end():
    doc = annotated("f", "The 44-day war took place between September 27 and November 9, 2020, in the region.", None,
                    ("September 27", "2020-09-27"), ("November 9, 2020", "2020-11-09"))
    (entry,) = build_timeline([doc], [])
    assert (entry.date, entry.end) == ("2020-09-27", "2020-11-09")


def test_build_timeline_coarse_date_joins_a_similar_day():
    year = annotated("g", "In 2021, a peace treaty was signed in Paris by both ministers.", None, ("2021", "2021"))
    entries = build_timeline([TREATY_C, year], [])
    assert [(e.date, e.sources, e.status) for e in entries] == [("2021-03-03", ("c", "g"), "corroborated")]


def test_build_timeline_conflicting_end_dates():
    interval, ended = WAR_INTERVAL_H, WAR_ENDED_I
    signed = annotated(
        "j", "A trilateral statement was signed on November 10, 2020, by three leaders.", "2021-11-08",
        ("November 10, 2020", "2020-11-10"),
    )
    signed_too = annotated(
        "k", "The leaders signed a trilateral statement on Nov. 10, 2020, in Moscow.", "2023-11-08",
        ("Nov. 10, 2020", "2020-11-10"),
    )
    entries = build_timeline([interval, ended, signed, signed_too], [])
    (conflict,) = [e for e in entries if e.status == "conflict"]
    assert conflict.date == "2020-11-09" and conflict.alternatives == ("2020-11-10",)
    assert conflict.sources == ("h", "i")
    statement = [e for e in entries if e.date == "2020-11-10"]
    assert [(e.sources, e.status) for e in statement] == [(("j", "k"), "corroborated")]


def test_build_timeline_empty_corpus():
    assert build_timeline([], []) == []


def test_build_timeline_one_generic_shared_word_is_not_the_same_happening():
    a = annotated("l", "The army captured the port on May 2, 2021, officials said.", None, ("May 2, 2021", "2021-05-02"))
    b = annotated("m", "Parliament passed the budget on May 2, 2021, officials said.", None, ("May 2, 2021", "2021-05-02"))
    assert len(build_timeline([a, b], [])) == 2


def test_build_timeline_stays_linear_on_a_crowded_day():
    """Thousands of mentions on the same few days: blocked and indexed, never compared all-pairs."""
    import random
    import time

    rng = random.Random(7)
    subjects = ["The army", "Parliament", "Rebels", "The ministry", "Workers", "Police"]
    actions = ["signed a treaty", "launched an offensive", "captured the town", "held an election", "ended the strike"]
    docs = []
    for i in range(1500):
        day = rng.randint(1, 2)
        text = f"{rng.choice(subjects)} {rng.choice(actions)} in Region {rng.randint(1, 40)} on March {day}, 2021."
        docs.append(annotated(f"s{i}", text, None, (f"March {day}, 2021", f"2021-03-0{day}")))
    started = time.perf_counter()
    entries = build_timeline(docs, [])
    assert time.perf_counter() - started < 30  # all-pairs would take minutes here
    assert len({ev.doc for e in entries for ev in e.evidence}) == 1500


def test_build_timeline_same_kind_different_object_is_no_conflict():
    a = annotated("n", "Troops liberated the town of Fuzuli on October 17, 2020, after heavy fighting.", None,
                  ("October 17, 2020", "2020-10-17"))
    b = annotated("o", "Troops liberated the town of Hadrut on October 18, 2020, after heavy fighting.", None,
                  ("October 18, 2020", "2020-10-18"))
    assert {e.status for e in build_timeline([a, b], [])} == {"single"}


def test_build_timeline_same_kind_different_people_is_no_conflict():
    a = annotated("p", "On Friday, climber Duncan Rait died after a fall near the glacier.", "2013-09-14",
                  ("Friday", "2013-09-13"))
    b = annotated("q", "Climber Robert Buckley died after a fall near the glacier on Saturday.", "2013-09-15",
                  ("Saturday", "2013-09-14"))
    assert {e.status for e in build_timeline([a, b], [])} == {"single"}


def test_build_timeline_evidence_dates_say_who_gives_which_date():
    interval, ended = WAR_INTERVAL_H, WAR_ENDED_I
    (conflict,) = [e for e in build_timeline([interval, ended], []) if e.status == "conflict"]
    assert [(ev.doc, d) for ev, d in zip(conflict.evidence, conflict.evidence_dates)] == [
        ("h", "2020-11-09"), ("i", "2020-11-10")
    ]


def test_build_timeline_conflict_summary_names_the_happening():
    interval, ended = WAR_INTERVAL_H, WAR_ENDED_I
    (conflict,) = [e for e in build_timeline([interval, ended], []) if e.status == "conflict"]
    assert conflict.summary == "End of the 44-day war"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-02-29", "2021-02"), ("2020-02-29", "2020-02-29"), ("2021-06-31", "2021-06"), ("2021-06", "2021-06"), ("2020-W45", "2020-W45"), (None, None)],
)
def test_event_dates_that_no_calendar_has_fall_back_to_the_month(value, expected) -> None:
    from newsdossier.link.events import _possible

    assert _possible(value) == expected
