"""The drawn timeline in the report: an inline SVG strip whose dots link to the events below."""

from __future__ import annotations

import re

import pytest

from newsdossier.model import Document, Dossier, Evidence, TimelineEntry
from newsdossier.report.timeline import render_timeline, timeline_svg

DOC = Document("a", "a.txt", None, "2022-11-08", "metadata", None, None, "Shusha was taken on Nov. 8, 2020.")
EV = (Evidence("a", 0, 16, "Shusha was taken"),)


def entry(date, status="single", end=None, summary="s", alternatives=(), sources=("a",)):
    return TimelineEntry(date, end, summary, sources, EV, status, alternatives)


def test_timeline_svg_one_linked_dot_per_event():
    entries = [entry("1992-05-08"), entry("2020-11-08", "corroborated"), entry("2020-11-10")]
    svg = timeline_svg(entries)
    assert svg.startswith("<svg") and "<script" not in svg
    assert re.findall(r'href="#event-(\d+)"', svg) == ["0", "1", "2"]


@pytest.mark.parametrize(
    "status,colour",
    [("corroborated", "#2e7d32"), ("single", "#78909c"), ("conflict", "#c62828")],
)
def test_timeline_svg_status_colours(status, colour):
    svg = timeline_svg([entry("2020-11-08", status)])
    assert f'fill="{colour}"' in svg


def test_timeline_svg_conflict_draws_its_other_dates():
    svg = timeline_svg([entry("2020-11-09", "conflict", alternatives=("2020-11-10",))])
    assert "stroke-dasharray" in svg and 'fill="none"' in svg


def test_timeline_svg_interval_draws_a_bar():
    svg = timeline_svg([entry("2020-09-27", end="2020-11-09")])
    assert 'stroke-width="4"' in svg


@pytest.mark.parametrize("dates", [["2020"], ["2020-11"], ["2019", "2020-11-08", "2024-11-08"]])
def test_timeline_svg_any_precision(dates):
    svg = timeline_svg([entry(d) for d in dates])
    assert svg.count("<circle") >= len(dates)


def test_timeline_svg_escapes_article_text():
    svg = timeline_svg([entry("2020-11-08", summary='<img src=x onerror="alert(1)">')])
    assert "<img" not in svg and "&lt;img" in svg


def test_timeline_svg_empty_without_readable_dates():
    assert timeline_svg([]) == ""
    assert timeline_svg([entry("XXXX-11-08")]) == ""


def test_render_timeline_puts_the_strip_above_the_list():
    out = render_timeline(Dossier(documents=(DOC,), timeline=(entry("2020-11-08"),)))
    assert out.index("<svg") < out.index('<ol class="timeline">')


def test_render_timeline_conflict_shows_who_gives_which_date():
    conflict = TimelineEntry(
        "2020-11-09", None, "End of the war", ("a",), EV, "conflict", ("2020-11-10",), ("2020-11-10",)
    )
    out = render_timeline(Dossier(documents=(DOC,), timeline=(conflict,)))
    assert "2020-11-10" in out and "dates given" in out
