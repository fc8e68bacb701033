"""Results kept from one run of the pipeline to the next, by the identity of what they were
made from (chronology and build; see docs/architecture.md, "What a run keeps").

In ``annals serve`` an unchanged article keeps the very same analysis object from save to
save, so "is this the object I made the result from?" is a cheap and exact question where
comparing contents would cost as much as making the result again. An entry holds the
objects it was made from, so their ids cannot be reused by other objects while it lives.
"""

from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

Result = TypeVar("Result")


class IdentityMemo(Generic[Result]):
    """What the last run made, by the identity of its sources and the equality of its other
    inputs; each run keeps only what it used."""

    def __init__(self, keeps: bool = True) -> None:
        self.earlier: dict[tuple[int, ...], tuple[tuple, Hashable, Result]] = {}
        self.kept: dict[tuple[int, ...], tuple[tuple, Hashable, Result]] = {}
        self.keeps = keeps  # False: no next run in this process, so keep nothing (annals build)

    def get(self, sources: tuple, inputs: Hashable, make: Callable[[], Result]) -> Result:
        """The result made last run from these very ``sources`` and equal ``inputs``, else
        ``make()``; kept for the next run either way."""
        key = tuple(map(id, sources))
        found = self.earlier.get(key)
        if found is None or found[1] != inputs or any(a is not b for a, b in zip(found[0], sources)):
            found = (sources, inputs, make())
        if self.keeps:
            self.kept[key] = found
        return found[2]

    def reuse(self, sources: tuple) -> Result | None:
        """The last run's result from these very ``sources``, whatever its other inputs were
        (for a caller that knows they are the same), kept for the next run; else None."""
        key = tuple(map(id, sources))
        found = self.earlier.get(key)
        if found is None:
            return None
        kept = found[0]  # (one source is the common case: spare the generator)
        if (kept[0] is not sources[0]) if len(sources) == 1 else any(a is not b for a, b in zip(kept, sources)):
            return None
        if self.keeps:
            self.kept[key] = found
        return found[2]

    def has(self, sources: tuple, inputs: Hashable) -> bool:
        """Whether ``get`` would give back the last run's result without making one."""
        found = self.earlier.get(tuple(map(id, sources)))
        return found is not None and found[1] == inputs and all(a is b for a, b in zip(found[0], sources))

    def next_run(self) -> None:
        """Forget what this run did not use."""
        self.earlier, self.kept = self.kept, {}
