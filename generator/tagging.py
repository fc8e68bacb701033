"""`annals tag`: the date tagger over raw text, as JSON (the contract in DESIGN.md).

Offsets are indices into the exact input text. The document creation time is --dct, else
the input's own front matter `date`, else a dateline at the start of the text.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any, Iterable, Iterator

from .timex import tag

# The front-matter reader (`.content`) and the dateline reader (`.dateline`) are imported
# only for a text that needs them: `annals tag --jsonl` with dates given starts without them.


def tag_document(text: str, dct: date | None = None, *, lang: str = "en",
                 day_first: bool = False) -> dict[str, Any]:
    body_start, front_date = _front_matter(text)
    if dct is None and front_date is None:
        from .dateline import find_dateline

        dct = find_dateline(text[body_start:]).date
    elif dct is None:
        dct = front_date
    timexes = [t for t in tag(text, dct, lang=lang, day_first=day_first) if t.start >= body_start]
    return {"dct": dct.isoformat() if dct else None, "timexes": [t.as_json() for t in timexes]}


def tag_jsonl(lines: Iterable[str], *, lang: str = "en", day_first: bool = False) -> Iterator[str]:
    """One output line per input line `{"id", "text", "dct", "lang"}`, in order.

    Every field is checked before tagging: a wrong line is a ValueError naming it, never a
    traceback from deep inside the tagger."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record_id, text, dct, record_lang = read_record(line, number)
        result = tag_document(text, dct, lang=record_lang or lang, day_first=day_first)
        yield json.dumps({"id": record_id, **result}, ensure_ascii=False)


LANG_CODE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def read_record(line: str, number: int) -> tuple[Any, str, date | None, str | None]:
    """(id, text, dct, lang) of one `--jsonl` line; ValueError("line N: ...") if it is wrong."""
    def fail(problem: str) -> ValueError:
        return ValueError(f"line {number}: {problem}; expected a JSON object with \"text\" and "
                          "optional \"id\", \"dct\" (YYYY-MM-DD) and \"lang\"")

    try:
        record = json.loads(line)
    except ValueError as exc:
        raise fail(f"not JSON ({exc})") from None
    except RecursionError:
        raise fail("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise fail(f"a JSON {_json_type(record)}, not an object")
    text = record.get("text")
    if not isinstance(text, str):
        raise fail("\"text\" is missing" if text is None else f"\"text\" is a {_json_type(text)}, not a string")
    if not _is_unicode(text):
        raise fail("\"text\" holds an unpaired surrogate escape (\\ud800-\\udfff), which is no text")
    dct = record.get("dct")
    if dct is not None:
        if not isinstance(dct, str):
            raise fail(f"\"dct\" is a {_json_type(dct)}, not a date string")
        try:
            dct = date.fromisoformat(dct[:10])  # the date of a dct that also gives a time
        except ValueError:
            raise fail(f"\"dct\" {dct[:40]!r} is not a date YYYY-MM-DD") from None
    record_lang = record.get("lang")
    if record_lang is not None and not (isinstance(record_lang, str) and LANG_CODE.fullmatch(record_lang)):
        raise fail(f"\"lang\" {str(record_lang)[:40]!r} is not a language code such as en or tr")
    record_id = record.get("id")
    if not _is_unicode(json.dumps(record_id, ensure_ascii=False)):
        raise fail("\"id\" holds an unpaired surrogate escape, which is no text")
    return record_id, text, dct, record_lang


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _is_unicode(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (JSON's \\ud800 escapes make strings that cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _front_matter(text: str) -> tuple[int, date | None]:
    if not text.startswith(("---", "\ufeff---")):  # what FRONT_MATTER needs to match at all
        return 0, None
    from .content import FRONT_MATTER, parse_front_matter_date

    match = FRONT_MATTER.match(text)
    if not match:
        return 0, None
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "date":
            return match.end(), parse_front_matter_date(value.strip().strip("'\""))
    return match.end(), None
