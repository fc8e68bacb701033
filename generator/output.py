"""Atomic, deterministic writing of output/.

The site is written into a temporary folder beside the target and swapped in only when
every file was written, so a failed build leaves the previous output untouched. Annals marks
the folders it makes (MARKER) and refuses to replace a non-empty folder it did not make,
unless forced. Every path is checked to stay inside the output folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Mapping

from .errors import OutputError

MARKER = ".annals-output"
SITE_FILES = ("site.yaml", "site.yml")  # beside content/ and themes/: the site's own
MARKER_TEXT = b"This folder is written by Annals (annals build); it is replaced on every build.\n"


def check_output_dir(output_dir: Path, site_dir: Path, *, force: bool = False,
                     content_dir: str = "content") -> None:
    """Refuse targets whose replacement would lose data that Annals did not write.

    The output is replaced whole on every build, so it may never be, contain or lie inside
    the site's content/ or themes/ folder or the site's own files, --force or not; an
    output inside content/articles would also be read back as articles."""
    target = output_dir.resolve()
    site = site_dir.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise OutputError(f"refusing to use {output_dir} as the output folder")
    if target == site or site.is_relative_to(target):
        raise OutputError(f"the output folder {output_dir} would contain the site itself; "
                          "choose another folder with -o")
    for inner in dict.fromkeys((content_dir, "content", "themes")):
        folder = (site / inner).resolve()
        if folder.is_relative_to(target):
            raise OutputError(f"the output folder {output_dir} contains the site's {inner}/ folder; "
                              "choose another folder with -o")
        if target.is_relative_to(folder):
            raise OutputError(f"the output folder {output_dir} lies inside the site's {inner}/ folder, "
                              "whose files it would replace or be read back as; choose another folder with -o")
    if target.parent == site and target.name in SITE_FILES:
        raise OutputError(f"{output_dir} is one of the site's own files; choose another folder with -o")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{output_dir} exists and is not a folder")
    if target.is_dir() and not force and any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(f"{output_dir} is not empty and was not made by Annals; "
                          "use --force to replace it, or choose another folder with -o")


def safe_relative(path: str) -> PurePosixPath:
    """A relative POSIX path with no way out of the folder it is joined to."""
    pure = PurePosixPath(path)
    if pure.is_absolute() or not pure.parts or any(p in ("..", "") for p in pure.parts) or "\\" in path:
        raise OutputError(f"refusing to write outside the output folder: {path!r}")
    return pure


class StagingFolder:
    """A fresh folder beside output_dir that takes files as they are made (so a big site is
    never held in memory) and replaces output_dir on ``commit``. Leaving the ``with`` block
    without committing (an error) deletes it and leaves output_dir as it was."""

    def __init__(self, output_dir: Path):
        self.target = output_dir.resolve()
        self.root: Path | None = None
        self.names: list[str] = []

    def __enter__(self) -> "StagingFolder":
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.annals-new-",
                                          dir=self.target.parent))
        return self

    def __call__(self, name: str, data: bytes) -> None:
        assert self.root is not None, "use StagingFolder in a with block"
        write_file(self.root, name, data)
        self.names.append(name)

    def add_written(self, names: list[str]) -> None:
        """Files another process wrote into ``root`` (with write_file)."""
        self.names.extend(names)

    def commit(self) -> None:
        assert self.root is not None
        (self.root / MARKER).write_bytes(MARKER_TEXT)
        _swap(self.root, self.target)
        self.root = None

    def __exit__(self, *exc: object) -> None:
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)


def write_site(files: Mapping[str, bytes], output_dir: Path) -> None:
    """Write files into a fresh folder, then swap it in place of output_dir."""
    with StagingFolder(output_dir) as staging:
        for name in sorted(files):
            staging(name, files[name])
        staging.commit()


def write_file(root: Path, name: str, data: bytes) -> None:
    path = root.joinpath(*safe_relative(name).parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def update_tree(files: Mapping[str, bytes], root: Path) -> list[str]:
    """Bring a folder in line with files, touching only what changed (for serve)."""
    changed = []
    for name in sorted(files):
        path = root.joinpath(*safe_relative(name).parts)
        if path.is_file() and path.read_bytes() == files[name]:
            continue
        write_file(root, name, files[name])
        changed.append(name)
    wanted = {root.joinpath(*safe_relative(n).parts) for n in files} | {root / MARKER}
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
            changed.append(path.relative_to(root).as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    (root / MARKER).write_bytes(MARKER_TEXT)
    return changed


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.replace(staging, target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.annals-old-", dir=target.parent))
    os.rmdir(retired)
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
