"""The lexical path: TF-IDF over lemmatised ESCO labels (word unigrams and bigrams), one row per label.

A concept's score is the best cosine over its labels (preferred, alternative, hidden), so a skill with
thirty alternative labels is not diluted. Query words unknown to the label vocabulary are mapped to the
nearest known word by character trigrams (inflection, spelling variants, compounds' parts).

Lemmatising 130,000 labels takes several seconds, so the build script ships the label × feature counts
(`lexical_<pillar>.npz`); the index rebuilds them itself when the file is missing or from an older
INDEX_VERSION.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np
from scipy import sparse

from polku.skills.text import Token, label_words

INDEX_VERSION = 1  # bump when label_words() or _features() change


def _features(words: Sequence[str]) -> list[str]:
    feats = list(words)
    feats += [f"{a} {b}" for a, b in pairwise(words)]
    return feats


def _trigrams(word: str) -> set[str]:
    w = f"<{word}>"
    return {w[i : i + 3] for i in range(len(w) - 2)}


def count_matrix(
    labels: Sequence[str], words: Callable[[str], list[str]] = label_words
) -> tuple[list[str], sparse.csr_matrix]:
    """The feature vocabulary and the labels × features count matrix (words: a label's analysed words)."""
    vocab: dict[str, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    counts: list[int] = []
    for label in labels:
        c = Counter(vocab.setdefault(f, len(vocab)) for f in _features(words(label)))
        indices.extend(c.keys())
        counts.extend(c.values())
        indptr.append(len(indices))
    m = sparse.csr_matrix(
        (
            np.array(counts, dtype=np.float32),
            np.array(indices, dtype=np.int32),
            np.array(indptr, dtype=np.int64),
        ),
        shape=(len(labels), len(vocab)),
    )
    return list(vocab), m


def save_counts(path: Path, labels: Sequence[str]) -> None:
    vocab, m = count_matrix(labels)
    np.savez_compressed(
        path,
        version=np.array(INDEX_VERSION),
        n_labels=np.array(len(labels)),
        vocab=np.array(vocab),
        indptr=m.indptr.astype(np.int32),
        indices=m.indices.astype(np.int32),
        counts=m.data.astype(np.uint8),
    )


def load_counts(path: Path, n_labels: int) -> tuple[list[str], sparse.csr_matrix] | None:
    if not path.exists():
        return None
    with np.load(path) as z:
        if int(z["version"]) != INDEX_VERSION or int(z["n_labels"]) != n_labels:
            return None
        vocab = z["vocab"].tolist()
        m = sparse.csr_matrix(
            (z["counts"].astype(np.float32), z["indices"], z["indptr"]), shape=(n_labels, len(vocab))
        )
    return vocab, m


class LexicalIndex:
    def __init__(
        self,
        labels: Sequence[str],
        owners: np.ndarray,
        counts_file: Path | None = None,
        *,
        n_concepts: int | None = None,
        words: Callable[[str], list[str]] = label_words,
    ) -> None:
        """labels[i] belongs to concept owners[i]; owners is sorted (rows of a concept are contiguous).
        n_concepts: the pillar's size when some concepts have no label here (another language's labels);
        words: how a label is analysed (default: English, polku.skills.text.label_words)."""
        self.owners = owners
        self.n_concepts = (
            n_concepts if n_concepts is not None else (int(owners[-1]) + 1 if len(owners) else 0)
        )
        self.starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        loaded = load_counts(counts_file, len(labels)) if counts_file else None
        vocab_list, counts = loaded or count_matrix(labels, words)
        self.vocab_list = vocab_list
        self.vocab = {f: i for i, f in enumerate(vocab_list)}
        n = len(labels)
        df = np.bincount(counts.indices, minlength=len(vocab_list))
        self.idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
        m = counts.copy()
        m.data = (1.0 + np.log(m.data)).astype(np.float32)
        m = sparse.csr_matrix(m.multiply(self.idf))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        m = sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)
        self.matrix = m
        self.matrix_t = m.T.tocsr().astype(np.float32)
        self._words: list[str] | None = None
        self._gram_index: dict[str, list[int]] = {}
        self._near: dict[str, str | None] = {}

    def _build_grams(self) -> list[str]:
        if self._words is None:
            self._words = [f for f in self.vocab_list if " " not in f]
            for i, w in enumerate(self._words):
                for g in _trigrams(w):
                    self._gram_index.setdefault(g, []).append(i)
        return self._words

    def nearest_word(self, word: str) -> str | None:
        """The known label word closest to an unknown one (trigram Dice ≥ 0.7), or None."""
        if word in self.vocab:
            return word
        if word in self._near:
            return self._near[word]
        if len(word) < 4 or not word.isalpha():
            self._near[word] = None
            return None
        words = self._build_grams()
        grams = _trigrams(word)
        hits: Counter[int] = Counter()
        for g in grams:
            posting = self._gram_index.get(g, ())
            if len(posting) < 1500:  # trigrams shared by thousands of words tell little and cost much
                hits.update(posting)
        best, best_score = None, 0.7
        for i, _shared in hits.most_common(20):
            cand = words[i]
            score = 2 * len(grams & _trigrams(cand)) / (len(grams) + len(_trigrams(cand)))
            if score > best_score:
                best, best_score = cand, score
        self._near[word] = best
        return best

    def query_words(self, toks: Sequence[Token]) -> list[str]:
        out = []
        for t in toks:
            for w in t.words:
                near = (w if w in self.vocab else None) if t.foreign else self.nearest_word(w)
                if near:
                    out.append(near)
        return out

    def vectors(self, queries: Sequence[Sequence[Token]]) -> sparse.csr_matrix:
        rows, cols, vals = [], [], []
        for q, toks in enumerate(queries):
            counts = Counter(self.vocab[f] for f in _features(self.query_words(toks)) if f in self.vocab)
            for c, n in counts.items():
                rows.append(q)
                cols.append(c)
                vals.append((1.0 + math.log(n)) * self.idf[c])
        m = sparse.csr_matrix(
            (np.array(vals, dtype=np.float32), (rows, cols)), shape=(len(queries), len(self.vocab))
        )
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)

    def scores(self, queries: Sequence[Sequence[Token]]) -> np.ndarray:
        """queries × concepts: each concept's best label cosine (dense float32)."""
        hits = (self.vectors(queries) @ self.matrix_t).tocoo()
        out = np.zeros((len(queries), self.n_concepts), dtype=np.float32)
        np.maximum.at(out, (hits.row, self.owners[hits.col]), hits.data)
        return out

    def rows_of(self, concept: int) -> tuple[int, int]:
        """The label rows lo..hi-1 of a concept (empty when it has no label here)."""
        lo = int(np.searchsorted(self.owners, concept, side="left"))
        return lo, int(np.searchsorted(self.owners, concept, side="right"))

    def best_row(self, toks: Sequence[Token], lo: int, hi: int) -> tuple[int, float]:
        """The best-matching label row among rows lo..hi-1 (one concept's labels) and its cosine."""
        row = (self.vectors([toks]) @ self.matrix_t[:, lo:hi]).toarray()[0]
        return lo + int(row.argmax()), float(row.max())

    def row_words(self, row: int) -> set[str]:
        cols = self.matrix.indices[self.matrix.indptr[row] : self.matrix.indptr[row + 1]]
        return {self.vocab_list[c] for c in cols if " " not in self.vocab_list[c]}

    def evidence(self, toks: Sequence[Token], row: int) -> tuple[str, ...]:
        words = self.row_words(row)
        out: list[str] = []
        for t in toks:
            if any((self.nearest_word(w) or w) in words for w in t.words) and t.surface not in out:
                out.append(t.surface)
        return tuple(out)
