"""Built-in reference data: countries (pycountry + generator/data/countries.yaml),
organisations and armed groups, well-known people, titles and everyday words.

The files ship inside the package and never change while Annals runs, so they are read
once per process (the cache is the only state, and it holds immutable values).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry
import yaml

from .entries import KINDS, PERSON_PREFIX, Entry
from .fold import fold_key, name_key
from .context import UseWords, load_use_words
from .names import NameWords, load_name_words

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it


@dataclass(frozen=True)
class AliasSpec:
    """A name of a built-in actor with its role, before it becomes an AliasInfo."""

    text: str
    role: str = "name"
    guarded: bool = False
    ambiguous: bool = False


@dataclass(frozen=True)
class ReferenceData:
    entries: tuple[Entry, ...]
    alias_specs: tuple[tuple[str, AliasSpec], ...]  # (entry key, alias), in a stable order
    titles: tuple[str, ...]
    common_words: frozenset[str]
    name_words: NameWords = NameWords()
    use_words: UseWords = UseWords()


def _read(name: str) -> str:
    return resources.files("generator").joinpath("data", name).read_text(encoding="utf-8")


def _word_list(name: str) -> list[str]:
    words: list[str] = []
    for line in _read(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


def _comma_name_variants(name: str) -> list[str]:
    """"Iran, Islamic Republic of" -> ["Islamic Republic of Iran"]; plain names unchanged."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    if tail.lower().startswith(("the ", "republic", "state", "islamic", "federated",
                                "united", "bolivarian", "plurinational", "democratic",
                                "province")):
        return [f"{tail} {head}"]
    return []


def _countries() -> tuple[list[Entry], list[tuple[str, AliasSpec]]]:
    extra = yaml.load(_read("countries.yaml"), Loader=_LOADER)
    skip = set(extra.pop("skip", []))
    entries: list[Entry] = []
    specs: list[tuple[str, AliasSpec]] = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        if code in skip:
            continue
        more = extra.get(code, {}) or {}
        official = getattr(country, "official_name", None)
        common = getattr(country, "common_name", None)
        name = more.get("name") or common or country.name
        key = f"country:{code.lower()}"
        ambiguous = {fold_key(a) for a in _as_list(more.get("ambiguous"))}
        names = [name, common, *_comma_name_variants(country.name), official,
                 *_as_list(more.get("aliases"))]
        seen: set[str] = set()
        aliases: list[str] = []
        for text in names:
            if not text:
                continue
            text = text[4:] if text.lower().startswith("the ") else text
            if fold_key(text) in seen:
                continue
            seen.add(fold_key(text))
            aliases.append(text)
            specs.append((key, AliasSpec(text, ambiguous=fold_key(text) in ambiguous)))
        for demonym in _as_list(more.get("demonyms")):
            aliases.append(demonym)
            specs.append((key, AliasSpec(demonym, role="demonym")))
        for capital in _as_list(more.get("capitals")):
            aliases.append(capital)
            specs.append((key, AliasSpec(capital, role="capital")))
        entries.append(Entry(key=key, name=name, kind="country", aliases=tuple(aliases)))
    return entries, specs


def _listed_actors(file: str, default_kind: str, names_to_keys: dict[str, str]
                   ) -> tuple[list[Entry], list[tuple[str, AliasSpec]]]:
    """organisations.yaml / people.yaml: member_of is resolved against earlier names."""
    entries: list[Entry] = []
    specs: list[tuple[str, AliasSpec]] = []
    for item in yaml.load(_read(file), Loader=_LOADER):
        kind = item.get("kind", default_kind)
        if kind not in KINDS:
            raise ValueError(f"generator/data/{file}: unknown kind {kind!r}")
        name = item["name"]
        prefix = PERSON_PREFIX if kind == "person" else f"{kind}:"
        key = prefix + name_key(name)
        aliases = [name, *_as_list(item.get("aliases"))]
        guarded = _as_list(item.get("guarded"))
        capitals = _as_list(item.get("capitals"))
        specs.extend((key, AliasSpec(a)) for a in aliases)
        specs.extend((key, AliasSpec(a, guarded=True)) for a in guarded)
        specs.extend((key, AliasSpec(a, role="capital")) for a in capitals)
        parents = tuple(names_to_keys[fold_key(p)] for p in _as_list(item.get("member_of")))
        entries.append(Entry(key=key, name=name, kind=kind,
                             aliases=tuple(aliases + guarded + capitals), member_of=parents))
        names_to_keys.setdefault(fold_key(name), key)
    return entries, specs


@lru_cache(maxsize=1)
def reference_data() -> ReferenceData:
    countries, specs = _countries()
    names_to_keys: dict[str, str] = {}
    for key, spec in specs:
        if spec.role == "name":
            names_to_keys.setdefault(fold_key(spec.text), key)
    organisations, org_specs = _listed_actors("organisations.yaml", "organisation", names_to_keys)
    people, people_specs = _listed_actors("people.yaml", "person", names_to_keys)
    common = frozenset(w.lower() for line in _word_list("common_words.txt") for w in line.split())
    return ReferenceData(
        entries=tuple(countries + organisations + people),
        alias_specs=tuple(specs + org_specs + people_specs),
        titles=tuple(_word_list("titles.txt")),
        common_words=common,
        name_words=load_name_words(_word_list("first_names.txt"),
                                   yaml.load(_read("name_words.yaml"), Loader=_LOADER) or {}),
        use_words=load_use_words(yaml.load(_read("actor_context.yaml"), Loader=_LOADER) or {}),
    )
