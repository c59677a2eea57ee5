"""Build ``resources/districts_63.csv``: the district-level units of the 63 provinces.

The extractor places a provincial text by the province it names; a text that names only
its districts ("xã Sơn Kỳ (Sơn Hà)", "huyện Định Hoá") is placed by them. Only names that
belong to one province in the whole country are kept (there are eight "Châu Thành"), and
none that is also a province's name.

Source: the ``admin_units_legacy`` table of the MIT-licensed PyPI package
``vietnamadminunits`` 1.0.4 (github.com/tranngocminhhieu/vietnamadminunits), the units of
the 63-province period with their GSO province codes. To rebuild:

    pip download vietnamadminunits==1.0.4 --no-deps -d /tmp/vau
    python -m dagster_project.extraction.tools.build_districts /tmp/vau/*.whl
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from dagster_project.extraction.geography import words_key
from dagster_project.extraction.lexicon import RESOURCES, load_csv, seed_path

OUT = RESOURCES / "districts_63.csv"
_DB = "vietnamadminunits/data/dataset.db"


def district_rows(wheel: Path) -> list[tuple[str, str, str]]:
    """(short name, unit type, GSO province code) of every district-level unit."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as zf:
            zf.extract(_DB, tmp)
        con = sqlite3.connect(Path(tmp) / _DB)
        try:
            query = "select distinct districtShort, districtType, provinceCode from admin_units_legacy"
            return sorted(con.execute(query).fetchall())
        finally:
            con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wheel", type=Path, help="vietnamadminunits-1.0.4-py3-none-any.whl")
    args = ap.parse_args()
    rows = district_rows(args.wheel)
    provinces = load_csv(seed_path("provinces_63.csv"))
    province_forms = {
        words_key(form)
        for r in provinces
        for form in [r["name_vi"], *r["aliases"].split(";")]
        if form.strip()
    }
    seen = Counter(words_key(name) for name, _, _ in rows)
    kept = [
        (name, kind, code)
        for name, kind, code in rows
        if seen[words_key(name)] == 1 and words_key(name) not in province_forms and len(words_key(name)) >= 2
    ]
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name_vi", "unit_type", "province_gso_code"])
        w.writerows(kept)
    print(f"{len(kept)} of {len(rows)} district-level units written to {OUT}")


if __name__ == "__main__":
    main()
