"""Write a corpus of many small documents, one generated article per file, for the run benchmarks.

Wraps ``generate_corpus.vary`` (numbers, provinces, years and sentence order
varied, no text repeated verbatim) and cuts each article to about
``--kb`` kilobytes at a paragraph boundary, so 100 000 files make ~500 MB.
Files go into folders of 1 000 (``batch_0000/doc_000000.txt``...).

    python -m benchmarks.generate_documents --out benchmarks/out/docs_100k --count 100000 [--kb 5]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from benchmarks.generate_corpus import ROOT, province_names, vary

FILES_PER_FOLDER = 1000


def document_text(article: str, target_bytes: int) -> str:
    """Whole paragraphs of ``article`` until about ``target_bytes`` (at least one paragraph)."""
    kept: list[str] = []
    size = 0
    for paragraph in article.split("\n"):
        if kept and size >= target_bytes:
            break
        kept.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(kept).strip() + "\n"


def generate_documents(out: Path, count: int, kb: float = 5.0, seed: int = 11, start: int = 0) -> int:
    """Write documents ``start`` .. ``start + count - 1`` under ``out``; returns the bytes written."""
    rng = random.Random(seed + start)
    provinces = province_names()
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    written = 0
    for number in range(start, start + count):
        folder = out / f"batch_{number // FILES_PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        # Sizes vary around the target, as real articles do.
        target = int(kb * 1000 * rng.uniform(0.6, 1.4))
        data = document_text(vary(rng.choice(articles), rng, provinces), target).encode("utf-8")
        (folder / f"doc_{number:06d}.txt").write_bytes(data)
        written += len(data)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--kb", type=float, default=5.0, help="typical document size in kilobytes")
    ap.add_argument("--start", type=int, default=0, help="number of the first document (to add more later)")
    args = ap.parse_args()
    written = generate_documents(args.out, args.count, args.kb, start=args.start)
    print(f"wrote {args.count} documents, {written / 1e6:.1f} MB, under {args.out}")


if __name__ == "__main__":
    main()
