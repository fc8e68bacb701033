"""Change detection for `annals serve`: snapshots of watched files and a debouncer.

Polling, not inotify: it needs no extra dependency, works the same on every platform and
on network drives, and a site's few thousand files are stat-ed in milliseconds. Nothing
here knows about HTTP or the pipeline, so it is tested with plain files and a fake clock.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

# Editors write these next to the file being saved; they never change the site.
IGNORED_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", "~", ".pyc")
IGNORED_PREFIXES = (".#", "#")
IGNORED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules"})

Stamp = tuple[int, int]  # (mtime in ns, size): a save that changes either is seen
Snapshot = Mapping[Path, Stamp]


def ignored(path: Path) -> bool:
    name = path.name
    return name.endswith(IGNORED_SUFFIXES) or name.startswith(IGNORED_PREFIXES)


def scan(roots: Iterable[Path]) -> dict[Path, Stamp]:
    """The stamp of every file under the given files and folders (missing ones are skipped)."""
    stamps: dict[Path, Stamp] = {}
    for root in roots:
        if root.is_file():
            _stamp_into(stamps, root)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in IGNORED_DIRS)
            for name in sorted(files):
                _stamp_into(stamps, Path(folder) / name)
    return stamps


def _stamp_into(stamps: dict[Path, Stamp], path: Path) -> None:
    if ignored(path):
        return
    try:
        info = path.stat()
    except OSError:  # deleted between listing and stat: it will show up as removed
        return
    stamps[path] = (info.st_mtime_ns, info.st_size)


def changed_paths(before: Snapshot, after: Snapshot) -> set[Path]:
    """Files added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


@dataclass
class Debouncer:
    """Collects changes until they stop for ``quiet`` seconds, then hands them over at once.

    An editor's save is often several writes (temp file, rename, metadata) and people save
    again quickly; one rebuild for the lot is faster and never shows a half-saved state.
    Times come from the caller so the logic is testable without sleeping.
    """

    quiet: float = 0.3
    pending: set[Path] = field(default_factory=set)
    last_change: float | None = None

    def add(self, paths: Iterable[Path], now: float) -> None:
        paths = set(paths)
        if paths:
            self.pending |= paths
            self.last_change = now

    def take(self, now: float) -> set[Path] | None:
        """The collected paths once things are quiet; None while waiting or idle."""
        if not self.pending or self.last_change is None or now - self.last_change < self.quiet:
            return None
        paths, self.pending, self.last_change = self.pending, set(), None
        return paths


@dataclass
class Watcher:
    """Polls a set of roots and reports debounced batches of changed files."""

    roots: tuple[Path, ...]
    debouncer: Debouncer = field(default_factory=Debouncer)
    snapshot: dict[Path, Stamp] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.snapshot:
            self.snapshot = scan(self.roots)

    def retarget(self, roots: Iterable[Path]) -> None:
        """Watch other roots (site.yaml may name another theme or content folder).

        Stamps of roots kept are kept too, so a save made while a rebuild ran is still
        seen at the next poll; files that only appear because a root was added are not
        changes."""
        roots = tuple(dict.fromkeys(roots))
        if roots == self.roots:
            return
        added = [r for r in roots if r not in self.roots]
        kept = {p: s for p, s in self.snapshot.items() if _under_any(p, roots) and not _under_any(p, added)}
        self.roots = roots
        self.snapshot = kept | scan(added)

    def poll(self, now: float) -> set[Path] | None:
        current = scan(self.roots)
        self.debouncer.add(changed_paths(self.snapshot, current), now)
        self.snapshot = current
        return self.debouncer.take(now)


def _under_any(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)
