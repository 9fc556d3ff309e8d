"""Cross-document entities: every source's name mentions resolved into people, organisations and places.

``resolve_entities`` is a pure function of the annotated documents. Each mention is first cleaned
into a *name* (titles and honorifics stripped from people, "Shusha city" → "Shusha" for places, a
possessive or leading "the" dropped) and a *key* (accent-folded, lower-cased, punctuation-free, then
looked up in the variant table). Mentions with one key form a group; groups are then merged:

- a bare surname joins the one full name ending in it; with several ("Ilham Aliyev", "Heydar
  Aliyev") it stays a separate, ambiguous entity; full names with different first names never merge;
- a full name joins a longer one with the same first and last word ("Ilham Heydar oglu Aliyev");
- an acronym joins the one multi-word name whose initials it spells ("UN" ↔ "United Nations").

An entity's type is the majority of its mentions' labels, kept in ``type_votes``, with evidence
from the text: an honorific before a name adds PERSON votes, and a known country or town
(GeoNames) the tagger called a person stays a place. Names the tagger missed but an honorific or a
kinship noun introduces ("First Lady Mehriban Aliyeva") are added as mentions. The word lists,
place list and variant table live in ``newsdossier/data/entities/``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsdossier.model import Annotated, Entity, Mention, MentionRef

__all__ = ["NameForm", "clean_name", "cued_person_mentions", "fold", "resolve_entities"]

DATA = Path(__file__).resolve().parent.parent / "data" / "entities"

# Mention labels → entity types (GPE and FAC are places).
TYPES = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
# Ties in the type vote go to the earlier type: a name tagged once PERSON and once ORG is more
# often a person the tagger half-missed than an organisation.
TYPE_ORDER = ("PERSON", "ORG", "LOC")

# Words skipped when spelling an acronym from a name ("Organization of the Petroleum …" → OPEC).
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})
# Extra PERSON votes for a mention written with an honorific ("President Ilham Aliyev", "Mr Smith"):
# an honorific is stronger evidence than one decision of the small statistical tagger, so it
# outweighs one contrary tag; set by reading the sample corpus' mistyped titled names.
HONORIFIC_VOTES = 2

# Characters looked back from a mention for an honorific written before it ("Prime Minister ").
HONORIFIC_WINDOW = 24

# Shortest acronym matched: one letter is too ambiguous ("A"), two is common ("UN", "EU").
MIN_ACRONYM = 2

# Cleaned surfaces kept in memory: distinct (surface, type) pairs in a large build are ~10^5.
CLEAN_CACHE_SIZE = 1 << 17

# A name has at least two letters: one letter left after stripping is debris ("'s" → "s").
MIN_NAME_LETTERS = 2

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n\"'“”‘’«»()[]{},.;:!?-–—"
_GLUED = re.compile(r"^([A-Z][a-z]+)([A-Z][a-z])")  # "PresidentIlham" → "President" + "Ilham"
# A cue word, one space, then one to four capitalised words: the shape of "Lady Mehriban Aliyeva".
# (The name is a lookahead, so "First Lady Mehriban Aliyeva" is tried at "First" and at "Lady".)
_CUED_NAME = re.compile(r"\b(?P<cue>[A-Za-z]+\.?) (?=(?P<name>[A-Z][\w'’-]*[a-z][\w'’-]*(?: [A-Z][\w'’-]*[a-z][\w'’-]*){0,3}))")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class NameForm:
    """A mention's cleaned name: ``text`` is ``document[start:end]`` after stripping; ``key`` is what groups it."""

    text: str
    start: int
    end: int
    key: str


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text("utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(_key(name) for name in _words("places.txt"))


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    table = {}
    for line in (DATA / "aliases.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            variant, canonical = line.split("\t")
            table[fold(variant)] = fold(canonical)
    return table


def fold(text: str) -> str:
    """Accent-folded, lower-cased, punctuation-free form: "Türkiye" → "turkiye", "U.S." → "us"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")
    plain = _NON_WORD.sub(lambda m: "" if m.group() in ".'’" else " ", plain.lower())
    return _SPACES.sub(" ", plain).strip()


def _key(text: str) -> str:
    folded = fold(text)
    return _variants().get(folded, folded)


def clean_name(text: str, start: int, label: str) -> NameForm | None:
    """The name inside a mention (offsets moved with every strip); None when nothing but a title is left."""
    cleaned = _clean(text, TYPES.get(label, label))
    if cleaned is None:
        return None
    offset, name, key = cleaned
    return NameForm(name, start + offset, start + offset + len(name), key)


@lru_cache(maxsize=CLEAN_CACHE_SIZE)
def _clean(text: str, kind: str) -> tuple[int, str, str] | None:
    """``(offset of the name in the mention, name, key)`` — cached: the same surface recurs across documents."""
    start = 0
    # Trim edge punctuation, a possessive, and a leading article.
    lead = len(text) - len(text.lstrip(_EDGE_PUNCT))
    text, start = text[lead:], start + lead
    text = _POSSESSIVE.sub("", text.rstrip(_EDGE_PUNCT)).rstrip(_EDGE_PUNCT)
    if text.lower().startswith("the "):
        text, start = text[4:], start + 4
    # A fragment ending in a function word ("Azeri Ministry of") loses it.
    while " " in text and text.rsplit(" ", 1)[1].islower():
        text = text.rsplit(" ", 1)[0].rstrip(_EDGE_PUNCT)
    if kind == "PERSON":
        text, start = _strip_titles(text, start)
    elif kind == "LOC":
        text, start = _strip_place_words(text, start)
    if sum(c.isalpha() for c in text) < MIN_NAME_LETTERS:
        return None
    if kind == "PERSON" and " " not in text and text.lower().rstrip(".") in _words("titles.txt"):
        return None
    if " " not in text and text.lower() in _words("generic.txt"):
        return None
    return start, text, _key(text)


def _strip_titles(text: str, start: int) -> tuple[str, int]:
    titles = _words("titles.txt")
    glued = _GLUED.match(text)
    if glued and glued.group(1).lower() in titles:
        cut = len(glued.group(1))
        text, start = text[cut:], start + cut
    while True:
        head, sep, rest = text.partition(" ")
        if not sep or head.lower().rstrip(".") not in titles:
            return text, start
        if rest.lower().startswith("of "):  # "President of Azerbaijan Ilham Aliyev" keeps its place part out
            return text, start
        cut = len(head) + len(sep)
        text, start = text[cut:].lstrip(), start + cut + (len(text[cut:]) - len(text[cut:].lstrip()))


def _strip_place_words(text: str, start: int) -> tuple[str, int]:
    place_words = _words("place_words.txt")
    words = text.split(" ")
    if len(words) >= 2 and words[-1].lower() in place_words:
        return " ".join(words[:-1]).rstrip(), start
    if len(words) >= 3 and words[0].lower() in place_words and words[1].lower() == "of":
        cut = len(words[0]) + len(words[1]) + 2
        return text[cut:], start + cut
    return text, start


@dataclass(slots=True)
class _Group:
    key: str
    forms: Counter = field(default_factory=Counter)  # cleaned name text → count
    votes: Counter = field(default_factory=Counter)  # type → count
    mentions: list[MentionRef] = field(default_factory=list)
    titled: int = 0  # mentions written with an honorific
    place: bool = False  # the name is a known country or town (data/entities/places.txt)

    @property
    def type(self) -> str:
        voted = max(TYPE_ORDER, key=lambda t: (self.votes[t], -TYPE_ORDER.index(t)))
        # A known place the tagger took for a person ("Azerbaijan", "Fuzuli") stays a place unless
        # some mention carries an honorific.
        if voted == "PERSON" and self.place and not self.titled:
            return "LOC"
        return voted

    def absorb(self, other: _Group) -> None:
        self.forms.update(other.forms)
        self.votes.update(other.votes)
        self.mentions.extend(other.mentions)
        self.titled += other.titled


def resolve_entities(annotated: Sequence[Annotated]) -> list[Entity]:
    """All documents' mentions resolved into entities, most-mentioned first."""
    raw = [
        (a.doc, m, _has_honorific(a.doc.text, m))
        for a in annotated
        for m in (*a.mentions, *cued_person_mentions(a.doc.text, a.mentions))
        if TYPES.get(m.label)
    ]
    # Pass 1: names as labelled (an honorific makes a mention a person's). Pass 2: a mention the
    # tagger typed differently still loses its title (or "city") when what remains is a name
    # already known with that type.
    labels = ["PERSON" if titled else TYPES[m.label] for _, m, titled in raw]
    first = [clean_name(m.text, m.start, label) for (_, m, _), label in zip(raw, labels, strict=True)]
    known: dict[str, set[str]] = defaultdict(set)
    for label, form in zip(labels, first, strict=True):
        if form:
            known[label].add(form.key)
    groups: dict[str, _Group] = {}
    for (doc, m, titled), label, form in zip(raw, labels, first, strict=True):
        for other in ("PERSON", "LOC"):
            if other != label:
                alt = clean_name(m.text, m.start, other)
                if alt and alt.key in known[other] and (form is None or alt.key != form.key):
                    form = alt
        if form is None:
            continue
        group = groups.setdefault(form.key, _Group(form.key, place=form.key in _places()))
        group.forms[form.text] += 1
        group.votes[TYPES[m.label]] += 1
        if titled:
            group.votes["PERSON"] += HONORIFIC_VOTES
            group.titled += 1
        group.mentions.append(MentionRef(doc.id, form.start, form.end))
    merged = _merge(groups)
    entities = [_entity(g) for g in merged]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.type))


def cued_person_mentions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Names the tagger missed that an honorific or a kinship noun introduces ("First Lady Mehriban
    Aliyeva", "their son Heydar Aliyev"), as PERSON mentions; none overlaps a tagged mention."""
    honorifics, relations, titles = _words("honorifics.txt"), _words("relations.txt"), _words("titles.txt")
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in _CUED_NAME.finditer(text):
        cue = match.group("cue")
        by_honorific = cue[:1].isupper() and cue.lower().rstrip(".") in honorifics
        if not by_honorific and cue not in relations:
            continue
        words = match.group("name").split(" ")
        while words and words[-1].lower() in titles:
            words.pop()
        if not words or words[0].lower() in titles or (len(words) < 2 and not by_honorific):
            continue
        start = match.start("name")
        end = start + len(" ".join(words))
        if not any(s < end and start < e for s, e in taken):
            found.append(Mention(start, end, text[start:end], "PERSON"))
            taken.append((start, end))
    return found


def _has_honorific(text: str, mention) -> bool:
    """Whether the mention starts with an honorific, or one is written right before it."""
    honorifics = _words("honorifics.txt")
    glued = _GLUED.match(mention.text)
    first = glued.group(1) if glued else mention.text.split(" ", 1)[0]
    if first.lower().rstrip(".") in honorifics and (glued or " " in mention.text.strip()):
        return True
    before = text[max(0, mention.start - HONORIFIC_WINDOW) : mention.start].rstrip()
    if len(before) == mention.start - max(0, mention.start - HONORIFIC_WINDOW):
        return False  # a name glued to the previous word is not preceded by a title
    previous = before.rsplit(None, 1)[-1] if before.split() else ""
    return previous[:1].isupper() and previous.lower().rstrip(".") in honorifics


def _merge(groups: dict[str, _Group]) -> list[_Group]:
    """Join surnames to full names, short full names to long ones, and acronyms to their expansions."""
    target: dict[str, str] = {}
    people = [g for g in groups.values() if g.type == "PERSON"]
    full = [g for g in people if len(g.key.split()) >= 2]
    by_last: dict[str, list[_Group]] = defaultdict(list)
    for g in full:
        by_last[g.key.split()[-1]].append(g)
    # A full name joins a longer one with the same first and last word, when that one is unique.
    for g in full:
        words = g.key.split()
        longer = [h for h in by_last[words[-1]] if h is not g and len(h.key.split()) > len(words) and h.key.split()[0] == words[0]]
        if len(longer) == 1:
            target[g.key] = longer[0].key
    # A bare surname joins the only full name (after the step above) that ends in it.
    for g in people:
        if len(g.key.split()) == 1:
            heads = {_root(target, h.key) for h in by_last.get(g.key, ())}
            if len(heads) == 1:
                target[g.key] = heads.pop()
    # An acronym joins the only multi-word name whose initials it spells.
    by_acronym: dict[str, set[str]] = defaultdict(set)
    for g in groups.values():
        if g.type != "PERSON" and len(g.key.split()) >= 2:
            by_acronym[_acronym(g.key)].add(_root(target, g.key))
    for g in groups.values():
        if g.type != "PERSON" and " " not in g.key and len(g.key) >= MIN_ACRONYM and g.key not in target:
            if any(form.isupper() for form in g.forms) and len(by_acronym.get(g.key, ())) == 1:
                expansion = next(iter(by_acronym[g.key]))
                if expansion != g.key:
                    target[g.key] = expansion
    out: dict[str, _Group] = {}
    for key in sorted(groups, key=lambda k: (k in target, k)):
        root = _root(target, key)
        if root == key:
            out[key] = groups[key]
    for key, group in groups.items():
        root = _root(target, key)
        if root != key:
            out[root].absorb(group)
    return list(out.values())


def _root(target: dict[str, str], key: str) -> str:
    seen = set()
    while key in target and key not in seen:
        seen.add(key)
        key = target[key]
    return key


def _acronym(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in ACRONYM_SKIP)


def _entity(group: _Group) -> Entity:
    name = _display_name(group.forms, group.key)
    aliases = tuple(sorted(set(group.forms) - {name}))
    votes = tuple(sorted(group.votes.items(), key=lambda kv: (-kv[1], kv[0])))
    mentions = tuple(sorted(set(group.mentions), key=lambda r: (r.doc, r.start, r.end)))
    return Entity(name=name, type=group.type, aliases=aliases, mentions=mentions, type_votes=votes)


def _display_name(forms: Counter, key: str) -> str:
    """The canonical spelling (the group's key, not a variant from the table), then the fullest form
    (most words), then the most frequent, then the one with accents kept."""
    return min(forms, key=lambda f: (fold(f) != key, -len(f.split()), -forms[f], f.isascii(), f))

