"""The report reads a large warehouse through SQL aggregates and lists a capped number of rows."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dagster_project.quality.findings import flagged_observations, flagged_share_per_document

TEXT = "Năm 2024 đạt 42%, hoàn thành 30 nhiệm vụ."


def small_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute("create schema staging")
    con.execute("create schema marts")
    con.execute("create table staging.raw_documents (document_id varchar, status varchar, text varchar)")
    con.execute("insert into staging.raw_documents values ('old', 'ok', ?), ('new', 'ok', ?)", [TEXT, TEXT])
    con.execute(
        "create table marts.dim_document as select * from (values"
        " ('old', 'old.txt', 'Old', timestamp '2024-01-01'),"
        " ('new', 'new.txt', 'New', timestamp '2025-01-01')) t(document_id, file_name, title, ingested_at)"
    )
    start = TEXT.index("42")
    con.execute(
        "create table marts.fct_observation_detail as select * from (values"
        " ('o1', 'old', 'parts_sum_to_whole'), ('o2', 'new', 'sources_agree'),"
        " ('o3', 'new', 'parts_sum_to_whole'), ('o4', 'old', 'ok')) t(observation_id, document_id, quality_status)"
        " cross join (select 'x' as indicator_code, 'VN' as geo_code, '2024' as period_code, 42.0 as value,"
        f" 'percent' as unit, null::double as denominator, '42%' as stated_text, '{TEXT}' as evidence,"
        f" {start} as span_start, {start + 2} as span_end, false as is_corrected)"
    )
    con.execute("create table marts.fct_observation as select * from marts.fct_observation_detail")
    con.execute(
        "create table staging.int_observation_rule_breaks as select observation_id, quality_status as rule_name,"
        " 'why' as detail, 1 as rule_order from marts.fct_observation_detail where quality_status <> 'ok'"
    )
    return con


def test_flagged_observations_are_capped_to_the_most_recent_and_all_counted(tmp_path: Path) -> None:
    with small_warehouse(tmp_path / "w.duckdb") as con:
        flagged = flagged_observations(con, limit=2)
    assert [item.row["observation_id"] for item in flagged.shown] == ["o2", "o3"]  # the newest document's
    assert flagged.by_status == {"parts_sum_to_whole": 2, "sources_agree": 1}
    assert (flagged.total, flagged.not_shown) == (3, 1)
    assert flagged.shown[0].sentence.number == "42"
    assert flagged.shown[0].reasons == [{"rule": "sources_agree", "detail": "why"}]


def test_flagged_share_draws_the_highest_shares_and_counts_the_rest(tmp_path: Path) -> None:
    with small_warehouse(tmp_path / "w.duckdb") as con:
        shares = flagged_share_per_document(con, limit=1)
    assert [(bar.label, bar.part, bar.whole) for bar in shares.bars] == [("new.txt", 2, 2)]
    assert shares.hidden_documents == 1
