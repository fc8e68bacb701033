"""When a capitalised run of words is a person's name.

A discovered person is a title or a known first name before a surname ("Minister Ana
Ribeiro", "Ana Ribeiro"), never a fragment of something else's name. The words that show
what else a run names are data (generator/data/name_words.yaml, first_names.txt); the
rules over them are here:

- the run's last word, or its first, is the head of another kind of name: an
  organisation ("Johns Hopkins University"), a work ("King James Bible"), an event or
  race ("Queen Anne Stakes"), a product ("Shuttle Columbia"), a place ("Victoria
  Station"): not a person;
- leading role words are a role, not the name ("Executive Mark Miller" -> "Mark Miller");
  a run that ends in one is a job title ("Risk Management");
- a run cannot end in a surname prefix ("John Mc" is a cut "McCain");
- without a title, the first word must be a known first name.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fold import fold_key


@dataclass(frozen=True)
class NameWords:
    """The word lists of the person-name rules, as fold_key forms."""

    first_names: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()  # last (or first) words of non-person names
    roles: frozenset[str] = frozenset()  # job and role words
    unfinished: frozenset[str] = frozenset()  # prefixes that cannot end a name
    portfolios: frozenset[str] = frozenset()  # what a title may be "of" ("Minister of Energy")


def load_name_words(first_names: list[str], data: dict) -> NameWords:
    """From the lines of first_names.txt and the mapping in name_words.yaml."""
    heads = {fold_key(str(w)) for words in (data.get("heads") or {}).values() for w in words or ()}
    return NameWords(
        first_names=frozenset(fold_key(w) for line in first_names for w in line.split()),
        heads=frozenset(heads),
        roles=frozenset(fold_key(str(w)) for w in data.get("roles") or ()),
        unfinished=frozenset(fold_key(str(w)) for w in data.get("unfinished") or ()),
        portfolios=frozenset(fold_key(str(w)) for w in data.get("portfolios") or ()),
    )


def leading_roles(words: list[str], lists: NameWords) -> int:
    """How many of the first words are role words ("Chief Executive Mark Miller": 2)."""
    n = 0
    while n < len(words) and fold_key(words[n]) in lists.roles:
        n += 1
    return n


def is_first_name(word: str, lists: NameWords) -> bool:
    return fold_key(word) in lists.first_names


def person_name_problem(words: list[str], titled: bool, lists: NameWords) -> str | None:
    """Why ``words`` (roles already dropped) are not a person's name, or None when they are.

    ``titled``: a title or role stands next to the name ("President ...", "..., spokesman"),
    so an unknown first name is fine; otherwise the first word must be a known first name.
    """
    if not words:
        return "empty"
    keys = [fold_key(w) for w in words]
    if keys[-1] in lists.heads or keys[0] in lists.heads:
        return "the name of an organisation, work, event, product or place"
    if keys[-1] in lists.roles:
        return "a job title"
    if len(words) > 1 and (keys[-1] in lists.unfinished or len(keys[-1].rstrip(".")) < 2):
        return "cut short"
    if any(any(c.isdigit() for c in k) for k in keys):
        return "a product or model number"
    if not titled and (len(words) < 2 or keys[0] not in lists.first_names):
        return "no title and no known first name"
    return None
