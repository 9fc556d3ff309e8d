"""Find reported speech in a processed doc: direct quotations and indirect speech, with speaker and cue.

Needs tokens, sentence bounds and (for names) ``doc.ents``; no parser. The rules, in order:

1. **Direct quotations** (:mod:`.marks`) take their attribution from a cue right after the closing
   mark (``"…," X said.`` / ``"…," said X.``), else from a cue right before the opening mark
   (``X said: "…"`` / ``X told reporters, "…"`` / ``According to X, "…"``, also at the end of the
   previous paragraph), else they continue the previous quotation's speaker when they follow it in
   the same paragraph or open the next one. Other quotations are kept, without a speaker, only when
   long enough to be speech rather than a title or a scare quote.
2. **Indirect speech** in sentences no kept quotation touches: ``X said (that) …``,
   ``…, X said.`` / ``…, said X.``, ``According to X, …`` / ``…, according to X.``
3. **Pronoun speakers** ("he said") take the most recent earlier mention of the type the pronoun
   refers to (``he``/``she`` a PERSON, ``it`` an ORG) outside quotation marks; others stay unresolved.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsdossier.link.entities import is_demonym
from newsdossier.nlp.quotes.lexicon import CueLexicon, load
from newsdossier.nlp.quotes.marks import Quoted, find_quoted

# Speaker phrases are short: a title, a name, a possessive ("Clinton's campaign manager Robby Mook").
MAX_SPEAKER_TOKENS = 7
# Tokens allowed between a cue and the opening mark of the quotation it introduces
# ("said in a statement on Monday: “…"), and between the closing mark and the cue ("”, the
# ministry's spokesman added").
MAX_LEAD_GAP = 8
MAX_TRAIL_GAP = MAX_SPEAKER_TOKENS + 2
# A quotation with no cue and no previous speaker is kept only from this many words: shorter ones
# are titles, slogans and scare quotes ("Victory Day", "smart city").
MIN_UNATTRIBUTED_WORDS = 8
# A quotation introduced by a cue with words between them that do not end in ":", "," or "that"
# is part of an indirect statement ("X said the vote was “rigged”"), not a quotation of its own.
LEAD_SEPARATORS = frozenset({":", ",", "that", "—", "–", "-"})
# Indirect speech needs a content of at least this many words ("he said so" is not a statement).
MIN_INDIRECT_WORDS = 3
CONTENT_TRIM = " \t\n,;:—–-"


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quotation or reported statement in a doc (character offsets into ``doc.text``).

    ``speaker`` is the name as written, or the resolved name for a pronoun (``None`` when it cannot
    be told); ``speaker_start``/``speaker_end`` locate the words as written (``-1`` when none).
    ``kind`` is ``"direct"`` (inside quotation marks) or ``"indirect"``.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    kind: str
    speaker_start: int = -1
    speaker_end: int = -1
    cue_start: int = -1
    cue_end: int = -1


@dataclass(frozen=True, slots=True)
class _Who:
    """A speaker phrase (token range) and a cue (token range)."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int]


def find_quotes(doc: Doc) -> Iterator[Attribution]:
    """Every attribution in ``doc``, in text order."""
    if not doc.text.strip():
        return
    finder = _Finder(doc, load())
    yield from sorted(finder.run(), key=lambda a: (a.start, a.end))


class _Finder:
    def __init__(self, doc: Doc, lex: CueLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.starts = [t.idx for t in doc]
        self.lower = [t.lower_ for t in doc]
        self.used_cues: set[int] = set()
        self.quoted_ranges: list[tuple[int, int]] = []

    # --- token helpers -------------------------------------------------------------------------

    def tok_at(self, char: int) -> int:
        """Index of the token containing (or first after) character ``char``."""
        i = bisect.bisect_right(self.starts, char) - 1
        return max(i, 0)

    def breaks(self, i: int) -> bool:
        """A token the reading must not cross: a paragraph break or a quotation mark."""
        t = self.doc[i]
        return "\n" in t.text or _is_mark(t)

    def is_cue(self, i: int, strong_only: bool = False) -> bool:
        w = self.lower[i]
        if i in self.used_cues or not (w in self.lex.strong or (not strong_only and w in self.lex.weak)):
            return False
        # "the United States", "Secretary of State": capitalised, these are nouns.
        if w in self.lex.capitalised_nouns and self.doc[i].text[:1].isupper() and not self.doc[i].is_sent_start:
            return False
        if i > 0 and self.lower[i - 1] in self.lex.passive:  # "was told"
            return False
        # "determined to maintain": an infinitive has no speaker of its own ("went on to explain" has)
        return not (i > 1 and self.lower[i - 1] == "to" and self.lower[i - 2] not in self.lex.aspect_before_to)

    def phrase_cue(self, i: int) -> tuple[int, int] | None:
        for words in self.lex.phrases:
            n = len(words)
            if tuple(self.lower[i : i + n]) == words:
                return i, i + n
        return None

    # --- speakers ------------------------------------------------------------------------------

    def speaker_left(self, cue: int, lo: int) -> tuple[int, int] | None:
        """The speaker phrase ending right before the cue (skipping "also", "has", …), not before ``lo``."""
        j = cue - 1
        while j >= lo and self.lower[j] in self.lex.between and self.lower[j] not in self.lex.pronouns:
            j -= 1
        if j < lo or self.breaks(j):
            return None
        if self.lower[j] in self.lex.pronouns:
            return j, j + 1
        end = j + 1
        while j >= lo and end - j <= MAX_SPEAKER_TOKENS and self._speakerish(j):
            j -= 1
        start = j + 1
        start = self._trim_left(start, end)
        # A nationality adjective alone ("Turkish state officials") is no speaker; its plural is ("Americans say").
        if end - start == 1 and is_demonym(self.doc[start].text) and not self.lower[start].endswith("s"):
            return None
        return (start, end) if start < end else None

    def speaker_right(self, k: int, hi: int) -> tuple[int, int] | None:
        """The speaker phrase starting at token ``k`` ("said the source", "according to Reuters")."""
        if k >= hi or self.breaks(k):
            return None
        if self.lower[k] in self.lex.pronouns:
            return k, k + 1
        if self.lower[k] in self.lex.not_speakers:
            return None
        j = k
        while j < hi and j - k < MAX_SPEAKER_TOKENS and (self._speakerish(j) or self.lower[j] in ("the", "a", "an")):
            j += 1
        return (k, j) if j > k else None

    def _speakerish(self, i: int) -> bool:
        t = self.doc[i]
        w = self.lower[i]
        if self.breaks(i) or w in self.lex.stop or self.is_cue(i):
            return t.ent_iob_ != "O" and not t.is_punct  # an entity may contain any word
        if t.is_punct:
            return w in ("'s", "’s", "-", "&") or t.ent_iob_ == "I"
        return t.is_alpha or w in ("'s", "’s") or (t.text.endswith(".") and len(t.text) <= 5) or t.ent_iob_ != "O"

    def _trim_left(self, start: int, end: int) -> int:
        """Drop words that open a clause rather than a name (a possessive's dangling "'s")."""
        while start < end and (self.doc[start].is_punct or self.lower[start] in ("'s", "’s")):
            start += 1
        return start

    # --- the pass --------------------------------------------------------------------------------

    def run(self) -> list[Attribution]:
        found = self.direct()
        self.quoted_ranges = sorted((a.start, a.end) for a in found if a.kind == "direct")
        found.extend(self.indirect())
        return [self.resolve(a) for a in found]

    def direct(self) -> list[Attribution]:
        out: list[Attribution] = []
        previous: Attribution | None = None
        quoted = list(find_quoted(self.doc.text))
        self.quoted_ranges = [(q.start, q.end) for q in quoted]
        for q in quoted:
            who = self.after_close(q) or self.before_open(q)
            if who is not None:
                a = self.make(q.start, q.end, who, "direct")
            elif previous is not None and previous.speaker_start >= 0 and self.continues(previous, q):
                a = Attribution(
                    q.start, q.end, self.doc.text[q.start : q.end], previous.speaker, None, "direct",
                    previous.speaker_start, previous.speaker_end,
                )
            elif _words(self.doc.text[q.start : q.end]) >= MIN_UNATTRIBUTED_WORDS:
                a = Attribution(q.start, q.end, self.doc.text[q.start : q.end], None, None, "direct")
            else:
                continue
            out.append(a)
            previous = a
        return out

    def continues(self, previous: Attribution, q: Quoted) -> bool:
        """``q`` follows ``previous`` in the same paragraph, or opens the paragraph right after it."""
        between = self.doc.text[previous.end : q.open_at]
        newlines = between.count("\n")
        if newlines == 0:
            return True
        line_start = self.doc.text.rfind("\n", 0, q.open_at) + 1
        return not self.doc.text[line_start : q.open_at].strip() and _paragraphs_between(between) <= 1

    def after_close(self, q: Quoted) -> _Who | None:
        """``"…," X said`` / ``"…," said X`` / ``"…" – X told reporters``."""
        if q.close_at is None:
            return None
        n = len(self.doc)
        i = self.tok_at(q.close_at) + 1
        while i < n and self.doc[i].is_punct and self.lower[i] in (",", "—", "–", "-") :
            i += 1
        if i >= n or self.breaks(i):
            return None
        phrase = self.phrase_cue(i)
        if phrase is not None:
            spk = self.speaker_right(phrase[1], n)
            return _Who(spk, phrase) if spk else None
        if self.is_cue(i):
            spk = self.speaker_right(i + 1, n)
            return _Who(spk, (i, i + 1)) if spk else None
        for k in range(i + 1, min(n, i + MAX_TRAIL_GAP)):
            if self.breaks(k) or (self.doc[k].is_punct and not self._speakerish(k)):
                return None
            if self.is_cue(k):
                spk = self.speaker_left(k, i)
                if spk and spk[0] == i:
                    return _Who(spk, (k, k + 1))
                return None
        return None

    def before_open(self, q: Quoted) -> _Who | None:
        """``X said: "…"`` / ``X said, "…"`` / ``According to X, "…"``, also at the end of the paragraph before."""
        i = self.tok_at(q.open_at) - 1
        if i >= 0 and "\n" in self.doc[i].text:
            # the quotation opens its paragraph: the previous one may end "X continued:"
            i -= 1
            if i < 0 or self.lower[i] != ":":
                return None
        if i < 0 or self.lower[i] not in LEAD_SEPARATORS and not self.is_cue(i):
            return None
        short = _words(self.doc.text[q.start : q.end]) < MIN_UNATTRIBUTED_WORDS
        for k in range(i, max(-1, i - MAX_LEAD_GAP), -1):
            if self.breaks(k) or self.lower[k] in (".", "?", "!"):
                return None
            lo = self._paragraph_start(k)
            for j in range(max(lo, k - 2), k + 1):
                phrase = self.phrase_cue(j)
                if phrase is not None and phrase[1] <= i + 1:
                    spk = self.speaker_right(phrase[1], i + 1)
                    return _Who(spk, phrase) if spk else None
            if self.is_cue(k, strong_only=short and self.lower[i] != ":"):
                spk = self.speaker_left(k, lo)
                if spk is None:
                    spk = self.speaker_right(k + 1, i + 1)
                return _Who(spk, (k, k + 1)) if spk else None
        return None

    def _paragraph_start(self, i: int) -> int:
        while i > 0 and "\n" not in self.doc[i - 1].text:
            i -= 1
        return i

    # --- indirect speech ---------------------------------------------------------------------------

    def indirect(self) -> Iterator[Attribution]:
        for sent in self.doc.sents:
            for lo, hi in _lines(self.doc, sent.start, sent.end):
                if lo >= hi or self._touches_quote(self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])):
                    continue
                a = self.indirect_in(lo, hi)
                if a is not None:
                    yield a

    def _touches_quote(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.quoted_ranges)

    def indirect_in(self, lo: int, hi: int) -> Attribution | None:
        end = hi
        while end > lo and self.doc[end - 1].is_punct:
            end -= 1
        for k in range(lo, end):
            phrase = self.phrase_cue(k)
            if phrase is not None:
                a = self.according_to(lo, end, phrase)
                if a is not None:
                    return a
                continue
            if not self.is_cue(k):
                continue
            a = self.postposed(lo, end, k) or self.preposed(lo, end, k)
            if a is not None:
                return a
        return None

    def according_to(self, lo: int, end: int, phrase: tuple[int, int]) -> Attribution | None:
        spk = self.speaker_right(phrase[1], end)
        if spk is None:
            return None
        if phrase[0] == lo or self._after_comma(lo, phrase[0]) is None and phrase[0] <= lo + 1:
            k = spk[1]
            if k < end and self.lower[k] == ",":
                return self.make_tokens(k + 1, end, _Who(spk, phrase))
            return None
        if phrase[0] > lo and self.lower[phrase[0] - 1] == "," and spk[1] >= end:
            return self.make_tokens(lo, phrase[0] - 1, _Who(spk, phrase))
        return None

    def postposed(self, lo: int, end: int, k: int) -> Attribution | None:
        """``…, X said.`` / ``…, said X.`` (the cue and speaker close the sentence)."""
        spk_left = self.speaker_left(k, lo)
        if spk_left is not None and spk_left[0] > lo and self.lower[spk_left[0] - 1] == ",":
            # "…, Armenia agreed to surrender": after a weak cue, "to" opens an infinitive, not a listener.
            to_verb = k + 1 < end and self.lower[k + 1] == "to" and self.lower[k] not in self.lex.strong
            if self._tail_ok(k + 1, end) and not to_verb:
                return self.make_tokens(lo, spk_left[0] - 1, _Who(spk_left, (k, k + 1)))
        if k > lo and self.lower[k - 1] == ",":
            spk = self.speaker_right(k + 1, end)
            if spk is not None and self._tail_ok(spk[1], end):
                return self.make_tokens(lo, k - 1, _Who(spk, (k, k + 1)))
        return None

    def _tail_ok(self, i: int, end: int) -> bool:
        """What follows the cue is nothing, or a phrase like "in a statement" / ", adding …"."""
        return i >= end or self.lower[i] in self.lex.skip_openers or self.lower[i] == ","

    def preposed(self, lo: int, end: int, k: int) -> Attribution | None:
        """``X said (that) …`` where X opens the sentence (or a clause after a comma)."""
        spk = self.speaker_left(k, lo)
        if spk is None or not (spk[0] == lo or self.lower[spk[0] - 1] == ","):
            return None
        c = k + 1
        that = next((j for j in range(c, min(end, c + MAX_LEAD_GAP)) if self.lower[j] == "that"), None)
        if that is not None and all(self.lower[j] not in (".",) for j in range(c, that)):
            c = that + 1
        elif self.lower[k] in self.lex.weak:
            return None
        elif c < end and self.lower[c] in self.lex.skip_openers:
            comma = next((j for j in range(c, min(end, c + MAX_LEAD_GAP)) if self.lower[j] == ","), None)
            if comma is None:
                return None
            c = comma + 1
        elif self.lower[k] in ("told", "tell", "tells", "asked", "ask", "asks"):
            c = self._skip_object(c, end)
        if c < end and self.lower[c] in (":", ","):
            c += 1
        return self.make_tokens(c, end, _Who(spk, (k, k + 1)))

    def _skip_object(self, c: int, end: int) -> int:
        """The listener after "told": "reporters", "the Post", "The New York Times"."""
        if c < end and self.lower[c] in ("the", "a", "an"):
            c += 1
        first = c
        while c < end and (self.doc[c].is_title or self.doc[c].ent_iob_ == "I") and not self.doc[c].is_punct:
            c += 1
        if c == first and c < end and self.doc[c].is_alpha:
            c += 1
        return c

    def _after_comma(self, lo: int, k: int) -> int | None:
        return next((j for j in range(lo, k) if self.lower[j] == ","), None)

    # --- output ----------------------------------------------------------------------------------

    def make_tokens(self, a: int, b: int, who: _Who) -> Attribution | None:
        if b <= a:
            return None
        start, end = self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])
        text = self.doc.text
        while start < end and text[start] in CONTENT_TRIM:
            start += 1
        while end > start and text[end - 1] in CONTENT_TRIM:
            end -= 1
        if _words(text[start:end]) < MIN_INDIRECT_WORDS:
            return None
        return self.make(start, end, who, "indirect")

    def make(self, start: int, end: int, who: _Who, kind: str) -> Attribution:
        self.used_cues.update(range(*who.cue))
        cue_span = self.doc[who.cue[0] : who.cue[1]]
        if who.speaker is None:
            speaker, s0, s1 = None, -1, -1
        else:
            span = self.doc[who.speaker[0] : who.speaker[1]]
            speaker, s0, s1 = self._name(span), span.start_char, span.end_char
        return Attribution(
            start, end, self.doc.text[start:end], speaker, cue_span.text, kind, s0, s1,
            cue_span.start_char, cue_span.end_char,
        )

    def _name(self, span) -> str:
        """A person named at the end of the phrase stands for it ("campaign manager Robby Mook")."""
        people = [e for e in span.ents if e.label_ in ("PERSON", "PER") and e.end == span.end]
        return people[-1].text if people else span.text

    def resolve(self, a: Attribution) -> Attribution:
        """A pronoun speaker becomes the most recent earlier mention of its type outside quotation marks."""
        if a.speaker is None or a.speaker.lower() not in self.lex.pronouns:
            return a
        wanted = self.lex.pronouns[a.speaker.lower()]
        name = None
        if wanted:
            for ent in self.doc.ents:
                if ent.start_char >= a.speaker_start:
                    break
                if _label(ent.label_) == wanted and not self._inside_quote(ent.start_char):
                    name = ent.text
        return Attribution(
            a.start, a.end, a.text, name, a.cue, a.kind, a.speaker_start, a.speaker_end, a.cue_start, a.cue_end
        )

    def _inside_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted_ranges)


def _label(label: str) -> str:
    return {"PER": "PERSON"}.get(label, label)


def _is_mark(t: Token) -> bool:
    return any(ch in t.text for ch in "“”„«»\"")


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _paragraphs_between(between: str) -> int:
    return sum(1 for line in between.split("\n")[1:] if line.strip()) + 1


def _lines(doc: Doc, lo: int, hi: int) -> Sequence[tuple[int, int]]:
    """Token ranges of a sentence split at line breaks (whitespace tokens with a newline dropped)."""
    out = []
    start = lo
    for i in range(lo, hi):
        if "\n" in doc[i].text:
            out.append((start, i))
            start = i + 1
    out.append((start, hi))
    return [(a, b) for a, b in out if b > a]
