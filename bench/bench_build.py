"""Whole-site build benchmark: Annals beside Pelican and a Markdown "floor", same corpus.

    python bench/bench_build.py                 # 100, 1000 and 10000 articles
    python bench/bench_build.py --quick         # 100 and 1000
    python bench/bench_build.py --sizes 500,5000 --jobs 1

For each size it writes a synthetic site into a temporary folder and measures:

- Annals: `python -m generator build SITE -o OUT --force -q` in a subprocess, wall time,
  peak RSS of the largest process (wait4's ru_maxrss, which covers the worker processes),
  peak RSS of the whole process tree (sampled), output size and page count, and the
  stage breakdown (load/analyse/chronology/render/write: BuildResult.timings) of that same
  run, saved by a small driver around the CLI.
- Pelican, if installed (`pip install pelican`; this script never installs anything), on
  the same articles written in Pelican's own metadata format, feeds off.
- The floor: read each file, parse its front matter, python-markdown, one trivial jinja2
  page per article, written to disk, in-process. Any Markdown site generator does at least
  this much; Annals also finds dates and actors and builds the chronology pages.

It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
DEFAULT_SIZES = (100, 1000, 10000)
QUICK_SIZES = (100, 1000)
SAMPLE_SECONDS = 0.05

Corpus = list[tuple[str, str, str]]  # (slug, dct iso date, markdown body)


# --- corpus ---------------------------------------------------------------------------
# Used only when bench/corpus.py (the shared corpus maker) is absent. All sentences are
# written for this benchmark. Like a real story, the corpus is a pool of happenings (about
# three per article) that several outlets report, each in its own words and with a date
# phrase relative to its own dateline, plus background and filler sentences.

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


@dataclass(frozen=True)
class CorpusSource:
    corpus: Corpus
    origin: str
    actors_yaml: str


def load_shared_corpus_module():
    path = BENCH / "corpus.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("annals_bench_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_corpus(n_articles: int, seed: int, which: str = "auto") -> CorpusSource:
    """The shared corpus maker (bench/corpus.py) when present (or asked for), else the one above."""
    module = load_shared_corpus_module() if which in ("auto", "shared") else None
    if module is None:
        if which == "shared":
            raise SystemExit("bench/corpus.py is not there: use --corpus builtin")
        return CorpusSource(fallback_corpus(n_articles, seed), "bench_build.py built-in", ACTORS_YAML)
    return CorpusSource(list(module.make_corpus(n_articles, seed)), "bench/corpus.py",
                        actors_yaml_for(module))


def actors_yaml_for(module) -> str:
    """About ten actors the shared corpus mentions: its places and its first organisations."""
    places = list(getattr(module, "PLACES", ()))[:8]
    groups = [g for g in getattr(module, "ACTORS", ()) if g.startswith("The ")][:4]
    if not places and not groups:
        return ACTORS_YAML
    lines = ["actors:"]
    lines += [f"  - {{name: {yaml_text(p)}, kind: place}}" for p in places]
    for group in groups:
        name = group[4:]
        lines.append(f"  - {{name: {yaml_text(name[0].upper() + name[1:])}, kind: organisation, "
                     f"aliases: [{yaml_text(group)}]}}")
    return "\n".join(lines) + "\n"


def title_of(body: str, slug: str) -> str:
    for line in body.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            first = line.split(". ")[0].rstrip(".")
            return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    return slug


def outlet_of(slug: str) -> str:
    return OUTLETS[zlib.crc32(slug.encode()) % len(OUTLETS)]  # crc32: stable across runs


def split_body(text: str) -> tuple[str | None, str]:
    """Front matter (if the corpus wrote one) and the body."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[4:end], text[end + 5:]
    return None, text


# --- sites ----------------------------------------------------------------------------

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


def yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_annals_site(root: Path, corpus: Corpus, actors_yaml: str = ACTORS_YAML) -> Path:
    articles = root / "content" / "articles"
    for index, (slug, dct, text) in enumerate(corpus):
        folder = articles / f"{index // 1000:03d}"  # a few folders, as real sites have
        folder.mkdir(parents=True, exist_ok=True)
        meta, body = split_body(text)
        if meta is None:
            meta = (f"title: {yaml_text(title_of(body, slug))}\ndate: {dct}\n"
                    f"source: {yaml_text(outlet_of(slug))}\nurl: https://example.org/{slug}")
        (folder / f"{slug}.md").write_text(f"---\n{meta}\n---\n{body}", encoding="utf-8")
    (root / "content" / "actors.yaml").write_text(actors_yaml, encoding="utf-8")
    (root / "site.yaml").write_text('title: "Benchmark chronology"\nbase_url: "https://example.org/bench/"\n',
                                    encoding="utf-8")
    return root


PELICAN_SETTINGS = """AUTHOR = "Bench"
SITENAME = "Benchmark chronology"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
DEFAULT_PAGINATION = 20
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
STATIC_PATHS = []
"""


def write_pelican_site(root: Path, corpus: Corpus) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    for slug, dct, text in corpus:
        _, body = split_body(text)
        header = (f"Title: {title_of(body, slug)}\nDate: {dct}\nCategory: {outlet_of(slug)}\n"
                  f"Slug: {slug}\nSource: {outlet_of(slug)}\n\n")
        (content / f"{slug}.md").write_text(header + body, encoding="utf-8")
    (root / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    return root


# --- measuring ------------------------------------------------------------------------

@dataclass
class Run:
    seconds: float
    peak_mb: float        # the largest single process (wait4 ru_maxrss)
    tree_mb: float        # the whole process tree, sampled every SAMPLE_SECONDS
    returncode: int
    stderr: str = ""


def process_tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def run_measured(command: list[str], cwd: Path | None = None) -> Run:
    """Wall time and memory of one command; its stdout is discarded."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors,
                                   env={**os.environ, "PYTHONPATH": str(REPO)})
        tree_peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal tree_peak
            while not stop.is_set():
                tree_peak = max(tree_peak, process_tree_rss(process.pid))
                stop.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        stop.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, tree_peak / 2**20, process.returncode, stderr)


def folder_size(root: Path) -> tuple[int, int]:
    """Bytes and number of .html pages under root."""
    size = pages = 0
    for path in root.rglob("*"):
        if path.is_file():
            size += path.stat().st_size
            pages += path.suffix == ".html"
    return size, pages


# Runs the real CLI (`annals build ...`, same code path and options) and, once the build
# returns, saves BuildResult.timings and the event count: the stage breakdown comes from the
# measured run itself instead of a second build.
STAGE_DRIVER = """
import json, sys
from generator import build as build_module, cli
out_path = sys.argv.pop(1)
real_build = build_module.build
def build_and_record(*args, **kwargs):
    result = real_build(*args, **kwargs)
    with open(out_path, "w") as handle:
        json.dump({"timings": result.timings, "events": len(result.timeline.events)}, handle)
    return result
cli.build = build_and_record
sys.argv[0] = "annals"
cli.main()
"""


def annals_command(site: Path, out: Path, jobs: int | None, stages_file: Path | None) -> list[str]:
    """`python -m generator build SITE -o OUT --force -q`, through STAGE_DRIVER when stages_file."""
    head = [sys.executable, "-m", "generator"] if stages_file is None else \
        [sys.executable, "-c", STAGE_DRIVER, str(stages_file)]
    command = head + ["build", str(site), "-o", str(out), "--force", "-q"]
    return command + (["--jobs", str(jobs)] if jobs else [])


def read_stages(stages_file: Path) -> tuple[dict[str, float], int]:
    try:
        data = json.loads(stages_file.read_text())
    except (OSError, ValueError):
        return {}, 0
    return data["timings"], data["events"]


def pelican_available() -> bool:
    return importlib.util.find_spec("pelican") is not None


def pelican_command(site: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", str(site / "content"), "-o", str(out),
            "-s", str(site / "pelicanconf.py"), "-q"]


def floor_build(site: Path, out: Path) -> float:
    """Seconds to do the least any Markdown site generator does, in this process."""
    import jinja2
    import markdown
    import yaml

    template = jinja2.Environment(autoescape=True).from_string(
        "<!doctype html><html lang=en><meta charset=utf-8><title>{{ title }}</title>"
        "<article><h1>{{ title }}</h1><p>{{ date }} · {{ source }}</p>{{ body | safe }}</article></html>")
    started = time.perf_counter()
    converter = markdown.Markdown(extensions=["extra"])
    for path in sorted((site / "content" / "articles").rglob("*.md")):
        meta_text, body = split_body(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(meta_text) if meta_text else {}
        html = converter.reset().convert(body)
        page = out / path.stem / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(template.render(body=html, **meta), encoding="utf-8")
    return time.perf_counter() - started


# --- the run --------------------------------------------------------------------------

@dataclass
class Row:
    articles: int
    annals: Run
    stages: dict[str, float] = field(default_factory=dict)
    events: int = 0
    out_mb: float = 0.0
    pages: int = 0
    pelican: Run | None = None
    pelican_pages: int = 0
    floor_s: float = 0.0
    corpus: str = ""


def bench_size(n: int, args: argparse.Namespace, work: Path) -> Row:
    source = make_corpus(n, args.seed, args.corpus)
    corpus = source.corpus
    base = work / f"n{n}"
    site = write_annals_site(base / "annals-site", corpus, source.actors_yaml)
    print(f"[{n} articles] corpus from {source.origin}; building Annals…", file=sys.stderr, flush=True)
    out = base / "annals-out"
    stages_file = None if args.no_stages else base / "stages.json"
    run = run_measured(annals_command(site, out, args.jobs, stages_file), cwd=REPO)
    row = Row(n, run, corpus=source.origin)
    if run.returncode != 0:
        print(f"  Annals build failed (exit {run.returncode}):\n{run.stderr[-3000:]}", file=sys.stderr)
    else:
        size, row.pages = folder_size(out)
        row.out_mb = size / 2**20
        if stages_file is not None:
            row.stages, row.events = read_stages(stages_file)
    if pelican_available() and not args.no_pelican:
        print(f"[{n} articles] Pelican…", file=sys.stderr, flush=True)
        psite = write_pelican_site(base / "pelican-site", corpus)
        pout = base / "pelican-out"
        row.pelican = run_measured(pelican_command(psite, pout))
        if row.pelican.returncode != 0:
            print(f"  Pelican failed:\n{row.pelican.stderr[-2000:]}", file=sys.stderr)
        else:
            row.pelican_pages = folder_size(pout)[1]
    print(f"[{n} articles] floor…", file=sys.stderr, flush=True)
    row.floor_s = floor_build(site, base / "floor-out")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return row


def ratio(a: float, b: float | None) -> str:
    return f"{a / b:.1f}×" if b else "-"


def print_tables(rows: list[Row]) -> None:
    print()
    header = (f"{'articles':>8}  {'Annals s':>9}  {'peak MB':>8}  {'tree MB':>8}  {'Pelican s':>9}  "
              f"{'Pel. MB':>8}  {'floor s':>8}  {'÷Pelican':>8}  {'÷floor':>7}")
    print(header)
    print("-" * len(header))
    for row in rows:
        pel = row.pelican if row.pelican and row.pelican.returncode == 0 else None
        if row.annals.returncode != 0:
            print(f"{row.articles:>8}  {'failed':>9}  {'-':>8}  {'-':>8}  "
                  f"{(f'{pel.seconds:.2f}' if pel else '-'):>9}  {'':>8}  {row.floor_s:>8.2f}")
            continue
        print(f"{row.articles:>8}  {row.annals.seconds:>9.2f}  {row.annals.peak_mb:>8.0f}  "
              f"{row.annals.tree_mb:>8.0f}  {(f'{pel.seconds:.2f}' if pel else '-'):>9}  "
              f"{(f'{pel.peak_mb:.0f}' if pel else '-'):>8}  {row.floor_s:>8.2f}  "
              f"{ratio(row.annals.seconds, pel.seconds if pel else None):>8}  "
              f"{ratio(row.annals.seconds, row.floor_s):>7}")
    print()
    stages = ("load", "analyse", "chronology", "render", "write")
    header = (f"{'articles':>8}  " + "  ".join(f"{s:>10}" for s in stages) + f"  {'events':>7}  "
              f"{'pages':>6}  {'out MB':>7}  {'ms/article':>10}  {'Pel. pages':>10}")
    print(header)
    print("-" * len(header))
    for row in rows:
        cells = "  ".join(f"{row.stages.get(s, float('nan')):>10.2f}" for s in stages)
        print(f"{row.articles:>8}  {cells}  {row.events:>7}  {row.pages:>6}  {row.out_mb:>7.1f}  "
              f"{1000 * row.annals.seconds / row.articles:>10.1f}  {row.pelican_pages or '-':>10}")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated article counts (default 100,1000,10000)")
    parser.add_argument("--quick", action="store_true", help="only 100 and 1000 articles")
    parser.add_argument("--jobs", type=int, help="passed to `annals build --jobs` (default: CPUs)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument("--corpus", choices=("auto", "shared", "builtin"), default="auto",
                        help="bench/corpus.py (shared, the default when present) or this file's own")
    parser.add_argument("--no-pelican", action="store_true", help="skip the Pelican column")
    parser.add_argument("--no-stages", action="store_true",
                        help="run plain `python -m generator build` (no stage breakdown)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites and outputs")
    parser.add_argument("--workdir", type=Path, help="where to write sites (default: a temp folder)")
    args = parser.parse_args(argv)
    if args.sizes:
        args.sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    else:
        args.sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if not pelican_available() and not args.no_pelican:
        print("Pelican is not installed: its column is skipped. To include it: pip install pelican",
              file=sys.stderr)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="annals-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = [bench_size(n, args, work) for n in args.sizes]
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    corpora = ", ".join(sorted({row.corpus for row in rows}))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, jobs={args.jobs or 'default'}, "
          f"corpus: {corpora}, load average {os.getloadavg()[0]:.1f}")
    print_tables(rows)
    if args.keep:
        print(f"\nsites and outputs kept in {work}")


if __name__ == "__main__":
    main()
