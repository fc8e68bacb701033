"""Actor recognition: who the articles are about.

    parse_actors_yaml(text, path) -> ActorConfig      content/actors.yaml, validated
    build_registry(config)        -> ActorRegistry    built-in reference data + config
    find_mentions(text, registry) -> (Mention, ...)   per article, pure
    cast_actors(mentions_by_article, registry) -> Cast  corpus level: actors and slugs
    starter_yaml(cast)            -> str              a starter actors.yaml
    actor_rows(cast, event_counts) -> [dict]          rows for `annals actors`

Modules: fold (case/diacritic folding, name keys), trie (one regex for many names), reference
(built-in data from generator/data and pycountry), config (actors.yaml), registry,
context (when a name is an actor, or the place), names (person-name rules), people (titles,
surnames), variants (spellings of one person), mentions, cast, starter.
"""

from .cast import ActorStats, Candidate, Cast, actor_rows, cast_actors
from .config import ActorConfig, ConfigActor, parse_actors_yaml
from .entries import KINDS
from ..slugs import slugify
from .fold import fold, fold_key, name_key
from .mentions import find_mentions
from .registry import ActorRegistry, build_registry
from .starter import starter_yaml

__all__ = [
    "KINDS", "ActorConfig", "ActorRegistry", "ActorStats", "Candidate", "Cast", "ConfigActor",
    "actor_rows", "build_registry", "cast_actors", "find_mentions", "fold", "fold_key",
    "name_key", "parse_actors_yaml", "slugify", "starter_yaml",
]
