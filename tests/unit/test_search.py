"""Search records (render/search.py), the Pagefind bundle put in a fixed order
(search_bundle.py) and the Pagefind service (search.py) with the real binary."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_fixture import make_timeline  # noqa: E402

from generator.config import SiteConfig  # noqa: E402
from generator.media import Media  # noqa: E402
from generator.render import RenderOptions, find_theme, make_environment, search_documents  # noqa: E402
from generator.render.search import records  # noqa: E402
from generator.render.site import _Renderer  # noqa: E402
from generator.search import SearchDocument, SearchError, build_index  # noqa: E402
from generator.search_bundle import (SIGNATURE, BundleFormatError, Raw, canonical, decode,  # noqa: E402
                                     encode, pack, unpack)

THEME = find_theme("default", Path("/nonexistent-site"))


def fixture_records(config: SiteConfig | None = None):
    timeline = make_timeline()
    config = config or SiteConfig(title="Harbour story")
    renderer = _Renderer(timeline, config, make_environment(THEME), THEME, {}, Media(), RenderOptions())
    return {r.url: r for r in records(timeline, renderer.views, renderer.parts.event_url)}


# Records ----------------------------------------------------------------------------------

def test_each_event_is_a_record_leading_to_its_place_on_the_timeline():
    found = fixture_records()
    meeting = found["#harbour-meeting"]
    assert meeting.kind == "event" and meeting.date == "19 July 2025"
    assert meeting.title.startswith("Port officials from Norland and Vesta met on 19 July 2025")
    filters = dict(meeting.filters)
    assert filters == {"actor": ("Norland", "Vesta"), "source": ("Coastal Herald", "Vesta Daily"),
                       "year": ("2025",)}
    # the other source's telling is indexed with it
    assert any("took place on 13 July" in p for p in meeting.text)


def test_articles_and_actors_are_records_too():
    found = fixture_records()
    article = found["articles/harbour-talks/"]
    assert article.kind == "article" and article.title == "Harbour <b>talks</b> resume"
    assert dict(article.filters) == {"actor": ("Norland",), "source": ("Coastal Herald",), "year": ("2025",)}
    assert any("The draft treaty was first written in June." in p for p in article.text)
    undated = found["articles/pilot-recalls/"]
    assert dict(undated.filters) == {} and undated.date == ""
    norland = found["actors/norland/"]
    assert norland.kind == "actor" and dict(norland.filters) == {"actor": ("Norland",)}
    assert norland.text == ("Norlanders", "A coastal state.")
    kinds = [r.kind for r in found.values()]
    assert kinds == ["event"] * 4 + ["article"] * 3 + ["actor"] * 3  # a fixed order


def test_years_split_by_month_lead_to_the_month_page():
    found = fixture_records(SiteConfig(extra={"page_events": 2}))  # 4 events in 2025: by month
    assert "years/2025/07/#harbour-meeting" in found


def test_record_documents_escape_their_text_and_carry_filters():
    timeline = make_timeline()
    hostile = replace(timeline, actors=tuple(replace(a, name=f"<img src=x onerror=alert(1)>{a.slug}")
                                             for a in timeline.actors))
    docs = {d.url: d.html for d in search_documents(hostile, SiteConfig(), THEME)}
    html = docs["#harbour-meeting"]
    assert "<article data-pagefind-body>" in html
    assert '<span data-pagefind-meta="kind:Event"></span>' in html
    assert '<span data-pagefind-meta="date:19 July 2025"></span>' in html
    assert '<span data-pagefind-filter="year">2025</span>' in html
    assert '<span data-pagefind-filter="actor">&lt;img src=x onerror=alert(1)&gt;norland</span>' in html
    assert "<img" not in html
    assert '<h1 data-pagefind-meta="title">Harbour &lt;b&gt;talks&lt;/b&gt; resume</h1>' in docs["articles/harbour-talks/"]


# The bundle in a fixed order ----------------------------------------------------------------

def test_cbor_reads_and_writes_what_pagefind_writes():
    value = ["1.5.2", [["en_abc", 12], ["en_def", 300]], {"k": [1, 70000, -2]}, "Türkiye", b"\x00\x01"]
    assert decode(encode(value)) == value
    assert encode(25) == b"\x18\x19" and encode(24) == b"\x18\x18" and encode(23) == b"\x17"
    assert encode(70000) == b"\x1a\x00\x01\x11\x70"
    half_float = bytes([0xF9, 0x3C, 0x00])  # 1.0, kept as written
    assert decode(half_float) == Raw(half_float) and encode(decode(half_float)) == half_float
    assert decode(b"\x9f\x01\x02\xff") == [1, 2]  # an indefinite array reads too
    with pytest.raises(BundleFormatError):
        decode(b"\x82\x01")  # cut short
    with pytest.raises(BundleFormatError):
        decode(b"\x01\x02")  # trailing bytes


def fake_bundle(value_order: list[str], filter_order: list[str]) -> dict[str, bytes]:
    """A bundle laid out as Pagefind lays it out, its values and filters in the given order
    and its files named as one run of Pagefind might name them."""
    files: dict[str, bytes] = {}
    pairs = []
    for n, name in enumerate(filter_order):
        pages = {"2024": [0], "2025": [1, 2], "1999": [3]} if name == "year" else {"A": [0], "B": [1]}
        values = [[v, pages[v]] for v in (value_order if name == "year" else ["B", "A"])]
        digest = f"en_{hash((name, tuple(value_order))) & 0xFFFFFFF:07x}"
        files[f"pagefind/filter/{digest}.pf_filter"] = pack(encode([name, values]))
        pairs.append([name, digest])
    meta = ["1.5.2", [["en_p1", 10]], [], [["a", "z", "en_i1"]], pairs, []]
    meta_hash = f"en_{hash(tuple(value_order + filter_order)) & 0xFFFFFFFFFF:010x}"
    files[f"pagefind/pagefind.{meta_hash}.pf_meta"] = pack(encode(meta))
    files["pagefind/pagefind-entry.json"] = json.dumps(
        {"version": "1.5.2", "languages": {"en": {"hash": meta_hash, "wasm": "en", "page_count": 4}}},
        separators=(",", ":")).encode()
    files["pagefind/pagefind.js"] = b"// the script"
    return files


def test_canonical_bundle_is_the_same_whatever_order_pagefind_chose():
    one = canonical(fake_bundle(["2025", "1999", "2024"], ["year", "actor"]), "pagefind")
    two = canonical(fake_bundle(["1999", "2024", "2025"], ["actor", "year"]), "pagefind")
    assert one == two
    entry = json.loads(one["pagefind/pagefind-entry.json"])
    meta_path = f"pagefind/pagefind.{entry['languages']['en']['hash']}.pf_meta"
    meta = decode(unpack(one[meta_path]))
    assert [p[0] for p in meta[4]] == ["actor", "year"]
    year = decode(unpack(one[f"pagefind/filter/{meta[4][1][1]}.pf_filter"]))
    assert year == ["year", [["1999", [3]], ["2024", [0]], ["2025", [1, 2]]]]
    assert sorted(one) == sorted([meta_path, "pagefind/pagefind-entry.json", "pagefind/pagefind.js",
                                  f"pagefind/filter/{meta[4][0][1]}.pf_filter",
                                  f"pagefind/filter/{meta[4][1][1]}.pf_filter"])
    assert gzip.decompress(one[meta_path]).startswith(SIGNATURE)


def test_canonical_refuses_a_layout_it_does_not_know():
    bundle = fake_bundle(["2025"], ["year"])
    meta_path = next(k for k in bundle if k.endswith(".pf_meta"))
    bundle[meta_path] = pack(encode({"not": "an array"}))
    with pytest.raises(BundleFormatError):
        canonical(bundle, "pagefind")
    assert canonical({"pagefind/pagefind.js": b"x"}, "pagefind") == {"pagefind/pagefind.js": b"x"}


# The real Pagefind --------------------------------------------------------------------------

def test_index_of_real_records_is_the_same_from_separate_processes(tmp_path):
    """Each build_index runs its own Pagefind process, with its own random hash seed."""
    script = ("import sys, json, base64; sys.path.insert(0, 'tests/unit');"
              "from render_fixture import make_timeline;"
              "from generator.config import SiteConfig;"
              "from generator.render import find_theme, search_documents;"
              "from generator.search import build_index;"
              "from pathlib import Path;"
              "docs = search_documents(make_timeline(), SiteConfig(), find_theme('default', Path('/x')));"
              "files = build_index(docs, 'en');"
              "print(json.dumps({k: base64.b64encode(v).decode() for k, v in files.items()}))")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           cwd=Path(__file__).resolve().parents[2]).stdout for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    files = json.loads(runs[0])
    assert "pagefind/pagefind.js" in files and any(k.startswith("pagefind/filter/") for k in files)


def test_pagefind_refusals_and_failures_are_search_errors(tmp_path):
    with pytest.raises(SearchError, match="cannot run Pagefind"):
        build_index([SearchDocument("x/", "<p>x</p>")], "en", tmp_path / "missing")
    with pytest.raises(SearchError, match="stopped while indexing"):
        build_index([SearchDocument("x/", "<p>x</p>")], "en", Path("/bin/false"))


def test_an_index_of_nothing_still_builds():
    files = build_index([], "en")
    assert "pagefind/pagefind.js" in files
