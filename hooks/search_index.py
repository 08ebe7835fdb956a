"""Build the Pagefind search index as the build's last step (serve, build, pdf and CI all get it).

Pagefind reads every built page (one index per ``<html lang>``) and writes
``pagefind/`` at the site root; the handbook's data entries are added as records
of their own (:mod:`handbook.search_records`). The search box is
``overrides/partials/search.html`` with ``overrides/assets/javascripts/search.js``.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from mkdocs.plugins import event_priority
from pagefind.index import IndexConfig, PagefindIndex

from handbook.search_records import PAGE_EXCLUDES, ROOT_SELECTOR, Record, records

# language → its records, gathered while each language is built
_records: dict[str, list[Record]] = {}


@event_priority(-250)  # after hooks/data_blocks.py has found where each entry lives
def on_files(files, config):
    lang = config.plugins["i18n"].current_language
    hb, homes = config.plugins["hooks/data_blocks.py"].loaded()
    urls = {f.src_uri.removeprefix(f"{lang}/"): _rooted(f.url) for f in files.documentation_pages()}
    _records[lang] = list(records(hb, lang, {key: _rooted(url) for key, url in homes.items()}, urls))
    return files


def on_post_page(output, page, config):
    """A page's title is what staff type when they know the page: it outweighs its headings
    (Pagefind weighs h1 7, h2 6 by default; records of data entries weigh 7 to 10)."""
    return output.replace("<h1", '<h1 data-pagefind-weight="10"', 1)


def _rooted(url: str) -> str:
    """A page URL from the site root, as Pagefind gives its results ('./' is the home page)."""
    return "/" + url.removeprefix("./")


@event_priority(-300)  # after mkdocs-static-i18n has built the last language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    asyncio.run(_index(Path(config.site_dir), [r for recs in _records.values() for r in recs]))


async def _index(site: Path, extra: list[Record]) -> None:
    settings = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(PAGE_EXCLUDES),
                           output_path=str(site / "pagefind"))
    async with PagefindIndex(config=settings) as index:
        # One page at a time, in a fixed order: Pagefind's own directory walk is parallel, and
        # its output would differ from build to build (builds are reproducible, tests/test_build_script.py).
        for page in sorted(site.rglob("index.html")):
            url = "/" + page.parent.relative_to(site).as_posix().removeprefix(".") + "/"
            await index.add_html_file(content=page.read_text(encoding="utf-8"), url=url.replace("//", "/"))
        for record in extra:
            await index.add_html_file(content=record.html, url=record.url)
    # Pagefind also writes its ready-made interfaces; the handbook has its own (search.js).
    for unused in (site / "pagefind").glob("pagefind-*ui.*"):
        unused.unlink()
    # Its entry file lists the languages in a different order each build: fix the order, so that
    # two builds of one commit are byte-identical (tests/test_build_script.py).
    entry_file = site / "pagefind" / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
