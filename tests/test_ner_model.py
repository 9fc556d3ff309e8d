"""The shipped pipeline: loads offline, segments sentences, tags PERSON/ORG/LOC, carries its licence and meta."""

from __future__ import annotations

import json

import pytest

from newsdossier.models import shipped_model_path

MAX_MODEL_BYTES = 40 * 1024 * 1024  # the size budget for the shipped model


@pytest.fixture(scope="module")
def model_dir():
    path = shipped_model_path()
    if not path.is_dir():
        pytest.skip(f"no shipped model at {path}; run `make model`")
    return path


@pytest.fixture(scope="module")
def nlp(model_dir):
    import spacy

    return spacy.load(model_dir)


def test_ner_model_within_size_budget(model_dir):
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    assert size <= MAX_MODEL_BYTES


def test_ner_model_meta_records_data_licence_and_scores(model_dir):
    meta = json.loads((model_dir / "meta.json").read_text("utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert {s["name"].split(" ")[0] for s in meta["sources"]} >= {"UNER", "GUM"}
    recipe = meta["newsdossier"]
    assert {"seed", "config", "held_out", "training_words"} <= set(recipe)
    assert "Attribution-ShareAlike" in (model_dir / "LICENSE").read_text("utf-8")


def test_ner_model_has_sentence_source_and_entity_labels(nlp):
    assert {"senter", "sentencizer", "parser"} & set(nlp.pipe_names)
    assert {"PERSON", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("President Barack Obama met reporters in Chicago on Monday.", "Barack Obama", "PERSON"),
        ("The company moved its headquarters to London last year.", "London", "LOC"),
    ],
)
def test_ner_model_tags_plain_sentences(nlp, text, name, label):
    doc = nlp(text)
    assert (name, label) in {(e.text, e.label_) for e in doc.ents}
    assert len(list(doc.sents)) >= 1
