"""The skill ranker: text in any loaded language → ranked ESCO skills and occupations, with evidence.

Plain data in, plain data out; no Django. Two paths score every ESCO label and are fused:

- lexical: TF-IDF over lemmatised labels (polku.skills.lexical), with aliases and a fi/sv glossary;
- semantic: cosine of a sentence vector and label vectors (polku.skills.semantic), by default the
  shipped static embedding distilled from all-MiniLM-L6-v2 (numpy only), optionally the full model.

A concept's path score is its best label's cosine; the fused score is
`lexical_weight * lexical + (1 - lexical_weight) * semantic`. Long texts are split into sentences, each
sentence is ranked, and a concept keeps its best sentence's score (and that sentence's evidence).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from polku.skills.distinct import distinct
from polku.skills.index import DATA_DIR, Concept, Esco, load_descriptions, load_esco
from polku.skills.lexical import LexicalIndex
from polku.skills.semantic import (
    VECTORS_FILE,
    Encoder,
    StaticEmbedding,
    TransformerEmbedding,
    dequantise,
)
from polku.skills.text import ALIASES, LANGS, NativeAnalyser, Token, agent_nouns, split_sentences, tokens

CACHE_ENV = "POLKU_SKILLS_CACHE"  # folder for concept vectors of a non-shipped encoder (the full model)
MODEL_ENV = "POLKU_SKILLS_MODEL"  # path to a local sentence-transformers model (the optional heavy path)
DEFAULT_LEXICAL_WEIGHT = 0.5
DESCRIPTION_WEIGHT = 0.5  # weight of a concept's description vector beside its label centroid
SPAN_SCALES = (2, 4, 8)  # window sizes (words) of the static path's best-span score
SPAN_CANDIDATES = 500  # concepts per chunk re-scored by their best span (the rest keep the chunk's score)
VECTORS_VERSION = 2  # bump when concept_vectors() changes (the shipped vectors are then recomputed)
BATCH = 32
# How occupations are ranked (rank_occupations): "titles" (the default, decision 0048) or "previous"
# (the method before it, kept for the benchmark bench/occupations.py). See docs/skills.md.
OCCUPATION_METHODS = ("titles", "previous")
OCCUPATION_SKILLS = 20  # the text's best skills that count towards occupations
OCCUPATION_OPTIONAL = 0.3  # weight of an optional skill beside an essential one


class UnknownLanguage(ValueError):
    pass


# A row of a language's labels: (concept URI, preferred label, alternative labels). The alternatives may
# also come as one newline-separated string (as polku.esco stores them).
LabelRow = tuple[str, str, "Sequence[str] | str"]


@dataclass(frozen=True)
class Ranked:
    uri: str
    label: str
    score: float
    evidence: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"uri": self.uri, "label": self.label, "score": self.score, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class _Chunk:
    toks: list[Token]  # tokens of the English path (lemmas, aliases, glossary)
    native: list[Token]  # tokens for the language's own labels (empty when none were added)


def label_rows(concepts: Sequence[Concept]) -> tuple[list[str], np.ndarray]:
    labels: list[str] = []
    owners: list[int] = []
    for i, c in enumerate(concepts):
        seen: set[str] = set()
        for label in c.labels:
            key = label.lower()
            if key not in seen:
                seen.add(key)
                labels.append(label)
                owners.append(i)
    return labels, np.array(owners, dtype=np.int64)


def concept_vectors(
    encoder: Encoder,
    labels: Sequence[str],
    starts: np.ndarray,
    descriptions: Sequence[str] | None = None,
    description_weight: float = DESCRIPTION_WEIGHT,
) -> np.ndarray:
    """One vector per concept: the centroid of its label vectors plus its preferred label's vector
    (the preferred label names the concept; the alternative labels widen it), normalised; then, when
    descriptions are given, plus description_weight × the vector of the concept's ESCO description
    (it says what the skill is in the words a job ad uses), normalised again."""
    vectors = encoder.encode(labels)
    v = np.add.reduceat(vectors, starts, axis=0)
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
    v += vectors[starts]
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
    if descriptions is not None and description_weight > 0:
        has = np.array([bool(d) for d in descriptions])
        d = encoder.encode([x or "" for x in descriptions])
        v += description_weight * d * has[:, None]
        v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
    return v.astype(np.float32)


def concept_descriptions(concepts: Sequence[Concept], data_dir: Path) -> list[str]:
    path = data_dir / "descriptions.jsonl.gz"
    found = load_descriptions(data_dir) if path.exists() else {}
    return [found.get(c.uri, "") for c in concepts]


def _shipped_vectors(data_dir: Path, name: str, n: int, n_labels: int, dims: int) -> np.ndarray | None:
    path = data_dir / VECTORS_FILE
    if not path.exists():
        return None
    with np.load(path) as z:
        version = int(z["version"]) if "version" in z else 1
        if version != VECTORS_VERSION or int(z[f"{name}_labels"]) != n_labels or z[name].shape != (n, dims):
            return None
        return dequantise(z[name], z[f"{name}_scale"])


def top_order(scores: np.ndarray, top: int) -> np.ndarray:
    """The indices of the `top` best scores, best first, ties by index: the same as
    `np.argsort(-scores, kind="stable")[:top]` without sorting all 14,000 scores."""
    if top >= len(scores):
        return np.argsort(-scores, kind="stable")
    kth = np.partition(-scores, top - 1)[top - 1]
    candidates = np.flatnonzero(-scores <= kth)
    return candidates[np.argsort(-scores[candidates], kind="stable")][:top]


def _rrf(scores: np.ndarray, k: int = 60) -> np.ndarray:
    """Reciprocal-rank scores k / (k + rank) per row (1.0 for the first; rank 1-based)."""
    ranks = np.empty_like(scores, dtype=np.float32)
    order = np.argsort(-scores, axis=1, kind="stable")
    rows = np.arange(scores.shape[0])[:, None]
    ranks[rows, order] = np.arange(1, scores.shape[1] + 1, dtype=np.float32)
    return k / (k + ranks)


class _Pillar:
    """One kind of concept (skills or occupations) indexed by both paths."""

    def __init__(
        self,
        name: str,
        concepts: list[Concept],
        encoder: Encoder | None,
        data_dir: Path,
        cache_dir: Path | None = None,
    ) -> None:
        self.name = name
        self.cache_dir = cache_dir
        self.concepts = concepts
        self.labels, self.owners = label_rows(concepts)
        self.lexical = LexicalIndex(self.labels, self.owners, data_dir / f"lexical_{name}.npz")
        self.starts = self.lexical.starts
        self.encoder = encoder
        self.data_dir = data_dir
        self._vectors: np.ndarray | None = None
        if isinstance(encoder, StaticEmbedding):
            dims = encoder.matrix.shape[1]
            self._vectors = _shipped_vectors(data_dir, name, len(concepts), len(self.labels), dims)
        self.index = {c.uri: i for i, c in enumerate(concepts)}
        self._heads: frozenset[str] | None = None
        # language → the lexical index of that language's own labels and its analyser
        self.native: dict[str, tuple[LexicalIndex, NativeAnalyser]] = {}

    def add_language(self, lang: str, labels: dict[int, list[str]]) -> int:
        """Index one language's labels (concept index → its labels, preferred first); returns the count."""
        rows = [(i, label) for i in sorted(labels) for label in dict.fromkeys(labels[i]) if label.strip()]
        if not rows:
            self.native.pop(lang, None)
            return 0
        texts = [label for _, label in rows]
        analyser = NativeAnalyser(lang).fit(texts)
        owners = np.array([i for i, _ in rows], dtype=np.int64)
        index = LexicalIndex(texts, owners, n_concepts=len(self.concepts), words=analyser.label_words)
        self.native[lang] = (index, analyser)
        return len(rows)

    @property
    def heads(self) -> frozenset[str]:
        """The last words of the concepts' English labels (an occupation title's head: driver, cleaner)."""
        if self._heads is None:
            self._heads = frozenset(
                w
                for label in self.labels
                if (parts := label.lower().replace("/", " ").split())
                for w in (parts[-1].strip(".,()"),)
                if w.isalpha()
            )
        return self._heads

    def with_agent_nouns(self, toks: list[Token]) -> list[Token]:
        """The tokens with the agent nouns of their verbs that head a label added as further words (`drove`
        → drive, driver), so that what a text says a person did meets the titles of the occupations."""
        heads = self.heads
        out = []
        for t in toks:
            extra = tuple(n for w in t.words for n in agent_nouns(w) if n in heads and n not in t.words)
            out.append(Token(t.surface, t.words + extra, t.foreign) if extra and not t.foreign else t)
        return out

    @property
    def vectors(self) -> np.ndarray | None:
        """Concept vectors of the semantic path: shipped for the static embedding; for another encoder
        read from the cache folder when there (see cache_file), else computed (minutes for the full
        model) and then written there."""
        if self._vectors is None and self.encoder is not None:
            descriptions = concept_descriptions(self.concepts, self.data_dir)
            path = self.cache_file(descriptions)
            if path is not None and path.exists():
                with np.load(path) as z:
                    cached = z["vectors"].astype(np.float32)
                if cached.shape[0] == len(self.concepts):
                    self._vectors = cached
                    return cached
            self._vectors = concept_vectors(self.encoder, self.labels, self.starts, descriptions)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp.npz")
                np.savez(tmp, vectors=self._vectors.astype(np.float16))
                tmp.replace(path)
        return self._vectors

    def cache_file(self, descriptions: Sequence[str]) -> Path | None:
        """Where the concept vectors of a non-shipped encoder are cached: the folder given to load()
        (cache_dir) or $POLKU_SKILLS_CACHE, a file named by the encoder's name and model path and a hash
        of the labels, descriptions and VECTORS_VERSION (another model or ESCO release → another file)."""
        if self.cache_dir is None or self.encoder is None or isinstance(self.encoder, StaticEmbedding):
            return None
        h = hashlib.sha256()
        h.update(
            f"{VECTORS_VERSION}\0{DESCRIPTION_WEIGHT}\0{getattr(self.encoder, 'model_path', '')}\0".encode()
        )
        for text in (*self.labels, "\0", *descriptions):
            h.update(text.encode("utf-8") + b"\n")
        h.update(self.starts.tobytes())
        return self.cache_dir / f"{self.name}-{self.encoder.name}-{h.hexdigest()[:16]}.npz"


class SkillRanker:
    def __init__(
        self,
        esco: Esco,
        encoder: Encoder | None,
        *,
        lexical_weight: float = DEFAULT_LEXICAL_WEIGHT,
        data_dir: Path = DATA_DIR,
        fusion: str = "weighted",
        span_scales: Sequence[int] = SPAN_SCALES,
        span_candidates: int = SPAN_CANDIDATES,
        cache_dir: Path | None = None,
        occupation_method: str = OCCUPATION_METHODS[0],
    ) -> None:
        self.fusion = fusion
        self.span_scales = tuple(span_scales)
        self.span_candidates = span_candidates
        self.esco = esco
        self.encoder = encoder
        self.lexical_weight = lexical_weight if encoder is not None else 1.0
        self.skills = _Pillar("skills", esco.skills, encoder, data_dir, cache_dir)
        self.occupations = _Pillar("occupations", esco.occupations, encoder, data_dir, cache_dir)
        if occupation_method not in OCCUPATION_METHODS:
            raise ValueError(f"occupation_method: one of {', '.join(OCCUPATION_METHODS)}")
        self.occupation_method = occupation_method
        n_occ, n_sk = len(esco.occupations), len(esco.skills)
        rows, cols, vals, previous, titles = [], [], [], [], []
        for o, rel in enumerate(esco.occupation_skills):
            essential = [s for s, e in rel if e]
            optional = [s for s, e in rel if not e]
            # previous: divided by √(essential skills); titles: by √(all its skills), so that a generic
            # occupation with hundreds of optional skills does not collect a little from every text.
            norm = max(1.0, float(len(essential))) ** 0.5
            norm_all = max(1.0, float(len(essential) + len(optional))) ** 0.5
            for s, weight in [(s, 1.0) for s in essential] + [(s, OCCUPATION_OPTIONAL) for s in optional]:
                rows.append(o)
                cols.append(s)
                vals.append(weight)
                previous.append(weight / norm)
                titles.append(weight / norm_all)
        shape = (n_occ, n_sk)
        self.occupation_skill = {
            "previous": sparse.csr_matrix((previous, (rows, cols)), shape=shape, dtype=np.float32),
            "titles": sparse.csr_matrix((titles, (rows, cols)), shape=shape, dtype=np.float32),
        }

    @classmethod
    def load(
        cls,
        data_dir: Path | str | None = None,
        *,
        semantic: str | None = None,
        lexical_weight: float = DEFAULT_LEXICAL_WEIGHT,
        fusion: str = "weighted",
        span_scales: Sequence[int] = SPAN_SCALES,
        span_candidates: int = SPAN_CANDIDATES,
        extra_labels: Mapping[str, Iterable[LabelRow]] | None = None,
        cache_dir: Path | str | None = None,
        occupation_method: str = OCCUPATION_METHODS[0],
    ) -> SkillRanker:
        """semantic: "static" (default when shipped), "none" (lexical only), or a path to a local
        sentence-transformers model (default: $POLKU_SKILLS_MODEL if set). fusion: "weighted" (a weighted
        sum of the two cosines, the default) or "rrf" (reciprocal-rank fusion, k = 60). extra_labels: language →
        rows of (URI, preferred label, alternative labels) of ESCO in that language (see add_language).
        cache_dir (default $POLKU_SKILLS_CACHE): where the full model's concept vectors are kept after
        the first load, so later loads take seconds (`polku skills build-cache` fills it).
        occupation_method: how rank_occupations() ranks ("titles", the default, or "previous")."""
        d = Path(data_dir) if data_dir else DATA_DIR
        choice = semantic or os.environ.get(MODEL_ENV) or "static"
        encoder: Encoder | None
        if choice == "none":
            encoder = None
        elif choice == "static":
            encoder = StaticEmbedding(d) if StaticEmbedding.available(d) else None
        else:
            encoder = TransformerEmbedding(choice)
        ranker = cls(
            load_esco(d),
            encoder,
            lexical_weight=lexical_weight,
            data_dir=d,
            fusion=fusion,
            span_scales=span_scales,
            span_candidates=span_candidates,
            cache_dir=Path(cache) if (cache := cache_dir or os.environ.get(CACHE_ENV)) else None,
            occupation_method=occupation_method,
        )
        for lang, rows in (extra_labels or {}).items():
            ranker.add_language(lang, rows)
        return ranker

    @property
    def path(self) -> str:
        return "lexical" if self.encoder is None else f"lexical+{self.encoder.name}"

    # --- scoring -------------------------------------------------------------------------------------
    @staticmethod
    def _semantic_words(toks: list[Token], lang: str) -> list[str]:
        # Words the alias table or the glossary translated go in as English; English words as written.
        # A word of another language that no table knows is left out: the English embedding cannot read
        # it, and its sub-word pieces only add noise (the lexical paths still match it exactly).
        out = []
        for t in toks:
            if t.foreign:
                continue
            translated = t.surface.lower() in ALIASES or lang != "en"
            out.append(" ".join(t.words) if translated else t.surface)
        return out

    def _semantic_text(self, chunk: str, toks: list[Token], lang: str) -> str:
        return " ".join(self._semantic_words(toks, lang))

    def _semantic(
        self, pillar: _Pillar, chunks: Sequence[str], toks: list[list[Token]], lang: str, lex: np.ndarray
    ) -> np.ndarray:
        """chunks × concepts semantic scores. The whole chunk's vector against every concept; then the
        static path re-scores the chunk's best candidates (the SPAN_CANDIDATES best by the fused
        whole-chunk score) by their best-matching spans of 2, 4 and 8 words (SPAN_SCALES)."""
        vectors = pillar.vectors
        assert vectors is not None and self.encoder is not None
        q = self.encoder.encode([self._semantic_text(c, t, lang) for c, t in zip(chunks, toks, strict=True)])
        sem = q @ vectors.T
        if not (isinstance(self.encoder, StaticEmbedding) and self.span_scales and self.span_candidates):
            return sem
        w = self.lexical_weight
        pre = w * lex + (1 - w) * sem
        n = min(self.span_candidates, sem.shape[1])
        chunk_words = [self._semantic_words(t, lang) for t in toks]
        self.encoder.word_sums([w for words in chunk_words for w in words])  # one tokenizer call
        for i, words in enumerate(chunk_words):
            if len(words) < 2:
                continue
            cand = np.argpartition(-pre[i], n - 1)[:n]
            sem[i, cand] = self.encoder.span_scores(words, vectors[cand], self.span_scales)
        return sem

    def _score(
        self, pillar: _Pillar, chunks: Sequence[str], lang: str, agents: bool = False
    ) -> tuple[np.ndarray, list[_Chunk]]:
        """chunks × concepts fused scores, and the chunks' tokens (English path, own-language labels).

        With a language's own labels added, a concept's lexical score is its best label in either
        index (the English labels reached through aliases and glossary, or the language's labels): a
        concept scores its best label, whichever language it is in."""
        toks = [tokens(c, lang) for c in chunks]
        if agents:  # the lexical path also reads the agent nouns of the verbs (occupation titles)
            toks = [pillar.with_agent_nouns(t) for t in toks]
        lex = pillar.lexical.scores(toks)
        native = pillar.native.get(lang)
        ntoks: list[list[Token]] = [[] for _ in chunks]
        if native:
            ntoks = [native[1].tokens(c) for c in chunks]
            lex = np.maximum(lex, native[0].scores(ntoks))
        parts = [_Chunk(t, n) for t, n in zip(toks, ntoks, strict=True)]
        if self.encoder is None or pillar.vectors is None:
            return lex, parts
        sem = self._semantic(pillar, chunks, toks, lang, lex)
        w = self.lexical_weight
        if self.fusion == "rrf":
            return w * _rrf(lex) + (1 - w) * _rrf(sem), parts
        return w * lex + (1 - w) * sem, parts

    def score_all(self, texts: Sequence[str], *, lang: str = "en", kind: str = "skills") -> np.ndarray:
        """texts × concepts fused scores, each text taken as one chunk (for benchmarks)."""
        self._check(lang)
        pillar = self.skills if kind == "skills" else self.occupations
        out = []
        for i in range(0, len(texts), BATCH):
            out.append(self._score(pillar, texts[i : i + BATCH], lang)[0])
        return np.vstack(out) if out else np.zeros((0, len(pillar.concepts)), dtype=np.float32)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages text may be in: English, those with a glossary (fi, sv) and those whose ESCO
        labels were added (add_language)."""
        added = set(self.skills.native) | set(self.occupations.native)
        return tuple(dict.fromkeys([*LANGS, *sorted(added)]))

    def _check(self, lang: str) -> None:
        if lang not in LANGS and lang not in self.skills.native and lang not in self.occupations.native:
            raise UnknownLanguage(f"unknown language {lang!r}; loaded: {', '.join(self.languages)}")

    def add_language(self, lang: str, rows: Iterable[LabelRow]) -> dict[str, int]:
        """Add one language's ESCO labels: rows of (concept URI, preferred label, alternative labels),
        for skills and occupations alike (rows of other URIs, such as skill groups, are skipped). Builds
        a lexical index of those labels (simplemma lemmas where simplemma knows the language, fi/sv
        compounds split; a plain tokeniser elsewhere), fused with the existing paths; `lang` may then be
        used in rank_skills() and rank_occupations(). Adding a language again replaces its labels.
        Returns the number of labels indexed per pillar."""
        lang = lang.strip().lower()
        if not lang or lang == "en":
            raise ValueError("English labels ship with the ranker; add another language")
        found: dict[str, dict[int, list[str]]] = {"skills": {}, "occupations": {}}
        for uri, preferred, alternatives in rows:
            alts = alternatives.split("\n") if isinstance(alternatives, str) else list(alternatives or ())
            labels = [x.strip() for x in (preferred or "", *alts) if x and x.strip()]
            for name, pillar in (("skills", self.skills), ("occupations", self.occupations)):
                i = pillar.index.get(uri)
                if i is not None and labels:
                    found[name].setdefault(i, []).extend(labels)
        return {
            "skills": self.skills.add_language(lang, found["skills"]),
            "occupations": self.occupations.add_language(lang, found["occupations"]),
        }

    def _text_scores(
        self, pillar: _Pillar, text: str, lang: str, agents: bool = False
    ) -> tuple[np.ndarray, np.ndarray, list]:
        """Per concept: best score over the text's sentences, which sentence, and all sentences' tokens."""
        return self._texts_scores(pillar, [text], lang, agents)[0]

    def _texts_scores(
        self, pillar: _Pillar, texts: Sequence[str], lang: str, agents: bool = False
    ) -> list[tuple[np.ndarray, np.ndarray, list]]:
        """_text_scores for several texts at once: their sentences are scored together, BATCH at a time
        (one matrix product per batch instead of one per text), then split back per text."""
        chunks_per_text = [split_sentences(text) or [""] for text in texts]
        chunks = [c for text_chunks in chunks_per_text for c in text_chunks]
        fused_all, toks_all = [], []
        for i in range(0, len(chunks), BATCH):
            fused, toks = self._score(pillar, chunks[i : i + BATCH], lang, agents)
            fused_all.append(fused)
            toks_all.extend(toks)
        fused = np.vstack(fused_all)
        out, start = [], 0
        for text_chunks in chunks_per_text:
            end = start + len(text_chunks)
            rows = fused[start:end]
            out.append((rows.max(axis=0), rows.argmax(axis=0), toks_all[start:end]))
            start = end
        return out

    def _evidence(self, pillar: _Pillar, concept: int, chunk: _Chunk, lang: str) -> tuple[str, ...]:
        """The words of the sentence that support the concept: those its best label shares (lexical, in
        English or in the text's own language when its labels were added), then up to three whose own
        vectors are close to the concept's (semantic)."""
        toks = chunk.toks
        lo = int(pillar.starts[concept])
        hi = int(pillar.starts[concept + 1]) if concept + 1 < len(pillar.starts) else len(pillar.labels)
        words: list[str] = []
        row, score = pillar.lexical.best_row(toks, lo, hi)
        native = pillar.native.get(lang)
        if native and chunk.native:
            nlo, nhi = native[0].rows_of(concept)
            if nhi > nlo:
                nrow, nscore = native[0].best_row(chunk.native, nlo, nhi)
                if nscore > 0:
                    words += native[0].evidence(chunk.native, nrow)
        if score > 0:
            words += [w for w in pillar.lexical.evidence(toks, row) if w not in words]
        known = [t for t in toks if not t.foreign]
        if self.encoder is not None and pillar.vectors is not None and known:
            sims = self.encoder.encode([" ".join(t.words) for t in known]) @ pillar.vectors[concept]
            for j in np.argsort(-sims)[:3]:
                if sims[j] >= 0.5 and known[j].surface not in words:
                    words.append(known[j].surface)
        return tuple(words)

    def _rank(
        self,
        pillar: _Pillar,
        scores: np.ndarray,
        top: int,
        best_chunk: np.ndarray,
        toks_all,
        lang: str,
        evidence: bool = True,
        fold: bool = False,
    ) -> list[Ranked]:
        if fold:
            # Near-duplicate labels folded into the best-scored one, read from a wider pool so `top` stay.
            wide = top_order(scores, top * 4)
            order: list[int] = distinct([int(i) for i in wide], lambda i: pillar.concepts[i].label)[:top]
        else:
            order = [int(i) for i in top_order(scores, top)]
        return [
            Ranked(
                uri=pillar.concepts[i].uri,
                label=pillar.concepts[i].label,
                score=round(float(scores[i]), 4),
                evidence=self._evidence(pillar, int(i), toks_all[int(best_chunk[i])], lang)
                if evidence
                else (),
            )
            for i in order
        ]

    # --- public API ----------------------------------------------------------------------------------
    def rank_skills(
        self, text: str, *, lang: str = "en", top: int = 10, evidence: bool = True, fold: bool = False
    ) -> list[Ranked]:
        """The text's top skills, best first; evidence=False leaves the supporting words out (faster: they
        cost a few milliseconds per item); fold=True keeps one of each family of near-duplicate labels
        ("customer service" / "provide customer service" / "customer services"), see skills.distinct."""
        return self.rank_skills_many([text], lang=lang, top=top, evidence=evidence, fold=fold)[0]

    def rank_skills_many(
        self,
        texts: Sequence[str],
        *,
        lang: str = "en",
        top: int = 10,
        evidence: bool = True,
        fold: bool = False,
    ) -> list[list[Ranked]]:
        """rank_skills for each text, the texts scored together (faster per text than one at a time)."""
        self._check(lang)
        return [
            self._rank(self.skills, scores, top, best_chunk, toks, lang, evidence, fold)
            for scores, best_chunk, toks in self._texts_scores(self.skills, texts, lang)
        ]

    def rank_occupations(
        self, text: str, *, lang: str = "en", top: int = 10, method: str | None = None, evidence: bool = True
    ) -> list[Ranked]:
        """Occupations by their own labels, plus the skills the text shows (essential ones weigh most).

        method "titles" (the default): the labels are also matched through the agent nouns of the text's
        verbs (`drove` → driver), and 0.8 × the label score + 0.2 × the skills score, that score being the
        text's OCCUPATION_SKILLS best skills summed over the occupation's skills (optional ones at 0.3)
        divided by the square root of all its skills. method "previous": no agent nouns, 0.7 × label +
        0.3 × skills divided by the square root of its essential skills only."""
        return self.rank_occupations_many([text], lang=lang, top=top, method=method, evidence=evidence)[0]

    def rank_occupations_many(
        self,
        texts: Sequence[str],
        *,
        lang: str = "en",
        top: int = 10,
        method: str | None = None,
        evidence: bool = True,
    ) -> list[list[Ranked]]:
        """rank_occupations for each text, the texts scored together."""
        method = method or self.occupation_method
        if method not in OCCUPATION_METHODS:
            raise ValueError(f"method: one of {', '.join(OCCUPATION_METHODS)}")
        self._check(lang)
        titles = method == "titles"
        skills = self._texts_scores(self.skills, texts, lang)
        labels = self._texts_scores(self.occupations, texts, lang, agents=titles)
        return [
            self._occupations(skill_scores, label_scores, best_chunk, toks, lang, top, method, evidence)
            for (skill_scores, _, _), (label_scores, best_chunk, toks) in zip(skills, labels, strict=True)
        ]

    def _occupations(
        self,
        skill_scores: np.ndarray,
        label_scores: np.ndarray,
        best_chunk: np.ndarray,
        toks: list,
        lang: str,
        top: int,
        method: str,
        evidence: bool,
    ) -> list[Ranked]:
        titles = method == "titles"
        kept = np.zeros_like(skill_scores)
        top_skills = np.argsort(-skill_scores)[:OCCUPATION_SKILLS]
        kept[top_skills] = skill_scores[top_skills]
        via_skills = self.occupation_skill[method] @ kept
        if via_skills.max() > 0:
            via_skills = via_skills / via_skills.max() * max(float(label_scores.max()), 1e-6)
        label_weight = 0.8 if titles else 0.7
        scores = label_weight * label_scores + (1 - label_weight) * via_skills
        return self._rank(self.occupations, scores, top, best_chunk, toks, lang, evidence)
