"""Markdown to plain text keeps a faithful map back to the source; sentences split well."""

from hypothesis import given, strategies as st

from generator.cruft import mark_cruft
from generator.text import plain_text, sentences


def test_markup_removed_and_offsets_point_into_source():
    md = "# Talks\n\nThe *envoy* met [officials](https://example.org) on **July 13**.\n\n> Quoted on 19 July\n- item"
    pt = plain_text(md)
    assert pt.text == "Talks\n\nThe envoy met officials on July 13.\n\nQuoted on 19 July\nitem"
    start = pt.text.index("July 13")
    source_start, source_end = pt.span_to_source(start, start + len("July 13"))
    assert md[source_start:source_end] == "July 13"
    link = pt.text.index("officials")
    assert md[pt.to_source(link):].startswith("officials](")


def test_code_blocks_are_not_prose():
    pt = plain_text("Before.\n\n```\nJuly 4 code\n```\n\nAfter.")
    assert "code" not in pt.text and pt.text == "Before.\n\nAfter."


def test_entities_are_decoded():
    assert plain_text("Tom &amp; Jerry").text == "Tom & Jerry"


@given(st.text(max_size=300))
def test_source_index_is_monotonic_and_in_range(md):
    pt = plain_text(md)
    assert len(pt.source_index) == len(pt.text) + 1
    assert all(0 <= i <= len(md) for i in pt.source_index)
    assert list(pt.source_index) == sorted(pt.source_index)


def test_sentences_respect_abbreviations_and_initials():
    text = "Brig. Adm. Zeki Aktürk spoke on Thursday. U.S. envoy Tom Barrack agreed. It held."
    assert [s.text for s in sentences(text)] == [
        "Brig. Adm. Zeki Aktürk spoke on Thursday.", "U.S. envoy Tom Barrack agreed.", "It held."]


def test_one_paragraph_per_line_and_soft_wraps():
    text = "A headline without a stop\nThe first line ends here.\nThe second line wraps\nonto the next one."
    found = sentences(text)
    assert [s.text for s in found] == ["A headline without a stop", "The first line ends here.",
                                       "The second line wraps\nonto the next one."]
    assert [s.paragraph for s in found] == [0, 1, 2]


def test_sentence_offsets_slice_the_text():
    text = "One. Two!\n\n“Three,” he said. Four?"
    for s in sentences(text):
        assert text[s.start:s.end] == s.text


def test_cruft_lines_and_everything_after_an_end_marker():
    text = ("Officials met on Monday.\nSign up for our newsletter\nTalks resumed on Tuesday.\n"
            "More talks were held on Friday.\nLeave a reply\nA ferry sank on Wednesday.")
    flagged = {s.text: s.cruft for s in mark_cruft(sentences(text))}
    assert flagged == {"Officials met on Monday.": False, "Sign up for our newsletter": True,
                       "Talks resumed on Tuesday.": False, "More talks were held on Friday.": False,
                       "Leave a reply": True, "A ferry sank on Wednesday.": True}


def test_agency_sign_off_keeps_its_sentence_but_ends_the_article():
    text = "Talks went on. Peace is near. The talks resume in June. (WIRE)\nA crash on Tuesday hurt two."
    flagged = {s.text: s.cruft for s in mark_cruft(sentences(text))}
    assert not any(cruft for text, cruft in flagged.items() if "crash" not in text)
    assert flagged["A crash on Tuesday hurt two."]


def test_script_and_style_content_is_not_prose():
    md = "Talks on Monday <script>var d = 'July 4';</script> ended.\n\n<style>\np { }\n</style>\n\nAfter."
    assert plain_text(md).text == "Talks on Monday  ended.\n\nAfter."


def test_a_list_under_a_lead_in_is_one_sentence_with_it():
    # The items of a list introduced by "...:" finish its sentence: none is an event of its own.
    md = ("The mayor's plan, published on Friday, lists:\n\n- new bus lanes;\n- Two bridges;\n"
          "- cheaper tickets from **next month**.\n\nCouncillors vote on Monday.")
    found = sentences(plain_text(md).text)
    assert [" ".join(s.text.split()) for s in found] == [
        "The mayor's plan, published on Friday, lists: new bus lanes; Two bridges; "
        "cheaper tickets from next month.", "Councillors vote on Monday."]


def test_a_sentence_cut_by_a_blank_line_is_joined_again():
    text = "Engineers finished the dam in\n\nlate 2019, two years behind schedule.\n\nIt opened in May."
    assert [s.text for s in sentences(text)] == [
        "Engineers finished the dam in\n\nlate 2019, two years behind schedule.", "It opened in May."]


def test_blocks_that_end_their_sentence_stay_apart():
    # A heading ending ":" before a capitalised paragraph, a stop, or a name's particle.
    text = ("Background:\n\nThe dam was planned in 2010.\n\nThe minister spoke.\n\n"
            "al-Rashid replied on Tuesday.\n\nHeadline without a stop\n\nThe river rose.")
    assert [s.text for s in sentences(text)] == [
        "Background:", "The dam was planned in 2010.", "The minister spoke.",
        "al-Rashid replied on Tuesday.", "Headline without a stop", "The river rose."]
