"""A small hand-built Timeline for the renderer's tests (original sentences)."""

from __future__ import annotations

from datetime import date

from generator.model import (Actor, Article, ArticleAnalysis, Dateline, Event, KeyDate,
                             Mention, PlainText, Problem, Sentence, TimeExpr, Timeline,
                             TimelineEvent, TimeValue)

HARBOUR_BODY = (
    "Port officials from Norland and Vesta met on 19 July 2025 to discuss the harbour. "
    "Talks stalled last week, an aide said.\n\n"
    "The draft treaty was first written in June."
)
STATEMENT_BODY = (
    "The Vesta minister said the meeting took place on 13 July. "
    "<script>alert('x')</script>\n\n"
    "More talks are planned for August."
)
UNDATED_BODY = "A harbour pilot recalled the storm of last Tuesday."


def day(y: int, m: int, d: int) -> TimeValue:
    return TimeValue(f"{y:04d}-{m:02d}-{d:02d}", "DATE", "day", date(y, m, d), date(y, m, d))


def week(y: int, w: int) -> TimeValue:
    start = date.fromisocalendar(y, w, 1)
    return TimeValue(f"{y:04d}-W{w:02d}", "DATE", "week", start, date.fromisocalendar(y, w, 7))


def month(y: int, m: int) -> TimeValue:
    end = date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return TimeValue(f"{y:04d}-{m:02d}", "DATE", "month", date(y, m, 1), date.fromordinal(end))


def identity_text(body: str) -> PlainText:
    """A body without Markdown markup is its own plain text."""
    return PlainText(body, tuple(range(len(body) + 1)))


def sentences_of(text: str) -> tuple[Sentence, ...]:
    out = []
    for n, paragraph in enumerate(text.split("\n\n")):
        base = text.index(paragraph)
        cursor = 0
        for piece in paragraph.replace(". ", ".\x00").split("\x00"):
            start = base + paragraph.index(piece, cursor)
            cursor = start - base + len(piece)
            out.append(Sentence(start, start + len(piece), piece, n))
    return tuple(out)


def timex(text: str, phrase: str, time: TimeValue) -> TimeExpr:
    start = text.index(phrase)
    return TimeExpr(start, start + len(phrase), phrase, time)


def event(slug: str, n: int, sentences: tuple[Sentence, ...], tx: TimeExpr,
          actors: tuple[str, ...]) -> Event:
    sentence = next(s for s in sentences if s.start <= tx.start and tx.end <= s.end)
    return Event(f"{slug}-{n}", slug, sentence, tx, actors)


def analysis(slug: str, title: str, body: str, dct: date | None, source: str | None,
             phrases: list[tuple[str, TimeValue]], event_phrases: dict[str, tuple[str, ...]],
             text: PlainText | None = None, mentions: tuple[Mention, ...] = ()) -> ArticleAnalysis:
    plain = text or identity_text(body)
    sentences = sentences_of(plain.text)
    timexes = tuple(timex(plain.text, p, t) for p, t in phrases)
    events = tuple(event(slug, i + 1, sentences, tx, event_phrases[tx.text])
                   for i, tx in enumerate(t for t in timexes if t.text in event_phrases))
    article = Article(path=f"content/articles/{slug}.md", slug=slug, title=title, body=body,
                      body_line=5, date=dct, source=source, url=f"https://news.example/{slug}")
    dateline = Dateline(dct, "front matter" if dct else "none")
    return ArticleAnalysis(article, dateline, plain, sentences, timexes, mentions, events)


def make_timeline() -> Timeline:
    harbour = analysis(
        "harbour-talks", "Harbour <b>talks</b> resume", HARBOUR_BODY, date(2025, 7, 23),
        "Coastal Herald",
        [("19 July 2025", day(2025, 7, 19)), ("last week", week(2025, 29)), ("in June", month(2025, 6))],
        {"19 July 2025": ("norland", "vesta"), "last week": ("vesta",), "in June": ("norland",)},
        mentions=(Mention(20, 27, "Norland", "norland"),))
    statement = analysis(
        "vesta-statement", "Minister's statement", STATEMENT_BODY, date(2025, 7, 24), "Vesta Daily",
        [("13 July", day(2025, 7, 13)), ("August", month(2025, 8))],
        {"13 July": ("vesta",), "August": ("vesta", "harbour-authority")})
    undated = analysis(
        "pilot-recalls", "A pilot recalls", UNDATED_BODY, None, None,
        [("last Tuesday", TimeValue("XXXX-XX-XX", "DATE", "day"))], {})
    h1, h2, h3 = harbour.events
    s1, s2 = statement.events
    events = (
        TimelineEvent("treaty-draft", month(2025, 6), h3.sentence.text, ("norland",), (h3,)),
        TimelineEvent("talks-stall", week(2025, 29), h2.sentence.text, ("vesta",), (h2,)),
        TimelineEvent("harbour-meeting", day(2025, 7, 19), h1.sentence.text,
                      ("norland", "vesta"), (h1, s1), conflicts=(day(2025, 7, 13),)),
        TimelineEvent("more-talks", month(2025, 8), s2.sentence.text,
                      ("harbour-authority", "vesta"), (s2,)),
    )
    actors = (
        Actor("harbour-authority", "Harbour Authority", "organisation", origin="discovered",
              confidence=0.6),
        Actor("norland", "Norland", "country", ("Norlanders",), "A coastal state.", ()),
        Actor("vesta", "Vesta", "country", ("Vestan",), "", ("harbour-authority",)),
    )
    return Timeline(
        events=events, actors=actors, articles=(undated, harbour, statement),
        key_dates=(KeyDate(day(2025, 7, 19), ("harbour-meeting",), 2, 2.0),),
        problems=(
            Problem("content/articles/pilot-recalls.md", "no dateline: relative dates unresolved",
                    None, "warning", "no-dateline"),
            Problem("content/articles/pilot-recalls.md", "cannot resolve “last Tuesday”", 5,
                    "warning", "unresolved-date"),
        ),
    )
