"""One frozen settings object, built once from defaults, an optional TOML file and overrides.

Every threshold lives here as a named field with a comment on how it was chosen, so a
stage never hides a magic number and a user can change any of them without editing code.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    # The spaCy pipeline to load; any installed package name or path works.
    # ``load_settings`` takes STORYLINE_MODEL from the environment when it is set.
    model: str = "en_core_web_sm"
    # Worker processes for the per-article stages; 0 (the default) means one per core. The
    # pool only starts when there are at least two chunks of work (runners.workers.Workers), so a
    # small run never pays for a second model load.
    workers: int = 0
    # Articles per transaction: a killed run loses at most one batch of work, never data.
    batch_size: int = 64
    # Pages larger than this are refused as "too-large" rather than risking memory.
    max_page_bytes: int = 20_000_000
    # Decompressed size limit for .gz input (gzip bombs).
    max_decompressed_bytes: int = 200_000_000
    # Seconds one page may spend in cleaning, and again in analysis, before it is recorded
    # as a "timeout" failure (limits.time_limit; it holds inside trafilatura and spaCy too).
    page_timeout_s: float = 60.0
    # MB a process may grow by while it cleans or analyses one page (or one chunk of
    # articles) before the page is a "too-large" failure; 0 turns the check off. Analysing
    # a 100k-character article (ten long news stories) grows it by ~330 MB, a 400k one by
    # ~1.25 GB; cleaning 490k tiny HTML paragraphs (under extract.MAX_TAGS) by ~780 MB in
    # the 60 s it is allowed.
    page_memory_mb: float = 1024.0
    # Near-duplicate detection: MinHash permutations, shingle size in words, and the
    # Jaccard threshold above which two articles count as copies (calibrated on perturbed
    # copies of the dev bundles, see bench/dedup_bench.py).
    minhash_perm: int = 128
    shingle_words: int = 5
    near_duplicate_threshold: float = 0.5
    seed: int = 1
    # Story clustering: similarity needed to join an existing story (average link over the
    # blended channel cosine of corpus/stories.py; 0.17 is the middle of the 0.14-0.19
    # plateau, B-cubed F1 >= 0.94, on half of the stories-ecbplus-dev topics, checked on
    # the other half: bench/NOTES.md, "stories"), and how many days of silence a thread may
    # have and still continue.
    story_threshold: float = 0.17
    story_gap_days: int = 120
    progress: bool = True
    # Fetching: seconds between requests to one host, retries on 429/5xx, and the most
    # bytes one response may have.
    fetch_delay_s: float = 1.0
    fetch_retries: int = 3
    fetch_timeout_s: float = 20.0
    # One fetch's wall-clock limit over its redirects, retries and waits (fetch_timeout_s
    # bounds each request, connect to last byte): three full requests.
    fetch_deadline_s: float = 60.0
    max_fetch_bytes: int = 10_000_000
    user_agent: str | None = None
    # Follow a redirect to another host (public addresses only; private, loopback and
    # link-local ones only when the user named that host). Off: same host only.
    allow_cross_host_redirects: bool = False
    # Languages: ``model`` reads articles in ``default_language``; ``models`` names the
    # pipeline for each other language (TOML: ``[storyline.models]`` or ``[models]``, e.g.
    # ``fr = "fr_core_news_md"``). An article in a language with no pipeline here is kept
    # but not analysed (detect_language, pipeline.analyse_chunk).
    default_language: str = "en"
    models: dict[str, str] = dataclasses.field(
        default_factory=lambda: {"fr": "fr_core_news_md"})

    def pipeline_for(self, language: str | None) -> str | None:
        """The spaCy pipeline that reads ``language``, or None when none is configured."""
        if language == self.default_language:
            return self.model
        return self.models.get(language) if language else None

    def __post_init__(self) -> None:
        """Refuse a value no run could use, naming the setting (a bad value found only
        after ingest and analysis would waste the run)."""
        for name, low, high in _RANGES:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"setting {name} must be a number, not {value!r}")
            if name in _WHOLE_NUMBERS and not isinstance(value, int):
                raise ConfigError(f"setting {name} must be a whole number, not {value!r}")
            if not low <= value <= high:
                raise ConfigError(f"setting {name} must be between {low} and {high}, "
                                  f"not {value!r}")
        for name in ("progress", "allow_cross_host_redirects"):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(f"setting {name} must be true or false, "
                                  f"not {getattr(self, name)!r}")
        if not _is_name(self.model):
            raise ConfigError("setting model must name a spaCy pipeline, e.g. en_core_web_sm")
        if not _is_name(self.default_language):
            raise ConfigError("setting default_language must be a language code, e.g. en, "
                              f"not {self.default_language!r}")
        if self.user_agent is not None and not _is_name(self.user_agent):
            raise ConfigError("setting user_agent must be a non-empty string or left out, "
                              f"not {self.user_agent!r}")
        if not isinstance(self.models, dict) or not all(
                _is_name(k) and _is_name(v) for k, v in self.models.items()):
            raise ConfigError("setting models must map language codes to spaCy pipelines, "
                              f'e.g. {{"fr": "fr_core_news_md"}}, not {self.models!r}')

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; unknown names raise with the list of valid ones."""
        names = {f.name for f in dataclasses.fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise ConfigError(f"unknown setting(s) {unknown}; valid: {sorted(names)}")
        return dataclasses.replace(self, **changes)

    @property
    def effective_workers(self) -> int:
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)


# (setting, lowest, highest) for every numeric setting: what ``__post_init__`` checks.
_INF = float("inf")
_RANGES: tuple[tuple[str, float, float], ...] = (
    ("workers", 0, 1024), ("batch_size", 1, _INF), ("max_page_bytes", 1, _INF),
    ("max_decompressed_bytes", 1, _INF), ("page_timeout_s", 0.001, _INF),
    ("page_memory_mb", 1, _INF),
    ("minhash_perm", 16, 4096), ("shingle_words", 1, 50),
    ("near_duplicate_threshold", 0.0, 1.0), ("seed", 0, 2**32 - 1),
    ("story_threshold", 0.0, 1.0), ("story_gap_days", 0, 36_500),
    ("fetch_delay_s", 0.0, _INF), ("fetch_retries", 0, 100), ("fetch_timeout_s", 0.001, _INF),
    ("fetch_deadline_s", 0.001, _INF), ("max_fetch_bytes", 1, _INF),
)


# The numeric settings that count things (articles, bytes, workers): no fractions.
_WHOLE_NUMBERS = frozenset({
    "workers", "batch_size", "max_page_bytes", "max_decompressed_bytes", "minhash_perm",
    "shingle_words", "seed", "story_gap_days", "fetch_retries", "max_fetch_bytes"})


def _is_name(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then STORYLINE_MODEL, then the TOML file's ``[storyline]`` table, then
    non-None overrides."""
    base = Settings()
    if os.environ.get("STORYLINE_MODEL"):
        base = base.replace(model=os.environ["STORYLINE_MODEL"])
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"cannot read settings file {path}: {e}") from e
        table = dict(data.get("storyline", data))
        if "storyline" in data and isinstance(data.get("models"), dict):
            table["models"] = {**table.get("models", {}), **data["models"]}
        base = base.replace(**table)
    return base.replace(**{k: v for k, v in overrides.items() if v is not None})
