"""Page cruft that clipped articles carry: it must never become an event.

Two kinds: lines that are cruft wherever they stand (newsletter sign-ups, share buttons,
bare counters), and end-of-article markers (legal notices, "Leave a reply", an agency
sign-off) after which whatever follows is unrelated material pasted below the article.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .model import Sentence

CRUFT_LINE = re.compile(
    r"""^(?:
        .*\bnewsletters?\b.*
      | sign\s+up\b.* | subscribe\b.* | .*\bsubscribe\s+(?:to|now)\b.*
      | (?:share|tweet|email|print)(?:\s+(?:on|this|article|via)\b.*)?
      | follow\s+us\b.* | click\s+here\b.* | read\s+more\b.* | related\s*:.* | advertisement
      | [\d\s|·•]+                                  # bare counters: "0 34"
      | your\s+email\s+address\s+will\s+not\s+be\s+published.*
    )$""",
    re.I | re.X,
)
END_OF_ARTICLE = re.compile(
    r"""(?:
        ^leave\s+a\s+(?:reply|comment)\b
      | ^(?:legal\s+(?:warning|notice)|copyright|©|all\s+rights\s+reserved)\b
      | ^(?:related\s+(?:articles|news|stories)|more\s+(?:news|stories)|you\s+may\s+also\s+like)\b
      | (?-i:\([A-Z][A-Za-z]{1,15}\))\s*$           # agency sign-off closing a paragraph: "(ILKHA)"
      | (?-i:\|\s*[A-Z][A-Za-z]{1,15})\s*$          # "... | BGNES"
    )""",
    re.I | re.X,
)

SIGN_OFF = re.compile(r"(?:\([A-Z][A-Za-z]{1,15}\)|\|\s*[A-Z][A-Za-z]{1,15})\s*$")


def mark_cruft(sentences: tuple[Sentence, ...],
               furniture: Sequence[tuple[int, int, str]] = ()) -> tuple[Sentence, ...]:
    """Flag cruft sentences; everything after an end-of-article marker is cruft too, and so
    is every sentence within the head's furniture (slogan, breadcrumb, title line...)."""
    out: list[Sentence] = []
    ended = False
    for sentence in sentences:
        text = sentence.text.strip()
        marker = bool(END_OF_ARTICLE.search(text))
        is_cruft = (ended or bool(CRUFT_LINE.match(text)) or (marker and _is_notice(text))
                    or _within(sentence, furniture))
        out.append(replace(sentence, cruft=True) if is_cruft else sentence)
        ended = ended or (marker and _closes_article(sentence, sentences))
    return tuple(out)


def _within(sentence: Sentence, furniture: Sequence[tuple[int, int, str]]) -> bool:
    return any(start <= sentence.start and sentence.end <= end for start, end, _ in furniture)


def _is_notice(text: str) -> bool:
    """A marker sentence that is itself cruft (a notice), not a sentence with a sign-off."""
    return not SIGN_OFF.search(text)


def _closes_article(sentence: Sentence, sentences: tuple[Sentence, ...]) -> bool:
    """Markers count only in the second half of the text: a byline may sit at the top."""
    last = sentences[-1].end if sentences else 0
    return sentence.start >= last * 0.4
