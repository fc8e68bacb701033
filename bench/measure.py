"""Measuring commands: wall time, peak memory, and process groups that are always stopped.

Every command the benchmark starts runs in its own session (its own process group), so
that stopping it stops its workers too, and so that a Ctrl-C at the terminal (which only
reaches the benchmark's own group) is turned into an explicit, complete stop here.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

SAMPLE_SECONDS = 0.05
STOP_GRACE_SECONDS = 5.0


@dataclass
class Run:
    seconds: float
    peak_mb: float        # the largest single process (wait4 ru_maxrss covers waited-for children)
    tree_mb: float        # the whole process tree, sampled every SAMPLE_SECONDS
    returncode: int
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def process_tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def peak_rss_mb(pid: int) -> float | None:
    """The high-water mark of one live process's resident memory (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def stop_group(process: subprocess.Popen, grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM to the process's whole group, then SIGKILL after grace.

    SIGTERM, not SIGINT: a process started from a shell's background job inherits SIGINT
    ignored, while both dev servers stop cleanly on SIGTERM and pool workers die of it.
    """
    if process.poll() is not None:
        _kill_leftovers(process.pid)
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, grace)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    _kill_leftovers(process.pid)


def _kill_leftovers(pgid: int) -> None:
    """Workers that outlived their parent still carry its group id: end them too."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@dataclass
class Children:
    """Every process the benchmark started and has not stopped yet; ``stop_all`` ends them."""
    running: list[subprocess.Popen] = field(default_factory=list)

    def start(self, command: list[str], cwd: Path | None, env: dict[str, str],
              stdout: IO | int, stderr: IO | int) -> subprocess.Popen:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        self.running.append(process)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        try:
            stop_group(process)
        finally:
            if process in self.running:
                self.running.remove(process)

    def stop_all(self) -> None:
        while self.running:
            self.stop(self.running[-1])


def run_measured(children: Children, command: list[str], cwd: Path | None = None,
                 env: dict[str, str] | None = None) -> Run:
    """Wall time and memory of one command run to its end; its stdout is discarded."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = children.start(command, cwd, env or dict(os.environ), subprocess.DEVNULL, errors)
        tree_peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal tree_peak
            while not stop.is_set():
                tree_peak = max(tree_peak, process_tree_rss(process.pid))
                stop.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            # wait4, not Popen.wait: its rusage gives the peak RSS of the largest process waited for
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            stop.set()
            sampler.join()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        children.stop(process)  # its group may still hold workers that outlived it
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, tree_peak / 2**20, process.returncode, stderr)


def folder_size(root: Path) -> tuple[int, int]:
    """Bytes and number of .html pages under root."""
    size = pages = 0
    for path in root.rglob("*"):
        if path.is_file():
            size += path.stat().st_size
            pages += path.suffix == ".html"
    return size, pages


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now (the servers bind it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
