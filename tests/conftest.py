"""Shared fixtures of the pipeline and CLI tests: one warehouse built once per session, and the CLI.

Runs are in-process (``cli.main``) so Dagster, dbt-loading and Great
Expectations are imported once; each test that runs the pipeline again does
so on its own copy of the session's warehouse.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from dagster_project import cli

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def invoke(*args: str | Path) -> CliResult:
    """Run ``dxw <args>`` in this process, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return CliResult(code, out.getvalue(), err.getvalue())


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_rows(warehouse: Path, table: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(f"select * from {table} order by all").fetchall()


@dataclass(frozen=True)
class BuiltWarehouse:
    path: Path
    run: CliResult


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    """The seeds run once through ``dxw run``; tests must not modify this file (copy it)."""
    path = tmp_path_factory.mktemp("built") / "warehouse.duckdb"
    return BuiltWarehouse(path, invoke("run", "--input", SEEDS_DIR, "--warehouse", path))


@pytest.fixture
def warehouse_copy(built_warehouse: BuiltWarehouse, tmp_path: Path) -> Path:
    """A private copy of the session's published warehouse, in its own folder."""
    assert built_warehouse.run.code == 0, built_warehouse.run.err
    copy = tmp_path / "published" / "warehouse.duckdb"
    copy.parent.mkdir()
    shutil.copy2(built_warehouse.path, copy)
    return copy


# --- planted quality problems (tests/test_quality_*.py, tests/test_report_*.py) ----------------------

# Realistic report sentences, each planting one inconsistency the warning rules must flag.
PLANTED_DOCUMENTS = {
    # 30 completed + 25 in progress = 55 tasks of a stated 50.
    "plant_parts.txt": (
        "Sở Thông tin và Truyền thông tỉnh Quảng Bình báo cáo kết quả chuyển đổi số năm 2024\n"
        "Năm 2024, Ban Chỉ đạo Chuyển đổi số tỉnh Quảng Bình ban hành Kế hoạch chuyển đổi số với các nhiệm "
        "vụ trọng tâm. Tổng số 50 nhiệm vụ, trong đó hoàn thành 30 nhiệm vụ, đang triển khai 25 nhiệm vụ.\n"
        "Các sở, ban, ngành tiếp tục đẩy mạnh cung cấp dịch vụ công trực tuyến.\n"
    ),
    # 1.500/2.000 is 75%, stated as 92%; the title and the sentence carry a script that must not run.
    "plant_ratio.txt": (
        "UBND tỉnh Tuyên Quang đánh giá kết quả cải cách hành chính năm 2024 "
        "<script>document.title='pwned'</script>\n"
        "Về dịch vụ công trực tuyến, đến hết năm 2024, toàn tỉnh Tuyên Quang có 1.500/2.000 thủ tục hành "
        "chính <script>document.body.insertAdjacentHTML('beforeend','<p id=\"pwned\">pwned</p>')</script> "
        "cung cấp dịch vụ công trực tuyến, đạt 92%.\n"
        "Tỉnh tiếp tục rà soát, cắt giảm thủ tục hành chính theo chỉ đạo của Chính phủ.\n"
    ),
    # Two sources on Quảng Bình's 2024 digital-economy share of GRDP: 12% against 6,5%.
    "plant_source_a.txt": (
        "Tỉnh Quảng Bình: kinh tế số năm 2024\n"
        "Năm 2024, tỷ trọng kinh tế số trong GRDP của tỉnh Quảng Bình đạt 12%, tăng so với năm trước.\n"
    ),
    "plant_source_b.txt": (
        "Quảng Bình đẩy mạnh phát triển kinh tế số\n"
        "Theo báo cáo của Sở Thông tin và Truyền thông, năm 2024 tỷ trọng kinh tế số trong GRDP của tỉnh "
        "Quảng Bình đạt 6,5%.\n"
    ),
    # 4 of 5 figures fit no catalog indicator.
    "plant_unclassified.txt": (
        "Hoạt động hưởng ứng Ngày Chuyển đổi số tại tỉnh Nghệ An năm 2024\n"
        "Năm 2024, tỉnh Nghệ An tổ chức 12 hội nghị, 35 lớp bồi dưỡng cho 1.200 lượt học viên và 8 cuộc thi "
        "về chuyển đổi số.\n"
        "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 65%.\n"
    ),
    # 120% is a typo of the source (corrected through the overrides seed, by document and span).
    "plant_typo.txt": (
        "Kết quả cải cách hành chính tỉnh Hà Tĩnh năm 2024\n"
        "Năm 2024, tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến của tỉnh Hà Tĩnh đạt 120%.\n"
    ),
}

# Hand corrections the planted run applies (observation_overrides rows).
SEED_CORRECTION_REASON = "8,47% là mức tăng so với cùng kỳ, không phải mức"
TYPO_CORRECTION_REASON = "Báo cáo gốc ghi 100%; 120% là lỗi đánh máy"


DBT_PROJECT_METADATA_KEY = "dagster_dbt/project"  # where dagster-dbt records a dbt asset's project


@dataclass(frozen=True)
class PlantedWarehouse:
    path: Path
    run: CliResult  # the second run: seeds + planted documents + corrections
    report: Path  # written by the dq_report asset of that run
    document_ids: dict[str, str]  # planted file name -> document_id
    texts: dict[str, str]  # planted file name -> normalised text (spans point into it)
    seed_corrected_id: str  # the seed observation corrected by id (measure level -> change)
    typo_span: tuple[int, int]  # span of "120" in plant_typo.txt, corrected by document + span


def _copy_dbt_project_with_overrides(destination: Path, overrides: list[dict[str, object]]) -> Path:
    """A copy of the dbt project whose observation_overrides seed has these rows (column -> value)."""
    shutil.copytree(
        REPO_ROOT / "dbt", destination, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages")
    )
    seed = destination / "seeds" / "observation_overrides.csv"
    header = seed.read_text(encoding="utf-8").splitlines()[0].split(",")
    with seed.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerows(overrides)
    return destination


def _definitions_on_dbt_project(defs: Any, project_dir: Path) -> Any:
    """``defs`` with its dbt assets building ``project_dir`` (a copy of the dbt project) instead.

    dagster-dbt runs dbt in the project recorded in the dbt assets' metadata
    (not the dbt resource's), so that record is replaced.
    """
    from dagster import AssetSpec
    from dagster_dbt import DbtProject

    project = DbtProject(project_dir=project_dir, profiles_dir=project_dir)

    def on_copy(spec: AssetSpec) -> AssetSpec:
        if DBT_PROJECT_METADATA_KEY not in spec.metadata:
            return spec
        return spec.replace_attributes(metadata={**spec.metadata, DBT_PROJECT_METADATA_KEY: project})

    return defs.map_asset_specs(func=on_copy)


@pytest.fixture(scope="session")
def planted_warehouse(
    built_warehouse: BuiltWarehouse, tmp_path_factory: pytest.TempPathFactory
) -> PlantedWarehouse:
    """The session's seeds warehouse, run again with the planted documents and two corrections added.

    The dbt project is a copy whose overrides seed has the corrections (the
    repository's seed stays untouched); the run is ``dxw run`` with the
    definitions' dbt resource pointed at that copy.
    """
    from dagster_project import definitions
    from dagster_project.ingest import ingest_file

    assert built_warehouse.run.code == 0, built_warehouse.run.err
    root = tmp_path_factory.mktemp("planted")
    input_dir = root / "input"
    input_dir.mkdir()
    for seed in SEEDS_DIR.glob("*.txt"):
        shutil.copy2(seed, input_dir / seed.name)
    for name, text in PLANTED_DOCUMENTS.items():
        (input_dir / name).write_text(text, encoding="utf-8")
    ingested = {name: ingest_file(input_dir / name, input_dir) for name in PLANTED_DOCUMENTS}
    document_ids = {name: doc.document_id for name, doc in ingested.items()}
    texts = {name: doc.text for name, doc in ingested.items()}

    warehouse = root / "published" / "warehouse.duckdb"
    warehouse.parent.mkdir()
    shutil.copy2(built_warehouse.path, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        found = con.execute(
            """
            select o.observation_id from marts.fct_observation o
            join marts.dim_document d on d.document_id = o.document_id
            where d.file_name like '001\\_%' escape '\\' and o.stated_text = '8,47%' and o.measure = 'level'
            """
        ).fetchall()
    assert len(found) == 1, "the seed observation to correct (001's '8,47%', read as a level) is missing"
    seed_corrected_id = found[0][0]
    typo_start = texts["plant_typo.txt"].index("120%")
    typo_span = (typo_start, typo_start + len("120"))
    project = _copy_dbt_project_with_overrides(
        root / "dbt",
        [
            {
                "observation_id": seed_corrected_id,
                "measure": "change",
                "reason": SEED_CORRECTION_REASON,
                "corrected_by": "analyst.test",
            },
            {
                "document_id": document_ids["plant_typo.txt"],
                "span_start": typo_span[0],
                "span_end": typo_span[1],
                "value": 100,
                "reason": TYPO_CORRECTION_REASON,
                "corrected_by": "analyst.test",
            },
        ],
    )
    corrected_defs = _definitions_on_dbt_project(definitions.defs, project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(definitions, "defs", corrected_defs)
        run = invoke("run", "--input", input_dir, "--warehouse", warehouse)
    reports = sorted((warehouse.parent / "reports").glob("quality-*.html"))
    assert run.code == 0, run.err
    assert len(reports) == 1, reports
    return PlantedWarehouse(warehouse, run, reports[0], document_ids, texts, seed_corrected_id, typo_span)
