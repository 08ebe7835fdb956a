"""``python -m handbook.pdf --site DIR [--only NAME ...]``: trainer PDFs of a built site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import build_pdfs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.pdf", description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site folder (default: site)")
    parser.add_argument("--only", nargs="*", help="names without .pdf, e.g. foundations-zh handbook-en")
    parser.add_argument("--keep-sources", type=Path, help="keep the print HTML documents in this folder")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}: not a built site (no index.html); run scripts/build first", file=sys.stderr)
        return 1
    start = time.monotonic()
    made = build_pdfs(args.site, only=set(args.only) if args.only else None, keep_sources=args.keep_sources)
    for m in made:
        print(f"{m.path}  {m.path.stat().st_size / 1024:.0f} KiB  {m.seconds:.1f} s")
    print(f"{len(made)} PDFs in {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
