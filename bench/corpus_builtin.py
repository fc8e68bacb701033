"""The benchmark's own corpus (`bench_build.py --corpus builtin`), kept beside bench/corpus.py.

Like a real story, it is a pool of happenings (about three per article) that several
outlets report, each in its own words and with a date phrase relative to its own dateline,
plus background and filler sentences, with Türkiye, Syria, Erdoğan, Islamic State... as
actors (ACTORS_YAML). All sentences are written for this benchmark.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date, timedelta

Corpus = list[tuple[str, str, str]]  # (slug, dct iso date, markdown body)

OUTLETS = ("Levant Wire", "Anatolian Ledger", "Border Desk", "Meridian News", "Euphrates Post",
           "Gulf Dispatch", "Capital Bulletin", "Northern Courier", "Crescent Report", "Aegean Daily")
SUBJECTS = ("Türkiye", "Turkish officials", "Ankara", "Syria", "Damascus", "the Syrian interior ministry",
            "President Erdoğan", "Erdogan", "Foreign Minister Hakan Fidan", "Ahmed al-Sharaa",
            "Israel", "Israeli officials", "the United States", "Washington", "Jordan", "Amman",
            "Iraq", "Baghdad", "Qatar", "the Kurdish-led SDF", "the SDF")
ACTIONS = ("sent reinforcements to", "reopened the crossing at", "carried out air strikes near",
           "opened a joint operations room in", "handed over detainees in", "cleared mines around",
           "announced a curfew in", "began training police units in", "evacuated civilians from",
           "set up checkpoints outside", "restored electricity to", "signed a reconstruction deal for",
           "withdrew heavy weapons from", "held talks with tribal leaders in", "arrested suspects in",
           "delivered food aid to", "deployed drones over", "repaired the water station at")
PLACES = ("Aleppo", "Idlib", "Manbij", "Kobani", "Raqqa", "Deir ez-Zor", "Hasakah", "Qamishli",
          "Sweida", "Daraa", "Homs", "Hama", "Latakia", "Tartus", "Palmyra", "Tal Abyad",
          "Ras al-Ain", "Afrin", "Jarablus", "Azaz", "al-Bab", "Tabqa", "Qunaitra", "Bukamal")
REASONS = ("after clashes with Islamic State fighters", "to secure the highway", "under a new agreement",
           "following weeks of negotiations", "as part of a ceasefire deal", "after a spate of attacks",
           "at the request of local councils", "ahead of the winter", "despite objections from the SDF",
           "with support from Qatar")
VERBS_SAID = ("said", "announced", "told reporters", "confirmed", "stated", "reported")
BACKGROUND = (
    "The war that began in {y} displaced millions of people inside the country.",
    "Relations between the two capitals had been frozen since {y}.",
    "The group lost its last stronghold in {y} but still carries out attacks.",
    "The border region has seen several military operations since {y}.",
    "Talks on the issue have stalled for {n} months, officials said.",
    "The crossing was closed for {n} weeks during the fighting.",
    "Reconstruction is expected to take at least {n} years, according to the World Bank.",
)
FILLER = (
    "The announcement came after weeks of quiet contacts between the two capitals.",
    "Diplomats described the mood at the meeting as businesslike.",
    "Analysts cautioned that the arrangement remains fragile and depends on events on the ground.",
    "Local residents reported a heavy military presence along the main highway.",
    "The statement did not say how many soldiers would be involved.",
    "Opposition lawmakers asked for the details to be put before parliament.",
    "Aid agencies said they were still waiting for access to the worst-hit districts.",
    "Neither side gave a timetable for the next round of talks.",
    "More talks are expected in the coming days.",
)
CRUFT = (
    "Subscribe to our morning briefing for more coverage from the region.",
    "Read more: markets react to the latest oil price figures.",
    "© All rights reserved. Reproduction without permission is prohibited.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "ten", "twelve")
FIRST_DAY = date(2024, 6, 1)
SPAN_DAYS = 480
HAPPENINGS_PER_ARTICLE = 3


@dataclass(frozen=True)
class Happening:
    day: date
    subject: str
    action: str
    place: str
    reason: str


def date_phrase(rng: random.Random, day: date, dct: date) -> str:
    """How a reporter writing on dct would date something that happened on day."""
    back = (dct - day).days
    if back == 0:
        return rng.choice(("on " + WEEKDAYS[day.weekday()], "today", WEEKDAYS[day.weekday()]))
    if back == 1:
        return rng.choice(("yesterday", "on " + WEEKDAYS[day.weekday()]))
    if back < 7:
        return rng.choice(("on " + WEEKDAYS[day.weekday()], "last " + WEEKDAYS[day.weekday()],
                           "earlier this week" if day.isocalendar()[:2] == dct.isocalendar()[:2]
                           else "last week"))
    month = MONTHS[day.month - 1]
    options = [f"on {month} {day.day}", f"on {day.day} {month}", f"on {month} {day.day}, {day.year}"]
    if day.year != dct.year or day.month != dct.month:
        options.append(f"in {month}" + (f" {day.year}" if day.year != dct.year else ""))
    return rng.choice(options)


def happening_sentence(rng: random.Random, item: Happening, dct: date) -> str:
    when, verb = date_phrase(rng, item.day, dct), rng.choice(VERBS_SAID)
    shape = rng.randint(0, 3)
    if shape == 0:
        text = f"{item.subject} {item.action} {item.place} {when}, officials {verb}."
    elif shape == 1:
        text = f"{when[0].upper()}{when[1:]}, {item.subject} {item.action} {item.place} {item.reason}."
    elif shape == 2:
        text = f"A spokesperson {verb} that {item.subject} {item.action} {item.place} {when} {item.reason}."
    else:
        text = f"{item.subject} {item.action} {item.place} {item.reason} {when}, the {rng.choice(OUTLETS)} {verb}."
    return text[0].upper() + text[1:]


def make_happenings(rng: random.Random, count: int) -> list[Happening]:
    items = [Happening(FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS)), rng.choice(SUBJECTS),
                       rng.choice(ACTIONS), rng.choice(PLACES), rng.choice(REASONS)) for _ in range(count)]
    return sorted(items, key=lambda h: (h.day, h.subject, h.action, h.place))


def article_body(rng: random.Random, dct: date, reported: list[Happening]) -> str:
    sentences = [happening_sentence(rng, item, dct) for item in reported]
    for _ in range(rng.randint(3, 7)):
        sentences.insert(rng.randint(0, len(sentences)), rng.choice(FILLER))
    for _ in range(rng.randint(1, 3)):
        line = rng.choice(BACKGROUND).format(y=rng.randint(2011, 2019), n=rng.choice(NUMBER_WORDS))
        sentences.insert(rng.randint(1, len(sentences)), line)
    paragraphs, at = [], 0
    while at < len(sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[at:at + size]))
        at += size
    if len(paragraphs) > 2 and rng.random() < 0.3:
        paragraphs[1] = f'"{paragraphs[1][:-1]}," a source told the **{rng.choice(OUTLETS)}**.'
    if len(paragraphs) > 3 and rng.random() < 0.2:
        paragraphs.insert(3, "## Background")
    if rng.random() < 0.3:
        paragraphs.append(rng.choice(CRUFT))
    return "\n\n".join(paragraphs) + "\n"


def fallback_corpus(n_articles: int, seed: int) -> Corpus:
    rng = random.Random(seed)
    pool = make_happenings(rng, max(30, HAPPENINGS_PER_ARTICLE * n_articles))
    days = [h.day for h in pool]
    corpus = []
    for index in range(n_articles):
        dct = FIRST_DAY + timedelta(days=rng.randrange(15, SPAN_DAYS))
        # what happened in the two months before the dateline, most of it in the last week
        recent = pool[bisect.bisect_left(days, dct - timedelta(days=6)):bisect.bisect_right(days, dct)]
        older = pool[bisect.bisect_left(days, dct - timedelta(days=60)):bisect.bisect_right(days, dct)]
        reported = rng.sample(recent, min(len(recent), rng.randint(4, 9)))
        reported += rng.sample(older, min(len(older), rng.randint(2, 5)))
        corpus.append((f"dispatch-{index:05d}", dct.isoformat(), article_body(rng, dct, reported)))
    return corpus


ACTORS_YAML = """actors:
  - {name: Türkiye, slug: turkiye, kind: country, aliases: [Turkey, Turkiye, Ankara, Turkish]}
  - {name: Syria, slug: syria, kind: country, aliases: [Syrian, Damascus]}
  - {name: Israel, slug: israel, kind: country, aliases: [Israeli]}
  - {name: United States, slug: united-states, kind: country, aliases: [U.S., Washington, American]}
  - {name: Jordan, slug: jordan, kind: country, aliases: [Jordanian, Amman]}
  - {name: Iraq, slug: iraq, kind: country, aliases: [Iraqi, Baghdad]}
  - {name: Qatar, slug: qatar, kind: country, aliases: [Qatari, Doha]}
  - {name: Recep Tayyip Erdoğan, slug: erdogan, kind: person, aliases: [Erdoğan, President Erdoğan], member_of: [turkiye]}
  - {name: Hakan Fidan, slug: hakan-fidan, kind: person, aliases: [Fidan], member_of: [turkiye]}
  - {name: Ahmed al-Sharaa, slug: ahmed-al-sharaa, kind: person, aliases: [al-Sharaa, Sharaa], member_of: [syria]}
  - {name: Islamic State, slug: islamic-state, kind: group, aliases: [ISIS, IS, Daesh]}
  - {name: Syrian Democratic Forces, slug: sdf, kind: group, aliases: [SDF]}
"""
