"""Static word vectors distilled from the MiniLM encoder (model2vec-style), for the CNN student.

Each vocabulary word is run through all-MiniLM-L6-v2 on its own and its word pieces' last-layer
outputs are mean-pooled (the pooling the encoder was trained with); PCA then cuts the 384
dimensions to ``DIMS``. MiniLM is uncased, so the vectors are keyed by the lower-cased word
(spaCy ``--attr LOWER``). The vocabulary is the training and silver text's words plus the most
frequent English words from ``wordfreq``, at most ``ROWS``.

Only the recipe imports this module (``torch`` and ``transformers`` come with the ``train`` extra).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsdossier.training.corpora import GoldDoc

ROWS = 40000
DIMS = 128


def vocabulary(docs: Sequence[GoldDoc], rows: int = ROWS) -> list[str]:
    """Lower-cased words: the corpus's (seen twice or more) first, then wordfreq's, up to ``rows``."""
    from wordfreq import top_n_list

    counts = Counter(w.lower() for d in docs for w in d.words if any(c.isalpha() for c in w))
    words = [w for w, n in counts.most_common() if n >= 2]
    seen = set(words)
    for w in top_n_list("en", rows * 2):
        if len(seen) >= rows:
            break
        if w not in seen:
            seen.add(w)
            words.append(w)
    return sorted(words[:rows])


def embed(words: Sequence[str], batch_size: int = 512, threads: int = 1):
    """One 384-dimensional vector per word (mean of its pieces' outputs), as a numpy array."""
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    from newsdossier.training.teacher import encoder_path

    torch.set_num_threads(threads)
    tokenizer = AutoTokenizer.from_pretrained(str(encoder_path()))
    model = AutoModel.from_pretrained(str(encoder_path())).eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(words), batch_size):
            enc = tokenizer(list(words[i : i + batch_size]), padding=True, truncation=True, max_length=16, return_tensors="pt")
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].clone()
            mask[:, 0] = 0  # [CLS]
            mask[torch.arange(mask.shape[0]), enc["attention_mask"].sum(1) - 1] = 0  # [SEP]
            mask = mask.unsqueeze(-1).float()
            out.append(((hidden * mask).sum(1) / mask.sum(1).clamp(min=1)).numpy())
    return np.concatenate(out)


def reduce(matrix, dims: int = DIMS):
    """PCA to ``dims`` dimensions (centred, top right-singular vectors)."""
    import numpy as np

    centred = matrix - matrix.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    return (centred @ vt[:dims].T).astype("float32")


def build_vectors(docs: Sequence[GoldDoc], out: Path, rows: int = ROWS, dims: int = DIMS) -> Path:
    """Write a spaCy vectors pipeline (keyed by LOWER) to ``out``; return it."""
    words = vocabulary(docs, rows)
    vectors = reduce(embed(words), dims)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = out.with_suffix(".txt")
    with text.open("w", encoding="utf-8") as f:
        f.write(f"{len(words)} {dims}\n")
        for word, vector in zip(words, vectors, strict=True):
            f.write(word + " " + " ".join(f"{x:.5f}" for x in vector) + "\n")
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "en", str(text), str(out), "--attr", "LOWER", "--name", "en_newsdossier.minilm_static"], check=True)
    return out
