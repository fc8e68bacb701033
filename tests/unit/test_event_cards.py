"""Event cards made once a build (render/cards.py) and their views kept between builds."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.render.cards import CardMaker, EventMemo, macro_is_reusable
from generator.render.theme import make_environment

REPO = Path(__file__).resolve().parents[2]


def environment(macros: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"_macros.html": macros}), autoescape=True)


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
    env = environment('{% macro event_item(ev) %}<a href="{{ href("actors/" ~ ev ~ "/") }}">{{ ev }}</a>{% endmacro %}')
    made = []
    maker = CardMaker(env, EventMemo(), links)

    def fallback(view):
        made.append(view)
        return Markup("fallback")

    assert maker.card("x", "years/2025/index.html", fallback) == '<a href="../../actors/x/">x</a>'
    assert maker.card("x", "index.html", fallback) == '<a href="actors/x/">x</a>'
    assert maker.card("x", "a/b/c/index.html", fallback) == '<a href="../../../actors/x/">x</a>'
    assert made == [] and len(maker.memo.cards) == 1


def test_a_link_to_a_fragment_of_the_page_itself_is_made_by_that_page():
    """urls.link writes "#e1" for a fragment of the page it is on: that page's card differs."""
    env = environment('{% macro event_item(ev) %}<a href="{{ href("articles/a/#" ~ ev) }}">{{ ev }}</a>{% endmacro %}')
    maker = CardMaker(env, EventMemo(), links)
    assert maker.card("e1", "articles/a/index.html", lambda view: Markup("own")) == "own"
    assert maker.card("e1", "articles/b/index.html", lambda view: Markup("own")) == '<a href="../../articles/a/#e1">e1</a>'


def test_a_theme_whose_card_reads_more_has_every_card_made_by_the_page():
    env = environment("{% macro event_item(ev) %}{{ page.path }}{% endmacro %}")
    maker = CardMaker(env, EventMemo(), links)
    assert maker.card("e1", "index.html", lambda view: Markup("page's own")) == "page's own"
    assert not maker.memo.cards


class Citation:
    def __init__(self, article: str):
        self.article = article


class Event:
    def __init__(self, event_id: str, *articles: str):
        self.id, self.citations = event_id, [Citation(a) for a in articles]


def test_a_view_is_kept_for_the_same_event_citing_the_same_analyses():
    memo, event, analyses = EventMemo(), Event("e1", "a", "b"), {"a": object(), "b": object()}
    memo.start([event], cast=("cast",))
    memo.keep_view(event, analyses.get, None, "view")
    assert memo.view(event, analyses.get, None) == "view"
    assert memo.view(Event("e1", "a", "b"), analyses.get, None) is None  # another object
    assert memo.view(event, analyses.get, "picture") is None  # another picture
    edited = analyses | {"b": object()}
    assert memo.view(event, edited.get, None) is None  # a cited article analysed again
    memo.start([event], cast=("other cast",))  # the actors' names may differ
    assert memo.view(event, analyses.get, None) is None


def test_a_new_timeline_forgets_the_views_and_cards_of_events_gone():
    memo, kept, gone = EventMemo(), Event("e1", "a"), Event("e2", "a")
    analyses = {"a": object()}
    views = {event: f"view of {event.id}" for event in (kept, gone)}
    memo.start([kept, gone], cast=())
    for event, view in views.items():
        memo.keep_view(event, analyses.get, None, view)
        memo.put(view, ("<li></li>", ()))
    memo.start([kept], cast=())
    assert memo.view(kept, analyses.get, None) == "view of e1" and memo.get(views[kept]) is not None
    assert memo.view(gone, analyses.get, None) is None
    assert memo.get(views[gone]) is None
