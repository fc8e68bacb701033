"""`annals tag`: the date tagger over raw text, as JSON (the contract in DESIGN.md).

Offsets are indices into the exact input text. The document creation time is --dct, else
the input's own front matter `date`, else a dateline at the start of the text.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Iterable, Iterator

from .content import FRONT_MATTER, parse_front_matter_date
from .dateline import find_dateline
from .timex import tag


def tag_document(text: str, dct: date | None = None, *, lang: str = "en",
                 day_first: bool = False) -> dict[str, Any]:
    body_start, front_date = _front_matter(text)
    if dct is None:
        dct = front_date or find_dateline(text[body_start:]).date
    timexes = [t for t in tag(text, dct, lang=lang, day_first=day_first) if t.start >= body_start]
    return {"dct": dct.isoformat() if dct else None, "timexes": [t.as_json() for t in timexes]}


def tag_jsonl(lines: Iterable[str], *, lang: str = "en", day_first: bool = False) -> Iterator[str]:
    """One output line per input line `{"id", "text", "dct"}`, in order."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            dct = date.fromisoformat(record["dct"][:10]) if record.get("dct") else None  # may carry a time
            text = record["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"line {number}: expected a JSON object with \"text\" and an ISO "
                             f"\"dct\" ({exc})") from None
        result = tag_document(text, dct, lang=record.get("lang", lang), day_first=day_first)
        yield json.dumps({"id": record.get("id"), **result}, ensure_ascii=False)


def _front_matter(text: str) -> tuple[int, date | None]:
    match = FRONT_MATTER.match(text)
    if not match:
        return 0, None
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "date":
            return match.end(), parse_front_matter_date(value.strip().strip("'\""))
    return match.end(), None
