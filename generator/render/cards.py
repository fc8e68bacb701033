"""Event cards made once and reused on every page that lists the event.

An event appears on many pages (the home timeline, its year or month page, the embeds, the
page of each of its actors and their year pages), and a build after an edit makes again
every page listing one of the edited article's events: tens of thousands of cards, nearly
all as they were. The theme's ``event_item`` macro is a function of the event's view
(views.EventView, a value) and of where the page lies, because its links are relative. So a
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

CARD_TEMPLATE = "_macros.html"
CARD_MACRO = "event_item"
# What the card's context holds that depends on the page only through its place in the
# layout (the link helpers) or not at all (the settings, the writing direction).
PLACE_NAMES = frozenset({"href", "actor_href", "article_href", "media_src"})
FIXED_NAMES = frozenset({"site", "dir"})
JINJA_NAMES = frozenset({"loop", "caller", "varargs", "kwargs", "true", "false", "none",
                         "True", "False", "None"})
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
    """Event views and their cards, made for one environment (theme, settings, code) and
    kept for the next build in the same process: ``annals serve``, and the build server
    where it renders the pages itself (a small site; a big one's forked workers keep
    theirs, which die with the build).

    A view is kept by its timeline event's identity with the analyses of the articles it
    cites and its picture: an event that is the very object of the last build's timeline,
    citing the very same analyses, shows as it did. A card is kept by its view's value,
    with the targets of its links that some page would not write as root + target (links
    with a fragment, or none at all). Bounded: past ``limit`` cards the oldest half is
    forgotten (pages listing the same events are made one after the other: an actor's
    page, its years, its embeds)."""

    def __init__(self, limit: int = MAX_CARDS):
        self.limit = limit
        self.cards: dict[Any, tuple[str, tuple[str, ...]]] = {}
        self.views: dict[int, tuple] = {}  # id(event) -> (event, cited analyses, picture, view)
        self.cast: object = None  # the actors the views name
        self.macro: tuple | None = None  # (environment, the card macro bound to the placeholder, or None)
        self.targets: list[str] = []  # the links of the card being made
        self.placeholder = "annalsroot" + secrets.token_hex(12)  # letters and digits: never escaped

    def start(self, events: Iterable[Any], cast: object) -> None:
        """A new timeline: forget the views of events no longer in it (all of them when the
        actors' names may differ), and the cards only they had."""
        if cast != self.cast:
            self.views, self.cast = {}, cast
        live = set(map(id, events))
        self.views = {k: v for k, v in self.views.items() if k in live}
        # by value: a view made again equal to the last one leaves the card under the older
        # key object (views hash once: the set and the deletions are cheap)
        kept = {entry[3] for entry in self.views.values()}
        for view in [v for v in self.cards if v not in kept]:
            del self.cards[view]

    def view(self, event: Any, analyses: Callable[[str], Any], picture: Any) -> Any:
        """The view kept for ``event``, if made from what it is made of now."""
        entry = self.views.get(id(event))
        if entry is None or entry[0] is not event or entry[2] != picture:
            return None
        if any(analyses(c.article) is not a for c, a in zip(event.citations, entry[1])):
            return None
        return entry[3]

    def keep_view(self, event: Any, analyses: Callable[[str], Any], picture: Any, view: Any) -> None:
        self.views[id(event)] = (event, tuple(analyses(c.article) for c in event.citations), picture, view)

    def get(self, view: Any) -> tuple[str, tuple[str, ...]] | None:
        return self.cards.get(view)

    def put(self, view: Any, card: tuple[str, tuple[str, ...]]) -> None:
        if len(self.cards) >= self.limit:
            for old in list(self.cards)[: self.limit // 2]:
                del self.cards[old]
        self.cards[view] = card


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
        """The card of ``view`` on the page at ``page_path``; ``fallback``: the page's own
        macro, for cards this page must make itself."""
        if self._macro is None:
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
