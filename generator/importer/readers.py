"""Reading a dataset file into rows: CSV, JSON Lines, a JSON array, TimelineJS3 JSON.

Each reader gives every row a name the person can find in the file: a CSV row counts as a
spreadsheet does (the header is row 1), a JSON Lines row is its line, a TimelineJS slide
its place in `events`. A row that cannot be read at all (a line that is no JSON) is kept
with its problem, so the report names it; whole-file problems are ImportFileError.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any

from ..errors import AnnalsError

FORMATS = ("csv", "jsonl", "json", "timelinejs")
FORMAT_NAMES = {"csv": "CSV", "jsonl": "JSON Lines", "json": "JSON", "timelinejs": "TimelineJS3 JSON"}
SUFFIXES = {".csv": "csv", ".tsv": "csv", ".tab": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl",
            ".json": "json"}
DELIMITERS = ",;\t|"
FLATTEN_DEPTH = 16  # no article field lies deeper; a deeper object is left out, not recursed into
HTML_KEYS = frozenset({"group", "display_date", "media.caption", "media.credit"})
# csv.Sniffer's regular expressions take time quadratic in the sample (60 KB of '"a,' take
# 20 s): a few lines of the head are enough to tell the delimiter.
SNIFF_CHARS = 4096
FIELD_LIMIT = 64 * 1024 * 1024  # the csv module's own limit (128 KiB) is below a long article
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class ImportFileError(AnnalsError):
    """The file as a whole cannot be imported (names the file)."""


@dataclass(frozen=True)
class Row:
    where: str  # "row 5", "row 5 (line 9)", "line 3", "event 2"
    values: dict[str, str] = field(default_factory=dict)  # column -> text
    problem: str | None = None  # why the row could not be read at all


@dataclass(frozen=True)
class Dataset:
    format: str  # a key of FORMATS
    columns: tuple[str, ...]  # in the order the file first has them
    rows: tuple[Row, ...]
    encoding: str  # "utf-8", or what was detected
    detected: bool = False  # the encoding was detected, not UTF-8 or a byte order mark
    detail: str = ""  # e.g. 'delimiter ";"'

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.format]


def decode(raw: bytes, name: str, preferred: tuple[str, ...] = (),
           encoding: str | None = None) -> tuple[str, str, bool]:
    """The file's text, its encoding, and whether the encoding had to be detected (neither
    UTF-8 nor announced by a byte order mark). Of detected encodings that read the file
    equally well, the first in ``preferred`` wins; ``encoding`` is the person's own choice."""
    if encoding is not None:
        try:
            return raw.decode(encoding), codecs.lookup(encoding).name, False
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ImportFileError(f"{name}:{line}: not {encoding} text ({exc.reason})") from None
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec.replace("-sig", ""), False
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is None or "\x00" in str(best):
        raise ImportFileError(f"{name}: not a text file (no encoding reads it as text)")
    ties = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    rank = {codec: n for n, codec in enumerate(preferred)}
    chosen = min(ties, key=lambda m: rank.get(m.encoding, len(rank)))  # stable: detection order next
    return str(chosen), chosen.encoding, True


def read_dataset(raw: bytes, name: str, fmt: str | None = None, known: frozenset[str] = frozenset(),
                 preferred: tuple[str, ...] = (), encoding: str | None = None) -> Dataset:
    """The rows of a dataset file; ``fmt`` (a key of FORMATS) or, when None, guessed from
    the file's suffix and first character. ``known``: column names (normalised) that a CSV
    header is expected to have, to choose between delimiters; ``preferred`` and
    ``encoding``: see decode."""
    text, encoding, detected = decode(raw, name, preferred, encoding)
    fmt = fmt or _guess_format(text, name)
    detail = ""
    if fmt == "csv":
        columns, rows, detail = read_csv(text, name, known)
    elif fmt == "jsonl":
        columns, rows = read_json_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
    else:
        fmt, columns, rows = read_json(text, name, fmt == "timelinejs")
    return Dataset(fmt, tuple(columns), tuple(rows), encoding, detected, detail)


def _guess_format(text: str, name: str) -> str:
    by_suffix = SUFFIXES.get(PurePath(name).suffix.lower())
    start = text.lstrip("\ufeff \t\n")[:1]
    if by_suffix == "json" or (by_suffix is None and start in "{["):
        # One JSON document, else (several objects on their own lines) JSON Lines.
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            if start == "{" and exc.msg == "Extra data":
                return "jsonl"
        return "json"
    return by_suffix or "csv"


# CSV -------------------------------------------------------------------------------------

def read_csv(text: str, name: str, known: frozenset[str] = frozenset()) -> tuple[list[str], list[Row], str]:
    """A header row, then one row per record; the delimiter is sniffed (csv.Sniffer among
    , ; tab |), and when the header read with another one names more ``known`` columns,
    that one wins (the sniffer can be led astray by punctuation in long texts)."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[:sample.rindex("\n")]  # whole lines: a cut one would mislead it
    try:
        sniffed: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        sniffed = csv.excel
    first_line = sample.split("\n", 1)[0]

    def score(delimiter: str) -> tuple[int, int]:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(normal_column(h) in known for h in header), len(header)

    best = max(DELIMITERS, key=lambda d: (score(d), d == sniffed.delimiter))
    dialect: Any = sniffed if best == sniffed.delimiter else csv.excel
    rows: list[Row] = []
    with _field_limit():
        reader = csv.reader(io.StringIO(text, newline=""), dialect, delimiter=best)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise ImportFileError(f"{name}: the header row cannot be read as CSV ({exc})") from None
        if not header or not any(h.strip() for h in header):
            raise ImportFileError(f"{name}: no header row (the first row must name the columns)")
        columns = _unique_names(header)
        number, line = 1, reader.line_num
        while True:
            start = line + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                number += 1
                rows.append(Row(_row_name(number, start), problem=f"cannot be read as CSV ({exc})"))
                line = reader.line_num
                continue
            number, line = number + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue  # a blank row, as spreadsheets leave at the end: no data, nothing to report
            where = _row_name(number, start)
            if len(cells) > len(columns):
                rows.append(Row(where, problem=f"has {len(cells)} cells but the header names {len(columns)} "
                                "columns (a delimiter inside a cell that is not quoted?)"))
                continue
            rows.append(Row(where, dict(zip(columns, cells))))
    shown = {"\t": "tab"}.get(best, f'"{best}"')
    return columns, rows, f"delimiter {shown}"


def _row_name(number: int, line: int) -> str:
    return f"row {number}" if number == line else f"row {number} (line {line})"


@contextmanager
def _field_limit() -> Iterator[None]:
    previous = csv.field_size_limit(FIELD_LIMIT)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _unique_names(header: list[str]) -> list[str]:
    """Column names as written; an empty one is "column N", a repeated one "name#2"."""
    names: list[str] = []
    taken: set[str] = set()
    tried: dict[str, int] = {}  # name -> the last suffix given: a header of one name repeated stays linear
    for number, raw in enumerate(header, start=1):
        name = raw.strip().lstrip("\ufeff") or f"column {number}"
        candidate, n = name, tried.get(name, 1)
        while candidate in taken:
            n += 1
            candidate = f"{name}#{n}"
        tried[name] = n
        taken.add(candidate)
        names.append(candidate)
    return names


def normal_column(column: str) -> str:
    """How column names are compared: "Published At" = "published-at" = "published_at"."""
    return re.sub(r"[\s-]+", "_", column.strip().lstrip("\ufeff").lower())


# JSON ------------------------------------------------------------------------------------

def read_json_lines(text: str) -> tuple[list[str], list[Row]]:
    columns: dict[str, None] = {}
    rows = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(Row(where, problem=f"is not JSON ({exc.msg} at column {exc.colno})"))
            continue
        except RecursionError:
            rows.append(Row(where, problem="is JSON nested too deeply"))
            continue
        rows.append(_object_row(where, value, columns))
    return list(columns), rows


def read_json(text: str, name: str, timelinejs: bool) -> tuple[str, list[str], list[Row]]:
    """A JSON document: a TimelineJS3 timeline ({"events": [...]}) or an array of objects."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{name}:{exc.lineno}: not JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise ImportFileError(f"{name}: JSON nested too deeply") from None
    columns: dict[str, None] = {}
    if isinstance(document, dict) and isinstance(document.get("events"), list):
        rows = [_slide_row(number, slide, columns) for number, slide in enumerate(document["events"], start=1)]
        return "timelinejs", list(columns), rows
    if timelinejs or isinstance(document, dict):
        raise ImportFileError(f"{name}: not a TimelineJS3 timeline (a JSON object with an `events` list)"
                              + ("" if timelinejs else ", nor an array of objects or JSON Lines"))
    if not isinstance(document, list):
        raise ImportFileError(f"{name}: JSON of one value; expected an array of objects, JSON Lines or "
                              "a TimelineJS3 timeline")
    rows = [_object_row(f"item {number}", item, columns) for number, item in enumerate(document, start=1)]
    return "json", list(columns), rows


def _object_row(where: str, value: Any, columns: dict[str, None]) -> Row:
    if not isinstance(value, dict):
        return Row(where, problem=f"is {type(value).__name__ if value is not None else 'null'}, not a JSON object")
    values = flatten(value)
    columns.update(dict.fromkeys(values))
    return Row(where, values)


def _slide_row(number: int, slide: Any, columns: dict[str, None]) -> Row:
    where = f"event {number}"
    if not isinstance(slide, dict):
        return Row(where, problem="is not a JSON object")
    start = slide.get("start_date")
    values = flatten({k: v for k, v in slide.items() if k != "start_date"})
    # TimelineJS inserts its text fields as HTML; URLs and ids are plain.
    values = {k: html_to_text(v) if k.startswith("text.") or k in HTML_KEYS else v for k, v in values.items()}
    if isinstance(start, dict):
        values["start_date"] = _slide_date(start)
    columns.update(dict.fromkeys(values))
    return Row(where, values)


def _slide_date(start: dict) -> str:
    """{"year": "2025", "month": "7", "day": "23"} -> "2025-07-23"; fewer parts, fewer fields
    ("2025-07"); something else is kept as written, for the report."""
    parts = []
    for key, width in (("year", 4), ("month", 2), ("day", 2)):
        value = start.get(key)
        if value in (None, ""):
            break
        text = str(value).strip()
        if not re.fullmatch(r"\d{1,4}", text):
            return " ".join(f"{k}={start.get(k)}" for k in ("year", "month", "day") if k in start)
        parts.append(text.zfill(width))
    return "-".join(parts)


def flatten(value: dict, prefix: str = "", depth: int = 0) -> dict[str, str]:
    """Nested objects as "a.b" keys (down to FLATTEN_DEPTH levels); lists of plain values
    joined with ", "; numbers and booleans as text; null and other lists left out."""
    out: dict[str, str] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict):
            if depth < FLATTEN_DEPTH:
                out.update(flatten(item, name + ".", depth + 1))
        elif isinstance(item, list):
            if all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in item):
                out[name] = ", ".join(str(x) for x in item)
        elif isinstance(item, bool):
            out[name] = "true" if item else "false"
        elif item is not None:
            out[name] = str(item)
    return out


class _TextOfHtml(HTMLParser):
    BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5",
                        "h6", "tr", "section", "article"})
    HIDDEN = frozenset({"script", "style", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, a blank line between blocks (TimelineJS text fields)."""
    if "<" not in html and "&" not in html:
        return html
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
