"""content/actors.yaml: the user's actors and the names never to treat as actors.

Accepted shapes (all equivalent)::

    actors:                         # a list ...
      - name: Türkiye
        kind: country
        aliases: [Turkey, Ankara]
        description: Republic of Türkiye
        member_of: NATO
        slug: turkiye
    ignore: [Sources, Golan Heights]

    actors:                         # ... or a mapping from name to fields
      Türkiye: {kind: country, aliases: [Turkey]}

    - name: Türkiye                 # or just the list of actors at the top level

Every error names the file and the line of the offending entry.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .. import yamlload
from ..errors import ContentError
from ..slugs import slugify
from .entries import KINDS
from .fold import fold_key

FIELDS = ("name", "kind", "aliases", "description", "member_of", "slug")
_LIKELY_TYPOS = {"alias": "aliases", "type": "kind", "members_of": "member_of",
                 "memberof": "member_of", "member": "member_of", "parent": "member_of",
                 "desc": "description", "title": "name"}


@dataclass(frozen=True)
class ConfigActor:
    name: str
    kind: str | None = None  # None: taken from the built-in actor it refines, else guessed
    aliases: tuple[str, ...] = ()
    description: str = ""
    member_of: tuple[str, ...] = ()  # names, aliases or slugs of other actors
    slug: str | None = None
    line: int | None = None  # where the entry starts in the file (1-based)


@dataclass(frozen=True)
class ActorConfig:
    actors: tuple[ConfigActor, ...] = ()
    ignore: tuple[str, ...] = ()
    path: str = "content/actors.yaml"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


# Names become a pattern over every article (actors.trie), one nesting level per letter:
# far longer than any real name, far shorter than Python's recursion limit.
NAME_MAX = 200


class _Parser:
    """Walks the YAML node tree so that every complaint can point at a line."""

    def __init__(self, text: str, path: str):
        self.path = path
        self.text = text
        self.loader: yamlload.SiteLoader | None = None

    def fail(self, node: yaml.Node | None, message: str) -> ContentError:
        return ContentError(self.path, message, _line(node) if node is not None else None)

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{what} must be a single value, not a list or mapping")
        try:
            value = self.loader.construct_object(node)
        except yamlload.ImpossibleDate as exc:
            raise self.fail(node, f"{what}: {yamlload.error_problem(exc)}") from None
        if value is None:
            return ""
        if isinstance(value, (bool, list, dict)):
            raise self.fail(node, f"{what} must be text")
        return str(value).strip()

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        """A single string or a list of strings."""
        if isinstance(node, yaml.SequenceNode):
            values = tuple(self.scalar(item, what) for item in node.value)
        else:
            values = (self.scalar(node, what),)
        return tuple(v for v in values if v)

    def parse(self) -> ActorConfig:
        try:
            self.loader = yamlload.SiteLoader(self.text)
            root = self.loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise ContentError(self.path, f"not valid YAML: {problem}", line) from None
        finally:
            if self.loader is not None:
                self.loader.dispose()
        if root is None:
            return ActorConfig(path=self.path)
        if isinstance(root, yaml.SequenceNode):
            return self.validate(self.actor_list(root), (), root)
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(root, "expected `actors:` (a list of actors) and optionally `ignore:`")
        keys = {self.scalar(k, "a key"): (k, v) for k, v in root.value}
        if "actors" not in keys and "ignore" not in keys:
            return self.validate(self.actor_mapping(root), (), root)
        for key, (key_node, _) in keys.items():
            if key not in ("actors", "ignore"):
                raise self.fail(key_node, f"unknown top-level key {key!r}: use `actors:` and `ignore:`")
        actors: list[ConfigActor] = []
        if "actors" in keys:
            node = keys["actors"][1]
            if isinstance(node, yaml.SequenceNode):
                actors = self.actor_list(node)
            elif isinstance(node, yaml.MappingNode):
                actors = self.actor_mapping(node)
            elif not (isinstance(node, yaml.ScalarNode) and self.scalar(node, "actors") == ""):
                raise self.fail(node, "`actors:` must be a list of actors or a mapping of names to fields")
        ignore = self.strings(keys["ignore"][1], "an ignore entry") if "ignore" in keys else ()
        return self.validate(actors, ignore, root)

    def actor_list(self, node: yaml.SequenceNode) -> list[ConfigActor]:
        actors = []
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):  # "- Türkiye": a name alone
                actors.append(ConfigActor(name=self.scalar(item, "an actor"), line=_line(item)))
            elif isinstance(item, yaml.MappingNode):
                actors.append(self.actor(item, None))
            else:
                raise self.fail(item, "an actor must be a mapping with at least `name:`")
        return actors

    def actor_mapping(self, node: yaml.MappingNode) -> list[ConfigActor]:
        actors = []
        for key_node, value in node.value:
            name = self.scalar(key_node, "an actor name")
            if isinstance(value, yaml.MappingNode):
                actors.append(self.actor(value, name, _line(key_node)))
            elif isinstance(value, yaml.ScalarNode) and self.scalar(value, "fields") == "":
                actors.append(ConfigActor(name=name, line=_line(key_node)))
            else:
                raise self.fail(value, f"the fields of {name!r} must be a mapping (kind:, aliases: ...)")
        return actors

    def actor(self, node: yaml.MappingNode, name: str | None, line: int | None = None) -> ConfigActor:
        fields: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = self.scalar(key_node, "a field name")
            if key not in FIELDS:
                hint = f" (did you mean {_LIKELY_TYPOS[key]!r}?)" if key in _LIKELY_TYPOS else ""
                raise self.fail(key_node, f"unknown field {key!r}{hint}; fields are {', '.join(FIELDS)}")
            if key in fields:
                raise self.fail(key_node, f"field {key!r} given twice")
            fields[key] = value
        if "name" in fields:
            name = self.scalar(fields["name"], "name")
        if not name:
            raise self.fail(node, "an actor needs a `name:`")
        kind = self.scalar(fields["kind"], "kind").lower() if "kind" in fields else None
        if kind is not None and kind not in KINDS:
            raise self.fail(fields["kind"], f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        slug = self.scalar(fields["slug"], "slug") if "slug" in fields else None
        if slug:
            # Any script: "слуг" is written as its transliteration, the address the page gets.
            slug = slugify(slug)
            if not slug:
                raise self.fail(fields["slug"], "slug must contain letters or digits")
        return ConfigActor(
            name=name,
            kind=kind or None,
            aliases=self.strings(fields["aliases"], "an alias") if "aliases" in fields else (),
            description=self.scalar(fields["description"], "description") if "description" in fields else "",
            member_of=self.strings(fields["member_of"], "member_of") if "member_of" in fields else (),
            slug=slug or None,
            line=line or _line(node),
        )

    def validate(self, actors: list[ConfigActor], ignore: tuple[str, ...], root: yaml.Node) -> ActorConfig:
        owner: dict[str, ConfigActor] = {}
        slugs: dict[str, ConfigActor] = {}
        for actor in actors:
            for text in (actor.name, *actor.aliases):
                if len(text) > NAME_MAX:
                    raise ContentError(self.path, f"{text[:40]!r}… is {len(text)} characters long: an actor "
                                       f"name or alias is at most {NAME_MAX}", actor.line)
                key = fold_key(text)
                first = owner.get(key)
                if first is not None and first is not actor:
                    raise ContentError(self.path, f"{text!r} names both {first.name!r} (line "
                                       f"{first.line}) and {actor.name!r}: give it to one actor", actor.line)
                owner[key] = actor
            if actor.slug:
                if actor.slug in slugs:
                    raise ContentError(self.path, f"slug {actor.slug!r} is already used by "
                                       f"{slugs[actor.slug].name!r} (line {slugs[actor.slug].line})", actor.line)
                slugs[actor.slug] = actor
        ignored = {fold_key(i) for i in ignore}
        for actor in actors:
            if fold_key(actor.name) in ignored:
                raise ContentError(self.path, f"{actor.name!r} is both an actor and in `ignore:`", actor.line)
        return ActorConfig(actors=tuple(actors), ignore=tuple(ignore), path=self.path)


def parse_actors_yaml(text: str, path: str = "content/actors.yaml") -> ActorConfig:
    """Parse and validate content/actors.yaml; raise ContentError(path, message, line)."""
    return _Parser(text, path).parse()
