"""Speed of zhengce.extract beside trafilatura and lxml's bare parse, in one process, same pages.

    pip install -e '.[bench]'
    python bench/bench_extract.py [--corpus ../shared/corpus] [--rounds 5]

Pages: the corpus (if present; the set the speed aim names) and fixtures/ (smaller pages),
measured apart and then together. After a warm-up pass, each round runs every tool over a set's
pages in turn; the figure is the median of a tool's rounds.
Also prints the time `import zhengce` takes in a fresh interpreter. Not a test: machines are noisy.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_pages(corpus: Path) -> dict[str, list[bytes]]:
    sets = {}
    if corpus.is_dir():
        sets["corpus"] = [p.read_bytes() for p in sorted((corpus / "pages").glob("*"))]
    sets["fixtures"] = [p.read_bytes() for p in sorted((ROOT / "fixtures").glob("*"))
                        if p.suffix in (".html", ".txt")]
    return sets


def rates(tools: dict, pages, rounds: int) -> dict[str, float]:
    """Median pages per second of each tool over ``rounds`` passes, the tools interleaved in
    every round so that a busy moment of the machine falls on all of them alike."""
    for func in tools.values():  # warm-up: lazy imports, regex caches
        for page in pages:
            func(page)
    seen: dict[str, list[float]] = {name: [] for name in tools}
    for _ in range(rounds):
        for name, func in tools.items():
            started = time.perf_counter()
            for page in pages:
                func(page)
            seen[name].append(len(pages) / (time.perf_counter() - started))
    return {name: statistics.median(values) for name, values in seen.items()}


def show(heading: str, per_second: dict[str, float]) -> None:
    base = per_second.get("trafilatura (with metadata)")
    print(f"\n{heading}")
    print(f"{'tool':<32} {'pages/s':>9} {'ms/page':>8} {'× trafilatura':>14}")
    for name, r in per_second.items():
        ratio = f"{r / base:>13.1f}×" if base else ""
        print(f"{name:<32} {r:>9.1f} {1000 / r:>8.2f} {ratio}")


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import zhengce; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    import lxml.html

    import zhengce

    sets = load_pages(args.corpus)
    tools = {
        "lxml bare parse (floor)": lambda p: lxml.html.document_fromstring(p),
        "zhengce (full record)": lambda p: zhengce.extract(p),
        "zhengce (no actions/targets)": lambda p: zhengce.extract(p, commitments=False),
    }
    try:
        import trafilatura

        tools["trafilatura (with metadata)"] = lambda p: trafilatura.bare_extraction(
            p, with_metadata=True)
    except ImportError:
        print("trafilatura is not installed (pip install -e '.[bench]'): skipped")
    seconds = {name: 0.0 for name in tools}   # per page, summed over the sets: the 'all' row
    for label, pages in sets.items():
        per_second = rates(tools, pages, args.rounds)
        for name, r in per_second.items():
            seconds[name] += len(pages) / r
        show(f"{label}: {len(pages)} pages, mean {sum(map(len, pages)) / len(pages) / 1024:.0f} KB",
             per_second)
    total = sum(map(len, sets.values()))
    show(f"all {total} pages", {name: total / s for name, s in seconds.items()})
    print(f"\nimport zhengce: {import_time() * 1000:.1f} ms (median of 5 fresh interpreters)")


if __name__ == "__main__":
    main()
