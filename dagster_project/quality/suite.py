"""What an expectation suite is here, and what validating one against a warehouse gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# What names an observation in a suite's examples; each suite adds the columns its rules read.
OBSERVATION_EXAMPLE_COLUMNS = (
    "observation_id",
    "document_id",
    "indicator_code",
    "geo_code",
    "period_code",
    "value",
)


@dataclass(frozen=True)
class SuiteSpec:
    """One expectation suite over one published table.

    The suite validates ``frame_sql``: the table's rows plus derived ``check_*``
    columns for rules that need other tables (foreign keys, the text at a span),
    so every rule is a plain column expectation Great Expectations can run on pandas.

    With ``count_sql`` set, ``frame_sql`` returns only the rows that break some
    expectation (filtered in DuckDB, so pandas receives a small frame) and
    ``count_sql`` counts every row checked: the counts reported (rows checked,
    failing) are those of the whole table, as if every row had been validated.
    That holds for row-wise expectations (not null, in set, between, unique when
    every duplicate is kept) and schema expectations, which is all the suites use.

    ``frame_sql`` and ``count_sql`` say ``{scope}`` where a condition on the
    column ``document_id`` restricts them to the documents audited (see
    ``quality.scope``): ``true`` for the whole table.

    With ``unexpected_counts_sql`` set, ``frame_sql`` may return only some of
    the failing rows (at least one per failing expectation, so pass/fail stays
    GX's), and ``unexpected_counts_sql`` gives each expectation's true count as
    rows (column, count): a rule most rows break then never becomes a pandas
    frame of most rows.
    """

    name: str  # the Great Expectations suite name, also the Dagster asset check name
    model: str  # the dbt model guarded, e.g. "fct_observation"
    frame_sql: str
    build_expectations: Callable[[], list[Any]]  # Great Expectations expectation objects
    blocking: bool  # a failure stops publishing
    example_columns: tuple[str, ...]  # shown for failing rows
    reads_models: tuple[str, ...] = ()  # other dbt models the frame reads
    count_sql: str = ""  # the rows checked, when frame_sql returns only the failing ones
    unexpected_counts_sql: str = ""  # (column, failing rows), when frame_sql returns a sample of them
    description: str = ""


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str  # e.g. "expect_column_values_to_be_in_set(unit)"
    success: bool
    element_count: int | None
    unexpected_count: int | None
    examples: list[dict[str, Any]] = field(default_factory=list)  # failing rows, a few
    detail: str = ""  # e.g. the missing columns of a schema expectation
    description: str = ""  # what the expectation asks, in words (warning rules have one)


@dataclass(frozen=True)
class SuiteOutcome:
    suite: str
    model: str
    blocking: bool
    rows: int
    expectations: Sequence[ExpectationOutcome]
    error: str | None = None  # the frame could not be read (missing table or column)
    scope: str = "every document"  # what was audited (quality.scope.AuditScope.describe)

    @property
    def passed(self) -> bool:
        return self.error is None and all(e.success for e in self.expectations)

    @property
    def failed(self) -> list[ExpectationOutcome]:
        return [e for e in self.expectations if not e.success]

    def failure_summary(self) -> str:
        """What failed, in one line, e.g. ``check_span_inside_document: 5 rows; ...``."""
        if self.error is not None:
            return f"cannot read the table: {self.error.splitlines()[0]}"
        return "; ".join(
            e.expectation
            + (f": {e.unexpected_count} rows" if e.unexpected_count else "")
            + (f" ({e.detail})" if e.detail else "")
            for e in self.failed
        )
