"""Whole builds of small random sites (hypothesis): random settings, front matter, bodies and
actors.yaml, built for real into a folder. A build either succeeds with a complete site or
fails with Annals' own error naming a file; never another exception."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildOptions, build
from generator.errors import AnnalsError, BuildErrors

WORDS = ["The army said on Monday", "talks resume next week", "in June", "on 9999-12-31", "0001-01-01",
         "yesterday", "Türkiye", "Syria", "Ankara said", "Islamic State", "<script>alert(1)</script>",
         "**bold**", "[link](javascript:alert(1))", "# Headline", "> quote", "|a|b|", "&amp;", "\n\n",
         "ANKARA, July 23, 2025 (Wire) -", "date 2024-12-26", "Defense Minister Yaşar Güler", "=1+1",
         "12/31/9999", "the previous day", "forty years", "\x00", "\u202e", "\ufeff", "."]
bodies = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=25).map(" ".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=20),
                    st.sampled_from(["2025-07-23", "9999-12-31", "0001-01-01", "2025-07-23T23:30:00-05:00",
                                     "https://example.org/a", "javascript:alert(1)", "/x", "en", "tr",
                                     "Türkiye, Syria", "../../etc"]))
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(st.text(max_size=4), scalars, max_size=2))
any_date = st.one_of(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                     st.sampled_from(["2025-07-23", "9999-12-31", "0001-01-01", "2025-07-23T23:30:00-05:00"]))
names = st.lists(st.sampled_from(["Türkiye", "Syria", "Ankara", "Nobody", "", "x" * 300]), max_size=3)
text = st.text(max_size=30)


def mostly(valid: st.SearchStrategy) -> st.SearchStrategy:
    """The key's own kind of value three times in four, anything else the fourth: enough
    builds get past the checks to exercise everything after them."""
    return st.one_of(valid, valid, valid, values)


front_matter = st.fixed_dictionaries({}, optional={
    "title": mostly(text), "date": mostly(any_date), "source": mostly(text), "author": mostly(text),
    "url": mostly(st.sampled_from(["https://example.org/a?x=1&y=2", "/local", "javascript:alert(1)"])),
    "actors": mostly(names), "draft": mostly(st.booleans()), "slug": mostly(text),
    "lang": mostly(st.sampled_from(["en", "tr", "de", "xx", "en-GB"])), "tags": values})
site_settings = st.fixed_dictionaries({}, optional={
    "title": mostly(text), "description": mostly(text),
    "base_url": mostly(st.sampled_from(["/", "/story/", "https://example.org/story/", "story", "//evil.example/"])),
    "language": mostly(st.sampled_from(["en", "tr", "fr", "xx"])),
    "timezone": mostly(st.sampled_from(["UTC", "Asia/Tokyo", "Pacific/Kiritimati", "Etc/GMT+12"])),
    "day_first": mostly(st.booleans()), "merge_events": mostly(st.booleans()),
    "page_events": mostly(st.integers(0, 3)),
    "key_dates": mostly(st.fixed_dictionaries({}, optional={"min_sources": st.integers(0, 3),
                                                            "limit": st.integers(0, 3)})),
    "theme": st.sampled_from(["default", "default", "default", "missing", "../x"])})
actors_files = st.one_of(
    st.none(), st.none(),
    st.sampled_from(["actors:\n  - name: Türkiye\n    aliases: [Ankara]\n",
                     "actors:\n  - name: A\n  - name: A\n", "actors: [1, 2]\n", "ignore: [Wire]\n",
                     "actors:\n  - name: X\n    kind: planet\n", "- Syria\n- Türkiye\n", "[[[\n", ""]),
    st.dictionaries(st.sampled_from(["actors", "ignore"]), values, max_size=2).map(yaml.safe_dump))
sites = st.fixed_dictionaries({
    "settings": st.one_of(st.none(), site_settings),
    "articles": st.lists(st.tuples(st.one_of(st.none(), front_matter), bodies), min_size=1, max_size=4),
    "actors": actors_files,
})


def write_site(root: Path, spec: dict) -> None:
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    if spec["settings"] is not None:
        (root / "site.yaml").write_text(yaml.safe_dump(spec["settings"], allow_unicode=True), encoding="utf-8")
    if spec["actors"] is not None:
        (root / "content" / "actors.yaml").write_text(spec["actors"], encoding="utf-8")
    for number, (meta, body) in enumerate(spec["articles"]):
        head = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n" if meta is not None else ""
        (articles / f"a{number}.md").write_text(head + body + "\n", encoding="utf-8")


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sites)
def test_random_small_sites_build_or_fail_with_annals_errors(spec):
    with tempfile.TemporaryDirectory(prefix="annals-random-") as tmp:
        root = Path(tmp) / "site"
        write_site(root, spec)
        out = Path(tmp) / "out"
        try:
            result = build(BuildOptions(root, output_dir=out, jobs=1))
        except BuildErrors as exc:
            assert exc.errors and all(e.path and e.message for e in exc.errors)
            assert not out.exists()  # a failed build writes nothing
            return
        except AnnalsError as exc:  # site.yaml, the theme, the output folder: one message
            assert str(exc) and not out.exists()
            return
        data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
        assert len(data["articles"]) == len(result.timeline.articles)
        assert (out / "index.html").is_file() and (out / ".annals-output").is_file()
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["out", "site"]  # no staging left
