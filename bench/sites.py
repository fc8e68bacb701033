"""The benchmark's input: one corpus, written as an Annals site, and the one-sentence edit.

Every tool gets the same articles (bench/corpus.py by default); peers.py writes them in
Hugo's and Pelican's formats with the helpers here (title_of, outlet_of, split_body), so
titles, dates and bodies are the same everywhere.
"""

from __future__ import annotations

import importlib.util
import zlib
from dataclasses import dataclass
from pathlib import Path

from bench import corpus_builtin

BENCH = Path(__file__).resolve().parent
Corpus = list[tuple[str, str, str]]  # (slug, dateline ISO date, Markdown text)
SITE_TITLE = "Benchmark chronology"
BASE_URL = "https://example.org/bench/"  # every tool serves under /bench/, as a real site might


@dataclass(frozen=True)
class CorpusSource:
    corpus: Corpus
    origin: str
    actors_yaml: str


def load_shared_corpus_module():
    path = BENCH / "corpus.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("annals_bench_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_corpus(n_articles: int, seed: int, which: str = "auto") -> CorpusSource:
    """The shared corpus maker (bench/corpus.py) when present (or asked for), else the built-in one."""
    module = load_shared_corpus_module() if which in ("auto", "shared") else None
    if module is None:
        if which == "shared":
            raise SystemExit("bench/corpus.py is not there: use --corpus builtin")
        return CorpusSource(corpus_builtin.fallback_corpus(n_articles, seed), "bench/corpus_builtin.py",
                            corpus_builtin.ACTORS_YAML)
    return CorpusSource(list(module.make_corpus(n_articles, seed)), "bench/corpus.py",
                        actors_yaml_for(module))


def actors_yaml_for(module) -> str:
    """About ten actors the shared corpus mentions: its places and its first organisations."""
    places = list(getattr(module, "PLACES", ()))[:8]
    groups = [g for g in getattr(module, "ACTORS", ()) if g.startswith("The ")][:4]
    if not places and not groups:
        return corpus_builtin.ACTORS_YAML
    lines = ["actors:"]
    lines += [f"  - {{name: {yaml_text(p)}, kind: place}}" for p in places]
    for group in groups:
        name = group[4:]
        lines.append(f"  - {{name: {yaml_text(name[0].upper() + name[1:])}, kind: organisation, "
                     f"aliases: [{yaml_text(group)}]}}")
    return "\n".join(lines) + "\n"


def title_of(body: str, slug: str) -> str:
    for line in body.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            first = line.split(". ")[0].rstrip(".")
            return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    return slug


def outlet_of(slug: str) -> str:
    outlets = corpus_builtin.OUTLETS
    return outlets[zlib.crc32(slug.encode()) % len(outlets)]  # crc32: stable across runs


def split_body(text: str) -> tuple[str | None, str]:
    """Front matter (if the corpus wrote one) and the body."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[4:end], text[end + 5:]
    return None, text


def yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def annals_article_path(root: Path, index: int, slug: str) -> Path:
    return root / "content" / "articles" / f"{index // 1000:03d}" / f"{slug}.md"  # a few folders


def write_annals_site(root: Path, corpus: Corpus, actors_yaml: str) -> Path:
    for index, (slug, dct, text) in enumerate(corpus):
        path = annals_article_path(root, index, slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta, body = split_body(text)
        if meta is None:
            meta = (f"title: {yaml_text(title_of(body, slug))}\ndate: {dct}\n"
                    f"source: {yaml_text(outlet_of(slug))}\nurl: https://example.org/{slug}")
        path.write_text(f"---\n{meta}\n---\n{body}", encoding="utf-8")
    (root / "content" / "actors.yaml").write_text(actors_yaml, encoding="utf-8")
    # search: false, like the peers' sites, which build no search index (Annals' index is
    # Pagefind's work: bench/README.md gives its time apart)
    (root / "site.yaml").write_text(f'title: "{SITE_TITLE}"\nbase_url: "{BASE_URL}"\nsearch: false\n',
                                    encoding="utf-8")
    return root


def edited_sentence(body: str) -> str:
    """The sentence every edit changes: the first one of the article's last paragraph.

    The last paragraph, not the first: the first line is the headline, which is also the title.
    Not a subscription line either: Annals drops those as cruft, so an edit there never shows.
    """
    paragraphs = [p for p in body.strip().split("\n\n")
                  if p.strip() and not p.startswith("#") and p.strip() not in corpus_builtin.CRUFT]
    last = paragraphs[-1].strip()
    cut = last.find(". ")
    return last if cut == -1 else last[:cut + 1]


@dataclass(frozen=True)
class ArticleEdit:
    """Changing one sentence of one article file, in place, as an editor's save does.

    The token is a plain word (letters and digits) so that no Markdown renderer, smart-quote
    pass or actor link can split it: finding it in a page proves the page shows the edit.
    """
    path: Path
    original: str
    sentence: str

    @classmethod
    def of(cls, path: Path, sentence: str) -> "ArticleEdit":
        original = path.read_text(encoding="utf-8")
        if sentence not in original:
            raise ValueError(f"{path}: the sentence to edit is not in the file: {sentence!r}")
        return cls(path, original, sentence)

    def apply(self, token: str) -> None:
        changed = self.sentence.rstrip(".") + f", according to update {token}."
        at = self.original.rindex(self.sentence)  # the body's copy, never a title's
        text = self.original[:at] + changed + self.original[at + len(self.sentence):]
        self.path.write_text(text, encoding="utf-8")


def page_shows(path: Path, token: str) -> bool:
    try:
        return token in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
