"""The actor registry: built-in reference data merged with content/actors.yaml, and the
compiled matchers that find every known name in a text in one pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ..model import Problem
from .config import ActorConfig, ConfigActor
from .entries import ROLE_NAME, AliasInfo, Entry
from ..slugs import slugify
from .fold import fold, fold_key, name_key
from .context import UseWords
from .names import NameWords
from .reference import reference_data
from .trie import trie_pattern


@dataclass(frozen=True)
class ActorRegistry:
    """Everything find_mentions and cast_actors need; immutable once built."""

    entries: Mapping[str, Entry]  # registry key -> actor
    names: Mapping[str, AliasInfo]  # fold_key(alias) -> meaning, matched ignoring case
    acronyms: Mapping[str, AliasInfo]  # fold(alias) -> meaning, matched with exact case
    ignored: frozenset[str]  # fold_key of names never to treat as actors
    common_words: frozenset[str]
    name_pattern: re.Pattern[str] = field(repr=False)  # over lower-cased folded text
    acronym_pattern: re.Pattern[str] = field(repr=False)
    title_pattern: re.Pattern[str] = field(repr=False)  # over lower-cased folded text
    problems: tuple[Problem, ...] = ()
    name_words: NameWords = NameWords()  # the person-name rules' word lists (names.py)
    title_words: frozenset[str] = frozenset()  # one-word titles, fold_key ("sayyed", "president")
    use_words: UseWords = UseWords()  # when a country acts or is the place (context.py)

    def lookup(self, name: str) -> AliasInfo | None:
        """The meaning of a name as written (acronyms need their exact case)."""
        return self.acronyms.get(fold(name).strip()) or self.names.get(fold_key(name))

    def key_for_name(self, name: str) -> str | None:
        """The registry key a name (e.g. from front matter `actors:`) stands for."""
        if fold_key(name) in self.ignored:
            return None
        info = self.lookup(name)
        return info.key if info else None


def is_acronym(alias: str) -> bool:
    """"PKK", "U.S.", "G20": no lower-case letter, so case must match exactly."""
    letters = [c for c in fold(alias) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=8)
def _compile(words: tuple[str, ...]) -> re.Pattern[str]:
    # Case-sensitive on purpose: names are searched in lower-cased text (much faster than
    # re.IGNORECASE), acronyms in the text as written. Every name starts with a word
    # character, so \b is the cheap form of "not inside a word".
    return re.compile(r"\b(?:" + trie_pattern(words) + r")(?!\w)")


class _Builder:
    """Mutable scratch space for one build_registry call."""

    def __init__(self) -> None:
        data = reference_data()
        self.entries: dict[str, Entry] = {e.key: e for e in data.entries}
        self.names: dict[str, AliasInfo] = {}
        self.acronyms: dict[str, AliasInfo] = {}
        self.problems: list[Problem] = []
        for key, spec in data.alias_specs:
            info = AliasInfo(key=key, role=spec.role, exact_case=spec.guarded or is_acronym(spec.text),
                             guarded=spec.guarded, ambiguous=spec.ambiguous)
            self.put(spec.text, info, override=False)

    def put(self, alias: str, info: AliasInfo, override: bool) -> None:
        table, key = (self.acronyms, fold(alias).strip()) if info.exact_case else (self.names, fold_key(alias))
        if override or key not in table:
            table[key] = info

    def builtin_target(self, actor: ConfigActor) -> str | None:
        """The built-in actor a configured one refines: same name first, then an alias."""
        for text in (actor.name, *actor.aliases):
            info = self.lookup(text)
            if info is None or info.role != ROLE_NAME:
                continue
            kind = self.entries[info.key].kind
            if actor.kind is None or actor.kind == kind:
                return info.key
        return None

    def lookup(self, text: str) -> AliasInfo | None:
        return self.acronyms.get(fold(text).strip()) or self.names.get(fold_key(text))

    def add_config(self, actor: ConfigActor, claimed: dict[str, str]) -> Entry:
        target = self.builtin_target(actor)
        if target is not None and target not in claimed.values():
            base = self.entries[target]
            key, kind, aliases = target, actor.kind or base.kind, base.aliases
        else:
            # The key is the folded name, so "Хамас" and "Хезболла" stay two actors; names
            # that fold alike but were both configured ("al-Sharaa", "al Sharaa") still do.
            base = "actor:" + name_key(actor.name)
            key, n = base, 2
            while key in claimed.values():
                key, n = f"{base}~{n}", n + 1
            kind, aliases = actor.kind or "organisation", ()
        for text in (actor.name, *actor.aliases):
            known = self.lookup(text)
            role = known.role if known is not None and known.key == key else ROLE_NAME
            exact = is_acronym(text) or bool(known and known.key == key and known.exact_case)
            self.put(text, AliasInfo(key=key, role=role, exact_case=exact,
                                     guarded=bool(known and known.key == key and known.guarded)), override=True)
        claimed[actor.name] = key
        merged_aliases = tuple(dict.fromkeys((*aliases, *actor.aliases)))
        return Entry(key=key, name=actor.name, kind=kind, aliases=merged_aliases,
                     description=actor.description, origin="config", slug=actor.slug)

    def resolve_member_of(self, actor: ConfigActor, entry: Entry, config: ActorConfig) -> Entry:
        parents: list[str] = list(entry.member_of if entry.origin == "builtin" else ())
        for name in actor.member_of:
            key = self.key_for_reference(name)
            if key is None:
                self.problems.append(Problem(config.path, f"{actor.name!r}: member_of {name!r} names "
                                             "no known actor; add it to actors.yaml", actor.line,
                                             kind="actors"))
            elif key != entry.key and key not in parents:
                parents.append(key)
        return replace(entry, member_of=tuple(parents))

    def key_for_reference(self, name: str) -> str | None:
        """member_of may give a name, an alias or a slug."""
        info = self.lookup(name)
        if info is not None:
            return info.key
        for key, entry in sorted(self.entries.items()):
            if entry.slug == name or slugify(entry.name) == name:
                return key
        return None

    def apply_ignore(self, ignore: tuple[str, ...]) -> frozenset[str]:
        """An ignored canonical name drops the whole built-in actor; an alias drops itself."""
        ignored = frozenset(fold_key(name) for name in ignore)
        dropped = {k for k, e in self.entries.items() if e.origin == "builtin" and fold_key(e.name) in ignored}
        for key in sorted(dropped):
            del self.entries[key]
        self.names = {a: i for a, i in self.names.items() if a not in ignored and i.key not in dropped}
        self.acronyms = {a: i for a, i in self.acronyms.items()
                         if fold_key(a) not in ignored and i.key not in dropped}
        return ignored


def _title_pattern(titles: tuple[str, ...]) -> re.Pattern[str]:
    # Searched in lower-cased folded text, like the names.
    return re.compile(r"\b(?:" + trie_pattern(tuple(fold_key(t) for t in titles)) + r")(?![\w])")


def build_registry(config: ActorConfig | None) -> ActorRegistry:
    """Built-in reference data plus the user's actors.yaml (which wins on every conflict)."""
    builder = _Builder()
    config = config or ActorConfig()
    claimed: dict[str, str] = {}
    merged = [(actor, builder.add_config(actor, claimed)) for actor in config.actors]
    for actor, entry in merged:
        builder.entries[entry.key] = entry
    for actor, entry in merged:
        builder.entries[entry.key] = builder.resolve_member_of(actor, builder.entries[entry.key], config)
    ignored = builder.apply_ignore(config.ignore)
    data = reference_data()
    return ActorRegistry(
        entries=MappingProxyType(dict(sorted(builder.entries.items()))),
        names=MappingProxyType(builder.names),
        acronyms=MappingProxyType(builder.acronyms),
        ignored=ignored,
        common_words=data.common_words,
        name_pattern=_compile(tuple(sorted(builder.names))),
        acronym_pattern=_compile(tuple(sorted(builder.acronyms))),
        title_pattern=_title_pattern(data.titles),
        problems=tuple(builder.problems),
        name_words=data.name_words,
        title_words=frozenset(fold_key(t).rstrip(".") for t in data.titles if " " not in t.strip()),
        use_words=data.use_words,
    )
