"""The build server: a process that keeps one site's pipeline state between builds.

A CLI build starts from the persistent cache, which keeps analyses, merge windows and page
digests but not the chronology: on a big archive it redoes seconds of merging and ordering
after a one-line edit. A resident process keeps what ``annals serve`` keeps (parsed
articles, analyses, merge windows, drafts, event ids, page inputs), so a build after an edit
redoes only what the edit reaches. The idea is Gradle's daemon and Bazel's server:

- ``annals build --daemon`` starts the site's server when none runs and builds through it;
  plain ``annals build`` builds through a running one, ``--no-daemon`` never does;
- ``annals daemon start|stop|status SITE``; a server stops by itself after ``idle`` seconds
  without a build.

The server listens on 127.0.0.1 only, on a port of the system's choosing, and takes a
request only with the token in ``SITE/.annals-cache/daemon.json`` (mode 0600: whoever can
read the site's cache may build it). One build runs at a time; others wait their turn. A
server whose code differs from the client's (an upgrade, an edited checkout) is stopped and
the client builds in its own process. The server writes only through the same staging
folder as any build, and swaps it in only while the client still waits: an interrupted
client leaves the output as it was.

Wire format: one JSON object per line. The client sends ``{"token", "code", "op", ...}``;
for a build the server answers with ``{"progress": [stage, done, total]}`` lines and one
``{"done": summary}``, ``{"errors": [[path, message, line], ...]}`` or
``{"error": message, "exit": code}``.
"""

from __future__ import annotations

import gc
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from hmac import compare_digest
from pathlib import Path
from typing import Any, Callable, Iterator

from .errors import AnnalsError, BuildErrors, ContentError
from .fingerprint import CACHE_DIR, code_digest

ADDRESS_FILE = "daemon.json"
LOG_FILE = "daemon.log"  # what the server did: a line a request, a crash's traceback
LOG_LIMIT = 1 << 20  # started afresh past 1 MB
TIDY_AFTER = 2.0  # seconds without a request after a build before the server tidies up (Resident.tidy)
IDLE_SECONDS = 15 * 60  # Gradle's daemon idles out after hours; a site's state is hundreds of MB
START_TIMEOUT_S = 60.0  # for the server to import Annals and listen
MAX_REQUEST = 64 * 1024

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Address:
    port: int
    token: str
    pid: int
    code: str  # fingerprint.code_digest() of the server's code

    @classmethod
    def read(cls, site_dir: Path) -> "Address | None":
        try:
            data = json.loads((site_dir / CACHE_DIR / ADDRESS_FILE).read_text("utf-8"))
            return cls(int(data["port"]), str(data["token"]), int(data["pid"]), str(data["code"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, site_dir: Path) -> None:
        folder = site_dir / CACHE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{ADDRESS_FILE}.{self.pid}"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(self), handle)
        os.replace(temporary, folder / ADDRESS_FILE)


@dataclass(frozen=True)
class BuildSummary:
    """What `annals build` prints of a build, wherever it ran."""

    articles: int
    events: int
    actors: int
    pages: int
    reused: int
    output: str
    timings: dict[str, float] = field(default_factory=dict)
    merge: str = ""
    warnings: tuple[tuple[str, str], ...] = ()  # (location, message)
    server: bool = False  # built by the build server


def summarize(result, output: Path) -> BuildSummary:
    """The summary of a build.BuildResult written to ``output``."""
    from .build import content_problems

    warnings = tuple((p.location(), p.message) for p in content_problems(result.timeline)
                     if p.severity != "info" and p.kind in ("no-dateline", "content"))
    return BuildSummary(len(result.timeline.articles), len(result.timeline.events), len(result.timeline.actors),
                        result.pages, result.reused, str(output), dict(result.timings), result.merge.describe(),
                        warnings)


# The client --------------------------------------------------------------------------------

def build_through_server(options, *, start: bool, progress: Progress | None = None) -> BuildSummary | None:
    """Build with the site's server (started first when ``start``); None when there is no
    usable server and none was to be started: the caller builds in its own process."""
    site_dir = options.site_dir.resolve()
    address = _live_address(site_dir)
    if address is None and start:
        address = start_server(site_dir)
    if address is None:
        return None
    request = {"op": "build", "options": _options_fields(options, site_dir)}
    try:
        replies = _exchange(address, request)
        for reply in replies:
            if "progress" in reply and progress is not None:
                progress(*reply["progress"])
            elif "done" in reply:
                done = reply["done"]
                done["warnings"] = tuple(tuple(w) for w in done["warnings"])
                return BuildSummary(**done | {"server": True})
            elif "errors" in reply:
                raise BuildErrors([ContentError(path, message, line) for path, message, line in reply["errors"]])
            elif "error" in reply:
                error = AnnalsError(reply["error"])
                error.exit_code = int(reply.get("exit", 1))
                raise error
            elif "stale" in reply:
                return None
    except ConnectionRefusedError:  # nobody listens there any more
        _forget(site_dir, address)
        return None
    except (OSError, ValueError):  # the server went away: this process builds
        return None
    return None


def stop_server(site_dir: Path) -> bool:
    """Ask the site's server to stop; whether one was running."""
    site_dir = site_dir.resolve()
    address = _live_address(site_dir, check_code=False)
    if address is None:
        return False
    _ask_to_stop(address)
    return True


def server_status(site_dir: Path) -> Address | None:
    return _live_address(site_dir.resolve(), check_code=False)


def start_server(site_dir: Path, idle: float = IDLE_SECONDS) -> Address | None:
    """Start the site's server as a process of its own (it outlives this one) and wait until
    it listens; None if it could not start."""
    site_dir = site_dir.resolve()
    before = Address.read(site_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.daemon", str(site_dir), str(idle)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        # from the folder holding this very package: `-m` looks there first, so the server
        # runs the client's code (and never a `generator/` folder of the site's)
        start_new_session=True, close_fds=True, cwd=_package_root())
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        address = Address.read(site_dir)
        if address is not None and address != before and address.pid == process.pid:
            return address
        if process.poll() is not None:
            return None
        time.sleep(0.02)
    return None


def _live_address(site_dir: Path, check_code: bool = True) -> Address | None:
    """The address of the site's running server of this code (a server of other code is
    asked to stop), or None."""
    address = Address.read(site_dir)
    if address is None:
        return None
    if not _alive(address.pid):
        _forget(site_dir, address)
        return None
    if check_code and address.code != _code():
        _ask_to_stop(address)
        return None
    return address


def _ask_to_stop(address: Address) -> None:
    """Ask the server to stop, and give it a moment to do so."""
    try:
        list(_exchange(address, {"op": "stop"}))
    except (OSError, ValueError):
        pass
    _wait_gone(address.pid, 10.0)


def _exchange(address: Address, request: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Send one request; the server's reply lines as they come."""
    with socket.create_connection(("127.0.0.1", address.port), timeout=10) as conn:
        conn.settimeout(None)  # a cold build through a new server takes as long as it takes
        conn.sendall(json.dumps(request | {"token": address.token, "code": _code()}).encode() + b"\n")
        with conn.makefile("rb") as replies:
            for line in replies:
                yield json.loads(line)


def _options_fields(options, site_dir: Path) -> dict[str, Any]:
    return {"site_dir": str(site_dir),
            "output_dir": str(options.output_dir.resolve()) if options.output_dir is not None else None,
            "base_url": options.base_url, "drafts": options.drafts, "force": options.force,
            "jobs": options.jobs, "review": options.review, "use_cache": options.use_cache}


def _code() -> str:
    return code_digest()


def _package_root() -> str:
    return str(Path(__file__).resolve().parent.parent)


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped by its parent, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True  # no /proc: the signal said it exists


def _wait_gone(pid: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        try:  # our own child when started from this process: reap it
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
        except ChildProcessError:
            pass
        time.sleep(0.02)


def _forget(site_dir: Path, address: Address) -> None:
    """Remove the address file if it still names ``address`` (a new server may have replaced it)."""
    if Address.read(site_dir) == address:
        (site_dir / CACHE_DIR / ADDRESS_FILE).unlink(missing_ok=True)


# The server --------------------------------------------------------------------------------

@dataclass
class Resident:
    """The state a server keeps for the next build, and what it was made for: other
    options or other settings files start from nothing (the next build is then as slow
    as a CLI one, never different)."""

    key: tuple = ()
    state: Any = None  # incremental.PipelineState
    retired: list[Path] = field(default_factory=list)  # old sites to remove when idle
    spare: Any = None  # output.Spare: the last old site emptied, for the next build to stage in
    untidy: bool = False  # a build ran since the last tidy

    def tidy(self) -> bool:
        """What waits for a quiet moment, so that a build asked for at once after another
        need not wait for it: emptying the old sites (the newest is kept, hollow, as the
        next build's staging folder), and the cycle collector walking everything once (a
        second on a big archive; its own timing would have it run in the middle of a
        build). What a build keeps then goes out of the collector's sight, as in annals
        serve (freed by reference counting all the same). False: nothing to do."""
        if not self.untidy:
            return False
        self.keep_spare()
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        from .workers import release_free_memory  # not for the client, which imports this module

        release_free_memory()
        self.untidy = False
        return True

    def keep_spare(self) -> None:
        from .output import hollow

        if self.retired:
            newest = self.retired.pop()
            self.remove_retired()
            self.spare = hollow(newest)

    def take_spare(self) -> Any:
        spare, self.spare = self.spare, None
        return spare

    def remove_retired(self) -> None:
        """Remove the old sites and the spare (when the server stops, or for newer ones)."""
        from .output import remove_owned

        if self.spare is not None:
            self.retired.append(self.take_spare().root)
        for folder in self.retired:
            remove_owned(folder)
        self.retired.clear()

    def for_build(self, options) -> Any:
        from .incremental import PipelineState

        key = (options.output_dir, options.base_url, options.drafts, options.review, options.use_cache,
               _settings_text(options.site_dir))
        if key != self.key or self.state is None:
            self.key, self.state = key, PipelineState()
        return self.state


def _settings_text(site_dir: Path) -> tuple[bytes, ...]:
    """site.yaml and actors.yaml as they are now (either changes what analyses mean)."""
    from .config import load_config
    from .content import read_actors_file

    config_file = site_dir / "site.yaml"
    try:
        config = load_config(site_dir)
        source, _ = read_actors_file(site_dir, config.content_dir)
    except AnnalsError:
        return (b"unreadable",)
    text = config_file.read_bytes() if config_file.is_file() else b""
    return (text, source.text.encode("utf-8", "surrogatepass") if source else b"")


def run_server(site_dir: Path, idle: float) -> None:
    """Listen for builds of ``site_dir`` until asked to stop or idle for ``idle`` seconds."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(idle)
    address = Address(listener.getsockname()[1], secrets.token_hex(32), os.getpid(), _code())
    log = ServerLog(site_dir / CACHE_DIR / LOG_FILE)
    address.write(site_dir)
    log.say(f"started: process {address.pid}, 127.0.0.1:{address.port}, stops after {idle:g} idle seconds")
    resident = Resident()
    try:
        while True:
            try:
                conn, _ = listener.accept()
            except socket.timeout:
                if resident.tidy():  # a quiet moment after a build; from now on, idle
                    listener.settimeout(idle)
                    continue
                log.say("idle: stopped")
                return
            with conn:
                if not _handle(conn, address, resident, site_dir, log):
                    log.say("stopped")
                    return
            listener.settimeout(min(TIDY_AFTER, idle) if resident.untidy else idle)
    finally:
        resident.remove_retired()
        listener.close()
        _forget(site_dir, address)


@dataclass
class ServerLog:
    """SITE/.annals-cache/daemon.log: the server has no terminal, so what it did is written here."""

    path: Path

    def __post_init__(self) -> None:
        try:
            if self.path.stat().st_size > LOG_LIMIT:
                self.path.unlink()
        except OSError:
            pass

    def say(self, line: str) -> None:
        try:
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}\n")
        except OSError:
            pass  # a log that cannot be written loses lines, never a build


def _handle(conn: socket.socket, address: Address, resident: Resident, site_dir: Path, log: ServerLog) -> bool:
    """Answer one request; False when the server is to stop."""
    conn.settimeout(10)
    try:
        with conn.makefile("rb") as stream:
            line = stream.readline(MAX_REQUEST)
        request = json.loads(line)
    except (OSError, ValueError):
        return True
    if not isinstance(request, dict) or not compare_digest(str(request.get("token", "")), address.token):
        log.say("a request without the token: ignored")
        return True  # not from someone who can read the site's cache: no answer
    conn.settimeout(None)
    if request.get("code") != address.code or request.get("op") == "stop":
        _send(conn, {"stale": request.get("code") != address.code})
        if request.get("code") != address.code:
            log.say("a client of other code: stopping")
        return False
    if request.get("op") == "build":
        started = time.perf_counter()
        outcome = _build(conn, request.get("options") or {}, resident, site_dir)
        log.say(f"build: {outcome} in {time.perf_counter() - started:.2f} s")
    return True


def _build(conn: socket.socket, fields: dict[str, Any], resident: Resident, site_dir: Path) -> str:
    """Run the build asked for and answer it; what happened, for the log."""
    from .build import BuildOptions, build, output_dir_for

    resident.untidy = True
    try:
        options = BuildOptions(site_dir=site_dir, output_dir=Path(fields["output_dir"]) if fields.get("output_dir") else None,
                               base_url=fields.get("base_url"), drafts=bool(fields.get("drafts")),
                               force=bool(fields.get("force")), jobs=fields.get("jobs"),
                               review=bool(fields.get("review")), use_cache=bool(fields.get("use_cache", True)))
        state = resident.for_build(options)
        result = build(options, progress=lambda *p: _send(conn, {"progress": list(p)}), state=state,
                       before_commit=lambda: _still_waiting(conn), retire=resident.retired.append,
                       spare=resident.take_spare())
        summary = summarize(result, output_dir_for(options, result.config))
        _send(conn, {"done": asdict(summary)})
        outcome = f"{summary.pages} pages, {summary.reused} unchanged"
    except BuildErrors as exc:
        resident.state = None
        _send(conn, {"errors": [[e.path, e.message, e.line] for e in exc.errors]})
        outcome = f"{len(exc.errors)} content error(s)"
    except AnnalsError as exc:
        resident.state = None
        _send(conn, {"error": str(exc), "exit": exc.exit_code})
        outcome = f"failed: {exc}"
    except Exception as exc:  # noqa: BLE001 - the client shows it; the server stays up, empty
        resident.state = None
        _send(conn, {"error": f"the build server failed ({type(exc).__name__}: {exc}); see "
                              f"{CACHE_DIR}/{LOG_FILE} and please report it (annals build --no-daemon "
                              "builds without it)", "exit": 1})
        outcome = "crashed:\n" + traceback.format_exc()
    gc.freeze()  # at once: what the build keeps out of the collector's sight until the tidy
    return outcome


def _send(conn: socket.socket, message: dict[str, Any]) -> None:
    try:
        conn.sendall(json.dumps(message).encode() + b"\n")
    except OSError:
        pass  # the client went away; _still_waiting keeps its output as it was


def _still_waiting(conn: socket.socket) -> None:
    """Raise if the client has gone (an interrupted `annals build`): its output stays as it was."""
    try:
        if conn.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
            raise AnnalsError("the client went away before the swap")
    except BlockingIOError:
        return
    except OSError as exc:
        raise AnnalsError("the client went away before the swap") from exc


def main(argv: list[str]) -> None:
    site_dir = Path(argv[0]).resolve()
    idle = float(argv[1]) if len(argv) > 1 else IDLE_SECONDS
    run_server(site_dir, idle)


if __name__ == "__main__":
    main(sys.argv[1:])
