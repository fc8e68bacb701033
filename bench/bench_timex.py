"""Date tagger benchmark: Annals' `generator.timex.tag` beside `dateparser.search.search_dates`.

    python bench/bench_timex.py                  # 1000 synthetic articles + TBAQ if present
    python bench/bench_timex.py --articles 2000 --dateparser-docs 60

Same texts for both, in the same run. Figures:
- in-process throughput (CPU time): docs/s, MB/s, and the ratio to search_dates;
- whole process (start-up and imports included): each tagger in a fresh subprocess over the
  same texts, wall time; search_dates runs on a subset and is extrapolated per document
  (the output says so);
- peak memory: tracemalloc peak while tagging, and the subprocess's peak RSS.
It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
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
print(n, peak_kb())
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
print(n, peak_kb())
"""


def load_tbaq() -> list[Doc]:
    if not TBAQ.is_dir():
        return []
    sys.path.insert(0, str(TBAQ.parent))
    import score  # the evaluation's own loader: the same plain text it scores

    docs = score.load_gold_dir(str(TBAQ))
    return [(docs[k].dct[:10], docs[k].text) for k in sorted(docs)]


def time_annals(docs: list[Doc]) -> tuple[float, int, int]:
    """CPU seconds (best of three runs), expressions found, tracemalloc peak bytes."""
    from generator.timex import tag

    best = float("inf")
    found = 0
    for _ in range(3):
        t0 = time.process_time()
        found = sum(len(tag(text, date.fromisoformat(dct))) for dct, text in docs)
        best = min(best, time.process_time() - t0)
    tracemalloc.start()  # a separate run: tracing slows Python down several times
    for dct, text in docs:
        tag(text, date.fromisoformat(dct))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, found, peak


def time_dateparser(docs: list[Doc]) -> tuple[float, int]:
    import warnings

    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates

    search_dates("warm up on July 4, 2020", languages=["en"])  # loads its language data
    t0 = time.process_time()
    found = 0
    for dct, text in docs:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(dct)}
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
    return time.process_time() - t0, found


def whole_process(script: str, docs: list[Doc]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, reported by the child itself) of a fresh interpreter."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for dct, text in docs:
            f.write(json.dumps({"dct": dct, "text": text}) + "\n")
        path = f.name
    try:
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", script, path], check=True, cwd=REPO,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
        wall = time.perf_counter() - t0
        rss_kb = int(done.stdout.split()[-1])
        return wall, rss_kb / 1024
    finally:
        os.unlink(path)


def report(name: str, docs: list[Doc], dp_docs: int) -> None:
    chars = sum(len(t) for _, t in docs)
    mb = chars / 1e6
    cpu, found, peak = time_annals(docs)
    subset = docs[:dp_docs]
    sub_chars = sum(len(t) for _, t in subset)
    dp_cpu, dp_found = time_dateparser(subset)
    dp_per_char = dp_cpu / max(sub_chars, 1)
    dp_full = dp_per_char * chars
    print(f"\n== {name}: {len(docs)} docs, {chars / 1000:.0f} k chars")
    print(f"  annals timex    : {cpu:7.3f} s CPU (best of 3)  {len(docs) / cpu:8.1f} docs/s  "
          f"{mb / cpu:6.2f} MB/s  {found} expressions  tracemalloc peak {peak / 1e6:.1f} MB")
    print(f"  search_dates    : {dp_cpu:7.3f} s CPU on {len(subset)} docs "
          f"({sub_chars / 1000:.0f} k chars, {dp_found} dates); extrapolated by characters to "
          f"all {len(docs)} docs: {dp_full:.2f} s = {len(docs) / dp_full:.1f} docs/s")
    print(f"  in-process ratio: annals is {dp_full / cpu:.1f}x faster (same texts, CPU time)")
    a_wall, a_rss = whole_process(_CHILD_ANNALS, docs)
    d_wall, d_rss = whole_process(_CHILD_DATEPARSER, subset)
    # dateparser's start-up is paid once; extrapolate only its per-document part
    d_start, _ = whole_process(_CHILD_DATEPARSER, subset[:1])
    d_full = d_start + (d_wall - d_start) * (chars / max(sub_chars, 1))
    print(f"  whole process   : annals {a_wall:.2f} s wall (peak RSS {a_rss:.0f} MB); "
          f"search_dates {d_wall:.2f} s on the subset (peak RSS {d_rss:.0f} MB), start-up "
          f"{d_start:.2f} s, extrapolated to all docs {d_full:.2f} s -> annals "
          f"{d_full / a_wall:.1f}x faster")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000, help="synthetic articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dateparser-docs", type=int, default=60,
                    help="documents given to search_dates (it is slow); extrapolated per char")
    args = ap.parse_args(argv)
    synthetic = [(dct, text) for _, dct, text in make_corpus(args.articles, args.seed)]
    report("synthetic corpus (bench/corpus.py)", synthetic, args.dateparser_docs)
    tbaq = load_tbaq()
    if tbaq:
        report("TBAQ (TimeML news)", tbaq, args.dateparser_docs)
    else:
        print("\n(TBAQ not found beside the repository: ../shared/timeml/tbaq; skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
