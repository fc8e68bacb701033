"""The exports' event pieces read back from the last build's files instead of made again.

`timeline.json`, the CSV table, the calendar and the TimelineJS files of a 5,000-article
archive are 100 MB of encoded events, nearly all of them the same after a one-line edit.
Each such piece is named by a digest of what it is made of (``key``: the event's and its
cited articles' digests from render.inputs.InputDigests, and what else the piece reads, such
as the page holding the event), and each build keeps, per export file it wrote, where every
named piece lies in it (``ExportIndex``, in the build cache with the file's signature). The
next build copies a piece whose name it finds from that file, if the file is still the very
one it wrote (size, mtime, inode), and makes the others. The bytes are the same either way:
a piece is a function of what its name digests.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

Signature = tuple[int, int, int]  # (size, mtime_ns, inode) of a written file
Places = dict[bytes, int]  # piece name -> its offset << 32 | its length, in its file (one int: 100,000 pieces)


class Piece(bytes):
    """An export's bytes that a later build may copy: ``name`` says what they are made of."""

    name: bytes


@dataclass
class ExportIndex:
    """Per export file the last build wrote: its signature and where its named pieces lie."""

    files: dict[str, tuple[Signature, Places]] = field(default_factory=dict)


class Splicer:
    """Pieces for this build's exports: from the last build's files where named there, else
    made; and where this build put them (``placed``), for the next."""

    def __init__(self, folder: Path | None, last: ExportIndex, digest: Callable[[object], bytes],
                 signature: Callable[[Path], Signature | None], salt: bytes = b""):
        self.folder = folder  # the output folder the last build wrote (None: nothing to copy)
        self.digest = digest  # a stable digest of an event, analysis, tuple...
        self.salt = salt  # what every piece reads besides its own values (code, settings, the cast)
        self._signature = signature
        self._last = last
        self._open: dict[str, int | None] = {}
        self._writing: str | None = None  # the file being written: its pieces are looked up there first
        self.placed: dict[str, Places] = {}
        self.copied = 0  # pieces copied (the others were made)

    def piece(self, kind: str, value: object, extra: tuple, make: Callable[[], bytes]) -> Piece:
        name = self._name(kind, value, extra)
        data = self._copy(name)
        if data is None:
            data = make()
        else:
            self.copied += 1
        made = Piece(data)
        made.name = name
        return made

    def written(self, file: str, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """``chunks`` as they go into ``file``, noting where each named piece lies."""
        places: Places = {}
        offset = 0
        self._writing = file
        for chunk in chunks:  # the chunks are made as they are asked for, so within _writing
            if isinstance(chunk, Piece):
                places[chunk.name] = offset << 32 | len(chunk)
            offset += len(chunk)
            yield chunk
        self._writing = None
        self.placed[file] = places

    def close(self) -> None:
        for fd in self._open.values():
            if fd is not None:
                os.close(fd)
        self._open.clear()

    def _name(self, kind: str, value: object, extra: tuple) -> bytes:
        # each part alone: an event's or analysis' digest is made once per build and kept,
        # a tuple made for the call would be digested afresh each time
        h = hashlib.blake2b(kind.encode(), digest_size=20)
        h.update(self.salt)
        h.update(self.digest(value))
        for part in extra:
            h.update(self.digest(part))
        return h.digest()

    def _copy(self, name: bytes) -> bytes | None:
        if self.folder is None:
            return None
        file, place = self._find(name)
        fd = self._fd(file) if file is not None else None
        if fd is None:
            return None
        length = place & 0xFFFFFFFF
        data = os.pread(fd, length, place >> 32)
        return data if len(data) == length else None

    def _find(self, name: bytes) -> tuple[str | None, int]:
        """The last build's file holding the piece, and its place there: the file being
        written is asked first (a piece moves between files only when it is shared)."""
        files = self._last.files
        if self._writing in files:
            place = files[self._writing][1].get(name)
            if place is not None:
                return self._writing, place
        for file, (_, places) in files.items():
            place = places.get(name)
            if place is not None:
                return file, place
        return None, 0

    def _fd(self, file: str) -> int | None:
        """The last build's ``file``, open, if it is still the very file it wrote."""
        if file not in self._open:
            path = self.folder / file if self.folder is not None else None
            known = self._last.files.get(file)
            fd = None
            if path is not None and known is not None and self._signature(path) == known[0]:
                try:
                    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                except OSError:
                    fd = None
                if fd is not None and _fd_signature(fd) != known[0]:
                    os.close(fd)  # replaced between the check and the open
                    fd = None
            self._open[file] = fd
        return self._open[file]


def _fd_signature(fd: int) -> Signature:
    info = os.fstat(fd)
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def index_of(placed: Mapping[str, Places], signature: Callable[[str], Signature | None]) -> ExportIndex:
    """The index of the export files this build wrote (those whose file can be signed)."""
    files = {}
    for file, places in placed.items():
        signed = signature(file)
        if signed is not None and places:
            files[file] = (signed, places)
    return ExportIndex(files)
