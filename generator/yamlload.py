"""YAML as Annals reads site files (site.yaml, front matter, actors.yaml).

The safe loader, with two scalars read the way a writer means them instead of failing
with an error that names no line:

- a whole number too long for Python's int-from-text limit (4,300 digits), e.g. a title
  that is 5,000 digits, stays the text it is;
- a timestamp that is no day of the calendar (``2025-13-45``, year 0) is an
  ``ImpossibleDate`` carrying the line it is on.

A document nested deeper than MAX_DEPTH is a ``TooDeep`` error, before anything is built.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

# libyaml's loader when present: seven times faster, same values and problem marks
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ImpossibleDate(ConstructorError):
    """A YAML timestamp that names no day; ``problem_mark`` is where it is."""


# libyaml parses without recursion, but PyYAML builds the nested values recursively in C,
# where nothing stops it: 100,000 "[" crash the interpreter (a segmentation fault). So the
# parser's events are counted first, and a document nested deeper than this is an error.
MAX_DEPTH = 64


class TooDeep(yaml.MarkedYAMLError):
    """A document nested deeper than MAX_DEPTH; ``problem_mark`` is where it got too deep."""


class SiteLoader(_BASE):  # type: ignore[misc, valid-type]
    """The safe loader with the scalar rules of this module, refusing documents nested
    deeper than MAX_DEPTH before building anything."""

    def __init__(self, stream: str) -> None:
        check_depth(stream)
        super().__init__(stream)


def check_depth(text: str) -> None:
    """Raise TooDeep when collections in ``text`` nest deeper than MAX_DEPTH (a YAML error
    in ``text`` is left for the loader to report)."""
    # Each level of nesting needs one of these characters ("[", "{", a key's ":", a "- "
    # item, a "? " key): a text with few of them, like any front matter, is not too deep.
    if sum(text.count(mark) for mark in "[{:-?") <= MAX_DEPTH:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BASE):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooDeep(None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except TooDeep:
        raise
    except yaml.YAMLError:
        return


def _int(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:  # more digits than int() reads from text: the text as written
        return loader.construct_scalar(node)


def _timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise ImpossibleDate(None, None, f"{node.value!r} is no date ({exc})", node.start_mark) from None


SiteLoader.add_constructor("tag:yaml.org,2002:int", _int)
SiteLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load(text: str) -> Any:
    """One YAML document; raises yaml.YAMLError (ImpossibleDate included) with a mark."""
    try:
        return yaml.load(text, Loader=SiteLoader)  # noqa: S506 - a subclass of the safe loader
    except RecursionError:
        raise yaml.YAMLError("the YAML is nested too deeply") from None


def error_line(exc: yaml.YAMLError, first_line: int = 1) -> int | None:
    """The 1-based line of a YAML error in its file, whose text starts on ``first_line``."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + first_line if mark is not None else None


def error_problem(exc: yaml.YAMLError) -> str:
    return getattr(exc, "problem", None) or str(exc) or "could not be read"
