"""Furniture classifiers: every family with variants, and prose that only looks like furniture."""

from __future__ import annotations

import pytest

from newsdossier.clean.furniture import (
    family_reason,
    families,
    furniture_reason,
    numeric_reason,
    opens_list,
    separator_reason,
    social_row_reason,
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # comment widgets
        ("Notify of", "comment-widget"),
        ("Inline Feedbacks", "comment-widget"),
        ("View all comments", "comment-widget"),
        ("Load more comments", "comment-widget"),
        ("12 Comments", "comment-widget"),
        ("Leave a Reply", "comment-widget"),
        ("Be the first to comment.", "comment-widget"),
        ("Your email address will not be published. Required fields are marked *", "comment-widget"),
        # share / subscribe / follow prompts
        ("Share this article", "share-prompt"),
        ("Share on Facebook", "share-prompt"),
        ("Follow us on Telegram", "share-prompt"),
        ("Subscribe to our daily newsletter", "share-prompt"),
        ("Sign up for our morning briefing newsletter.", "share-prompt"),
        ("Click here to subscribe", "share-prompt"),
        ("Facebook Twitter WhatsApp Email", "share-prompt"),
        ("Share | Tweet | Print", "share-prompt"),
        ("Follow BBC News on X", "share-prompt"),
        ("Join our WhatsApp channel", "share-prompt"),
        ("Enter your email address", "share-prompt"),
        ("Thank you for subscribing!", "share-prompt"),
        # archive / search / navigation
        ("Search in archive", "navigation"),
        ("Search the archives:", "navigation"),
        ("Back to top", "navigation"),
        ("Sign in", "navigation"),
        ("Back to article", "navigation"),
        ("Print Friendly, PDF & Email", "navigation"),
        ("Next article", "navigation"),
        ("Tags: Azerbaijan, Karabakh, Victory Day", "navigation"),
        ("Page 2 of 3", "navigation"),
        ("Home » News » World", "navigation"),
        ("About us | Contact | Privacy Policy | Terms of Use", "navigation"),
        ("Please enable JavaScript to view the comments", "navigation"),
        # audio and video players
        ("Listen to this article", "media-player"),
        ("Play video", "media-player"),
        # related / last news lists
        ("Last news in Fakti", "related-list"),
        ("Latest news from Reuters", "related-list"),
        ("Read more: Armenia and Azerbaijan sign deal", "related-list"),
        ("READ ALSO", "related-list"),
        ("Related Articles", "related-list"),
        ("You may also like", "related-list"),
        ("Most read", "related-list"),
        ("Related Topics", "related-list"),
        ("More on this story", "related-list"),
        ("Read Next", "related-list"),
        ("LATEST STORIES:", "related-list"),
        # advertisements
        ("Advertisement", "advertisement"),
        ("Partner content", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        # view counters
        ("1,234 views", "view-counter"),
        ("Views: 56", "view-counter"),
        ("3 min read", "view-counter"),
        # image captions and credits
        ("Photo: Reuters", "image-credit"),
        ("Photo credit: Jane Doe/AP", "image-credit"),
        ("(Photo by Jane Doe/Getty Images)", "image-credit"),
        ("Image courtesy of the ministry", "image-credit"),
        ("AFP/Getty Images", "image-credit"),
        ("Image source, Getty Images", "image-credit"),
        ("Image caption, Delegates arrived in Geneva on Thursday evening", "image-credit"),
        ("Photo 3 of 12", "image-credit"),
        ("Protesters gather in Baku on Tuesday. (AP Photo/Jane Doe)", "image-credit"),
        ("Print this article", "share-prompt"),
        # trailers
        ("Source: TRT", "source-trailer"),
        ("Source - Anadolu Agency", "source-trailer"),
        ("(Reporting by Jane Doe; Editing by John Smith)", "credit-trailer"),
        ("(With AFP)", "credit-trailer"),
        # copyright
        ("© 2024 Reuters. All rights reserved.", "copyright"),
        ("Copyright 2023 The Associated Press.", "copyright"),
        ("All Rights Reserved", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
        # separators and numbers
        ("---", "separator"),
        ("* * *", "separator"),
        ("100", "numeric"),
        ("1/12", "numeric"),
    ],
)
def test_furniture_reason_names_the_family(line, reason):
    assert furniture_reason(line, edge=True) == reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "WARNING: Comments that contain insults, swearing or offensive sentences are not approved.",
            "moderation-notice",
        ),
        ("Comments are moderated and may take a while to appear.", "moderation-notice"),
        ("Please read our comment policy before posting.", "moderation-notice"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("By continuing to browse this site you agree to our use of cookies.", "cookie-notice"),
        ("Accept all cookies", "cookie-notice"),
        ("Contact the author: jane.doe@example.com", "contact"),
        ("@janedoe", "contact"),
        ("Already a subscriber? Log in", "paywall"),
        ("Subscribe to continue reading.", "paywall"),
        ("You have reached your limit of free articles this month.", "paywall"),
        ("Reporting by Jane Doe in Baku; editing by John Smith", "credit-trailer"),
    ],
)
def test_edge_families_only_apply_at_the_edges(line, reason):
    assert furniture_reason(line, edge=True) == reason
    assert furniture_reason(line, edge=False) is None


@pytest.mark.parametrize(
    "line",
    [
        "Source: the ministry said the figures were preliminary and would be revised next week after the count.",
        'He told reporters: "You can view all the documents online, and we hide nothing from the public."',
        "The ministry shared the statement on Facebook and Twitter, saying the march was a success.",
        "Related talks will resume in Brussels next month, officials said.",
        "Copyright law protects the statement, the ministry said.",
        "The march ended at the Spoils Museum.",
        "Azerbaijan celebrates third anniversary of victory in Karabakh",
        "November 8 - Victory Day",
        "2021-11-08",
        "Shusha",
        "The price rose from 5 > 4 » more",
        "He said he would help.",
        "The photo (taken by a soldier) shows the city.",
        "Note: The ministry did not respond to a request for comment.",
        "Comments which he later deleted sparked outrage across the country.",
        "More in the coming days.",
        "Supporters like our candidate on Facebook, he said.",
    ],
)
def test_prose_and_headlines_are_not_furniture(line):
    assert furniture_reason(line, edge=True) is None


@pytest.mark.parametrize(
    ("classifier", "line", "expected"),
    [
        (separator_reason, "___", "separator"),
        (separator_reason, "Victory", None),
        (numeric_reason, "2,908", "numeric"),
        (numeric_reason, "08.11.2024", None),  # a date is not a counter
        (social_row_reason, "Facebook / X / Telegram / Email", "share-prompt"),
        (social_row_reason, "Facebook said on Tuesday", None),
        (family_reason, "Inline Feedbacks", "comment-widget"),
        (family_reason, "0:00 / 3:12", "media-player"),
        (family_reason, "Inline feedback was positive, the minister said.", None),
    ],
)
def test_classifiers_return_a_reason_or_none(classifier, line, expected):
    assert classifier(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Last news in Fakti", True), ("Related stories", True), ("Notify of", False), ("Source: TRT", False)],
)
def test_opens_list_marks_lists_of_links(line, expected):
    assert opens_list(line) is expected


def test_every_family_has_a_reason_and_compiled_patterns():
    for family in families():
        assert family.reason and family.where in {"any", "edge"} and family.max_words > 0
        assert family.pattern.pattern
