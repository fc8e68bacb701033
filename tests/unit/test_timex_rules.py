"""The rule records of generator/data/timex/en/rules/: every example runs, every rule has one,
and every negative context is what drops some example of its rule."""

from __future__ import annotations

import pytest

from generator.timex import scan, tag
from generator.timex.context import Context
from generator.timex.resolve import rejected
from generator.timex.rules import grammar

RULES = grammar().rules
EXAMPLES = [e for rule in RULES for e in rule.examples]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.rule}:{e.find or e.none}" for e in EXAMPLES])
def test_rule_example(example):
    found = tag(example.text, example.dct)
    if example.find is not None:
        match = [t for t in found if t.text == example.find]
        assert match, f"{example.find!r} not tagged; got {[(t.text, t.time.value) for t in found]}"
        assert match[0].time.value == example.value
    else:
        start = example.text.index(example.none)
        end = start + len(example.none)
        for t in found:
            assert t.end <= start or t.start >= end, f"{t.text!r} ({t.time.value}) is tagged"


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_rule_has_an_example_it_tags(rule):
    assert any(e.find is not None for e in rule.examples), f"{rule.name}: no positive example"
    assert rule.about, f"{rule.name}: say what the rule is about"


def _contexts_fired(rule) -> set[int]:
    fired: set[int] = set()
    for example in rule.examples:
        if example.none is None:
            continue
        start = example.text.index(example.none)
        end = start + len(example.none)
        ctx = Context.build(example.text, example.dct)
        for cand in scan.find(example.text):
            if cand.rule == rule.name and cand.start < end and cand.end > start:
                context = rejected(cand, ctx)
                if context is not None:
                    fired.add(rule.reject.index(context))
    return fired


@pytest.mark.parametrize("rule", [r for r in RULES if r.reject], ids=[r.name for r in RULES if r.reject])
def test_every_negative_context_drops_an_example(rule):
    fired = _contexts_fired(rule)
    unexercised = [c.why for i, c in enumerate(rule.reject) if i not in fired]
    assert not unexercised, f"{rule.name}: no `none` example is dropped by {unexercised}"


def test_rules_have_distinct_names_and_a_handler():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all("." in r.handler for r in RULES)


def _guard_texts() -> list[str]:
    """Texts full of date phrases and of numbers that are none: every rule's examples, the
    table cases and a synthetic news corpus."""
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    from bench.corpus import make_corpus
    from test_timex_cases import ALL_CASES, ALL_NONE

    texts = [e.text for e in EXAMPLES] + [c[1] for c in ALL_CASES] + [c[1] for c in ALL_NONE]
    return texts + [text for _, _, text in make_corpus(150, seed=3)]


GUARDED = [r for r in RULES if r.at_word]


def test_most_rules_start_at_a_word():
    assert len(GUARDED) >= len(RULES) - 2
    unguarded = [r for r in RULES if not r.at_word]
    assert all(r.pattern.pattern == r.source for r in unguarded)
    assert all(r.pattern.pattern != r.source for r in GUARDED)


def test_the_word_start_guard_changes_no_match():
    """Each guarded rule finds exactly what its own pattern finds without the guard, so a
    rule whose matches may start inside a word must say `start: anywhere`."""
    import re

    texts = _guard_texts()
    for rule in GUARDED:
        bare = re.compile(rule.source, rule.pattern.flags)
        for text in texts:
            assert [m.span() for m in rule.pattern.finditer(text)] == \
                [m.span() for m in bare.finditer(text)], (rule.name, text[:200])


def test_a_rule_that_starts_inside_words_must_say_so():
    """'quarter' may start at the space before a bare "period"; guarded, it would not."""
    import re

    quarter = grammar().by_name["quarter"]
    assert not quarter.at_word
    text = "Sales held up well, Ames said, but not for the whole period."
    guarded = re.compile(r"(?<!\w)(?=\w)(?:" + quarter.source + ")", quarter.pattern.flags)
    assert [m.span() for m in guarded.finditer(text)] != \
        [m.span() for m in quarter.pattern.finditer(text)]
