"""Lighthouse scores of the built site, served as a real host serves it (gzip, cache headers).

Runs Lighthouse 12 (pinned in .cache/node by scripts/node-tools; 13 needs Node 22) with Debian's
Chromium on five pages, as a phone (Lighthouse's default: a mid-range phone on a slow 4G
connection, simulated) and as a desktop, and reports the four category scores: performance,
accessibility, best practices and SEO. scripts/bench calls it; on its own:

    .venv/bin/python scripts/lighthouse.py [--site site] [--json out.json]

The site is served on 127.0.0.1 by scripts/bench.py's static host (gzip level 6, hashed assets
cached for a year, the rest revalidated by ETag). A report, not a test: the machine is shared and
performance scores move by a few points from run to run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from handbook.pdf.render import CHROMIUM  # noqa: E402

LIGHTHOUSE = ROOT / ".cache/node/node_modules/lighthouse/cli/index.js"
PAGES = ["", "en/", "communication/phone-etiquette/", "en/communication/phrase-cards/", "standards/catalogue/"]
FORMS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str, form: str) -> dict:
    """One Lighthouse run: the four scores (0–100) and the audits that kept a score below 100."""
    with tempfile.TemporaryDirectory(prefix="hb-lighthouse-") as profile:
        cmd = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
               f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir={profile}"]
        if form == "desktop":
            cmd.append("--preset=desktop")
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "CHROME_PATH": CHROMIUM})
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse {url} ({form}) failed: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores, failing = {}, {}
    for name, category in report["categories"].items():
        scores[name] = None if category["score"] is None else round(category["score"] * 100)
        if name == "performance":
            continue  # its audits are measurements, not faults
        failing[name] = sorted(
            ref["id"] for ref in category["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        )
    return {"scores": scores, "failing": {k: v for k, v in failing.items() if v}}


def run(base_url: str, pages: list[str] = PAGES) -> dict:
    """Scores per page and form factor, and the lowest of each category."""
    runs = {}
    for page in pages:
        for form in FORMS:
            print(f"Lighthouse: /{page} ({form}) …", file=sys.stderr)
            runs[f"/{page} {form}"] = lighthouse(base_url + page, form)
    lowest = {c: min(r["scores"][c] for r in runs.values()) for c in CATEGORIES}
    return {"version": lighthouse_version(), "runs": runs, "lowest": lowest}


def lighthouse_version() -> str:
    return json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]


def bench(site: Path) -> dict:
    """Install the pinned Lighthouse when missing, serve ``site`` and run it (scripts/bench)."""
    from bench import static_host

    subprocess.run([str(ROOT / "scripts/node-tools")], check=True)
    with static_host(site) as host:
        return run(host.url)


def print_scores(figures: dict) -> None:
    print(f"\n{'Lighthouse ' + figures['version']:<48}" + "  ".join(f"{c:>14}" for c in CATEGORIES))
    for name, r in figures["runs"].items():
        print(f"{name:<48}" + "  ".join(f"{r['scores'][c]:>14}" for c in CATEGORIES))
        for category, audits in r["failing"].items():
            print(f"    {category} below 100: {', '.join(audits)}")
    print(f"{'lowest':<48}" + "  ".join(f"{figures['lowest'][c]:>14}" for c in CATEGORIES))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default site/)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"no built site in {args.site}: run scripts/build first")
    figures = bench(args.site)
    print_scores(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
