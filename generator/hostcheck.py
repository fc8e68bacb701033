"""The preview server's Host header check (against DNS rebinding).

A web page can make a browser send requests to 127.0.0.1 under the page's own domain name,
by pointing that name at 127.0.0.1 (DNS rebinding), and then read the answers: the preview
would be readable by any site the person visits while it runs. Such requests carry the
attacker's domain in their Host header, so the preview answers only Host values that name
the address it is bound to, and a 400 that says why to any other.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from tornado import web

LOOPBACK_NAMES = frozenset(("localhost", "127.0.0.1", "::1"))
ALL_INTERFACES = ("", "0.0.0.0", "::")


def host_allowed(host_header: str, bound: str) -> bool:
    """Whether a request whose Host header is ``host_header`` names the address the server
    is ``bound`` to: loopback names for a loopback address, the address itself otherwise;
    bound to all interfaces, loopback names, any IP address and this machine's name."""
    name = _host_name(host_header)
    bound = bound.strip("[]").lower()
    if not name:
        return False
    if _is_loopback(bound):
        return _is_loopback(name)
    if bound in ALL_INTERFACES:
        return _is_loopback(name) or _is_ip(name) or name in _machine_names()
    return name == bound


def _host_name(host_header: str) -> str:
    """The name in a Host header, without its port, brackets or a final dot."""
    host = host_header.strip().lower()
    if host.startswith("["):
        host = host[1:host.find("]")] if "]" in host else ""
    elif host.count(":") == 1:
        host = host.split(":")[0]
    return host.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):  # browsers keep *.localhost local
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _machine_names() -> frozenset[str]:
    name = socket.gethostname().lower()
    return frozenset((name, f"{name}.local"))


class HostCheckedApplication(web.Application):
    """The preview's routes, for requests whose Host names the bound address; a 400 that
    says why for any other."""

    def __init__(self, handlers: list, bound: str, **settings: Any):
        super().__init__(handlers, **settings)
        self.bound = bound

    def find_handler(self, request: Any, **kwargs: Any) -> Any:
        if not host_allowed(request.host or "", self.bound):
            return self.get_handler_delegate(request, _WrongHost, {"bound": self.bound})
        return super().find_handler(request, **kwargs)


class _WrongHost(web.RequestHandler):
    def initialize(self, bound: str) -> None:  # type: ignore[override]
        self.bound = bound

    def prepare(self) -> None:
        names = "127.0.0.1, localhost or [::1]" if _is_loopback(self.bound.strip("[]")) else self.bound
        self.set_status(400)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"400 Bad Request: this preview answers only requests for {names}, not for the "
                    f"host {self.request.host!r}.\n")
