"""The sample corpus (real scraped text) through the store and the outputs, without the NLP stage."""

from __future__ import annotations

import json
import re
from pathlib import Path

from newsdossier.dossier import validate, write_outputs
from newsdossier.model import Annotated, Document, Dossier, Span, content_id
from newsdossier.store import Store

SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def raw_annotated(path: Path) -> Annotated:
    text = path.read_text(encoding="utf-8")
    doc = Document(content_id(text), path.name, None, None, None, None, None, text)
    sentences = tuple(Span(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.group().strip())
    return Annotated(doc, sentences, (Span(0, len(text)),))


def test_store_sample_corpus_round_trips_and_outputs_validate(sample_corpus: Path, tmp_path: Path) -> None:
    annotated = [raw_annotated(p) for p in sorted(sample_corpus.glob("*.txt"))]
    with Store.open(tmp_path / "dossier.sqlite") as store:
        store.save_annotated(annotated)
        store.save_annotated(annotated)
        assert store.load_annotated() == sorted(annotated, key=lambda a: (a.doc.path, a.doc.id))
        assert store.search("Shusha")
        store.check()
        store.save_links(Dossier(documents=tuple(a.doc for a in annotated)))
        dossier = store.load_dossier()
    paths = write_outputs(dossier, tmp_path)
    validate(json.loads(paths["json"].read_text(encoding="utf-8")))
    page = paths["report"].read_text(encoding="utf-8")
    assert page.count('<article class="source"') == len(annotated)
