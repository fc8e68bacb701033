"""`annals tag`: the JSON contract of DESIGN.md, with exact offsets."""

import json

from sitekit import annals

TEXT = "Officials said a ceasefire was reached last Saturday. Talks went on in June."


def test_tag_stdin_with_dct():
    result = annals("tag", "--dct", "2025-07-23", "-", stdin=TEXT)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["dct"] == "2025-07-23"
    saturday = data["timexes"][0]
    assert saturday == {"start": 39, "end": 52, "text": "last Saturday", "type": "DATE",
                        "value": "2025-07-19", "granularity": "day",
                        "range": ["2025-07-19", "2025-07-19"]}
    assert TEXT[saturday["start"]:saturday["end"]] == "last Saturday"
    june = data["timexes"][1]
    assert (june["value"], june["granularity"], june["range"]) == ("2025-06", "month", ["2025-06-01", "2025-06-30"])


def test_tag_uses_the_texts_own_dateline():
    text = "ANKARA, July 23, 2025 (Levant Wire) - The ministry spoke on Wednesday."
    data = json.loads(annals("tag", "-", stdin=text).stdout)
    assert data["dct"] == "2025-07-23"
    wednesday = [t for t in data["timexes"] if t["text"] == "Wednesday"]
    assert wednesday and wednesday[0]["value"] == "2025-07-23"


def test_tag_jsonl_keeps_order_and_ids():
    lines = "".join(json.dumps({"id": i, "text": t, "dct": d}) + "\n" for i, t, d in [
        ("b", "It happened yesterday.", "2025-07-23"), ("a", "Nothing here.", "2025-01-01")])
    result = annals("tag", "--jsonl", stdin=lines)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["b", "a"]
    assert out[0]["timexes"][0]["value"] == "2025-07-22"
    assert out[1]["timexes"] == []


def test_tag_jsonl_bad_line_is_a_clear_error():
    result = annals("tag", "--jsonl", stdin="not json\n")
    assert result.returncode == 1 and "line 1" in result.stderr and "Traceback" not in result.stderr


def test_tag_jsonl_accepts_a_dct_with_time_of_day():
    line = json.dumps({"id": "x", "text": "It happened yesterday.", "dct": "1990-08-15T13:37"}) + "\n"
    result = annals("tag", "--jsonl", stdin=line)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["dct"] == "1990-08-15" and out["timexes"][0]["value"] == "1990-08-14"
