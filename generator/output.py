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
MARKER_TEXT = b"This folder is written by Annals (annals build); it is replaced on every build.\n"


def check_output_dir(output_dir: Path, site_dir: Path, *, force: bool = False) -> None:
    """Refuse targets whose replacement would lose data that Annals did not write."""
    target = output_dir.resolve()
    site = site_dir.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise OutputError(f"refusing to use {output_dir} as the output folder")
    if target == site or site.is_relative_to(target):
        raise OutputError(f"the output folder {output_dir} would contain the site itself; "
                          "choose another folder with -o")
    for inner in ("content", "themes"):
        if (site / inner).resolve().is_relative_to(target):
            raise OutputError(f"the output folder {output_dir} contains the site's {inner}/ folder")
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


def write_site(files: Mapping[str, bytes], output_dir: Path) -> None:
    """Write files into a fresh folder, then swap it in place of output_dir."""
    target = output_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.annals-new-", dir=target.parent))
    try:
        write_tree(files, staging)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_tree(files: Mapping[str, bytes], root: Path) -> None:
    for name in sorted(files):
        path = root.joinpath(*safe_relative(name).parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])


def update_tree(files: Mapping[str, bytes], root: Path) -> list[str]:
    """Bring a folder in line with files, touching only what changed (for serve)."""
    changed = []
    for name in sorted(files):
        path = root.joinpath(*safe_relative(name).parts)
        if path.is_file() and path.read_bytes() == files[name]:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name])
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
