"""Cross-document entities: every source's name mentions resolved into people, organisations and places.

``resolve_entities`` is a pure function of the annotated documents. Each mention is first cleaned
into a *name* (titles and honorifics stripped from people, "Shusha city" → "Shusha" for places, a
possessive or leading "the" dropped) and a *key* (accent-folded, lower-cased, punctuation-free, then
looked up in the variant table). Mentions with one key form a group; groups are then merged:

- a bare surname is the person its own document last named in full before it; failing that, it
  joins the one full name ending in it, or one named SURNAME_DOMINANCE times as often as any other
  ("Ilham Aliyev" over "Heydar Aliyev"), and otherwise stays a separate, ambiguous entity; full
  names with different first names never merge;
- a full name joins a longer one with the same first and last word ("Ilham Heydar oglu Aliyev");
- an acronym joins the one multi-word name whose initials it spells ("UN" ↔ "United Nations").

An entity's type is the majority of its mentions' labels, kept in ``type_votes``, with evidence
from the text: an honorific before a name adds PERSON votes, and a known country or town
(GeoNames) the tagger called a person stays a place. Names the tagger missed but an honorific or a
kinship noun introduces ("First Lady Mehriban Aliyeva") are added as mentions; nationality words
("Azerbaijani") are dropped; a mention ending in a known person's full name ("Republic of
Azerbaijan Ilham Aliyev") becomes that person's; an organisation's head noun ("Border Services
Command") adds ORG votes. Each document's outlet is an organisation too (``outlet_of``). The word lists,
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

__all__ = ["NameForm", "clean_name", "cued_person_mentions", "fold", "is_demonym", "resolve_entities"]

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
# Extra votes for a name with an organisation's or a place's head noun ("Border Services
# Command", "Zangezur Corridor"): as strong as an honorific is for a person.
HEAD_NOUN_VOTES = 2

# How many times as often one full name must be named as any other with its surname for a bare
# surname no full name of its own document settles to join it ("Aliyev": Ilham over Heydar).
SURNAME_DOMINANCE = 3

# Ordinals that start an event's name ("Second Karabakh War"), and what follows such a name.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth"})
_EVENT_AFTER = re.compile(r" wars?\b", re.IGNORECASE)

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
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "UCAVs", "NGOs": a common noun, not a name
_CAPITALISED_RUN = re.compile(r" [A-Z][\w'’-]*(?: (?:and |of |for |the )?[A-Z][\w'’-]*)*")
_POSSESSIVE_NOUN = re.compile(r"['’]s? (?P<noun>[a-z]+)")  # right after a mention: "'s death"
_NEXT_WORD = re.compile(r" (?P<noun>[a-z]+)")  # after a mention that ends in its possessive
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
    outlet_of: set[str] = field(default_factory=set)  # documents this organisation published

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
        self.outlet_of |= other.outlet_of


def resolve_entities(annotated: Sequence[Annotated]) -> list[Entity]:
    """All documents' mentions resolved into entities, most-mentioned first; outlets are organisations."""
    # (document, mention, written with a person cue, whether its tag is a vote for its type)
    raw = [
        (a.doc, m, _has_honorific(a.doc.text, m) or _before_person_noun(a.doc.text, m), votes)
        for a in annotated
        for m, votes in (*(_repair(a.doc.text, m) for m in a.mentions), *((m, True) for m in cued_person_mentions(a.doc.text, a.mentions)))
        if TYPES.get(m.label) and not is_demonym(m.text) and not _PLURAL_ACRONYM.fullmatch(m.text)
    ]
    # Pass 1: names as labelled (an honorific makes a mention a person's). Pass 2: a mention the
    # tagger typed differently still loses its title (or "city") when what remains is a name
    # already known with that type, and one that ends in a known person's full name ("Republic
    # of Azerbaijan Ilham Aliyev", a cut the tagger got wrong) becomes that person's mention.
    labels = ["PERSON" if titled else TYPES[m.label] for _, m, titled, _ in raw]
    first = [clean_name(m.text, m.start, label) for (_, m, _, _), label in zip(raw, labels, strict=True)]
    known: dict[str, set[str]] = defaultdict(set)
    for label, form in zip(labels, first, strict=True):
        if form:
            known[label].add(form.key)
    full_by_last: dict[str, set[str]] = defaultdict(set)
    for key in known["PERSON"]:
        if " " in key:
            full_by_last[key.rsplit(" ", 1)[1]].add(key)
    # Where each document names a person in full: a bare surname there means the latest one before it.
    named_in_doc: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (doc, _, _, _), label, form in zip(raw, labels, first, strict=True):
        if form and label == "PERSON" and " " in form.key:
            named_in_doc[doc.id].append((form.start, form.key))
    groups: dict[str, _Group] = {}

    def group_of(key: str) -> _Group:
        return groups.setdefault(key, _Group(key, place=key in _places()))

    for (doc, m, titled, votes), label, form in zip(raw, labels, first, strict=True):
        vote = TYPES[m.label] if votes else None
        for other in ("PERSON", "LOC"):
            if other != label:
                alt = clean_name(m.text, m.start, other)
                if alt and alt.key in known[other] and (form is None or alt.key != form.key):
                    form = alt
        if form is not None and label != "PERSON":
            person = _trailing_person(form, known["PERSON"])
            if person is not None:
                form, label, vote = person, "PERSON", "PERSON"
        if form is None:
            continue
        if label == "PERSON" and " " not in form.key and len(full_by_last.get(form.key, ())) > 1:
            before = [(start, key) for start, key in named_in_doc[doc.id] if start < form.start and key.endswith(" " + form.key)]
            if before:
                form = NameForm(form.text, form.start, form.end, max(before)[1])
        group = group_of(form.key)
        group.forms[form.text] += 1
        if vote is not None:
            group.votes[vote] += 1
        if titled:
            group.votes["PERSON"] += HONORIFIC_VOTES
            group.titled += 1
        elif (head := _head_type(form.text)) is not None:
            group.votes[head] += HEAD_NOUN_VOTES
        group.mentions.append(MentionRef(doc.id, form.start, form.end))
    for a in annotated:
        cleaned = clean_name(a.doc.outlet, 0, "ORG") if a.doc.outlet else None
        if cleaned is not None:
            group = group_of(cleaned.key)
            group.forms[cleaned.text] += 1
            group.votes["ORG"] += 1
            group.outlet_of.add(a.doc.id)
    merged = _merge(groups)
    entities = [_entity(g) for g in merged]
    return sorted(entities, key=lambda e: (-len(e.mentions) - len(e.outlet_of), e.name, e.type))


def _repair(text: str, mention: Mention) -> tuple[Mention, bool]:
    """A tagged span mended where the tagger's cut is plainly wrong (see the two functions below),
    and whether its tag still votes for its type: a name cut out of an event's ("Second Karabakh
    War") casts no vote, since its tag was the event's."""
    return _trim_event_ordinal(text, _extend_after_of(text, mention))


def _extend_after_of(text: str, mention: Mention) -> Mention:
    """ "Azeri Ministry of" before "Foreign Affairs": a name cut after "of" runs on through the
    capitalised words that follow it."""
    if not mention.text.endswith(" of"):
        return mention
    run = _CAPITALISED_RUN.match(text, mention.end)
    if run is None:
        return mention
    return Mention(mention.start, run.end(), text[mention.start : run.end()], mention.label)


def _trim_event_ordinal(text: str, mention: Mention) -> tuple[Mention, bool]:
    """ "Second Karabakh" before "War": the ordinal belongs to the event's name, not the place's
    (the mention is cut, and ``False``: its tag votes for nothing)."""
    head, sep, rest = mention.text.partition(" ")
    if sep and head.lower() in ORDINALS and _EVENT_AFTER.match(text, mention.end):
        cut = len(head) + len(sep)
        return Mention(mention.start + cut, mention.end, rest, mention.label), False
    return mention, True


def is_demonym(text: str) -> bool:
    """ "Azerbaijani", "Armenians", "Azeri": a nationality, which is none of PERSON, ORG and LOC."""
    word = fold(text)
    demonyms = _words("demonyms.txt")
    return word in demonyms or (word.endswith("s") and word[:-1] in demonyms)


def _trailing_person(form: NameForm, people: set[str]) -> NameForm | None:
    """The known full name of a person a longer non-person mention ends in, as that person's name form."""
    words = form.text.split(" ")
    for n in range(len(words) - 1, 1, -1):
        tail = " ".join(words[-n:])
        key = _key(tail)
        if len(words) > n and key in people:
            return NameForm(tail, form.end - len(tail), form.end, key)
    return None


def _head_type(name: str) -> str | None:
    """ORG for "Border Services Command" or "Azeri Ministry of Defence" (an organisation's head noun
    ends it or comes before "of"), LOC for "Zangezur Corridor"; None when the name has no such head."""
    words = name.lower().split(" ")
    if len(words) < 2:
        return None
    org_words = _words("org_words.txt")
    if words[-1] in org_words or any(w in org_words and nxt == "of" for w, nxt in zip(words, words[1:])):
        return "ORG"
    if words[-1] in _words("place_heads.txt"):
        return "LOC"
    return None


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


def _before_person_noun(text: str, mention) -> bool:
    """ "Mustafa Kemal Ataturk's death": a possessive mention before a noun only people have (a
    known place is never so made a person: "Azerbaijan's death toll")."""
    if _key(_POSSESSIVE.sub("", mention.text)) in _places():
        return False
    match = _POSSESSIVE_NOUN.match(text, mention.end) or (
        _POSSESSIVE.search(mention.text) and _NEXT_WORD.match(text, mention.end)
    )
    return bool(match) and match.group("noun").lower() in _words("person_nouns.txt")


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
    # A bare surname joins the only full name (after the step above) that ends in it, or the one
    # named SURNAME_DOMINANCE times as often as any other (the surnames a document's own full
    # names resolve were keyed to those names in resolve_entities).
    for g in people:
        if len(g.key.split()) == 1:
            heads: Counter = Counter()
            for h in by_last.get(g.key, ()):
                heads[_root(target, h.key)] += len(h.mentions)
            ranked = heads.most_common()
            if len(ranked) == 1 or (ranked and ranked[0][1] >= SURNAME_DOMINANCE * ranked[1][1]):
                target[g.key] = ranked[0][0]
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
    outlet_of = tuple(sorted(group.outlet_of))
    return Entity(name=name, type=group.type, aliases=aliases, mentions=mentions, type_votes=votes, outlet_of=outlet_of)


def _display_name(forms: Counter, key: str) -> str:
    """The canonical spelling (the group's key, not a variant from the table), then the fullest form
    (most words), then the most frequent, then the one with accents kept."""
    return min(forms, key=lambda f: (fold(f) != key, -len(f.split()), -forms[f], f.isascii(), f))

