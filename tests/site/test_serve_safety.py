"""`annals serve` against DNS rebinding and for dot-files: the Host rule on its own, then a
real Tornado server on a free port asked with forged Host headers."""

from __future__ import annotations

import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from tornado import httpclient, httpserver, netutil

from generator.hostcheck import host_allowed
from generator.preview_http import ReloadHub, make_app
from generator.serve import Preview
from sitekit import write_tiny_site


@pytest.mark.parametrize("host, bound, allowed", [
    ("127.0.0.1:8000", "127.0.0.1", True),
    ("localhost:8000", "127.0.0.1", True),
    ("LOCALHOST", "127.0.0.1", True),
    ("[::1]:8000", "127.0.0.1", True),
    ("preview.localhost:8000", "127.0.0.1", True),  # browsers keep *.localhost on this machine
    ("localhost.:8000", "localhost", True),
    ("evil.example:8000", "127.0.0.1", False),  # a rebound name
    ("127.0.0.1.evil.example", "127.0.0.1", False),
    ("", "127.0.0.1", False),
    ("192.168.1.20:8000", "192.168.1.20", True),
    ("localhost:8000", "192.168.1.20", False),  # bound elsewhere: only that address
    ("evil.example", "192.168.1.20", False),
    ("192.168.1.20:8000", "0.0.0.0", True),  # all interfaces: addresses cannot be rebound
    ("[fe80::1]:8000", "::", True),
    ("localhost", "0.0.0.0", True),
    (f"{socket.gethostname()}:8000", "0.0.0.0", True),
    ("evil.example", "0.0.0.0", False),
])
def test_host_rule(host: str, bound: str, allowed: bool):
    assert host_allowed(host, bound) is allowed


def run_async(coroutine):
    with ThreadPoolExecutor(max_workers=1) as pool:  # beside Playwright's loop, as in test_serve
        return pool.submit(asyncio.run, coroutine).result()


async def fetch(port: int, path: str, host: str | None = None) -> httpclient.HTTPResponse:
    headers = {"Host": host} if host else {}
    return await httpclient.AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}{path}", headers=headers,
                                                    raise_error=False, follow_redirects=False)


def test_the_preview_answers_only_its_own_host_and_never_dot_files(tmp_path: Path):
    site = write_tiny_site(tmp_path / "site")
    (site / "site.yaml").write_text("title: Tiny\n", encoding="utf-8")
    preview = Preview(site)
    assert preview.rebuild().ok
    preview.site(".annals-output", b"marker")  # were a dot-file in the site, it is never served
    preview.site("static/.secret", b"secret")

    async def scenario() -> None:
        sockets = netutil.bind_sockets(0, address="127.0.0.1")
        server = httpserver.HTTPServer(make_app(preview, ReloadHub(), "127.0.0.1"))
        server.add_sockets(sockets)
        port = sockets[0].getsockname()[1]
        try:
            assert (await fetch(port, "/")).code == 200
            assert (await fetch(port, "/", f"localhost:{port}")).code == 200
            for path in ("/", "/timeline.json", "/livereload.js", "/livereload"):
                forged = await fetch(port, path, f"evil.example:{port}")
                assert forged.code == 400, path
                assert b"answers only requests for 127.0.0.1" in forged.body
                assert b"Tiny" not in forged.body  # nothing of the site
            for path in ("/.annals-output", "/static/.secret", "/.git/config"):
                assert (await fetch(port, path)).code == 404, path
        finally:
            server.stop()

    run_async(scenario())
