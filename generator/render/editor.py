"""What only editors see: the review page's problem groups, and the error page annals
serve shows when the site cannot be built. Public pages carry none of it."""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..config import SiteConfig
from ..i18n.catalogs import N_, Language
from ..model import ArticleAnalysis, Problem

# The review page's headings (the problems' own messages are annals check's, in English).
PROBLEM_KINDS = {
    "no-dateline": N_("Articles without a dateline"),
    "unresolved-date": N_("Date phrases that could not be resolved"),
    "conflict": N_("Sources that disagree on a date"),
    "correction": N_("Corrections to check (content/corrections.yaml)"),
    "low-confidence-actor": N_("Actors to confirm"),
    "front-matter": N_("Front matter"),
    "media": N_("Pictures"),
}


def problem_groups(problems: tuple[Problem, ...], lang: Language) -> list[dict[str, Any]]:
    order = list(PROBLEM_KINDS)
    kinds = sorted({p.kind for p in problems},
                   key=lambda k: (order.index(k) if k in order else len(order), k))
    return [{
        "kind": kind,
        "title": lang.gettext(PROBLEM_KINDS[kind]) if kind in PROBLEM_KINDS
        else kind.replace("-", " ").capitalize(),
        "problems": sorted((p for p in problems if p.kind == kind),
                           key=lambda p: (p.path, p.line or 0, p.message)),
    } for kind in kinds]


FURNITURE_NAMES = {"title": N_("headline (the page title)"), "slogan": N_("site slogan"),
                   "breadcrumb": N_("breadcrumb"), "label": N_("section label"), "byline": N_("byline"),
                   "cruft": N_("page cruft"), "stamp": N_("update time")}


def dropped_from_body(analysis: ArticleAnalysis, lang: Language) -> dict[str, Any]:
    """What the public page of an article leaves out of its body, for the editor to check."""
    text = analysis.text.text
    furniture = analysis.article.furniture
    names = {kind: lang.gettext(name) for kind, name in FURNITURE_NAMES.items()}
    items = [(names.get(kind, kind), text[start:end]) for start, end, kind in furniture]
    items += [(names["cruft"], s.text) for s in analysis.sentences
              if s.cruft and not any(a <= s.start and s.end <= b for a, b, _ in furniture)]
    return {"slug": analysis.article.slug, "title": analysis.article.title, "path": analysis.article.path,
            "items": items}


# Error page ------------------------------------------------------------------------------

ERROR_PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Build error — {title}</title>
<style>
body{{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1.5rem;background:#fff;color:#1a1a1a}}
main{{max-width:60rem;margin:0 auto}}
h1{{color:#a40000;font-size:1.5rem}}
pre{{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf2f2;border-left:4px solid #a40000;padding:1rem;font:14px/1.5 ui-monospace,monospace}}
</style>
</head>
<body>
<main>
<h1>The site could not be built</h1>
<p>Fix the problem below and save: the page reloads by itself.</p>
<pre>{error}</pre>
</main>
</body>
</html>
"""


def render_error_page(error_text: str, config: SiteConfig) -> str:
    """A standalone page showing a build error (file:line: message) in the browser."""
    return ERROR_PAGE.format(lang=escape(config.language), title=escape(config.title),
                             error=escape(error_text))
