"""Date tagger benchmark: Annals' `generator.timex.tag` beside `dateparser.search.search_dates`.

    python bench/bench_timex.py                  # 1000 synthetic articles + TBAQ if present
    python bench/bench_timex.py --articles 2000 --runs 7 --dateparser-docs 60

Same texts for both, in the same run. Every figure is the median of --runs runs, and the
runs of the two taggers alternate, so a busy machine slows both alike. Figures:
- in-process (tagging alone): CPU seconds, docs/s, MB/s, the ratio to search_dates;
- whole process: a fresh interpreter per run that imports its tagger and tags every text,
  start-up included: wall seconds and CPU seconds (user + system of the child), and the
  ratio. Both children run with the same interpreter and environment, with bytecode caching
  on for both (a throw-away PYTHONPYCACHEPREFIX folder, filled by one warm-up run each), as
  for an installed package. Annals runs twice: the library loop (like search_dates') and the
  `annals tag --jsonl` command. search_dates runs on the first --dateparser-docs texts (it is
  slow); its start-up is measured on its own (one short text) and only its per-text part is
  extrapolated, by characters, to all the texts. The output says so;
- peak memory: tracemalloc peak while tagging, and each child's peak RSS.
It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TBAQ = REPO.parent / "shared" / "timeml" / "tbaq"
sys.path.insert(0, str(REPO))

from bench.corpus import make_corpus  # noqa: E402

Doc = tuple[str, str]  # (dateline ISO date, text)

# Both child programs report their own peak memory the same way.
_PEAK_KB = '''
def peak_kb():
    # VmHWM belongs to this program's own memory map; ru_maxrss would also count the
    # parent's pages from before exec on Linux.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
'''
_CHILD_ANNALS = """
import json, sys, datetime, resource
from generator.timex import tag
""" + _PEAK_KB + """n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    n += len(tag(d["text"], datetime.date.fromisoformat(d["dct"])))
print(n, peak_kb(), file=sys.stderr)
"""
_CHILD_DATEPARSER = """
import json, sys, datetime, warnings, resource
warnings.filterwarnings("ignore")
""" + _PEAK_KB + """from dateparser.search import search_dates
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    base = datetime.datetime.fromisoformat(d["dct"])
    n += len(search_dates(d["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or [])
print(n, peak_kb(), file=sys.stderr)
"""


def load_tbaq() -> list[Doc]:
    if not TBAQ.is_dir():
        return []
    sys.path.insert(0, str(TBAQ.parent))
    import score  # the evaluation's own loader: the same plain text it scores

    docs = score.load_gold_dir(str(TBAQ))
    return [(docs[k].dct[:10], docs[k].text) for k in sorted(docs)]


def median_cpu(work, runs: int) -> tuple[float, object]:
    """Median CPU seconds of ``runs`` calls of ``work()`` and its last result."""
    times = []
    result = None
    for _ in range(runs):
        t0 = time.process_time()
        result = work()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def annals_in_process(docs: list[Doc], runs: int) -> tuple[float, int, int]:
    """Median CPU seconds, expressions found, tracemalloc peak bytes."""
    from generator.timex import tag

    parsed = [(date.fromisoformat(dct), text) for dct, text in docs]
    cpu, found = median_cpu(lambda: sum(len(tag(text, dct)) for dct, text in parsed), runs)
    tracemalloc.start()  # a separate run: tracing slows Python down several times
    for dct, text in parsed:
        tag(text, dct)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return cpu, int(found), peak  # type: ignore[arg-type]


def dateparser_in_process(docs: list[Doc], runs: int) -> tuple[float, int]:
    import warnings

    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates

    search_dates("warm up on July 4, 2020", languages=["en"])  # loads its language data
    parsed = [(datetime.fromisoformat(dct), text) for dct, text in docs]

    def work() -> int:
        return sum(len(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
                       or []) for base, text in parsed)

    cpu, found = median_cpu(work, runs)
    return cpu, int(found)  # type: ignore[arg-type]


@dataclass
class Child:
    """One program run in fresh interpreters: its median wall and CPU seconds, peak RSS."""

    name: str
    argv: list[str]
    walls: list[float]
    cpus: list[float]
    rss_mb: float = 0.0

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)


def _write_jsonl(docs: list[Doc], folder: str, name: str) -> str:
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        for dct, text in docs:
            f.write(json.dumps({"dct": dct, "text": text}) + "\n")
    return path


def _child_env(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache  # bytecode for both, written once by the warm-up
    env["PYTHONPATH"] = str(REPO)
    return env


def _run_once(child: Child, env: dict[str, str]) -> None:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(child.argv, check=True, cwd=REPO, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    child.walls.append(time.perf_counter() - t0)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child.cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    last = done.stderr.split()
    if len(last) >= 2 and last[-1].isdigit():
        child.rss_mb = int(last[-1]) / 1024


def whole_processes(docs: list[Doc], subset: list[Doc], runs: int) -> dict[str, Child]:
    """Every child, run ``runs`` times after a warm-up, the children taking turns."""
    with tempfile.TemporaryDirectory(prefix="bench-timex-") as folder:
        all_docs = _write_jsonl(docs, folder, "all.jsonl")
        some = _write_jsonl(subset, folder, "subset.jsonl")
        one = _write_jsonl([("2020-07-04", "It began on July 4, 2020.")], folder, "one.jsonl")
        py = sys.executable
        children = {
            "annals": Child("annals library", [py, "-c", _CHILD_ANNALS, all_docs], [], []),
            "annals_cli": Child("annals tag --jsonl", [py, "-m", "generator", "tag", "--jsonl",
                                                       all_docs], [], []),
            "dateparser": Child("search_dates", [py, "-c", _CHILD_DATEPARSER, some], [], []),
            "dateparser_start": Child("search_dates start-up", [py, "-c", _CHILD_DATEPARSER,
                                                                 one], [], []),
        }
        env = _child_env(os.path.join(folder, "pycache"))
        for child in children.values():  # warm-up: writes the bytecode, not counted
            _run_once(child, env)
            child.walls.clear()
            child.cpus.clear()
        for _ in range(runs):
            for child in children.values():
                _run_once(child, env)
        return children


def report(name: str, docs: list[Doc], dp_docs: int, runs: int) -> None:
    chars = sum(len(t) for _, t in docs)
    mb = chars / 1e6
    subset = docs[:dp_docs]
    sub_chars = sum(len(t) for _, t in subset)
    scale = chars / max(sub_chars, 1)
    cpu, found, peak = annals_in_process(docs, runs)
    dp_cpu, dp_found = dateparser_in_process(subset, max(1, (runs + 1) // 2))
    dp_full = dp_cpu * scale
    print(f"\n== {name}: {len(docs)} docs, {chars / 1000:.0f} k chars "
          f"(medians of {runs} runs)")
    print("  tagging alone (in process, CPU)")
    print(f"    annals        : {cpu:7.3f} s  {len(docs) / cpu:8.1f} docs/s  {mb / cpu:6.2f} MB/s  "
          f"{found} expressions  tracemalloc peak {peak / 1e6:.1f} MB")
    print(f"    search_dates  : {dp_cpu:7.3f} s on {len(subset)} docs ({sub_chars / 1000:.0f} k "
          f"chars, {dp_found} dates); by characters, all {len(docs)} docs: {dp_full:.2f} s "
          f"= {len(docs) / dp_full:.1f} docs/s")
    print(f"    ratio         : annals {dp_full / cpu:.1f}x faster")
    kids = whole_processes(docs, subset, runs)
    start, sub = kids["dateparser_start"], kids["dateparser"]
    dp_wall = start.wall + max(sub.wall - start.wall, 0.0) * scale
    dp_cpu_all = start.cpu + max(sub.cpu - start.cpu, 0.0) * scale
    print("  whole process (fresh interpreter, start-up included; wall / CPU seconds)")
    print(f"    search_dates  : start-up {start.wall:.2f} / {start.cpu:.2f} s; {len(subset)} docs "
          f"{sub.wall:.2f} / {sub.cpu:.2f} s (peak RSS {sub.rss_mb:.0f} MB); extrapolated to "
          f"all docs {dp_wall:.2f} / {dp_cpu_all:.2f} s")
    for key in ("annals", "annals_cli"):
        kid = kids[key]
        rss = f"peak RSS {kid.rss_mb:.0f} MB" if kid.rss_mb else "its output to /dev/null"
        print(f"    {kid.name:18}: {kid.wall:.2f} / {kid.cpu:.2f} s ({rss})"
              f" -> {dp_wall / kid.wall:.1f}x faster by wall time, {dp_cpu_all / kid.cpu:.1f}x "
              "by CPU time")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=5, help="runs per figure (medians)")
    ap.add_argument("--dateparser-docs", type=int, default=60,
                    help="documents given to search_dates (it is slow); extrapolated per char")
    args = ap.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs: on a busy machine the wall times "
          "wait for a CPU, and the CPU times are the figures to compare")
    synthetic = [(dct, text) for _, dct, text in make_corpus(args.articles, args.seed)]
    report("synthetic corpus (bench/corpus.py)", synthetic, args.dateparser_docs, args.runs)
    tbaq = load_tbaq()
    if tbaq:
        report("TBAQ (TimeML news)", tbaq, args.dateparser_docs, args.runs)
    else:
        print("\n(TBAQ not found beside the repository: ../shared/timeml/tbaq; skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
