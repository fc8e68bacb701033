from pathlib import Path

import pytest

from generator.config import load_config
from generator.errors import ContentError


def test_defaults_and_overrides(tmp_path: Path):
    (tmp_path / "site.yaml").write_text("title: Story\nbase_url: https://example.org/story\n"
                                        "key_dates:\n  min_sources: 3\n", encoding="utf-8")
    config = load_config(tmp_path)
    assert config.title == "Story"
    assert config.base_url == "https://example.org/story/"
    assert config.base_path == "/story/"
    assert config.absolute_base == "https://example.org/story/"
    assert config.key_dates.min_sources == 3
    assert load_config(tmp_path, base_url="/other").base_path == "/other/"


def test_no_config_file_means_defaults(tmp_path: Path):
    config = load_config(tmp_path)
    assert config.base_url == "/" and config.absolute_base is None and config.theme == "default"


@pytest.mark.parametrize("text", ["title: [", "- a list", "day_first: sometimes", "key_dates: 3",
                                  "timezone: Mars/Olympus_Mons"])
def test_bad_config_is_a_content_error(tmp_path: Path, text: str):
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_config(tmp_path)
    assert caught.value.path == "site.yaml"
