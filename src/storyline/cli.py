"""The ``storyline`` command: parse, call the library, print. Errors become one line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from . import __version__
from .errors import StorylineError
from .records import Failure
from .settings import Settings, load_settings
from .store import Store

# Failures listed one per line after a run; beyond this the summary counts suffice.
MAX_FAILURE_LINES = 50
# Exit status of a run that stored its articles but could not build a corpus step
# (1 stays "the command failed": bad arguments, no store).
CORPUS_FAILED_EXIT = 2
DB_OPTION = click.option("--db", default="story.db", show_default=True,
                         type=click.Path(dir_okay=False), help="The SQLite store.")
CROSS_HOST_OPTION = click.option(
    "--allow-cross-host-redirects", is_flag=True,
    help="Follow redirects to other hosts (public addresses only, or hosts named here).")


def _cross_host(flag: bool) -> dict[str, bool]:
    # The flag only turns the setting on; a settings file's value stands otherwise.
    return {"allow_cross_host_redirects": True} if flag else {}


def _fail_cleanly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn storyline's own errors into one clear line and exit status 1."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StorylineError as e:
            raise click.ClickException(str(e)) from e
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
@click.option("--config", type=click.Path(exists=True, dir_okay=False),
              help="A TOML settings file ([storyline] table).")
@click.option("--model", help="spaCy pipeline to load (default en_core_web_sm).")
@click.pass_context
def main(ctx: click.Context, config: str | None, model: str | None) -> None:
    """storyline: turn raw news pages into a sourced timeline of a story."""
    try:
        ctx.obj = load_settings(config, model=model)
    except StorylineError as e:
        raise click.ClickException(str(e)) from e


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", type=int, default=None,
              help="Worker processes (default: one per core; 1 runs everything in-process).")
@click.option("--no-progress", is_flag=True, help="Hide the progress bar.")
@CROSS_HOST_OPTION
@click.pass_obj
@_fail_cleanly
def run_cmd(settings: Settings, paths: tuple[str, ...], db: str, workers: int | None,
            no_progress: bool, allow_cross_host_redirects: bool) -> None:
    """Read PATHS (files, folders, globs, .gz, URLs) into the store and process them."""
    from .runners.local import run

    settings = settings.replace(progress=not no_progress,
                                **({"workers": workers} if workers is not None else {}),
                                **_cross_host(allow_cross_host_redirects))
    with Store.open(db) as store:
        summary = run(list(paths), store, settings)
        failed = store.failures(last_run=True)
        broken = store.corpus_failures()
    click.echo(f"pages read: {summary.pages}  articles: {summary.articles} "
               f"(new {summary.new_articles}, unchanged {summary.unchanged})  "
               f"duplicates: {summary.duplicates}  failures: {summary.failures}")
    for reason, n in summary.failure_reasons:
        click.echo(f"  failed {n:>5}  {reason}")
    for f in failed[:MAX_FAILURE_LINES]:
        click.echo(f"  failure  {f.reason}  {f.source}  {f.detail[:100]}")
    if len(failed) > MAX_FAILURE_LINES:
        click.echo(f"  ... and {len(failed) - MAX_FAILURE_LINES} more: storyline stats --db {db}")
    click.echo(f"store: {db}")
    _exit_if_corpus_failed(broken)


def _exit_if_corpus_failed(broken: Sequence[Failure]) -> None:
    """The run is kept; the exit status says the corpus tables are not up to date."""
    for f in broken:
        click.echo(f"Error: corpus step '{f.source}' failed: {f.reason}: {f.detail[:300]}; "
                   "articles are stored, re-run to retry", err=True)
    if broken:
        raise click.exceptions.Exit(CORPUS_FAILED_EXIT)


@main.command("export")
@DB_OPTION
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "csv", "md"]), help="Output format.")
@click.option("-o", "--output", default="-", help="Output file ('-' for stdout).")
@click.pass_obj
@_fail_cleanly
def export_cmd(settings: Settings, db: str, fmt: str, output: str) -> None:
    """Write the store's contents (JSON follows the evaluation contract)."""
    from .outputs.export import FORMATS

    if fmt not in FORMATS:
        raise click.ClickException(f"format {fmt!r} is not available in this version")
    _up_to_date(db)
    with Store.open(db, readonly=True) as store, _output(output) as out:
        FORMATS[fmt](store, out)


@main.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.pass_obj
@_fail_cleanly
def serve_cmd(settings: Settings, db: str, host: str, port: int) -> None:
    """Serve the web app on the store, read-only (stories, timelines, search, JSON API)."""
    from .web.app import serve

    _up_to_date(db)
    serve(db, host, port)


@main.command("report")
@DB_OPTION
@click.option("--story", help="One story's id (default: every story).")
@click.option("--format", "fmt", default="html", show_default=True,
              type=click.Choice(["html", "md"]), help="Self-contained HTML or Markdown.")
@click.option("-o", "--output", default="report.html", show_default=True,
              help="Output file ('-' for stdout).")
@click.pass_obj
@_fail_cleanly
def report_cmd(settings: Settings, db: str, story: str | None, fmt: str, output: str) -> None:
    """Write the timeline, quotes and sources as one file that opens without a network."""
    from .outputs.report import write_report

    _up_to_date(db)
    with Store.open(db, readonly=True) as store, _output(output) as out:
        write_report(store, out, story, fmt)
    if output != "-":
        click.echo(f"report: {output}")


@main.command("stats")
@DB_OPTION
@click.pass_obj
@_fail_cleanly
def stats_cmd(settings: Settings, db: str) -> None:
    """What is in the store: counts, per outlet, per day, failures by reason."""
    _up_to_date(db)
    with Store.open(db, readonly=True) as store:
        s = store.stats()
        failures = store.failures()
        broken = store.corpus_failures()
        runs = store.run_states()
    for key in ("articles", "duplicates", "quotes", "entities", "stories", "events",
                "contradictions", "failures"):
        click.echo(f"{key:15s} {s[key]}")
    click.echo(f"{'runs':15s} {len(runs)}")
    for title, rows in (("per outlet", s["per_outlet"]), ("per day", s["per_day"]),
                        ("failures by reason", s["failure_reasons"])):
        if rows:
            click.echo(f"\n{title}:")
            for name, n in rows:
                click.echo(f"  {n:>6}  {name}")
    for f in failures[:50]:
        click.echo(f"  {f.reason:18s} {f.source}  {f.detail[:100]}")
    if s["per_language"]:
        click.echo("\nper language (articles, analysed, not analysed):")
    for lang, n, analysed, skipped in s["per_language"]:
        click.echo(f"  {n:>6}  {lang:20s} {analysed or 0:>6} {skipped or 0:>6}")
    for reason, n in s["not_analysed"]:
        click.echo(f"  {n:>6}  not analysed: {reason}")
    if broken:
        click.echo("\ncorpus steps that failed (re-run to retry):")
    for f in broken:
        click.echo(f"  {f.source:18s} {f.reason}: {f.detail[:200]}")
    _echo_unfinished_runs(runs)


@main.command("migrate")
@DB_OPTION
@click.pass_obj
@_fail_cleanly
def migrate_cmd(settings: Settings, db: str) -> None:
    """Bring a store an earlier version wrote up to date (its schema; the data stays)."""
    if not Path(db).is_file():
        raise click.ClickException(f"no store at {db}; create one with `storyline run`")
    ran = Store.upgrade(db)
    click.echo(f"store {db} brought up to date: {', '.join(ran)}" if ran
               else f"store {db} is up to date")


def _up_to_date(db: str) -> None:
    """Readers open the store read-only, which never migrates: apply what an earlier
    version's store lacks first, saying so (a StoreError where it cannot be written)."""
    ran = Store.upgrade(db)
    if ran:
        click.echo(f"store {db} brought up to date: {', '.join(ran)}", err=True)


def _echo_unfinished_runs(runs: list[dict[str, Any]]) -> None:
    """Runs without a finish: in progress (its process holds the run's lock) or interrupted."""
    unfinished = [r for r in runs if r["state"] != "finished"]
    if unfinished:
        click.echo("\nruns not finished (an interrupted run resumes when its command is run "
                   "again):")
    for r in unfinished:
        click.echo(f"  run {r['id']:<5} {r['state']:12s} started {r['started_at']}  "
                   f"{(r['command'] or '')[:100]}")


@main.command("watch")
@click.argument("sources", nargs=-1, required=True)
@DB_OPTION
@click.option("--every", default="15m", show_default=True, help="Polling interval (30s, 15m, 2h).")
@click.option("--rounds", type=int, default=0, help="Stop after this many rounds (0: never).")
@CROSS_HOST_OPTION
@click.pass_obj
@_fail_cleanly
def watch_cmd(settings: Settings, sources: tuple[str, ...], db: str, every: str,
              rounds: int, allow_cross_host_redirects: bool) -> None:
    """Poll SOURCES (pages, feeds, sitemaps, paths) and report what changed in the story."""
    from .runners.watch import parse_interval, watch

    watch(list(sources), db,
          settings.replace(progress=False, **_cross_host(allow_cross_host_redirects)),
          parse_interval(every), rounds, echo=click.echo)


@main.command("spark")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Output folder or URI for the Parquet tables.")
@click.option("--master", default=None, help="Spark master (default: spark-submit's, or local).")
@click.pass_obj
@_fail_cleanly
def spark_cmd(settings: Settings, inputs: tuple[str, ...], out: str, master: str | None) -> None:
    """Process INPUTS (paths or s3a://, hdfs:// URIs) with Apache Spark into Parquet."""
    from .runners.spark import run_spark, spark_session

    counts = run_spark(list(inputs), out, settings, spark_session(master))
    click.echo("  ".join(f"{k}: {v}" for k, v in counts.items()) + f"\noutput: {out}")


@main.command("load")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@DB_OPTION
@click.pass_obj
@_fail_cleanly
def load_cmd(settings: Settings, folder: str, db: str) -> None:
    """Bring a `storyline spark` output FOLDER into the store and build the corpus."""
    from .runners.spark_load import load

    with Store.open(db) as store:
        summary = load(folder, store, settings.replace(progress=False))
        broken = store.corpus_failures()
    click.echo(f"articles: {summary.articles} (new {summary.new_articles})  "
               f"duplicates: {summary.duplicates}  failures: {summary.failures}\nstore: {db}")
    _exit_if_corpus_failed(broken)


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f
