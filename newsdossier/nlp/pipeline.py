"""The per-document stage: a pure function from a batch of Documents to Annotated documents.

``annotate_batch`` has no side effects beyond a per-process cache of the loaded spaCy pipeline
(one model load per worker), so it runs unchanged in a process pool today and as a Ray Data
``map_batches`` function later. The only importer of spaCy outside the extractor components.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsdossier.errors import ModelError
from newsdossier.model import Annotated, Document, Mention, Quote, Span, content_id
from newsdossier.nlp import extensions

SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "models" / "en_newsdossier"

# Rule-based components added after the statistical ones, in this order: (module, factory name).
# The module import registers the factory with spaCy.
RULE_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsdossier.nlp.timex.component", "newsdossier_timex"),
    ("newsdossier.nlp.quantities.component", "newsdossier_quantities"),
    ("newsdossier.nlp.quotes.component", "newsdossier_quotes"),
)

SENTENCE_SOURCES = ("senter", "parser", "sentencizer")

# spaCy NER labels folded to the dossier's entity types; labels not listed (NORP, DATE, …) are dropped.
ENTITY_TYPES = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def pipeline_fingerprint(name: str = "default") -> str:
    """What identifies the annotations a pipeline makes, without loading it: newsdossier's version,
    the pipeline asked for (with the shipped model's own version) and the rule components."""
    from newsdossier import __version__

    model = name
    if name == "default" and SHIPPED_MODEL.is_dir():
        meta = SHIPPED_MODEL / "meta.json"
        model = f"shipped:{content_id(meta.read_text('utf-8'))}" if meta.is_file() else "shipped"
    return content_id(__version__, model, *(factory for _, factory in RULE_COMPONENTS))


@lru_cache(maxsize=2)
def load_pipeline(name: str = "default") -> Language:
    """Load a spaCy pipeline once per process: "default" (shipped, else blank English), "blank", or any installed one."""
    extensions.register()
    if name == "blank" or (name == "default" and not SHIPPED_MODEL.is_dir()):
        nlp = spacy.blank("en")
    else:
        target = SHIPPED_MODEL if name == "default" else name
        try:
            nlp = spacy.load(target)
        except OSError as exc:
            raise ModelError(f"cannot load spaCy pipeline {target!s}: {exc}") from exc
    if not any(pipe in nlp.pipe_names for pipe in SENTENCE_SOURCES):
        nlp.add_pipe("sentencizer", first=True)
    for module_name, factory in RULE_COMPONENTS:
        importlib.import_module(module_name)
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, last=True)
    return nlp


def paragraphs_of(text: str) -> tuple[Span, ...]:
    """Paragraph spans: stretches between blank lines, trimmed of surrounding whitespace."""
    spans = []
    start = 0
    for brk in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        spans.extend(_trimmed(text, start, end))
        if brk:
            start = brk.end()
    return tuple(spans)


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    lead = len(chunk) - len(chunk.lstrip())
    return [Span(start + lead, start + lead + len(stripped))]


def sentences_of(doc: Doc, paragraphs: Sequence[Span]) -> tuple[Span, ...]:
    """spaCy's sentences, also split at paragraph boundaries so none spans two paragraphs."""
    text = doc.text
    spans: list[Span] = []
    for sent in doc.sents:
        for para in paragraphs:
            start, end = max(sent.start_char, para.start), min(sent.end_char, para.end)
            if start < end:
                spans.extend(_trimmed(text, start, end))
    return tuple(spans)


def _prepared(nlp: Language, text: str, dct: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data[extensions.DCT_KEY] = dct
    return doc


def annotate_document(nlp: Language, document: Document, doc: Doc, default_dct: str | None = None) -> Annotated:
    """Turn one processed doc into stage objects; infer the publication date when the source gives none.

    ``doc`` was processed with the document's own date as DCT (none when it states none). When the
    text implies a date, the document is processed again anchored on it; failing that, on the
    build's ``default_dct`` if one was given.
    """
    if document.published is None:
        inferred = _infer_published(doc)
        if inferred is not None:
            document = dataclasses.replace(
                document,
                published=inferred.value,
                published_basis="inferred",
                published_evidence=inferred.evidence,
            )
            doc = nlp(_prepared(nlp, document.text, inferred.value))
        elif default_dct is not None:
            doc = nlp(_prepared(nlp, document.text, default_dct))
    paragraphs = paragraphs_of(document.text)
    return Annotated(
        doc=document,
        sentences=sentences_of(doc, paragraphs),
        paragraphs=paragraphs,
        timexes=tuple(s._.timex for s in doc.spans.get("timex", ()) if s._.timex is not None),
        quantities=tuple(s._.quantity for s in doc.spans.get("quantities", ()) if s._.quantity is not None),
        mentions=tuple(
            Mention(e.start_char, e.end_char, e.text, ENTITY_TYPES[e.label_]) for e in doc.ents if e.label_ in ENTITY_TYPES
        ),
        quotes=tuple(
            Quote(q.speaker, q.text, q.cue, document.id, q.start, q.end)
            for q in (s._.quote for s in doc.spans.get("quotes", ()))
            if q is not None
        ),
    )


def _infer_published(doc: Doc):
    """The publication date the text implies, from timexes tagged without a DCT (None if none or no tagger)."""
    if "timex" not in doc.spans:
        return None
    from newsdossier.nlp.pubdate import infer_published

    timexes = [s._.timex for s in doc.spans["timex"] if s._.timex is not None]
    return infer_published(doc.text, timexes)


def annotate_batch(documents: Sequence[Document], pipeline: str = "default", dct: str | None = None) -> list[Annotated]:
    """The per-document stage: pure in its inputs, one pipeline load per process."""
    nlp = load_pipeline(pipeline)
    docs = nlp.pipe(_prepared(nlp, d.text, d.published) for d in documents)
    return [annotate_document(nlp, document, doc, dct) for document, doc in zip(documents, docs, strict=True)]
