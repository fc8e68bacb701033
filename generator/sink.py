"""Where the pipeline's files go.

``annals build`` emits into an ``output.StagingFolder`` (written as made, swapped in at the
end); ``annals serve`` into a ``MemorySite``: files held in memory, and pages that are only
made when a browser first asks for them, so a save costs the pages someone looks at, not
the thousands nobody opens before the next save.
"""

from __future__ import annotations

from typing import Callable, Iterable


class MemorySite:
    """A whole site in memory: finished files, and files made on first use."""

    def __init__(self) -> None:
        self.ready: dict[str, bytes] = {}
        self.pending: dict[str, Callable[[], bytes]] = {}
        # folders made all at once, on first use of any file in them (the search index,
        # whose file names come from its content): folder prefix -> maker of its files
        self.groups: dict[str, Callable[[], dict[str, bytes]]] = {}

    def __call__(self, name: str, data: bytes) -> None:
        self.ready[name] = data
        self.pending.pop(name, None)

    def later(self, name: str, make: Callable[[], bytes]) -> None:
        """``make()`` gives the file's bytes; it is called once, when the file is first read."""
        self.pending[name] = make
        self.ready.pop(name, None)

    def later_group(self, folder: str, make: Callable[[], dict[str, bytes]]) -> None:
        """``make()`` gives every file below ``folder`` (e.g. "pagefind/"), by name; it is
        called once, when any of them is first read."""
        self.groups[folder] = make
        for name in [n for n in self.ready if n.startswith(folder)]:
            del self.ready[name]

    def carry(self, other: "MemorySite", names: Iterable[str]) -> None:
        """Take these files of another site as they are there (made or still to make)."""
        for name in names:
            if name in other.ready:
                self(name, other.ready[name])
            elif name in other.pending:
                self.later(name, other.pending[name])

    def carry_group(self, other: "MemorySite", folder: str) -> None:
        """Take another site's folder group as it is there: made, or still to make."""
        if folder in other.groups:
            self.groups[folder] = other.groups[folder]
        elif any(n.startswith(folder) for n in other.ready):
            self.groups.pop(folder, None)
            self.ready.update((n, d) for n, d in other.ready.items() if n.startswith(folder))

    def _group_of(self, name: str) -> str | None:
        return next((folder for folder in self.groups if name.startswith(folder)), None)

    def __contains__(self, name: object) -> bool:
        return name in self.ready or name in self.pending or (
            isinstance(name, str) and self._group_of(name) is not None)

    def get(self, name: str) -> bytes | None:
        folder = self._group_of(name)
        if folder is not None:
            self.ready.update(self.groups.pop(folder)())
        make = self.pending.pop(name, None)
        if make is not None:
            self.ready[name] = make()
        return self.ready.get(name)

    def names(self) -> list[str]:
        """The files known by name (a folder group not made yet has none)."""
        return sorted(self.ready.keys() | self.pending.keys())

    def everything(self) -> dict[str, bytes]:
        """Every file, made now if it was still to make, by name in order."""
        for folder in list(self.groups):
            self.ready.update(self.groups.pop(folder)())
        return {name: self.get(name) for name in self.names()}  # type: ignore[misc]
