"""find_mentions: every actor named in one article's plain text (pure, per article).

One pass of two compiled tries finds every known name; titles find new people; context
rules drop places and common words; a small per-article pattern finds the surnames of the
people this article introduced.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Mention
from . import context
from .entries import CANDIDATE_PREFIX, PERSON_PREFIX, ROLE_CAPITAL, ROLE_DEMONYM, SURNAME_PREFIX, AliasInfo
from .fold import fold, fold_key, lower_same_length, name_key
from .names import is_first_name
from .people import (NAME_WORD, PARTICLE, Found, clean_name, name_span, person_key, reporting_surnames,
                     surname_forms, surname_pattern, titled_people)
from .registry import ActorRegistry

_LOWER_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|at|an|abu|bin|ibn|von|van|de|der|la|le)[- ]")
CANDIDATE = re.compile(r"\b(?<!['-])(?=[A-Za])" + NAME_WORD + r"(?:[ \t]+(?:" + PARTICLE + r"[ \t]+)*" + NAME_WORD + r"){1,4}")
_WHITESPACE = re.compile(r"\s+")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
_SINGLE_SPACED = re.compile(r"\S+(?: \S+)*")


def _case_ok(matched: str) -> bool:
    """A known name counts when written with its capital ("Turkey", not "turkey"),
    or when it starts with a lower-case Arabic or European particle ("al-Sharaa")."""
    return matched[:1].isupper() or matched[:1].isdigit() or bool(_LOWER_PARTICLE.match(matched))


def _lowered(folded: str) -> str:
    lowered = lower_same_length(folded)
    if lowered is None:  # a rare letter whose lower case is longer: keep such words as they are
        lowered = re.sub(r"\w+", lambda m: lower_same_length(m.group()) or m.group(), folded)
    return lowered


def _known_names(folded: str, lowered: str, registry: ActorRegistry) -> list[Found]:
    found = []
    for match in registry.name_pattern.finditer(lowered):
        name = match.group()
        info = registry.names.get(name if _SINGLE_SPACED.fullmatch(name) else _WHITESPACE.sub(" ", name))
        if info is not None and _case_ok(folded[match.start():match.end()]):
            found.append(Found(match.start(), match.end(), info.key, info.role, "alias", info))
    for match in registry.acronym_pattern.finditer(folded):
        info = registry.acronyms.get(_WHITESPACE.sub(" ", match.group()))
        if info is not None:
            found.append(Found(match.start(), match.end(), info.key, info.role, "alias", info))
    return found


_PRIORITY = {"alias": 0, "title": 1, "named": 2, "surname": 3, "reporting": 4, "candidate": 5}


def _without_overlaps(found: list[Found]) -> list[Found]:
    """Longest span first at each position; a span overlapping a kept one is dropped."""
    kept: list[Found] = []
    last_end = -1
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start), _PRIORITY[f.source], f.key)):
        if item.start >= last_end:
            kept.append(item)
            last_end = item.end
    return kept


def _keeps_alias(item: Found, text: str, folded: str, registry: ActorRegistry) -> bool:
    """Context rules for a known name (see context.py)."""
    info = item.info
    if not isinstance(info, AliasInfo):
        return True
    if context.hyphen_prefixed(folded, item.start):
        return False
    matched = folded[item.start:item.end]
    if info.exact_case and (info.guarded or len(matched) <= 2) and context.in_capital_line(text, item.start, item.end):
        return False
    if not info.exact_case and fold_key(matched) in registry.common_words and context.is_sentence_start(text, item.start):
        return False
    if info.ambiguous and context.inside_longer_name(folded, item.start, item.end, registry.common_words):
        return False
    if info.role == ROLE_DEMONYM:
        return not context.language_use(folded, item.start, item.end)
    if info.role == ROLE_CAPITAL:
        return context.acts_after(folded, item.end, item.start) or context.acts_before(folded, item.start)
    return True


_CHAIN_GLUE = re.compile(r"(?:,[ \t]*|[ \t]+)(?:and[ \t]+)?|-|/")


def _coordinated_capitals(found: list[Found], folded: str) -> set[int]:
    """"Ankara and Doha maintain", "between Ankara and Damascus": a list of states acts
    together, so a capital in it acts when the list does."""
    joined: set[int] = set()
    i = 0
    while i < len(found):
        j = i
        while (j + 1 < len(found) and ROLE_DEMONYM not in (found[j].role, found[j + 1].role)
               and _CHAIN_GLUE.fullmatch(folded, found[j].end, found[j + 1].start)):
            j += 1
        if j > i and (context.acts_after(folded, found[j].end, found[i].start)
                      or context.acts_before(folded, found[i].start)):
            joined.update(k for k in range(i, j + 1) if found[k].role == ROLE_CAPITAL)
        i = j + 1
    return joined


def _filter(found: list[Found], text: str, folded: str, registry: ActorRegistry) -> list[Found]:
    kept = {i for i, item in enumerate(found) if _keeps_alias(item, text, folded, registry)}
    kept |= _coordinated_capitals(found, folded) & {
        i for i, item in enumerate(found) if not context.hyphen_prefixed(folded, item.start)}
    return [_with_use(item, folded, registry) for i, item in enumerate(found) if i in kept]


def _with_use(item: Found, folded: str, registry: ActorRegistry) -> Found:
    """Whether a kept country acts here: "in Syria" is only the place of the action, and a
    demonym acts for its state only before a state noun ("Turkish officials", not
    "Palestinian refugees"). Capitals are kept only where they act already."""
    entry = registry.entries.get(item.key)
    if entry is None or entry.kind != "country":
        return item
    if item.role == ROLE_DEMONYM:
        acts = context.demonym_acts(folded, item.end, registry.use_words)
        return item if acts else replace(item, use="mention")
    if item.role != ROLE_CAPITAL and context.only_place(folded, item.start, registry.use_words):
        return replace(item, use="place")
    return item


def _is_person(key: str, registry: ActorRegistry) -> bool:
    entry = registry.entries.get(key)
    return key.startswith(PERSON_PREFIX) or (entry is not None and entry.kind == "person")


def _full_names(found: list[Found], folded: str, registry: ActorRegistry) -> dict[str, list[tuple[int, str]]]:
    """Surname form -> [(where the person is named in full, person key)], in text order."""
    owners: dict[str, list[tuple[int, str]]] = {}
    for item in found:
        if item.key.startswith(SURNAME_PREFIX) or not _is_person(item.key, registry):
            continue
        names = {folded[item.start:item.end]}
        entry = registry.entries.get(item.key)
        if entry is not None:
            names.add(entry.name)
        for name in sorted(names):
            for form in surname_forms(name):
                form = fold_key(form)
                if form not in registry.common_words and registry.lookup(form) is None:
                    owners.setdefault(form, []).append((item.start, item.key))
    return owners


def _owner_at(named: list[tuple[int, str]], pos: int) -> str | None:
    """Whose surname a bare surname at ``pos`` is: the person last named in full before it;
    before any full naming, the one person of that surname the article names, else nobody."""
    before = [key for start, key in named if start < pos]
    if before:
        return before[-1]
    keys = {key for _, key in named}
    return next(iter(keys)) if len(keys) == 1 else None


def _surnames(found: list[Found], text: str, folded: str, registry: ActorRegistry) -> list[Found]:
    """Later (or earlier) surname-only mentions of the people this article names in full."""
    owners = _full_names(found, folded, registry)
    if not owners:
        return []
    extra = []
    for match in surname_pattern(tuple(sorted(owners))).finditer(folded):
        if _case_ok(match.group()) and not context.hyphen_prefixed(folded, match.start()) \
                and not _NAME_GOES_ON.match(folded, match.end()):  # "Brenner Motors": another name
            owner = _owner_at(owners[fold_key(match.group())], match.start())
            if owner is not None:
                extra.append(Found(match.start(), match.end(), owner, source="surname"))
    return extra


def _resolve_surname_refs(found: list[Found], folded: str, registry: ActorRegistry) -> list[Found]:
    """A "surname:x" whose person this article introduced becomes that person (the one
    named last before it, when the article names two people of that surname)."""
    owners = _full_names([f for f in found if f.source in ("alias", "title", "surname", "named")],
                         folded, registry)
    resolved = []
    for item in found:
        if item.key.startswith(SURNAME_PREFIX):
            named = owners.get(item.key[len(SURNAME_PREFIX):])
            owner = _owner_at(named, item.start) if named else None
            if owner is not None:
                item = Found(item.start, item.end, owner, source="surname")
        resolved.append(item)
    return resolved


def _in_headline(text: str, pos: int, seen: dict[int, bool]) -> bool:
    """A short line in Title Case ("Turkey Begins Training ..."): capitals mean nothing."""
    line_start = text.rfind("\n", 0, pos) + 1
    if line_start not in seen:
        line_end = text.find("\n", pos)
        line = text[line_start: line_end if line_end >= 0 else len(text)]
        words = [w for w in line.split() if w[:1].isalpha()] if len(line) <= 150 else []
        seen[line_start] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
    return seen[line_start]


def _capitalised_names(text: str, folded: str, taken: list[Found], registry: ActorRegistry) -> list[Found]:
    """Capitalised names with no title. A known first name before a surname makes a person
    ("Ana Ribeiro", source "named"); other names are never cast, only listed for review."""
    busy = [(f.start, f.end) for f in taken]
    found = []
    headlines: dict[int, bool] = {}
    lists = registry.name_words
    for match in CANDIDATE.finditer(folded):
        start = match.start()
        if _in_headline(text, start, headlines):
            continue
        first = re.match(r"\S+", folded[start:match.end()])
        if context.is_sentence_start(text, start) and not (first and is_first_name(first.group(), lists)):
            start += len(first.group()) if first else 0  # "Officials Ahmed ...": a capital of the sentence
            while folded[start:start + 1] in (" ", "\t"):
                start += 1
        span = clean_name(folded, start, match.end(), registry) if start < match.end() else None
        if span is None or len(folded[span[0]:span[1]].split()) < 2:
            continue
        if any(s < span[1] and span[0] < e for s, e in busy):
            continue
        name = text[span[0]:span[1]]
        if fold_key(name) in registry.ignored:
            continue
        person = name_span(folded, span[0], span[1], registry, titled=False)
        key = person_key(text[person[0]:person[1]], registry) if person else None
        if person is not None and key is not None and len(folded[person[0]:person[1]].split()) >= 2:
            found.append(Found(person[0], person[1], key, source="named"))
        else:
            found.append(Found(span[0], span[1], CANDIDATE_PREFIX + name_key(name), source="candidate"))
    return found


def find_mentions(text: str, registry: ActorRegistry) -> tuple[Mention, ...]:
    """All actor mentions in a plain text, in text order (offsets into ``text``).

    ``Mention.use`` says whether it acts ("actor"), is only the place ("place") or is just
    named ("mention"). ``Mention.actor`` is a registry key: "country:tr", "person:zeki-akturk", ...; keys
    starting "surname:" (a surname this article did not introduce) and "candidate:" (an
    untitled capitalised name) are settled by cast_actors, which drops or lists them.
    """
    folded = fold(text)
    lowered = _lowered(folded)
    found = _without_overlaps(_known_names(folded, lowered, registry) + titled_people(folded, lowered, registry))
    found = _filter(found, text, folded, registry)
    untitled = _capitalised_names(text, folded, found, registry)
    found = _without_overlaps(found + [f for f in untitled if f.source == "named"])
    found = _without_overlaps(found + _surnames(found, text, folded, registry) + reporting_surnames(folded, registry))
    found = _resolve_surname_refs(found, folded, registry)
    found = [f for f in found if not f.key.startswith(SURNAME_PREFIX) or f.source == "reporting"
             or registry.lookup(text[f.start:f.end]) is None]
    busy = [(f.start, f.end) for f in found]
    found = _without_overlaps(found + [f for f in untitled if f.source == "candidate"
                                       and not any(s < f.end and f.start < e for s, e in busy)])
    return tuple(Mention(f.start, f.end, text[f.start:f.end], f.key, f.use) for f in found)
