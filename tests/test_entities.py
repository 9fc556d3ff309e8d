"""Cross-document entity resolution: each rule on hand-made mentions."""

from __future__ import annotations

import dataclasses

import pytest

from newsdossier.link.entities import clean_name, cued_person_mentions, fold, resolve_entities
from newsdossier.model import Annotated, Document, Mention


def _annotated(doc_id: str, text: str, mentions: list[tuple[str, str]]) -> Annotated:
    """A document whose mentions are the first occurrence after the previous one of each (surface, label)."""
    found, cursor = [], 0
    for surface, label in mentions:
        start = text.index(surface, cursor)
        found.append(Mention(start, start + len(surface), surface, label))
        cursor = start + len(surface)
    doc = Document(doc_id, f"{doc_id}.txt", None, None, None, None, None, text)
    return Annotated(doc=doc, sentences=(), paragraphs=(), mentions=tuple(found))


def _names(entities) -> dict[str, tuple[str, int]]:
    return {e.name: (e.type, len(e.mentions)) for e in entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Türkiye", "turkiye"),
        ("Turkiye", "turkiye"),
        ("U.S.", "us"),
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("  Baku ", "baku"),
    ],
)
def test_fold_accents_case_and_punctuation(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "label", "name", "offset"),
    [
        ("President Ilham Aliyev", "PERSON", "Ilham Aliyev", 10),
        ("PresidentIlham Aliyev", "PERSON", "Ilham Aliyev", 9),
        ("Turkish President Recep Tayyip Erdogan", "PERSON", "Turkish President Recep Tayyip Erdogan", 0),
        ("Mr. Smith's", "PERSON", "Smith", 4),
        ("Shusha city", "LOC", "Shusha", 0),
        ("the city of Shusha", "GPE", "Shusha", 12),
        ("the European Union", "ORG", "European Union", 4),
        ("Ministry of Foreign Affairs", "ORG", "Ministry of Foreign Affairs", 0),
    ],
)
def test_clean_name_strips_titles_articles_and_place_words(text, label, name, offset):
    form = clean_name(text, 100, label)
    assert form is not None
    assert (form.text, form.start - 100) == (name, offset)
    assert form.end - form.start == len(name)


@pytest.mark.parametrize("text", ["President", "Prime Minister", "'s", "--"])
def test_clean_name_drops_bare_titles_and_punctuation(text):
    assert clean_name(text, 0, "PERSON") is None


def test_resolve_title_glued_title_and_surname_make_one_person():
    a = _annotated(
        "a",
        "President Ilham Aliyev spoke. PresidentIlham Aliyev left. Aliyev said so.",
        [("President Ilham Aliyev", "PERSON"), ("PresidentIlham Aliyev", "PERSON"), ("Aliyev", "PERSON")],
    )
    entities = resolve_entities([a])
    assert _names(entities) == {"Ilham Aliyev": ("PERSON", 3)}
    assert entities[0].mentions[1].start == a.doc.text.index("Ilham Aliyev left")


def test_resolve_same_surname_different_first_names_stay_apart_and_bare_surname_takes_the_latest_full_name():
    a = _annotated(
        "a",
        "Ilham Aliyev met Heydar Aliyev. Aliyev spoke. Mehriban Aliyeva came.",
        [("Ilham Aliyev", "PERSON"), ("Heydar Aliyev", "PERSON"), ("Aliyev", "PERSON"), ("Mehriban Aliyeva", "PERSON")],
    )
    assert _names(resolve_entities([a])) == {
        "Ilham Aliyev": ("PERSON", 1),
        "Heydar Aliyev": ("PERSON", 2),
        "Mehriban Aliyeva": ("PERSON", 1),
    }


def test_resolve_bare_surname_without_a_full_name_in_its_document_stays_ambiguous_unless_one_dominates():
    a = _annotated("a", "Ilham Aliyev met Heydar Aliyev.", [("Ilham Aliyev", "PERSON"), ("Heydar Aliyev", "PERSON")])
    b = _annotated("b", "Aliyev spoke.", [("Aliyev", "PERSON")])
    assert _names(resolve_entities([a, b]))["Aliyev"] == ("PERSON", 1)
    c = _annotated("c", "Ilham Aliyev. Ilham Aliyev. Ilham Aliyev.", [("Ilham Aliyev", "PERSON")] * 3)
    names = _names(resolve_entities([a, b, c]))
    assert "Aliyev" not in names
    assert names["Ilham Aliyev"] == ("PERSON", 5)


def test_resolve_drops_nationalities():
    a = _annotated(
        "a",
        "Azerbaijani troops and Armenians met Azeri officials in Baku.",
        [("Azerbaijani", "LOC"), ("Armenians", "PERSON"), ("Azeri", "LOC"), ("Baku", "GPE")],
    )
    assert _names(resolve_entities([a])) == {"Baku": ("LOC", 1)}


def test_resolve_ordinal_before_war_is_part_of_the_event_not_the_place():
    a = _annotated("a", "the Second Karabakh War and Karabakh", [("Second Karabakh", "ORG"), ("Karabakh", "LOC")])
    (entity,) = resolve_entities([a])
    assert (entity.name, entity.type, len(entity.mentions)) == ("Karabakh", "LOC", 2)
    assert entity.mentions[0].start == a.doc.text.index("Karabakh")


def test_resolve_mention_ending_in_a_known_person_becomes_that_persons():
    text = "President of the Republic of Azerbaijan Ilham Aliyev spoke. Ilham Aliyev left."
    a = _annotated("a", text, [("Republic of Azerbaijan Ilham Aliyev", "ORG"), ("Ilham Aliyev", "PERSON")])
    (entity,) = resolve_entities([a])
    assert (entity.name, entity.type, len(entity.mentions)) == ("Ilham Aliyev", "PERSON", 2)
    assert entity.mentions[0].start == text.index("Ilham Aliyev")


def test_resolve_organisation_head_noun_outvotes_one_place_tag():
    a = _annotated("a", "the Border Services Command", [("Border Services Command", "LOC")])
    (entity,) = resolve_entities([a])
    assert entity.type == "ORG"


def test_resolve_outlet_is_an_organisation_joined_with_its_mentions():
    a = _annotated("a", "TRT reported it.", [("TRT", "ORG")])
    a = Annotated(doc=dataclasses.replace(a.doc, outlet="TRT"), sentences=(), paragraphs=(), mentions=a.mentions)
    b = _annotated("b", "Nothing named.", [])
    b = Annotated(doc=dataclasses.replace(b.doc, outlet="TRT"), sentences=(), paragraphs=(), mentions=())
    (entity,) = resolve_entities([a, b])
    assert (entity.name, entity.type, len(entity.mentions), entity.outlet_of) == ("TRT", "ORG", 1, ("a", "b"))


def test_resolve_spelling_variants_across_documents():
    a = _annotated("a", "Türkiye and Garabagh.", [("Türkiye", "GPE"), ("Garabagh", "LOC")])
    b = _annotated("b", "Turkiye backs Karabakh.", [("Turkiye", "GPE"), ("Karabakh", "LOC")])
    names = _names(resolve_entities([a, b]))
    assert names["Türkiye"] == ("LOC", 2)
    assert names["Karabakh"] == ("LOC", 2)
    assert len(names) == 2


def test_resolve_place_word_and_acronym():
    a = _annotated(
        "a",
        "Shusha city and Shusha. The United Nations and the UN. The EU.",
        [("Shusha city", "GPE"), ("Shusha", "GPE"), ("United Nations", "ORG"), ("UN", "ORG"), ("EU", "ORG")],
    )
    names = _names(resolve_entities([a]))
    assert names == {"Shusha": ("LOC", 2), "United Nations": ("ORG", 2), "EU": ("ORG", 1)}


def test_resolve_acronym_with_two_expansions_stays_apart():
    a = _annotated(
        "a",
        "United Nations, Union of Nurses, UN.",
        [("United Nations", "ORG"), ("Union of Nurses", "ORG"), ("UN", "ORG")],
    )
    assert len(resolve_entities([a])) == 3


def test_resolve_type_by_vote_keeps_votes():
    a = _annotated(
        "a",
        "Erdogan came. Erdogan spoke. Erdogan left.",
        [("Erdogan", "PERSON"), ("Erdogan", "ORG"), ("Erdogan", "PERSON")],
    )
    (entity,) = resolve_entities([a])
    assert (entity.type, entity.type_votes) == ("PERSON", (("PERSON", 2), ("ORG", 1)))


def test_resolve_mistyped_titled_mention_joins_the_person():
    a = _annotated(
        "a",
        "President Ilham Aliyev spoke. Ilham Aliyev left.",
        [("President Ilham Aliyev", "ORG"), ("Ilham Aliyev", "PERSON")],
    )
    assert _names(resolve_entities([a])) == {"Ilham Aliyev": ("PERSON", 2)}


def test_resolve_longer_full_name_absorbs_shorter():
    a = _annotated(
        "a",
        "Mustafa Kemal Ataturk and Ataturk; Mustafa Ataturk.",
        [("Mustafa Kemal Ataturk", "PERSON"), ("Ataturk", "PERSON"), ("Mustafa Ataturk", "PERSON")],
    )
    assert _names(resolve_entities([a])) == {"Mustafa Kemal Ataturk": ("PERSON", 3)}


def test_resolve_is_deterministic_and_sorted_by_mentions():
    a = _annotated("a", "Baku, Baku, Armenia.", [("Baku", "GPE"), ("Baku", "GPE"), ("Armenia", "GPE")])
    first, second = resolve_entities([a]), resolve_entities([a])
    assert first == second
    assert [e.name for e in first] == ["Baku", "Armenia"]


def test_resolve_empty():
    assert resolve_entities([]) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("First Lady Mehriban Aliyeva and their son Heydar Aliyev came.", ["Mehriban Aliyeva", "Heydar Aliyev"]),
        ("President Erdogan spoke.", ["Erdogan"]),
        ("Prime Minister Nikol Pashinyan said.", ["Nikol Pashinyan"]),
        ("their son Tom came.", []),  # a kinship noun needs a full name
        ("The President Said Nothing.", ["Said Nothing"]),  # title case is the rule's known limit
        ("the General Assembly met.", []),  # "General" is no honorific
    ],
)
def test_cued_person_mentions_find_names_after_honorifics_and_kin(text, names):
    assert [m.text for m in cued_person_mentions(text, [])] == names


def test_cued_person_mentions_skip_tagged_spans():
    text = "President Ilham Aliyev spoke."
    tagged = [Mention(10, 22, "Ilham Aliyev", "LOC")]
    assert cued_person_mentions(text, tagged) == []


def test_resolve_honorific_outvotes_a_wrong_tag():
    a = _annotated(
        "a",
        "President Ilham Aliyev spoke. Ilham Aliyev left.",
        [("Ilham Aliyev", "LOC"), ("Ilham Aliyev", "LOC")],
    )
    (entity,) = resolve_entities([a])
    assert (entity.name, entity.type) == ("Ilham Aliyev", "PERSON")


@pytest.mark.parametrize(
    ("text", "labels", "kind"),
    [
        ("Azerbaijan and Azerbaijan.", ["PERSON", "PERSON"], "LOC"),  # a known country
        ("Turkey and Turkey.", ["PERSON", "PERSON"], "LOC"),  # via the variant table (Türkiye)
        ("Mr Jordan and Jordan.", ["PERSON", "PERSON"], "PERSON"),  # an honorific keeps the person
        ("Zlorbia and Zlorbia.", ["PERSON", "PERSON"], "PERSON"),  # not a known place
    ],
)
def test_resolve_known_place_tagged_person_becomes_place(text, labels, kind):
    name = text.split(" and ")[1].rstrip(".")
    a = _annotated("a", text, [(name, label) for label in labels])
    assert [e.type for e in resolve_entities([a])] == [kind]


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("Azeri Ministry of", "ORG", "Azeri Ministry"),
        ("Republic of", "LOC", None),
        ("Ministry", "ORG", None),
        ("Bank of America", "ORG", "Bank of America"),
    ],
)
def test_clean_name_drops_trailing_function_words_and_lone_generic_words(text, label, name):
    form = clean_name(text, 0, label)
    assert (form.text if form else None) == name


def test_resolve_possessive_before_a_persons_noun_makes_a_person():
    text = "the founder of the Turkish Republic, Mustafa Kemal Ataturk's death."
    a = _annotated("a", text, [("Kemal Ataturk", "LOC")])
    (entity,) = resolve_entities([a])
    assert (entity.name, entity.type) == ("Kemal Ataturk", "PERSON")
    b = _annotated("b", "Azerbaijan's death toll rose.", [("Azerbaijan", "GPE")])
    assert [e.type for e in resolve_entities([b])] == ["LOC"]


def test_resolve_mends_a_cut_after_of_and_types_by_head_nouns():
    text = "Azeri Ministry of Foreign Affairs said so at the Spoils Museum by the Zangezur Corridor."
    a = _annotated(text=text, doc_id="a", mentions=[("Azeri Ministry of", "PERSON"), ("Spoils Museum", "PERSON"), ("Zangezur Corridor", "PERSON")])
    assert _names(resolve_entities([a])) == {
        "Azeri Ministry of Foreign Affairs": ("ORG", 1),
        "Spoils Museum": ("ORG", 1),
        "Zangezur Corridor": ("LOC", 1),
    }


def test_resolve_drops_pluralised_acronyms():
    a = _annotated("a", "UCAVs hit NATO targets.", [("UCAVs", "ORG"), ("NATO", "ORG")])
    assert _names(resolve_entities([a])) == {"NATO": ("ORG", 1)}
