"""Semantic paths: a text → a unit vector, compared with ESCO label vectors by cosine.

`StaticEmbedding` is the default: a static (per-token) embedding distilled once, at development time,
from all-MiniLM-L6-v2 with model2vec (bench/distil_static.py) and shipped in polku/skills/data/. At run
time it needs numpy and the `tokenizers` package only: a text's vector is the mean of its tokens'
vectors, normalised. `TransformerEmbedding` (optional extra `polku[semantic]`) runs the full
sentence-transformers model from a local path; it is never downloaded at run time.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
from scipy import sparse

STATIC_FILE = "minilm_static.npz"
TOKENIZER_FILE = "minilm_tokenizer.json.gz"
VECTORS_FILE = "vectors_static.npz"  # concept vectors of the static path, precomputed by the build script


def quantise(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and one float32 scale per row (cosine-preserving to about 1 %)."""
    scale = np.abs(matrix).max(axis=1).astype(np.float32) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale[:, None]).astype(np.int8), scale


def dequantise(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * scale[:, None]


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class StaticEmbedding:
    name = "static"

    def __init__(self, data_dir: Path) -> None:
        from tokenizers import Tokenizer

        with np.load(data_dir / STATIC_FILE) as z:
            self.matrix = dequantise(z["embeddings"], z["scale"])
        with gzip.open(data_dir / TOKENIZER_FILE, "rt", encoding="utf-8") as f:
            self.tokenizer = Tokenizer.from_str(f.read())
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        unk = self.tokenizer.token_to_id("[UNK]")
        self.unk = -1 if unk is None else unk
        self._word_cache: dict[str, np.ndarray] = {}

    @classmethod
    def available(cls, data_dir: Path) -> bool:
        return (data_dir / STATIC_FILE).exists() and (data_dir / TOKENIZER_FILE).exists()

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [[i for i in e.ids if i != self.unk] for e in encs]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = self.encode_sums(texts)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    def encode_sums(self, texts: Sequence[str]) -> np.ndarray:
        """The unnormalised sum of each text's token vectors (a text's vector is this, normalised; the
        sum is linear, so a span's vector is the sum of its words' sums)."""
        ids = self.token_ids(texts)
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lengths.sum()))
        indptr = np.r_[0, np.cumsum(lengths)]
        bag = sparse.csr_matrix(
            (np.ones(len(flat), dtype=np.float32), flat, indptr), shape=(len(ids), self.matrix.shape[0])
        )
        return np.asarray(bag @ self.matrix, dtype=np.float32)

    def word_sums(self, words: Sequence[str]) -> np.ndarray:
        """encode_sums() of single words, with a cache (text repeats its words; one tokenizer call for all
        new words)."""
        new = [w for w in dict.fromkeys(words) if w not in self._word_cache]
        if new:
            if len(self._word_cache) > 100_000:
                self._word_cache.clear()
            for w, v in zip(new, self.encode_sums(new), strict=True):
                self._word_cache[w] = v
        if not words:
            return np.zeros((0, self.matrix.shape[1]), dtype=np.float32)
        return np.stack([self._word_cache[w] for w in words])

    def span_scores(self, words: Sequence[str], vectors: np.ndarray, scales: Sequence[int]) -> np.ndarray:
        """Per concept: the mean over the window sizes in `scales` of the best cosine between a window of
        that many consecutive words and the concept's vector (a window never longer than the text).

        A sentence often names several skills, and an ESCO label is a few words long: the best-matching
        span finds "team player" in a long sentence, where the whole sentence's mean vector blurs it.
        By linearity it costs one product of the words' vectors with the concepts' and prefix sums."""
        if not words:
            return np.zeros(vectors.shape[0], dtype=np.float32)
        w = self.word_sums(words)  # words × dims, unnormalised
        sims = w @ vectors.T  # words × concepts (dot products of the sums)
        n = len(words)
        prefix = np.zeros((n + 1, sims.shape[1]), dtype=np.float32)
        np.cumsum(sims, axis=0, out=prefix[1:])
        gram = w @ w.T
        g2 = np.zeros((n + 1, n + 1), dtype=np.float64)
        g2[1:, 1:] = gram.cumsum(0).cumsum(1)
        total = np.zeros(sims.shape[1], dtype=np.float32)
        for k in scales:
            k = min(k, n)
            i = np.arange(n - k + 1)
            sq = g2[i + k, i + k] - g2[i, i + k] - g2[i + k, i] + g2[i, i]
            norms = np.sqrt(np.maximum(sq, 0.0)).astype(np.float32)
            norms[norms == 0] = 1.0
            total += ((prefix[i + k] - prefix[i]) / norms[:, None]).max(axis=0)
        return total / len(scales)


class TransformerEmbedding:
    """The full all-MiniLM-L6-v2 (needs sentence-transformers and torch: `pip install polku[semantic]`)."""

    name = "minilm"

    def __init__(self, model_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model_path = str(Path(model_path).resolve())
        self.model = SentenceTransformer(model_path, device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(
            self.model.encode(list(texts), batch_size=128, normalize_embeddings=True), dtype=np.float32
        )
