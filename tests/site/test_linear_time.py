"""One article ten times longer takes about ten times longer, not a hundred: tagging and a
whole build of 100 kB against 1 MB of text (bench/bench_scaling.py prints the figures).

Only an order-of-magnitude bound is asserted, so a loaded machine does not fail it: linear
growth gives a ratio near 10, the quadratic merge and sentence splitting of issue 11 gave
far more than 30 (a 400 kB article took 14 times as long as a 100 kB one)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sitekit import REPO

SMALL, LARGE = 100_000, 1_000_000
BOUND = 30  # ten times the text: linear ~10, quadratic ~100


def bench():
    spec = importlib.util.spec_from_file_location("bench_scaling", REPO / "bench" / "bench_scaling.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tagging_grows_linearly():
    scaling = bench()
    small = scaling.time_tag(scaling.scaled_text("mixed", SMALL))  # prose and runs of month names
    large = scaling.time_tag(scaling.scaled_text("mixed", LARGE))
    assert large / small < BOUND, f"tagging {SMALL} chars took {small:.2f} s, {LARGE} chars {large:.2f} s"


def test_building_grows_linearly(tmp_path: Path):
    scaling = bench()
    small = scaling.time_build(scaling.scaled_text("prose", SMALL), tmp_path)  # a date in every sentence
    large = scaling.time_build(scaling.scaled_text("prose", LARGE), tmp_path)
    assert large / small < BOUND, f"building {SMALL} chars took {small:.2f} s, {LARGE} chars {large:.2f} s"
