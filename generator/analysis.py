"""One article, analysed: dateline, sentences, dates, actors and events.

`analyse_article` is a pure function of the article and the settings that affect it, so
results can be cached by content (serve does) and spread over processes (build does).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import actors as actor_lookup
from .cruft import mark_cruft
from .dateline import read_article_head
from .events import extract_events
from .model import Article, ArticleAnalysis, Dateline, Mention, Problem, Sentence, TimeExpr
from .text import plain_text, sentences
from .timex import tag


@dataclass(frozen=True)
class AnalysisSettings:
    """What, besides its text, an article's analysis depends on."""

    language: str = "en"
    day_first: bool = False
    registry: object = None  # actors.ActorRegistry


def analyse_article(article: Article, settings: AnalysisSettings) -> ArticleAnalysis:
    text = plain_text(article.body)
    lang = article.lang or settings.language
    dateline, furniture = _head(article, text.text, lang, settings.day_first)
    found = tuple(t for t in tag(text.text, dateline.date, lang=lang, day_first=settings.day_first)
                  if not _inside(t, dateline))
    split = mark_cruft(_after_dateline(sentences(text.text), dateline), furniture)
    mentions = _outside_cruft(actor_lookup.find_mentions(text.text, settings.registry), split)
    declared = _declared_actors(article, settings.registry)
    events = extract_events(article.slug, split, found, mentions, tuple(m.actor for m in declared),
                            dateline.date, lang, _backdrop(mentions, settings.registry))
    return ArticleAnalysis(article, dateline, text, split, found, mentions + declared, events,
                           _problems(article, dateline, found, text, declared))


def _head(article: Article, text: str, lang: str, day_first: bool):
    """The dateline and furniture read when the article was loaded (else read them now)."""
    if article.dateline is not None:
        return article.dateline, article.furniture
    head = read_article_head(text, article.date, lang=lang, day_first=day_first)
    return head.dateline, head.furniture


def _inside(timex: TimeExpr, dateline: Dateline) -> bool:
    return dateline.span is not None and timex.start < dateline.span[1] and timex.end > dateline.span[0]


def _after_dateline(found: tuple[Sentence, ...], dateline: Dateline) -> tuple[Sentence, ...]:
    """Sentences without the dateline itself ("ANKARA, July 23, 2025 (Reuters) - ")."""
    if dateline.span is None:
        return found
    cut = dateline.span[1]
    out = []
    for sentence in found:
        if sentence.end <= cut:
            continue
        if sentence.start < cut:
            offset = cut - sentence.start
            sentence = replace(sentence, start=cut, text=sentence.text[offset:])
        out.append(sentence)
    return tuple(out)


def _outside_cruft(mentions, split: tuple[Sentence, ...]):
    """Names in newsletter boxes or headlines pasted below the article are not its actors."""
    cruft = [(s.start, s.end) for s in split if s.cruft]
    return tuple(m for m in mentions if not any(a <= m.start < b for a, b in cruft))


def _backdrop(mentions, registry) -> frozenset[str]:
    """The countries and places named: they do not keep the front matter's actors out of
    a sentence (see events.extract_events)."""
    entries = registry.entries if registry is not None else {}
    return frozenset(m.actor for m in mentions
                     if m.actor in entries and entries[m.actor].kind in ("country", "place"))


def _declared_actors(article: Article, registry) -> tuple[Mention, ...]:
    """Front matter `actors:`: the article is about them, so each of its events involves them.

    They have no place in the text, so their mentions carry an empty span at the start.
    """
    keys = ((name, registry.key_for_name(name)) for name in article.actors)
    return tuple(Mention(0, 0, name, key) for name, key in keys if key)


def _problems(article: Article, dateline: Dateline, found: tuple[TimeExpr, ...],
              text, declared: tuple[Mention, ...]) -> tuple[Problem, ...]:
    problems = [Problem(article.path, f"front matter actor {name!r} is not a known actor: add it to "
                        "content/actors.yaml", 1, "warning", "unknown-actor")
                for name in article.actors if name not in {m.text for m in declared}]
    if dateline.year_from:
        problems.append(Problem(article.path, f"the dateline {dateline.text.strip()!r} prints no year; "
                                f"{dateline.date.year} was taken from the dated articles beside it: add "  # type: ignore[union-attr]
                                "`date: YYYY-MM-DD` to the front matter to confirm it",
                                article.body_line, "info", "dateline-year"))
    if dateline.date is not None:
        return tuple(problems)
    unresolved = sum(1 for t in found if t.time.type in ("DATE", "TIME") and not t.time.anchored)
    detail = f"; {unresolved} relative date(s) cannot be resolved" if unresolved else ""
    opening = " ".join(text.text[:200].split())[:80]
    read = (f"the dateline {dateline.text.strip()!r} has no year" if dateline.month_day
            else f"the text starts {opening!r}")
    problems.append(Problem(article.path, f"no dateline found ({read}){detail}: add `date: YYYY-MM-DD` "
                            "to the front matter", article.body_line, "warning", "no-dateline"))
    return tuple(problems)
