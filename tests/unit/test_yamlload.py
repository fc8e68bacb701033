"""YAML as Annals reads site files: long numbers stay text, impossible dates name their line."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from generator import yamlload


def test_a_number_too_long_for_int_stays_the_text_written():
    digits = "9" * 5000
    assert yamlload.load(f"title: {digits}\ncount: 12\nhex: 0x1f") == {"title": digits, "count": 12, "hex": 31}


@pytest.mark.parametrize("text, line, problem", [
    ("title: A\ndate: 2025-13-45\n", 2, "'2025-13-45' is no date (month must be in 1..12)"),
    ("a: 1\nb: 2\nwhen: 0000-01-01\n", 3, "'0000-01-01' is no date"),
])
def test_an_impossible_date_names_its_line(text: str, line: int, problem: str):
    with pytest.raises(yamlload.ImpossibleDate) as caught:
        yamlload.load(text)
    assert yamlload.error_line(caught.value) == line
    assert yamlload.error_problem(caught.value).startswith(problem)


def test_dates_and_the_safe_loaders_limits_are_kept():
    assert yamlload.load("d: 2025-07-23") == {"d": date(2025, 7, 23)}
    with pytest.raises(yaml.YAMLError):
        yamlload.load("x: !!python/object/apply:os.system ['true']")


@pytest.mark.parametrize("text", ["[" * 100_000, "- " * 100_000 + "x", "{a: " * 70 + "1" + "}" * 70,
                                  "a:\n" + "".join(" " * n + "b:\n" for n in range(1, 80))])
def test_deep_nesting_is_an_error_before_anything_is_built(text: str):
    # PyYAML builds nested values recursively in C: this deep, without the check, the
    # interpreter dies of a segmentation fault instead of raising anything.
    with pytest.raises(yamlload.TooDeep) as caught:
        yamlload.load(text)
    assert "nested more than 64 levels deep" in yamlload.error_problem(caught.value)
    assert yamlload.error_line(caught.value) is not None


def test_nesting_up_to_the_limit_is_read():
    expected: list = []
    for _ in range(63):
        expected = [expected]
    assert yamlload.load("[" * 64 + "]" * 64) == expected
