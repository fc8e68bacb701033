"""`annals new SITE`: a site that builds at once, from the files in generator/data/newsite/.

The templates are package data, copied as they are to the same path in the new folder; a
name starting "dot-" becomes a dot file (package data globs leave real dot files out).
Only the site's title, from the folder's name or --title, is filled in. Nothing is ever
overwritten: the folder must be new or empty, and each file is created exclusively.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

import yaml

from .errors import AnnalsError

TEMPLATES = ("data", "newsite")
DOT_PREFIX = "dot-"
TITLE_LINE = b"title: __TITLE__"  # in site.yaml: replaced by the title, quoted as YAML needs
SHOWN_ENTRIES = 3


@dataclass(frozen=True)
class NewSite:
    root: Path
    files: tuple[str, ...]  # what was written, relative to root, sorted


def template_files() -> dict[str, bytes]:
    """Path in the new site -> bytes, for every template file."""
    found: dict[str, bytes] = {}

    def walk(node: Traversable, parts: tuple[str, ...]) -> None:
        for child in node.iterdir():
            name = "." + child.name[len(DOT_PREFIX):] if child.name.startswith(DOT_PREFIX) else child.name
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, (*parts, name))
            else:
                found[PurePosixPath(*parts, name).as_posix()] = child.read_bytes()

    walk(resources.files("generator").joinpath(*TEMPLATES), ())
    return dict(sorted(found.items()))


def title_for(folder: Path) -> str:
    """"harbour-bridge_2025" -> "Harbour bridge 2025": the folder's name, readable."""
    words = re.sub(r"[-_.\s]+", " ", folder.resolve().name).strip()
    return (words[:1].upper() + words[1:]) if words else "Annals"


def create_site(folder: Path, title: str | None = None) -> NewSite:
    """Write a new site into ``folder`` (made if missing). AnnalsError, before anything is
    written, when it is a file or a folder that is not empty."""
    if folder.exists() or folder.is_symlink():
        if not folder.is_dir():
            raise AnnalsError(f"{folder} exists and is not a folder: give a new folder's name")
        entries = sorted(os.listdir(folder))
        if entries:
            shown = ", ".join(entries[:SHOWN_ENTRIES]) + (", …" if len(entries) > SHOWN_ENTRIES else "")
            raise AnnalsError(f"{folder} exists and is not empty ({len(entries)} "
                              f"entr{'y' if len(entries) == 1 else 'ies'}: {shown}); `annals new` writes "
                              "only into a new or empty folder, so give a new name")
    files = template_files()
    line = yaml.safe_dump({"title": title or title_for(folder)}, allow_unicode=True, width=float("inf"))
    files["site.yaml"] = files["site.yaml"].replace(TITLE_LINE, line.rstrip("\n").encode("utf-8"))
    for name, data in files.items():
        path = folder.joinpath(*PurePosixPath(name).parts)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL: a file that appeared meanwhile is never overwritten.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise AnnalsError(f"cannot write {path}: {exc.strerror or exc}") from None
    return NewSite(folder, tuple(files))
