"""Incremental builds equal clean builds, byte for byte, after random edits.

A generated site of wire-style articles (several outlets telling the same happenings on
near days, across month ends, so that merge windows, their halos and conflicts all come
into play) goes through a seeded random sequence of edits: a sentence rewritten, a
sentence added, an article added, deleted or re-dated. After every step, `annals serve`'s
incremental rebuild (analyses and merge windows kept in memory) and a cached `annals build`
(the persistent cache) must give exactly the files of a clean build without any cache.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.build import BuildOptions, build, run_pipeline
from generator.serve import Preview, serve_build_options
from sitekit import tree_bytes

ACTORS = ["the Northern Front", "Governor Ilse Marr", "the river authority", "Kestrel Brigade",
          "Minister Tomas Brel", "the Harbour Union"]
PLACES = ["Dornfeld", "Lusk", "Varenne", "Ostrava Bay"]
HAPPENINGS = [
    ("clashes erupted in {place} between {a} and {b}", "fighting broke out in {place} as {a} met {b}"),
    ("{a} signed a ceasefire with {b} in {place}", "a truce between {a} and {b} was agreed in {place}"),
    ("{a} seized the dam outside {place}", "{a} took control of the {place} dam"),
    ("{a} held talks with {b} in {place}", "{a} and {b} met for talks in {place}"),
    ("{a} announced new curfews across {place}", "curfews over {place} were declared by {a}"),
]
OUTLETS = ["North Wire", "Daily Courier", "Radio Lusk", "The Bay Herald"]
ACTORS_YAML = """actors:
  - {name: Northern Front, kind: group}
  - {name: Ilse Marr, kind: person, aliases: [Governor Ilse Marr]}
  - {name: Kestrel Brigade, kind: group}
  - {name: Tomas Brel, kind: person, aliases: [Minister Tomas Brel]}
  - {name: Harbour Union, kind: organisation}
"""


def date_phrase(day: date, published: date, rng: random.Random) -> str:
    """How a reporter writing on `published` would date `day`."""
    if 0 < (published - day).days < 7 and rng.random() < 0.5:
        return "on " + day.strftime("%A")
    if rng.random() < 0.15:
        return "in " + day.strftime("%B")
    return f"on {day.day} {day.strftime('%B')}"


def sentence(rng: random.Random, day: date, published: date) -> str:
    a, b = rng.sample(ACTORS, 2)
    place = rng.choice(PLACES)
    wording = rng.choice(rng.choice(HAPPENINGS))
    told = wording.format(a=a, b=b, place=place)
    when = date_phrase(day, published, rng)
    text = f"{told[0].upper()}{told[1:]} {when}"
    if rng.random() < 0.3:
        text += f", {rng.choice(ACTORS)} said"
    return text + "."


def article(rng: random.Random, published: date, days: list[date]) -> str:
    outlet = rng.choice(OUTLETS)
    lines = [sentence(rng, d, published) for d in days]
    head = f"---\ntitle: Report of {published.isoformat()}\ndate: {published.isoformat()}\nsource: {outlet}\n---\n"
    return head + "\n\n".join(lines) + "\n"


class GeneratedSite:
    """A site folder and the random operations on it."""

    def __init__(self, root: Path, rng: random.Random, articles: int, settings: str = "",
                 first_day: date = date(2025, 5, 25)):
        self.root, self.rng, self.first_day = root, rng, first_day
        self.folder = root / "content" / "articles"
        self.folder.mkdir(parents=True)
        (root / "content" / "actors.yaml").write_text(ACTORS_YAML, encoding="utf-8")
        (root / "site.yaml").write_text("title: Generated chronology\nbase_url: https://example.org/g/\n"
                                        + settings, encoding="utf-8")
        self.made = 0
        for _ in range(articles):
            self.add()

    def happening_days(self, published: date) -> list[date]:
        # around month ends, so that windows' halos and cross-month merges are exercised
        return [published - timedelta(days=self.rng.randint(1, 9)) for _ in range(self.rng.randint(1, 3))]

    def random_published(self) -> date:
        return self.first_day + timedelta(days=self.rng.randint(0, 75))

    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.md"))

    def add(self) -> Path:
        published = self.random_published()
        self.made += 1
        path = self.folder / f"report-{self.made:03d}.md"
        path.write_text(article(self.rng, published, self.happening_days(published)), encoding="utf-8")
        return path

    def delete(self) -> Path:
        path = self.rng.choice(self.files())
        path.unlink()
        return path

    def rewrite_sentence(self) -> Path:
        path = self.rng.choice(self.files())
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        published = date.fromisoformat(head.split("date: ")[1][:10])
        paragraphs = body.strip().split("\n\n")
        k = self.rng.randrange(len(paragraphs))
        paragraphs[k] = sentence(self.rng, self.happening_days(published)[0], published)
        if self.rng.random() < 0.4:
            paragraphs.insert(0, sentence(self.rng, self.happening_days(published)[0], published))
        path.write_text(head + "\n---\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        return path

    def redate(self) -> Path:
        path = self.rng.choice(self.files())
        text = path.read_text(encoding="utf-8")
        old = text.split("date: ")[1][:10]
        new = (date.fromisoformat(old) + timedelta(days=self.rng.choice([-3, -1, 2, 6]))).isoformat()
        path.write_text(text.replace(f"date: {old}", f"date: {new}", 1), encoding="utf-8")
        return path

    def retitle(self) -> Path:
        """A new title and outlet: what other pages show of the article (citations, sources)."""
        path = self.rng.choice(self.files())
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("\n---\n")
        lines = [f"title: Revised report {self.rng.randint(1, 999)}" if line.startswith("title: ")
                 else f"source: {self.rng.choice(OUTLETS)}" if line.startswith("source: ") else line
                 for line in head.split("\n")]
        path.write_text("\n".join(lines) + "\n---\n" + body, encoding="utf-8")
        return path

    def step(self) -> tuple[str, Path]:
        kinds = ["rewrite", "rewrite", "add", "delete", "redate", "retitle"]
        kind = self.rng.choice(kinds if len(self.files()) > 3 else ["add"])
        action = {"rewrite": self.rewrite_sentence, "add": self.add, "delete": self.delete,
                  "redate": self.redate, "retitle": self.retitle}[kind]
        return kind, action()


def clean_serve_files(site: Path) -> dict[str, bytes]:
    return run_pipeline(replace(serve_build_options(site), use_cache=False)).files


def clean_build(site: Path, out: Path) -> dict[str, bytes]:
    build(BuildOptions(site, output_dir=out, use_cache=False, force=True))
    return tree_bytes(out)


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


# The third site splits its timelines by year (page_events) across a new year, so year
# pages, their indexes and events moving between them are checked too; the fourth merges
# nothing (one event per sentence: the drafts kept without merge windows).
@pytest.mark.parametrize("seed, settings, first_day", [(11, "", date(2025, 5, 25)), (29, "", date(2025, 5, 25)),
                                                       (5, "page_events: 6\n", date(2024, 11, 20)),
                                                       (17, "merge_events: false\n", date(2025, 5, 25))])
def test_random_edits_give_the_bytes_of_a_clean_build(tmp_path: Path, seed: int, settings: str, first_day: date):
    rng = random.Random(seed)
    site = GeneratedSite(tmp_path / "site", rng, articles=24, settings=settings, first_day=first_day)
    preview = Preview(site.root)
    assert preview.rebuild().ok
    cached_out = tmp_path / "cached-out"
    build(BuildOptions(site.root, output_dir=cached_out))
    merged_somewhere = False
    reused = 0
    for number in range(7):
        kind, path = site.step()
        outcome = preview.rebuild([path])
        assert outcome.ok, (number, kind, outcome.error)
        clean = clean_serve_files(site.root)
        assert differing(preview.site.everything(), clean) == [], (number, kind, path.name)
        result = build(BuildOptions(site.root, output_dir=cached_out))
        assert differing(tree_bytes(cached_out), clean_build(site.root, tmp_path / "clean-out")) == [], \
            (number, kind, path.name)
        merged_somewhere |= result.timeline.extra["merged_events"] > 0
        reused += result.reused
    assert merged_somewhere or "merge_events: false" in settings  # the site exercises merging
    assert reused  # the cached build did link unchanged pages from its last output
