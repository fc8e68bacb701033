"""`annals import FILE`: a dataset of articles (CSV, JSON Lines, a JSON array, TimelineJS3
JSON) as Markdown files with front matter in the site's content/articles/.

    readers   the file's encoding and format, its rows (each with the name the report uses)
    records   which column gives which field; each row checked and written as an article

Nothing is ever overwritten: a file is created under a name no file has (it is first
written whole under a hidden name, then linked to its own, which fails if that exists),
"-2", "-3"... when the name is taken by another text; a row whose article is already
there, byte for byte, is reported as such, so importing a file twice writes nothing new.
"""

from __future__ import annotations

import errno
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..config import load_config
from ..errors import AnnalsError
from ..output import current_umask
from ..sitefiles import open_regular, refusal
from .readers import FORMATS, Dataset, ImportFileError, read_dataset
from .records import MappingError, RowProblem, article_text, choose_columns, column_names, file_stem, parse_map, record

__all__ = ["FORMATS", "ImportFileError", "ImportReport", "MappingError", "import_file", "parse_map"]


@dataclass(frozen=True)
class Written:
    where: str  # the row
    path: str  # relative to the site folder
    wanted: str | None = None  # the name it would have had, when that was taken


@dataclass(frozen=True)
class ImportReport:
    source: str  # the file, as given
    dataset: Dataset
    columns: dict[str, tuple[str, ...]]  # field -> columns used
    folder: str  # where the articles went, relative to the site folder
    written: tuple[Written, ...] = ()
    present: tuple[tuple[str, str], ...] = ()  # (row, path): the same article was already there
    rejected: tuple[tuple[str, str], ...] = ()  # (row, why)
    notes: tuple[tuple[str, str], ...] = ()  # (row, remark): imported, with a remark

    @property
    def unused(self) -> tuple[str, ...]:
        used = {c for names in self.columns.values() for c in names}
        return tuple(c for c in self.dataset.columns if c not in used)

    @property
    def ok(self) -> bool:
        """Something was imported, or was already there."""
        return bool(self.written or self.present)


def import_file(source: Path, site_dir: Path, mapping: dict[str, str] | None = None,
                fmt: str | None = None, encoding: str | None = None) -> ImportReport:
    """Import every row of ``source`` into ``site_dir``; AnnalsError for a file that cannot
    be imported at all (UsageProblem, exit 2, for a --map naming no column). ``encoding``:
    the file's, when detection is not to be trusted."""
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{source}: cannot read the file: {exc.strerror or exc}") from None
    names = column_names()
    dataset = read_dataset(raw, str(source), fmt, names.known(), names.encodings, encoding)
    try:
        columns = choose_columns(dataset, mapping or {}, names)
    except MappingError as exc:
        raise UsageProblem(str(exc)) from None
    if "text" not in columns:
        raise ImportFileError(f"{source}: no column gives the articles' text (its columns: "
                              f"{', '.join(dataset.columns) or 'none'}); name one with --map COLUMN=text")
    folder = _articles_folder(site_dir)
    rel = folder.relative_to(site_dir).as_posix()
    written: list[Written] = []
    present: list[tuple[str, str]] = []
    rejected: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    for number, row in enumerate(dataset.rows, start=1):
        try:
            item = record(row, columns)
        except RowProblem as exc:
            rejected.append((row.where, str(exc)))
            continue
        notes.extend((row.where, note) for note in item.notes)
        data = article_text(item).encode("utf-8")
        stem = file_stem(item, number)
        name, already = _place(folder, site_dir, stem, data)
        if already:
            present.append((row.where, f"{rel}/{name}"))
            continue
        wanted = f"{stem}.md"
        written.append(Written(row.where, f"{rel}/{name}", wanted if name != wanted else None))
    return ImportReport(str(source), dataset, columns, rel, tuple(written), tuple(present),
                        tuple(rejected), tuple(notes))


class UsageProblem(AnnalsError):
    """A --map that does not fit the file: a usage error (exit 2)."""

    exit_code = 2


def _articles_folder(site_dir: Path) -> Path:
    """SITE/<content_dir>/articles, made if missing; refused when it (or a folder above it
    in the site) is a link: a build would not read what was written there."""
    if not site_dir.is_dir():
        raise AnnalsError(f"{site_dir} is not a folder; start a site with `annals new {site_dir}`")
    config = load_config(site_dir)
    folder = site_dir / config.content_dir / "articles"
    current = site_dir
    for part in folder.relative_to(site_dir).parts:
        current = current / part
        if not os.path.lexists(current):
            break
        why = refusal(site_dir, current)
        if why is not None or not current.is_dir():
            raise AnnalsError(f"{current.relative_to(site_dir).as_posix()} {why or 'is not a folder'}: "
                              "Annals imports only into a real folder inside the site")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AnnalsError(f"cannot make {folder}: {exc.strerror or exc}") from None
    return folder


def _place(folder: Path, site_dir: Path, stem: str, data: bytes) -> tuple[str, bool]:
    """Write ``data`` as <stem>.md, else <stem>-2.md...: the name written and False, or the
    name of a file that already holds exactly ``data`` and True."""
    n = 1
    while True:
        name = f"{stem}.md" if n == 1 else f"{stem}-{n}.md"
        path = folder / name
        if os.path.lexists(path):
            if _same(site_dir, path, data):
                return name, True
            n += 1
            continue
        if _create(folder, path, data):
            return name, False
        n += 1  # made meanwhile by someone else: try the next name


def _same(site_dir: Path, path: Path, data: bytes) -> bool:
    try:
        return open_regular(site_dir, path) == data
    except OSError:
        return False


def _create(folder: Path, path: Path, data: bytes) -> bool:
    """Write the whole file under a hidden name (builds skip names starting with "."), then
    link it to ``path``: the link fails, and False is returned, if ``path`` exists."""
    fd, temp = tempfile.mkstemp(prefix=".annals-import-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o666 & ~current_umask())  # mkstemp makes it 0600: give it a plain file's mode
        try:
            os.link(temp, path)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise AnnalsError(f"cannot write {path}: {exc.strerror or exc}") from None
            return _create_exclusive(path, data)  # a file system without hard links
        return True
    except OSError as exc:
        raise AnnalsError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass


def _create_exclusive(path: Path, data: bytes) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return True


def describe(report: ImportReport, shown: int = 20) -> list[str]:
    """The report as lines for the terminal: what was read and how, what was written, and
    every row that was not (the first ``shown`` of each kind, then a count)."""
    data = report.dataset
    how = ", ".join(x for x in (data.detail, f"{len(data.rows)} rows") if x)
    lines = [f"Read {report.source}: {data.format_name} ({how})"]
    if data.detected:
        lines.append(f"  encoding: not UTF-8; detected {data.encoding} and read as such (check the accents "
                     "in a few articles; --encoding NAME reads it as another)")
    elif data.encoding != "utf-8":
        lines.append(f"  encoding: {data.encoding}")
    used = "; ".join(f"{field} ← {' else '.join(names)}" for field, names in report.columns.items())
    lines.append(f"  columns: {used}" + (f"; not used: {', '.join(report.unused)}" if report.unused else ""))

    def listed(title: str, items: list[str]) -> None:
        if items:
            lines.append(title)
            lines.extend(f"  {item}" for item in items[:shown])
            if len(items) > shown:
                lines.append(f"  … and {len(items) - shown} more")

    renamed = [f"{w.where}: {w.wanted} was taken by another article; written as {Path(w.path).name}"
               for w in report.written if w.wanted]
    listed(f"{_count(len(renamed), 'file')} renamed (no file is ever overwritten):", renamed)
    listed(f"{_count(len(report.present), 'row')} already imported (the same article is there):",
           [f"{where}: {path}" for where, path in report.present])
    listed(f"{_count(len(report.notes), 'note')}:", [f"{where}: {note}" for where, note in report.notes])
    listed(f"Could not import {_count(len(report.rejected), 'row')}:",
           [f"{where}: {why}" for where, why in report.rejected])
    tail = [f"{len(report.present)} already there"] if report.present else []
    tail += [f"{_count(len(report.rejected), 'row')} not imported"] if report.rejected else []
    lines.append(f"Imported {_count(len(report.written), 'article')} into {report.folder}/"
                 + (f" ({', '.join(tail)})" if tail else ""))
    return lines


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
