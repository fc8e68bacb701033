"""The exports' events read back from the last build's files instead of made again.

`timeline.json`, the CSV table, the calendar and the TimelineJS files of a 5,000-article
archive are 100 MB of encoded events, nearly all of them the same after a one-line edit.
They are written in blocks of about 16 events (``Splicer.blocks``), cut where an event's
digest says (content-defined: an edit moves no other block's ends). Each block is named by a digest of what it is made of (its events' digests from
render.inputs.InputDigests, which name what pages and exports show of their sources too,
and what else it reads, such as the page holding the events or their pictures), and each
build keeps, per export file it wrote, where every named block lies in it
(``ExportIndex``, in the build cache with the file's signature). The next build copies a
block whose name it finds from that file, if the file is still the very one it wrote
(size, mtime, inode), and makes the others; blocks that lay one after the other there are
copied as one run. The bytes are the same either way: a block is a function of what its
name digests.
"""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Hashable, Iterable, Iterator, Mapping, TypeVar

Item = TypeVar("Item")
Signature = tuple[int, int, int]  # (size, mtime_ns, inode) of a written file
Places = dict[bytes, int]  # piece name -> its offset << 32 | its length, in its file (one int: 100,000 pieces)


class Piece(bytes):
    """An export's bytes that a later build may copy: ``name`` says what they are made of."""

    name: bytes


class Copied:
    """A piece the last build's file holds, where it lies there: its bytes are copied from
    that file when written (``Splicer.written``), never read into a bytes object of its own."""

    __slots__ = ("name", "source", "offset", "length")

    def __init__(self, name: bytes, source: "Source", offset: int, length: int):
        self.name, self.source, self.offset, self.length = name, source, offset, length

    def __len__(self) -> int:
        return self.length


class Source:
    """The last build's file a build copies pieces from, open for reading."""

    __slots__ = ("fd", "size")

    def __init__(self, fd: int, size: int):
        self.fd, self.size = fd, size

    def read(self, offset: int, length: int) -> bytes:
        return os.pread(self.fd, length, offset)


class CopyRun:
    """Bytes of a last build's file to go into the file being written as they are: copied
    by the kernel (copy_file_range), so they pass through no buffer of this process and
    the old file is never mapped into it (a mapped 30 MB export counted in the resident
    memory of the worker writing it). ``write_to`` writes them into an open binary file."""

    __slots__ = ("source", "offset", "length")

    def __init__(self, source: Source, offset: int, length: int):
        self.source, self.offset, self.length = source, offset, length

    def __len__(self) -> int:
        return self.length

    def write_to(self, handle) -> None:
        handle.flush()
        offset, left = self.offset, self.length
        try:
            while left:
                done = os.copy_file_range(self.source.fd, handle.fileno(), left, offset)
                if done <= 0:
                    raise OSError(errno.EIO, "the file to copy from is shorter than recorded")
                offset, left = offset + done, left - done
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF):
                raise
            while left:  # a file system or kernel without it: through a buffer, a slice at a time
                data = self.source.read(offset, min(left, RUN_BYTES))
                if not data:
                    raise OSError(errno.EIO, "the file to copy from is shorter than recorded") from None
                handle.write(data)
                offset, left = offset + len(data), left - len(data)
        handle.seek(0, os.SEEK_END)  # the copy moved the file's offset under the buffered writer


# Copied bytes go through a buffer of at most this size where the kernel cannot copy them.
RUN_BYTES = 1 << 20
# A block of items (Splicer.blocks) ends after an item whose digest starts with a byte below
# this: after 1 item in 16 on average, decided by the item alone, so that an edit renews the
# blocks of the items it changed and no other (content-defined chunking). An edit's events
# lie far apart in the timeline, each in a block of its own to make again.
BLOCK_END = 16


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
        self.digest = digest  # a stable digest (20 bytes) of an event, analysis, tuple...
        self.salt = salt  # what every piece reads besides its own values (code, settings, the cast)
        self._signature = signature
        self._last = last
        self._open: dict[str, Source | None] = {}
        self._kinds: dict[str, object] = {}  # kind -> the hash of its name's common start
        self._writing: str | None = None  # the file being written: its pieces are looked up there first
        self.placed: dict[str, Places] = {}
        self.copied = 0  # items copied, alone or in blocks (the others were made)

    def blocks(self, kind: str, items: Iterable[Item], make: Callable[[Item], bytes], join: bytes = b"",
               page: Callable[[Item], Hashable] | None = None,
               extra: Callable[[list[Item]], tuple] = lambda block: ()) -> Iterator[Piece | Copied]:
        """``items`` as pieces of about 64 items each, whose bytes are those of the items
        (``make``) with ``join`` between them: naming and finding 26,000 events one by one
        cost more than the rest of an export after an edit. ``page``: what a piece reads
        besides its item that changes from item to item (the page holding it), where a
        block also ends; ``extra``: what else the block's items read."""
        block: list[Item] = []
        digests: list[bytes] = []
        group: Hashable = None
        for item in items:
            if page is not None:
                here = page(item)
                if block and here != group:
                    yield self._block(kind, block, digests, make, join, extra)
                    block, digests = [], []
                group = here
            digest = self.digest(item)
            block.append(item)
            digests.append(digest)
            if digest[0] < BLOCK_END:
                yield self._block(kind, block, digests, make, join, extra)
                block, digests = [], []
        if block:
            yield self._block(kind, block, digests, make, join, extra)

    def _block(self, kind: str, block: list, digests: list[bytes], make: Callable[[Item], bytes], join: bytes,
               extra: Callable[[list], tuple]) -> Piece | Copied:
        name = self._name(kind, b"".join(digests), extra(block))
        return self._piece(name, len(block), lambda: join.join(map(make, block)))

    def _piece(self, name: bytes, items: int, make: Callable[[], bytes]) -> Piece | Copied:
        found = self._copy(name)
        if found is not None:
            self.copied += items
            return found
        made = Piece(make())
        made.name = name
        return made

    def written(self, file: str, chunks: Iterable[bytes | Copied]) -> Iterator[bytes | CopyRun]:
        """``chunks`` as they go into ``file``, noting where each named piece lies: bytes,
        and ``CopyRun``s of the last build's files (which output.write_file copies). Pieces that lie
        one after the other in a last build's file, with the same bytes between them as now
        (an array's commas), are copied from it as one run."""
        places: Places = {}
        offset = 0
        run: list | None = None  # [source, start, end] of the run being copied
        self._writing = file
        for chunk in chunks:  # the chunks are made as they are asked for, so within _writing
            if isinstance(chunk, Copied):
                places[chunk.name] = offset << 32 | chunk.length
                offset += chunk.length
                if run is not None and run[0] is chunk.source and run[2] == chunk.offset:
                    run[2] += chunk.length
                    continue
                if run is not None:
                    yield CopyRun(run[0], run[1], run[2] - run[1])
                run = [chunk.source, chunk.offset, chunk.offset + chunk.length]
                continue
            size = len(chunk)
            if run is not None:
                source, start, end = run
                if not isinstance(chunk, Piece) and source.read(end, size) == chunk:
                    run[2] += size  # the same bytes follow there: part of the run
                    offset += size
                    continue
                yield CopyRun(source, start, end - start)
                run = None
            if isinstance(chunk, Piece):
                places[chunk.name] = offset << 32 | size
            offset += size
            yield chunk
        if run is not None:
            yield CopyRun(run[0], run[1], run[2] - run[1])
        self._writing = None
        self.placed[file] = places

    def close(self) -> None:
        for source in self._open.values():
            if source is not None:
                os.close(source.fd)
        self._open.clear()

    def _name(self, kind: str, digest: bytes, extra: tuple) -> bytes:
        # each part alone: an event's or analysis' digest is made once per build and kept,
        # a tuple made for the call would be digested afresh each time; a text or None
        # (a page's address, no picture) goes in as it is, marked so no two parts read alike
        start = self._kinds.get(kind)
        if start is None:
            start = self._kinds[kind] = hashlib.blake2b(kind.encode() + b"\0" + self.salt, digest_size=20)
        h = start.copy()
        h.update(digest)
        for part in extra:
            if part is None:
                h.update(b"\0")
            elif type(part) is str:
                text = part.encode("utf-8", "surrogatepass")
                h.update(b"\1" + len(text).to_bytes(8, "little") + text)
            else:
                h.update(b"\2" + self.digest(part))
        return h.digest()

    def _copy(self, name: bytes) -> Copied | None:
        if self.folder is None:
            return None
        file, place = self._find(name)
        source = self._source(file) if file is not None else None
        if source is None:
            return None
        offset, length = place >> 32, place & 0xFFFFFFFF
        return Copied(name, source, offset, length) if offset + length <= source.size else None

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

    def _source(self, file: str) -> Source | None:
        """The last build's ``file``, open, if it is still the very file it wrote."""
        if file not in self._open:
            path = self.folder / file if self.folder is not None else None
            known = self._last.files.get(file)
            source = None
            if path is not None and known is not None and self._signature(path) == known[0]:
                try:
                    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                except OSError:
                    fd = None
                if fd is not None:
                    if _fd_signature(fd) == known[0] and known[0][0] > 0:  # not replaced since the check
                        source = Source(fd, known[0][0])
                    else:
                        os.close(fd)
            self._open[file] = source
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
