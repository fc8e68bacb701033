"""Errors that Annals reports to people (file, line, what to do), never as tracebacks."""

from __future__ import annotations


class AnnalsError(Exception):
    """Base for errors shown to the user as one clear message."""

    exit_code = 1


class ContentError(AnnalsError):
    """Something in the site's files is wrong: names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(self.describe())

    def describe(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):  # raised in a worker process, it comes back whole
        return (type(self), (self.path, self.message, self.line))


class BuildErrors(AnnalsError):
    """Several content errors found in one build (one bad article never hides the rest)."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(e.describe() for e in errors))

    def __reduce__(self):
        return (type(self), (self.errors,))


class OutputError(AnnalsError):
    """The output folder cannot be used safely (e.g. a non-empty folder Annals did not make)."""


class UsageError(AnnalsError):
    exit_code = 2
