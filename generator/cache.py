"""The persistent build cache: what a build learnt, for the next build of the same site.

One SQLite file, ``SITE/.annals-cache/cache.sqlite`` (the standard library's sqlite3):

    meta(key, value)              the fingerprint of the code and settings it was made with
    articles(key, value)          a parsed Article, by the hash of its file's bytes and path
    analyses(key, value)          an article's analysis, by the hash of the whole Article
    items(key, value)             an article's merge items as plain data (chronology/items.py)
    windows(key, value)           a merge window's clusters, by the hash of its content key
    pages(key, value)             per page path: the output folder, the digest of the page's
                                  inputs and the signature of the file written (emit.py)

Values are pickles of the frozen dataclasses of ``generator.model``, read back with an
unpickler that builds only those classes (and dates and arrays), so a cache file that came
from elsewhere cannot run code. A cache made by another version of Annals or with other
settings, or one that cannot be read, is emptied and rebuilt, never trusted. Writes are
single transactions in WAL mode with a busy timeout, so concurrent builds wait for each
other and a killed build leaves the last committed state.
"""

from __future__ import annotations

import array
import dataclasses
import datetime
import hashlib
import io
import pickle
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from . import model
from .fingerprint import CACHE_DIR, code_digest
from .chronology.windows import WindowResult

CACHE_FILE = "cache.sqlite"
SCHEMA = 6  # 6: the exports table, an Article pickles its cached hash as None; 5: articles keyed by Article.digest; 4: slotted model classes (their pickles hold no instance dict), digests as merge item keys, items, pages
TABLES = ("articles", "analyses", "items", "windows", "pages", "exports")
BUSY_TIMEOUT_S = 30.0
QUERY_CHUNK = 500  # keys per SELECT ... IN (...): below SQLite's variable limit


def code_fingerprint() -> str:
    """The code's digest with the cache's schema: a changed rule invalidates every entry."""
    return hashlib.sha256(f"schema {SCHEMA} {code_digest()}".encode()).hexdigest()


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def article_key(article: model.Article) -> str:
    """Everything an analysis depends on in the article."""
    return article.digest


_ALLOWED = {("datetime", "date"): datetime.date, ("array", "array"): array.array,
            ("array", "_array_reconstructor"): array._array_reconstructor,  # type: ignore[attr-defined]
            ("builtins", "frozenset"): frozenset, ("builtins", "set"): set}


class _ModelUnpickler(pickle.Unpickler):
    """Builds the model's dataclasses, dates and arrays, and nothing else."""

    def find_class(self, module: str, name: str):
        found = getattr(model, name, None) if module == model.__name__ else None
        if isinstance(found, type) and dataclasses.is_dataclass(found):
            return found
        if (module, name) in _ALLOWED:
            return _ALLOWED[(module, name)]
        raise pickle.UnpicklingError(f"{module}.{name} is not a cache value")


def dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes) -> object:
    return _ModelUnpickler(io.BytesIO(data)).load()


@dataclass
class CacheChecks:
    """What a long-lived process (annals serve) already knows when it opens the cache again
    on every save: its code's fingerprint (the code it runs was imported once, whatever the
    files say later) and the cache files it found sound, by path, with the device and inode
    checked (a file replaced since is checked again). Checking a 5,000-article cache's
    integrity took 40 ms a save."""

    code: str | None = None
    sound: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class BuildCache:
    """An open cache for one site and one fingerprint (code + settings)."""

    path: Path
    fingerprint: str
    connection: sqlite3.Connection | None = field(default=None, repr=False)
    used: dict[str, set[str]] = field(default_factory=lambda: {t: set() for t in TABLES}, repr=False)

    @classmethod
    def open(cls, site_dir: Path, fingerprint: str, checks: CacheChecks | None = None) -> "BuildCache":
        path = site_dir / CACHE_DIR / CACHE_FILE
        cache = cls(path, fingerprint)
        cache.connection = cache._connect(checks)
        return cache

    def _connect(self, checks: CacheChecks | None = None) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._prepare(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S), checks)
        except sqlite3.DatabaseError:  # not a database, or damaged: start again
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return self._prepare(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S), checks)

    def _prepare(self, connection: sqlite3.Connection, checks: CacheChecks | None = None) -> sqlite3.Connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        with connection:
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for table in TABLES:
                connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)")
            row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            if row is None or row[0] != self.fingerprint:
                for table in TABLES:
                    connection.execute(f"DELETE FROM {table}")
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (self.fingerprint,))
        try:
            st = self.path.stat()
            file = (st.st_dev, st.st_ino)
        except OSError:
            file = None
        if checks is None or file is None or checks.sound.get(str(self.path)) != file:
            connection.execute("PRAGMA integrity_check(1)").fetchone()
            if checks is not None and file is not None:
                checks.sound[str(self.path)] = file
        return connection

    def get_many(self, table: str, keys: Iterable[str]) -> dict[str, object]:
        """The cached values of ``keys`` that can be read; the others are simply absent."""
        found: dict[str, object] = {}
        wanted = list(dict.fromkeys(keys))
        self.used[table].update(wanted)
        assert self.connection is not None
        try:
            for i in range(0, len(wanted), QUERY_CHUNK):
                chunk = wanted[i:i + QUERY_CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(_readable(self.connection.execute(
                    f"SELECT key, value FROM {table} WHERE key IN ({marks})", chunk)))
        except sqlite3.DatabaseError:
            return {}
        return found

    def put_many(self, table: str, items: Mapping[str, object]) -> None:
        if not items:
            return
        assert self.connection is not None
        rows = [(key, dumps(value)) for key, value in items.items()]
        self.used[table].update(items)
        try:
            with self.connection:
                self.connection.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", rows)
        except sqlite3.DatabaseError:
            pass  # a cache that cannot be written is only slower

    def get_all(self, table: str) -> dict[str, object]:
        """Every readable entry of ``table`` (for small tables read whole)."""
        assert self.connection is not None
        try:
            found = dict(_readable(self.connection.execute(f"SELECT key, value FROM {table}")))
        except sqlite3.DatabaseError:
            return {}
        self.used[table].update(found)
        return found

    def replace_all(self, table: str, items: Mapping[str, object]) -> None:
        """Make ``items`` the whole content of ``table``, in one transaction."""
        assert self.connection is not None
        rows = [(key, dumps(value)) for key, value in items.items()]
        self.used[table] = set(items)
        try:
            with self.connection:
                self.connection.execute(f"DELETE FROM {table}")
                self.connection.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)
        except sqlite3.DatabaseError:
            pass

    def forget_unused(self) -> None:
        """Drop the entries this build did not use (edited or deleted articles)."""
        assert self.connection is not None
        try:
            with self.connection:
                for table in TABLES:
                    self.connection.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
                    self.connection.execute("DELETE FROM keep")
                    self.connection.executemany("INSERT OR IGNORE INTO keep VALUES (?)",
                                                ((k,) for k in self.used[table]))
                    self.connection.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM keep)")
        except sqlite3.DatabaseError:
            pass

    def close(self) -> None:
        if self.connection is not None:
            with closing(self.connection):
                pass
            self.connection = None

    def __enter__(self) -> "BuildCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _readable(rows: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, object]]:
    """The rows whose value unpickles: an unreadable entry is a miss, not an error."""
    for key, value in rows:
        try:
            yield key, loads(value)
        except Exception:  # noqa: BLE001
            continue


def settings_fingerprint(*parts: str, checks: CacheChecks | None = None) -> str:
    """The code fingerprint joined with the settings that change analyses (the code's
    worked out once per ``checks``)."""
    if checks is None:
        return digest(code_fingerprint(), *parts)
    if checks.code is None:
        checks.code = code_fingerprint()
    return digest(checks.code, *parts)


@dataclass(frozen=True)
class ArticleTable:
    """The `articles` table as content.load_articles' memo (parsed articles by file digest)."""

    cache: BuildCache

    def get_many(self, keys):
        return {k: v for k, v in self.cache.get_many("articles", keys).items() if isinstance(v, model.Article)}

    def put_many(self, items) -> None:
        self.cache.put_many("articles", items)


def cached_analyses(cache: BuildCache, articles: Iterable[model.Article]) -> dict[model.Article, model.ArticleAnalysis]:
    """The analyses an earlier build made of these very articles."""
    keyed = {article_key(a): a for a in articles}
    found = cache.get_many("analyses", keyed)
    return {keyed[k]: dataclasses.replace(v, article=keyed[k]) for k, v in found.items()
            if isinstance(v, model.ArticleAnalysis)}


def store_analyses(cache: BuildCache, analyses: Iterable[model.ArticleAnalysis]) -> None:
    """Keep analyses for the next build (without their article, which is the key)."""
    cache.put_many("analyses", {article_key(a.article): dataclasses.replace(a, article=None) for a in analyses})


@dataclass(frozen=True)
class ItemTable:
    """The `items` table as the chronology's store of articles' merge items."""

    cache: BuildCache

    def get_many(self, keys):
        return self.cache.get_many("items", keys)

    def put_many(self, items) -> None:
        self.cache.put_many("items", items)


@dataclass
class WindowTable:
    """The `windows` table as the chronology's window memo (chronology.windows): a window's
    clusters (tuples of item positions) by the digest of its content key. Reads what the
    last build left, every window of a chronology in one go (`get_many`); `store` keeps
    what this one used. ``memory``: the windows a long-lived process (annals serve, the
    build server) kept of its last chronology, looked in first; those are not digested,
    read or written again (the cache got them when they were made)."""

    cache: BuildCache
    memory: Mapping[tuple, WindowResult] = field(default_factory=dict, repr=False)
    found: set[str] = field(default_factory=set)
    names: dict[tuple, str] = field(default_factory=dict, repr=False)  # digests made so far

    def key_digest(self, key: tuple) -> str:
        name = self.names.get(key)
        if name is None:  # a key is tuples of str, numbers and dates: a stable repr
            name = self.names[key] = digest(repr(key))
        return name

    def get_many(self, keys: Sequence[tuple]) -> dict[tuple, WindowResult]:
        """The results of those of ``keys`` the memory or an earlier build kept (from the
        cache, clusters only: the events are weighed again where they are needed)."""
        out = {k: self.memory[k] for k in keys if k in self.memory}
        named = {self.key_digest(k): k for k in keys if k not in out}
        for name, value in self.cache.get_many("windows", named).items():
            if _is_clusters(value):
                self.found.add(name)
                out[named[name]] = WindowResult(value, None)  # type: ignore[arg-type]
        return out

    def get(self, key: tuple, default=None):
        return self.get_many([key]).get(key, default)

    def store(self, used: Mapping[tuple, object]) -> None:
        named = {self.key_digest(k): v.clusters for k, v in used.items()  # type: ignore[attr-defined]
                 if k not in self.memory}
        self.cache.used["windows"].update(named)
        self.cache.put_many("windows", {k: v for k, v in named.items() if k not in self.found})


def _is_clusters(value: object) -> bool:
    return isinstance(value, tuple) and all(
        isinstance(c, tuple) and all(type(i) is int for i in c) for c in value)


@dataclass(frozen=True)
class PageTable:
    """The `pages` table: what the last build wrote, per page (emit.WrittenPages)."""

    cache: BuildCache

    def last(self, target: str) -> dict[str, tuple[str, tuple[int, int, int]]]:
        """The pages the last build into ``target`` wrote, each with its inputs' digest and
        its file's signature (size, mtime_ns, inode); malformed rows are left out."""
        out = {}
        for path, value in self.cache.get_all("pages").items():
            if (isinstance(value, tuple) and len(value) == 3 and value[0] == target
                    and isinstance(value[1], str) and isinstance(value[2], tuple) and len(value[2]) == 3
                    and all(type(n) is int for n in value[2])):
                out[path] = (value[1], value[2])
        return out

    def store(self, target: str, pages: Mapping[str, tuple[str, tuple[int, int, int]]]) -> None:
        self.cache.replace_all("pages", {path: (target, digest, signature)
                                         for path, (digest, signature) in pages.items()})


@dataclass(frozen=True)
class ExportTable:
    """The `exports` table: per export file the last build wrote, its signature and where
    its event pieces lie (export/splice.py's ExportIndex)."""

    cache: BuildCache

    def last(self, target: str) -> dict[str, tuple[tuple[int, int, int], dict[bytes, int]]]:
        """The export files the last build into ``target`` wrote; malformed rows are left out."""
        out = {}
        for name, value in self.cache.get_all("exports").items():
            if (isinstance(value, tuple) and len(value) == 3 and value[0] == target and _signature(value[1])
                    and isinstance(value[2], dict)
                    and all(type(k) is bytes and type(v) is int for k, v in value[2].items())):
                out[name] = (value[1], value[2])
        return out

    def store(self, target: str, files: Mapping[str, tuple[tuple[int, int, int], dict]]) -> None:
        self.cache.replace_all("exports", {name: (target, signature, places)
                                           for name, (signature, places) in files.items()})


def _signature(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 3 and all(type(n) is int for n in value)
