"""A digest of Annals' own code and data, light to import: the cache keys its entries by it,
and a build server (daemon.py) is used only by clients of the very same code."""

from __future__ import annotations

import hashlib
from pathlib import Path

CACHE_DIR = ".annals-cache"  # SITE/.annals-cache: the build cache and the build server's address
CODE_SUFFIXES = (".py", ".yaml", ".txt", ".json", ".po")


def code_digest() -> str:
    """The package's code and data files, names and bytes: a changed rule changes it."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
