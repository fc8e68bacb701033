"""starter_yaml: a content/actors.yaml written from what the build discovered."""

from __future__ import annotations

import yaml

from .cast import Cast

HEADER = """\
# Actors of this site, written by Annals from what it found in the articles.
# Edit freely: rename (name:), merge spellings (aliases:), describe (description:),
# group (member_of:), fix a page address (slug:), or list names under ignore: that
# must never be actors. Entries here win over the built-in countries, organisations
# and people, and each entry's slug keeps its page address stable.
"""


def _entry(actor, parents: dict[str, str]) -> dict:
    entry: dict = {"name": actor.name, "kind": actor.kind, "slug": actor.slug}
    if actor.aliases:
        entry["aliases"] = list(actor.aliases)
    if actor.description:
        entry["description"] = actor.description
    if actor.member_of:
        entry["member_of"] = [parents.get(slug, slug) for slug in actor.member_of]
    return entry


def starter_yaml(cast: Cast) -> str:
    """A starter actors.yaml: every cast actor, plus review candidates as comments."""
    names = {actor.slug: actor.name for actor in cast.actors}
    body = {"actors": [_entry(actor, names) for actor in cast.actors], "ignore": []}
    text = HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    if cast.candidates:
        lines = ["", "# Names seen without a title or role (not actors yet). To make one an actor,",
                 "# move it under actors: with its kind; to silence it, add it to ignore:."]
        for candidate in cast.candidates:
            lines.append(f"#   - {candidate.name}  ({candidate.mentions} mention"
                         f"{'s' if candidate.mentions != 1 else ''} in {len(candidate.articles)} article"
                         f"{'s' if len(candidate.articles) != 1 else ''})")
        text += "\n".join(lines) + "\n"
    return text
