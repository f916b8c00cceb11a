"""Benchmark `zhengce batch`: throughput and peak memory, 1 and 2 workers, 2,000 and 20,000 pages.

    .venv/bin/python bench/bench_batch.py                      # the full run (about 15 minutes)
    .venv/bin/python bench/bench_batch.py --sizes 2000 --inputs warc

The corpus is the project's fixtures and, where present, the pages of ../shared/corpus, repeated
with varied URLs (each copy marked, so every page is distinct), written once as a gzipped WARC
file and as a folder of files under bench/out/ (git-ignored).  Each run is the real command in a
subprocess, into a fresh SQLite database.  Peak memory is sampled from /proc every 50 ms over
the whole process tree (the command, the forkserver, the workers): RSS summed, and PSS summed
(PSS counts a page shared by forked workers once, so it is the truer total).  CPU per page,
summed over the tree, shows the work the speed-up is made of, and 'parent' the part of it the
command itself does (reading the input and handing pages out; into a database the workers write
it): on two CPUs that part bounds what a second worker can add.  The load average beside each run shows whether other processes were
competing for the CPUs.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SOURCES = [ROOT / "fixtures", ROOT.parent / "shared" / "corpus" / "pages"]
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".txt")


def source_pages() -> list[tuple[str, bytes]]:
    pages = []
    for folder in SOURCES:
        if folder.is_dir():
            pages += [(p.name, p.read_bytes()) for p in sorted(folder.iterdir())
                      if p.suffix in PAGE_SUFFIXES]
    return pages


def build_corpus(size: int) -> tuple[Path, Path]:
    """bench/out/<size>/crawl.warc.gz and bench/out/<size>/pages/, built once and reused."""
    base = OUT / str(size)
    warc, folder = base / "crawl.warc.gz", base / "pages"
    if warc.exists() and folder.is_dir():
        return warc, folder
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    shutil.rmtree(base, ignore_errors=True)
    folder.mkdir(parents=True)
    pages = source_pages()
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(size):
            name, data = pages[i % len(pages)]
            data += b"\n<!-- copy %d -->\n" % i       # every page distinct
            url = f"http://www.example.gov.cn/{i // 1000}/{i}/{name}"
            (folder / f"{i // 1000:03d}").mkdir(exist_ok=True)
            (folder / f"{i // 1000:03d}" / f"{i}-{name}").write_bytes(data)
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(data),
                                                          http_headers=http))
    return warc, folder


def process_tree(root_pid: int) -> list[int]:
    """A process and all its descendants, from the parent ids in /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    tree, stack = [], [root_pid]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack += children.get(pid, [])
    return tree


def memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) once it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(input_path: Path, workers: int, size: int) -> dict:
    db = OUT / f"run-{size}-{workers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    argv = [sys.executable, "-m", "zhengce.cli", "batch", str(input_path), "--out", str(db),
            "--workers", str(workers)]
    started = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    cpu: dict[int, float] = {}  # the last CPU time seen per process (sampled: a slight undercount)
    while proc.poll() is None:
        tree = process_tree(proc.pid)
        sizes = [memory(pid) for pid in tree]
        peak_rss = max(peak_rss, sum(r for r, _ in sizes))
        peak_pss = max(peak_pss, sum(p for _, p in sizes))
        for pid in tree:
            seconds_used = cpu_seconds(pid)
            if seconds_used is not None:
                cpu[pid] = seconds_used
        time.sleep(0.05)
    seconds = time.monotonic() - started
    summary = proc.stderr.read().strip()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"zhengce batch failed ({proc.returncode}): {summary}")
    return {"seconds": seconds, "rate": size / seconds, "rss": peak_rss, "pss": peak_pss,
            "cpu_ms": 1000 * sum(cpu.values()) / size, "summary": summary,
            "parent_ms": 1000 * cpu.get(proc.pid, 0.0) / size,
            "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--inputs", nargs="+", choices=["warc", "folder"], default=["warc", "folder"])
    args = parser.parse_args()

    busy = os.getloadavg()[0]
    if busy > 0.5:
        print(f"warning: load average {busy:.2f} before starting: other processes share the CPUs, "
              "so throughput (and the 2-worker speed-up above all) will read low", file=sys.stderr)
    print(f"{'input':7} {'pages':>6} {'workers':>7} {'seconds':>8} {'pages/s':>8} "
          f"{'peak RSS':>9} {'peak PSS':>9} {'CPU/page':>8} {'parent':>7} {'load':>5}")
    results = {}
    for size in args.sizes:
        warc, folder = build_corpus(size)
        for kind in args.inputs:
            for workers in args.workers:
                r = run(warc if kind == "warc" else folder, workers, size)
                results[kind, size, workers] = r
                print(f"{kind:7} {size:6d} {workers:7d} {r['seconds']:8.1f} {r['rate']:8.1f} "
                      f"{r['rss'] / 2**20:7.0f}MB {r['pss'] / 2**20:7.0f}MB "
                      f"{r['cpu_ms']:6.1f}ms {r['parent_ms']:5.2f}ms {r['load']:5.2f}",
                      flush=True)
    print()
    for kind in args.inputs:
        for size in args.sizes:
            one, two = results.get((kind, size, 1)), results.get((kind, size, 2))
            if one and two:
                # Two CPUs shared by two workers and the parent: W ms of worker CPU and P ms of
                # the parent's CPU per page allow at most 2W / (W + P) times one worker's rate.
                work = two["cpu_ms"] - two["parent_ms"]
                bound = 2 * work / (work + two["parent_ms"])
                print(f"{kind} {size}: 2 workers / 1 worker = {two['rate'] / one['rate']:.2f}x "
                      f"(aim: >= 1.8; at most {bound:.2f}x with the parent's share on 2 CPUs)")
        small, large = min(args.sizes), max(args.sizes)
        for workers in args.workers:
            a, b = results.get((kind, small, workers)), results.get((kind, large, workers))
            if a and b and small != large:
                print(f"{kind} {workers} worker(s): peak PSS at {large} / at {small} = "
                      f"{b['pss'] / a['pss']:.2f} (RSS {b['rss'] / a['rss']:.2f}; aim: <= 1.2)")


if __name__ == "__main__":
    main()
