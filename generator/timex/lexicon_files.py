"""Reading the lexicon files of generator/data/timex/<lang>/: each value checked for its kind,
each error naming its file (shared by ``lexicon`` and ``lexicon_small``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there: faster


class LexiconError(ValueError):
    """A lexicon file is missing a key or holds the wrong kind of value (names the file)."""


def read(root: Path, lang: str, kind: str, required: bool = True) -> Any:
    path = root / lang / f"{kind}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise LexiconError(f"{path}: missing lexicon file") from None
        return None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None


def strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a word or a list of words, got {value!r}")
    return tuple(value)


def mapping(value: Any, where: str) -> dict:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise LexiconError(f"{where}: expected a mapping of words, got {value!r}")
    return value


def relative(data: Any, where: str) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for phrase, value in mapping(data, where).items():
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)
                and value[1] in ("day", "week", "month", "year")):
            raise LexiconError(f"{where} {phrase!r}: expected [amount, day|week|month|year]")
        out[phrase.lower()] = (value[0], value[1])
    return out
