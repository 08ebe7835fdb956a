"""Build the Pagefind search index as the build's last step (serve, build, pdf and CI all get it).

Pagefind reads every built page (one index per ``<html lang>``) and writes
``pagefind/`` at the site root; the handbook's data entries are added as records
of their own (:mod:`handbook.search_records`). The search box is
``overrides/partials/search.html`` with ``overrides/assets/javascripts/search.js``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from mkdocs.plugins import event_priority
from pagefind.index import IndexConfig, PagefindIndex

from handbook.homes import find_homes
from handbook.load import load_handbook
from handbook.search_records import PAGE_EXCLUDES, ROOT_SELECTOR, Record, records

# language → its records, gathered while each language is built
_records: dict[str, list[Record]] = {}


@event_priority(-200)  # after mkdocs-static-i18n has picked this language's files
def on_files(files, config):
    i18n = config.plugins["i18n"]
    lang = i18n.current_language
    pages = files.documentation_pages()
    urls = {f.src_uri.removeprefix(f"{lang}/"): _rooted(f.url) for f in pages}
    hb = load_handbook(Path(config.config_file_path).parent / "data")
    homes = find_homes(((f.src_uri, _rooted(f.url), f.content_string) for f in pages), hb)
    _records[lang] = list(records(hb, lang, homes, urls))
    return files


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
        await index.add_directory(str(site), glob="**/index.html")
        for record in extra:
            await index.add_html_file(content=record.html, url=record.url)
    # Pagefind also writes its ready-made interfaces; the handbook has its own (search.js).
    for unused in (site / "pagefind").glob("pagefind-*ui.*"):
        unused.unlink()
