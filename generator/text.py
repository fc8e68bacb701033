"""Markdown to plain text with a map back to the source, and sentence splitting.

The tagger and the actor matcher work on plain text; the article page highlights their
findings in the Markdown source. ``PlainText.source_index`` connects the two: for every
character of the plain text, the offset of the character in the Markdown it came from.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field

from .model import OffsetMap, PlainText, Sentence
from .timex.lexicon import english

_LEXICON = english()

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
HORIZONTAL_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
BLOCK_PREFIX = re.compile(r"^(\s{0,3}(?:>\s?)+|\s{0,3}#{1,6}\s+|\s*(?:[-*+]|\d{1,9}[.)])\s+)+")
# Inline markup: each alternative is either dropped or replaced by one of its groups.
RAW_HTML_BLOCK = re.compile(r"<(script|style|template|noscript)\b", re.I)
INLINE = re.compile(
    r"(?P<raw><(?P<raw_tag>script|style|template|noscript)\b[^>]*>.*?</(?P=raw_tag)\s*>)"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<label>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\]))"
    r"|(?P<autolink><(?P<url>https?://[^>\s]+)>)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<entity>&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);)"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|>]))"
    r"|(?P<emphasis>\*{1,3}|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w])|`+|~~)"
)
# A dot after these ends no sentence: titles and month and weekday abbreviations are the
# date lexicon's (generator/data/timex/en/cues.yaml, months.yaml, weekdays.yaml).
ABBREVIATIONS = (_LEXICON.words("title_abbreviations")
                 | {name.lower() for name in _LEXICON.month_abbreviations}
                 | frozenset(_LEXICON.weekday_abbreviations)
                 | frozenset("jr sr inc corp co ltd etc al approx dept est fig u.s u.n u.k e.g i.e "
                             "a.m p.m".split()))
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
LINE_END_PUNCTUATION = tuple(".!?:;\"'”’»)…|")
# A line or paragraph ending in one of these leaves its sentence open: a list item ending
# ";" or "," goes on with the next one whatever its case; a lead-in ending ":" ("the agenda
# covered:") with a next line in lower case (a heading "Background:" is no lead-in).
OPEN_ENDINGS = tuple(";,")
LEAD_IN_ENDINGS = tuple(":")
# Lower-case words that may open a sentence of their own (a name's particle: "al-Sharaa said").
LOWER_OPENER = re.compile(r"(?:al|el|ad|as|ash|at|an|abu|bin|ibn|von|van|de|der|la|le|du|da|di|dos|del)[-' ]"
                          r"|[a-z]+[A-Z]")  # "iPhone", "eBay"
HEADLINE_MAX = 100


# Source offsets as runs (model.OffsetMap) of 4-byte unsigned ints: a tuple of Python ints
# costs ~33 bytes a character (400 MB for 10,000 articles), an array of them 4, the runs a
# few hundred bytes an article. Markdown files stay far below 4 GiB.
INDEX_TYPECODE = "I"


@dataclass
class _TextBuilder:
    """Accumulates plain text in pieces and the runs of their source offsets."""

    chars: list[str] = field(default_factory=list)  # pieces, never empty ones
    length: int = 0
    starts: array = field(default_factory=lambda: array(INDEX_TYPECODE))
    sources: array = field(default_factory=lambda: array(INDEX_TYPECODE))
    steps: array = field(default_factory=lambda: array("B"))

    def add(self, text: str, source_start: int, one_to_one: bool = True) -> None:
        if not text:
            return
        self.chars.append(text)
        self._run(len(text), source_start, 1 if one_to_one else 0)

    def _run(self, size: int, source: int, step: int) -> None:
        if self.starts:  # the same run goes on: one piece of text right after the last
            last_size = self.length - self.starts[-1]
            if self.steps[-1] == step and self.sources[-1] + last_size * step == source:
                self.length += size
                return
        self.starts.append(self.length)
        self.sources.append(source)
        self.steps.append(step)
        self.length += size

    def build(self, end: int) -> PlainText:
        text = "".join(self.chars)
        self._run(1, end, 1)  # the end position: one more offset than characters
        return PlainText(text, OffsetMap(self.starts, self.sources, self.steps, self.length))


def plain_text(markdown: str) -> PlainText:
    """Prose of a Markdown document: block markup and inline markup removed, code skipped.

    Lines of one paragraph stay separated by "\\n"; paragraphs by "\\n\\n".
    """
    out = _TextBuilder()
    in_fence = False
    raw_block: str | None = None  # the closing tag of a <script>/<style> block being skipped
    pending_break = ""
    offset = 0
    for line in markdown.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if raw_block:
            raw_block = None if raw_block in line.lower() else raw_block
            continue
        opening = RAW_HTML_BLOCK.match(line.lstrip())
        if opening and f"</{opening.group(1).lower()}" not in line.lower():
            raw_block = f"</{opening.group(1).lower()}"
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            pending_break = "\n\n" if out.chars else ""
            continue
        if in_fence or not line.strip() or HORIZONTAL_RULE.match(line) or TABLE_DIVIDER.match(line):
            pending_break = "\n\n" if out.chars else ""
            continue
        if SETEXT_UNDERLINE.match(line) and out.chars:
            pending_break = "\n\n"
            continue
        prefix = BLOCK_PREFIX.match(line)
        start = prefix.end() if prefix else 0
        if prefix and out.chars and not pending_break:
            pending_break = "\n"  # a list item or quote line starts its own line
        if out.chars:
            out.add(pending_break or "\n", line_start - 1 if line_start else 0, one_to_one=False)
        pending_break = ""
        _add_inline(out, line[start:].rstrip(), line_start + start)
    return out.build(len(markdown))


def _add_inline(out: _TextBuilder, line: str, base: int) -> None:
    line = line.replace("|", " ") if line.lstrip().startswith("|") else line
    pos = 0
    for match in INLINE.finditer(line):
        out.add(line[pos:match.start()], base + pos)
        kind = match.lastgroup
        if match.group("link"):
            out.add(match.group("label"), base + match.start("label"))
        elif match.group("autolink"):
            out.add(match.group("url"), base + match.start("url"))
        elif match.group("entity"):
            out.add(html.unescape(match.group("entity")), base + match.start(), one_to_one=False)
        elif match.group("escape"):
            out.add(match.group("escaped"), base + match.start("escaped"))
        elif kind == "image" and match.group("alt"):
            pass  # images are not prose
        pos = match.end()
    out.add(line[pos:], base + pos)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split plain text into sentences, keeping offsets.

    A line break ends a sentence when the line ends with punctuation or is short and
    headline-like (clipped articles put one paragraph per line); otherwise it is a soft wrap.
    Such hard-broken lines count as paragraphs of their own.
    """
    found: list[Sentence] = []
    paragraph_number = 0
    for p_start, p_end in _paragraphs(text):
        for c_start, c_end in _chunks(text, p_start, p_end):
            for s_start, s_end in _split_sentences(text, c_start, c_end):
                found.append(Sentence(s_start, s_end, text[s_start:s_end], paragraph_number))
            paragraph_number += 1
    return tuple(found)


def _spans(text: str, separator: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while True:
        end = text.find(separator, start)
        stop = len(text) if end < 0 else end
        if text[start:stop].strip():
            spans.append((start, stop))
        if end < 0:
            return spans
        start = end + len(separator)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs, a paragraph that goes on with the sentence of the one before joined to it.

    Markup breaks sentences into blocks: a lead-in ending "covered:" and the list under it,
    or a sentence cut by a picture or a stray blank line. The next block then starts in
    lower case, mid-sentence ("trade, energy and reconstruction after ..."), and reads as
    a fragment unless it is joined to the block whose sentence it ends.
    """
    joined: list[tuple[int, int]] = []
    for start, end in _spans(text, "\n\n"):
        if joined and _continues(text[joined[-1][0]:joined[-1][1]], text[start:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _continues(previous: str, following: str) -> bool:
    """``following`` goes on with the sentence ``previous`` left open."""
    last_line = previous.rstrip().rsplit("\n", 1)[-1].rstrip()
    first = following.lstrip()
    if last_line.endswith(OPEN_ENDINGS) and first[:1].isalnum():
        return True
    if not first[:1].islower() or LOWER_OPENER.match(first):
        return False
    return last_line.endswith(LEAD_IN_ENDINGS) or not last_line.endswith(LINE_END_PUNCTUATION)


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines of a paragraph, joined where a line break is only a soft wrap."""
    chunks: list[tuple[int, int]] = []
    last_line = (0, 0)  # the last line of the last chunk: all a soft wrap is decided on
    for line_start, line_end in _spans_within(text, start, end):
        if chunks and not _hard_break(text[last_line[0]:last_line[1]], text[line_start:line_end]):
            chunks[-1] = (chunks[-1][0], line_end)
        else:
            chunks.append((line_start, line_end))
        last_line = (line_start, line_end)
    return chunks


def _spans_within(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + a, start + b) for a, b in _spans(text[start:end], "\n")]


def _hard_break(previous: str, following: str) -> bool:
    last_line = previous.rsplit("\n", 1)[-1].rstrip()
    if _continues(previous, following):
        return False  # a list item ending ";" or a line ending ":" before a lower-case line
    if last_line.endswith(LINE_END_PUNCTUATION):
        return True
    starts_lower = following.lstrip()[:1].islower()
    return not starts_lower and len(last_line) <= HEADLINE_MAX


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    spans, begin = [], 0
    for match in SENTENCE_END.finditer(chunk):
        stop = match.end()
        following = _NON_SPACE.search(chunk, stop)  # not chunk[stop:].lstrip(): linear, not quadratic
        if following is None or not _starts_sentence(following.group()) or _is_abbreviation(chunk, match.start()):
            continue
        spans.append((begin, stop))
        begin = following.start()
    spans.append((begin, len(chunk)))
    return [(start + a + _lead(chunk[a:b]), start + b - _trail(chunk[a:b]))
            for a, b in spans if chunk[a:b].strip()]


_NON_SPACE = re.compile(r"\S")
_WORD_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _starts_sentence(rest: str) -> bool:
    first = rest[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘«(["


def _is_abbreviation(chunk: str, dot: int) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation ("U.S.", "Gen.", a single letter).

    The word before it is found by walking back over its letters and dots, not by a regex
    anchored at the end of everything before it, which would scan the whole paragraph again
    for every full stop."""
    if chunk[dot] != ".":
        return False
    first = dot
    while first > 0 and (chunk[first - 1] in _WORD_LETTERS or chunk[first - 1] == "."):
        first -= 1
    while first < dot and chunk[first] == ".":
        first += 1  # the word starts with a letter
    if first == dot:
        return False
    token = chunk[first:dot].lower().rstrip(".")
    return token in ABBREVIATIONS or len(token) == 1


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _trail(s: str) -> int:
    return len(s) - len(s.rstrip())
