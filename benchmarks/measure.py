"""Running ``dxw`` as a subprocess and measuring it: wall time, peak memory of its process tree.

The peak is the largest sum of resident memory over ``dxw`` and all its
descendants (the extraction pool, dbt) sampled every 0.2 s from ``/proc``;
``ru_maxrss`` of the children (the largest single process) is reported beside it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
DXW = [sys.executable, "-c", "import sys; from dagster_project.cli import main; sys.exit(main())"]
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measured:
    code: int
    seconds: float
    peak_tree_mb: float
    max_single_process_mb: float
    cpu_seconds: float  # user + system time of dxw and all its descendants
    stdout: str
    stderr: str


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
    except OSError:
        pass
    return found


def _tree_rss_bytes(pid: int) -> int:
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * _PAGE
        except OSError:
            continue
        stack.extend(_children(current))
    return total


def _read_all(stream: IO[str], keep: bool) -> str:
    """The stream to its end: kept, or read and dropped a megabyte at a time."""
    if keep:
        return stream.read()
    while stream.read(1 << 20):
        pass
    return ""


def run_dxw(*args: str | Path, echo_stderr: bool = True, keep_stdout: bool = True) -> Measured:
    """``dxw <args>``; its progress (stderr) is echoed live and kept, its stdout kept when ``keep_stdout``.

    A large query result is hundreds of megabytes of text: ``keep_stdout=False`` reads and drops it.
    """
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = usage_before.ru_maxrss
    started = time.monotonic()
    process = subprocess.Popen(
        [*DXW, *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_bytes(process.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err_lines: list[str] = []
    out_chunks: list[str] = []
    assert process.stderr is not None and process.stdout is not None
    # stdout in its own thread: a large query result would otherwise fill its pipe and block dxw.
    stdout = process.stdout
    reader = threading.Thread(target=lambda: out_chunks.append(_read_all(stdout, keep_stdout)), daemon=True)
    reader.start()
    for line in process.stderr:
        err_lines.append(line)
        if echo_stderr:
            print("  | " + line, end="", file=sys.stderr, flush=True)
    code = process.wait()
    reader.join()
    out = "".join(out_chunks)
    seconds = time.monotonic() - started
    stop.set()
    sampler.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - usage_before.ru_utime - usage_before.ru_stime
    largest = max(before, usage.ru_maxrss) / 1e3
    return Measured(code, seconds, peak / 1e6, largest, cpu, out, "".join(err_lines))


def corpus(count: int, start: int = 0, name: str | None = None) -> Path:
    """The generated corpus of ``count`` documents (written on first use, then reused)."""
    from benchmarks.generate_documents import generate_documents

    folder = ROOT / "benchmarks" / "out" / (name or f"docs_{count}")
    done = folder / ".complete"
    if not done.exists():
        print(f"generating {count} documents under {folder} ...", file=sys.stderr, flush=True)
        generate_documents(folder, count, start=start)
        done.touch()
    return folder


def folder_megabytes(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")) / 1e6
    )
