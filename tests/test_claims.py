"""build_claims: grouping figures across sources, enumerations, interval status, updates."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsdossier.link.claims import build_claims, compatible, lemma
from newsdossier.model import Annotated, Document, DuplicateGroup, Quantity, Span
from newsdossier.nlp.quantities import find_quantities


@pytest.fixture(scope="module")
def nlp():
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def _annotated(nlp, doc_id: str, text: str, published: str | None = None) -> Annotated:
    doc = nlp(text)
    document = Document(
        id=doc_id, path=f"{doc_id}.txt", title=None, published=published, published_basis=None,
        author=None, outlet=None, text=text,
    )
    return Annotated(
        doc=document,
        sentences=tuple(Span(s.start_char, s.end_char) for s in doc.sents),
        paragraphs=(Span(0, len(text)),),
        quantities=tuple(find_quantities(doc)),
    )


@pytest.mark.parametrize(
    "word, expected",
    [("settlements", "settlement"), ("cities", "city"), ("IDPs", "idp"), ("people", "people"), ("churches", "church")],
)
def test_lemma_folds_plurals(word, expected):
    assert lemma(word) == expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ((300, None, "(]"), (295, 295, "[]"), False),
        ((300, None, "(]"), (270, 300, "[)"), False),
        ((300, None, "[]"), (300, 300, "[]"), True),
        ((270, 300, "[)"), (295, 295, "[]"), True),
        ((900_000, 1_100_000, "[]"), (1_000_000, 1_000_000, "[]"), True),
        ((None, 40, "[)"), (40, None, "[]"), False),
    ],
)
def test_compatible_respects_open_bounds(a, b, expected):
    assert compatible(*a, *b) is expected


def test_build_claims_conflict_with_enumeration_sum(nlp):
    annotated = [
        _annotated(nlp, "a", "The army liberated more than 300 settlements."),
        _annotated(nlp, "b", "The army liberated 5 cities, 4 towns, and 286 villages from occupation."),
    ]
    (claim,) = build_claims(annotated, [])
    assert claim.status == "conflict" and claim.independent_sources == 2
    assert claim.subject == "settlements liberated"
    enumeration = next(v for v in claim.values if v.doc == "b")
    assert (enumeration.text, enumeration.low, enumeration.high) == ("5 cities, 4 towns, and 286 villages", 295, 295)


def test_build_claims_copies_count_once(nlp):
    annotated = [
        _annotated(nlp, "a", "About one million IDPs returned."),
        _annotated(nlp, "b", "Approximately 1 million IDPs returned."),
        _annotated(nlp, "c", "Some 1,000,000 IDPs returned."),
    ]
    copies = DuplicateGroup(members=("a", "b"), kind="derived", original="b", similarity=0.8)
    (claim,) = build_claims(annotated, [copies])
    assert (claim.status, claim.independent_sources, len(claim.values)) == ("agree", 2, 3)
    (single,) = build_claims(annotated[:2], [copies])
    assert (single.status, single.independent_sources) == ("single", 1)


def test_build_claims_rising_toll_is_an_update(nlp):
    annotated = [
        _annotated(nlp, "a", "Exactly 40 people died in the floods.", published="2024-05-01"),
        _annotated(nlp, "b", "At least 63 people died in the floods.", published="2024-05-03"),
    ]
    (claim,) = build_claims(annotated, [])
    assert claim.status == "agree" and claim.updates
    assert [(v.doc, v.update) for v in claim.values] == [("a", False), ("b", True)]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Exactly 112 people are missing after the flood.", "Only 14 people are missing after the flood."),
        ("Rescuers said 30 miners were trapped underground.", "Rescuers said 4 miners were trapped underground."),
        ("About 800 people were hospitalised after the blast.", "Exactly 120 people were hospitalised after the blast."),
        ("Some 12,000 people were displaced by the floods.", "Exactly 3,000 people were displaced by the floods."),
    ],
)
def test_build_claims_falling_count_of_a_state_is_an_update(nlp, first, second):
    annotated = [
        _annotated(nlp, "a", first, published="2024-03-06"),
        _annotated(nlp, "b", second, published="2024-03-08"),
    ]
    (claim,) = build_claims(annotated, [])
    assert (claim.status, claim.updates) == ("agree", True)
    assert [(v.doc, v.update) for v in claim.values] == [("a", False), ("b", True)]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Exactly 40 people died in the floods.", "Exactly 31 people died in the floods."),
        ("The fire destroyed 120 houses.", "The fire destroyed 80 houses."),
        ("Police arrested 60 protesters.", "Police arrested 45 protesters."),
    ],
)
def test_build_claims_falling_running_tally_is_a_conflict(nlp, first, second):
    annotated = [
        _annotated(nlp, "a", first, published="2024-03-06"),
        _annotated(nlp, "b", second, published="2024-03-08"),
    ]
    (claim,) = build_claims(annotated, [])
    assert claim.status == "conflict" and not claim.updates


def test_build_claims_falling_count_long_after_is_no_update(nlp):
    annotated = [
        _annotated(nlp, "a", "Exactly 112 people are missing after the flood.", published="2024-03-06"),
        _annotated(nlp, "b", "Exactly 14 people are missing after the flood.", published="2025-03-06"),
    ]
    (claim,) = build_claims(annotated, [])
    assert claim.status == "conflict"


def test_build_claims_each_clause_keeps_its_own_verb(nlp):
    text = "31 people have been confirmed dead and 14 people remain missing, while 112 people were injured."
    claims = {c.subject: c for c in build_claims([_annotated(nlp, "a", text)], [])}
    assert [v.text for v in claims["people missing"].values] == ["14 people"]
    assert [v.text for v in claims["people injured"].values] == ["112 people"]


def test_build_claims_casualties_from_any_wording_are_one_claim(nlp):
    annotated = [
        _annotated(nlp, "a", "The blast killed 35 people.", published="2024-04-30"),
        _annotated(nlp, "b", "At least 40 people were killed in the blast.", published="2024-05-01"),
        _annotated(nlp, "c", "The death toll rose to 45, officials said.", published="2024-05-02"),
        _annotated(nlp, "d", "Sixty-three people died and 20 were wounded.", published="2024-05-04"),
    ]
    claims = {c.subject: c for c in build_claims(annotated, [])}
    deaths = claims["deaths"]
    assert (deaths.status, deaths.updates, deaths.independent_sources) == ("agree", True, 4)
    assert [v.doc for v in deaths.values] == ["a", "b", "c", "d"]
    assert claims["people injured"].values[0].text == "20 were wounded"


def test_build_claims_casualty_word_beats_the_verb_before_it(nlp):
    annotated = [
        _annotated(nlp, "a", "Ten people killed, about 50 hurt."),
        _annotated(nlp, "b", "Ten died and 52 were injured."),
    ]
    claims = {c.subject: c for c in build_claims(annotated, [])}
    assert [v.text for v in claims["people injured"].values] == ["about 50 hurt", "52 were injured"]


def test_build_claims_same_day_updates_by_time(nlp):
    annotated = [
        _annotated(nlp, "a", "Exactly 40 people died in the floods.", published="2024-05-01T09:00"),
        _annotated(nlp, "b", "Exactly 52 people died in the floods.", published="2024-05-01T18:30"),
    ]
    (claim,) = build_claims(annotated, [])
    assert claim.status == "agree" and [v.update for v in claim.values] == [False, True]


def test_build_claims_figures_years_apart_are_not_updates(nlp):
    annotated = [
        _annotated(nlp, "a", "Exactly 40 people died in the floods.", published="2020-05-01"),
        _annotated(nlp, "b", "Exactly 63 people died in the floods.", published="2024-05-03"),
    ]
    (claim,) = build_claims(annotated, [])
    assert claim.status == "conflict" and not claim.updates


def test_build_claims_how_long_an_event_lasted_joins_its_duration(nlp):
    annotated = [
        _annotated(nlp, "a", "Victory came at the end of the 44-day war."),
        _annotated(nlp, "b", "The operation, which turned into a homeland war after a while, lasted 44 days."),
        _annotated(nlp, "c", "The army marched for 44 days."),
    ]
    (claim,) = build_claims(annotated, [])
    assert (claim.subject, claim.status) == ("duration of the war", "agree")
    assert [(v.doc, v.text) for v in claim.values] == [("a", "44-day war"), ("b", "44 days")]


def test_build_claims_conversion_is_not_a_second_claim(nlp):
    annotated = [_annotated(nlp, "a", "Students carried a 440-meter (1,444-foot) flag.")]
    (claim,) = build_claims(annotated, [])
    assert [v.text for v in claim.values] == ["440-meter (1,444-foot) flag"]


def test_build_claims_conflicts_first(nlp):
    annotated = [
        _annotated(nlp, "a", "The fire destroyed 12 houses. Officials counted 7 trucks."),
        _annotated(nlp, "b", "The fire destroyed 15 houses."),
    ]
    claims = build_claims(annotated, [])
    assert [c.status for c in claims] == ["conflict", "single"]


def _sample(nlp, corpus: Path, mode: str) -> tuple[list[Annotated], dict[str, str]]:
    """The sample corpus as raw text, or cleaned and timex-tagged by the packages that do that."""
    annotated, ids = [], {}
    for path in sorted(corpus.glob("*.txt")):
        ids[path.name[:3]] = path.stem
        raw = path.read_text(encoding="utf-8")
        if mode == "raw":
            annotated.append(_annotated(nlp, path.stem, raw))
            continue
        clean = pytest.importorskip("newsdossier.clean.document")
        timex = pytest.importorskip("newsdossier.nlp.timex")
        from newsdossier.model import RawRecord

        document = clean.clean_record(RawRecord(path=str(path), text=raw, format="text"))
        timexes = tuple(timex.tag_text(document.text, document.published))
        doc = nlp(document.text)
        doc.user_data["dct"] = document.published
        annotated.append(
            Annotated(
                doc=Document(
                    id=path.stem, path=str(path), title=document.title, published=document.published,
                    published_basis=document.published_basis, author=None, outlet=None, text=document.text,
                ),
                sentences=tuple(Span(s.start_char, s.end_char) for s in doc.sents),
                paragraphs=(),
                timexes=timexes,
                quantities=tuple(find_quantities(doc, timexes)),
            )
        )
    return annotated, ids


@pytest.mark.parametrize("mode", ["raw", "cleaned-with-timexes"])
def test_build_claims_sample_corpus(nlp, sample_corpus, mode):
    annotated, ids = _sample(nlp, sample_corpus, mode)
    copies = DuplicateGroup(members=(ids["000"], ids["001"]), kind="derived", original=ids["001"], similarity=0.8)
    claims = build_claims(annotated, [copies])

    settlements = [c for c in claims if "settlements" in c.subject]
    assert len(settlements) == 1
    claim = settlements[0]
    assert claim.status == "conflict" and claims[0] == claim
    assert claim.independent_sources == 4
    texts = sorted(v.text for v in claim.values)
    assert texts.count("more than 300 settlements") == 2
    assert "more than 300 occupied settlements" in texts
    assert "nearly 300 settlements and villages" in texts
    summed = next(v for v in claim.values if v.text == "5 cities, 4 towns, and 286 villages")
    assert summed.low == summed.high == 295
    assert {v.doc for v in claim.values} == set(ids.values())

    war = [c for c in claims if c.subject.startswith("duration of the")]
    assert len(war) == 1 and war[0].status == "agree" and war[0].independent_sources >= 3
    assert {v.low for v in war[0].values} == {44}
    assert any(v.doc == ids["004"] for v in war[0].values)  # "The operation, which ..., lasted 44 days"

    flag = [v for c in claims for v in c.values if "440-meter" in v.text or "1,444" in v.text]
    assert len(flag) == 1

    for claim in claims:
        for value in claim.values:
            assert not any(month in value.text for month in ("Nov", "Sept", "September", "November"))
            assert value.text != "100"


def test_build_claims_one_sources_two_figures_are_no_conflict(nlp):
    annotated = [_annotated(nlp, "a", "About 3 million people watched live. Later 9 million people watched the replay.")]
    (claim,) = build_claims(annotated, [])
    assert (claim.status, len(claim.values)) == ("single", 2)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Three people were there.", "Four people were there."),  # people, but no verb saying which
        ("About $20 million.", "About $90 million."),  # a sum with no verb saying what it paid for
    ],
)
def test_build_claims_skips_figures_that_say_not_what_they_measure(nlp, first, second):
    assert build_claims([_annotated(nlp, "a", first), _annotated(nlp, "b", second)], []) == []
