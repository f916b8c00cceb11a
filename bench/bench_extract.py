"""Speed of zhengce.extract beside trafilatura and lxml's bare parse, in one process, same pages.

    pip install -e '.[bench]'
    python bench/bench_extract.py [--corpus ../shared/corpus] [--rounds 5]

Pages: every page of the corpus (if present) and of fixtures/. Each tool runs over all pages
``--rounds`` times after one warm-up round; the figure is pages per second over the timed rounds.
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


def load_pages(corpus: Path) -> list[bytes]:
    paths = sorted((corpus / "pages").glob("*")) if corpus.is_dir() else []
    paths += [p for p in sorted((ROOT / "fixtures").glob("*")) if p.suffix in (".html", ".txt")]
    return [p.read_bytes() for p in paths]


def rate(func, pages, rounds: int) -> float:
    for page in pages:  # warm-up: lazy imports, jieba's dictionary, regex caches
        func(page)
    started = time.perf_counter()
    for _ in range(rounds):
        for page in pages:
            func(page)
    return rounds * len(pages) / (time.perf_counter() - started)


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import zhengce; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import lxml.html

    import zhengce

    pages = load_pages(args.corpus)
    mean_kb = sum(map(len, pages)) / len(pages) / 1024
    print(f"{len(pages)} pages, mean {mean_kb:.0f} KB, {args.rounds} rounds")
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
    rates = {name: rate(func, pages, args.rounds) for name, func in tools.items()}
    base = rates.get("trafilatura (with metadata)")
    print(f"{'tool':<32} {'pages/s':>9} {'ms/page':>8} {'× trafilatura':>14}")
    for name, r in rates.items():
        ratio = f"{r / base:>13.1f}×" if base else ""
        print(f"{name:<32} {r:>9.1f} {1000 / r:>8.2f} {ratio}")
    print(f"import zhengce: {import_time() * 1000:.1f} ms (median of 5 fresh interpreters)")


if __name__ == "__main__":
    main()
