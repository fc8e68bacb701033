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
