"""The registry's vocabulary: actors before casting and the names that point at them."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("country", "person", "organisation", "group", "place")

# What a matched name says about its actor; the context rules depend on it.
ROLE_NAME = "name"  # "Türkiye", "Turkey", "NATO", "Hakan Fidan"
ROLE_DEMONYM = "demonym"  # "Turkish officials"
ROLE_CAPITAL = "capital"  # "Ankara said": only where the city acts

# Prefixes of registry keys for things that are not registry actors.
PERSON_PREFIX = "person:"  # discovered people: "person:zeki-akturk"
SURNAME_PREFIX = "surname:"  # a surname whose person this article did not introduce
CANDIDATE_PREFIX = "candidate:"  # a capitalised name with no title: listed for review


@dataclass(frozen=True)
class Entry:
    """An actor the registry knows before reading any article (built in or configured)."""

    key: str  # stable registry key, e.g. "country:tr", "person:hakan-fidan"
    name: str
    kind: str
    aliases: tuple[str, ...] = ()  # every name matched for it, demonyms and capitals included
    description: str = ""
    member_of: tuple[str, ...] = ()  # registry keys
    origin: str = "builtin"  # "builtin" | "config"
    slug: str | None = None  # a slug the configuration fixed


@dataclass(frozen=True)
class AliasInfo:
    """What one folded name means."""

    key: str
    role: str = ROLE_NAME
    exact_case: bool = False  # acronyms: "IS", "US", "PKK" never match "is", "us"
    guarded: bool = False  # also skipped inside all-capital lines ("WHO", "IS")
    ambiguous: bool = False  # also a first name or word: skipped inside longer names
