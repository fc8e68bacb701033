"""annals import's engine (generator.importer): each format, each kind of bad row, the
encodings, the column names, the front matter that reads back, never overwriting."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.content import SourceFile, load_articles, parse_article
from generator.errors import AnnalsError
from generator.importer import ImportFileError, MappingError, describe, import_file, parse_map
from generator.importer.readers import decode, html_to_text
from generator.importer.records import Record, RowProblem, article_text, clean, file_stem, record
from generator.text import plain_text


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "content" / "articles").mkdir(parents=True)
    return root


def run(tmp_path: Path, name: str, data: bytes | str, mapping: dict | None = None, fmt: str | None = None):
    source = tmp_path / name
    source.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    root = tmp_path / "site"
    if not root.exists():
        site(tmp_path)
    return import_file(source, root, mapping, fmt)


def article_at(root: Path, rel: str):
    return parse_article(SourceFile(rel, (root / rel).read_text(encoding="utf-8")))


# CSV --------------------------------------------------------------------------------------

@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_is_sniffed(tmp_path, delimiter):
    d = delimiter
    report = run(tmp_path, "a.csv", f'title{d}date{d}text\nTalks{d}2025-07-23{d}"Talks began on Monday, officials said."\n')
    assert report.dataset.format == "csv" and len(report.written) == 1
    item = article_at(tmp_path / "site", report.written[0].path)
    assert (item.title, item.date) == ("Talks", date(2025, 7, 23))
    assert "Talks began on Monday, officials said." in item.body


def test_csv_delimiter_follows_the_header_when_texts_mislead_the_sniffer(tmp_path):
    # Many commas in the texts, semicolons between the columns.
    text = "headline;pubdate;body\n" + "".join(
        f"T{n};2025-07-{n:02d};One, two, three, four, five, six, seven, eight\n" for n in range(1, 6))
    report = run(tmp_path, "a.csv", text)
    assert report.dataset.detail == 'delimiter ";"' and len(report.written) == 5


def test_common_column_names_are_recognised(tmp_path):
    report = run(tmp_path, "a.csv", "Headline,Published At,Outlet,Link,Body,Byline,id\n"
                 "Talks,2025-07-23,Levant Wire,https://example.org/t,Talks began on Monday.,R. Demir,7\n")
    assert report.columns == {"title": ("Headline",), "date": ("Published At",), "source": ("Outlet",),
                              "url": ("Link",), "author": ("Byline",), "text": ("Body",)}
    assert report.unused == ("id",)
    item = article_at(tmp_path / "site", report.written[0].path)
    assert (item.source, item.url, item.author) == ("Levant Wire", "https://example.org/t", "R. Demir")


def test_map_names_the_column_for_a_field(tmp_path):
    report = run(tmp_path, "a.csv", "Kopf,Tag,Text\nGespräche,2025-07-23,Talks began on Monday.\n",
                 parse_map(("Kopf=title", "Tag=date")))
    item = article_at(tmp_path / "site", report.written[0].path)
    assert (item.title, item.date) == ("Gespräche", date(2025, 7, 23))


def test_a_mapped_column_is_the_only_one_for_its_field(tmp_path):
    report = run(tmp_path, "a.csv", "title,summary,text\nT,Short.,Long text here.\n", {"summary": "text"})
    assert report.columns["text"] == ("summary",)
    assert "Short." in article_at(tmp_path / "site", report.written[0].path).body


def test_text_falls_back_on_the_next_recognised_column_row_by_row(tmp_path):
    report = run(tmp_path, "a.csv", "title,text,summary\nA,Full text.,Short.\nB,,Only a summary.\n")
    bodies = [article_at(tmp_path / "site", w.path).body for w in report.written]
    assert "Full text." in bodies[0] and "Only a summary." in bodies[1]


def test_row_numbers_count_like_a_spreadsheet_with_lines_when_cells_span_lines(tmp_path):
    report = run(tmp_path, "a.csv", 'title,text\nA,"one\ntwo"\nB,\n\nC,fine\nD,x,y,z\n')
    assert report.rejected == (("row 3 (line 4)", "has no text ('text' empty)"),
                               ("row 6 (line 7)", report.rejected[1][1]))
    assert "has 4 cells but the header names 2 columns" in report.rejected[1][1]
    assert [w.where for w in report.written] == ["row 2", "row 5 (line 6)"]


def test_blank_rows_are_not_reported(tmp_path):
    report = run(tmp_path, "a.csv", "title,text\nA,Text one.\n,\n , \n\n")
    assert len(report.written) == 1 and report.rejected == ()


def test_repeated_and_empty_column_names_stay_apart(tmp_path):
    report = run(tmp_path, "a.csv", "title,title,,text\nA,B,C,Text.\n")
    assert report.dataset.columns == ("title", "title#2", "column 3", "text")


def test_no_text_column_is_an_error_naming_the_columns(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        run(tmp_path, "a.csv", "title,when\nA,2025-07-23\n")
    assert "a.csv" in str(caught.value) and "title, when" in str(caught.value) and "--map" in str(caught.value)


def test_map_naming_no_column_is_a_usage_error(tmp_path):
    with pytest.raises(AnnalsError) as caught:
        run(tmp_path, "a.csv", "title,text\nA,B\n", {"Headline": "title"})
    assert caught.value.exit_code == 2 and "no column 'Headline'" in str(caught.value)


@pytest.mark.parametrize("items, words", [
    (("title",), "not COLUMN=FIELD"),
    (("=title",), "not COLUMN=FIELD"),
    (("Kopf=titel",), "'titel' is no field"),
])
def test_malformed_map(items, words):
    with pytest.raises(MappingError) as caught:
        parse_map(items)
    assert words in str(caught.value)


def test_map_column_may_hold_an_equals_sign():
    assert parse_map(("a=b=title",)) == {"a=b": "title"}


# Encodings --------------------------------------------------------------------------------

def test_windows_1252_is_detected_and_reported(tmp_path):
    text = "title;text\nCafé résumé;Les négociations ont repris à Genève, a déclaré le ministère.\n"
    report = run(tmp_path, "a.csv", text.encode("cp1252"))
    assert report.dataset.detected and report.dataset.encoding == "cp1252"
    assert article_at(tmp_path / "site", report.written[0].path).title == "Café résumé"
    assert any("not UTF-8" in line for line in describe(report))


def test_of_encodings_that_read_alike_the_most_used_wins():
    # charset-normalizer finds cp1250 ("Café ŕ Genčve") exactly as plausible as cp1252.
    raw = 'title,text\nCafé à Genève,"Les négociations ont repris mardi à Genève."\n'.encode("cp1252")
    assert decode(raw, "a.csv", ("cp1252", "cp1250"))[:2] == (raw.decode("cp1252"), "cp1252")
    assert decode(raw, "a.csv", ("cp1250", "cp1252"))[1] == "cp1250"


def test_an_encoding_given_is_used_and_checked():
    raw = "title,text\nİstanbul'da görüşme,Görüşmeler salı günü yeniden başladı.\n".encode("cp1254")
    assert decode(raw, "a.csv", encoding="cp1254") == (raw.decode("cp1254"), "cp1254", False)
    with pytest.raises(ImportFileError) as caught:
        decode(b"a,b\nok,ok\n\xff\xfe,x\n", "a.csv", encoding="utf-8")
    assert "a.csv:3: not utf-8 text" in str(caught.value)


def test_utf16_with_a_byte_order_mark_is_read_and_named(tmp_path):
    report = run(tmp_path, "a.csv", "title,text\nДамаск,Переговоры продолжились.\n".encode("utf-16"))
    assert report.dataset.encoding == "utf-16" and not report.dataset.detected
    assert report.written[0].path.endswith("damask.md")


def test_utf8_with_a_byte_order_mark_is_plain_utf8():
    assert decode("\ufeffa,b".encode("utf-8"), "x")[1:] == ("utf-8", False)


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        run(tmp_path, "a.csv", bytes(range(256)) * 4)
    assert "not a text file" in str(caught.value)


# JSON Lines, JSON arrays ------------------------------------------------------------------

def test_json_lines_with_bad_lines_reported_by_line(tmp_path):
    lines = [json.dumps({"headline": "A", "date": "2025-07-01", "text": "Fighting erupted on Monday."}),
             "not json", "[1, 2]", "", json.dumps({"title": "B", "body": "Talks ended on Friday.",
                                                  "tags": ["x", "y"], "meta": {"source": "Wire"}})]
    report = run(tmp_path, "a.jsonl", "\n".join(lines) + "\n", {"meta.source": "source"})
    assert report.dataset.format == "jsonl"
    assert [w.where for w in report.written] == ["line 1", "line 5"]
    assert report.rejected[0][0] == "line 2" and "is not JSON" in report.rejected[0][1]
    assert report.rejected[1] == ("line 3", "is list, not a JSON object")
    assert article_at(tmp_path / "site", report.written[1].path).source == "Wire"
    assert "tags" in report.dataset.columns


def test_json_lines_are_recognised_in_a_json_file(tmp_path):
    report = run(tmp_path, "a.json", '{"title": "A", "text": "One."}\n{"title": "B", "text": "Two."}\n')
    assert report.dataset.format == "jsonl" and len(report.written) == 2


def test_json_array_of_objects(tmp_path):
    report = run(tmp_path, "a.json", json.dumps([{"title": "A", "text": "One."}, "x", {"title": "B", "text": "Two."}]))
    assert report.dataset.format == "json" and [w.where for w in report.written] == ["item 1", "item 3"]
    assert report.rejected == (("item 2", "is str, not a JSON object"),)


def test_broken_json_document_names_its_line(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        run(tmp_path, "a.json", '{"events": [\n{"text": }\n]}')
    assert "a.json:2" in str(caught.value)


def test_json_object_that_is_no_timeline(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        run(tmp_path, "a.json", '{"title": "x"}')
    assert "not a TimelineJS3 timeline" in str(caught.value)


# TimelineJS3 ------------------------------------------------------------------------------

TIMELINE = {
    "title": {"text": {"headline": "The story", "text": "<p>About it</p>"}},
    "events": [
        {"start_date": {"year": "2025", "month": "7", "day": "13"},
         "text": {"headline": "Clashes &amp; fires", "text": "<p>Fighting broke out on Sunday.</p><p>More &lt;b&gt; later.</p>"},
         "media": {"url": "https://example.org/p.jpg", "link": "https://example.org/story"}},
        {"start_date": {"year": 2025, "month": 7},
         "text": {"headline": "Talks in July"}},
        {"start_date": {"year": "2025", "month": "7", "day": "20"}, "text": {"text": "  "}},
        "nonsense",
    ],
}


def test_timelinejs_slides_become_articles(tmp_path):
    report = run(tmp_path, "t.json", json.dumps(TIMELINE))
    assert report.dataset.format == "timelinejs"
    assert [w.where for w in report.written] == ["event 1", "event 2"]
    first = article_at(tmp_path / "site", report.written[0].path)
    assert (first.title, first.date, first.url) == ("Clashes & fires", date(2025, 7, 13), "https://example.org/story")
    assert plain_text(first.body).text == "Fighting broke out on Sunday.\n\nMore <b> later."
    second = article_at(tmp_path / "site", report.written[1].path)
    assert second.date is None and "Talks in July" in second.body  # a slide without text: its headline
    assert report.notes == (("event 2", "date '2025-07' has no day: imported without `date:`"),)
    assert [w for w, _ in report.rejected] == ["event 3", "event 4"]


def test_html_to_text():
    assert html_to_text("<p>A&nbsp;b</p><script>x()</script><ul><li>one</li><li>two</li></ul>") == "A b\n\none\n\ntwo"
    assert html_to_text("plain & simple") == "plain & simple"


# Rows -------------------------------------------------------------------------------------

def one(values: dict[str, str]) -> Record:
    from generator.importer.readers import Row

    columns = {f: (f,) for f in ("title", "date", "source", "url", "author", "text")}
    return record(Row("row 2", values), columns)


@pytest.mark.parametrize("value, expected", [
    ("2025-07-23", date(2025, 7, 23)),
    ("23 July 2025", date(2025, 7, 23)),
    ("July 23, 2025", date(2025, 7, 23)),
    ("23.07.2025", date(2025, 7, 23)),
    ("2025-07-23 14:30:00", date(2025, 7, 23)),
    ("2025-07-23T23:30:00-05:00", "2025-07-23T23:30:00-05:00"),  # the build places it in the site's zone
])
def test_dates(value, expected):
    assert one({"text": "T.", "date": value}).meta["date"] == expected


@pytest.mark.parametrize("values, words", [
    ({"text": "  "}, "has no text"),
    ({"text": "T.", "date": "yesterday"}, "is not a date Annals reads"),
    ({"text": "T.", "date": "2025-13-45"}, "is not a date Annals reads"),
    ({"text": "T.", "url": "ftp://example.org/x"}, "does not start with http"),
    ({"text": "T.", "url": "https://exa mple.org"}, "does not start with http"),
])
def test_rows_that_cannot_be_imported(values, words):
    with pytest.raises(RowProblem) as caught:
        one(values)
    assert words in str(caught.value)


def test_control_characters_and_lone_surrogates_are_dropped():
    item = one({"title": "A\x00B\ud800C", "text": "Line\r\nnext\x07."})
    assert item.meta["title"] == "ABC" and item.text == "Line\nnext."
    assert clean("tab\tstays") == "tab\tstays"


def test_one_line_fields_lose_their_line_breaks():
    assert one({"title": "Two\nlines", "source": " Wire \t Desk ", "text": "T."}).meta == {
        "title": "Two lines", "source": "Wire Desk"}


HOSTILE = ['Talks: "round two" --- begins', "---", "...", "key: value", "- item", "# not a heading",
           "'quoted'", '"double"', "2025-07-23", "yes", "null", "123", "&anchor", "*alias", "!!python/object",
           "{a: 1}", "[1, 2]", "| pipe", "> fold", "%directive", "@at", "`tick`", "tab\there", "ends with: ",
           "Дамаск: переговоры", "\u2028sep", "x\x85y"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_read_back(value):
    meta = {"title": " ".join(clean(value).split()), "source": " ".join(clean(value).split())}
    text = f"{value}\n---\n{value}\n..."
    item = Record("row 2", {k: v for k, v in meta.items() if v}, clean(text))
    loaded = parse_article(SourceFile("content/articles/x.md", article_text(item)))
    if meta["title"]:
        assert (loaded.title, loaded.source) == (meta["title"], meta["source"])
    paragraphs = [" ".join(line.split()) for line in clean(text).split("\n")]
    assert plain_text(loaded.body).text == "\n\n".join(p for p in paragraphs if p)


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, st.lists(_TEXT, min_size=1, max_size=4))
def test_any_values_read_back(title, source, lines):
    meta = {k: " ".join(clean(v).split()) for k, v in (("title", title), ("source", source))}
    meta = {k: v for k, v in meta.items() if v}
    text = clean("\n".join(lines))
    paragraphs = [p for p in (" ".join(line.split()) for line in text.split("\n")) if p]
    if not paragraphs:
        return
    loaded = parse_article(SourceFile("content/articles/x.md", article_text(Record("row 2", meta, text))))
    assert (loaded.title if "title" in meta else None, loaded.source if "source" in meta else None) == (
        meta.get("title"), meta.get("source"))
    assert plain_text(loaded.body).text == "\n\n".join(paragraphs)


def test_file_names():
    assert file_stem(Record("r", {"title": "Ceasefire holds", "date": date(2025, 7, 23)}, "T."), 1) == \
        "2025-07-23-ceasefire-holds"
    assert file_stem(Record("r", {}, "Дамаск сегодня объявил о перемирии."), 1) == "damask-segodnya-obyavil-o-peremirii"
    assert file_stem(Record("r", {"title": "???"}, "!!!"), 4) == "item-4"
    assert file_stem(Record("r", {"date": "2025-07-23T23:30:00-05:00"}, "Talks."), 1) == "2025-07-23-talks"


# Writing ----------------------------------------------------------------------------------

def test_never_overwrites_and_reimporting_writes_nothing(tmp_path):
    root = site(tmp_path)
    taken = root / "content" / "articles" / "2025-07-23-talks.md"
    taken.write_text("my own article\n", encoding="utf-8")
    data = "title,date,text\nTalks,2025-07-23,Talks began.\nTalks,2025-07-23,Talks went on.\n"
    first = run(tmp_path, "a.csv", data)
    assert taken.read_text(encoding="utf-8") == "my own article\n"
    assert [(w.path.rsplit("/", 1)[1], w.wanted) for w in first.written] == [
        ("2025-07-23-talks-2.md", "2025-07-23-talks.md"), ("2025-07-23-talks-3.md", "2025-07-23-talks.md")]
    again = run(tmp_path, "a.csv", data)
    assert again.written == () and [p for _, p in again.present] == [
        "content/articles/2025-07-23-talks-2.md", "content/articles/2025-07-23-talks-3.md"]
    assert again.ok
    assert not [p for p in (root / "content" / "articles").iterdir() if p.name.startswith(".")]


def test_imported_files_have_a_plain_files_mode(tmp_path):
    report = run(tmp_path, "a.csv", "title,text\nA,Text.\n")
    mode = (tmp_path / "site" / report.written[0].path).stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_nothing_imported_is_not_ok(tmp_path):
    report = run(tmp_path, "a.csv", "title,text\nA,\nB,\n")
    assert not report.ok and len(report.rejected) == 2


def test_articles_folder_is_made_in_the_sites_content_dir(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.yaml").write_text("content_dir: texts\n", encoding="utf-8")
    report = run(tmp_path, "a.csv", "title,text\nA,Text.\n")
    assert report.folder == "texts/articles" and (root / report.written[0].path).is_file()


def test_a_linked_content_folder_is_refused(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "articles").mkdir(parents=True)
    (root / "content").symlink_to(elsewhere)
    with pytest.raises(AnnalsError) as caught:
        run(tmp_path, "a.csv", "title,text\nA,Text.\n")
    assert "content is a symbolic link" in str(caught.value)
    assert list((elsewhere / "articles").iterdir()) == []


def test_into_a_missing_folder_is_refused(tmp_path):
    source = tmp_path / "a.csv"
    source.write_text("title,text\nA,B\n", encoding="utf-8")
    with pytest.raises(AnnalsError) as caught:
        import_file(source, tmp_path / "nowhere")
    assert "annals new" in str(caught.value)


def test_imported_articles_load_as_a_build_loads_them(tmp_path):
    report = run(tmp_path, "a.csv", 'title,date,source,url,text\n"Talks: ""round two""",2025-07-23,'
                 'Wire: Desk,https://example.org/a?b=1&c=2,"First.\n---\n# Second."\n')
    loaded = load_articles(tmp_path / "site")
    assert loaded.errors == () and len(loaded.articles) == 1
    item = loaded.articles[0]
    assert (item.title, item.source, item.url) == ('Talks: "round two"', "Wire: Desk", "https://example.org/a?b=1&c=2")
    assert plain_text(item.body).text == "First.\n\n---\n\n# Second."
    assert report.written[0].path == f"content/articles/{Path(item.path).name}"


# Hostile files ----------------------------------------------------------------------------

_CELL = st.lists(st.sampled_from(list('ab ,;\t|"\'\n\r-#:*{}[]<>&\\\x00é') + ["2025-07-23", "---", "https://x.org"]),
                 max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=6),
       st.sampled_from(["a.csv", "a.jsonl", "a.json", "a.txt"]))
def test_any_file_imports_or_is_refused_clearly(tmp_path_factory, rows, name):
    root = tmp_path_factory.mktemp("hostile")
    (root / "site").mkdir()
    header = ["title", "date", "text", "url", "x"]
    lines = [";".join(header)] + [";".join(row) for row in rows]
    source = root / name
    source.write_text("\n".join(lines), encoding="utf-8", newline="")
    try:
        report = import_file(source, root / "site")
    except AnnalsError as exc:
        assert str(exc)  # a message, never a traceback
        return
    assert len(report.written) + len(report.present) + len(report.rejected) <= len(report.dataset.rows)
    loaded = load_articles(root / "site")
    assert loaded.errors == ()  # whatever was written builds
    assert len(loaded.articles) == len(report.written)


_JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | _CELL,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_CELL, inner, max_size=3),
                           max_leaves=8)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["title", "date", "text", "url", "source", "body", "x"]),
                                _JSON_VALUE, max_size=5), min_size=1, max_size=5),
       st.sampled_from(["lines", "array", "timeline"]))
def test_any_json_imports_or_is_refused_clearly(tmp_path_factory, objects, shape):
    root = tmp_path_factory.mktemp("hostile-json")
    (root / "site").mkdir()
    if shape == "lines":
        source, data = root / "a.jsonl", "\n".join(json.dumps(o) for o in objects)
    elif shape == "array":
        source, data = root / "a.json", json.dumps(objects)
    else:
        slides = [{"start_date": o.get("date"), "text": {"headline": o.get("title"), "text": o.get("text")}}
                  for o in objects]
        source, data = root / "t.json", json.dumps({"events": slides})
    source.write_text(data, encoding="utf-8")
    try:
        report = import_file(source, root / "site")
    except AnnalsError as exc:
        assert str(exc)
        return
    loaded = load_articles(root / "site")
    assert loaded.errors == () and len(loaded.articles) == len(report.written)


def test_hostile_shapes_stay_fast():
    """csv.Sniffer is quadratic in its sample and repeated header names once were cubic:
    each of these took seconds to minutes."""
    import time

    from generator.importer.readers import read_csv

    for text in ('title,text\n' + '"a,' * 20000 + '\n', '"a,' * 20000 + '\n', 'a,' * 50000 + '\ntitle\n',
                 '\n'.join(['a;"b'] * 10000)):
        started = time.perf_counter()
        read_csv(text, "a.csv", frozenset({"title", "text"}))
        assert time.perf_counter() - started < 5


def test_deep_json_is_a_row_problem_not_a_crash(tmp_path):
    report = run(tmp_path, "a.jsonl", "[" * 100000 + "]" * 100000 + '\n{"text": "Fine."}\n')
    assert report.rejected == (("line 1", "is JSON nested too deeply"),) and len(report.written) == 1
