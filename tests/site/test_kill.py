"""kill -9 at random moments of a 300-article build (worker processes, exports beside the
pages), 20 times: the output folder is always the old site or the new one, complete; the
killed build's workers die with it; the next build leaves no staging folder behind.

The site alternates between two titles, so the old and the new output differ in every
page and "old or new" is a real check. One generated site is reused throughout."""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import BuildOptions, run_pipeline
from sitekit import REPO, write_bench_site
from test_large_build import make_corpus_site

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="workers die with the build through Linux's PR_SET_PDEATHSIG")

KILLS = 20
ARTICLES = 300


def set_title(site: Path, title: str) -> None:
    (site / "site.yaml").write_text(f"title: {title}\nbase_url: https://example.org/kill/\n", encoding="utf-8")


def start_build(site: Path) -> subprocess.Popen:
    # --jobs 2: worker processes whatever the machine's CPU count, so there are some to outlive it
    return subprocess.Popen([sys.executable, "-m", "generator", "build", str(site), "-q", "--jobs", "2"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc, as ps would find them)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie (a dead child nobody has reaped yet is no worker)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def leftovers(site: Path) -> list[str]:
    """Staging folders of dead builds (the cache, .annals-cache, is meant to stay)."""
    return sorted(p.name for p in site.iterdir() if ".annals-" in p.name and p.name != ".annals-cache")


def test_kill_minus_nine_never_loses_the_output(tmp_path: Path):
    site = make_corpus_site(tmp_path / "site", ARTICLES)
    sites = {}
    started = time.perf_counter()
    for title in ("Kill test A", "Kill test B"):
        set_title(site, title)
        result = start_build(site)
        assert result.wait(timeout=300) == 0, result.stderr.read().decode()
        sites[title] = digest(site / "output")
    duration = (time.perf_counter() - started) / 2
    assert sites["Kill test A"] != sites["Kill test B"]

    rng = random.Random(11)
    current, killed_at, seen_workers = "Kill test B", [], 0
    for _ in range(KILLS):
        new = "Kill test A" if current == "Kill test B" else "Kill test B"
        set_title(site, new)
        build = start_build(site)
        delay = rng.uniform(0.0, duration * 1.05)
        time.sleep(delay)
        workers = children(build.pid)
        seen_workers += len(workers)
        build.send_signal(signal.SIGKILL)
        code = build.wait(timeout=60)
        killed_at.append(round(delay, 2))
        output = digest(site / "output")
        assert output in (sites[current], sites[new]), f"after a kill at {delay:.2f} s: a mixed or partial output"
        if output == sites[new]:
            current = new  # the build had swapped its site in (or finished) before the kill
        if code == -signal.SIGKILL:
            deadline = time.monotonic() + 5
            while any(running(pid) for pid in workers) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not [pid for pid in workers if running(pid)], f"workers outlived a kill at {delay:.2f} s"

    assert seen_workers > 0, f"no kill caught a worker running (kills at {killed_at})"
    set_title(site, "Kill test A")
    final = start_build(site)
    assert final.wait(timeout=300) == 0, final.stderr.read().decode()
    assert digest(site / "output") == sites["Kill test A"]
    assert leftovers(site) == [], f"kills at {killed_at}"


MERGE_ARTICLES = 400  # merge items well above workers.PARALLEL_MIN_WINDOW_ITEMS


@pytest.fixture(scope="module")
def analysed_site(tmp_path_factory) -> Path:
    """A site built once with every analysis left in the cache and no merge window
    (merge_events: false): the next build with merging starts workers for the merge first."""
    site = write_bench_site(tmp_path_factory.mktemp("merge-kill") / "site", MERGE_ARTICLES)
    config = (site / "site.yaml").read_text(encoding="utf-8")
    (site / "site.yaml").write_text(config + "merge_events: false\n", encoding="utf-8")
    first = start_build(site)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    (site / "site.yaml").write_text(config, encoding="utf-8")
    return site


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_ctrl_c_or_a_kill_during_the_merge_leaves_no_worker(analysed_site: Path, tmp_path: Path,
                                                             how: signal.Signals):
    """The merge windows' worker processes die with the build, as the analysis' do: on
    Ctrl+C the build stops them and exits 130, on kill -9 the kernel kills them."""
    site = tmp_path / "site"
    shutil.copytree(analysed_site, site, symlinks=True)
    before = digest(site / "output")
    build = start_build(site)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while not workers and build.poll() is None and time.monotonic() < deadline:
        workers = children(build.pid)
        time.sleep(0.01)
    assert workers, "the build ended before its merge started workers"
    build.send_signal(how)
    code = build.wait(timeout=60)
    assert code == (128 + signal.SIGINT if how == signal.SIGINT else -signal.SIGKILL), build.stderr.read().decode()
    deadline = time.monotonic() + 5
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if running(pid)], "merge workers outlived the build"
    assert digest(site / "output") == before
    if how == signal.SIGINT:
        assert leftovers(site) == []
    # the next build finishes, and its merge is the one that ran in workers (nothing of it
    # was kept): the workers caught above were the merge's, the first this build starts
    final = run_pipeline(BuildOptions(site, jobs=2), in_memory=True)
    assert set(final.merge.clustered) == {"pool"} and final.analysed == 0
