"""The ``zhengce`` command: a thin layer over the library.

    zhengce extract FILE...      one JSON record per line (``-`` reads standard input)
    zhengce evaluate DIR         score against a corpus laid out as pages/ + gold/
    zhengce batch INPUT... --out DEST
    zhengce spark INPUT... --out DEST   (with the spark extra: pyspark)
"""
from __future__ import annotations

import argparse
import os
import sys


def _cmd_extract(args) -> int:
    from .pipeline import extract
    from .record import ExtractionError

    status = 0
    for name in args.files:
        try:
            data = sys.stdin.buffer.read() if name == "-" else open(name, "rb").read()
            record = extract(data, url=args.url)
        except (OSError, ExtractionError) as exc:
            print(f"zhengce: {name}: {exc}", file=sys.stderr)
            status = 1
            continue
        print(record.to_json(indent=args.indent))
    return status


def _cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report

    report = evaluate(args.corpus)
    print(format_report(report, show=args.show))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="zhengce", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"zhengce {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract one record per page, printed as JSON Lines")
    p.add_argument("files", nargs="+", metavar="FILE", help="page files; - for standard input")
    p.add_argument("--url", default=None, help="the page's URL, if known")
    p.add_argument("--indent", type=int, default=None, help="pretty-print with this indent")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("evaluate", help="score the library on a corpus (pages/ and gold/)")
    p.add_argument("corpus", metavar="DIR")
    p.add_argument("--show", action="store_true", help="print one line per miss")
    p.set_defaults(func=_cmd_evaluate)

    # the batch and spark commands live beside their library code (pyspark loads only when run)
    from .batch import register_cli as register_batch_cli
    from .spark import register_cli as register_spark_cli

    register_batch_cli(sub)
    register_spark_cli(sub)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `zhengce … | head`: the reader left, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
