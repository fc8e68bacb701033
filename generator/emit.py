"""The site's files into a sink: pictures, pages, theme files and exports.

``annals build`` writes into a staging folder (output.StagingFolder). A page whose inputs
(render/inputs.py) have the digest they had when the last build wrote it, and whose file in
the output folder is still that very file (same size, modification time and inode), is
hard-linked from there instead of rendered again: an edit re-renders the pages it touches,
and the unchanged files keep their bytes and times for whoever syncs the folder.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from . import __version__, export, render
from .config import SiteConfig
from .media import Media
from .model import Timeline
from .output import StagingFolder, file_signature, write_file
from .render.inputs import InputDigests, page_inputs
from .workers import worker_pool

# Measured on 2 cores: below ~200 articles the forked exporter's start-up eats its gain.
OVERLAP_MIN_ARTICLES = 200
Signature = tuple[int, int, int]  # (size, mtime_ns, inode) of a written file


@dataclass(frozen=True)
class WrittenPages:
    """What the last build wrote into ``target``: per page path, its inputs' digest and
    the signature of the file it wrote."""

    target: str
    pages: Mapping[str, tuple[str, Signature]] = field(default_factory=dict)

    def reusable(self, path: str, digest: str) -> Path | None:
        known = self.pages.get(path)
        if known is None or known[0] != digest:
            return None
        file = Path(self.target, path)
        signature = file_signature(file)
        return file if signature is not None and signature == known[1] else None


@dataclass
class EmitStats:
    rendered: int = 0  # pages rendered afresh
    linked: int = 0  # unchanged pages linked from the last output


def render_files(timeline: Timeline, config: SiteConfig, media: Media, theme: Path, *,
                 build_info: Mapping[str, str], jobs: int | None = None,
                 staging: StagingFolder | None = None, options: render.RenderOptions | None = None,
                 last: WrittenPages | None = None, environment: str = "",
                 ) -> tuple[dict[str, bytes], EmitStats, WrittenPages | None]:
    """Pages, theme files and exports, in memory, or written into ``staging`` as they are
    made (the dict returned is then empty), with what was written for the next build (None
    in memory). On big sites the exports are made in a forked process meanwhile.
    ``environment``: a digest of what no page input names (code, settings, theme)."""
    files: dict[str, bytes] = {}
    emit = staging or files.__setitem__
    for name, data in media.files.items():
        emit(name, data)
    stats = EmitStats()

    def pages() -> WrittenPages | None:
        written = _pages(timeline, config, media, theme, build_info, options or render.RenderOptions(),
                         staging, emit, last, environment, stats)
        for name, data in render.static_files(theme).items():
            emit(name, data)
        return written

    if not _overlap_exports(timeline, jobs):
        written = pages()
        for name, stream in export.export_streams(timeline, config, media).items():
            emit(name, stream() if staging is not None else b"".join(stream()))  # in pieces to disk
        return files, stats, written
    root = staging.root if staging is not None else None
    with worker_pool(1, multiprocessing.get_context("fork"), _set_worker_exports,
                     (timeline, config, media)) as pool:
        exports = pool.submit(_export_in_worker, root)
        written = pages()
        made = exports.result()
    if isinstance(made, dict):
        files.update(made)
    else:  # the worker wrote them into the staging folder itself
        staging.add_written(made)  # type: ignore[union-attr]
    return files, stats, written


def _pages(timeline: Timeline, config: SiteConfig, media: Media, theme: Path,
           build_info: Mapping[str, str], options: render.RenderOptions, staging: StagingFolder | None,
           emit: Callable[[str, bytes], None], last: WrittenPages | None, environment: str,
           stats: EmitStats) -> WrittenPages | None:
    maker = render.PageMaker(timeline, config, theme, build_info=build_info, media=media, options=options)
    records = tuple(maker.records.values())
    digests: dict[str, str] = {}
    if staging is not None:
        digests = InputDigests(environment).pages(page_inputs(timeline, maker.paging, records, media))
    written: dict[str, tuple[str, Signature]] = {}
    for record in records:
        digest = digests.get(record.path)
        source = last.reusable(record.path, digest) if last is not None and digest else None
        if source is not None and staging is not None and staging.link(record.path, source):
            stats.linked += 1
        else:
            # to disk in pieces as the template makes them: a big year page is 10 MB
            emit(record.path, maker.pieces(record) if staging is not None else maker(record))
            stats.rendered += 1
        if digest and staging is not None:
            signature = staging.signature(record.path)
            if signature is not None:
                written[record.path] = (digest, signature)
    return WrittenPages(str(staging.target), written) if staging is not None else None


def environment_digest(*parts: str, theme: Path) -> str:
    """What every page depends on that no page input names: the code and settings
    (``parts``) and every file of the theme."""
    h = hashlib.sha256(__version__.encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "little") + part.encode("utf-8", "surrogatepass"))
    for file in sorted(p for p in theme.rglob("*") if p.is_file()):
        h.update(file.relative_to(theme).as_posix().encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def _overlap_exports(timeline: Timeline, jobs: int | None) -> bool:
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    return (workers > 1 and len(timeline.articles) >= OVERLAP_MIN_ARTICLES
            and "fork" in multiprocessing.get_all_start_methods())  # fork: the timeline is inherited, not pickled


# In the forked exporter: what it exports, set by the pool's initializer (never read in the parent).
_EXPORTS: dict[str, tuple[Timeline, SiteConfig, Media]] = {}


def _set_worker_exports(timeline: Timeline, config: SiteConfig, media: Media) -> None:
    _EXPORTS["exports"] = (timeline, config, media)


def _export_in_worker(root: Path | None) -> dict[str, bytes] | list[str]:
    """The exports, written into ``root`` when given (only their names go back), else
    returned whole."""
    timeline, config, media = _EXPORTS["exports"]
    if root is None:
        return export.export_files(timeline, config, media)
    names = []
    for name, stream in export.export_streams(timeline, config, media).items():
        write_file(root, name, stream())  # in pieces: a 30 MB export is never held whole
        names.append(name)
    return names
