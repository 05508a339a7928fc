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

    @classmethod
    def available(cls, data_dir: Path) -> bool:
        return (data_dir / STATIC_FILE).exists() and (data_dir / TOKENIZER_FILE).exists()

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [[i for i in e.ids if i != self.unk] for e in encs]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        ids = self.token_ids(texts)
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lengths.sum()))
        indptr = np.r_[0, np.cumsum(lengths)]
        bag = sparse.csr_matrix(
            (np.ones(len(flat), dtype=np.float32), flat, indptr), shape=(len(ids), self.matrix.shape[0])
        )
        out = np.asarray(bag @ self.matrix, dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


class TransformerEmbedding:
    """The full all-MiniLM-L6-v2 (needs sentence-transformers and torch: `pip install polku[semantic]`)."""

    name = "minilm"

    def __init__(self, model_path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(model_path, device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(
            self.model.encode(list(texts), batch_size=128, normalize_embeddings=True), dtype=np.float32
        )
