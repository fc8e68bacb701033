"""The one slug function: page addresses for articles, actors and event ids in any script.

A slug is lower-case ASCII letters, digits and single hyphens, at most SLUG_MAX characters:
it is a safe file name on every system and a path part that cannot climb out of a folder
(no "/", no "..", never empty), so whatever a title or a front matter `slug:` holds, the
page lands where output.safe_relative allows. Other scripts are transliterated with
anyascii ("Дамаск" -> "damask", "Αθήνα" -> "athina", "北京" -> "beijing") instead of being
dropped, so a non-Latin name keeps a readable address of its own.

Slugs are addresses, not identities: two different names may transliterate alike ("Бен"
and "Ben"). Whoever keeps a set of them gives the later one a suffix with unique_slug;
lookups by name use folded names (generator.actors.fold), never slugs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from anyascii import anyascii

SLUG_MAX = 80
# anyascii writes the curly and modifier apostrophes as these two; inside a word they join
# it ("O'Rourke" -> "orourke", "don't" -> "dont") rather than split it.
_APOSTROPHES = re.compile(r"['`]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "") -> str:
    """"Türkiye & Syria" -> "turkiye-syria", "Дамаск" -> "damask"; ``fallback`` when the text
    has no letter or digit in any script ("!!!", "")."""
    ascii_text = anyascii(unicodedata.normalize("NFC", text))
    slug = _NOT_SLUG.sub("-", _APOSTROPHES.sub("", ascii_text).lower()).strip("-")
    if len(slug) > SLUG_MAX:
        cut = slug[:SLUG_MAX]
        # Cut at a hyphen when there is one in the last third: whole words read better.
        slug = cut[:cut.rfind("-")] if cut.rfind("-") > SLUG_MAX * 2 // 3 else cut
    return slug.strip("-") or fallback


def unique_slug(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first that ``taken`` does not hold. The
    caller decides the order in which names ask, which makes the suffixes deterministic."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def is_slug(text: str) -> bool:
    """Whether ``text`` is already a slug (what slugify would keep as it is)."""
    return bool(text) and len(text) <= SLUG_MAX and slugify(text) == text
