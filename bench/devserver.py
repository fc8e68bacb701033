"""Save → change visible in a dev server, over real HTTP on 127.0.0.1.

For each server (`annals serve`, `hugo server`): start it in its own process group, wait
until it serves the article's page with the article's current text, then for each edit
write a changed sentence into the article file and poll the page's URL until the new
sentence's token appears. The time from the write to the first response that shows it is
one sample; the figure is the median. The server is stopped (its whole group) whatever
happens: success, a timeout, a crash or Ctrl-C.

Every request goes to 127.0.0.1, through an opener with no proxies; every wait is bounded
both in time and in number of requests.
"""

from __future__ import annotations

import statistics
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Children, peak_rss_mb
from bench.sites import ArticleEdit

POLL_SECONDS = 0.015      # between requests while waiting for an edit to show
STARTUP_POLL_SECONDS = 0.1
REQUEST_TIMEOUT = 2.0     # one request; a server busy rebuilding answers when it is done
SETTLE_SECONDS = 1.0      # after an edit shows, before the next: no edit lands in a rebuild


class ServerDied(Exception):
    pass


@dataclass
class ServeResult:
    name: str
    url: str
    ready_s: float | None = None     # launch → the page is served with the current text
    samples: list[float] = field(default_factory=list)
    peak_mb: float | None = None     # the server process's peak resident memory (VmHWM)
    error: str = ""

    @property
    def median_s(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


@dataclass(frozen=True)
class ServerSpec:
    name: str
    command: list[str]
    cwd: Path | None
    env: dict[str, str]
    url: str                  # http://127.0.0.1:PORT/... of the edited article's page
    edit: ArticleEdit
    current_token: str        # what the article file says when the server starts
    log: Path


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


def fetch(opener: urllib.request.OpenerDirector, url: str, timeout: float) -> str | None:
    """The page's text, or None while the server is not up, fails, or times out."""
    try:
        with opener.open(url, timeout=max(0.05, timeout)) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def wait_for_token(opener: urllib.request.OpenerDirector, url: str, token: str, timeout: float,
                   interval: float, process: subprocess.Popen) -> float | None:
    """perf_counter() of the first response containing token, or None after timeout seconds."""
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(f"only 127.0.0.1 is polled, not {url}")
    deadline = time.perf_counter() + timeout
    budget = int(timeout / interval) + 2  # a request count bound as well as the time bound
    for _ in range(budget):
        if process.poll() is not None:
            raise ServerDied(f"exited with code {process.returncode}")
        left = deadline - time.perf_counter()
        if left <= 0:
            break
        body = fetch(opener, url, min(REQUEST_TIMEOUT, left))
        if body is not None and token in body:
            return time.perf_counter()
        time.sleep(interval)
    return None


def log_tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join("    " + line for line in text.strip().splitlines()[-lines:])


def measure_server(children: Children, spec: ServerSpec, tokens: list[str], startup_timeout: float,
                   visible_timeout: float, interval: float = POLL_SECONDS) -> ServeResult:
    """Start the server, time each edit until it shows, stop the server."""
    result = ServeResult(spec.name, spec.url)
    opener = _opener()
    with open(spec.log, "wb") as log:
        launched = time.perf_counter()
        process = children.start(spec.command, spec.cwd, spec.env, log, subprocess.STDOUT)
        try:
            ready = wait_for_token(opener, spec.url, spec.current_token, startup_timeout,
                                   STARTUP_POLL_SECONDS, process)
            if ready is None:
                result.error = (f"{spec.name} did not serve {spec.url} with the article's current text "
                                f"within {startup_timeout:.0f} s; its log ends:\n{log_tail(spec.log)}")
                return result
            result.ready_s = ready - launched
            for token in tokens:
                time.sleep(SETTLE_SECONDS)
                written = time.perf_counter()
                spec.edit.apply(token)
                seen = wait_for_token(opener, spec.url, token, visible_timeout, interval, process)
                if seen is None:
                    result.error = (f"{spec.name}: edit {len(result.samples) + 1} not visible at {spec.url} "
                                    f"within {visible_timeout:.0f} s; its log ends:\n{log_tail(spec.log)}")
                    break
                result.samples.append(seen - written)
            result.peak_mb = peak_rss_mb(process.pid)
        except ServerDied as exc:
            result.error = f"{spec.name} {exc}; its log ends:\n{log_tail(spec.log)}"
        finally:
            children.stop(process)
    return result
