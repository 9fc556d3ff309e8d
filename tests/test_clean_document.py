"""clean_record: furniture out, metadata in, on small hand-written records."""

from __future__ import annotations

import pickle

import pytest

from newsdossier.clean import CorpusStats, clean_record
from newsdossier.model import Document, RawRecord, Rejection


def _clean(text: str, stats: CorpusStats | None = None, **meta) -> Document:
    doc = clean_record(RawRecord(path="a.txt", text=text, format="text", **meta), stats)
    assert isinstance(doc, Document)
    return doc


def _reasons(doc: Document) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


ARTICLE = """World

Ceasefire holds in the north

By Jane Doe | Nov 8, 2024 10:33

Photo: Jane Doe/AP

The ceasefire held for a third day on Friday, officials said.

Ceasefire holds in the north

Aid convoys reached the city.
Residents queued for water.

Ceasefire holds in the north - 3

Source: Example Wire

Notify of
View all comments
"""


def test_clean_record_removes_furniture_and_reads_metadata():
    doc = _clean(ARTICLE)
    assert doc.title == "Ceasefire holds in the north"
    assert (doc.author, doc.outlet) == ("Jane Doe", "Example Wire")
    assert (doc.published, doc.published_basis) == ("2024-11-08T10:33", "text")
    assert doc.published_evidence == "By Jane Doe | Nov 8, 2024 10:33"
    assert doc.text == (
        "The ceasefire held for a third day on Friday, officials said.\n\n"
        "Aid convoys reached the city.\nResidents queued for water."
    )
    assert _reasons(doc) == {
        "World": "section-label",
        "Ceasefire holds in the north": "repeated-title",  # the later copy overwrites "title" in this dict
        "By Jane Doe | Nov 8, 2024 10:33": "byline",
        "Photo: Jane Doe/AP": "image-credit",
        "Ceasefire holds in the north - 3": "image-caption",
        "Source: Example Wire": "source-trailer",
        "Notify of": "comment-widget",
        "View all comments": "comment-widget",
    }


def test_clean_record_keeps_raw_line_numbers_of_removed_lines():
    doc = _clean(ARTICLE)
    raw_lines = ARTICLE.split("\n")
    assert all(raw_lines[r.line] == r.text for r in doc.removed)
    assert [r.reason for r in doc.removed if r.text == "Ceasefire holds in the north"] == ["title", "repeated-title"]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("\n\nFirst line.\n\n\n\nSecond para.\n\n", "First line.\n\nSecond para."),
        ("One.\nTwo.\n\u00a0\nThree.", "One.\nTwo.\n\nThree."),
        ("  Indented line.  \r\nNext line.\r\n", "Indented line.\nNext line."),
        ("Before ad.\nAdvertisement\nAfter ad.", "Before ad.\n\nAfter ad."),  # a removed line breaks the paragraph
    ],
)
def test_clean_record_separates_paragraphs_by_one_blank_line(raw, text):
    assert _clean(raw).text == text


def test_clean_record_rejects_a_page_without_article_text():
    result = clean_record(RawRecord("b.txt", "Notify of\n\nInline Feedbacks\n---\nSearch in archive", "text"))
    assert isinstance(result, Rejection)
    assert (result.path, result.stage, result.reason) == ("b.txt", "clean", "no-article-text")


def test_clean_record_ids_are_content_derived_and_stable():
    a = _clean("Text one.")
    assert a.id == _clean("Text one.").id
    assert a.id != _clean("Text two.").id
    assert a.id != clean_record(RawRecord("other.txt", "Text one.", "text")).id


def test_clean_record_prefers_the_records_own_metadata():
    raw = "Headline in the text\n\nBy Jane Doe\n\n2021-11-08\n\nThe march ended at noon.\n\nSource: TRT"
    doc = _clean(raw, title="Headline in the text", published="2024-01-02", author="A. Writer", outlet="Fakti")
    assert (doc.title, doc.author, doc.outlet) == ("Headline in the text", "A. Writer", "Fakti")
    assert (doc.published, doc.published_basis) == ("2024-01-02", "metadata")
    assert doc.text == "The march ended at noon."


def test_clean_record_keeps_a_first_line_that_is_not_the_given_title():
    doc = _clean("A deck line without a stop\n\nThe march ended at noon.", title="The real headline")
    assert doc.title == "The real headline"
    assert doc.text.startswith("A deck line without a stop")


def test_clean_record_without_any_date_leaves_published_null():
    doc = _clean("Headline here\n\nOn Tuesday, the march ended at noon.")
    assert (doc.published, doc.published_basis, doc.published_evidence) == (None, None, None)


@pytest.mark.parametrize(
    "paragraph",
    [
        "For more than a decade, tourists who visit the city have complained about prices.",
        "Writing by hand is a dying art, the teacher said.",
        "Note: The ministry did not respond to a request for comment.",
        "Source: the ministry said the figures were preliminary and would be revised after the count.",
        '"You can view all comments online," he said.',
        "He resigned.",
        "Share prices fell sharply on Monday.",
        "By Tuesday, the rebels had taken the city.",
        "2,908 soldiers died, the ministry said.",
    ],
)
def test_clean_record_keeps_prose_that_starts_like_furniture(paragraph):
    doc = _clean(f"Headline here\n\nThe march ended at noon.\n\n{paragraph}\n\nNotify of")
    assert doc.text == f"The march ended at noon.\n\n{paragraph}"


def test_clean_record_removes_a_list_of_related_links_in_the_body():
    raw = (
        "Headline here\n\nThe march ended at noon.\n\nRelated stories\nTalks resume in Brussels\n"
        "Armenia replies to proposal\n\nThe talks continue on Friday.\n\nTags: talks, peace"
    )
    doc = _clean(raw)
    assert doc.text == "The march ended at noon.\n\nThe talks continue on Friday."
    assert {r.text: r.reason for r in doc.removed}["Talks resume in Brussels"] == "related-list"


def test_clean_record_only_removes_labelled_datelines_inside_the_body():
    raw = "Headline here\n\nThe march ended at noon.\n\nNovember 8, 2020\n\nUpdated: 9 November 2024 12:30\n\nMore text follows here."
    doc = _clean(raw)
    assert "November 8, 2020" in doc.text
    assert "Updated" not in doc.text
    assert (doc.published, doc.published_evidence) == ("2024-11-09T12:30", "Updated: 9 November 2024 12:30")


def test_clean_record_removes_lines_repeated_across_the_corpus_at_the_edges_only():
    template = "Example Daily Online Edition"
    texts = [f"Headline number {n}\n\n{template}\n\nStory {n} text here.\n\n{template}" for n in range(4)]
    stats = CorpusStats.from_texts(texts)
    doc = _clean(f"Talks resume in Brussels\n\n{template}\n\nThe march ended at noon.\n\n{template}\n\nMore text.\n\n{template}", stats)
    assert doc.text == f"The march ended at noon.\n\n{template}\n\nMore text."
    assert [r.reason for r in doc.removed] == ["title", "boilerplate", "boilerplate"]


def test_corpus_stats_counts_documents_per_short_line():
    stats = CorpusStats.from_texts(["Notify of\nA.", "notify  of\nB.", "Notify of\nNotify of", "x" * 200])
    assert stats.documents == 4
    assert stats.documents_with("NOTIFY OF") == 3
    assert stats.is_repeated("Notify of") and not stats.is_repeated("A.")
    assert stats.documents_with("x" * 200) == 0  # long lines are not counted


def test_corpus_stats_is_picklable_and_bounded():
    unique = ("".join(chr(97 + int(d)) for d in str(n)) for n in range(1000))  # letters: digits fold to 0
    stats = CorpusStats.from_texts((f"line {word}\ncommon line" for word in unique), max_keys=100)
    assert len(stats.line_documents) <= 100
    assert stats.documents_with("common line") == 1000
    assert pickle.loads(pickle.dumps(stats)) == stats


@pytest.mark.parametrize(
    ("raw", "title", "first_kept"),
    [
        ("The Battle Over the Budget Begins.\n\nLawmakers met on Monday.", "The Battle Over the Budget Begins.", "Lawmakers met on Monday."),
        ("Clinton sharpens her pitch.\n\nBy Jane Doe\n\nLawmakers met on Monday.", "Clinton sharpens her pitch.", "Lawmakers met on Monday."),
        ("The army took the city.\n\nLawmakers met on Monday.", None, "The army took the city."),  # a short lede stays
        ("Budget talks resume | The Baku Times\n\nLawmakers met on Monday.", "Budget talks resume", "Lawmakers met on Monday."),
        ("America's budget fight;\nA long winter ahead.\n\nLawmakers met on Monday.", None, "America's budget fight;"),
    ],
)
def test_clean_record_finds_the_headline(raw, title, first_kept):
    doc = _clean(raw)
    assert doc.title == title
    assert doc.text.split("\n")[0] == first_kept


def test_clean_record_ranks_outlets_trailer_first():
    raw = "Last news in Site A\n\nBudget talks resume | Site B\n\nLawmakers met on Monday.\n\nSource: Wire C"
    assert _clean(raw).outlet == "Wire C"
    assert _clean(raw.replace("Source: Wire C", "")).outlet == "Site A"


def test_clean_record_keeps_bare_numbers_inside_the_body():
    raw = "Five figures that matter\n\n100\n\nLawmakers met.\n\n7\n\n30,000.\n\nThe number of emails sought.\n\n1,234 views"
    doc = _clean(raw)
    assert doc.text == "Lawmakers met.\n\n7\n\n30,000.\n\nThe number of emails sought."
    assert _reasons(doc) == {"Five figures that matter": "title", "100": "numeric", "1,234 views": "view-counter"}


def test_clean_record_takes_a_short_headline_above_a_byline_as_the_title():
    doc = _clean("Uncut Gems\nby Jay Spight\n\nThe brothers are not the best-known directors.")
    assert (doc.title, doc.author) == ("Uncut Gems", "Jay Spight")


def test_clean_record_takes_a_short_banner_above_the_headline_as_a_label():
    doc = _clean("The Baku Times\n\nTalks on the peace treaty resume in Brussels\n\nLawmakers met on Monday.")
    assert doc.title == "Talks on the peace treaty resume in Brussels"
    assert _reasons(doc)["The Baku Times"] == "section-label"


def test_clean_record_removes_edge_furniture_after_a_list_of_links():
    raw = (
        "Talks resume in Brussels\n\nLawmakers met on Monday.\n\nRelated\nArmenia replies to proposal\n"
        "We use cookies to improve your experience.\nBudget passes first reading"
    )
    doc = _clean(raw)
    assert doc.text == "Lawmakers met on Monday."
    assert _reasons(doc)["We use cookies to improve your experience."] == "cookie-notice"


def test_clean_record_takes_the_author_from_a_wire_credit_when_no_byline_names_one():
    raw = "Talks resume in Brussels\n\nLawmakers met on Monday.\n\n(Reporting by Jane Doe in Baku; Editing by John Smith)"
    assert _clean(raw).author == "Jane Doe"
    assert _clean(raw.replace("\n\nLawmakers", "\n\nBy Ann Lee\n\nLawmakers")).author == "Ann Lee"


PARAGRAPHS = [
    "The ceasefire held for a third day on Friday, officials said.",
    'Aid convoys reached the city, and residents said: "We can finally sleep."',
    "Talks between the two sides will resume in Brussels next week.",
]
FURNITURE_ANYWHERE = [
    "Advertisement",
    "Share this article",
    "Facebook Twitter WhatsApp",
    "Read more: Talks resume in Brussels",
    "Photo: Jane Doe/AP",
    "---",
    "Listen to this article",
    "Home » News » World",
    "(Reporting by Jane Doe; Editing by John Smith)",
]
FURNITURE_AT_EDGES = [
    "For the latest news and weather, head to Example TV.",
    "- Reuters",
    "Notify of",
    "1,234 views",
    "2024-11-08 10:00",
    "We use cookies to improve your experience on our site.",
    "WARNING: Comments that contain insults are not approved.",
    "Already a subscriber? Log in",
    "Source: Example Wire",
    "© 2024 Example Wire. All rights reserved.",
]


@pytest.mark.parametrize("furniture", FURNITURE_ANYWHERE + FURNITURE_AT_EDGES)
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_clean_record_removes_edge_furniture_and_keeps_every_paragraph(furniture, where):
    body = "\n\n".join(PARAGRAPHS)
    raw = f"Ceasefire holds in the north\n\n{furniture}\n\n{body}" if where == "top" else f"Ceasefire holds in the north\n\n{body}\n\n{furniture}"
    doc = _clean(raw)
    assert doc.text == body
    assert [r.text for r in doc.removed] == ["Ceasefire holds in the north", furniture]


@pytest.mark.parametrize("furniture", FURNITURE_ANYWHERE)
def test_clean_record_removes_furniture_between_paragraphs(furniture):
    raw = f"{PARAGRAPHS[0]}\n\n{furniture}\n\n{PARAGRAPHS[1]}\n{PARAGRAPHS[2]}"
    doc = _clean(raw)
    assert doc.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n{PARAGRAPHS[2]}"


# Hand-written pages in the shapes of three common site templates (wire, local TV, broadsheet).
WIRE_PAGE = 'Skip to main content\nMenu\nWorld\nUkraine says it downed 20 drones overnight as strikes hit power grid\nBy JANE DOE and JOHN SMITH\nUpdated 10:15 AM GMT, November 8, 2024\nShare\nCopy\nLink copied\nEmail\nFacebook\nX\nReddit\nLinkedIn\nPrint\nKYIV, Ukraine (AP) — Ukraine\'s air force said Friday it shot down 20 of 27 drones launched by Russia overnight, as strikes damaged power facilities in three regions.\nOfficials said repairs would take several days.\n"The enemy is targeting our energy system again," the energy minister said.\nAdvertisement\nThe attacks came hours after talks in Geneva ended without agreement.\n___\nFollow AP\'s coverage of the war at https://apnews.com/hub/russia-ukraine\nJANE DOE\nDoe covers Eastern Europe for The Associated Press.\n'
LOCAL_PAGE = 'News › Local › Crime\nPolice arrest two after downtown break-in\nPosted: Nov 8, 2024 / 07:42 PM EST\nUpdated: Nov 9, 2024 / 08:10 AM EST\nby: Maria Lopez\nPosted: Nov 8, 2024 / 07:42 PM EST\nSPRINGFIELD, Ill. (WXXX) — Two men were arrested early Friday after a break-in at a downtown jewelry store, police said.\nAccording to police, officers responded to an alarm at about 2 a.m.\nCopyright 2024 Nexstar Media Inc. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.\nFor the latest news, weather, sports, and streaming video, head to WXXX.\n'
PUBLIC_BROADCASTER_PAGE = 'Skip to content\nHome\nNews\nSport\nCeasefire talks resume in Geneva as fighting eases\nPublished\n8 November\nShare\nImage source, Getty Images\nImage caption, Delegates arrived in Geneva on Thursday evening\nBy Jane Doe\nBBC News, Geneva\nTalks on a ceasefire resumed in Geneva on Friday after a week in which fighting eased along most of the front line.\nNegotiators said the first session had been "constructive".\nRelated Topics\nGeneva\nCeasefire\nMore on this story\nTalks collapse after six hours\nFollow BBC News on X\nCopyright 2024 BBC. All rights reserved. The BBC is not responsible for the content of external sites.\n'
BROADSHEET_PAGE = "Protesters rally in capital over pension reform\nThousands march for the third weekend as unions threaten general strike\nJane Doe in Paris\nSat 9 Nov 2024 14.32 GMT\nLast modified on Sat 9 Nov 2024 16.05 GMT\nThousands of people marched through the capital on Saturday in the third weekend of protests against the government's pension reform.\nThe interior ministry put the turnout at 45,000; unions said 120,000.\nExplore more on these topics\nFrance\nEurope\nProtest\nShare\nReuse this content\n"


@pytest.mark.parametrize(
    ("raw", "title", "published", "author", "first", "last"),
    [
        (
            WIRE_PAGE,
            "Ukraine says it downed 20 drones overnight as strikes hit power grid",
            "2024-11-08T10:15",
            "Jane Doe, John Smith",
            "KYIV, Ukraine (AP)",
            "Doe covers Eastern Europe for The Associated Press.",
        ),
        (
            LOCAL_PAGE,
            "Police arrest two after downtown break-in",
            "2024-11-08T19:42",
            "Maria Lopez",
            "SPRINGFIELD, Ill.",
            "officers responded to an alarm at about 2 a.m.",
        ),
        (
            BROADSHEET_PAGE,
            "Protesters rally in capital over pension reform",
            "2024-11-09T14:32",
            "Jane Doe",
            "Thousands march for the third weekend",  # the standfirst stays
            "unions said 120,000.",
        ),
        (
            PUBLIC_BROADCASTER_PAGE,
            "Ceasefire talks resume in Geneva as fighting eases",
            None,  # "8 November" has no year: the date is left to inference
            "Jane Doe",
            "Talks on a ceasefire resumed in Geneva on Friday",
            'the first session had been "constructive".',
        ),
    ],
)
def test_clean_record_reads_common_page_templates(raw, title, published, author, first, last):
    doc = _clean(raw)
    assert (doc.title, doc.published, doc.author) == (title, published, author)
    assert doc.text.startswith(first) and doc.text.endswith(last)
    raw_sentences = [ln for ln in raw.split("\n") if ln.endswith(".") and len(ln.split()) >= 5]
    kept = [ln for ln in raw_sentences if ln in doc.text]
    # Only copyright notices and the local page's "for the latest news ... head to" promo go.
    furniture_sentences = {LOCAL_PAGE: 2, PUBLIC_BROADCASTER_PAGE: 1}.get(raw, 0)
    assert len(raw_sentences) - len(kept) == furniture_sentences


def test_clean_record_removes_the_given_title_with_a_site_name_after_it():
    raw = "Talks resume in Brussels | The Baku Times\n\nLawmakers met on Monday.\n\nTalks resume in Brussels - Baku Times"
    doc = _clean(raw, title="Talks resume in Brussels")
    assert doc.text == "Lawmakers met on Monday."
    assert [r.reason for r in doc.removed] == ["title", "repeated-title"]


def test_clean_rejection_says_which_lines_were_taken_out():
    result = clean_record(RawRecord("c.txt", "Notify of\n\nBreaking: explosion in Baku", "text"))
    assert isinstance(result, Rejection)
    assert result.detail.endswith("1 comment-widget, 1 title")
