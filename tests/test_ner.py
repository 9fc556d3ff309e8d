"""NER gold readers, the exact-span scorer, and the IOB2 writer, on hand-written inputs."""

from __future__ import annotations

import pytest

from newsdossier.evaluate.ner import NerScores, format_scores, score_docs, to_iob2
from newsdossier.training.corpora import GoldDoc, parse_conllu, parse_iob2, spans_from_tags, tags_from_spans

UNER = """\
# newdoc id = d1
# sent_id = d1-0001
# text = Al-Zaman : American forces
1\tAl\tB-ORG\t-\tx
2\t-\tI-ORG\t-\tx
3\tZaman\tI-ORG\t-\tx
4\t:\tO
5\tAmerican\tB-OTH\t-\tx
6\tforces\tO

# sent_id = d1-0002
1\tShaikh\tB-PER
2\tAni\tI-PER
3\tin\tB-O
4\tQaim\tB-LOC

# newdoc id = d2
1\tParis\tB-LOC
"""

# Two sentences in GUM's CoNLL-U layout: a person mention with a nested organisation, a place
# mention whose head is a common noun (not a name), and a title inside the person mention.
GUM = """\
# newdoc id = GUM_news_test
# meta::genre = news
# text = NASA Administrator Charles Bolden spoke .
1\tNASA\tNASA\tPROPN\tNNP\t_\t4\tcompound\t_\tEntity=(1-person-new-x(2-organization-new-x)
2\tAdministrator\tAdministrator\tPROPN\tNNP\t_\t4\tcompound\t_\t_
3\tCharles\tCharles\tPROPN\tNNP\t_\t4\tflat\t_\t_
4\tBolden\tBolden\tPROPN\tNNP\t_\t5\tnsubj\t_\tEntity=1)
5\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

# text = The city of New York .
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(3-place-new-x
2\tcity\tcity\tNOUN\tNN\t_\t0\troot\t_\t_
3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_
4\tNew\tNew\tADJ\tNNP\t_\t2\tnmod\t_\tEntity=(4-place-new-x
5\tYork\tYork\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=4)3)
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def test_iob2_reads_documents_sentences_and_folds_oth_and_stray_b_o():
    docs = list(parse_iob2(UNER.splitlines(keepends=True)))
    assert [d.id for d in docs] == ["d1", "d2"]
    d1 = docs[0]
    assert d1.words[:3] == ["Al", "-", "Zaman"]
    assert [i for i, s in enumerate(d1.sent_starts) if s] == [0, 6]
    assert d1.spans == [(0, 3, "ORG"), (6, 8, "PERSON"), (9, 10, "LOC")]
    assert docs[1].spans == [(0, 1, "LOC")]


@pytest.mark.parametrize(
    ("tags", "spans"),
    [
        (["B-PER", "I-PER", "O"], [(0, 2, "PERSON")]),
        (["I-LOC", "I-LOC"], [(0, 2, "LOC")]),  # seqeval: a leading I- starts a span
        (["B-ORG", "I-LOC"], [(0, 1, "ORG"), (1, 2, "LOC")]),
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["B-OTH", "I-OTH", "B-GPE"], [(2, 3, "LOC")]),
        (["O", "B-O"], []),
    ],
)
def test_spans_from_tags(tags, spans):
    assert spans_from_tags(tags) == spans


def test_tags_from_spans_uses_uner_names():
    assert tags_from_spans(4, [(0, 2, "PERSON"), (3, 4, "LOC")]) == ["B-PER", "I-PER", "O", "B-LOC"]


def test_conllu_keeps_named_mentions_and_cuts_nested_names_and_titles():
    (doc,) = parse_conllu(GUM.splitlines(keepends=True))
    assert doc.genre == "news"
    named = [(" ".join(doc.words[s:e]), label) for s, e, label in doc.spans]
    assert named == [("NASA", "ORG"), ("Charles Bolden", "PERSON"), ("New York", "LOC")]
    assert [i for i, s in enumerate(doc.sent_starts) if s] == [0, 6]


def _gold(spans):
    return GoldDoc("d", words=["w"] * 10, sent_starts=[True] + [False] * 9, spans=spans)


def test_score_docs_exact_match_per_type():
    gold = [_gold([(0, 2, "PERSON"), (3, 4, "LOC"), (5, 6, "ORG")])]
    pred = [[(0, 2, "PERSON"), (3, 5, "LOC"), (7, 8, "ORG")]]
    scores = score_docs(gold, pred)
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 2, 2)
    assert scores.per_type["PERSON"].f1 == 1.0
    assert scores.per_type["LOC"].f1 == 0.0
    assert scores.overall.f1 == pytest.approx(1 / 3)
    assert "overall" in format_scores(scores)


def test_score_docs_empty_is_zero_not_error():
    scores = score_docs([_gold([])], [[]])
    assert isinstance(scores, NerScores) and scores.overall.f1 == 0.0


def test_to_iob2_round_trips_and_cuts_spans_at_sentence_breaks():
    doc = GoldDoc("d", words=["Ann", "Lee", "Paris", "Rome"], sent_starts=[True, False, True, False])
    text = to_iob2([doc], [[(0, 3, "PERSON"), (3, 4, "LOC")]])
    (back,) = parse_iob2(text.splitlines(keepends=True))
    assert back.words == doc.words and back.sent_starts == doc.sent_starts
    assert back.spans == [(0, 2, "PERSON"), (2, 3, "PERSON"), (3, 4, "LOC")]


def test_swap_names_replaces_each_name_with_one_of_the_same_type():
    from newsdossier.training.recipe import swap_names

    docs = [
        GoldDoc("a", ["Ann", "Lee", "met", "Bob", "in", "Rome", "."], [True] + [False] * 6, [(0, 2, "PERSON"), (3, 4, "PERSON"), (5, 6, "LOC")]),
        GoldDoc("b", ["Paris", "is", "big", ".", "Yes"], [True, False, False, False, True], [(0, 1, "LOC")]),
    ]
    swapped = swap_names(docs, seed=1)
    assert swapped == swap_names(docs, seed=1)  # deterministic for a seed
    for before, after in zip(docs, swapped, strict=True):
        assert [label for *_, label in after.spans] == [label for *_, label in before.spans]
        assert len(after.words) == len(after.sent_starts)
        assert sum(after.sent_starts) == sum(before.sent_starts)
        outside = [w for i, w in enumerate(after.words) if not any(s <= i < e for s, e, _ in after.spans)]
        assert outside == [w for i, w in enumerate(before.words) if not any(s <= i < e for s, e, _ in before.spans)]
