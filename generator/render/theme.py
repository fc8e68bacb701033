"""Themes: finding one, its Jinja environment and its static files, read under the
path-safety rule (sitefiles): a site's theme file that is a link is left out and named."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import jinja2

from ..errors import ContentError
from ..i18n.catalogs import SOURCE_LANGUAGE, Language, language as interface_language
from ..sitefiles import Skipped, open_regular, refusal, regular_files


def _builtin_themes() -> Path:
    """The repository's themes/ (a source checkout or editable install), else the copy a
    regular install puts under <prefix>/share/annals/themes (pyproject's data-files)."""
    checkout = Path(__file__).resolve().parents[2] / "themes"
    installed = Path(sys.prefix) / "share" / "annals" / "themes"
    return checkout if (checkout / "default" / "templates").is_dir() or not installed.is_dir() else installed


BUILTIN_THEMES = _builtin_themes()
DEFAULT_THEME = "default"


def find_theme(name: str, site_dir: Path) -> Path:
    """The site's own themes/<name>, else the built-in theme of that name. A site theme
    reached through a link is not the site's (sitefiles): theme_refusals names it."""
    own = site_dir / "themes" / name
    refused = refusal(site_dir, own / "templates") if (own / "templates").is_dir() else None
    if (own / "templates").is_dir() and refused is None:
        return own
    if (BUILTIN_THEMES / name / "templates").is_dir():
        return BUILTIN_THEMES / name
    if refused is not None:
        raise ContentError(f"themes/{name}/templates", f"{refused}: Annals reads only files inside the "
                           "site; copy the theme into themes/ instead of linking it")
    raise ContentError("site.yaml", f"theme {name!r} not found: make themes/{name}/templates/ "
                       f"in the site folder or use theme: {DEFAULT_THEME}")


def theme_refusals(name: str, site_dir: Path) -> tuple[Skipped, ...]:
    """The links (and other files that are not regular) in the site's themes/<name>: Jinja
    and static_files leave them out, and the build names them in a warning."""
    own = site_dir / "themes" / name
    if not os.path.lexists(own):
        return ()
    why = refusal(site_dir, own)
    if why is not None:
        return (Skipped(own.relative_to(site_dir).as_posix(), why),)
    found: list[Skipped] = []
    for folder in ("templates", "static"):
        listing = regular_files(site_dir, own / folder, lambda rel: not _hidden(rel), _hidden)
        found.extend(listing.skipped)
    return tuple(found)


class _RegularTemplates(jinja2.FileSystemLoader):
    """Templates under one folder, read only when they are regular files inside it (a
    template linking out of the theme is as if it were not there: the default theme's own
    is used, and theme_refusals names it)."""

    def __init__(self, root: Path):
        super().__init__(str(root))
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.root.joinpath(*jinja2.loaders.split_template_path(template))
        if refusal(self.root, path) is not None:
            raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)


# The i18n extension's options, shared with the extraction mapping (babel.cfg) so that
# pybabel reads the templates as they are rendered.
JINJA_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}
JINJA_EXTENSIONS = ("jinja2.ext.i18n",)


def make_environment(theme_dir: Path, language: Language | None = None) -> jinja2.Environment:
    """Jinja over the theme's templates, speaking ``language`` (``_()``, ``ngettext`` and
    ``{% trans %}`` read its catalog; English when None); a partial theme falls back to the
    default one."""
    loaders: list[jinja2.BaseLoader] = [_RegularTemplates(theme_dir / "templates")]
    builtin = BUILTIN_THEMES / DEFAULT_THEME
    if builtin.resolve() != theme_dir.resolve():
        loaders.append(jinja2.FileSystemLoader(str(builtin / "templates")))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders), autoescape=True, undefined=jinja2.StrictUndefined,
        extensions=list(JINJA_EXTENSIONS), **JINJA_OPTIONS)
    # newstyle: _("%(n)s sources", n=3) formats and escapes its values itself.
    language = language or interface_language(SOURCE_LANGUAGE)
    env.install_gettext_translations(language.translations, newstyle=True)  # type: ignore[attr-defined]
    env.policies["ext.i18n.trimmed"] = True  # {% trans %} blocks: whitespace collapsed, as extracted
    return env


def static_files(theme_dir: Path) -> dict[str, bytes]:
    """The theme's static/ files keyed "static/<path>", over the default theme's. Only
    regular files inside each static/ folder are copied (sitefiles): never what a link
    points at."""
    out: dict[str, bytes] = {}
    for theme in dict.fromkeys((BUILTIN_THEMES / DEFAULT_THEME, theme_dir)):
        static = theme / "static"
        for path in regular_files(theme, static, lambda rel: not _hidden(rel), _hidden).files:
            out[f"static/{path.relative_to(static).as_posix()}"] = open_regular(theme, path)
    return dict(sorted(out.items()))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def check_templates(theme_dir: Path) -> None:
    """Compile every template the theme and the default theme have, so that a syntax error
    is reported at once, naming the template and line, even for pages made later."""
    env = make_environment(theme_dir)
    names = sorted({p.name for folder in (theme_dir / "templates", BUILTIN_THEMES / DEFAULT_THEME / "templates")
                    if folder.is_dir() for p in folder.glob("*.html")})
    for name in names:
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise ContentError(f"themes/{theme_dir.name}/templates/{exc.name or name}",
                               exc.message or str(exc), exc.lineno) from None


def template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The template and line a runtime template error happened at (Jinja puts template
    frames into the traceback)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".html") and "templates" in frame.filename:
            return Path(frame.filename).name, frame.lineno
    return fallback, None


PIECE_CHARS = 1 << 16  # what a page's pieces are gathered into before encoding


def utf8_pieces(chunks: Iterable[str]) -> Iterator[bytes]:
    """A template's output (many short strings) in UTF-8 pieces of about PIECE_CHARS."""
    gathered: list[str] = []
    size = 0
    for chunk in chunks:
        gathered.append(chunk)
        size += len(chunk)
        if size >= PIECE_CHARS:
            yield "".join(gathered).encode("utf-8")
            gathered, size = [], 0
    if gathered:
        yield "".join(gathered).encode("utf-8")
