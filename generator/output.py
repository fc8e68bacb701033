"""Atomic, deterministic writing of output/.

The site is written into a staging folder beside the target and swapped in only when
every file was written, so a failed build leaves the previous output untouched; on Linux
the swap is one renameat2(RENAME_EXCHANGE), so the target never goes missing even for a
moment. Annals marks the folders it makes (MARKER) and refuses to replace a non-empty folder
it did not make, unless forced, or one that is, contains or lies inside the site's content
or themes, even if forced. Staging folders of builds that were killed are deleted by the
next build. Every path is checked to stay inside the output folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Mapping

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


_NOT_NAMES = frozenset({"", ".", ".."})  # parts a plain relative path never has


def inside(root: str, path: str) -> str:
    """``root`` joined with ``path``, which ``safe_relative`` must allow, as text: the
    staging folder joins 5,000 names a build, and pathlib's parsing of each cost more than
    the system calls it leads to."""
    parts = path.split("/")
    if "\\" in path or not _NOT_NAMES.isdisjoint(parts):
        parts = list(safe_relative(path).parts)  # refuses a way out; "a//b" is "a/b"
    return os.path.join(root, *parts)


@dataclass(frozen=True)
class Spare:
    """A replaced site emptied of its files (``hollow``), its folders kept for the next
    staging folder: on a big archive making 5,000 article folders afresh is most of what a
    build after one edit spends linking the unchanged files."""

    root: Path
    folders: frozenset[str]  # relative POSIX paths of the folders in it


class StagingFolder:
    """A fresh folder beside output_dir that takes files as they are made (so a big site is
    never held in memory) and replaces output_dir on ``commit``. Leaving the ``with`` block
    without committing (an error) deletes it and leaves output_dir as it was.

    Its name says whose it is: ``.<output>.annals-new-<pid>-<random>``, with MARKER inside
    from the start. A build killed with SIGKILL cannot delete it, so every build first
    deletes the staging folders of builds whose process is gone (``remove_stale``).
    ``spare``: an emptied old site of this process to stage in instead of a fresh folder
    (the build server's); the folders this build leaves empty in it go before the swap."""

    def __init__(self, output_dir: Path, spare: Spare | None = None):
        self.target = output_dir.resolve()
        self.root: Path | None = None
        self.names: list[str] = []
        self._folders: set[str] = set()  # made already: a mkdir per linked file cost seconds
        self._spare = spare
        self._inherited: frozenset[str] = frozenset()  # the spare's folders

    def __enter__(self) -> "StagingFolder":
        self.target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(self.target)
        spare, self._spare = self._spare, None
        if spare is not None and _spare_fits(spare, self.target):
            self.root, self._inherited = spare.root, spare.folders
            self._folders = {inside(str(spare.root), f) for f in spare.folders}
            return self
        if spare is not None:
            remove_owned(spare.root)
        self.root = Path(tempfile.mkdtemp(prefix=_own_prefix(self.target, "new"), dir=self.target.parent))
        # mkdtemp makes it 0700; the site is for publishing: the mode a plain mkdir would give
        os.chmod(self.root, 0o777 & ~current_umask())
        (self.root / MARKER).write_bytes(MARKER_TEXT)
        return self

    def __call__(self, name: str, data: "bytes | Iterable[bytes]") -> None:
        assert self.root is not None, "use StagingFolder in a with block"
        write_file(self.root, name, data)
        self.names.append(name)

    def link(self, name: str, source: Path | str) -> bool:
        """Take ``source`` (a file of the last output) as ``name`` by a hard link: no bytes
        copied, none changed. False when the file system will not link it (the caller
        writes the file instead)."""
        assert self.root is not None, "use StagingFolder in a with block"
        path = inside(str(self.root), name)
        try:
            folder = os.path.dirname(path)
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            os.link(source, path, follow_symlinks=False)
        except OSError:
            return False
        self.names.append(name)
        return True

    def signature(self, name: str) -> tuple[int, int, int] | None:
        """(size, mtime_ns, inode) of a file now in the folder: after the swap, the same
        file in the output folder."""
        assert self.root is not None
        return file_signature(inside(str(self.root), name))

    def add_written(self, names: list[str]) -> None:
        """Files another process wrote into ``root`` (with write_file)."""
        self.names.extend(names)

    def commit(self, retire: Callable[[Path], None] | None = None) -> None:
        """Swap the new site in. ``retire`` removes the old one (default: at once; the
        build server does it after answering)."""
        assert self.root is not None
        self._drop_unused_folders()
        _swap(self.root, self.target, retire or remove_owned)
        self.root = None

    def _drop_unused_folders(self) -> None:
        """The spare's folders that no file of this build lies in (a deleted article's):
        the new site is exactly what this build wrote."""
        if not self._inherited:
            return
        used = _folders_of(self.names)
        for folder in sorted(self._inherited - used, key=lambda f: -f.count("/")):  # the deepest first
            with contextlib.suppress(OSError):
                os.rmdir(self.root.joinpath(*PurePosixPath(folder).parts))

    def __exit__(self, *exc: object) -> None:
        if self.root is not None:
            remove_owned(self.root)
            self.root = None


def _folders_of(names: Iterable[str]) -> set[str]:
    """Every folder the files ``names`` lie in, with the folders above (as POSIX paths
    relative to the site; "." for the top): what PurePosixPath(name).parents gives, in
    string operations (5,000 paths a build of the build server)."""
    used = {"."}
    for name in names:
        if "//" in name or name.startswith("./") or "/./" in name:
            used.update(parent.as_posix() for parent in PurePosixPath(name).parents)
            continue
        folder = name.rpartition("/")[0]
        while folder and folder not in used:
            used.add(folder)
            folder = folder.rpartition("/")[0]
    return used


def file_signature(path: Path | str) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of a regular file (not followed through a link), else None:
    what changes when anything rewrites, replaces or touches it."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def write_site(files: Mapping[str, bytes], output_dir: Path) -> None:
    """Write files into a fresh folder, then swap it in place of output_dir."""
    with StagingFolder(output_dir) as staging:
        for name in sorted(files):
            staging(name, files[name])
        staging.commit()


def write_file(root: Path, name: str, data: bytes | Iterable[bytes]) -> None:
    """Write one file: its bytes, or its pieces as they are made (a big export). A piece
    that is not bytes writes itself into the open file (``write_to``: export.splice.CopyRun,
    bytes of the last build's file copied by the kernel)."""
    path = inside(str(root), name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        if isinstance(data, bytes):
            handle.write(data)
            return
        for piece in data:
            if isinstance(piece, bytes):
                handle.write(piece)
            else:
                piece.write_to(handle)


# Swapping the new site in -------------------------------------------------------------------

AT_FDCWD = -100  # <fcntl.h>: paths relative to the working directory
RENAME_EXCHANGE = 2  # <linux/fs.h>: swap the two paths, both must exist


def _swap(staging: Path, target: Path, retire: Callable[[Path], None]) -> None:
    """Put ``staging`` in place of ``target``. On Linux both names are exchanged in one
    renameat2 call, so ``target`` is never missing, not even for a moment (a build killed
    at any point leaves the old site or the new one there, complete). Elsewhere, or on a
    file system without RENAME_EXCHANGE, the old site is first renamed away: a build killed
    between the two renames leaves no ``target`` until the next build."""
    if not target.exists():
        os.rename(staging, target)
        return
    if exchange(staging, target):
        retire(staging)  # the old site, now under the staging name
        return
    retired = Path(tempfile.mkdtemp(prefix=_own_prefix(target, "old"), dir=target.parent))
    os.rmdir(retired)
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    retire(retired)


def exchange(first: Path, second: Path) -> bool:
    """Atomically swap two existing paths (Linux renameat2 with RENAME_EXCHANGE, through the
    C library); False where that is not available, so the caller falls back."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2  # glibc 2.28+, musl 1.2.2+
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    renameat2.restype = ctypes.c_int
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel, or a file system (some network ones) without the flag
    raise OSError(code, os.strerror(code), str(second))


# Folders of builds that were killed -----------------------------------------------------------

def _own_prefix(target: Path, kind: str) -> str:
    return f".{target.name}.annals-{kind}-{os.getpid()}-"


def remove_stale(target: Path) -> list[Path]:
    """Delete the staging and retired folders beside ``target`` that a build killed before
    it could clean up left: only folders named as Annals names them whose process is gone,
    and that still hold MARKER (or nothing at all: a folder killed while being made or
    emptied). Returns what was deleted."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.annals-(?:new|old)-(\d+)-")
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if not match or not entry.is_dir(follow_symlinks=False) or _alive(int(match.group(1))):
            continue
        folder = Path(entry.path)
        try:
            owned = (folder / MARKER).is_file() or not any(folder.iterdir())
        except OSError:
            continue
        if owned:
            remove_owned(folder)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process (or no such number): not ours to judge
    return True


def hollow(folder: Path) -> Spare | None:
    """Delete every file of a site Annals made and replaced, keeping its folders (and
    MARKER) for a later staging folder of this process. None (and the folder removed
    whole) when it is not Annals' own or cannot be emptied."""
    if not (folder / MARKER).is_file() or folder.is_symlink():
        return None
    folders: list[str] = []
    try:
        for path, subfolders, files in os.walk(folder):  # never into a linked folder
            here = Path(path)
            relative = here.relative_to(folder).as_posix()
            if relative != ".":
                folders.append(relative)
            for name in files + [d for d in subfolders if (here / d).is_symlink()]:
                if not (relative == "." and name == MARKER):
                    os.unlink(here / name)
    except OSError:
        remove_owned(folder)
        return None
    return Spare(folder, frozenset(folders))


def _spare_fits(spare: Spare, target: Path) -> bool:
    """Whether ``spare`` is an emptied site of this process beside ``target``."""
    root = spare.root
    own = (_own_prefix(target, "new"), _own_prefix(target, "old"))
    return (root.parent == target.parent and root.name.startswith(own) and not root.is_symlink()
            and (root / MARKER).is_file())


def remove_owned(folder: Path) -> None:
    """Delete a folder Annals made, MARKER last: killed half-way, what is left is still
    recognisably Annals' own and the next build finishes the job."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.name == MARKER:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / MARKER)
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def current_umask() -> int:
    """The process's umask. Linux reports it in /proc (read-only); elsewhere it can only be
    read by setting it, which is done and undone at once."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
