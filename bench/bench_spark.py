"""Benchmark `zhengce spark` in local mode against `zhengce batch`: pages per second, 1 and 2 cores.

    .venv/bin/python bench/bench_spark.py                  # 20,000 pages (about 20 minutes)
    .venv/bin/python bench/bench_spark.py --size 2000 --cores 2

Both commands read the same gzipped WARC file (built once by bench_batch.build_corpus: the
fixtures and ../shared/corpus pages repeated with varied URLs, under bench/out/, git-ignored)
and write Parquet, each as the real command in a subprocess: `zhengce spark --master local[N]`
and `zhengce batch --workers N`.  Spark's time includes its fixed cost (starting the JVM and
the session, about 10 s here), which is measured alone too, so the overhead per page is given
with and without it.  Other processes on the machine make every figure noisy: the load average
is printed beside each run.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import OUT, build_corpus  # noqa: E402  (the batch benchmark's corpus)

STARTUP = """
import os, sys, time
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
from pyspark.sql import SparkSession
spark = SparkSession.builder.master(sys.argv[1]).getOrCreate()
spark.sparkContext.parallelize([1], 1).count()   # a first task starts a Python worker too
spark.stop()
"""


def timed(argv: list[str]) -> float:
    started = time.monotonic()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    if done.returncode not in (0, 1):  # 1: some pages failed, which the corpus may hold
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


def run_spark(warc: Path, cores: int) -> float:
    out = OUT / f"spark-{cores}.parquet"
    return timed([sys.executable, "-m", "zhengce.spark", str(warc), "--out", str(out),
                  "--overwrite", "--master", f"local[{cores}]"])


def run_batch(warc: Path, workers: int) -> float:
    out = OUT / f"batch-{workers}.parquet"  # one file, written afresh
    return timed([sys.executable, "-m", "zhengce.cli", "batch", str(warc), "--out", str(out),
                  "--workers", str(workers)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000, help="pages in the corpus")
    parser.add_argument("--cores", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    warc, _ = build_corpus(args.size)
    print(f"{args.size} pages from {warc.relative_to(OUT.parent.parent)}; "
          f"{os.cpu_count()} CPUs; load before: {os.getloadavg()[0]:.2f}")
    print(f"{'cores':>5} {'batch s':>8} {'batch p/s':>9} {'spark s':>8} {'spark p/s':>9} "
          f"{'start s':>8} {'ms/page':>8} {'-start':>7} {'load':>5}")
    for cores in args.cores:
        startup = timed([sys.executable, "-c", STARTUP, f"local[{cores}]"])
        batch = run_batch(warc, cores)
        spark = run_spark(warc, cores)
        overhead = (spark - batch) / args.size * 1000         # ms a page, all included
        steady = (spark - startup - batch) / args.size * 1000  # without Spark's fixed cost
        print(f"{cores:5d} {batch:8.1f} {args.size / batch:9.1f} {spark:8.1f} "
              f"{args.size / spark:9.1f} {startup:8.1f} {overhead:8.2f} {steady:7.2f} "
              f"{os.getloadavg()[0]:5.2f}", flush=True)


if __name__ == "__main__":
    main()
