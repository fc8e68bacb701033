"""Splicer.blocks (export/splice.py): the exports' items in content-defined blocks, copied
whole from the last build's file when their name is found there. The bytes are always the
items' own; an edit makes again only the blocks of the items it changed."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from generator.export.splice import BLOCK_END, Copied, ExportIndex, Piece, Splicer, index_of
from generator.output import file_signature, write_file


def digest(item: bytes) -> bytes:
    return hashlib.blake2b(item, digest_size=20).digest()


def lines(count: int, changed: dict[int, bytes] | None = None) -> list[bytes]:
    changed = changed or {}
    return [changed.get(n, f"line {n} of the archive\n".encode()) for n in range(count)]


def write(folder: Path, splicer: Splicer, items: list[bytes], **options) -> list:
    """The items' blocks written into folder/out.txt as a build writes an export, in a new
    file replacing the old one (whose pieces the splicer copies)."""
    chunks = list(splicer.blocks("lines", items, lambda item: item, **options))
    write_file(folder, "new.txt", splicer.written("out.txt", iter(chunks)))
    splicer.close()
    os.replace(folder / "new.txt", folder / "out.txt")
    return chunks


def index(folder: Path, splicer: Splicer) -> ExportIndex:
    return index_of(splicer.placed, lambda name: file_signature(folder / name))


def test_blocks_hold_the_items_bytes_in_order_and_end_where_an_items_digest_says(tmp_path: Path):
    items = lines(500)
    splicer = Splicer(None, ExportIndex(), digest, file_signature)
    chunks = write(tmp_path, splicer, items)
    assert (tmp_path / "out.txt").read_bytes() == b"".join(items)
    assert all(isinstance(chunk, Piece) for chunk in chunks)
    ends = sum(digest(item)[0] < BLOCK_END for item in items[:-1])
    assert len(chunks) == ends + 1  # the last block ends with the items
    assert 500 / len(chunks) > 8  # 16 items a block on average
    for chunk in chunks[:-1]:  # each block ends with the first item whose digest ends it
        last = chunk.splitlines(keepends=True)[-1]
        assert digest(last)[0] < BLOCK_END


def test_an_edited_item_renews_its_own_block_and_the_rest_is_copied(tmp_path: Path):
    first = Splicer(None, ExportIndex(), digest, file_signature)
    write(tmp_path, first, lines(500))
    edited = lines(500, {250: b"line 250, now with a new sentence\n"})
    second = Splicer(tmp_path, index(tmp_path, first), digest, file_signature)
    chunks = write(tmp_path, second, edited)
    assert (tmp_path / "out.txt").read_bytes() == b"".join(edited)
    made = [chunk for chunk in chunks if not isinstance(chunk, Copied)]
    assert 1 <= len(made) <= 2  # its block (and the next, when the edit moved a block's end)
    assert b"line 250, now" in b"".join(made)
    assert second.copied >= 500 - sum(chunk.count(b"\n") for chunk in made)
    assert second.copied > 400


def test_a_block_ends_where_the_page_of_its_items_changes_and_names_that_page(tmp_path: Path):
    items = [f"{page}: item {n}\n".encode() for page in "abcd" for n in range(40)]
    splicer = Splicer(None, ExportIndex(), digest, file_signature)
    chunks = write(tmp_path, splicer, items, page=lambda item: item[:1],
                   extra=lambda block: (block[0][:1].decode(),))
    for chunk in chunks:
        assert len({line[:1] for line in chunk.splitlines()}) == 1
    # the same items on other pages: no block is copied
    moved = Splicer(tmp_path, index(tmp_path, splicer), digest, file_signature)
    again = list(moved.blocks("lines", items, lambda item: item, page=lambda item: item[:1],
                              extra=lambda block: ("elsewhere",)))
    assert not any(isinstance(chunk, Copied) for chunk in again)


def test_copied_bytes_go_through_a_buffer_where_the_kernel_will_not_copy_them(tmp_path: Path, monkeypatch):
    first = Splicer(None, ExportIndex(), digest, file_signature)
    write(tmp_path, first, lines(300))

    def refuse(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse)  # as across two file systems
    edited = lines(300, {7: b"line 7 told again\n"})
    second = Splicer(tmp_path, index(tmp_path, first), digest, file_signature)
    write(tmp_path, second, edited)
    assert second.copied > 250
    assert (tmp_path / "out.txt").read_bytes() == b"".join(edited)
