"""cast_actors: the corpus-level decision of who the actors are, and their slugs.

Per-article mentions carry registry keys. Here surnames whose person another article
introduced are settled, short forms of a discovered person join the full name, display
names are chosen (the spelling with diacritics wins), and every actor gets a unique,
stable ASCII slug. Untitled capitalised names are not cast but listed for review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from ..model import Actor, Mention
from .entries import CANDIDATE_PREFIX, PERSON_PREFIX, SURNAME_PREFIX, Entry
from ..slugs import slugify, unique_slug
from .fold import diacritic_count, fold_key
from .names import is_first_name
from .people import PARTICLE_RE, surname_forms
from .variants import merge_variants
from .registry import ActorRegistry

DISCOVERED_CONFIDENCE = 0.8


@dataclass(frozen=True)
class ActorStats:
    mentions: int = 0
    aliases: tuple[str, ...] = ()  # the spellings seen, most frequent first
    articles: tuple[str, ...] = ()  # article slugs, sorted


@dataclass(frozen=True)
class Candidate:
    """A name that looks like an actor but is not cast: for review/ and starter_yaml."""

    name: str
    mentions: int
    articles: tuple[str, ...]
    reason: str = "capitalised name with no title or role"


@dataclass(frozen=True)
class Cast:
    actors: tuple[Actor, ...]  # sorted by slug
    candidates: tuple[Candidate, ...] = ()  # most mentioned first
    slugs: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    actor_stats: Mapping[str, ActorStats] = field(default_factory=dict, compare=False, hash=False)

    def slug_for(self, key: str) -> str | None:
        """The slug of the actor a mention key stands for; None when it is not cast."""
        return self.slugs.get(key)

    def stats(self, slug: str) -> ActorStats:
        return self.actor_stats.get(slug, ActorStats())

    def actor(self, slug: str) -> Actor | None:
        for actor in self.actors:
            if actor.slug == slug:
                return actor
        return None


@dataclass
class _Tally:
    count: int = 0
    texts: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)

    def add(self, mention: Mention, article: str) -> None:
        self.count += 1
        self.texts[mention.text] += 1
        self.articles.add(article)

    def absorb(self, other: "_Tally") -> None:
        self.count += other.count
        self.texts.update(other.texts)
        self.articles |= other.articles


def _tally(mentions_by_article: Sequence[tuple[str, Sequence[Mention]]]) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    for article, mentions in mentions_by_article:
        for mention in mentions:
            tallies.setdefault(mention.actor, _Tally()).add(mention, article)
    return tallies


def _is_person(key: str, registry: ActorRegistry) -> bool:
    entry = registry.entries.get(key)
    return entry.kind == "person" if entry is not None else key.startswith(PERSON_PREFIX)


def _merge_short_forms(tallies: dict[str, _Tally], registry: ActorRegistry) -> dict[str, str]:
    """"person:tayyip-erdogan" joins "person:recep-tayyip-erdogan" when that is the only
    longer name ending the same way. Returns redirects (short key -> full key)."""
    people = sorted(k for k in tallies if _is_person(k, registry))
    redirects: dict[str, str] = {}
    for key in people:
        if key in registry.entries:
            continue
        words = key[len(PERSON_PREFIX):].split("-")
        longer = [other for other in people if other != key and
                  other.split(":", 1)[1].split("-")[-len(words):] == words and
                  len(other.split(":", 1)[1].split("-")) > len(words)]
        if len(longer) == 1:
            redirects[key] = longer[0]
    return redirects


def _merge_variants(tallies: dict[str, _Tally], registry: ActorRegistry) -> dict[str, str]:
    """Spellings of one person (variants.py): discovered people join the known person or
    the most mentioned discovered one with the same name. Returns redirects."""
    names: dict[str, list[str]] = {}
    for key, entry in registry.entries.items():
        if entry.kind == "person":
            names[key] = [n for n in (entry.name, *entry.aliases) if len(n.split()) >= 2]
    for key in tallies:
        if key.startswith(PERSON_PREFIX) and key not in registry.entries:
            names[key] = [t for t in tallies[key].texts if len(t.split()) >= 2]
    titles = registry.title_words
    weight = {key: tally.count for key, tally in tallies.items()}
    return {k: v for k, v in merge_variants(names, [k for k in names if k in registry.entries], weight,
                                            titles).items() if k in tallies}


def _surname_owners(people: list[str], tallies: dict[str, _Tally], registry: ActorRegistry) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for key in people:
        names = [text for text in tallies[key].texts if len(text.split()) >= 2]
        entry = registry.entries.get(key)
        if entry is not None:
            names.append(entry.name)
        for name in names:
            for form in surname_forms(name):
                owners.setdefault(form, set()).add(key)
    return owners


def _display_name(key: str, tally: _Tally, registry: ActorRegistry) -> str:
    entry = registry.entries.get(key)
    if entry is not None:
        return entry.name
    full = [t for t in tally.texts if len(t.split()) >= 2] or list(tally.texts)
    # A name with its first name ("Osama bin Laden", not "Bin Laden"), then the spelling with
    # diacritics ("Güler" over "Guler"), then the most frequent.
    return sorted(full, key=lambda t: (PARTICLE_RE.fullmatch(t.split()[0].lower()) is not None,
                                       -diacritic_count(t), -tally.texts[t], t))[0]


def _assign_slugs(chosen: list[tuple[str, Entry | None, str]]) -> dict[str, str]:
    """Unique slugs: fixed ones first, then configured, built-in, discovered; "-2" on a clash
    (two keys are two actors, however alike their names transliterate)."""
    def rank(item: tuple[str, Entry | None, str]) -> tuple:
        key, entry, name = item
        if entry is not None and entry.slug:
            return (0, key)
        return (1 if entry is not None and entry.origin == "config" else 2 if entry is not None else 3, key)

    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for key, entry, name in sorted(chosen, key=rank):
        base = (entry.slug if entry is not None and entry.slug else None) or slugify(name, "actor")
        slug = unique_slug(base, taken)
        taken.add(slug)
        slugs[key] = slug
    return slugs


def _spellings(tally: _Tally) -> tuple[str, ...]:
    return tuple(t for t, _ in sorted(tally.texts.items(), key=lambda kv: (-kv[1], kv[0])))


def cast_actors(mentions_by_article: Sequence[tuple[str, Sequence[Mention]]],
                registry: ActorRegistry) -> Cast:
    """Decide the final actors from every article's mentions (article slug, mentions)."""
    tallies = _tally(mentions_by_article)
    redirects = _merge_short_forms(tallies, registry)
    for short, full in sorted(redirects.items()):
        tallies[full].absorb(tallies.pop(short))
    variants = _merge_variants(tallies, registry)
    for other, person in sorted(variants.items()):
        tallies.setdefault(person, _Tally()).absorb(tallies.pop(other))
    redirects = {k: variants.get(v, v) for k, v in redirects.items()} | variants

    people = sorted(k for k in tallies if _is_person(k, registry))
    owners = _surname_owners(people, tallies, registry)
    for key in sorted(k for k in tallies if k.startswith(SURNAME_PREFIX)):
        # A surname no article here introduced goes to the one person of that surname in the
        # corpus; when it is also a first name ("Hassan said") it names nobody for sure.
        surname = key[len(SURNAME_PREFIX):]
        persons = owners.get(surname, set()) if not is_first_name(surname, registry.name_words) else set()
        tally = tallies.pop(key)
        if len(persons) == 1:
            person = next(iter(persons))
            tallies[person].absorb(tally)
            redirects[key] = person

    chosen: list[tuple[str, Entry | None, str]] = []
    for key, entry in registry.entries.items():
        if entry.origin == "config" or key in tallies:
            chosen.append((key, entry, entry.name))
    for key in sorted(tallies):
        if key in registry.entries or not key.startswith(PERSON_PREFIX):
            continue
        name = _display_name(key, tallies[key], registry)
        if fold_key(name) not in registry.ignored:
            chosen.append((key, None, name))
    # A configured actor's parents get pages too, so member_of links never dangle.
    cast_keys = {key for key, _, _ in chosen}
    for key, entry, _ in list(chosen):
        for parent in entry.member_of if entry is not None and entry.origin == "config" else ():
            if parent not in cast_keys and parent in registry.entries:
                chosen.append((parent, registry.entries[parent], registry.entries[parent].name))
                cast_keys.add(parent)

    slugs = _assign_slugs(chosen)
    actors, stats = [], {}
    for key, entry, name in chosen:
        tally = tallies.get(key, _Tally())
        seen = _spellings(tally)
        configured = entry.aliases if entry is not None and entry.origin == "config" else ()
        aliases = tuple(a for a in dict.fromkeys((*configured, *seen)) if fold_key(a) != fold_key(name))
        actors.append(Actor(
            slug=slugs[key],
            name=name,
            kind=entry.kind if entry is not None else "person",
            aliases=aliases,
            description=entry.description if entry is not None else "",
            member_of=tuple(sorted(slugs[p] for p in (entry.member_of if entry else ()) if p in slugs)),
            origin=entry.origin if entry is not None else "discovered",
            confidence=1.0 if entry is not None else DISCOVERED_CONFIDENCE,
        ))
        stats[slugs[key]] = ActorStats(tally.count, seen, tuple(sorted(tally.articles)))

    key_to_slug = dict(slugs)
    for key, target in redirects.items():
        if target in slugs:
            key_to_slug[key] = slugs[target]
    return Cast(
        actors=tuple(sorted(actors, key=lambda a: a.slug)),
        candidates=_candidates(tallies, actors, registry),
        slugs=MappingProxyType(dict(sorted(key_to_slug.items()))),
        actor_stats=MappingProxyType(dict(sorted(stats.items()))),
    )


def _candidates(tallies: dict[str, _Tally], actors: list[Actor], registry: ActorRegistry) -> tuple[Candidate, ...]:
    known = {fold_key(n) for a in actors for n in (a.name, *a.aliases)}
    found = []
    for key, tally in tallies.items():
        if not key.startswith(CANDIDATE_PREFIX):
            continue
        name = _spellings(tally)[0]
        if fold_key(name) in known or fold_key(name) in registry.ignored:
            continue
        found.append(Candidate(name, tally.count, tuple(sorted(tally.articles))))
    return tuple(sorted(found, key=lambda c: (-c.mentions, fold_key(c.name), c.name)))


def actor_rows(cast: Cast, event_counts: Mapping[str, int]) -> list[dict]:
    """Rows for `annals actors`: most events first, then most mentions, then slug."""
    rows = []
    for actor in cast.actors:
        stats = cast.stats(actor.slug)
        rows.append({
            "slug": actor.slug,
            "name": actor.name,
            "kind": actor.kind,
            "mentions": stats.mentions,
            "events": int(event_counts.get(actor.slug, 0)),
            "aliases": list(stats.aliases),
            "origin": actor.origin,
        })
    return sorted(rows, key=lambda r: (-r["events"], -r["mentions"], r["slug"]))


class CastMemo:
    """The last cast and what it was decided from. The cast reads of each article only its
    slug and its mentions' keys and spellings, in order: an edit that leaves those as they
    were (most edits) leaves the cast as it was, the very same object. Empty: cast again."""

    def __init__(self) -> None:
        self.registry: object = None  # what the registry was built from (actors.yaml)
        self.articles: list[tuple[str, Sequence[Mention], tuple]] = []  # (slug, mentions, what the cast read)
        self.cast: Cast | None = None

    def get(self, mentions_by_article: Sequence[tuple[str, Sequence[Mention]]], registry: ActorRegistry,
            source: object) -> Cast:
        """The cast of these mentions by ``registry``, built from ``source``."""
        last = self.articles
        same = self.cast is not None and source == self.registry and len(last) == len(mentions_by_article)
        now = []
        for n, (slug, mentions) in enumerate(mentions_by_article):
            if same and last[n][1] is mentions and last[n][0] == slug:
                now.append(last[n])
                continue
            read = tuple((m.actor, m.text) for m in mentions)
            same = same and last[n][0] == slug and last[n][2] == read
            now.append((slug, mentions, read))
        if not same or self.cast is None:
            self.cast = None  # (a failure below leaves no stale cast)
            self.cast = cast_actors(mentions_by_article, registry)
        self.registry, self.articles = source, now
        return self.cast
