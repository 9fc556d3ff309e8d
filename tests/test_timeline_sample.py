"""The timeline and inferred publication dates on the sample corpus (the issue's done-when).

Runs the real ingest, cleaning and per-document stage (sentences, temporal tagger, publication-date
inference for undated articles); copy groups are the copy linker's.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from newsdossier.clean import clean_record
from newsdossier.ingest import read_inputs
from newsdossier.link.copies import find_duplicates
from newsdossier.link.timeline import build_timeline
from newsdossier.model import Annotated, Document
from newsdossier.nlp.pipeline import annotate_batch
from newsdossier.settings import Options


@lru_cache(maxsize=1)
def _annotated(corpus: str) -> tuple[Annotated, ...]:
    """The corpus through the real ingest, cleaning and per-document stage (tagger, date inference)."""
    documents = [clean_record(record) for record in read_inputs([corpus], Options(progress=False))]
    assert all(isinstance(d, Document) for d in documents), documents
    return tuple(annotate_batch(documents))


@pytest.fixture(scope="module")
def corpus(sample_corpus):
    annotated = _annotated(str(sample_corpus))
    names = {a.doc.path.rsplit("/", 1)[-1][:3]: a for a in annotated}
    groups = find_duplicates(annotated)
    return names, build_timeline(annotated, groups)


@pytest.mark.parametrize(
    "name,value,clue",
    [("000", "2021-11-08", "first anniversary"), ("002", "2022-11-08", "second anniversary")],
)
def test_timeline_sample_undated_articles_get_inferred_dates(corpus, name, value, clue):
    names, _ = corpus
    doc = names[name].doc
    assert (doc.published, doc.published_basis) == (value, "inferred")
    assert clue in doc.published_evidence


@pytest.mark.parametrize(
    "date,status,words,min_sources",
    [
        ("2020-09-27", "corroborated", ("started", "began"), 3),
        ("2020-11-08", "corroborated", ("Shusha",), 3),
        ("2020-11-10", "corroborated", ("signed",), 5),
        ("1992-05-08", "single", ("occupied Shusha",), 1),
        ("2020-12-03", "single", ("order",), 1),
        ("2023-09-19", "single", ("operation",), 1),
    ],
)
def test_timeline_sample_dated_happenings(corpus, date, status, words, min_sources):
    _, entries = corpus
    matching = [
        e for e in entries
        if e.date == date and e.status == status and any(w in ev.text for ev in e.evidence for w in words)
    ]
    assert len(matching) == 1, [(e.date, e.status, e.summary) for e in entries if e.date == date]
    assert len(matching[0].sources) >= min_sources


def test_timeline_sample_statement_is_one_entry_with_every_source(corpus):
    names, entries = corpus
    (statement,) = [e for e in entries if e.date == "2020-11-10" and e.status == "corroborated"]
    assert set(statement.sources) == {a.doc.id for a in names.values()}


def test_timeline_sample_end_of_war_is_a_conflict(corpus):
    _, entries = corpus
    (conflict,) = [e for e in entries if e.status == "conflict"]
    assert {conflict.date, *conflict.alternatives} == {"2020-11-09", "2020-11-10"}


def test_timeline_sample_anniversaries_are_dated_when_celebrated(corpus):
    _, entries = corpus
    recalled = [e for e in entries if e.date.startswith("2020") and any("anniversary" in ev.text for ev in e.evidence)]
    assert recalled == []


def test_timeline_sample_holiday_days_are_not_dated(corpus):
    """ "Nov. 10 … was declared 'Victory Day', this date was replaced by Nov. 8": recurring days, no entry."""
    _, entries = corpus
    holiday = [e for e in entries if any("declared" in ev.text or "replaced by" in ev.text for ev in e.evidence)]
    assert holiday == []
