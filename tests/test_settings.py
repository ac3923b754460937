"""Settings: checked when built, so a bad value fails before any work is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.settings import Settings, load_settings


@pytest.mark.parametrize(("name", "value"), [
    ("batch_size", 0), ("near_duplicate_threshold", 2.0), ("story_threshold", -0.1),
    ("page_timeout_s", 0), ("workers", -1), ("fetch_retries", "three"), ("minhash_perm", 1),
    ("max_page_bytes", True),
])
def test_a_bad_value_is_refused_naming_the_setting(name: str, value: object) -> None:
    with pytest.raises(ConfigError, match=name):
        Settings(**{name: value})  # type: ignore[arg-type]


def test_replace_checks_too_and_names_unknown_settings() -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        Settings().replace(batch_size=0)
    with pytest.raises(ConfigError, match="unknown setting"):
        Settings().replace(bach_size=10)


def test_an_empty_model_name_is_refused() -> None:
    with pytest.raises(ConfigError, match="model"):
        Settings(model=" ")


def test_a_settings_file_with_a_bad_value_fails_when_loaded(tmp_path: Path) -> None:
    path = tmp_path / "storyline.toml"
    path.write_text("[storyline]\nnear_duplicate_threshold = 2.0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="near_duplicate_threshold"):
        load_settings(path)


def test_the_model_comes_from_the_environment_when_loaded_not_when_imported(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_MODEL", "my_pipeline")
    assert Settings().model == "en_core_web_sm"
    assert load_settings().model == "my_pipeline"
    assert load_settings(model="other").model == "other"
