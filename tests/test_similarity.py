"""Story similarity (newsdossier.link.similarity)."""

from __future__ import annotations

import pytest

from newsdossier.link import similarity
from newsdossier.link.similarity import CorpusIdf, StoryFeatures, similar_pairs, story_pairs, story_similarity, tfidf_cosine
from newsdossier.model import Annotated, Document, Mention, StoryPair, Timex

QUAKE_A = ("A magnitude 6.1 earthquake struck Qeshm island in southern Iran on Sunday, killing 10 people "
           "and destroying several villages near Bandar Abbas, officials said.")
QUAKE_B = ("At least 10 people died when an earthquake hit Iran's Qeshm island on Sunday; rescuers searched "
           "villages near Bandar Abbas for survivors.")
QUAKE_OTHER = ("An earthquake of magnitude 5.2 shook central Italy near Perugia on Tuesday, damaging churches "
               "but causing no deaths, civil protection officials said.")
FOOTBALL = ("The home side scored twice in the second half to win the cup final at Wembley, "
            "their first trophy in twelve years.")


def _ann(doc_id: str, text: str, **layers) -> Annotated:
    doc = Document(id=doc_id, path=doc_id, title=None, published=None, published_basis=None, author=None,
                   outlet=None, text=text)
    return Annotated(doc=doc, sentences=(), paragraphs=(), **layers)


def test_story_similarity_orders_same_story_above_same_topic_above_unrelated() -> None:
    a, b, other, football = (_ann(n, t) for n, t in [("a", QUAKE_A), ("b", QUAKE_B), ("o", QUAKE_OTHER), ("f", FOOTBALL)])
    same, topic, unrelated = story_similarity(a, b), story_similarity(a, other), story_similarity(a, football)
    assert 1.0 >= same > topic > unrelated >= 0.0


@pytest.mark.parametrize("text", [QUAKE_A, FOOTBALL])
def test_story_similarity_of_a_text_with_itself_is_one(text: str) -> None:
    assert story_similarity(_ann("x", text), _ann("y", text)) == pytest.approx(1.0)


def test_story_similarity_is_symmetric() -> None:
    a, b = _ann("a", QUAKE_A), _ann("b", QUAKE_B)
    assert story_similarity(a, b) == story_similarity(b, a)


@pytest.mark.parametrize(
    ("wording", "entities", "dates", "numbers", "expected"),
    [
        (1.0, 1.0, 1.0, 1.0, 1.0),
        (0.0, 0.0, 0.0, 0.0, 0.0),
        (0.0, None, None, None, 0.0),  # missing signals are neutral
        (1.0, None, None, None, 1.0),
        (0.0, 1.0, 1.0, 1.0, 0.1),  # wording carries 0.9 of the score
    ],
)
def test_story_features_score_weights(wording, entities, dates, numbers, expected) -> None:
    assert StoryFeatures(wording, entities, dates, numbers).score() == pytest.approx(expected, abs=1e-3)


def test_story_features_prefer_annotations_over_text_fallbacks() -> None:
    a = _ann("a", "nothing capitalised here 5", mentions=(Mention(0, 7, "Qeshm", "LOC"),),
             timexes=(Timex(0, 3, "Sunday", "DATE", "2013-04-07"),))
    b = _ann("b", "Qeshm Island on 7 April 2013 had 5 victims",
             mentions=(Mention(0, 5, "Qeshm", "LOC"),), timexes=(Timex(9, 22, "7 April 2013", "DATE", "2013-04-07"),))
    features = similarity.story_features(a, b)
    assert (features.entities, features.dates, features.numbers) == (1.0, 1.0, 1.0)


def test_story_features_fall_back_to_capitalised_words_years_and_numbers() -> None:
    features = similarity.story_features(_ann("a", "Rain in Paris on May 3, 2020: 40 mm."),
                                         _ann("b", "Paris flooded on 3 May 2020 after 40 mm of rain."))
    assert features.entities == 1.0 and features.dates == 1.0 and features.numbers == 1.0


def test_tfidf_cosine_uses_given_idf() -> None:
    idf = CorpusIdf([QUAKE_A, QUAKE_B, QUAKE_OTHER, FOOTBALL])
    assert tfidf_cosine(QUAKE_A, QUAKE_A, idf) == pytest.approx(1.0)
    assert tfidf_cosine(QUAKE_A, FOOTBALL, idf) < tfidf_cosine(QUAKE_A, QUAKE_B, idf)


def test_similar_pairs_small_input_scores_every_pair_best_first() -> None:
    docs = [_ann(n, t) for n, t in [("b", QUAKE_B), ("a", QUAKE_A), ("f", FOOTBALL)]]
    pairs = similar_pairs(docs)
    assert [(x, y) for x, y, _ in pairs][0] == ("a", "b")
    assert len(pairs) == 3 and all(x < y for x, y, _ in pairs)
    assert [s for *_, s in pairs] == sorted((s for *_, s in pairs), reverse=True)
    assert story_pairs(docs, min_score=pairs[0][2]) == [StoryPair("a", "b", pairs[0][2])]


def test_similar_pairs_large_input_blocks_on_shared_key_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(similarity, "ALL_PAIRS_MAX", 2)
    docs = [_ann("a", QUAKE_A), _ann("b", QUAKE_B), _ann("f", FOOTBALL)]
    assert [(x, y) for x, y, _ in similar_pairs(docs)] == [("a", "b")]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        ({"a": QUAKE_A, "b": QUAKE_B, "f": FOOTBALL}, ["f"]),
        ({"a": QUAKE_A, "b": QUAKE_B}, []),  # two documents: neither is the odd one out
        ({"a": QUAKE_A, "b": QUAKE_B, "c": QUAKE_A}, []),
    ],
)
def test_unrelated_documents_flags_the_odd_one_out(texts: dict[str, str], expected: list[str]) -> None:
    assert similarity.unrelated_documents([_ann(k, v) for k, v in texts.items()]) == expected


def test_unrelated_in_lists_documents_whose_best_pair_is_weak() -> None:
    from newsdossier.link.similarity import UNRELATED_MIN_DOCS, unrelated_in

    ids = [f"d{i}" for i in range(max(UNRELATED_MIN_DOCS, 4))]
    pairs = [("d0", "d1", 0.9), ("d1", "d2", 0.5), ("d0", "d3", 0.1)]
    assert unrelated_in(ids, pairs, min_score=0.3) == [i for i in ids if i not in {"d0", "d1", "d2"}]
