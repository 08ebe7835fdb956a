"""``python -m handbook.check [--fix] [ROOT]`` (what ``scripts/check`` runs)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import check


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/check", description=__doc__)
    parser.add_argument("--fix", action="store_true", help="rewrite Chinese spacing and punctuation in place")
    parser.add_argument("root", nargs="?", default=".", help="project folder (default: the current one)")
    args = parser.parse_args()
    start = time.monotonic()
    problems = check(Path(args.root).resolve(), fix=args.fix)
    for problem in problems:
        print(problem, file=sys.stderr)
    seconds = time.monotonic() - start
    if problems:
        print(f"{len(problems)} problem(s) found in {seconds:.1f} s", file=sys.stderr)
        return 1
    print(f"check OK in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
