"""The quote extractor on hand-written sentences: every quote form, hostile text, no quotes."""

from __future__ import annotations

import pytest

from newsdossier.nlp.pipeline import load_pipeline
from newsdossier.nlp.quotes import find_quoted, find_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("default")


def _quotes(nlp, text):
    return [(q.text, q.speaker, q.cue, q.kind) for q in find_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "…," X said.
        ('“We will win this fight,” Senator John Smith said on Monday.', [("We will win this fight", "John Smith", "said", "direct")]),
        # "…," said X.
        ('"The vote was fair and the count was clean," said the spokesman.', [("The vote was fair and the count was clean", "the spokesman", "said", "direct")]),
        # X said: "…"
        ('John Smith said: "The vote was rigged and everyone knows it."', [("The vote was rigged and everyone knows it.", "John Smith", "said", "direct")]),
        # X told …, "…"
        ('The minister told reporters, “We are ready to talk.”', [("We are ready to talk.", "The minister", "told", "direct")]),
        # indirect speech with and without "that"
        ("The ministry said that the talks would resume next week.", [("the talks would resume next week", "The ministry", "said", "indirect")]),
        ("Officials said the bridge would reopen in May.", [("the bridge would reopen in May", "Officials", "said", "indirect")]),
        # postposed indirect speech
        ("Prices will rise again next year, the central bank warned.", [("Prices will rise again next year", "the central bank", "warned", "indirect")]),
        # according to X, … / …, according to X.
        ("According to Reuters, the deal was signed in secret.", [("the deal was signed in secret", "Reuters", "According to", "indirect")]),
        ("The deal was signed in secret, according to two officials.", [("The deal was signed in secret", "two officials", "according to", "indirect")]),
    ],
)
def test_find_quotes_forms(nlp, text, expected):
    assert _quotes(nlp, text) == expected


def test_find_quotes_continuation_in_same_paragraph_keeps_speaker(nlp):
    found = _quotes(nlp, "“We will win,” Senator John Smith said. “Nothing will stop us now.”")
    assert [(t, s) for t, s, _, _ in found] == [("We will win", "John Smith"), ("Nothing will stop us now.", "John Smith")]


def test_find_quotes_pronoun_resolves_to_most_recent_person(nlp):
    text = "Mary Jones arrived late in Paris. “I am tired of waiting for answers,” she said."
    assert _quotes(nlp, text) == [("I am tired of waiting for answers", "Mary Jones", "said", "direct")]


def test_find_quotes_pronoun_without_antecedent_has_no_speaker(nlp):
    assert _quotes(nlp, "“It is over and we all know it,” he said.")[0][1] is None


def test_find_quotes_paragraph_spanning_quote(nlp):
    text = "“This is the first part of a long statement that I want to read.\n\n“And this is the second part,” said the spokesman."
    [(quoted, speaker, cue, kind)] = _quotes(nlp, text)
    assert quoted.startswith("This is the first part") and quoted.endswith("the second part")
    assert (speaker, cue) == ("the spokesman", "said")


def test_find_quotes_cue_ending_previous_paragraph(nlp):
    text = "Caddell continued:\n\n\"The health issue overall is very much a partisan issue.\""
    assert _quotes(nlp, text) == [("The health issue overall is very much a partisan issue.", "Caddell", "continued", "direct")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "The march ended at the “Spoils Museum” in Baku.",
        'Nov. 10 was declared "Victory Day" by the government.',
        "The city was said to be a stronghold.",
        "They added 300 jobs last year.",
        "No one spoke. The room was silent.",
        '"""',
        "“",
        "” said ” told “ according to",
        "said said said",
        # a capitalised word is no cue, an infinitive has no speaker, a nationality is no speaker
        "The talks are mediated by Russia, the United States, and the European Union.",
        "Azerbaijan, determined to maintain its success in the war, continued its attempts at peace.",
        "From the first moments of the war, Turkish state officials declared their support.",
    ],
)
def test_find_quotes_nothing_to_report(nlp, text):
    assert _quotes(nlp, text) == []


def test_find_quotes_hostile_text_keeps_offsets(nlp):
    text = "<script>alert(1)</script> “Drop table; -- it’s fine,” the admin said. \u0000 \ufeff \"unclosed\n\nx"
    doc = nlp(text)
    for q in find_quotes(doc):
        assert text[q.start : q.end] == q.text
        if q.speaker_start >= 0:
            assert text[q.speaker_start : q.speaker_end]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“One,” she said, “two.”", ["One", "two."]),
        ("“Unclosed to the end of the paragraph\n\nNext paragraph.", ["Unclosed to the end of the paragraph"]),
        ("“First paragraph\n\n“second paragraph.”", ["First paragraph\n\n“second paragraph."]),
        ("It’s 5'11\" tall", []),
    ],
)
def test_find_quoted_pairs_marks(text, quoted):
    assert [text[q.start : q.end] for q in find_quoted(text)] == quoted


def test_find_quotes_weak_cue_before_an_infinitive_reports_nothing(nlp):
    text = "After the liberation of Shusha on November 8, 2020, Armenia agreed to surrender."
    assert _quotes(nlp, text) == []
