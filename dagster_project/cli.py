"""The ``dxw`` command: ``run`` the pipeline, ``query`` the published warehouse, write its ``report``.

Exit codes: 0 done; 1 not published (a blocking check or a step failed) or a
query/report error; 2 usage error; 3 another run holds the warehouse's lock.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dagster_project.settings import Settings, load_settings

EXIT_OK = 0
EXIT_NOT_PUBLISHED = 1
EXIT_USAGE = 2
EXIT_BUSY = 3
EXIT_FAILED = EXIT_NOT_PUBLISHED  # query and report errors

PUBLISH_ASSET = "published_warehouse"


def _error(message: str) -> None:
    print(f"dxw: {message}", file=sys.stderr)


# --- dxw run --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunOutcome:
    published: bool
    checks_passed: int
    checks_failed: int
    reason: str  # why not published; "" when published


class _CurrentStderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (it may be redirected between runs)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.setStream(sys.stderr)
        super().emit(record)


def _show_progress_on_stderr() -> None:
    logger = logging.getLogger("dxw.progress")
    if not any(isinstance(h, _CurrentStderrHandler) for h in logger.handlers):
        handler = _CurrentStderrHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _why_not_published(result: Any) -> str:
    """Name the failed blocking checks, else the failed steps."""
    from dagster import AssetCheckSeverity

    failed_checks = [
        f"{e.check_name} on {e.asset_key.to_user_string()}" + (f" ({e.description})" if e.description else "")
        for e in result.get_asset_check_evaluations()
        if not e.passed and e.severity == AssetCheckSeverity.ERROR
    ]
    if failed_checks:
        return "blocking check failed: " + "; ".join(failed_checks)
    failed_steps = []
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        # The innermost cause says what went wrong; the outer errors only say where.
        while error is not None and error.cause is not None:
            error = error.cause
        first_line = (error.message.strip().splitlines() or [""])[0] if error else ""
        failed_steps.append(f"{event.step_key}: {first_line}")
    if failed_steps:
        return "step failed: " + "; ".join(failed_steps)
    return "the run ended before publishing"


def execute_pipeline(settings: Settings, log_path: Path) -> RunOutcome:
    """Run the dxw_pipeline job in this process; dbt's and Dagster's output go to ``log_path``."""
    from dagster import AssetKey

    from dagster_project.definitions import PIPELINE_JOB, defs
    from dagster_project.jobs import pipeline_run_config

    run_config = pipeline_run_config(settings) | {
        "loggers": {"console": {"config": {"log_level": "CRITICAL"}}}
    }
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
        result = defs.get_job_def(PIPELINE_JOB).execute_in_process(
            run_config=run_config, raise_on_error=False
        )
    evaluations = result.get_asset_check_evaluations()
    published = any(
        event.asset_key == AssetKey(PUBLISH_ASSET) for event in result.get_asset_materialization_events()
    )
    return RunOutcome(
        published=published,
        checks_passed=sum(1 for e in evaluations if e.passed),
        checks_failed=sum(1 for e in evaluations if not e.passed),
        reason="" if published else _why_not_published(result),
    )


def run_command(args: argparse.Namespace) -> int:
    # Imported here: ``dxw query`` runs without the pipeline's modules (a quarter of its start-up).
    from dagster_project.warehouse import WarehouseBusyError, run_lock

    settings = load_settings(args.input, args.warehouse)
    if not settings.input_dir.is_dir():
        _error(f"--input {settings.input_dir} is not a directory")
        return EXIT_USAGE
    _show_progress_on_stderr()
    log_path = settings.build_dir / "dxw-run.log"
    started = time.monotonic()
    try:
        with run_lock(settings.lock_path, args.wait):
            outcome = execute_pipeline(settings, log_path)
    except WarehouseBusyError as exc:
        _error(f"{exc}; not started (try again when it has finished, or pass --wait SECONDS)")
        return EXIT_BUSY
    if not outcome.published:
        _error(f"not published: {outcome.reason} (log: {log_path})")
        return EXIT_NOT_PUBLISHED

    from dagster_project.quality.totals import read_totals

    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        totals = read_totals(con)
    print(f"published {settings.warehouse}")
    print(f"documents: {totals.status_line()}")
    print(f"observations: {totals.observations}")
    print(f"checks: {outcome.checks_passed} passed, {outcome.checks_failed} failed")
    print(f"time: {time.monotonic() - started:.1f} s")
    return EXIT_OK


# --- dxw query ------------------------------------------------------------------------------------


# Rows fetched and printed at a time: a query may return millions of rows (05 on a
# 100 000-document warehouse: about two million), which must not all be held as text at once.
QUERY_CHUNK_ROWS = 10_000


def _cells(rows: Sequence[Sequence[Any]]) -> list[list[str]]:
    return [["NULL" if v is None else str(v) for v in row] for row in rows]


def _line(values: Sequence[str], widths: Sequence[int]) -> str:
    return " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True))


def format_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain aligned text table, with the row count at the end."""
    return "\n".join(table_lines(columns, iter([rows])))


def table_lines(columns: Sequence[str], chunks: Iterator[Sequence[Sequence[Any]]]) -> Iterator[str]:
    """The lines of ``format_table`` over rows arriving in chunks, aligned to the first chunk.

    A later value wider than its column extends its own line only, so a result of any size is
    printed as it is read (a single chunk, the usual case, is aligned exactly).
    """
    first = _cells(next(chunks, []))
    widths = [max([len(c), *(len(row[i]) for row in first)]) for i, c in enumerate(columns)]
    yield _line(columns, widths)
    yield "-+-".join("-" * w for w in widths)
    count = 0
    for cells in (first, *(_cells(chunk) for chunk in chunks)):
        count += len(cells)
        yield from (_line(row, widths) for row in cells)
    yield f"({count} row{'s' if count != 1 else ''})"


def _published_or_error(settings: Settings) -> bool:
    if settings.warehouse.is_file():
        return True
    _error(f"no warehouse at {settings.warehouse} (build it with `dxw run`)")
    return False


def query_command(args: argparse.Namespace) -> int:
    settings = load_settings(warehouse=args.warehouse)
    if not _published_or_error(settings):
        return EXIT_FAILED
    try:
        with duckdb.connect(str(settings.warehouse), read_only=True) as con:
            # DuckDB would draw its progress bar into the printed table.
            con.execute("set enable_progress_bar = false")
            cursor = con.execute(args.sql)
            columns = [c[0] for c in cursor.description or []]
            if columns:
                chunks = iter(lambda: cursor.fetchmany(QUERY_CHUNK_ROWS), [])
                for line in table_lines(columns, chunks):
                    print(line)
    except duckdb.Error as exc:
        _error(f"query failed: {str(exc).splitlines()[0]}")
        return EXIT_FAILED
    return EXIT_OK


# --- dxw report -----------------------------------------------------------------------------------


def report_command(args: argparse.Namespace) -> int:
    settings = load_settings(warehouse=args.warehouse)
    if not _published_or_error(settings):
        return EXIT_FAILED
    from dagster_project.quality.report import write_report

    try:
        path = write_report(settings.warehouse, settings.reports_dir)
    except duckdb.Error as exc:
        _error(f"report failed: {str(exc).splitlines()[0]}")
        return EXIT_FAILED
    print(path)
    return EXIT_OK


# --- entry point ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dxw", description="Vietnam digital-transformation figures warehouse."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    warehouse_help = "the published DuckDB file (default: data/warehouse.duckdb, or $DXW_WAREHOUSE)"

    run = commands.add_parser("run", help="ingest, extract, build, check and publish the warehouse")
    run.add_argument("--input", help="folder of input documents (default: seeds/, or $DXW_INPUT)")
    run.add_argument("--warehouse", help=warehouse_help)
    run.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="when another run holds the warehouse, wait up to SECONDS for it (default: refuse at once)",
    )
    run.set_defaults(handler=run_command)

    query = commands.add_parser("query", help="run SQL read-only against the published warehouse")
    query.add_argument("sql")
    query.add_argument("--warehouse", help=warehouse_help)
    query.set_defaults(handler=query_command)

    report = commands.add_parser("report", help="write the HTML data-quality report; prints its path")
    report.add_argument("--warehouse", help=warehouse_help)
    report.set_defaults(handler=report_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Dagster's beta/preview notices are for developers of the definitions, not for users of dxw.
    warnings.filterwarnings("ignore", module=r"dagster(_dbt)?\b.*")
    handler = args.handler
    code: int = handler(args)
    return code
