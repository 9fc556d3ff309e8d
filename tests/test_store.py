"""The SQLite store: round trips, idempotent re-runs, full-text search, refusing foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdossier.errors import StoreError
from newsdossier.model import (
    Annotated,
    Claim,
    ClaimValue,
    Document,
    Dossier,
    DuplicateGroup,
    Entity,
    Evidence,
    Mention,
    MentionRef,
    Quantity,
    Quote,
    Rejection,
    RemovedLine,
    Span,
    TimelineEntry,
    Timex,
)
from newsdossier.store import Store
from newsdossier.store.migrations import MIGRATIONS


def make_doc(doc_id: str, text: str, path: str | None = None, **fields: object) -> Document:
    base = dict(title=None, published=None, published_basis=None, author=None, outlet=None)
    base.update(fields)
    return Document(id=doc_id, path=path or f"in/{doc_id}.txt", text=text, **base)  # type: ignore[arg-type]


def sentences_of(text: str) -> tuple[Span, ...]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            spans.append(Span(start, i + 1))
            start = i + 2
    return tuple(spans)


def make_annotated(doc: Document, **kinds: object) -> Annotated:
    return Annotated(doc, sentences_of(doc.text), (Span(0, len(doc.text)),), **kinds)  # type: ignore[arg-type]


TEXT = "Shusha was taken on 8 November 2020. More than 300 settlements were liberated, the ministry said."

ANNOTATED = [
    make_annotated(make_doc("a1", "Plain text only.")),
    make_annotated(
        make_doc(
            "b2",
            TEXT,
            title="Victory — Day «2020»",
            published="2021-11-08",
            published_basis="metadata",
            author="Yasir Rehman",
            outlet="Example News",
            removed=(RemovedLine("Notify of", "comment-widget", 3), RemovedLine("Source: TRT", "source-trailer", 9)),
            url="https://example.org/a?b=1",
            format="html",
            published_evidence="2021-11-08 16:51",
        ),
        timexes=(Timex(20, 35, "8 November 2020", "DATE", "2020-11-08"), Timex(0, 4, "then", "DATE", "PAST_REF", "APPROX")),
        quantities=(Quantity(37, 50, "More than 300", 300.0, 300.0, None, None, "more than", "settlements", "liberated"),),
        mentions=(Mention(0, 6, "Shusha", "GPE"),),
        quotes=(Quote(None, "More than 300 settlements were liberated", "said", "b2", 37, 77),),
    ),
    make_annotated(make_doc("c3", "Emoji 🎉 and ünïcödé text. Second sentence.")),
]

DOSSIER_LINKS = dict(
    duplicates=(DuplicateGroup(("a1", "b2"), "derived", "b2", 0.8),),
    timeline=(TimelineEntry("2020-11-08", None, "Shusha taken", ("b2",), (Evidence("b2", 0, 36, TEXT[:36]),), "single"),),
    claims=(Claim("settlements liberated", (ClaimValue("b2", "More than 300", 300.0, None, None, "more than", 37, 50),), "single", 1),),
    entities=(Entity("Shusha", "LOC", ("Shushi",), (MentionRef("b2", 0, 6),)),),
    quotes=(Quote("the ministry", "More than 300 settlements were liberated", "said", "b2", 37, 77),),
)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "dossier.sqlite")
    yield s
    s.close()


@pytest.mark.parametrize("annotated", ANNOTATED, ids=lambda a: a.doc.id)
def test_store_round_trips_annotated(store: Store, annotated: Annotated) -> None:
    store.save_annotated([annotated])
    assert store.load_annotated() == [annotated]
    assert store.annotated_ids() == {annotated.doc.id}


def test_store_loads_in_path_order(store: Store) -> None:
    docs = [make_annotated(make_doc(i, "Text.", path=p)) for i, p in [("z", "a.txt"), ("a", "c.txt"), ("m", "b.txt")]]
    store.save_annotated(docs)
    assert [a.doc.path for a in store.load_annotated()] == ["a.txt", "b.txt", "c.txt"]


def test_store_saving_again_changes_nothing(tmp_path: Path) -> None:
    dossier = Dossier(documents=tuple(a.doc for a in ANNOTATED), meta={"k": [1, 2]}, **DOSSIER_LINKS)
    rejections = [Rejection("bad.png", "ingest", "binary", "a PNG image, not text")]

    def build() -> dict:
        with Store.open(tmp_path / "dossier.sqlite") as s:
            s.save_annotated(ANNOTATED)
            s.save_rejections(rejections)
            s.save_links(dossier)
            return s.dump()

    first = build()
    assert first == build()
    assert len(first["rejections"]) == 1
    assert [m["name"] for m in first["migrations"]] == [m.__name__ for m in MIGRATIONS]


def test_store_separate_stores_of_same_input_dump_equal(tmp_path: Path) -> None:
    dumps = []
    for name, order in [("one", ANNOTATED), ("two", ANNOTATED[::-1])]:
        with Store.open(tmp_path / name / "dossier.sqlite") as s:
            for a in order:
                s.save_annotated([a])
            dumps.append(s.dump())
    assert dumps[0] == dumps[1]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Alpha one. Beta two.", "Gamma three. Delta four."),  # new offsets
        ("Alpha one. Beta two.", "Gamma one. Beta two."),  # same offsets, one sentence's words changed
        ("Alpha one. Beta two.", "Gamma one."),  # fewer sentences
    ],
)
def test_store_resaving_a_document_replaces_its_sentences(store: Store, before: str, after: str) -> None:
    store.save_annotated([make_annotated(make_doc("d", before))])
    store.save_annotated([make_annotated(make_doc("d", after))])
    assert store.search("alpha") == []
    assert [e.text for e in store.search("gamma")] == [after.split(". ")[0].rstrip(".") + "."]
    assert len(store.dump()["sentences"]) == after.count(".")
    store.check()


def test_store_rejections_are_keyed_by_content(store: Store) -> None:
    r1 = Rejection("x.zip", "ingest", "binary", "a zip archive")
    r2 = Rejection("x.zip", "clean", "empty", "no text left")
    store.save_rejections([r1, r2, r1])
    store.save_rejections([r1])
    assert store.load_rejections() == [r2, r1]  # ordered by path, stage, reason, detail


def test_store_links_are_replaced_as_a_whole(store: Store) -> None:
    store.save_annotated(ANNOTATED)
    full = Dossier(documents=(), meta={"generator": "x"}, **DOSSIER_LINKS)
    store.save_links(full)
    loaded = store.load_dossier()
    for key in DOSSIER_LINKS:
        assert getattr(loaded, key) == DOSSIER_LINKS[key]
    assert loaded.meta == {"generator": "x"}
    assert loaded.documents == tuple(a.doc for a in ANNOTATED)

    store.save_links(Dossier(documents=(), timeline=DOSSIER_LINKS["timeline"]))
    loaded = store.load_dossier()
    assert (loaded.claims, loaded.duplicates, loaded.meta) == ((), (), {})
    assert loaded.timeline == DOSSIER_LINKS["timeline"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("shusha", ["Shusha was taken on 8 November 2020."]),
        ("SETTLEMENTS ministry", ["More than 300 settlements were liberated, the ministry said."]),
        ("unicode", ["Emoji 🎉 and ünïcödé text."]),  # accents folded
        ('"unbalanced (quote', []),  # query syntax never reaches FTS5
        ("", []),
        ("absent-word", []),
    ],
)
def test_store_search_finds_sentences(store: Store, query: str, expected: list[str]) -> None:
    store.save_annotated(ANNOTATED)
    assert [e.text for e in store.search(query)] == expected


def test_store_search_returns_offsets_into_text(store: Store) -> None:
    store.save_annotated(ANNOTATED)
    (hit,) = store.search("liberated")
    assert hit.doc == "b2" and TEXT[hit.start : hit.end] == hit.text


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _newer_store(path: Path) -> None:
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations (id, name) VALUES (99, 'm099_future')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("just some text, not a database"), "not a SQLite database"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "not a SQLite database"),
        (_foreign_sqlite, "not a newsdossier store"),
        (_newer_store, "newer than this newsdossier"),
        (lambda p: p.mkdir(), "cannot read the store"),
    ],
    ids=["text", "png", "foreign-sqlite", "newer-schema", "directory"],
)
def test_store_open_refuses_other_files(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "dossier.sqlite"
    make(path)
    with pytest.raises(StoreError, match=message):
        Store.open(path)


def test_store_reopen_keeps_data_and_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "dossier.sqlite"
    with Store.open(path) as s:
        s.save_annotated(ANNOTATED)
    with Store.open(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert s.load_annotated() == sorted(ANNOTATED, key=lambda a: (a.doc.path, a.doc.id))
        assert len(s.dump()["migrations"]) == len(MIGRATIONS)


def test_store_failed_batch_writes_nothing(store: Store) -> None:
    bad = make_annotated(make_doc("bad", "Fine text."))
    broken = Annotated(bad.doc, (Span(0, 5),), (), quotes=(object(),))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.save_annotated([ANNOTATED[0], broken])
    assert store.annotated_ids() == set()


def test_store_load_dossier_holds_only_the_saved_documents(store: Store) -> None:
    old = Rejection("old.bin", "ingest", "binary", "zeros")
    new = Rejection("new.bin", "ingest", "empty", "0 bytes")
    store.save_annotated(ANNOTATED)
    store.save_rejections([old])
    store.save_links(Dossier(documents=(ANNOTATED[1].doc,), rejections=(new,), **DOSSIER_LINKS))
    loaded = store.load_dossier()
    assert loaded.documents == (ANNOTATED[1].doc,)
    assert loaded.rejections == (new,)
    assert set(store.load_rejections()) == {old, new}


def test_store_dossier_round_trip_writes_identical_outputs(store: Store, tmp_path: Path) -> None:
    from newsdossier.dossier import write_outputs

    dossier = Dossier(
        documents=tuple(a.doc for a in ANNOTATED),
        rejections=(Rejection("x.png", "ingest", "binary", "png"),),
        meta={"title": "t"},
        **DOSSIER_LINKS,
    )
    store.save_annotated(ANNOTATED)
    store.save_links(dossier)
    direct = {k: p.read_bytes() for k, p in write_outputs(dossier, tmp_path / "direct").items()}
    stored = {k: p.read_bytes() for k, p in write_outputs(store.load_dossier(), tmp_path / "stored").items()}
    assert direct == stored


def test_store_upgrades_an_older_schema_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "dossier.sqlite"
    with Store.open(path) as s:
        s.save_annotated(ANNOTATED)
    conn = sqlite3.connect(path)  # turn it back into a version-1 store
    conn.executescript(
        "DROP TABLE dossier_documents; DROP TABLE dossier_rejections; ALTER TABLE annotations DROP COLUMN pipeline;"
        " DROP TABLE story_pairs;"
        " DELETE FROM migrations WHERE id > 1;"
    )
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert len(s.load_annotated()) == len(ANNOTATED)
        s.save_links(Dossier(documents=(ANNOTATED[0].doc,)))
        assert s.load_dossier().documents == (ANNOTATED[0].doc,)


def test_store_exports_its_public_names() -> None:
    import newsdossier.store

    assert newsdossier.store.__all__ == ["Store", "sentence_rowid"]
    assert all(hasattr(newsdossier.store, name) for name in newsdossier.store.__all__)


@pytest.mark.parametrize(("ids", "expected"), [(None, ["a1", "b2", "c3"]), ({"c3", "a1", "zz"}, ["a1", "c3"]), (set(), [])])
def test_store_load_annotated_selects_by_id(store: Store, ids, expected: list[str]) -> None:
    store.save_annotated(ANNOTATED)
    assert [a.doc.id for a in store.load_annotated(ids)] == expected
    assert [a.doc.id for a in store.load_annotated()] == ["a1", "b2", "c3"]  # the selection does not stick


def test_store_annotated_documents_skips_documents_without_annotations(store: Store) -> None:
    store.save_annotated(ANNOTATED[:2])
    store.save_documents([ANNOTATED[2].doc])
    assert store.annotated_documents() == {a.doc.id: a.doc for a in ANNOTATED[:2]}


def test_store_saving_a_dossier_of_unstored_documents_fails_and_writes_nothing(store: Store) -> None:
    store.save_annotated(ANNOTATED[:1])
    store.save_links(Dossier(documents=(ANNOTATED[0].doc,), **DOSSIER_LINKS))
    before = store.dump()
    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.save_links(Dossier(documents=(make_doc("nowhere", "x"),)))
    assert store.dump() == before
