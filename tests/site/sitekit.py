"""Helpers for whole-site tests: a tiny site written for them, and running the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"

TINY_ARTICLES = {
    "levant-ceasefire.md": """---
title: Ceasefire holds in the south
date: 2025-07-23
source: Levant Wire
url: https://example.org/levant/ceasefire
---
Officials in Ankara said on Wednesday that talks with Damascus would continue.

A ceasefire between the tribal fighters and Druze militias in Sweida was reached last Saturday, the envoy Tom Barrack said.

Fighting had erupted on July 13 near the city, and the region saw forty years of neglect before that.
""",
    "border-ceasefire.md": """---
title: Envoy announces Sweida ceasefire
date: 2025-07-20
source: Border Desk
---
The envoy Tom Barrack announced on 19 July that a ceasefire in Sweida had been reached between the fighters.

Aid convoys are expected **in the coming days**, a <script>alert(1)</script> spokesman said.
""",
    "meridian-briefing.md": """ANKARA, July 24, 2025 (Meridian News) - Türkiye's defence ministry said on Thursday it would train Syrian troops.

The ministry said in June that Turkish troops would stay in Syria. Last week, the ministry met Syrian officers.
""",
}
TINY_ACTORS = """actors:
  - name: Türkiye
    kind: country
    aliases: [Turkey, Ankara, Turkish]
    description: The Republic of Türkiye.
  - name: Syria
    kind: country
    aliases: [Damascus, Syrian]
  - name: Tom Barrack
    kind: person
    aliases: [Barrack]
"""


def write_tiny_site(root: Path) -> Path:
    articles = root / "content" / "articles"
    articles.mkdir(parents=True)
    for name, text in TINY_ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    (root / "content" / "actors.yaml").write_text(TINY_ACTORS, encoding="utf-8")
    (root / "site.yaml").write_text("title: Tiny chronology\nbase_url: https://example.org/story/\n",
                                    encoding="utf-8")
    return root


def annals(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real command line, as a user would."""
    return subprocess.run([sys.executable, "-m", "generator", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd or REPO, timeout=300)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def write_bench_site(root: Path, articles: int, seed: int = 3) -> Path:
    """A site of the benchmark's generated news corpus (bench/sites.py), as it builds it."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from bench import sites

    source = sites.make_corpus(articles, seed)
    return sites.write_annals_site(root, source.corpus, source.actors_yaml)


def mark_kept_cards(memo, edited: str) -> None:
    """In a kept card memo (render.cards.EventMemo): one card of an event not citing the
    ``edited`` article gets a ``data-kept`` attribute, every card of one citing it becomes
    ``<li>stale</li>``: a page showing the first took it from the memo, a page showing the
    second did not make the edited event's card again."""
    cites_edited = lambda entry: any(c.article == edited for c in entry[0].citations)  # noqa: E731
    unchanged = next(k for k, entry in memo.cards.items() if not cites_edited(entry))
    event, cited, picture, (html, targets) = memo.cards[unchanged]
    memo.cards[unchanged] = (event, cited, picture, (html.replace("<li ", "<li data-kept ", 1), targets))
    for key in [k for k, entry in memo.cards.items() if cites_edited(entry)]:
        event, cited, picture, (_, targets) = memo.cards[key]
        memo.cards[key] = (event, cited, picture, ("<li>stale</li>", targets))
