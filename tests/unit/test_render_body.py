"""Article bodies: Markdown rendered, sanitised, with date phrases marked at the right text."""

from __future__ import annotations

import re

from generator.model import PlainText
from generator.render.body import Highlight, render_body


def identity(text: str) -> PlainText:
    return PlainText(text, tuple(range(len(text) + 1)))


def mapped(source: str, plain: str) -> PlainText:
    """Plain text whose characters are found in order in the Markdown source."""
    index, cursor = [], 0
    for ch in plain:
        cursor = source.index(ch, cursor)
        index.append(cursor)
        cursor += 1
    return PlainText(plain, tuple(index) + (len(source),))


def highlight(plain: PlainText, phrase: str, index: int = 0, **kw) -> Highlight:
    start = plain.text.index(phrase)
    return Highlight(index, start, start + len(phrase), "2025-07-13", "13 July 2025", **kw)


def test_plain_phrase_is_marked_with_id_value_and_title():
    text = "Ministers met on 13 July in the port."
    out = render_body(text, identity(text), [highlight(identity(text), "on 13 July", 4)])
    assert str(out.html) == ('<p>Ministers met <mark class="timex" id="t-4" data-value="2025-07-13" '
                             'title="13 July 2025">on 13 July</mark> in the port.</p>')
    assert out.placed == {4}


def test_event_phrase_links_to_the_timeline_and_carries_the_citation_id():
    text = "Ministers met on 13 July."
    h = highlight(identity(text), "13 July", 0, anchor_id="a-1", href="../../#ev-1", event_id="ev-1")
    out = str(render_body(text, identity(text), [h]).html)
    assert ('<a class="timex-link" href="../../#ev-1" id="a-1" data-event="ev-1">'
            '<mark class="timex" id="t-0"') in out
    assert out.count("</mark></a>") == 1


def test_phrase_across_emphasis_is_split_but_properly_nested():
    source = "Talks stalled *last* week."
    plain = mapped(source, "Talks stalled last week.")
    out = str(render_body(source, plain, [highlight(plain, "last week", 2)]).html)
    assert out == ('<p>Talks stalled <em><mark class="timex" id="t-2" data-value="2025-07-13" '
                   'title="13 July 2025">last</mark></em><mark class="timex"> week</mark>.</p>')


def test_closing_markup_stays_outside_the_mark():
    source = "They met **on 13 July**, aides said."
    plain = mapped(source, "They met on 13 July, aides said.")
    out = str(render_body(source, plain, [highlight(plain, "on 13 July")]).html)
    assert '<strong><mark class="timex" id="t-0"' in out and "on 13 July</mark></strong>," in out


def test_phrase_inside_a_link_gets_a_span_not_a_nested_link():
    source = "Read [the 13 July report](https://news.example/r) here."
    plain = mapped(source, "Read the 13 July report here.")
    h = highlight(plain, "13 July", 0, anchor_id="a-1", href="../../#ev-1", event_id="ev-1")
    out = str(render_body(source, plain, [h]).html)
    assert '<span class="timex-anchor" id="a-1" data-event="ev-1"><mark class="timex" id="t-0"' in out
    assert out.count("<a ") == 1


def test_markers_never_reach_attributes():
    source = "![Crowds on 13 July](photo.jpg)"
    plain = mapped(source, "Crowds on 13 July")
    out = render_body(source, plain, [highlight(plain, "13 July")])
    assert 'alt="Crowds on 13 July"' in str(out.html)
    assert out.placed == set()
    assert not re.search("[\ue000-\ue01f]", str(out.html))


def test_private_use_characters_in_content_are_not_taken_for_markers():
    text = "Odd \ue000\ue010\ue001 text on 13 July.\ue002"
    out = str(render_body(text, identity(text), [highlight(identity(text), "13 July")]).html)
    assert not re.search("[\ue000-\ue01f]", out)
    assert out.count("<mark") == 1 and ">13 July</mark>" in out


def test_dangerous_html_is_removed():
    source = ('<script>alert(1)</script>\n\nClick <a href="javascript:alert(2)" onclick="x()">here</a> '
              '<img src="x.png" onerror="y()"> <iframe src="https://evil.example"></iframe>'
              '<style>body{display:none}</style>\n\n<nav>menu</nav>')
    out = str(render_body(source, mapped(source, "Click here"), []).html)
    for bad in ("<script", "alert(1)", "javascript:", "onclick", "onerror", "<iframe", "<style",
                "display:none", "<nav"):
        assert bad not in out
    assert '<img alt="" src="x.png">' in out
    assert 'rel="noopener nofollow noreferrer"' in out


def test_headings_move_below_the_page_title():
    source = "# Big\n\n## Smaller\n\nText."
    out = str(render_body(source, mapped(source, "Big\n\nSmaller\n\nText."), []).html)
    assert "<h2>Big</h2>" in out and "<h3>Smaller</h3>" in out and "<h1" not in out


def test_overlapping_and_out_of_range_highlights_are_skipped():
    text = "On 13 July 2025 they met."
    plain = identity(text)
    out = render_body(text, plain, [
        Highlight(0, 3, 10, "2025-07-13", "13 July 2025"),
        Highlight(1, 6, 15, "2025-07", "July 2025"),  # overlaps the first
        Highlight(2, 40, 45, "2025", "2025"),  # beyond the text
    ])
    assert out.placed == {0}
    assert str(out.html).count("<mark") == 1


def test_many_highlights_keep_their_indexes():
    text = " ".join(f"day {n}" for n in range(15))
    plain = identity(text)
    highlights = [Highlight(n, text.index(f"day {n}"), text.index(f"day {n}") + len(f"day {n}"),
                            "v", "l") for n in range(15) if n != 1]
    out = str(render_body(text, plain, highlights).html)
    assert re.findall(r'id="t-(\d+)"[^>]*>([^<]+)<', out) == [
        (str(n), f"day {n}") for n in range(15) if n != 1]
