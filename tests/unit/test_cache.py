"""The persistent build cache: reused when it can be, rebuilt when it cannot be trusted."""

from __future__ import annotations

import copyreg
import dataclasses
import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.build import BuildOptions, build
from generator.cache import CACHE_DIR, CACHE_FILE, BuildCache, dumps, loads
from generator.model import ArticleAnalysis

REPO = Path(__file__).resolve().parents[2]
ARTICLES = {
    f"a{i}.md": f"---\ntitle: Talks {i}\ndate: 2025-07-{10 + i:02d}\nsource: Wire {i % 2}\n---\n"
                f"Officials in Ankara said on Tuesday that talks with Damascus would resume, round {i}.\n"
    for i in range(6)
}


def make_site(root: Path) -> Path:
    (root / "content" / "articles").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (root / "content" / "articles" / name).write_text(text, encoding="utf-8")
    (root / "site.yaml").write_text("title: Cache test\n", encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(site: Path, out: Path, **options):
    return build(BuildOptions(site, out, force=True, **options))


def test_a_second_build_analyses_nothing_and_gives_the_same_bytes(tmp_path):
    site = make_site(tmp_path / "site")
    first = run(site, tmp_path / "one")
    second = run(site, tmp_path / "two")
    assert (first.analysed, second.analysed) == (len(ARTICLES), 0)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    clean = run(site, tmp_path / "clean", use_cache=False)
    assert clean.analysed == len(ARTICLES) and tree(tmp_path / "clean") == tree(tmp_path / "one")


def test_an_edit_analyses_only_the_edited_article(tmp_path):
    site = make_site(tmp_path / "site")
    run(site, tmp_path / "out")
    path = site / "content" / "articles" / "a3.md"
    path.write_text(path.read_text(encoding="utf-8").replace("resume", "stall"), encoding="utf-8")
    assert run(site, tmp_path / "out").analysed == 1
    assert tree(tmp_path / "out") == tree(run_clean(site, tmp_path / "fresh"))


def run_clean(site: Path, out: Path) -> Path:
    run(site, out, use_cache=False)
    return out


def test_changed_settings_empty_the_cache(tmp_path):
    site = make_site(tmp_path / "site")
    run(site, tmp_path / "out")
    (site / "site.yaml").write_text("title: Cache test\nday_first: true\n", encoding="utf-8")
    assert run(site, tmp_path / "out").analysed == len(ARTICLES)


def test_a_corrupt_cache_is_rebuilt_not_trusted(tmp_path):
    site = make_site(tmp_path / "site")
    run(site, tmp_path / "out")
    (site / CACHE_DIR / CACHE_FILE).write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{site / CACHE_DIR / CACHE_FILE}{suffix}").unlink(missing_ok=True)
    result = run(site, tmp_path / "again")
    assert result.analysed == len(ARTICLES)
    assert tree(tmp_path / "again") == tree(tmp_path / "out")
    assert run(site, tmp_path / "third").analysed == 0


class Boom:
    def __reduce__(self):
        return (os.system, ("touch /tmp/annals-cache-pwned",))


def test_a_planted_value_never_runs_code(tmp_path):
    assert loads(dumps(("x", 1))) == ("x", 1)
    with pytest.raises(pickle.UnpicklingError):
        loads(pickle.dumps(Boom()))
    site = make_site(tmp_path / "site")
    run(site, tmp_path / "out")
    database = sqlite3.connect(site / CACHE_DIR / CACHE_FILE)
    with database:
        database.execute("UPDATE analyses SET value = ?", (pickle.dumps(Boom()),))
        database.execute("UPDATE articles SET value = ?", (pickle.dumps(Boom()),))
    database.close()
    result = run(site, tmp_path / "again")
    assert result.analysed == len(ARTICLES)  # every planted entry was a miss
    assert not Path("/tmp/annals-cache-pwned").exists()


def test_another_fingerprint_finds_nothing(tmp_path):
    with BuildCache.open(tmp_path, "one") as cache:
        cache.put_many("analyses", {"k": ("value",)})
        assert cache.get_many("analyses", ["k"]) == {"k": ("value",)}
    with BuildCache.open(tmp_path, "two") as cache:
        assert cache.get_many("analyses", ["k"]) == {}


def test_a_read_only_site_builds_without_a_cache(tmp_path):
    site = make_site(tmp_path / "site")
    os.chmod(site, 0o555)  # even root, who could write there, leaves it alone
    try:
        assert run(site, tmp_path / "out").analysed == len(ARTICLES)
        assert not (site / CACHE_DIR).exists()
    finally:
        os.chmod(site, 0o755)


def test_concurrent_builds_share_the_cache_safely(tmp_path):
    site = make_site(tmp_path / "site")
    commands = [subprocess.Popen([sys.executable, "-m", "generator", "build", str(site), "-o",
                                  str(tmp_path / f"out{i}"), "-q"], cwd=REPO, stderr=subprocess.PIPE)
                for i in range(3)]
    for command in commands:
        assert command.wait(timeout=120) == 0, command.stderr.read().decode()
    assert tree(tmp_path / "out0") == tree(tmp_path / "out1") == tree(tmp_path / "out2")
    assert run(site, tmp_path / "after").analysed == 0


class DictLayout:
    """Pickles a model object as schema 2 did, before the classes had slots: its class,
    then its fields (and theirs, all the way down) in an instance dict."""

    def __init__(self, value):
        self.value = value

    @property
    def __class__(self):  # pickle checks that __newobj__ makes an object of the class it saves
        return type(self.value)

    def __reduce_ex__(self, protocol):
        value = self.value
        return (copyreg.__newobj__, (type(value),),
                {f.name: dict_layout(getattr(value, f.name)) for f in dataclasses.fields(value)})


def dict_layout(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return DictLayout(value)
    if isinstance(value, tuple):
        return tuple(dict_layout(v) for v in value)
    return value


def test_a_cache_of_the_previous_schema_is_rebuilt_not_read(tmp_path, monkeypatch):
    site = make_site(tmp_path / "site")
    monkeypatch.setattr(cache_module, "SCHEMA", cache_module.SCHEMA - 1)
    run(site, tmp_path / "old")  # the cache as the previous schema stamps it...
    database = sqlite3.connect(site / CACHE_DIR / CACHE_FILE)
    rows = database.execute("SELECT key, value FROM analyses").fetchall()
    old_rows = [(pickle.dumps(DictLayout(loads(value)), protocol=5), key) for key, value in rows]
    with database:  # ...holding its analyses in that schema's layout
        database.executemany("UPDATE analyses SET value = ? WHERE key = ?", old_rows)
    database.close()
    # Read into today's classes, such a row is nonsense (field names for values), not an error:
    # only the schema in the fingerprint keeps a build from using it.
    misread = loads(old_rows[0][0])
    assert isinstance(misread, ArticleAnalysis) and misread.dateline == "dateline"
    monkeypatch.undo()
    result = run(site, tmp_path / "new")
    assert result.analysed == len(ARTICLES)
    assert tree(tmp_path / "new") == tree(run_clean(site, tmp_path / "clean"))


def test_malformed_export_rows_are_left_out(tmp_path):
    """The exports table says where the last build's event pieces lie: a row of the wrong
    shape (another build's, a damaged one) is never used to copy bytes."""
    from generator.cache import ExportTable

    store = BuildCache.open(tmp_path, "print")
    try:
        table = ExportTable(store)
        good = ((10, 20, 30), {b"k" * 20: 5 << 32 | 7})
        table.store("/out", {"timeline.json": good})
        store.put_many("exports", {"timeline.csv": ("/out", (1, 2, 3), {b"k": (5, 7)}),  # an older shape
                                   "timeline.ics": ("/out", (1, 2), {}),  # no signature
                                   "feed.xml": ("/elsewhere", (1, 2, 3), {})})  # another output folder
        assert table.last("/out") == {"timeline.json": good}
    finally:
        store.close()
