"""annals build --dask: the per-article analysis and the per-window merge on a real
dask.distributed cluster (a LocalCluster of two worker processes) give the very bytes of a
local build, and a window the cache holds is never sent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit import annals, tree_bytes, write_bench_site

distributed = pytest.importorskip("dask.distributed", reason="the optional extra annals[dask] is not installed")

from generator.build import BuildOptions, build  # noqa: E402

ARTICLES = 80  # the benchmark's generated news, over a hundred merge windows
MERGE_LINE = re.compile(r"merge windows: (\d+), (\d+) from the cache(?:, (.*))?")


@pytest.fixture(scope="module")
def bench_site(tmp_path_factory) -> Path:
    return write_bench_site(tmp_path_factory.mktemp("dask") / "site", ARTICLES)


@pytest.fixture(scope="module")
def local_output(bench_site: Path, tmp_path_factory) -> dict[str, bytes]:
    """The site built in one process, no worker anywhere: what every other build must equal."""
    out = tmp_path_factory.mktemp("serial") / "out"
    result = build(BuildOptions(bench_site, out, use_cache=False, jobs=1))
    assert result.merge.clustered == {"here": result.merge.windows}
    return tree_bytes(out)


@pytest.fixture(scope="module")
def scheduler():
    """An existing cluster, as a newsroom would run one: its scheduler's address."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def merge_line(stderr: str) -> tuple[int, int, str]:
    found = MERGE_LINE.search(stderr)
    assert found, stderr
    return int(found[1]), int(found[2]), found[3] or ""


def test_dask_local_build_merges_on_the_cluster_with_the_bytes_of_a_local_build(
        bench_site: Path, local_output: dict[str, bytes], tmp_path: Path):
    result = annals("build", str(bench_site), "-o", str(tmp_path / "dask"), "--no-cache", "--dask", "local",
                    "--timings", "-q")
    assert result.returncode == 0, result.stderr
    windows, reused, where = merge_line(result.stderr)
    assert windows > 100 and reused == 0
    assert where == f"{windows} on Dask"  # every window went to the cluster, none was clustered here
    assert " merge " in result.stderr.replace("\n", " ")  # --timings shows the merge apart
    assert tree_bytes(tmp_path / "dask") == local_output


def test_the_merge_in_worker_processes_gives_the_bytes_of_a_local_build(
        bench_site: Path, local_output: dict[str, bytes], tmp_path: Path):
    result = build(BuildOptions(bench_site, tmp_path / "pool", use_cache=False, jobs=2, pool_min_window_items=0))
    assert result.merge.clustered == {"pool": result.merge.windows}
    assert tree_bytes(tmp_path / "pool") == local_output


def test_windows_in_the_cache_are_never_sent(bench_site: Path, scheduler: str, tmp_path: Path):
    site = tmp_path / "site"
    write_bench_site(site, ARTICLES)
    out = tmp_path / "out"
    first = build(BuildOptions(site, out, dask=scheduler))
    assert first.merge.clustered == {"dask": first.merge.windows} and first.analysed == ARTICLES

    again = build(BuildOptions(site, out, dask=scheduler))
    assert again.analysed == 0 and again.merge.clustered == {} and again.merge.reused == again.merge.windows

    article = sorted((site / "content" / "articles").rglob("*.md"))[ARTICLES // 2]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.rstrip() + "\n\nThe council met again on 3 March 2025 to sign the accord.\n",
                       encoding="utf-8")
    edited = build(BuildOptions(site, out, dask=scheduler))
    sent = edited.merge.clustered.get("dask", 0)
    assert edited.analysed == 1 and 1 <= sent <= 3 and sent + edited.merge.reused == edited.merge.windows
    build(BuildOptions(site, tmp_path / "clean", use_cache=False, jobs=1))
    assert tree_bytes(out) == tree_bytes(tmp_path / "clean")


def test_an_unreachable_scheduler_is_a_clear_error(tiny_site: Path, tmp_path: Path):
    result = annals("build", str(tiny_site), "-o", str(tmp_path / "out"), "--no-cache",
                    "--dask", "tcp://127.0.0.1:9", "-q")
    assert result.returncode == 1
    assert "Dask scheduler" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
