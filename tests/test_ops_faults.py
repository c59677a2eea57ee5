"""Operations under faults, on one published warehouse (the seeds) in one scenario run once per module:

1. ``dxw run`` subprocesses killed with SIGKILL once they reach ingest, extraction and dbt;
2. a run started while another runs (refused with exit 3);
3. that other run completes over a folder that adds hostile files (empty, binary, a 50 MB text,
   cp1258, NFD text and names, HTML pages, names with spaces and Vietnamese letters).

The tests then check: the published file stayed byte-identical and readable through 1 and 2; the
next run published, removing what the killed runs left; every hostile file has its dim_document
status; and the seeds' published rows are unchanged. (An analyst's open connection during a run is
covered by test_pipeline_idempotent.py; a lock held by a foreign process by test_cli.py.)
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from conftest import SEED_FILES, SEEDS_DIR, CliResult, invoke, sha256_of, table_rows
from test_pipeline_mixed_inputs import cp1258_bytes, paragraph

KILL_STAGES = ("ingest", "extract", "dbt build")
GENERATED_DOCUMENTS = 120
STAGE_TIMEOUT_SECONDS = 240
RUN_TIMEOUT_SECONDS = 600
DXW = [sys.executable, "-c", "import sys; from dagster_project.cli import main; sys.exit(main())"]

PROSE = (
    "Chuyển đổi số là quá trình thay đổi tổng thể và toàn diện của cá nhân, tổ chức về cách sống, "
    "cách làm việc và phương thức sản xuất dựa trên các công nghệ số. "
)


def fifty_megabyte_text() -> bytes:
    head = paragraph("Nghệ An", 47, 1111).encode("utf-8")
    body = PROSE.encode("utf-8")
    return head + body * ((50_000_000 - len(head)) // len(body) + 1)


# file (relative path as written on disk) -> (bytes, expected dim_document status)
HOSTILE_FILES: dict[str, tuple[bytes, str]] = {
    "rỗng.txt": (b"", "empty"),
    "ảnh chụp.png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64, "rejected"),
    "lớn 50MB.txt": (fifty_megabyte_text(), "ok"),
    "báo cáo cp1258.txt": (cp1258_bytes(paragraph("Quảng Trị", 58, 1206)), "ok"),
    unicodedata.normalize("NFD", "Đắk Nông tổ hợp.txt"): (
        unicodedata.normalize("NFD", paragraph("Đắk Nông", 69, 1307)).encode("utf-8"),
        "ok",
    ),
    "trang tin/Hà Nội – tháng 9.html": (
        (
            "<!doctype html><html><head><meta charset='utf-8'><title>Hà Nội chuyển đổi số</title></head>"
            f"<body><article><p>{paragraph('Hà Nội', 81, 1408)}</p></article></body></html>"
        ).encode(),
        "ok",
    ),
    "trang tin/chỉ có thẻ.html": (
        b"<html><head><title></title></head><body><div></div></body></html>",
        "empty",
    ),
}


def varied_seed(number: int) -> str:
    """A seed article with every figure changed: a distinct document that still states figures."""
    text = (SEEDS_DIR / SEED_FILES[number % len(SEED_FILES)]).read_text(encoding="utf-8")
    return re.sub(
        r"\d+", lambda m: str(int(m.group()) + number + 1) if len(m.group()) != 4 else m.group(), text
    )


@dataclass
class Killed:
    stage: str
    pid: int
    code: int
    published_sha: str
    documents_readable: int
    build_files: list[str]


@dataclass
class Scenario:
    published: Path
    sha_before: str
    seed_ids: list[str]
    seed_rows_before: dict[str, list[tuple[object, ...]]]
    killed: list[Killed] = field(default_factory=list)
    racing_run: CliResult | None = None
    sha_during_race: str = ""
    final_code: int = -1
    final_err: str = ""


class Progress:
    """Reads a run's stderr in a thread, so the test can wait for a stage without blocking on the pipe."""

    def __init__(self, process: subprocess.Popen[str]):
        self.lines: list[str] = []
        self.ended = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.ended = True
            self._changed.notify_all()

    def wait_for(self, prefix: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not any(line.startswith(prefix) for line in self.lines):
                left = deadline - time.monotonic()
                assert left > 0 and not self.ended, f"no {prefix!r} line: {''.join(self.lines)[-2000:]}"
                self._changed.wait(left)

    def wait_until_ended(self, timeout: float) -> str:
        with self._changed:
            self._changed.wait_for(lambda: self.ended, timeout)
        return "".join(self.lines)


def start_run(input_dir: Path, warehouse: Path) -> tuple[subprocess.Popen[str], Progress]:
    process = subprocess.Popen(
        [*DXW, "run", "--input", str(input_dir), "--warehouse", str(warehouse)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    return process, Progress(process)


def published_documents(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        row = con.execute("select count(*) from marts.dim_document").fetchone()
    return int(row[0]) if row else -1


def document_ids(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [r[0] for r in con.execute("select document_id from staging.raw_documents").fetchall()]


def seed_rows(warehouse: Path, ids: list[str]) -> dict[str, list[tuple[object, ...]]]:
    """The rows of these documents in the published tables analysts read, and in staging."""
    in_seeds = f"where document_id in ({', '.join(repr(i) for i in ids)})"
    # Of fct_observation, what a new document cannot legitimately change (quality_status may: a new
    # source can disagree with an old one).
    selects = {
        "marts.dim_document": "*",
        "staging.raw_observations": "*",
        "marts.fct_observation": "observation_id, value, unit, period_code, span_start, span_end, stated_text",
    }
    return {
        table: table_rows(warehouse, f"(select {columns} from {table} {in_seeds})")
        for table, columns in selects.items()
    }


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, built_warehouse) -> Iterator[Scenario]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("faults")
    published = root / "published" / "warehouse.duckdb"
    published.parent.mkdir()
    shutil.copy2(built_warehouse.path, published)
    kill_input = root / "input_kill"
    shutil.copytree(SEEDS_DIR, kill_input)
    for number in range(GENERATED_DOCUMENTS):
        (kill_input / "generated" / f"bài {number:03d}.txt").parent.mkdir(exist_ok=True)
        (kill_input / "generated" / f"bài {number:03d}.txt").write_text(varied_seed(number), encoding="utf-8")
    final_input = root / "input_final"
    shutil.copytree(kill_input, final_input)
    for name, (content, _) in HOSTILE_FILES.items():
        (final_input / name).parent.mkdir(parents=True, exist_ok=True)
        (final_input / name).write_bytes(content)

    seed_ids = document_ids(published)
    state = Scenario(published, sha256_of(published), seed_ids, seed_rows(published, seed_ids))
    sessions: list[int] = []
    try:
        for stage in KILL_STAGES:
            process, progress = start_run(kill_input, published)
            sessions.append(process.pid)
            progress.wait_for(f"{stage}:", STAGE_TIMEOUT_SECONDS)
            os.kill(process.pid, signal.SIGKILL)  # the pipeline process only: what a crash does
            code = process.wait(timeout=30)
            state.killed.append(
                Killed(
                    stage, process.pid, code, sha256_of(published), published_documents(published),
                    sorted(p.name for p in (published.parent / "build").iterdir()),
                )
            )  # fmt: skip

        final, progress = start_run(final_input, published)
        sessions.append(final.pid)
        progress.wait_for("ingest:", STAGE_TIMEOUT_SECONDS)
        state.racing_run = invoke("run", "--input", final_input, "--warehouse", published)
        state.sha_during_race = sha256_of(published)
        state.final_code = final.wait(timeout=RUN_TIMEOUT_SECONDS)
        state.final_err = progress.wait_until_ended(30)
        yield state
    finally:
        for session in sessions:  # whatever a killed run left running (its dbt)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(session, signal.SIGKILL)


def test_killed_runs_leave_the_published_warehouse_unchanged_and_readable(scenario: Scenario) -> None:
    assert [k.stage for k in scenario.killed] == list(KILL_STAGES)
    for killed in scenario.killed:
        assert killed.code == -signal.SIGKILL, killed
        assert killed.published_sha == scenario.sha_before, killed.stage
        assert killed.documents_readable == len(SEED_FILES), killed.stage
    # A killed run leaves its working copy behind (named after its process) ...
    extract_kill = scenario.killed[1]
    assert f"warehouse.{extract_kill.pid}.duckdb" in extract_kill.build_files


def test_a_run_started_during_another_refuses_and_changes_nothing(scenario: Scenario) -> None:
    racing = scenario.racing_run
    assert racing is not None
    assert racing.code == 3
    assert racing.err.strip().splitlines() == [racing.err.strip()]  # one line
    assert "another dxw run holds" in racing.err and "--wait" in racing.err
    assert scenario.sha_during_race == scenario.sha_before


def test_the_next_run_publishes_and_clears_what_killed_runs_left(scenario: Scenario) -> None:
    assert scenario.final_code == 0, scenario.final_err[-3000:]
    assert sha256_of(scenario.published) != scenario.sha_before
    # ... and the next run removes it: only the run log is left in build/.
    assert sorted(p.name for p in (scenario.published.parent / "build").iterdir()) == ["dxw-run.log"]
    expected = len(SEED_FILES) + GENERATED_DOCUMENTS + len(HOSTILE_FILES)
    assert published_documents(scenario.published) == expected


def test_each_hostile_file_gets_its_status_and_nothing_else_is_lost(scenario: Scenario) -> None:
    assert scenario.final_code == 0, scenario.final_err[-3000:]
    with duckdb.connect(str(scenario.published), read_only=True) as con:
        statuses = dict(con.execute("select file_name, status from marts.dim_document").fetchall())
        big = con.execute(
            "select d.char_count, count(o.observation_id) from marts.dim_document d"
            " left join marts.fct_observation o using (document_id)"
            " where d.file_name = 'lớn 50MB.txt' group by d.char_count"
        ).fetchall()
    for name, (_, status) in HOSTILE_FILES.items():
        file_name = unicodedata.normalize("NFC", Path(name).name)  # names are stored NFC
        assert statuses.get(file_name) == status, (file_name, statuses.get(file_name))
    ((char_count, observations),) = big
    written_chars = len(HOSTILE_FILES["lớn 50MB.txt"][0].decode("utf-8"))  # 50 MB is ~37 M characters
    assert char_count > 0.99 * written_chars and observations > 0
    assert len(scenario.seed_ids) == len(SEED_FILES)
    assert seed_rows(scenario.published, scenario.seed_ids) == scenario.seed_rows_before
