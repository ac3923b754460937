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


# One value no run could use for every setting; the test below checks none is missing.
BAD_VALUES: dict[str, object] = {
    "model": "", "workers": 2.5, "batch_size": 0, "max_page_bytes": 1.5,
    "max_decompressed_bytes": 0, "page_timeout_s": 0, "page_memory_mb": 0,
    "minhash_perm": 8, "shingle_words": 0, "near_duplicate_threshold": 1.5, "seed": -1,
    "story_threshold": 2.0, "story_gap_days": 0.5, "progress": "yes", "fetch_delay_s": -1.0,
    "fetch_retries": 1.0, "fetch_timeout_s": 0.0, "fetch_deadline_s": "60",
    "max_fetch_bytes": 0, "user_agent": " ", "allow_cross_host_redirects": 1,
    "default_language": "", "models": {"fr": ""},
}


def test_every_setting_has_a_refused_value_here() -> None:
    import dataclasses

    assert set(BAD_VALUES) == {f.name for f in dataclasses.fields(Settings)}


@pytest.mark.parametrize(("name", "value"), sorted(BAD_VALUES.items()))
def test_every_setting_is_checked_when_built(name: str, value: object) -> None:
    with pytest.raises(ConfigError, match=f"setting {name} "):
        Settings(**{name: value})  # type: ignore[arg-type]


def test_importing_settings_reads_no_environment_and_no_crawl_module() -> None:
    import subprocess
    import sys

    code = ("import os, sys; os.environ['STORYLINE_MODEL'] = 'x'; "
            "import storyline.settings as s; "
            "print(s.Settings().model, 'storyline.crawl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["en_core_web_sm", "False"]
