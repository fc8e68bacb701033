"""Where the pipeline's files go.

``annals build`` emits into an ``output.StagingFolder`` (written as made, swapped in at the
end); ``annals serve`` into a ``MemorySite``: files held in memory, and pages that are only
made when a browser first asks for them, so a save costs the pages someone looks at, not
the thousands nobody opens before the next save.
"""

from __future__ import annotations

from typing import Callable, Iterable, Protocol


class Sink(Protocol):
    def __call__(self, name: str, data: bytes) -> None: ...


class MemorySite:
    """A whole site in memory: finished files, and files made on first use."""

    def __init__(self) -> None:
        self.ready: dict[str, bytes] = {}
        self.pending: dict[str, Callable[[], bytes]] = {}

    def __call__(self, name: str, data: bytes) -> None:
        self.ready[name] = data
        self.pending.pop(name, None)

    def later(self, name: str, make: Callable[[], bytes]) -> None:
        """``make()`` gives the file's bytes; it is called once, when the file is first read."""
        self.pending[name] = make
        self.ready.pop(name, None)

    def carry(self, other: "MemorySite", names: Iterable[str]) -> None:
        """Take these files of another site as they are there (made or still to make)."""
        for name in names:
            if name in other.ready:
                self(name, other.ready[name])
            elif name in other.pending:
                self.later(name, other.pending[name])

    def __contains__(self, name: object) -> bool:
        return name in self.ready or name in self.pending

    def get(self, name: str) -> bytes | None:
        make = self.pending.pop(name, None)
        if make is not None:
            self.ready[name] = make()
        return self.ready.get(name)

    def names(self) -> list[str]:
        return sorted(self.ready.keys() | self.pending.keys())

    def everything(self) -> dict[str, bytes]:
        """Every file, made now if it was still to make, by name in order."""
        return {name: self.get(name) for name in self.names()}  # type: ignore[misc]
