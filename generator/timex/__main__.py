"""`python -m generator.timex tag [--dct YYYY-MM-DD] [--jsonl] [--lang en] [FILE|-]`.

The same contract as `annals tag` (DESIGN.md): prints {"dct", "timexes": [...]} for one
text, or with --jsonl reads lines {"id", "text", "dct"} and writes {"id", "dct", "timexes"}
per line, in order. Handy for the TimeML evaluation without the full CLI.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys

from generator.timex import tag


def _parse_dct(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _result(text: str, dct: datetime.date | None, lang: str, day_first: bool) -> dict:
    return {"dct": dct.isoformat() if dct else None,
            "timexes": [t.as_json() for t in tag(text, dct, lang=lang, day_first=day_first)]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.timex")
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("tag", help="tag date expressions")
    t.add_argument("file", nargs="?", default="-")
    t.add_argument("--dct", help="dateline YYYY-MM-DD")
    t.add_argument("--jsonl", action="store_true")
    t.add_argument("--lang", default="en")
    t.add_argument("--day-first", action="store_true")
    args = ap.parse_args(argv)
    stream = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")
    with stream:
        if not args.jsonl:
            out = _result(stream.read(), _parse_dct(args.dct), args.lang, args.day_first)
            print(json.dumps(out, ensure_ascii=False))
            return 0
        write = sys.stdout.write
        for line in stream:
            if not line.strip():
                continue
            item = json.loads(line)
            dct = _parse_dct(args.dct) or _parse_dct(item.get("dct"))
            res = _result(item.get("text", ""), dct, item.get("lang", args.lang), args.day_first)
            write(json.dumps({"id": item.get("id"), **res}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
