"""Event cards made once a build (render/cards.py) and kept between builds."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.render.cards import CardMaker, EventMemo, macro_is_reusable
from generator.render.theme import make_environment
from generator.render.views import LazyEventView

REPO = Path(__file__).resolve().parents[2]


def environment(macros: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"_macros.html": macros}), autoescape=True)


class Citation:
    def __init__(self, article: str):
        self.article = article


class Event:
    def __init__(self, event_id: str, *articles: str):
        self.id, self.citations = event_id, [Citation(a) for a in articles]


class Views:
    """What a LazyEventView reads of views.Views: the analyses, the pictures, the views."""

    def __init__(self, analyses: dict | None = None, images: dict | None = None):
        self.articles, self.images, self.made = analyses or {}, images or {}, []

    def event(self, event: Event) -> str:
        self.made.append(event.id)
        return f"view of {event.id}"


def shown(event_id: str, views: Views | None = None, *articles: str) -> LazyEventView:
    return LazyEventView(Event(event_id, *articles), views or Views())


def links(href):
    return {"href": href, "site": None, "dir": "ltr"}


def test_the_default_theme_s_card_reads_only_the_link_helpers():
    assert macro_is_reusable(make_environment(REPO / "themes" / "default"))


def test_a_card_reading_the_page_or_the_paging_is_not_reused():
    assert not macro_is_reusable(environment("{% macro event_item(ev) %}{{ page.path }}{% endmacro %}"))
    assert not macro_is_reusable(environment("{% macro event_item(ev) %}{{ href(event_url(ev.id)) }}{% endmacro %}"))
    # through a macro it calls, too
    assert not macro_is_reusable(environment(
        "{% macro inner(x) %}{{ page }}{% endmacro %}{% macro event_item(ev) %}{{ inner(ev) }}{% endmacro %}"))
    assert macro_is_reusable(environment(
        "{% macro inner(x) %}{{ href(x) }}{% endmacro %}{% macro event_item(ev) %}{% set t = ev %}"
        "{% for a in t %}{{ inner(a) }}{% endfor %}{% endmacro %}"))
    assert not macro_is_reusable(environment("{% macro other(ev) %}{% endmacro %}"))


def test_a_card_is_made_once_and_takes_each_page_s_way_to_the_root():
    env = environment('{% macro event_item(ev) %}<a href="{{ href("actors/" ~ ev.id ~ "/") }}">{{ ev.id }}</a>{% endmacro %}')
    made, x = [], shown("x")
    maker = CardMaker(env, EventMemo(), links)

    def fallback(view):
        made.append(view)
        return Markup("fallback")

    assert maker.card(x, "years/2025/index.html", fallback) == '<a href="../../actors/x/">x</a>'
    assert maker.card(x, "index.html", fallback) == '<a href="actors/x/">x</a>'
    assert maker.card(x, "a/b/c/index.html", fallback) == '<a href="../../../actors/x/">x</a>'
    assert made == [] and len(maker.memo.cards) == 1


def test_a_kept_card_is_shown_without_its_view():
    env = environment('{% macro event_item(ev) %}<li>{{ ev.label }}</li>{% endmacro %}')
    views, event, memo = Views(), Event("e1"), EventMemo()
    memo.start([event], cast=())
    first = CardMaker(env, memo, links).card(LazyEventView(event, views), "index.html", lambda v: Markup(""))
    again = CardMaker(env, memo, links).card(LazyEventView(event, views), "index.html", lambda v: Markup(""))
    assert first == again == "<li></li>"  # (the stand-in view has no label)
    assert views.made == ["e1"]  # the view made once, for the first card


def test_a_view_that_is_not_a_list_s_is_made_by_the_page():
    env = environment('{% macro event_item(ev) %}<li>{{ ev }}</li>{% endmacro %}')
    maker = CardMaker(env, EventMemo(), links)
    assert maker.card("an EventView", "index.html", lambda view: Markup("own")) == "own"
    assert not maker.memo.cards


def test_a_link_to_a_fragment_of_the_page_itself_is_made_by_that_page():
    """urls.link writes "#e1" for a fragment of the page it is on: that page's card differs."""
    env = environment('{% macro event_item(ev) %}<a href="{{ href("articles/a/#" ~ ev.id) }}">{{ ev.id }}</a>{% endmacro %}')
    maker, e1 = CardMaker(env, EventMemo(), links), shown("e1")
    assert maker.card(e1, "articles/a/index.html", lambda view: Markup("own")) == "own"
    assert maker.card(e1, "articles/b/index.html", lambda view: Markup("own")) == '<a href="../../articles/a/#e1">e1</a>'


def test_a_theme_whose_card_reads_more_has_every_card_made_by_the_page():
    env = environment("{% macro event_item(ev) %}{{ page.path }}{% endmacro %}")
    maker = CardMaker(env, EventMemo(), links)
    assert maker.card(shown("e1"), "index.html", lambda view: Markup("page's own")) == "page's own"
    assert not maker.memo.cards



def test_a_card_is_kept_for_the_same_event_citing_the_same_analyses():
    analyses = {"a": object(), "b": object()}
    views, event = Views(analyses), Event("e1", "a", "b")
    memo = EventMemo()
    memo.start([event], cast=("cast",))
    memo.put(LazyEventView(event, views), ("<li></li>", ()))
    assert memo.get(LazyEventView(event, views)) == ("<li></li>", ())
    assert memo.get(LazyEventView(Event("e1", "a", "b"), views)) is None  # another object
    assert memo.get(LazyEventView(event, Views(analyses, {"e1": "picture"}))) is None  # another picture
    assert memo.get(LazyEventView(event, Views(analyses | {"b": object()}))) is None  # an article analysed again
    memo.start([event], cast=("other cast",))  # the actors' names may differ
    assert memo.get(LazyEventView(event, views)) is None


def test_a_new_timeline_forgets_the_cards_of_events_gone():
    views, kept, gone = Views({"a": object()}), Event("e1", "a"), Event("e2", "a")
    memo = EventMemo()
    memo.start([kept, gone], cast=())
    for event in (kept, gone):
        memo.put(LazyEventView(event, views), ("<li></li>", ()))
    memo.start([kept], cast=())
    assert memo.get(LazyEventView(kept, views)) is not None
    assert memo.get(LazyEventView(gone, views)) is None


def test_the_cards_made_here_are_taken_once_and_those_kept_from_a_worker_are_not():
    views, made, received = Views(), Event("e1"), Event("e2")
    memo = EventMemo()
    memo.start([made, received], cast=())
    memo.put(LazyEventView(made, views), ("<li>1</li>", ()))
    memo.keep(LazyEventView(received, views), ("<li>2</li>", ()))
    assert memo.take_made() == {"e1": ("<li>1</li>", ())} and memo.take_made() == {}
    assert memo.get(LazyEventView(received, views)) == ("<li>2</li>", ())
