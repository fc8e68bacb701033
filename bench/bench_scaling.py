"""How tagging and building grow with the size of one article: 100 kB against 1 MB.

    python bench/bench_scaling.py                      # prose, month names, a mix; 100 kB and 1 MB
    python bench/bench_scaling.py --sizes 100000,400000,1000000 --kinds months

For each kind of text and size it times, in this process, `generator.timex.tag` on the text
and a whole build (`run_pipeline`: load, analysis, chronology, every page and export, in
memory) of a site whose only article is that text, and prints seconds and the ratio to the
smallest size. Linear growth gives a ratio near the size ratio (10 for 100 kB -> 1 MB);
quadratic growth its square. It prints figures and asserts nothing
(tests/site/test_linear_time.py asserts an order-of-magnitude bound on the same texts).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.build import BuildOptions, run_pipeline  # noqa: E402
from generator.timex import tag  # noqa: E402

# Written for this benchmark: wire prose with a date in every sentence, and the run of
# month names that once made the tagger super-linear.
KINDS = {
    "prose": ("The army said on Monday that talks held in June would resume next week, "
              "after the envoy met officials in Ankara on 19 July. "),
    "months": "January ",
    "mixed": ("The ministry said on Tuesday it had paid the January, February and March "
              "salaries. Talks resume next week. "),
}
DATELINE = "2025-07-23"


def scaled_text(kind: str, size: int) -> str:
    unit = KINDS[kind]
    return (unit * (size // len(unit) + 1))[:size]


def time_tag(text: str) -> float:
    from datetime import date

    started = time.perf_counter()
    tag(text, date.fromisoformat(DATELINE))
    return time.perf_counter() - started


def write_one_article_site(root: Path, text: str) -> Path:
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "long.md").write_text(f"---\ntitle: One long article\ndate: {DATELINE}\n---\n{text}\n",
                                      encoding="utf-8")
    return root


def time_build(text: str, workdir: Path) -> float:
    site = write_one_article_site(workdir / f"site-{len(text)}", text)
    try:
        started = time.perf_counter()
        run_pipeline(BuildOptions(site, jobs=1))
        return time.perf_counter() - started
    finally:
        shutil.rmtree(site, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="characters, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"of {', '.join(KINDS)}")
    parser.add_argument("--no-build", action="store_true", help="time the tagger only")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    print(f"{'text':<8} {'chars':>9} {'tag s':>8} {'ratio':>6} {'build s':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="annals-scaling-") as tmp:
        for kind in args.kinds.split(","):
            first: tuple[float, float] | None = None
            for size in sizes:
                text = scaled_text(kind, size)
                tagged = time_tag(text)
                built = float("nan") if args.no_build else time_build(text, Path(tmp))
                first = first or (tagged, built)
                print(f"{kind:<8} {size:>9} {tagged:>8.2f} {tagged / first[0]:>6.1f} "
                      f"{built:>8.2f} {built / first[1]:>6.1f}", flush=True)


if __name__ == "__main__":
    main()
