"""A site big enough for the parallel paths (worker processes for analysis, exports beside
rendering): the output must be the same bytes as a one-process build, whatever the hash seed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from sitekit import REPO, tree_bytes

ARTICLES = 1500  # big enough that hash-order float sums once showed up as different pages


def make_corpus_site(root: Path, articles_count: int = ARTICLES) -> Path:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    for slug, dct, text in corpus.make_corpus(articles_count, seed=7):
        (articles / f"{slug}.md").write_text(f"---\ndate: {dct}\nsource: Wire {len(slug) % 5}\n---\n{text}",
                                             encoding="utf-8")
    return root


def build(site: Path, out: Path, *extra: str, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(site), "-o", str(out), "-q", *extra],
                            capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stderr


def test_parallel_build_equals_single_process_build(tmp_path: Path):
    site = make_corpus_site(tmp_path / "site")
    build(site, tmp_path / "one", "--jobs", "1", seed="1")
    build(site, tmp_path / "many", "--jobs", "2", seed="2")
    one, many = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "many")
    assert one.keys() == many.keys()
    assert [name for name in one if one[name] != many[name]] == []
    assert len([n for n in one if n.startswith("articles/")]) == ARTICLES
