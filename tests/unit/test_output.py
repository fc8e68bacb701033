"""Output is written atomically, never outside its folder, never over foreign folders."""

from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.output import MARKER, check_output_dir, write_site


def test_write_then_replace_atomically(tmp_path: Path):
    out = tmp_path / "output"
    write_site({"index.html": b"one", "a/b.html": b"two"}, out)
    assert (out / "index.html").read_bytes() == b"one" and (out / MARKER).is_file()
    write_site({"index.html": b"three"}, out)
    assert (out / "index.html").read_bytes() == b"three"
    assert not (out / "a").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]  # no staging left behind


@pytest.mark.parametrize("bad", ["../escape.html", "/etc/passwd", "a/../../x", "a\\..\\x", ""])
def test_paths_cannot_escape(tmp_path: Path, bad: str):
    out = tmp_path / "output"
    write_site({"index.html": b"kept"}, out)
    with pytest.raises(OutputError):
        write_site({"index.html": b"new", bad: b"x"}, out)
    assert (out / "index.html").read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_refuses_foreign_non_empty_folder_unless_forced(tmp_path: Path):
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="--force"):
        check_output_dir(foreign, tmp_path / "site")
    check_output_dir(foreign, tmp_path / "site", force=True)
    check_output_dir(tmp_path / "new", tmp_path / "site")


def test_refuses_output_that_contains_the_site(tmp_path: Path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    for target in (site, tmp_path):
        with pytest.raises(OutputError):
            check_output_dir(target, site, force=True)


@pytest.mark.parametrize("names", [
    ["index.html", "articles/a/index.html", "articles/b/index.html", "actors/x/years/2025/03/index.html"],
    ["static/annals.css", "years/periods/index.html", "a//b/c.html", "./d/e.html", "f/./g/h.html"],
    [],
])
def test_the_folders_files_lie_in_are_those_their_paths_name(names: list[str]):
    from pathlib import PurePosixPath

    from generator.output import _folders_of

    expected = {parent.as_posix() for name in names for parent in PurePosixPath(name).parents}
    assert _folders_of(names) - {"."} == expected - {"."}
