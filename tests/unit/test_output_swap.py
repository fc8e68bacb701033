"""The output swap and its leftovers: the exchange never leaves the output missing, the
folders of killed builds are recognised and deleted (only those), and the staging folder
has the mode the user's umask gives."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.output import (MARKER, Spare, StagingFolder, check_output_dir, current_umask, exchange,
                              hollow, remove_owned, remove_stale, write_site)

LINUX = sys.platform.startswith("linux")


def dead_pid() -> int:
    """The PID of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.skipif(not LINUX, reason="renameat2 is Linux's")
def test_exchange_swaps_two_folders_in_one_step(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "which").write_text("a")
    (tmp_path / "b" / "which").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "a" / "which").read_text() == "b" and (tmp_path / "b" / "which").read_text() == "a"
    with pytest.raises(FileNotFoundError):
        exchange(tmp_path / "a", tmp_path / "missing")


@pytest.mark.skipif(not LINUX, reason="renameat2 is Linux's")
def test_the_output_never_goes_missing_while_builds_replace_it(tmp_path: Path):
    out = tmp_path / "output"
    write_site({"index.html": b"0"}, out)
    missing: list[int] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            if not (out / "index.html").is_file():
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for n in range(1, 150):
            write_site({"index.html": str(n).encode(), f"page{n % 3}.html": b"x"}, out)
    finally:
        done.set()
        watcher.join()
    assert missing == [] and (out / "index.html").read_bytes() == b"149"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_staging_folder_is_named_for_its_build_and_marked_from_the_start(tmp_path: Path):
    with StagingFolder(tmp_path / "output") as staging:
        assert staging.root.name.startswith(f".output.annals-new-{os.getpid()}-")
        assert (staging.root / MARKER).is_file()
        assert stat.S_IMODE(staging.root.stat().st_mode) == 0o777 & ~current_umask()
        staging("index.html", b"new")
        staging.commit()
    assert (tmp_path / "output" / "index.html").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_umask_is_read_without_being_changed():
    previous = os.umask(0o027)
    try:
        assert current_umask() == 0o027 and current_umask() == 0o027
    finally:
        os.umask(previous)


def test_stale_folders_of_dead_builds_are_deleted_and_nothing_else(tmp_path: Path):
    out = tmp_path / "output"
    write_site({"index.html": b"site"}, out)
    gone, mine = dead_pid(), os.getpid()

    def folder(name: str, marked: bool, files: int = 2) -> Path:
        path = tmp_path / name
        (path / "sub").mkdir(parents=True)
        for n in range(files):
            (path / "sub" / f"{n}.html").write_text("x")
        if marked:
            (path / MARKER).write_text("annals")
        return path

    stale_new = folder(f".output.annals-new-{gone}-abc", True)
    stale_old = folder(f".output.annals-old-{gone}-def", True)
    empty = tmp_path / f".output.annals-new-{gone}-ghi"
    empty.mkdir()  # killed between mkdtemp and the marker
    unmarked = folder(f".output.annals-new-{gone}-jkl", False)  # not provably Annals'
    running = folder(f".output.annals-new-{mine}-mno", True)  # a build still running
    other_site = folder(f".docs.annals-new-{gone}-pqr", True)  # another output's
    older_style = folder(".output.annals-new-stu", True)  # no PID in the name
    removed = remove_stale(out)
    assert sorted(removed) == sorted([stale_new, stale_old, empty])
    for kept in (unmarked, running, other_site, older_style, out):
        assert kept.is_dir(), kept
    assert (out / "index.html").read_bytes() == b"site"


def test_a_build_deletes_the_leftovers_of_killed_builds_first(tmp_path: Path):
    leftover = tmp_path / f".output.annals-new-{dead_pid()}-xyz"
    leftover.mkdir()
    (leftover / MARKER).write_text("annals")
    write_site({"index.html": b"site"}, tmp_path / "output")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_remove_owned_deletes_the_marker_last(tmp_path: Path):
    folder = tmp_path / "f"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "c.html").write_text("c")
    (folder / MARKER).write_text("annals")
    (folder / "z.html").write_text("z")
    remove_owned(folder)
    assert not folder.exists()


@pytest.mark.parametrize("inside", ["content", "content/articles", "content/articles/out", "themes",
                                    "themes/mine/static", "texts", "texts/a"])
def test_output_may_not_be_or_lie_inside_content_or_themes(tmp_path: Path, inside: str):
    site = tmp_path / "site"
    for folder in ("content/articles", "themes/mine/static", "texts/a"):
        (site / folder).mkdir(parents=True)
    configured = "texts" if inside.startswith("texts") else "content"
    for force in (False, True):
        with pytest.raises(OutputError, match="the output folder"):
            check_output_dir(site / inside, site, force=force, content_dir=configured)


def test_output_may_not_be_the_sites_settings(tmp_path: Path):
    (tmp_path / "content").mkdir()
    with pytest.raises(OutputError, match="own files"):
        check_output_dir(tmp_path / "site.yaml", tmp_path, force=True)
    check_output_dir(tmp_path / "output", tmp_path)  # the usual place is fine


def _files_and_folders(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() + ("/" if p.is_dir() else "") for p in root.rglob("*"))


def test_a_hollowed_old_site_keeps_its_folders_and_stages_the_next_build(tmp_path: Path):
    output = tmp_path / "output"
    write_site({"a/b/index.html": b"1", "c/index.html": b"2", "index.html": b"x"}, output)
    replaced: list[Path] = []
    with StagingFolder(output) as staging:
        staging("a/b/index.html", b"1")
        staging("index.html", b"y")
        staging.commit(replaced.append)
    spare = hollow(replaced[0])
    assert spare is not None and spare.folders == {"a", "a/b", "c"}
    assert _files_and_folders(spare.root) == [MARKER, "a/", "a/b/", "c/"]  # every file gone, MARKER kept
    folder = (spare.root / "a" / "b").stat().st_ino
    with StagingFolder(output, spare) as staging:
        assert staging.root == spare.root
        staging("a/b/index.html", b"3")
        staging("index.html", b"z")
        staging.commit()
    assert (output / "a" / "b").stat().st_ino == folder
    # c/ held no file of this build: gone, as a clean build would not have it
    assert _files_and_folders(output) == [MARKER, "a/", "a/b/", "a/b/index.html", "index.html"]
    assert (output / "a" / "b" / "index.html").read_bytes() == b"3"
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_a_spare_not_of_this_output_is_removed_not_staged_in(tmp_path: Path):
    other = tmp_path / ".elsewhere.annals-new-1-x"
    (other / "deep").mkdir(parents=True)
    (other / MARKER).write_bytes(b"")
    with StagingFolder(tmp_path / "output", Spare(other, frozenset({"deep"}))) as staging:
        assert staging.root != other
        staging("index.html", b"x")
        staging.commit()
    assert not other.exists()
    assert _files_and_folders(tmp_path / "output") == [MARKER, "index.html"]


def test_hollow_leaves_a_folder_annals_did_not_make(tmp_path: Path):
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "keep.txt").write_text("mine")
    assert hollow(tmp_path / "theirs") is None
    assert (tmp_path / "theirs" / "keep.txt").read_text() == "mine"
