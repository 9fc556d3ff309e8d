"""The HTML report: self-contained, escaped, every section present, evidence linked to highlights."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

import newsdossier.report
from newsdossier.model import (
    Claim,
    ClaimValue,
    Document,
    Dossier,
    DuplicateGroup,
    Entity,
    Evidence,
    MentionRef,
    Quote,
    Rejection,
    RemovedLine,
    TimelineEntry,
)
from newsdossier.report import render_report
from newsdossier.report.highlight import paragraphs, render_text
from newsdossier.report.html import url_link
from newsdossier.report.refs import Mark

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"><a href="javascript:window.__pwned=3">x</a>'
TEXT = "Shusha was taken on 8 November 2020.\n\nMore than 300 settlements were liberated, the ministry said."
SENT2 = TEXT.index("More")


def doc(doc_id: str, text: str, **fields: object) -> Document:
    base: dict = dict(path=f"in/{doc_id}.txt", title=None, published=None, published_basis=None, author=None, outlet=None)
    base.update(fields)
    return Document(id=doc_id, text=text, **base)


A = doc("a", TEXT, title="Victory", outlet="Outlet A", published="2021-11-08", published_basis="text")
B = doc("b", "A copy of it. " + TEXT)
FULL = Dossier(
    documents=(A, B),
    rejections=(Rejection("x.png", "ingest", "binary", "a PNG image"),),
    duplicates=(DuplicateGroup(("a", "b"), "near", "a", 0.93),),
    timeline=(TimelineEntry("2020-11-08", None, "Shusha taken", ("a",), (Evidence("a", 0, 36, TEXT[:36]),), "single"),),
    claims=(
        Claim(
            "settlements",
            (
                ClaimValue("a", "More than 300", 300.0, None, "settlements", "more than", SENT2, SENT2 + 13),
                ClaimValue("b", "300", 300.0, 300.0, "settlements", None, SENT2 + 24, SENT2 + 27),
            ),
            "conflict",
            1,
        ),
    ),
    entities=(Entity("Shusha", "LOC", ("Shushi",), (MentionRef("a", 0, 6), MentionRef("b", 14, 20))),),
    quotes=(Quote("the ministry", TEXT[SENT2:-20], "said", "a", SENT2, len(TEXT) - 20),),
)

SECTIONS = ("conflicts", "sources", "timeline", "claims", "duplicates", "entities", "quotes", "rejections", "texts")


class _Tags(HTMLParser):
    """Collects start tags with attributes and checks that elements nest properly."""

    VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "col"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def test_report_exports_render_report() -> None:
    assert newsdossier.report.__all__ == ["render_report"]


def test_report_is_well_formed_and_self_contained() -> None:
    page = render_report(FULL)
    tags = parse(page)
    assert tags.errors == [] and tags.stack == []
    assert not [t for t, attrs in tags.tags if t in {"script", "link", "iframe", "object", "embed", "img", "base"}]
    assert not [attrs for _, attrs in tags.tags if "src" in attrs or any(a.startswith("on") for a in attrs)]
    assert not [a["href"] for t, a in tags.tags if "href" in a and not a["href"].startswith("#")]
    assert "url(" not in page and "@import" not in page


def test_report_has_a_strict_content_security_policy_first_in_head() -> None:
    tags = parse(render_report(FULL)).tags
    metas = [a for t, a in tags if t == "meta"]
    assert metas[0] == {"charset": "utf-8"}
    csp = metas[1]
    assert csp["http-equiv"] == "Content-Security-Policy"
    assert {"default-src 'none'", "script-src 'none'", "style-src 'unsafe-inline'", "img-src data:"} <= {
        part.strip() for part in csp["content"].split(";")
    }


@pytest.mark.parametrize("section", SECTIONS)
def test_report_empty_section_says_none_found(section: str) -> None:
    page = render_report(Dossier(documents=()))
    block = re.search(rf'<section id="{section}">(.*?)</section>', page, re.S)
    assert block and "none found" in block.group(1)


@pytest.mark.parametrize("section", SECTIONS)
def test_report_full_section_lists_items(section: str) -> None:
    page = render_report(FULL)
    block = re.search(rf'<section id="{section}">(.*?)</section>', page, re.S)
    assert block and "none found" not in block.group(1)


def test_report_links_every_evidence_to_a_mark_in_the_source_text() -> None:
    tags = parse(render_report(FULL)).tags
    ids = {a["id"] for _, a in tags if "id" in a}
    evidence_links = [a["href"][1:] for t, a in tags if t == "a" and a.get("class") == "ev"]
    assert evidence_links, "no evidence links"
    assert set(evidence_links) <= ids
    marked = {a["id"] for t, a in tags if t == "mark" and "id" in a}
    assert {"evt-0-0", "evc-0-0", "evc-0-1", "eve-0-0", "eve-0-1", "evq-0"} <= marked | ids
    assert all(a["href"][1:] in ids for t, a in tags if t == "a" and a.get("href", "").startswith("#"))


HOSTILE_FIELDS = [
    {"title": HOSTILE},
    {"outlet": HOSTILE},
    {"author": HOSTILE},
    {"path": HOSTILE},
    {"published_evidence": HOSTILE},
    {"url": "javascript:window.__pwned=4"},
    {"removed": (RemovedLine(HOSTILE, "x<y", 0),)},
]


@pytest.mark.parametrize("fields", HOSTILE_FIELDS, ids=lambda f: next(iter(f)))
def test_report_escapes_document_fields(fields: dict) -> None:
    hostile = doc("h", "Body: " + HOSTILE, **fields)
    tags = parse(render_report(Dossier(documents=(hostile,))))
    assert not [t for t, _ in tags.tags if t in {"script", "img"}]
    assert not [a for t, a in tags.tags if t == "a" and not a.get("href", "#").startswith("#")]
    assert HOSTILE in "".join(tags.text) or "javascript:window.__pwned=4" in "".join(tags.text)


def test_report_escapes_link_items() -> None:
    d = Dossier(
        documents=(doc("h", HOSTILE),),
        rejections=(Rejection(HOSTILE, HOSTILE, HOSTILE, HOSTILE),),
        timeline=(TimelineEntry("2020", None, HOSTILE, ("h",), (Evidence("h", 0, 8, HOSTILE),), "single"),),
        claims=(Claim(HOSTILE, (ClaimValue("h", HOSTILE, None, None, HOSTILE, HOSTILE, 0, 8),), "single", 1),),
        entities=(Entity(HOSTILE, HOSTILE, (HOSTILE,), (MentionRef("h", 0, 8),)),),
        quotes=(Quote(HOSTILE, HOSTILE, HOSTILE, "h", 0, 8),),
        meta={"title": HOSTILE},
    )
    tags = parse(render_report(d))
    assert tags.errors == []
    assert not [t for t, _ in tags.tags if t in {"script", "img"}]
    assert not [a for _, a in tags.tags if any(k.startswith("on") for k in a)]


@pytest.mark.parametrize(
    ("url", "is_link"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("file:///etc/passwd", False),
        ("//example.org/protocol-relative", False),
        ('https://x.org/"onmouseover="alert(1)', True),
        ("http://[::1", False),  # unparsable
    ],
)
def test_url_link_only_links_http_urls(url: str, is_link: bool) -> None:
    out = url_link(url)
    tags = parse(out).tags
    assert (tags[0][0] == "a") is is_link
    assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
    if is_link:
        assert tags[0][1]["href"] == url.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one", [(0, 3)]),
        ("one\n\ntwo", [(0, 3), (5, 8)]),
        ("one\n \n\n two\n", [(0, 3), (8, 12)]),
        ("\n\nlead", [(2, 6)]),
        ("line one\nline two", [(0, 17)]),
        ("", []),
    ],
)
def test_paragraphs_split_on_blank_lines(text: str, expected: list) -> None:
    assert list(paragraphs(text)) == expected


MARK_CASES = [
    ([Mark(0, 3, "m1", "entity", "")], ['<mark id="m1"']),
    ([Mark(0, 9, "outer", "timeline", ""), Mark(4, 7, "inner", "entity", "")], ['id="outer"', 'id="inner"']),
    ([Mark(0, 5, "x", "claim", ""), Mark(3, 9, "y", "quote", "")], ['id="x"', 'id="y"']),
    ([Mark(2, 6, "same1", "claim", ""), Mark(2, 6, "same2", "entity", "")], ['id="same1"', 'id="same2"']),
    ([Mark(4, 14, "across", "timeline", "")], ['id="across"']),  # spans the paragraph break
    ([Mark(5, 2, "backwards", "claim", ""), Mark(0, 99, "too-long", "claim", "")], []),
]


@pytest.mark.parametrize(("marks", "expected"), MARK_CASES)
def test_render_text_marks_spans_and_keeps_the_text(marks: list[Mark], expected: list[str]) -> None:
    text = "abc <de> f\n\nghi & j"
    out = render_text(text, marks)
    for fragment in expected:
        assert fragment in out
    tags = parse(out)
    assert tags.errors == []
    assert html.unescape(re.sub(r"<[^>]+>", "", out.replace("</p><p>", "\n\n"))) == text
    ids = [a["id"] for _, a in tags.tags if "id" in a]
    assert len(ids) == len(set(ids)) == len(expected)


@pytest.mark.parametrize(
    ("low", "high", "bounds", "expected"),
    [
        (300.0, 300.0, "[]", "300"),
        (300.0, None, "(]", "&gt; 300"),
        (300.0, None, "[]", "≥ 300"),
        (None, 300.0, "[)", "&lt; 300"),
        (None, 300.0, "[]", "≤ 300"),
        (270.0, 300.0, "[]", "270 – 300"),
        (270.0, 300.0, "[)", "[270, 300)"),
        (None, None, "[]", "—"),
        (1_000_000.0, 1_000_000.0, "[]", "1,000,000"),
        (2.5, 2.5, "[]", "2.5"),
    ],
)
def test_claim_value_range_reads_like_a_person_writes_it(low, high, bounds: str, expected: str) -> None:
    from newsdossier.report.claims import value_range

    assert value_range(ClaimValue("a", "x", low, high, None, None, 0, 1, bounds=bounds)) == expected


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["/data/x/a.txt", "/data/x/b.txt"], "/data/x/"),
        (["/data/x/a.txt", "/data/xy/b.txt"], "/data/"),
        (["a.txt", "b.txt"], ""),
        (["/data/x/a.txt"], ""),
        (["feed.warc.gz#1", "feed.warc.gz#2"], ""),
        ([], ""),
    ],
)
def test_common_folder_is_cut_at_a_slash(paths: list[str], expected: str) -> None:
    from newsdossier.report.sources import common_folder

    assert common_folder(paths) == expected


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ((), "0 documents"),
        ((A,), "1 document · from 1 named outlet · published 2021-11-08"),
        ((A, B), "2 documents · from 1 named outlet · published 2021-11-08 · 1 without a date"),
    ],
)
def test_report_header_says_what_the_dossier_covers(docs: tuple, expected: str) -> None:
    from newsdossier.report.page import coverage

    assert coverage(Dossier(documents=docs)) == expected


@pytest.mark.parametrize(
    ("group", "doc_id", "expected"),
    [
        (DuplicateGroup(("a", "b"), "derived", "a", 0.7), "a", 'original of <a class="doc" href="#doc-2"'),
        (DuplicateGroup(("a", "b"), "derived", "a", 0.7), "b", 'derived copy of <a class="doc" href="#doc-1"'),
        (DuplicateGroup(("a", "b"), "exact", None, 1.0), "a", 'exact copy, with <a class="doc" href="#doc-2"'),
    ],
)
def test_report_source_says_how_it_stands_in_its_copy_group(group: DuplicateGroup, doc_id: str, expected: str) -> None:
    from newsdossier.report.refs import Refs
    from newsdossier.report.sources import _copy_role

    assert _copy_role(doc_id, group, Refs(Dossier(documents=(A, B)))).startswith(expected)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (("2020-11-10",), "2020-11-10"),
        (["a", 2], "a, 2"),
        (True, "true"),
        ((("LOC", 38), ("PERSON", 1)), "LOC 38, PERSON 1"),
        ({"k": [1]}, '{&quot;k&quot;: [1]}'),
        ((Evidence("a", 0, 1, "x"),), "[{&quot;doc&quot;: &quot;a&quot;, &quot;end&quot;: 1, &quot;start&quot;: 0, &quot;text&quot;: &quot;x&quot;}]"),
    ],
)
def test_report_extra_fields_read_as_plain_values(value: object, shown: str) -> None:
    import dataclasses

    from newsdossier.report.html import extras

    Item = dataclasses.make_dataclass("Item", [("known", int), ("added", object, dataclasses.field(default=None))])
    assert extras(Item(1, value), ["known"]) == f'<dl class="extras"><dt>added</dt><dd>{shown}</dd></dl>'
    assert extras(Item(1), ["known"]) == ""


def test_report_timeline_folds_long_evidence_lists() -> None:
    from newsdossier.report.timeline import EVIDENCE_SHOWN, render_timeline

    evidence = tuple(Evidence("a", i, i + 1, TEXT[i]) for i in range(EVIDENCE_SHOWN + 2))
    d = Dossier(documents=(A,), timeline=(TimelineEntry("2020", None, "s", ("a",), evidence, "single"),))
    out = render_timeline(d)
    assert "<summary>2 more passages</summary>" in out
    assert all(f'href="#evt-0-{j}"' in out for j in range(len(evidence)))


def test_report_disagreements_list_each_sources_words() -> None:
    from newsdossier.report.conflicts import render_conflicts

    event = TimelineEntry("2020-11-09", "2020-11-10", "War ends", ("a", "b"), (Evidence("a", 0, 6, "Shusha"),), "conflict")
    agreeing = Claim("days", (ClaimValue("a", "44", 44.0, 44.0, "day", None, 0, 2),), "agree", 2)
    out = render_conflicts(Dossier(documents=(A, B), claims=(agreeing, *FULL.claims), timeline=(event,)))
    assert out.count('<a href="#claim-') == 1 and 'href="#claim-1"' in out
    assert "<q>More than 300</q>" in out and "<q>300</q>" in out and "≥ 300" in out
    assert 'href="#event-0"><strong>2020-11-09 – 2020-11-10</strong>' in out


def test_report_entity_mentions_are_numbered_per_document() -> None:
    from newsdossier.report.entities import render_entities

    mentions = (MentionRef("a", 0, 6), MentionRef("b", 14, 20), MentionRef("a", 0, 6), MentionRef("zz", 0, 1))
    out = render_entities(Dossier(documents=(A, B), entities=(Entity("Shusha", "LOC", (), mentions),)))
    groups = re.findall(r'<span class="mgroup">(.*?)</span>(?=<span class="mgroup">|</td>)', out)
    assert len(groups) == 3
    assert re.findall(r">(\d)</a>", groups[0]) == ["1", "2"] and 'href="#eve-0-2"' in groups[0]
    assert 'title="Shusha"' in groups[1]
    assert "missing" in groups[2] and "<a class=\"ev\"" not in groups[2]  # unknown document: no link


def test_report_quote_caption_reads_in_cue_order():
    from newsdossier.report.quotes import render_quotes

    quotes = (
        Quote("Reuters", TEXT[SENT2:-20], "according to", "a", SENT2, len(TEXT) - 20),
        Quote("the ministry", TEXT[SENT2:-20], "said", "a", SENT2, len(TEXT) - 20),
    )
    page = render_quotes(Dossier(documents=(A,), quotes=quotes))
    captions = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", page)]
    assert captions == ["— according to Reuters", "— the ministry said"]


def test_report_entity_outlet_of_links_the_documents():
    from newsdossier.report.entities import render_entities

    outlet = Entity("Outlet A", "ORG", (), (), outlet_of=("a",))
    page = render_entities(Dossier(documents=(A,), entities=(outlet,)))
    assert "outlet of" in page and 'href="#doc-1"' in page
