"""The one path-safety rule for everything Annals reads from a site folder.

Whatever Annals reads it may publish (an article's text lands in its page, the feeds and
timeline.json; a theme's static files are copied as they are). So it reads a file only when
it is a regular file inside the folder it belongs to: no part of its path below that folder
is a symbolic link, and it is no device, pipe or socket (reading a pipe would wait for ever).
Anything else is skipped, and named in a warning. `ln -s /etc/passwd content/articles/p.md`
then publishes nothing.

The folder itself (the site folder, a theme folder) may be reached through a link: that is
where the person running Annals pointed it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from .model import Problem


@dataclass(frozen=True)
class Skipped:
    """A file or folder the rule left out, and why."""

    path: str  # relative to the site folder (or the theme folder), POSIX separators
    why: str

    def problem(self) -> Problem:
        return Problem(self.path, f"skipped: {self.why}; Annals reads only regular files inside "
                       "the site (copy the file in instead of linking it)", None, "warning", "content")


def refusal(root: Path, path: Path) -> str | None:
    """Why ``path`` (``root`` or below it) may not be read, or None when it may.

    Each part of the path below ``root`` is looked at without following links."""
    parts = path.relative_to(root).parts
    current = str(root)  # joined as text: this runs for every file read
    for number, part in enumerate(parts, start=1):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except OSError:
            return "does not exist"
        if stat.S_ISLNK(mode):
            return "is a symbolic link" if number == len(parts) else \
                f"lies in {Path(*parts[:number]).as_posix()}/, which is a symbolic link"
    if not parts:
        return None
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "is not a regular file"


def open_regular(root: Path, path: Path) -> bytes:
    """The bytes of a file the rule allows; OSError (errno ELOOP, or EINVAL for a file that is
    no regular one) otherwise. The last part is opened without following a link, so a file
    swapped for a link after the check is refused too."""
    why = refusal(root, path)
    if why is not None:
        raise OSError(os.strerror(22), why)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(22, "is not a regular file")
        return handle.read()


@dataclass(frozen=True)
class Listing:
    paths: tuple[str, ...]  # the files' full paths as text, sorted by their path below the folder listed
    skipped: tuple[Skipped, ...]

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(Path(p) for p in self.paths)


def regular_files(root: Path, folder: Path, wanted: Callable[[Path], bool],
                  skip_folder: Callable[[Path], bool] = lambda path: False, as_text: bool = False) -> Listing:
    """The regular files below ``folder`` (inside ``root``) that ``wanted`` accepts, by their
    relative path, and the links (and devices, pipes) among what it would have accepted.
    A link to a folder is always reported: what is behind it could be anything.

    ``wanted`` and ``skip_folder`` get paths relative to ``folder`` (``as_text``: as
    "/"-separated text, which spares a path object for every entry of a big archive)."""
    if not folder.is_dir():
        return Listing((), ())
    why = refusal(root, folder)
    if why is not None:
        return Listing((), (Skipped(folder.relative_to(root).as_posix(), why),))
    files: list[tuple[str, str]] = []  # (path relative to folder, full path)
    skipped: list[Skipped] = []
    # Paths are handled as text below the folder: on a big archive, pathlib's parsing of
    # every entry cost more than reading the directories.
    base, top = str(folder) + os.sep, str(root) + os.sep
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(_below(current, top), f"cannot be read ({exc.strerror})"))
            continue
        for entry in entries:
            rel_text = entry.path[len(base):].replace(os.sep, "/")
            rel = rel_text if as_text else PurePosixPath(rel_text)
            if entry.is_symlink():
                if (entry.is_dir() and not skip_folder(rel)) or wanted(rel):
                    skipped.append(Skipped(_below(entry.path, top), "is a symbolic link"))
            elif entry.is_dir(follow_symlinks=False):
                if not skip_folder(rel):
                    pending.append(entry.path)
            elif wanted(rel):
                if entry.is_file(follow_symlinks=False):
                    files.append((rel_text, entry.path))
                else:
                    skipped.append(Skipped(_below(entry.path, top), "is not a regular file"))
    return Listing(tuple(full for _, full in sorted(files)),
                   tuple(sorted(skipped, key=lambda s: s.path)))


def _below(path: str, top: str) -> str:
    return path[len(top):].replace(os.sep, "/") if path.startswith(top) else path


