"""The `annals` command: thin wrappers that parse options, call the pipeline and report.

Exit status: 0 success, 1 content or output errors, 2 usage errors.
"""

from __future__ import annotations

import signal
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import click

from . import __version__
from .errors import AnnalsError, BuildErrors

if TYPE_CHECKING:
    from rich.console import Console

# The pipeline (`.build`) and rich are imported by the commands that use them: `annals tag`
# starts in a fraction of the time when it does not load the whole site builder.

PROGRESS_MIN_ARTICLES = 200
SITE_DIR = click.argument("site_dir", required=False, default=".",
                          type=click.Path(file_okay=False, path_type=Path))


def console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annals")
def cli() -> None:
    """Annals: news articles in, a dated chronology website out."""


@cli.command("build")
@SITE_DIR
@click.option("-o", "--output", "output_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: SITE_DIR/output).")
@click.option("--base-url", help="URL or path the site is published at, e.g. https://example.org/story/.")
@click.option("--drafts", is_flag=True, help="Include articles marked `draft: true`.")
@click.option("--force", is_flag=True, help="Replace an output folder that Annals did not make.")
@click.option("--jobs", type=click.IntRange(1, 64), help="Worker processes for analysis (default: CPUs).")
@click.option("--review", is_flag=True, help="Also build the editors' review/ page (never linked from the site).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write SITE_DIR/.annals-cache.")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Analyse and merge on a dask.distributed cluster: a scheduler address, or 'local'.")
@click.option("--daemon/--no-daemon", default=None,
              help="Build through the site's build server, starting it if none runs (it keeps the "
                   "state of the last build: an edit rebuilds in a fraction of the time); "
                   "--no-daemon never uses one. Default: through a server already running.")
@click.option("--timings", is_flag=True, help="Print the seconds each stage took.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def build_command(site_dir: Path, output_dir: Path | None, base_url: str | None, drafts: bool,
                  force: bool, jobs: int | None, review: bool, no_cache: bool, dask_address: str | None,
                  daemon: bool | None, timings: bool, quiet: bool) -> None:
    """Build the site in SITE_DIR into its output folder."""
    from .options import BuildOptions
    from .daemon import build_through_server

    _require_site(site_dir)
    if daemon and dask_address:
        raise click.UsageError("--daemon and --dask cannot be used together")
    options = BuildOptions(site_dir, output_dir, base_url, drafts, force, jobs, review=review,
                           use_cache=not no_cache, dask=dask_address)
    started = time.perf_counter()
    with _reporting_errors(), _progress(quiet) as progress:
        summary = None
        if daemon is not False and not dask_address and not no_cache:
            summary = build_through_server(options, start=bool(daemon), progress=progress)
        if summary is None:
            summary = _build_here(options, progress)
    out = console()
    if timings:
        out.print("  ".join(f"{stage} {seconds:.2f} s" for stage, seconds in summary.timings.items()))
        out.print(summary.merge)
    if quiet:
        return
    for location, message in summary.warnings:
        out.print(f"[yellow]warning[/] {escape(location)}: {escape(message)}")
    out.print(f"Built {summary.articles} articles, {summary.events} events, "
              f"{summary.actors} actors, {summary.pages} pages"
              + (f" ({summary.reused} unchanged)" if summary.reused else "")
              + f" in {time.perf_counter() - started:.2f} s"
              + (" by the build server" if summary.server else "") + f" → {escape(summary.output)}")


def _build_here(options, progress):
    from .build import build, output_dir_for
    from .daemon import summarize

    result = build(options, progress=progress)
    return summarize(result, options.output_dir or output_dir_for(options, result.config))


@cli.group("daemon")
def daemon_group() -> None:
    """The site's build server: it keeps the last build's state, so that `annals build`
    after an edit redoes only what the edit reaches. Stops by itself when idle."""


@daemon_group.command("start")
@SITE_DIR
@click.option("--idle", type=click.IntRange(1, 7 * 24 * 3600), default=15 * 60, show_default=True,
              help="Seconds without a build after which it stops.")
def daemon_start(site_dir: Path, idle: int) -> None:
    """Start the build server of SITE_DIR (if none runs)."""
    from .daemon import server_status, start_server

    _require_site(site_dir)
    out = console()
    running = server_status(site_dir)
    if running is not None:
        out.print(f"A build server already runs for {escape(str(site_dir))} (process {running.pid}).")
        return
    started = start_server(site_dir, idle)
    if started is None:
        out.print("[red]error[/] the build server did not start (annals build --no-daemon builds without it)")
        sys.exit(1)
    out.print(f"Build server of {escape(str(site_dir))} started (process {started.pid}, 127.0.0.1 only); "
              f"it stops after {idle} s without a build.")


@daemon_group.command("stop")
@SITE_DIR
def daemon_stop(site_dir: Path) -> None:
    """Stop the build server of SITE_DIR."""
    from .daemon import stop_server

    stopped = stop_server(site_dir)
    console().print("Build server stopped." if stopped else "No build server runs for this site.")


@daemon_group.command("status")
@SITE_DIR
def daemon_status(site_dir: Path) -> None:
    """Whether a build server runs for SITE_DIR (exit 1 if none)."""
    from .daemon import server_status

    running = server_status(site_dir)
    if running is None:
        console().print("No build server runs for this site.")
        sys.exit(1)
    console().print(f"A build server runs for this site: process {running.pid}, 127.0.0.1:{running.port}.")


@cli.command("check")
@SITE_DIR
@click.option("--drafts", is_flag=True, help="Include drafts.")
@click.option("--strict", is_flag=True, help="Exit non-zero on warnings too.")
def check_command(site_dir: Path, drafts: bool, strict: bool) -> None:
    """Report content problems and unresolved dates (exit 1 on errors)."""
    from .build import BuildOptions, content_problems, run_pipeline

    _require_site(site_dir)
    with _reporting_errors():
        result = run_pipeline(BuildOptions(site_dir, drafts=drafts, search=False))
    out = console()
    problems = content_problems(result.timeline)
    for problem in problems:
        colour = {"error": "red", "warning": "yellow"}.get(problem.severity, "cyan")
        out.print(f"[{colour}]{problem.severity}[/] {escape(problem.location())}: "
                  f"{escape(problem.message)} [dim]({problem.kind})[/]")
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    out.print(f"{len(result.timeline.articles)} articles checked: {errors} errors, {warnings} warnings, "
              f"{len(problems) - errors - warnings} notes")
    if errors or (strict and warnings):
        sys.exit(1)


@cli.command("tag")
@click.argument("source", required=False, default="-", type=click.File("r", encoding="utf-8"))
@click.option("--dct", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Document creation time (default: the text's own dateline).")
@click.option("--jsonl", is_flag=True, help='Read JSON lines {"id", "text", "dct"}; write one result per line.')
@click.option("--lang", default="en", show_default=True, help="Language of the text.")
@click.option("--day-first", is_flag=True, help="Read 8/12/2024 as 8 December.")
def tag_command(source, dct, jsonl: bool, lang: str, day_first: bool) -> None:
    """Print the dates found in a text (FILE or - for stdin) as JSON."""
    import json

    from .tagging import tag_document, tag_jsonl

    name = "standard input" if source.name == "<stdin>" else source.name
    try:
        if jsonl:
            for line in tag_jsonl(source, lang=lang, day_first=day_first):
                click.echo(line)
            return
        anchor: date | None = dct.date() if dct else None
        result = tag_document(source.read(), anchor, lang=lang, day_first=day_first)
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    except UnicodeDecodeError as exc:  # the line is not known: the reader decodes in blocks
        console().print(f"[red]error[/] {escape(name)} is not UTF-8 text ({escape(exc.reason)}): "
                        "save it as UTF-8")
        sys.exit(1)
    except ValueError as exc:
        console().print(f"[red]error[/] {escape(name)}: {escape(str(exc))}")
        sys.exit(1)


@cli.command("actors")
@SITE_DIR
@click.option("--yaml", "as_yaml", is_flag=True, help="Print a starter content/actors.yaml instead.")
def actors_command(site_dir: Path, as_yaml: bool) -> None:
    """List the actors found in the articles, with mention and event counts."""
    from rich.console import Console
    from rich.table import Table

    from . import actors
    from .build import BuildOptions, analyse_all, analysis_settings, load_site

    _require_site(site_dir)
    with _reporting_errors():
        site = load_site(BuildOptions(site_dir))
        analyses = analyse_all(site.articles, analysis_settings(site))
        cast = actors.cast_actors([(a.article.slug, a.mentions) for a in analyses], site.registry)
    if as_yaml:
        click.echo(actors.starter_yaml(cast), nl=False)
        return
    counts: dict[str, int] = {}
    for analysis in analyses:
        for event in analysis.events:
            for slug in {cast.slug_for(k) for k in event.actors} - {None}:
                counts[slug] = counts.get(slug, 0) + 1
    table = Table("actor", "kind", "mentions", "events", "aliases seen")
    for row in actors.actor_rows(cast, counts):
        table.add_row(escape(str(row["name"])), row["kind"], str(row["mentions"]), str(row["events"]),
                      escape(", ".join(row.get("aliases", ()))))
    Console(highlight=False).print(table)


@cli.command("export")
@SITE_DIR
@click.option("-f", "--format", "fmt", required=True,
              type=click.Choice(["json", "timelinejs", "csv", "ics", "atom"]), help="Export format.")
@click.option("--actor", help="Only this actor's events (its slug).")
@click.option("--base-url", help="URL the site is published at (for links in the export).")
@click.option("--drafts", is_flag=True, help="Include drafts.")
def export_command(site_dir: Path, fmt: str, actor: str | None, base_url: str | None, drafts: bool) -> None:
    """Write the chronology in another format to stdout."""
    from . import export
    from .build import BuildOptions, run_pipeline

    _require_site(site_dir)
    with _reporting_errors():
        result = run_pipeline(BuildOptions(site_dir, base_url=base_url, drafts=drafts, search=False))
        if actor and actor not in {a.slug for a in result.timeline.actors}:
            raise click.BadParameter(f"no actor with slug {actor!r} (see `annals actors`)",
                                     param_hint="--actor")
        text = export.export_format(result.timeline, result.config, fmt, actor, result.media)
    sys.stdout.write(text)


@cli.command("serve")
@SITE_DIR
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (127.0.0.1: this machine only).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.option("--drafts", is_flag=True, help="Include drafts.")
@click.option("--write-output", is_flag=True, help="Also keep SITE_DIR/output up to date.")
def serve_command(site_dir: Path, port: int, host: str, open_browser: bool, drafts: bool,
                  write_output: bool) -> None:
    """Preview the site; rebuild and reload the browser when content or theme changes."""
    from .serve import ServeOptions, serve

    _require_site(site_dir)
    with _reporting_errors():
        serve(ServeOptions(site_dir, host=host, port=port, open_browser=open_browser,
                           drafts=drafts, write_output=write_output))


@cli.command("new")
@click.argument("site_dir", type=click.Path(path_type=Path))
@click.option("--title", help="The site's title (default: from the folder's name).")
def new_command(site_dir: Path, title: str | None) -> None:
    """Start a site in SITE_DIR (a new or empty folder) that builds at once."""
    from .newsite import create_site

    with _reporting_errors():
        made = create_site(site_dir, title)
    shown = escape(str(site_dir))
    console().print(f"Made a new site in {shown}/: {', '.join(made.files)}.\nNext: [bold]annals build "
                    f"{shown}[/] and open {shown}/output/index.html, or preview it with [bold]annals serve "
                    f"{shown}[/]. Put your articles in {shown}/content/articles/.")


@cli.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", "site_dir", default=".", type=click.Path(file_okay=False, path_type=Path),
              help="The site to import into (default: the current folder).")
@click.option("--map", "maps", multiple=True, metavar="COLUMN=FIELD",
              help="Take FIELD (title, date, source, url, author, text) from COLUMN; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "json", "timelinejs"]),
              help="The file's format (default: from its name and content).")
@click.option("--encoding", help="The file's encoding, e.g. cp1252 (default: UTF-8, else detected).")
def import_command(source: Path, site_dir: Path, maps: tuple[str, ...], fmt: str | None,
                   encoding: str | None) -> None:
    """Import a CSV, JSON Lines or TimelineJS3 file as articles in content/articles/."""
    import codecs

    from .importer import MappingError, describe, import_file, parse_map

    try:
        mapping = parse_map(maps)
        codecs.lookup(encoding or "utf-8")
    except MappingError as exc:
        raise click.BadParameter(str(exc), param_hint="--map") from None
    except LookupError:
        raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from None
    with _reporting_errors():
        report = import_file(source, site_dir, mapping, fmt, encoding)
    out = console()
    for line in describe(report):
        out.print(escape(line))
    if not report.ok:
        sys.exit(1)


def _require_site(site_dir: Path) -> None:
    if not site_dir.is_dir():
        raise click.UsageError(f"{site_dir} is not a folder")


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived: unwind, so that the staging folder and the worker
    processes go, then exit with 128 + the signal's number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted(signum)


@contextmanager
def _reporting_errors() -> Iterator[None]:
    """Content and output errors: a clear message and exit 1, never a traceback. Ctrl+C and
    SIGTERM stop the command cleanly: the previous output stays as it was."""
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        console().print(f"[red]Interrupted[/] ({signal.Signals(signum).name}); the output folder was "
                        "left as it was.")
        sys.exit(128 + signum)
    except BuildErrors as exc:
        out = console()
        for error in exc.errors:
            out.print(f"[red]error[/] {escape(error.describe())}")
        out.print(f"[red]Build failed[/]: {len(exc.errors)} error(s); nothing was written.")
        sys.exit(exc.exit_code)
    except AnnalsError as exc:
        console().print(f"[red]error[/] {escape(str(exc))}")
        sys.exit(exc.exit_code)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextmanager
def _progress(quiet: bool) -> Iterator:
    """A progress bar on stderr for long builds; a no-op callback otherwise."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    out = console()
    if quiet or not out.is_terminal:
        yield None
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=out, transient=True)
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if total < PROGRESS_MIN_ARTICLES:
            return
        if stage not in tasks:
            bar.start()
            tasks[stage] = bar.add_task(stage.capitalize(), total=total)
        bar.update(tasks[stage], completed=done)

    try:
        yield update
    finally:
        bar.stop()


def main() -> None:
    cli(prog_name="annals")
