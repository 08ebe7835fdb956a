"""The service worker's precache list: every file of the built site a reader may need
offline, each with a content hash, written into ``sw.js``.

Each deployment's ``sw.js`` differs from the last one as soon as any file does, which is
how browsers notice a new version; the hashes let the new worker download only the files
that changed. Left out: the PDFs (downloads, and large), source maps (only developer tools
ask for them), the benchmark report, ``sw.js`` itself, and the search language packs of
languages the site does not have (Material ships thirty).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

SERVICE_WORKER = "sw.js"
SKIPPED_DIRS = ("pdf/",)
SKIPPED_FILES = {SERVICE_WORKER, "bench.json"}
LUNR_PACKS = re.compile(r"assets/javascripts/lunr/(?:.*/)?(?P<name>[^/]+)$")
LUNR_SHARED = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}
_LIST_LINE = re.compile(r"^const PRECACHE = (.*);$", re.M)


def _wanted(rel: str, languages: set[str]) -> bool:
    if rel.startswith(SKIPPED_DIRS) or rel in SKIPPED_FILES or rel.endswith(".map"):
        return False
    pack = LUNR_PACKS.match(rel)
    if pack:  # tinyseg.js and wordcut.js serve Japanese, Thai and Hindi only
        return pack["name"] in LUNR_SHARED or pack["name"] in {f"lunr.{lang}.min.js" for lang in languages}
    return True


def url_of(rel: str) -> str:
    """The address pages link to: ``roles/duties/`` for ``roles/duties/index.html``,
    relative to the site root (where sw.js lives), so a sub-path deployment works."""
    if rel == "index.html":
        return "./"
    return rel.removesuffix("index.html") if rel.endswith("/index.html") else rel


def precache_entries(site: Path, languages: set[str]) -> list[list]:
    """``[url, sha256 (16 hex digits), bytes]`` for every file to precache, sorted by url."""
    entries = []
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and _wanted(rel, languages):
            data = path.read_bytes()
            entries.append([url_of(rel), hashlib.sha256(data).hexdigest()[:16], len(data)])
    return sorted(entries)


def write_service_worker(site: Path, names: dict[str, str]) -> list[list]:
    entries = precache_entries(site, set(names))
    listing = json.dumps(entries, separators=(",", ":"))
    version = hashlib.sha256(listing.encode()).hexdigest()[:16]
    source = Path(__file__).with_name(SERVICE_WORKER).read_text(encoding="utf-8")
    source, found = _LIST_LINE.subn(lambda _: f"const PRECACHE = {listing};", source)
    if found != 1 or 'const VERSION = "dev";' not in source:
        raise ValueError(f"{Path(__file__).with_name(SERVICE_WORKER)}: the lines `const VERSION = \"dev\";` and "
                         "`const PRECACHE = [];` must each appear once: the build fills them in")
    source = source.replace('const VERSION = "dev";', f'const VERSION = "{version}";')
    (site / SERVICE_WORKER).write_text(source, encoding="utf-8")
    return entries


def read_precache(site: Path) -> list[list]:
    """The list a built ``sw.js`` precaches (for the tests and scripts/bench)."""
    match = _LIST_LINE.search((site / SERVICE_WORKER).read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{site / SERVICE_WORKER}: no precache list (was the site built with hooks/offline.py?)")
    return json.loads(match[1])
