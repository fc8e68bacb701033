"""Full-text search: a Pagefind index of the site's events, articles and actors.

Pagefind's binary comes inside the ``pagefind-bin`` wheel (``pagefind[bin]``), so nothing
is downloaded at build time. Annals runs it as a service process and hands it one HTML
document per search record (render/search.py makes them); it gets the index back in
memory. A build writes those files into its staging folder before the swap, so a failed
index fails the build and leaves ``output/`` as it was; ``annals serve`` keeps them with
its other files. Documents go in a fixed order, Pagefind names its files by their content,
and search_bundle puts the filter files (the one part Pagefind writes in a random order)
in order: the same site gives the same bytes.

The service speaks the protocol Pagefind's own Python and Node wrappers use: each message
is base64-encoded JSON followed by a comma, one answer per request. It is spoken here
directly, synchronously, because the ``pagefind`` package's asyncio client waits 0.1 s
before reading each answer (a thousand records would take minutes).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import AnnalsError
from .search_bundle import BundleFormatError, canonical

BUNDLE = "pagefind"  # the index and its scripts, under the site root
BINARY_VARIABLE = "PAGEFIND_BINARY_PATH"  # as Pagefind's own wrappers: a binary to use instead
INSTALL_HINT = "install it with pip install 'pagefind[bin]', or set `search: false` in site.yaml"


class SearchError(AnnalsError):
    """The search index could not be made (Pagefind missing, failing or refusing a record)."""


@dataclass(frozen=True)
class SearchDocument:
    url: str  # root-relative URL the result leads to: "articles/x/", "#e-2025-07-19-...", "years/2025/#e-..."
    html: str  # a whole HTML document; Pagefind indexes its data-pagefind-body


def find_binary() -> Path:
    """The Pagefind binary: $PAGEFIND_BINARY_PATH, else the one the pagefind package finds
    (the pagefind-bin wheel's, or pagefind on PATH)."""
    configured = os.environ.get(BINARY_VARIABLE)
    if configured:
        return Path(configured)
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SearchError(f"search needs Pagefind, which is not installed: {INSTALL_HINT}") from None
    found = get_executable()
    if found is None:
        raise SearchError(f"search needs the Pagefind binary, which was not found: {INSTALL_HINT}")
    return Path(found)


def build_index(documents: Iterable[SearchDocument], language: str,
                binary: Path | None = None) -> dict[str, bytes]:
    """The Pagefind bundle for ``documents``, by output path ("pagefind/pagefind.js", ...).

    In memory, not written by Pagefind into the output: its service answers a request to
    write files before its writes have finished, and a build must only swap in complete
    files (output.py writes them). One index for the whole site in the site's language (``force_language``): articles in
    other languages are found from a page in the site's language too."""
    with PagefindService(binary or find_binary()) as service:
        index = _add_all(service, documents, language)
        files = service.request({"type": "GetFiles", "index_id": index})["files"]
    bundle = {f"{BUNDLE}/{_bundle_path(f['path'])}": base64.b64decode(f["content"]) for f in files}
    return _ordered(bundle)


def _add_all(service: "PagefindService", documents: Iterable[SearchDocument], language: str) -> int:
    index = service.request({"type": "NewIndex", "config": {"force_language": _primary(language)}})["index_id"]
    for doc in documents:
        service.request({"type": "AddFile", "index_id": index, "url": "/" + doc.url,
                         "file_contents": doc.html, "file_path": None})
    return index


def _ordered(bundle: dict[str, bytes]) -> dict[str, bytes]:
    try:
        return canonical(bundle, BUNDLE)  # Pagefind's filter files vary from run to run: see search_bundle
    except (BundleFormatError, OSError, EOFError) as exc:  # gzip errors are OSError and EOFError
        raise SearchError(f"Pagefind wrote an index Annals cannot read ({exc}); this Annals "
                          "works with Pagefind 1.x as pinned in its dependencies") from None


def _primary(language: str) -> str:
    """Pagefind takes an ISO 639-1 code: "pt-BR" -> "pt"."""
    return (language or "en").replace("_", "-").split("-")[0].lower() or "en"


def _bundle_path(path: str) -> str:
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise SearchError(f"Pagefind returned a file outside its folder: {path!r}")
    return "/".join(parts)


class PagefindService:
    """One ``pagefind --service`` process: requests in order, one answer each."""

    def __init__(self, binary: Path):
        self.binary = binary
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None
        self.message_id = 0
        self.buffer = bytearray()

    def __enter__(self) -> "PagefindService":
        # Its messages go to a file, not a pipe nobody reads (which could fill and stall it).
        self.log = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen([str(self.binary), "--service"], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=self.log)
        except OSError as exc:
            self.log.close()
            raise SearchError(f"cannot run Pagefind ({self.binary}): {exc.strerror or exc}; "
                              f"{INSTALL_HINT}") from None
        return self

    def request(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request and wait for its answer's payload; an error answer, or the
        process dying, is a SearchError."""
        assert self.process is not None and self.process.stdin is not None
        self.message_id += 1
        message = json.dumps({"message_id": self.message_id, "payload": payload}).encode("utf-8")
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")
            self.process.stdin.flush()
            answer = json.loads(base64.b64decode(self._read_message()))
        except (OSError, ValueError) as exc:
            raise SearchError(f"Pagefind stopped while indexing ({exc}){self._log_tail()}") from None
        body = answer.get("payload") or {}
        if body.get("type") == "Error":
            what = payload.get("url") or payload["type"]
            raise SearchError(f"Pagefind refused {what}: {body.get('message', 'no reason given')}")
        if answer.get("message_id") != self.message_id:
            raise SearchError(f"Pagefind answered out of turn: {str(answer)[:200]}")
        return body

    def _read_message(self) -> bytes:
        assert self.process is not None and self.process.stdout is not None
        fd = self.process.stdout.fileno()
        end = self.buffer.find(b",")  # base64 has no commas: one ends each message
        while end < 0:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise OSError("no answer: the process ended")
            at = chunk.find(b",")
            end = len(self.buffer) + at if at >= 0 else -1
            self.buffer += chunk
        message = bytes(self.buffer[:end])
        del self.buffer[:end + 1]
        return message

    def _log_tail(self) -> str:
        if self.log is None:
            return ""
        self.log.seek(0)
        text = self.log.read().decode("utf-8", "replace").strip()
        return f": {text[-500:]}" if text else ""

    def __exit__(self, *exc: object) -> None:
        process, self.process = self.process, None
        if process is not None:
            with contextlib.suppress(OSError):  # the process may already be gone
                if process.stdin is not None:
                    process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        if self.log is not None:
            self.log.close()
            self.log = None

