"""Dateline, byline and outlet parsers."""

from __future__ import annotations

import pytest

from newsdossier.clean.metadata import (
    Dateline,
    is_byline_tail,
    looks_like_date,
    normalize_date,
    parse_byline,
    parse_credit,
    parse_dateline,
    parse_outlet,
)


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("2023-11-08 16:51:00 | Last Update : 2023-11-08 17:09:30", "2023-11-08T16:51:00", "2023-11-08T17:09:30"),
        ("Nov 8, 2024 10:33 100", "2024-11-08T10:33", None),  # trailing view counter
        ("2021-11-08", "2021-11-08", None),
        ("Published: Friday, November 8, 2024 10:33 AM", "2024-11-08T10:33", None),
        ("Published 8 November 2024, 4:05 pm GMT", "2024-11-08T16:05", None),
        ("Posted on Sept. 27, 2020", "2020-09-27", None),
        ("08.11.2024 14:05", "2024-11-08T14:05", None),
        ("13/04/2024", "2024-04-13", None),  # day first: 13 cannot be a month
        ("Updated: 12:30, 9 November 2024", None, "2024-11-09T12:30"),
        ("Last updated: 13/04/2024 at 09:15 GMT", None, "2024-04-13T09:15"),
        ("2024/11/08", "2024-11-08", None),
        ("Published 3:04 PM EST, Fri November 8, 2024", "2024-11-08T15:04", None),
        ("Friday 8 November 2024 09.35 GMT", "2024-11-08T09:35", None),
        ("Nov. 8, 2024, 3:45 p.m. ET", "2024-11-08T15:45", None),
        ("November 8th, 2024", "2024-11-08", None),
        ("2024-11-08T10:33:00Z", "2024-11-08T10:33:00", None),
        ("Updated 10:15 AM GMT, November 8, 2024", None, "2024-11-08T10:15"),
        ("Updated Friday, Nov 8, 2024", None, "2024-11-08"),
        ("BAKU, Azerbaijan, Nov 8, 2024 (AZERTAC)", "2024-11-08", None),  # place and agency around the date
        ("Baku, November 8, 2024, TASS", "2024-11-08", None),
    ],
)
def test_parse_dateline_reads_published_and_updated(line, published, updated):
    assert parse_dateline(line) == Dateline(published=published, updated=updated)


@pytest.mark.parametrize(
    "line",
    ["Updated 2 hours ago", "Published yesterday", "Published 03/04/2024", "03/04/2024", "8 November", "Friday, 8 November, 10:33", "Published"],
)
def test_parse_dateline_recognises_datelines_without_a_value(line):
    # relative and year-less dates need the crawl date; 03/04/2024 may be day or month first: no guess
    assert parse_dateline(line) == Dateline(published=None, updated=None)


@pytest.mark.parametrize(
    "line",
    [
        "On November 8, 2021, the Republic of Azerbaijan celebrates Victory Day.",
        "November 8 - Victory Day",
        "2023-02-30",  # no such day
        "Armenia occupied Shusha on May 8, 1992.",
        "Paris, France",
        "Police Blotter, Jan. 2",
        "In Baku, November 8, 2020 is remembered",
        "44-day war",
        "",
    ],
)
def test_parse_dateline_rejects_sentences_and_non_dates(line):
    assert parse_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("2021-11-08", True), ("8 November 2021", True), ("03/04/2024", True), ("Nov 8, 2024 10:33 100", False), ("2021", False)],
)
def test_looks_like_date_needs_the_whole_line(line, expected):
    assert looks_like_date(line) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-08", "2024-11-08"),
        ("2024-11-08T10:33:00Z", "2024-11-08T10:33:00+00:00"),
        ("November 8, 2024", "2024-11-08"),
        ("soon", None),
    ],
)
def test_normalize_date_reads_metadata_dates(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "Jane Doe"),
        ("BYYasir Rehman", "Yasir Rehman"),
        ("by: Jane Doe", "Jane Doe"),
        ("Author: Jane Doe", "Jane Doe"),
        ("Written by Maria del Carmen Ruiz", "Maria del Carmen Ruiz"),
        ("By Jane Doe and John Smith", "Jane Doe, John Smith"),
        ("By Jane Doe, John Smith and Ann Lee", "Jane Doe, John Smith, Ann Lee"),
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("By J. R. Smith, Staff Writer", "J. R. Smith"),
        ("BY JANE DOE, ASSOCIATED PRESS", "Jane Doe"),
        ("By Jane Doe, The Washington Post", "Jane Doe"),
        ("BY JANE DOE | STAFF WRITER", "Jane Doe"),
        ("By Jane Doe in Baku", "Jane Doe"),
        ("By Jean-Luc O'Neill", "Jean-Luc O'Neill"),
    ],
)
def test_parse_byline_reads_the_author(line, author):
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


def test_parse_byline_reads_a_dateline_on_the_same_line():
    byline = parse_byline("By Jane Doe | Nov 8, 2024 10:33")
    assert byline is not None and byline.author == "Jane Doe"
    assert byline.dateline == Dateline(published="2024-11-08T10:33", updated=None)


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the army said it had won.",
        "By Tuesday, the rebels had taken the city.",
        "BY CONTRAST",
        "By March 2021",
        "By the end of the war, 300 settlements were free.",
        "Byron Smith",
        "By Jane Doe's account, the march was peaceful and ended at noon without incidents of any kind.",
        "By Staff Reporter",
    ],
)
def test_parse_byline_rejects_sentences_and_non_names(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: TRT", "TRT"),
        ("Source - Anadolu Agency", "Anadolu Agency"),
        ("Sources: Reuters, AP", "Reuters, AP"),
        ("Last news in Fakti", "Fakti"),
        ("Latest news from Azertac:", "Azertac"),
        ("Source: the ministry said the figures were wrong.", None),
        ("Source: officials", None),
        ("Last news", None),
    ],
)
def test_parse_outlet_reads_trailers(line, outlet):
    assert parse_outlet(line) == outlet


@pytest.mark.parametrize(
    ("line", "reporters"),
    [
        ("(Reporting by Amanda Becker in Washington; Writing by Luciana Lopez)", "Amanda Becker"),
        ("(Reporting by Jason Lange and Dustin Volz; Editing by Grant McCool)", "Jason Lange, Dustin Volz"),
        ("Reporting by Jane Doe", "Jane Doe"),
        ("(Additional reporting by Kylie MacLellan; Editing by Michael Holden)", None),
        ("(Editing by Michael Holden)", None),
    ],
)
def test_parse_credit_reads_the_reporters(line, reporters):
    assert parse_credit(line) == reporters


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Staff Writer", True), ("BBC News, Geneva", True), ("Reuters", True), ("He is a writer.", False), ("said the minister", False)],
)
def test_is_byline_tail_reads_roles_outlets_and_places(line, expected):
    assert is_byline_tail(line) is expected
