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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping

from . import __version__, export, render
from .config import SiteConfig
from .media import Media
from .model import Timeline
from .output import StagingFolder, file_signature, inside, write_file
from .export.splice import ExportIndex, Splicer, index_of
from .render.inputs import InputDigests, InputsMemo, page_inputs
from .workers import worker_pool

# Measured on 2 cores: below ~200 articles forking the workers costs more than it gains.
PARALLEL_MIN_ARTICLES = 200
Signature = tuple[int, int, int]  # (size, mtime_ns, inode) of a written file


@dataclass(frozen=True)
class WrittenPages:
    """What the last build wrote into ``target``: per page path, its inputs' digest and
    the signature of the file it wrote; and where its exports' event pieces lie."""

    target: str
    pages: Mapping[str, tuple[str, Signature]] = field(default_factory=dict)
    exports: ExportIndex = field(default_factory=ExportIndex)

    def reusable(self, path: str, digest: str) -> str | None:
        known = self.pages.get(path)
        if known is None or known[0] != digest:
            return None
        file = inside(self.target, path)
        signature = file_signature(file)
        return file if signature is not None and signature == known[1] else None


@dataclass
class EmitMemo:
    """What the last build in this process (the build server's) worked out for its pages,
    by the identity of what they were made from: the page inputs' parts, their digests, the
    year pages' scopes and the compiled theme. Valid for one ``environment`` (code,
    settings, theme): another starts it afresh."""

    environment: str = ""
    inputs: InputsMemo = field(default_factory=InputsMemo)
    digests: dict = field(default_factory=dict)  # InputDigests' memo
    paging: object = None  # the last render.paging.Paging
    theme: object = None  # the last jinja2 Environment
    cards: object = None  # its render.cards.EventMemo: the event cards made with it (its workers' too)
    key_dates: dict = field(default_factory=dict)  # each actor's last key-date ranking (chronology.keydates.ActorKeyDates)

    def fresh_for(self, environment: str) -> "EmitMemo":
        return self if environment == self.environment else EmitMemo(environment)


@dataclass
class EmitStats:
    rendered: int = 0  # pages rendered afresh
    linked: int = 0  # unchanged pages linked from the last output
    copied: int = 0  # export pieces copied from the last output's files


def render_files(timeline: Timeline, config: SiteConfig, media: Media, theme: Path, *,
                 build_info: Mapping[str, str], jobs: int | None = None,
                 staging: StagingFolder | None = None, options: render.RenderOptions | None = None,
                 last: WrittenPages | None = None, environment: str = "", memo: EmitMemo | None = None,
                 ) -> tuple[dict[str, bytes], EmitStats, WrittenPages | None]:
    """Pages, theme files and exports, in memory, or written into ``staging`` as they are
    made (the dict returned is then empty), with what was written for the next build (None
    in memory). On big sites forked workers render the pages and make the exports.
    ``environment``: a digest of what no page input names (code, settings, theme).
    ``memo``: what the last build in this process worked out, and this one's for the next."""
    files: dict[str, bytes] = {}
    emit = staging or files.__setitem__
    for name, data in media.files.items():
        emit(name, data)
    stats = EmitStats()
    maker = render.PageMaker(timeline, config, theme, build_info=build_info, media=media,
                             options=options or render.RenderOptions(),
                             environment=memo.theme if memo is not None else None,
                             last_paging=memo.paging if memo is not None else None,
                             cards=memo.cards if memo is not None else None,
                             key_dates=memo.key_dates if memo is not None else None)
    if memo is not None:
        memo.paging, memo.theme, memo.cards = maker.paging, maker.environment, maker.cards
    records = maker.layout.records
    digests: dict[str, str] = {}
    splicer = None
    if staging is not None:  # worked out before the workers fork: they inherit the digests
        inputs = page_inputs(timeline, maker.paging, records, media, memo.inputs if memo is not None else None)
        digester = InputDigests(environment, inputs.faces, memo.digests if memo is not None else None)
        digests = digester.pages(inputs)
        # The exports name a piece by its event and cited articles: their digests are made
        # here, once, and kept for the next run (a page's digest may come from the last run
        # whole, naming none of its events), not made again in each worker.
        digester.remember(timeline.events)
        digester.remember(timeline.articles)
        if memo is not None:
            memo.digests = digester.used()
        splicer = Splicer(staging.target if last is not None else None, last.exports if last else ExportIndex(),
                          digester.of, file_signature,
                          salt=environment.encode() + digester.of(inputs.shared))
    streams = export.export_streams(timeline, config, media, splicer, maker.layout)
    kept: dict[str, str] = {}  # the actors' export files: name -> digest of what they are made of
    if staging is not None and splicer is not None:
        kept = actor_export_digests(timeline, maker.paging, digester.of, splicer.salt)
        for name in _link_unchanged(kept, last, staging, splicer):
            del streams[name]

    workers = _workers(timeline, jobs)
    if staging is None or workers < 2:
        written = _pages(records, digests, staging, emit, last, stats, maker)
        _static(theme, emit)
        for name, stream in streams.items():
            if staging is None:
                emit(name, b"".join(stream()))
            else:  # in pieces to disk, noting where the events' pieces lie
                emit(name, splicer.written(name, stream()) if splicer is not None else stream())
        return files, stats, _with_exports(written, splicer, staging, stats, kept)
    # Pages and exports in forked workers writing straight into the staging folder: the
    # timeline and the page maker are inherited, only record positions and names travel.
    assert staging.root is not None
    maker.compile_templates()
    if memo is not None:  # from the last build's rankings, here, once: not twice in each worker
        maker.rank_key_dates(_actors_to_render(records, digests, last))
    with worker_pool(workers, multiprocessing.get_context("fork"), _set_worker_state,
                     (timeline, config, media, maker, staging.root, splicer, memo is not None)) as pool:
        # first: the longest tasks (each big export is a second or two on a big archive)
        exports = [pool.submit(_export_in_worker, names) for names in export_groups(list(streams))]
        written = _pages(records, digests, staging, emit, last, stats, maker, pool)
        for made in exports:
            names, placed, copied = made.result()
            staging.add_written(names)
            if splicer is not None:
                splicer.placed.update(placed)
                splicer.copied += copied
    _static(theme, emit)
    return files, stats, _with_exports(written, splicer, staging, stats, kept)


def _actors_to_render(records: tuple[render.PageRecord, ...], digests: dict[str, str],
                      last: WrittenPages | None) -> list[str]:
    """The actors whose page or embed page this build makes again (they show its key dates)."""
    return list(dict.fromkeys(
        str(r.actor) for r in records if r.kind in ("actor", "actor-embed")
        and (last is None or last.reusable(r.path, digests.get(r.path, "")) is None)))


def _with_exports(written: WrittenPages | None, splicer: Splicer | None, staging: StagingFolder | None,
                  stats: EmitStats, kept: Mapping[str, str]) -> WrittenPages | None:
    """The pages written, with the actors' export files (``kept``: their digests) and
    where this build's export pieces lie."""
    if splicer is None or written is None or staging is None:
        return written
    splicer.close()
    stats.copied = splicer.copied
    files = dict(written.pages)
    for name, digest in kept.items():
        signature = staging.signature(name)
        if signature is not None:
            files[name] = (digest, signature)
    return replace(written, pages=files, exports=index_of(splicer.placed, staging.signature))


def actor_export_digests(timeline: Timeline, paging, digest: Callable[[object], bytes],
                         salt: bytes) -> dict[str, str]:
    """Each actor's export files (export.actor_files) by a digest of what they are made
    of: the actor's events (with their sources' faces and words) and what every page reads
    (``salt``: code, settings, cast, pictures). Not the key dates: no actor file shows
    them, and an edit that moves one date's rank touches every busy actor's. An edit
    touches a few actors; the others' files are linked from the last output, as unchanged
    pages are."""
    out: dict[str, str] = {}
    for actor in timeline.actors:
        h = hashlib.blake2b(salt, digest_size=20)
        for part in (actor.slug, paging.events(actor.slug)):
            h.update(digest(part))
        out.update(dict.fromkeys(export.actor_files(actor.slug), h.hexdigest()))
    return out


def _link_unchanged(kept: Mapping[str, str], last: WrittenPages | None, staging: StagingFolder,
                    splicer: Splicer) -> list[str]:
    """The export files in ``kept`` whose digest is the last build's and whose file is
    still the one it wrote: linked into the staging folder (with where their pieces lie)."""
    linked: list[str] = []
    if last is None:
        return linked
    for name, digest in kept.items():
        source = last.reusable(name, digest)
        if source is not None and staging.link(name, source):
            known = last.exports.files.get(name)
            if known is not None:
                splicer.placed[name] = known[1]
            linked.append(name)
    return linked


def _static(theme: Path, emit: Callable[[str, bytes], None]) -> None:
    for name, data in render.static_files(theme).items():
        emit(name, data)


def _pages(records: tuple[render.PageRecord, ...], digests: dict[str, str], staging: StagingFolder | None,
           emit: Callable[[str, bytes], None], last: WrittenPages | None, stats: EmitStats,
           maker: render.PageMaker, pool=None) -> WrittenPages | None:
    """The pages, those whose inputs changed rendered (by ``pool``'s workers), the others
    linked from the last output."""
    todo: list[int] = []
    unchanged: list[tuple[int, str]] = []
    for position, record in enumerate(records):
        digest = digests.get(record.path)
        source = last.reusable(record.path, digest) if last is not None and digest else None
        if source is not None and staging is not None:
            unchanged.append((position, source))
        else:
            todo.append(position)
    if pool is not None and staging is not None:
        # the workers render while this process links the unchanged files (5,000 folders
        # made and files linked: a second or two of system calls on a big archive)
        runs = [pool.submit(_render_in_worker, run) for run in _page_runs(records, todo)]
        unlinked = _link_all(records, unchanged, staging, stats)
        runs += [pool.submit(_render_in_worker, run) for run in _page_runs(records, unlinked)]
        stats.rendered += len(todo) + len(unlinked)
        for run in runs:
            names, cards = run.result()
            staging.add_written(names)
            maker.keep_cards(cards)
        todo += unlinked
    else:
        todo = sorted(todo + _link_all(records, unchanged, staging, stats))
        stats.rendered += len(todo)
        for position in todo:
            record = records[position]
            # to disk in pieces as the template makes them: a big year page is 10 MB
            emit(record.path, maker.pieces(record) if staging is not None else maker(record))
    if staging is None:
        return None
    rendered = set(todo)
    linked = {records[position].path for position, _ in unchanged if position not in rendered}
    return _written_pages(records, digests, staging, last, linked)


def _written_pages(records: tuple[render.PageRecord, ...], digests: dict[str, str], staging: StagingFolder,
                   last: WrittenPages | None, linked: set[str]) -> WrittenPages:
    """Each page's digest and file signature, for the next build. A linked file is the
    very file the last build recorded (``reusable`` checked it): its signature is known
    without a stat."""
    written: dict[str, tuple[str, Signature]] = {}
    for record in records:
        digest = digests.get(record.path)
        if not digest:
            continue
        known = last.pages.get(record.path) if last is not None and record.path in linked else None
        signature = known[1] if known is not None else staging.signature(record.path)
        if signature is not None:
            written[record.path] = (digest, signature)
    return WrittenPages(str(staging.target), written)


def _link_all(records: tuple[render.PageRecord, ...], unchanged: list[tuple[int, str]],
              staging: StagingFolder | None, stats: EmitStats) -> list[int]:
    """Link the unchanged pages from the last output; those the file system would not
    link (their positions) are to be rendered."""
    failed = []
    for position, source in unchanged:
        if staging is not None and staging.link(records[position].path, source):
            stats.linked += 1
        else:
            failed.append(position)
    return failed


# Pages a run of the pool renders: a page of many events alone, up to this many others together
# (few tasks to hand out, yet small enough that the workers finish together).
PAGES_PER_RUN = 64
BIG_PAGE_KINDS = frozenset({"home", "embed", "actor", "actor-embed", "year", "embed-year", "key-dates"})


def _page_runs(records: tuple[render.PageRecord, ...], todo: list[int]) -> list[list[int]]:
    """The pages to render in runs for the pool's workers: the big ones (whole timelines
    and years) first, one a run, so that the last run handed out is a short one."""
    big = [[p] for p in todo if records[p].kind in BIG_PAGE_KINDS]
    small = [p for p in todo if records[p].kind not in BIG_PAGE_KINDS]
    return big + [small[i:i + PAGES_PER_RUN] for i in range(0, len(small), PAGES_PER_RUN)]


def environment_digest(*parts: str, theme: Path) -> str:
    """What every page depends on that no page input names: the code and settings
    (``parts``) and every file of the theme."""
    h = hashlib.sha256(__version__.encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "little") + part.encode("utf-8", "surrogatepass"))
    for file in sorted(p for p in theme.rglob("*") if p.is_file()):
        h.update(file.relative_to(theme).as_posix().encode() + b"\0" + file.read_bytes())
    return h.hexdigest()


def _workers(timeline: Timeline, jobs: int | None) -> int:
    """Worker processes for the pages and exports: none below PARALLEL_MIN_ARTICLES or
    without fork (the timeline is inherited, never pickled)."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if len(timeline.articles) < PARALLEL_MIN_ARTICLES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return workers


# In each forked worker: what it renders and where it writes, set by the pool's initializer
# (never read in the parent).
_WORKER: dict[str, tuple] = {}


def _set_worker_state(timeline: Timeline, config: SiteConfig, media: Media, maker: render.PageMaker,
                      root: Path, splicer: Splicer | None, send_cards: bool) -> None:
    _WORKER["state"] = (timeline, config, media, maker, root, splicer)
    _WORKER["send_cards"] = (send_cards,)  # only to a server that keeps them for its next build


def export_groups(names: list[str]) -> list[list[str]]:
    """The exports in tasks for the pool: each big data file alone, the TimelineJS files
    together (the actors' reuse the site's slides), the small files together."""
    alone = [[n] for n in ("timeline.json", "timeline.ics", "timeline.csv") if n in names]
    slides = [n for n in names if n.endswith("timelinejs.json")]
    rest = [n for n in names if [n] not in alone and n not in slides]
    return [g for g in alone + [slides, rest] if g]


def _export_in_worker(names: list[str]) -> tuple[list[str], dict, int]:
    """Those exports, written into the staging folder in pieces (a 30 MB export is never
    held whole); their names, where their event pieces lie and how many were copied go back."""
    timeline, config, media, maker, root, splicer = _WORKER["state"]
    streams = export.export_streams(timeline, config, media, splicer, maker.layout)
    copied_before = splicer.copied if splicer is not None else 0  # a worker's count runs on over its tasks
    for name in names:
        write_file(root, name, splicer.written(name, streams[name]()) if splicer is not None else streams[name]())
    if splicer is None:
        return names, {}, 0
    splicer.close()
    return names, {n: splicer.placed[n] for n in names if n in splicer.placed}, splicer.copied - copied_before


def _render_in_worker(positions: list[int]) -> tuple[list[str], dict]:
    """Render the pages at ``positions`` of the maker's records into the staging folder;
    their paths go back, with the event cards made for them (render/cards.py): the build
    server keeps them for its next build's workers, which then make only the cards of the
    events that changed (the cards alone: their views, sent back too, held 240 MB more)."""
    _, _, _, maker, root, _ = _WORKER["state"]
    records = maker.layout.records
    names = []
    for position in positions:
        record = records[position]
        write_file(root, record.path, maker.pieces(record))
        names.append(record.path)
    made = maker.cards.take_made()
    return names, made if _WORKER["send_cards"][0] else {}
