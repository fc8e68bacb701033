"""Synthetic news corpus for benchmarks: N dated articles from original sentence templates.

    from bench.corpus import make_corpus
    make_corpus(n_articles, seed) -> [(slug, dateline ISO date, Markdown text), ...]

Deterministic for a given seed. Each article is a headline and a few paragraphs in news
style: happenings dated the ways reporters date them (weekdays, month-days, "last week",
"in June", "two days ago", "the previous day", full dates, years), background with years
and durations, and filler full of numbers that are not dates (troop counts, money,
percentages) so a tagger's guards are exercised too. All templates are written for Annals.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

__all__ = ["make_corpus"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")

ACTORS = ("The ministry", "Local officials", "The coalition", "Border guards", "The mayor",
          "Aid agencies", "The central bank", "Rebel commanders", "The prosecutor's office",
          "The port authority", "Negotiators", "The electoral commission", "Farmers' unions",
          "The health ministry", "Police", "The energy regulator")
PLACES = ("Northbridge", "Kestrel Bay", "Al-Harran", "Valmora", "Tessin", "Qaryat Nour",
          "Eastfield", "Marrow Pass", "Sarnia Ridge", "Dunmore", "Old Kilnton", "Ravensholm")
DEEDS = ("reopened the main crossing near {p}", "announced a curfew in {p}",
         "signed a reconstruction deal for {p}", "evacuated families from {p}",
         "restored power to {p}", "opened an inquiry into the fire in {p}",
         "sent engineers to repair the dam at {p}", "lifted the blockade of {p}",
         "held talks with tribal elders in {p}", "suspended flights to {p}",
         "began distributing seed grain around {p}", "cleared mines from the road to {p}")
SAYING = ("said", "announced", "confirmed", "told reporters", "stated")
FUTURE = ("will hold a vote", "is expected to publish its findings", "plans to reopen schools",
          "will resume talks", "is due to sign the agreement", "will send a second convoy")
FILLER = (
    "More than {n},000 troops remain deployed along the frontier.",
    "The package is worth ${m} million, according to the finance office.",
    "Turnout reached {pct}% in the northern districts.",
    "Some {n},{k}00 people have registered for assistance.",
    "The convoy carried {n}0 tonnes of flour and {k} generators.",
    "Officials declined to comment on the figures.",
    "Residents described long queues at the only working bakery.",
    "The statement gave no further details.",
    "Analysts warned that the truce remains fragile.",
    "Prices of bread and fuel have risen by {pct} percent.",
)
BACKGROUND = (
    "The dispute dates back to {y}, when the old treaty lapsed.",
    "The region has suffered {w} years of drought and conflict.",
    "Relations soured in the 1990s and never fully recovered.",
    "The last census, held in {y}, counted fewer than {n} million residents.",
    "A similar agreement collapsed in {month} {y} after a few weeks.",
    "For decades the valley relied on a single road.",
    "The council has met weekly since the crisis began.",
    "In recent years, trade across the border has doubled.",
)


def _when_past(rng: random.Random, dct: date) -> tuple[str, date | None]:
    """A past date phrase as reporters write it, and the day it names (when it names one)."""
    kind = rng.randrange(9)
    if kind == 0:
        d = dct - timedelta(days=rng.randrange(0, 7))
        return f"on {WEEKDAYS[d.weekday()]}", d
    if kind == 1:
        d = dct - timedelta(days=rng.randrange(1, 40))
        return f"on {MONTHS[d.month - 1]} {d.day}", d
    if kind == 2:
        d = dct - timedelta(days=rng.randrange(1, 40))
        return f"on {d.day} {MONTHS[d.month - 1]}", d
    if kind == 3:
        d = dct - timedelta(days=rng.randrange(1, 60))
        return f"on {AP_MONTHS[d.month - 1]} {d.day}", d
    if kind == 4:
        return rng.choice(("last week", "earlier this week", "last month", "earlier this month",
                           "late last year", "this year")), None
    if kind == 5:
        d = dct - timedelta(days=rng.randrange(7, 14))
        return f"last {WEEKDAYS[d.weekday()]}", d
    if kind == 6:
        n = rng.randrange(2, 12)
        return f"{('two three four five six seven eight nine ten eleven'.split())[n - 2]} days ago", \
            dct - timedelta(days=n)
    if kind == 7:
        d = dct - timedelta(days=rng.randrange(400, 1500))
        return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}", d
    return "yesterday", dct - timedelta(days=1)


def _when_future(rng: random.Random, dct: date) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        d = dct + timedelta(days=rng.randrange(1, 7))
        return f"on {WEEKDAYS[d.weekday()]}"
    if kind == 1:
        d = dct + timedelta(days=rng.randrange(5, 60))
        return f"on {MONTHS[d.month - 1]} {d.day}"
    if kind == 2:
        return rng.choice(("next week", "next month", "early next year", "later this year",
                           "in the coming days", "in the coming weeks"))
    if kind == 3:
        return f"in {MONTHS[(dct.month + rng.randrange(1, 4) - 1) % 12]}"
    return "by the end of the month"


def _paragraph(rng: random.Random, dct: date) -> str:
    sentences = []
    when, day = _when_past(rng, dct)
    deed = rng.choice(DEEDS).format(p=rng.choice(PLACES))
    sentences.append(f"{rng.choice(ACTORS)} {deed} {when}, officials {rng.choice(SAYING)}.")
    if day is not None and rng.random() < 0.4:
        follow = rng.choice(("The next day", "The following day", "Two days later",
                             "The previous day", "A week later"))
        sentences.append(f"{follow}, {rng.choice(ACTORS).lower()} {rng.choice(DEEDS).format(p=rng.choice(PLACES))}.")
    if rng.random() < 0.5:
        sentences.append(f"{rng.choice(ACTORS)} {rng.choice(FUTURE)} {_when_future(rng, dct)}.")
    for _ in range(rng.randrange(1, 3)):
        template = rng.choice(FILLER + BACKGROUND)
        sentences.append(template.format(
            n=rng.randrange(2, 40), k=rng.randrange(1, 9), m=rng.randrange(3, 900),
            pct=rng.randrange(5, 95), y=rng.randrange(1975, dct.year),
            w=rng.choice(("two", "five", "ten", "forty")), month=rng.choice(MONTHS)))
    return " ".join(sentences)


def make_corpus(n_articles: int, seed: int) -> list[tuple[str, str, str]]:
    """``n_articles`` synthetic articles: (slug, dateline ISO date, Markdown text)."""
    rng = random.Random(seed)
    start = date(2023, 1, 1)
    corpus = []
    for index in range(n_articles):
        dct = start + timedelta(days=rng.randrange(0, 3 * 365))
        place = rng.choice(PLACES)
        headline = f"# {rng.choice(ACTORS)} acts in {place} as tensions rise"
        paragraphs = [_paragraph(rng, dct) for _ in range(rng.randrange(3, 8))]
        corpus.append((f"synthetic-{index:05d}", dct.isoformat(),
                       headline + "\n\n" + "\n\n".join(paragraphs) + "\n"))
    return corpus
