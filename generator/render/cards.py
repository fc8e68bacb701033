"""Event cards made once and reused on every page that lists the event.

An event appears on many pages (the home timeline, its year or month page, the embeds, the
page of each of its actors and their year pages), and a build after an edit makes again
every page listing one of the edited article's events: tens of thousands of cards, nearly
all as they were. The theme's ``event_item`` macro is a function of the event's view
(views.EventView) and of where the page lies, because its links are relative. So a
card is made once, with links written from a placeholder root, and each page puts in its
own way back to the root (urls.root_of); a link that would come out otherwise on some page
(to a fragment of that very page) sends that page back to the macro itself.

This holds only for a macro that reads nothing of the page but the link helpers: a theme
whose ``event_item`` reads anything else (``page``, the paging) has every card made by the
macro, as before (``macro_is_reusable``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from . import urls
from .views import LazyEventView

CARD_TEMPLATE = "_macros.html"
CARD_MACRO = "event_item"
# What the card's context holds that depends on the page only through its place in the
# layout (the link helpers) or not at all (the settings, the writing direction).
PLACE_NAMES = frozenset({"href", "actor_href", "article_href", "media_src"})
FIXED_NAMES = frozenset({"site", "dir"})
JINJA_NAMES = frozenset({"loop", "caller", "varargs", "kwargs", "true", "false", "none",
                         "True", "False", "None"})
Card = tuple[str, tuple[str, ...]]  # a card's HTML, and its links some page writes otherwise
MAX_CARDS = 40_000  # about 50 MB of cards: more than a 5,000-article archive's events


def macro_is_reusable(env: jinja2.Environment, template: str = CARD_TEMPLATE, name: str = CARD_MACRO) -> bool:
    """Whether the theme's card macro reads only what a card made elsewhere would give
    the same: its argument, the link helpers, the settings and the environment's globals
    (gettext...), and macros of its template that read no more."""
    try:
        source, _, _ = env.loader.get_source(env, template)  # type: ignore[union-attr]
        tree = env.parse(source)
    except (jinja2.TemplateError, AttributeError):
        return False
    macros = {m.name: m for m in tree.find_all(nodes.Macro)}
    allowed = PLACE_NAMES | FIXED_NAMES | JINJA_NAMES | set(env.globals)
    seen: set[str] = set()

    def reads_only_allowed(macro_name: str) -> bool:
        if macro_name in seen:
            return True
        seen.add(macro_name)
        macro = macros[macro_name]
        declared = {a.name for a in macro.args} | {n.name for n in macro.find_all(nodes.Name)
                                                    if n.ctx in ("store", "param")}
        for node in macro.find_all(nodes.Name):
            if node.ctx != "load" or node.name in declared or node.name in allowed:
                continue
            if node.name not in macros or not reads_only_allowed(node.name):
                return False
        return not any(True for _ in macro.find_all((nodes.Import, nodes.FromImport, nodes.Include,
                                                     nodes.Extends)))

    return name in macros and reads_only_allowed(name)


class EventMemo:
    """Event cards made for one environment (theme, settings, code) and kept for the next
    build in the same process: ``annals serve``, and the build server, whose forked
    workers inherit the cards and send back those they made (``take_made``).

    A card is kept by its timeline event's identity with the analyses of the articles it
    cites and its picture: an event that is the very object of the last build's timeline,
    citing the very same analyses, shows as it did (its view is a function of these and of
    the actors' names, and is never made for a kept card). Only the card's text is kept,
    with the targets of its links that some page would not write as root + target (links
    with a fragment, or none at all). Bounded: past ``limit`` cards the oldest half is
    forgotten (pages listing the same events are made one after the other: an actor's
    page, its years, its embeds)."""

    def __init__(self, limit: int = MAX_CARDS):
        self.limit = limit
        # id(event) -> (event, cited analyses, picture, (card, special targets))
        self.cards: dict[int, tuple[Any, tuple, Any, Card]] = {}
        self.made: dict[str, Card] = {}  # event id -> card, made since take_made
        self.cast: object = None  # the actors the cards name
        self.macro: tuple | None = None  # (environment, the card macro bound to the placeholder, or None)
        self.targets: list[str] = []  # the links of the card being made
        self.placeholder = "annalsroot" + secrets.token_hex(12)  # letters and digits: never escaped

    def start(self, events: Iterable[Any], cast: object) -> None:
        """A new timeline: forget the cards of events no longer in it (all of them when the
        actors' names may differ)."""
        if cast != self.cast:
            self.cards, self.cast = {}, cast
        live = set(map(id, events))
        self.cards = {k: v for k, v in self.cards.items() if k in live}
        self.made = {}

    def get(self, shown: LazyEventView) -> Card | None:
        """The card kept for ``shown``, if made from what it is made of now."""
        event = shown.event
        entry = self.cards.get(id(event))
        if entry is None or entry[0] is not event or entry[2] != shown.picture:
            return None
        cited = shown.cited()
        if len(cited) != len(entry[1]) or any(a is not b for a, b in zip(cited, entry[1])):
            return None
        return entry[3]

    def put(self, shown: LazyEventView, card: Card) -> None:
        """A card made here."""
        self.keep(shown, card)
        self.made[shown.event.id] = card

    def keep(self, shown: LazyEventView, card: Card) -> None:
        """A card made here or by a worker for the same timeline."""
        if len(self.cards) >= self.limit:
            for old in list(self.cards)[: self.limit // 2]:
                del self.cards[old]
        self.cards[id(shown.event)] = (shown.event, shown.cited(), shown.picture, card)

    def take_made(self) -> dict[str, Card]:
        """The cards made since the last call, by event id (a worker's, for the server)."""
        made, self.made = self.made, {}
        return made


class CardMaker:
    """Cards for one build's pages: from the memo, or made by the macro bound to a context
    whose links start at the memo's placeholder."""

    def __init__(self, env: jinja2.Environment, memo: EventMemo, context: Callable[[Callable[[str], str]], dict]):
        self.memo = memo
        if memo.macro is None or memo.macro[0] is not env:  # the memo is for one environment
            memo.macro = (env, self._bound_macro(env, context))
        self._macro = memo.macro[1]

    def _bound_macro(self, env: jinja2.Environment, context: Callable[[Callable[[str], str]], dict]):
        if not macro_is_reusable(env):
            return None
        placeholder, memo = self.memo.placeholder, self.memo

        def href(target: str) -> str:
            memo.targets.append(target)
            return placeholder + target

        module = env.get_template(CARD_TEMPLATE).make_module(vars=context(href))
        return getattr(module, CARD_MACRO)

    def card(self, view: Any, page_path: str, fallback: Callable[[Any], Markup]) -> Markup:
        """The card of ``view`` (a views.LazyEventView: else the page makes it) on the page
        at ``page_path``; ``fallback``: the page's own macro, for cards this page must make
        itself."""
        if self._macro is None or not isinstance(view, LazyEventView):
            return fallback(view)
        known = self.memo.get(view)
        if known is None:
            self.memo.targets = []
            html = str(self._macro(view))
            known = (html, tuple(t for t in self.memo.targets if not t or "#" in t))
            self.memo.put(view, known)
        html, special = known
        root = urls.root_of(page_path)
        if any(urls.link(page_path, target) != root + target for target in special):
            return fallback(view)
        return Markup(html.replace(self.memo.placeholder, root))
