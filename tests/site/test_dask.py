"""annals build --dask: the per-article analysis on a real dask.distributed LocalCluster
(two worker processes) gives the very bytes of a local build."""

from __future__ import annotations

from pathlib import Path

from sitekit import annals, tree_bytes


def test_dask_build_gives_the_same_bytes_as_a_local_build(tiny_site: Path, tmp_path: Path):
    local = annals("build", str(tiny_site), "-o", str(tmp_path / "local"), "--no-cache", "-q")
    assert local.returncode == 0, local.stderr
    on_dask = annals("build", str(tiny_site), "-o", str(tmp_path / "dask"), "--no-cache", "--dask", "local", "-q")
    assert on_dask.returncode == 0, on_dask.stderr
    assert tree_bytes(tmp_path / "dask") == tree_bytes(tmp_path / "local")


def test_an_unreachable_scheduler_is_a_clear_error(tiny_site: Path, tmp_path: Path):
    result = annals("build", str(tiny_site), "-o", str(tmp_path / "out"), "--no-cache",
                    "--dask", "tcp://127.0.0.1:9", "-q")
    assert result.returncode == 1
    assert "Dask scheduler" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
