"""Generate a large synthetic corpus from the sample articles in ``seeds/``.

Each generated document takes one seed article and varies it: every number is
replaced by another of the same shape (digits, separators and scale kept), the
subject province by another province, years by other years, and the sentences
of each paragraph are shuffled. The corpus therefore reads like real reports
but repeats no text verbatim.

    python -m benchmarks.generate_corpus --out benchmarks/out/corpus --mb 50 [--files 1]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NUMBER_RE = re.compile(r"\d+")
YEAR_RE = re.compile(r"(?<!\d)20(1\d|2[0-5])(?!\d)")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ỹ])")


def province_names() -> list[str]:
    with open(ROOT / "dbt" / "seeds" / "provinces_63.csv", encoding="utf-8") as fh:
        return [r["name_vi"] for r in csv.DictReader(fh)]


def vary(text: str, rng: random.Random, provinces: list[str]) -> str:
    for name in ("Tuyên Quang", "Hà Tĩnh", "Quảng Bình", "Lào Cai", "Trà Vinh"):
        if name in text:
            text = text.replace(name, rng.choice(provinces))
    text = YEAR_RE.sub(lambda m: str(rng.randint(2019, 2025)), text)
    text = NUMBER_RE.sub(lambda m: _same_shape(m.group(), rng), text)
    paragraphs = []
    for para in text.split("\n"):
        sentences = SENTENCE_RE.split(para)
        rng.shuffle(sentences)
        paragraphs.append(" ".join(sentences))
    return "\n".join(paragraphs)


def _same_shape(digits: str, rng: random.Random) -> str:
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return digits  # keep years plausible
    first = str(rng.randint(1, 9)) if len(digits) > 1 and digits[0] != "0" else digits[0]
    return first + "".join(str(rng.randint(0, 9)) for _ in range(len(digits) - 1))


def generate(out: Path, megabytes: float, files: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    provinces = province_names()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1_000_000)
    per_file = target // files
    written = 0
    for i in range(files):
        path = out / f"generated_{i:06d}.txt"
        size = 0
        with open(path, "w", encoding="utf-8") as fh:
            while size < per_file:
                doc = vary(rng.choice(seeds), rng, provinces) + "\n\n"
                fh.write(doc)
                size += len(doc.encode("utf-8"))
        written += size
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "corpus")
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("--files", type=int, default=1)
    args = ap.parse_args()
    n = generate(args.out, args.mb, args.files)
    print(f"wrote {n / 1e6:.1f} MB in {args.files} file(s) under {args.out}")


if __name__ == "__main__":
    main()
