"""The build server (`annals build --daemon`, `annals daemon ...`), through the real command
line and real processes: builds through it are byte for byte those of a clean build, after
edits, additions and deletions; errors name the file and keep the output; a server of other
code, a stopped or a dead server are never used; it answers only its token, on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitekit import REPO, annals, tree_bytes, write_bench_site, write_tiny_site

from generator.daemon import ADDRESS_FILE, LOG_FILE, Address
from generator.fingerprint import CACHE_DIR


def stop(site: Path) -> None:
    address = Address.read(site)
    annals("daemon", "stop", str(site))
    if address is not None:
        try:
            os.kill(address.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture
def bench_site(tmp_path: Path):
    site = write_bench_site(tmp_path / "site", 40)
    yield site
    stop(site)


@pytest.fixture
def tiny(tmp_path: Path):
    site = write_tiny_site(tmp_path / "tiny")
    yield site
    stop(site)


def build(site: Path, *args: str):
    result = annals("build", str(site), *args)
    assert result.returncode == 0, result.stderr
    return result


def by_server(result) -> bool:
    """Whether `annals build` said the build server made it (rich wraps long lines)."""
    return "by the build server" in " ".join(result.stderr.split())


def clean_build(site: Path, out: Path) -> dict[str, bytes]:
    build(site, "--no-daemon", "--no-cache", "-o", str(out))
    return tree_bytes(out)


def article_files(site: Path) -> list[Path]:
    return sorted((site / "content" / "articles").rglob("*.md"))


def test_builds_through_the_server_equal_clean_builds_after_edits(bench_site: Path, tmp_path: Path):
    first = build(bench_site, "--daemon")
    assert by_server(first)
    address = Address.read(bench_site)
    assert address is not None and (bench_site / CACHE_DIR / ADDRESS_FILE).stat().st_mode & 0o077 == 0
    assert tree_bytes(bench_site / "output") == clean_build(bench_site, tmp_path / "clean0")
    files = article_files(bench_site)
    edits = [
        lambda: files[3].write_text(files[3].read_text("utf-8").replace(".", ". Officials said so on Tuesday.", 1),
                                    encoding="utf-8"),
        lambda: files[7].unlink(),
        lambda: (files[0].parent / "late-report.md").write_text(
            files[11].read_text("utf-8").replace("title:", "title: Later", 1), encoding="utf-8"),
    ]
    for n, edit in enumerate(edits, start=1):
        edit()
        result = build(bench_site)  # no flag: the running server builds
        assert by_server(result)
        assert Address.read(bench_site) == address  # the same process kept its state
        assert tree_bytes(bench_site / "output") == clean_build(bench_site, tmp_path / f"clean{n}"), n


def test_a_bad_article_through_the_server_names_the_file_and_keeps_the_output(tiny: Path):
    build(tiny, "--daemon")
    before = tree_bytes(tiny / "output")
    (tiny / "content" / "articles" / "broken.md").write_text("---\ndate: 2025-13-45\n---\nText.\n", encoding="utf-8")
    result = annals("build", str(tiny))
    assert result.returncode == 1
    assert "content/articles/broken.md:2" in result.stderr and "Traceback" not in result.stderr
    assert tree_bytes(tiny / "output") == before
    (tiny / "content" / "articles" / "broken.md").unlink()
    assert by_server(build(tiny))  # the server is still up after the error


def test_no_daemon_and_a_stopped_server_build_here(tiny: Path):
    build(tiny, "--daemon")
    assert not by_server(build(tiny, "--no-daemon"))
    assert annals("daemon", "status", str(tiny)).returncode == 0
    assert "stopped" in annals("daemon", "stop", str(tiny)).stderr
    assert annals("daemon", "status", str(tiny)).returncode == 1
    assert not (tiny / CACHE_DIR / ADDRESS_FILE).exists()
    assert not by_server(build(tiny))
    log = (tiny / CACHE_DIR / LOG_FILE).read_text(encoding="utf-8")
    assert "started: process" in log and "build: " in log and log.rstrip().endswith("stopped")


def test_two_builds_at_once_take_turns_and_both_succeed(tiny: Path, tmp_path: Path):
    build(tiny, "--daemon")
    article = next((tiny / "content" / "articles").glob("*.md"))
    article.write_text(article.read_text("utf-8").replace(".", ", witnesses said.", 1), encoding="utf-8")
    command = [sys.executable, "-m", "generator", "build", str(tiny)]
    both = [subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for process in both:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0 and "by the build server" in " ".join(errors.split()), errors
    assert tree_bytes(tiny / "output") == clean_build(tiny, tmp_path / "clean")


def test_a_server_of_other_code_is_stopped_and_never_used(tiny: Path):
    build(tiny, "--daemon")
    address = Address.read(tiny)
    assert address is not None
    other = Address(address.port, address.token, address.pid, "0" * 64)  # as if Annals was upgraded since
    other.write(tiny)
    result = build(tiny)
    assert not by_server(result)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(address.pid):
        time.sleep(0.05)
    assert not _alive(address.pid)


def test_a_dead_server_is_forgotten(tiny: Path):
    build(tiny, "--daemon")
    address = Address.read(tiny)
    os.kill(address.pid, signal.SIGKILL)
    while _alive(address.pid):
        time.sleep(0.05)
    assert not by_server(build(tiny))
    assert Address.read(tiny) is None


def test_an_idle_server_stops_by_itself(tiny: Path):
    result = annals("daemon", "start", str(tiny), "--idle", "1")
    assert result.returncode == 0, result.stderr
    address = Address.read(tiny)
    assert address is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _alive(address.pid):
        time.sleep(0.1)
    assert not _alive(address.pid) and Address.read(tiny) is None


def test_the_server_listens_on_loopback_and_ignores_a_wrong_token(tiny: Path):
    build(tiny, "--daemon")
    address = Address.read(tiny)
    with socket.create_connection(("127.0.0.1", address.port), timeout=10) as conn:
        conn.sendall(json.dumps({"token": "not-it", "code": address.code, "op": "stop"}).encode() + b"\n")
        assert conn.recv(100) == b""  # no answer, and no stop
    assert _alive(address.pid)
    with socket.socket() as probe:
        assert probe.connect_ex((_outward_address(), address.port)) != 0 or _outward_address() == "127.0.0.1"
    assert by_server(build(tiny))


def test_daemon_and_dask_together_is_a_usage_error(tiny: Path):
    result = annals("build", str(tiny), "--daemon", "--dask", "local")
    assert result.returncode == 2 and "--daemon" in result.stderr


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (an exited child not yet reaped) counts as gone
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def _outward_address() -> str:
    """This machine's address on its default route (127.0.0.1 when it has none)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: nothing is sent
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def folders_of(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())


def test_the_old_site_is_emptied_once_the_server_is_quiet_and_staged_in_next(bench_site: Path, tmp_path: Path):
    """The server answers first and tidies up when no build follows at once: the site each
    build replaced is emptied of its files a moment later, its folders kept as the next
    build's staging folder (5,000 article folders are not made again). What that build
    publishes is a clean build's files and folders, a deleted article's folder gone."""
    build(bench_site, "--daemon")
    assert by_server(build(bench_site)) and by_server(build(bench_site))  # back to back: no wait

    def leftovers() -> list[Path]:
        return [p for p in bench_site.iterdir() if p.name.startswith(".output.annals-")]

    def hollow_spare() -> Path | None:
        found = leftovers()
        if len(found) == 1 and not [p for p in found[0].rglob("*") if p.is_file() and p.name != ".annals-output"]:
            return found[0]
        return None

    def wait_for_spare() -> Path:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and hollow_spare() is None:
            time.sleep(0.1)
        spare = hollow_spare()
        assert spare is not None, [p.name for p in leftovers()]
        return spare

    spare = wait_for_spare()
    assert (bench_site / "output" / "index.html").is_file()
    kept = next(p for p in (spare / "articles").iterdir() if p.is_dir())
    inode = kept.stat().st_ino
    files = article_files(bench_site)
    gone = next(f for f in files if (spare / "articles" / f.stem).is_dir() and f.stem != kept.name)
    gone.unlink()
    assert by_server(build(bench_site))
    output = bench_site / "output"
    assert (output / "articles" / kept.name).stat().st_ino == inode  # staged in the spare
    assert not (output / "articles" / gone.stem).exists()
    clean = tmp_path / "clean"
    assert tree_bytes(output) == clean_build(bench_site, clean)
    assert folders_of(output) == folders_of(clean)
    wait_for_spare()
    stop(bench_site)
    assert leftovers() == []  # a stopped server leaves nothing beside the output
