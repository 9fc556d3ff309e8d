"""The teacher/student recipe's pure parts: silver readers, leak filter, windows, case classes, PCA.

None of these need the ``train`` extra (torch, transformers), which CI does not install.
"""

from __future__ import annotations

import numpy as np

from newsdossier.training.corpora import GoldDoc
from newsdossier.training.silver import drop_overlap, read_cat, tokenize_text
from newsdossier.training.teacher import TAGS, Window, case_class, windows
from newsdossier.training.vectors import reduce, vocabulary

CAT = """<?xml version="1.0" ?><Document doc_id="77" doc_name="x">
<token number="0" sentence="0" t_id="1">http://example.org/story</token>
<token number="1" sentence="1" t_id="2">Lindqvist</token>
<token number="2" sentence="1" t_id="3">visited</token>
<token number="3" sentence="1" t_id="4">Oslo</token>
<token number="4" sentence="1" t_id="5">.</token>
<token number="5" sentence="2" t_id="6">She</token>
<token number="6" sentence="2" t_id="7">left</token>
<token number="7" sentence="2" t_id="8">.</token>
<Markables/></Document>
"""


def test_read_cat_keeps_sentences_and_drops_url_lines(tmp_path):
    path = tmp_path / "77.xml"
    path.write_text(CAT, "utf-8")
    doc = read_cat(path)
    assert doc.id == "77"
    assert doc.words == ["Lindqvist", "visited", "Oslo", ".", "She", "left", "."]
    assert doc.sent_starts == [True, False, False, False, True, False, False]
    assert doc.spans == []


def test_read_cat_with_no_tokens_is_none(tmp_path):
    path = tmp_path / "empty.xml"
    path.write_text('<Document doc_id="1"></Document>', "utf-8")
    assert read_cat(path) is None


def test_tokenize_text_splits_paragraphs_and_sentences():
    doc = tokenize_text("w", "Course of the war\n\nOn May 3, Corvel fell. Troops left Arno!\n")
    sentences, current = [], []
    for word, start in zip(doc.words, doc.sent_starts, strict=True):
        if start and current:
            sentences.append(current)
            current = []
        current.append(word)
    sentences.append(current)
    assert sentences == [["Course", "of", "the", "war"], ["On", "May", "3", ",", "Corvel", "fell", "."], ["Troops", "left", "Arno", "!"]]


def test_drop_overlap_removes_documents_sharing_a_test_sentence():
    sentence = "the committee met on tuesday to discuss the new budget plan".split()
    test = GoldDoc("t", sentence, [True] + [False] * (len(sentence) - 1))
    leaking = GoldDoc("a", ["Hello", "."] + sentence, [True, False, True] + [False] * (len(sentence) - 1))
    clean = GoldDoc("b", ["Other", "text", "entirely", "."], [True, False, False, False])
    short = GoldDoc("c", ["the", "committee", "met"], [True, False, False])
    kept = drop_overlap([leaking, clean, short], [test])
    assert [d.id for d in kept] == ["b", "c"]


def test_windows_pack_sentences_and_cut_long_ones():
    words = ["w"] * 10
    starts = [True, False, False, True, False, False, True, False, False, False]
    doc = GoldDoc("d", words, starts)
    assert windows([doc], size=6) == [Window(0, 0, 6), Window(0, 6, 10)]
    long = GoldDoc("e", ["w"] * 13, [True] + [False] * 12)
    assert windows([long], size=5) == [Window(0, 0, 5), Window(0, 5, 10), Window(0, 10, 13)]
    assert windows([GoldDoc("f", [], [])]) == []


def test_case_class_separates_shapes_and_sentence_start():
    classes = {case_class(w, s) for w, s in [("oslo", False), ("Oslo", False), ("NATO", False), ("McDonald", False), ("1992", False), ("Oslo", True)]}
    assert len(classes) == 6
    assert all(0 <= c < 10 for c in classes)
    assert case_class("A", False) == case_class("Oslo", False)


def test_tags_are_bio_over_the_shipped_labels():
    assert TAGS[0] == "O"
    assert {t[2:] for t in TAGS[1:]} == {"PERSON", "ORG", "LOC"}


def test_reduce_keeps_the_leading_variance_directions():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(200, 2)) * [10.0, 5.0]
    matrix = np.hstack([base, rng.normal(size=(200, 6)) * 0.01])
    out = reduce(matrix, 2)
    assert out.shape == (200, 2) and out.dtype == np.float32
    assert abs(np.var(out[:, 0]) - np.var(base[:, 0])) / np.var(base[:, 0]) < 0.05


def test_vocabulary_takes_corpus_words_then_frequent_words():
    docs = [GoldDoc("d", ["Corvel", "corvel", "dam", "Dam", "x1", "42", "the"], [True] + [False] * 6)]
    words = vocabulary(docs, rows=50)
    assert "corvel" in words and "dam" in words
    assert "the" in words  # a frequent English word from wordfreq, though seen only once here
    assert "x1" not in words  # seen once and not a frequent word
    assert "42" not in words and len(words) == 50 and words == sorted(words)


def test_viterbi_keeps_names_whole_where_argmax_fragments_them():
    from newsdossier.training.teacher import TAG_ID, viterbi

    def row(**probs):
        out = [-9.0] * len(TAGS)
        for tag, value in probs.items():
            out[TAG_ID[tag.replace("_", "-")]] = value
        return out

    # "Museum of Flight": argmax says B-ORG I-ORG I-LOC; the valid path keeps one ORG.
    scores = [row(B_ORG=-0.2, B_LOC=-1.8), row(I_ORG=-0.5, I_LOC=-0.9), row(I_LOC=-0.6, I_ORG=-0.8)]
    assert [TAGS[t] for t in viterbi(scores)] == ["B-ORG", "I-ORG", "I-ORG"]
    # An I- tag can never start a sequence or follow O.
    assert [TAGS[t] for t in viterbi([row(I_PERSON=-0.1, O=-2.0), row(O=-0.1)])] == ["O", "O"]
    assert viterbi([]) == []
