"""Pagefind's bundle made byte-deterministic.

Pagefind 1.x writes its filter indexes from hash maps with a per-process random seed (its
own source says so: "Change filter indexes to BTree to give them a stable hash"), so the
order of the values inside each ``filter/*.pf_filter`` file, the order of the filters in
the ``pagefind.<lang>_<hash>.pf_meta`` file, and with them both files' hashed names and
``pagefind-entry.json`` change from one run to the next. Everything else it writes is the
same for the same records.

``canonical`` rewrites those files in one order (values and filters sorted by name) and
names them by the digest of what they then hold. Pagefind's browser side reads values into
a map and finds files by the names the meta file gives, so the search behaves exactly as
before. The files are gzip streams of a 12-byte signature and CBOR (RFC 8949) data; the
small CBOR reader and writer below cover what Pagefind writes, and anything else is an
error rather than a guess.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
from dataclasses import dataclass
from typing import Any

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


class BundleFormatError(ValueError):
    """A file of the bundle is not laid out as this module expects."""


def canonical(bundle: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """``bundle`` (paths under ``folder``/) with its filter and meta files in a fixed order
    and named by content; unchanged when it has no entry file (an index of nothing)."""
    entry_path = f"{folder}/{ENTRY}"
    if entry_path not in bundle:
        return dict(bundle)
    out = dict(bundle)
    entry_text = out[entry_path].decode("utf-8")
    languages = json.loads(entry_text).get("languages", {})
    for language in sorted(languages):
        old = languages[language]["hash"]
        meta_path = f"{folder}/pagefind.{old}.pf_meta"
        meta = decode(unpack(out.pop(meta_path)))
        for pair in _filter_pairs(meta, out, folder):
            old_filter = f"{folder}/filter/{pair[1]}.pf_filter"
            index = decode(unpack(out.pop(old_filter)))
            if not (isinstance(index, list) and len(index) == 2 and isinstance(index[1], list)):
                raise BundleFormatError(f"unexpected layout of {old_filter}")
            index[1].sort(key=_first_text)
            data = pack(encode(index))
            pair[1] = _free_name(out, f"{folder}/filter/", language, data, 7, ".pf_filter")
            out[f"{folder}/filter/{pair[1]}.pf_filter"] = data
        data = pack(encode(meta))
        new = _free_name(out, f"{folder}/pagefind.", language, data, 10, ".pf_meta")
        out[f"{folder}/pagefind.{new}.pf_meta"] = data
        # Only the hash changes: replace that one quoted value, keeping Pagefind's layout.
        entry_text, count = re.subn(f'"hash":"{re.escape(old)}"', f'"hash":"{new}"', entry_text)
        if count != 1:
            raise BundleFormatError(f"{ENTRY} does not name {old} once")
    out[entry_path] = entry_text.encode("utf-8")
    return dict(sorted(out.items()))


def _filter_pairs(meta: Any, files: dict[str, bytes], folder: str) -> list[list[Any]]:
    """The meta file's list of [filter name, file hash] pairs (sorted here by name, in
    place), found by what it holds rather than by its position."""
    if not isinstance(meta, list):
        raise BundleFormatError("the meta file is not an array")
    for item in meta:
        if isinstance(item, list) and item and all(
                isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) and isinstance(p[1], str)
                and f"{folder}/filter/{p[1]}.pf_filter" in files for p in item):
            item.sort(key=_first_text)
            return item
    if any(name.startswith(f"{folder}/filter/") for name in files):
        raise BundleFormatError("the meta file lists no filter files")
    return []


def _first_text(item: Any) -> str:
    if not (isinstance(item, list) and item and isinstance(item[0], str)):
        raise BundleFormatError("a filter entry does not start with its name")
    return item[0]


def _free_name(files: dict[str, bytes], where: str, language: str, data: bytes, length: int,
               suffix: str) -> str:
    """"<language>_<digest>" for ``data``: the digest's first ``length`` hex digits, more
    while another file at ``where<name><suffix>`` holds something else."""
    digest = hashlib.sha1(data).hexdigest()
    while files.get(f"{where}{language}_{digest[:length]}{suffix}", data) != data:
        length += 1
    return f"{language}_{digest[:length]}"


# File envelope ---------------------------------------------------------------------------

def unpack(data: bytes) -> bytes:
    body = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    if not body.startswith(SIGNATURE):
        raise BundleFormatError("a Pagefind file lacks its signature")
    return body[len(SIGNATURE):]


def pack(body: bytes) -> bytes:
    return gzip.compress(SIGNATURE + body, mtime=0)  # mtime 0: the same bytes every time


# CBOR, as far as Pagefind uses it --------------------------------------------------------

@dataclass(frozen=True)
class Raw:
    """An item kept as its exact encoding (floats, simple values, tags)."""

    data: bytes


def decode(data: bytes) -> Any:
    value, end = _item(data, 0)
    if end != len(data):
        raise BundleFormatError("trailing bytes after the CBOR item")
    return value


def _head(data: bytes, at: int) -> tuple[int, int, int | None, int]:
    """(major type, additional info, argument or None for indefinite, next offset)."""
    if at >= len(data):
        raise BundleFormatError("CBOR item cut short")
    first = data[at]
    major, info = first >> 5, first & 31
    if info < 24:
        return major, info, info, at + 1
    sizes = {24: 1, 25: 2, 26: 4, 27: 8}
    if info in sizes:
        size = sizes[info]
        if at + 1 + size > len(data):
            raise BundleFormatError("CBOR item cut short")
        return major, info, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size
    if info == 31 and major in (2, 3, 4, 5):
        return major, info, None, at + 1
    raise BundleFormatError(f"unsupported CBOR head {first:#04x}")


def _item(data: bytes, at: int) -> tuple[Any, int]:
    major, info, arg, at_next = _head(data, at)
    if major == 0:
        return arg, at_next
    if major == 1:
        return -1 - arg, at_next  # type: ignore[operator]
    if major in (2, 3):
        if arg is None:
            raise BundleFormatError("indefinite-length strings are not supported")
        raw = data[at_next:at_next + arg]
        if len(raw) != arg:
            raise BundleFormatError("CBOR string cut short")
        return (raw if major == 2 else raw.decode("utf-8")), at_next + arg
    if major == 4:
        items: list[Any] = []
        at = at_next
        while (arg is None and data[at:at + 1] != b"\xff") or (arg is not None and len(items) < arg):
            value, at = _item(data, at)
            items.append(value)
        return items, at + (1 if arg is None else 0)
    if major == 5:
        pairs: dict[Any, Any] = {}
        at = at_next
        while (arg is None and data[at:at + 1] != b"\xff") or (arg is not None and len(pairs) < arg):
            key, at = _item(data, at)
            pairs[key], at = _item(data, at)
        return pairs, at + (1 if arg is None else 0)
    if major == 6:
        _, end = _item(data, at_next)
        return Raw(data[at:end]), end
    return Raw(data[at:at_next]), at_next  # major 7: floats and simple values, as they were


def encode(value: Any) -> bytes:
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, bool) or value is None:
        raise BundleFormatError("unexpected value in a Pagefind file")
    if isinstance(value, int):
        return _encode_head(0, value) if value >= 0 else _encode_head(1, -1 - value)
    if isinstance(value, bytes):
        return _encode_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(value, list):
        return _encode_head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict):
        return _encode_head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise BundleFormatError(f"cannot encode {type(value).__name__}")


def _encode_head(major: int, arg: int) -> bytes:
    """The shortest head for ``arg``, as Pagefind's encoder writes it."""
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if arg < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, arg)
    raise BundleFormatError("integer too large for CBOR")
