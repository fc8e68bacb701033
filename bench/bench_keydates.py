"""Key dates against a reference timeline: the timeline-summarisation date-F1 protocol.

    python bench/bench_keydates.py                 # 6 synthetic one-outlet archives
    python bench/bench_keydates.py --archives 3 --outlets 4 --seed 7

The held-out archives and journalists' timelines the rule is judged on are not in this
repository, so this harness writes archives of its own with a known answer. Each is one
story over about seven months: a few dozen happenings that matter (the reference timeline,
the most important of them) among many that do not. The outlet writes more the more
happens: on a day after something important several articles report it ("on Tuesday",
"yesterday") and quote what officials said the day they came out ("said on Wednesday"),
and later articles keep referring back to the important days by full date
("since the strike on 3 March"); every article also carries minor news, scheduled things,
background years and filler. The articles go through the real pipeline (load, analysis,
actors, chronology) from Markdown files in a temporary site.

For each archive, each ranking takes as many top dates as the reference has (the protocol
of the timeline-summarisation literature: with k = |reference|, precision = recall = F1).
Rankings compared: Annals' rule (chronology.keydates), raw mention counts (dated
sentences per day), the previous rule (independent sources, then events) and publication
counts (articles published on the day or the next). Prints one row per archive and the
mean; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.build import BuildOptions, analyse_all, analysis_settings, assemble, load_site  # noqa: E402
from generator.chronology.keydates import date_of, source_keys  # noqa: E402

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
PEOPLE = ("Governor Alma Reyes", "Commander Idris Vance", "Minister Tomas Hale",
          "Senator Ruth Okafor", "General Piet Lorne", "Mayor Dana Kessel")
GROUPS = ("the river militia", "the coastal brigade", "the farmers' union", "the port workers",
          "the northern council", "the relief agency")
PLACES = ("Harrow Ford", "Quill Bay", "Mesra", "Tallin Cross", "Oudry", "Vesk", "Corrin",
          "Baylan", "Estor", "Marrow Pass")
BIG_DEEDS = ("seized the bridge at {p}", "shelled the market in {p}", "signed a truce in {p}",
             "stormed the town hall of {p}", "declared a curfew over {p}",
             "withdrew its forces from {p}", "blew up the dam near {p}",
             "took control of the airport at {p}")
SMALL_DEEDS = ("inspected a clinic in {p}", "opened a bakery in {p}", "repaired a road to {p}",
               "met traders in {p}", "held a briefing in {p}", "handed out blankets in {p}",
               "visited a school in {p}", "reopened a well near {p}")
STATEMENTS = ("talks would go on", "the government was ready to help",
              "more aid was on its way", "the army would stay", "nobody would be forgotten")
FILLER = ("Residents queued for bread and fuel.", "The statement gave no details.",
          "Analysts said the situation remained tense.", "Prices have risen sharply.",
          "Aid workers described shortages of medicine.")


@dataclass(frozen=True)
class Happening:
    day: date
    weight: float  # how much the outlet writes about it
    actor: str
    deed: str


def _day_phrase(day: date, dct: date, rng: random.Random) -> str:
    """How an article published on `dct` dates `day` (same week: weekday or yesterday)."""
    gap = (dct - day).days
    if gap == 1 and rng.random() < 0.4:
        return "yesterday"
    if 0 <= gap < 6 and rng.random() < 0.7:
        return f"on {WEEKDAYS[day.weekday()]}"
    return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"


def _happening(rng: random.Random, day: date, big: bool) -> Happening:
    deed = rng.choice(BIG_DEEDS if big else SMALL_DEEDS).format(p=rng.choice(PLACES))
    actor = rng.choice(PEOPLE + GROUPS)
    weight = rng.paretovariate(1.3) * (4.0 if big else 0.3)
    return Happening(day, weight, actor, deed)


def make_archive(seed: int, outlets: int, reference_size: int) -> tuple[list[tuple[str, str, str, str]], set[date]]:
    """Articles (slug, ISO date, outlet, Markdown) and the reference dates of one story."""
    rng = random.Random(seed)
    start = date(2024, 3, 1)
    span = 210
    big = [_happening(rng, start + timedelta(days=rng.randrange(span)), True)
           for _ in range(reference_size * 2)]
    small = [_happening(rng, start + timedelta(days=rng.randrange(span)), False)
             for _ in range(span)]
    by_day: dict[date, list[Happening]] = {}
    for item in big + small:
        by_day.setdefault(item.day, []).append(item)
    ranked = sorted(big, key=lambda h: (-h.weight, h.day))
    reference: set[date] = set()
    for item in ranked:
        if len(reference) < reference_size:
            reference.add(item.day)
    past: list[Happening] = []
    articles = []
    for offset in range(span + 14):
        dct = start + timedelta(days=offset)
        fresh = by_day.get(dct, []) + by_day.get(dct - timedelta(days=1), [])
        heat = sum(h.weight for h in fresh)
        for n in range(min(12, rng.randrange(0, 2) + int(heat / 3 + rng.random()))):
            lead = (rng.choices(fresh, weights=[h.weight for h in fresh])[0] if fresh
                    else rng.choice(small))
            if not fresh and lead.day > dct:
                continue
            lines = [f"{lead.actor[0].upper()}{lead.actor[1:]} {lead.deed} "
                     f"{_day_phrase(lead.day, dct, rng)}, witnesses said."]
            lines.append(rng.choice(FILLER))
            if rng.random() < 0.6:  # what was said the day the article came out
                lines.append(f"{rng.choice(PEOPLE)} said on {WEEKDAYS[dct.weekday()]} that "
                             f"{rng.choice(STATEMENTS)}.")
            # later reports refer back to what mattered, more often the more it mattered
            if past:
                for back in rng.choices(past, weights=[h.weight ** 1.5 for h in past],
                                        k=rng.randrange(0, 3)):
                    if back.day < dct - timedelta(days=1):
                        lines.append(f"The crisis deepened after {back.actor} {back.deed} on "
                                     f"{back.day.day} {MONTHS[back.day.month - 1]} {back.day.year}.")
            recent = [h for d in range(3) for h in by_day.get(dct - timedelta(days=d), ())
                      if h.weight <= 0.5]
            minor = rng.choice(recent) if recent else None
            if minor is not None:
                lines.append(f"Separately, {minor.actor} {minor.deed} {_day_phrase(minor.day, dct, rng)}.")
            if rng.random() < 0.5:
                ahead = dct + timedelta(days=rng.randrange(2, 30))
                lines.append(f"Talks are due to resume on {ahead.day} {MONTHS[ahead.month - 1]}.")
            if rng.random() < 0.3:
                lines.append(f"The dispute dates back to {rng.randrange(1990, 2020)}.")
            outlet = f"Wire {rng.randrange(outlets) + 1}"
            slug = f"a{offset:03d}-{n}"
            articles.append((slug, dct.isoformat(), outlet, " ".join(lines)))
        past += [h for h in by_day.get(dct, []) if h.weight > 0.5]
    return articles, reference


def write_site(root: Path, articles: list[tuple[str, str, str, str]]) -> None:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True)
    for slug, day, outlet, text in articles:
        (folder / f"{slug}.md").write_text(
            f"---\ntitle: {slug}\ndate: {day}\nsource: {outlet}\n---\n{text}\n", encoding="utf-8")


def f1_at_reference(ranked: list[date], reference: set[date]) -> float:
    """Date F1 when as many top dates are taken as the reference has (then P = R = F1)."""
    top = set(ranked[:len(reference)])
    return len(top & reference) / len(reference) if reference else 0.0


def rankings(timeline) -> dict[str, list[date]]:
    days = [k.time.start for k in timeline.key_dates if k.time.granularity == "day"]
    mentions: Counter[date] = Counter()
    sources = source_keys(timeline.articles)
    old: dict[date, tuple[set[str], int]] = {}
    for event in timeline.events:
        time = date_of(event.time)
        if time is None or time.granularity != "day":
            continue
        mentions[time.start] += len(event.citations)
        held = old.setdefault(time.start, (set(), 0))
        old[time.start] = (held[0] | {sources[a] for a in event.articles}, held[1] + 1)
    published: Counter[date] = Counter()
    for analysis in timeline.articles:
        if analysis.dateline.date:
            published[analysis.dateline.date] += 1
            published[analysis.dateline.date - timedelta(days=1)] += 1
    return {
        "annals": days,
        "mentions": [d for d, _ in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))],
        "previous": [d for d, _ in sorted(old.items(), key=lambda kv: (-len(kv[1][0]), -kv[1][1], kv[0]))],
        "published": [d for d, _ in sorted(published.items(), key=lambda kv: (-kv[1], kv[0]))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archives", type=int, default=6)
    parser.add_argument("--outlets", type=int, default=1)
    parser.add_argument("--reference", type=int, default=25, help="dates in each reference")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    print(f"{'archive':>8} {'articles':>8} {'events':>7} " + " ".join(f"{n:>9}" for n in
          ("annals", "mentions", "previous", "published")))
    for n in range(args.archives):
        articles, reference = make_archive(args.seed + n, args.outlets, args.reference)
        with tempfile.TemporaryDirectory() as tmp:
            write_site(Path(tmp), articles)
            site = load_site(BuildOptions(Path(tmp)))
            timeline = assemble(site, analyse_all(site.articles, analysis_settings(site), jobs=1))
        scores = {name: f1_at_reference(ranked, reference) for name, ranked in rankings(timeline).items()}
        totals.update(scores)
        print(f"{n + 1:>8} {len(articles):>8} {len(timeline.events):>7} "
              + " ".join(f"{scores[k]:>9.3f}" for k in ("annals", "mentions", "previous", "published")))
    print(f"{'mean':>8} {'':>8} {'':>7} " + " ".join(
        f"{totals[k] / args.archives:>9.3f}" for k in ("annals", "mentions", "previous", "published")))


if __name__ == "__main__":
    main()
