"""The benchmark's tables: figures per tool and Annals' ratios to each peer.

A ratio is Annals' figure divided by the peer's: 4.7× means Annals takes 4.7 times as long
(or as much memory); 0.5× means half. An empty cell ("-") is a tool that was skipped,
failed, or is not installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotations: the rows come from bench_build
    from bench.bench_build import Row
    from bench.measure import Run

PEERS = (("hugo", "Hugo"), ("pelican", "Pelican"))


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}" if value < 100 else f"{value:.0f}"


def megabytes(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def ratio(mine: float | None, theirs: float | None) -> str:
    return f"{mine / theirs:.1f}×" if mine is not None and theirs else "-"


def time_of(runs: dict[str, "Run"], tool: str) -> float | None:
    run = runs.get(tool)
    return run.seconds if run is not None and run.ok else None


def memory_of(runs: dict[str, "Run"], tool: str, tree: bool = False) -> float | None:
    run = runs.get(tool)
    if run is None or not run.ok:
        return None
    return run.tree_mb if tree else run.peak_mb


def table(title: str, header: list[str], lines: list[list[str]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(header, *lines)]
    print(f"\n{title}")
    print("  ".join(cell.rjust(width) for cell, width in zip(header, widths)))
    print("  ".join("-" * width for width in widths))
    for line in lines:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))


def build_table(title: str, rows: list["Row"], which: str) -> None:
    header = ["articles", "Annals s", "Hugo s", "Pelican s", "÷Hugo", "÷Pelican",
              "Annals peak MB", "Annals tree MB", "Hugo MB", "Pelican MB"]
    lines = []
    for row in rows:
        runs = getattr(row, which)
        mine = time_of(runs, "annals")
        lines.append([str(row.articles), seconds(mine), seconds(time_of(runs, "hugo")),
                      seconds(time_of(runs, "pelican")),
                      ratio(mine, time_of(runs, "hugo")), ratio(mine, time_of(runs, "pelican")),
                      megabytes(memory_of(runs, "annals")), megabytes(memory_of(runs, "annals", tree=True)),
                      megabytes(memory_of(runs, "hugo")), megabytes(memory_of(runs, "pelican"))])
    table(title, header, lines)


def serve_table(rows: list["Row"]) -> None:
    header = ["articles", "annals serve s", "hugo server s", "÷Hugo", "Annals min–max s",
              "Hugo min–max s", "ready s A/H", "serve MB A/H"]
    lines = []
    for row in rows:
        annals, hugo = row.serve.get("annals"), row.serve.get("hugo")
        mine = annals.median_s if annals else None
        theirs = hugo.median_s if hugo else None

        def spread(result) -> str:
            return f"{min(result.samples):.2f}–{max(result.samples):.2f}" if result and result.samples else "-"

        def both(get) -> str:
            return "/".join(get(r) if r else "-" for r in (annals, hugo))

        lines.append([str(row.articles), seconds(mine), seconds(theirs), ratio(mine, theirs),
                      spread(annals), spread(hugo),
                      both(lambda r: seconds(r.ready_s)), both(lambda r: megabytes(r.peak_mb))])
    table("Save → change visible in the dev server (median of the edits; the page polled over HTTP)",
          header, lines)


def daemon_table(rows: list["Row"]) -> None:
    header = ["articles", "warm-up s", "median s", "min–max s", "÷Hugo rebuild", "shows edits", "server MB"]
    lines = []
    for row in rows:
        samples = sorted(row.daemon_samples)
        mine = samples[len(samples) // 2] if samples else None
        lines.append([str(row.articles), seconds(row.daemon_warm_s), seconds(mine),
                      f"{samples[0]:.2f}–{samples[-1]:.2f}" if samples else "-",
                      ratio(mine, time_of(row.rebuild, "hugo")),
                      "-" if row.daemon_shows_edit is None else "yes" if row.daemon_shows_edit else "NO",
                      megabytes(row.daemon_peak_mb)])
    table("Build after one edit through the build server (annals build --daemon once, then `annals build` "
          "per edit; median of the edits)", header, lines)


def detail_table(rows: list["Row"]) -> None:
    stages = list(dict.fromkeys(s for row in rows for s in (*row.stages, *row.rebuild_stages)))
    header = ["articles", "build", *stages, "events", "Annals pages", "Hugo pages", "Pelican pages",
              "out MB A/H/P", "floor s", "÷floor"]
    lines = []
    for row in rows:
        for label, timings in (("cold", row.stages), ("after edit", row.rebuild_stages)):
            shown = "/".join("yes" if row.rebuild_shows_edit.get(t) else "NO" if t in row.rebuild_shows_edit
                             else "-" for t in ("annals", "hugo", "pelican"))
            cold = label == "cold"
            lines.append([str(row.articles), label if cold else f"{label} (shows it: {shown})",
                          *(seconds(timings.get(s)) for s in stages),
                          str(row.events) if cold else "",
                          *((str(row.pages.get(t, "-")) if cold else "") for t in ("annals", "hugo", "pelican")),
                          "/".join(megabytes(row.out_mb.get(t)) for t in ("annals", "hugo", "pelican"))
                          if cold else "",
                          seconds(row.floor_s) if cold else "",
                          ratio(time_of(row.cold, "annals"), row.floor_s) if cold else ""])
    table("Annals per stage (seconds, BuildResult.timings), output, and the Markdown floor",
          header, lines)


def print_tables(rows: list["Row"], missing: dict[str, str]) -> None:
    if not rows:
        print("no size finished")
        return
    build_table("Cold build (wall s; peak RSS MB of the largest process, and of Annals' process tree)",
                rows, "cold")
    build_table("Build again after one sentence of one article changed (same command, same site)",
                rows, "rebuild")
    if any(row.daemon_samples for row in rows):
        daemon_table(rows)
    serve_table(rows)
    detail_table(rows)
    for name, why in missing.items():
        print(f"\n{name} was not installed: {why.splitlines()[0] if why else '?'}")
    for row in rows:
        for result in row.serve.values():
            if result.error:
                print(f"\n{row.articles} articles, {result.name}: {result.error.splitlines()[0]}")
