"""Build the Pagefind search index as the build's last step (serve, build, pdf and CI all get it).

Pagefind reads every built page (one index per ``<html lang>``) and writes
``pagefind/`` at the site root; the handbook's data entries are added as records
of their own (:mod:`handbook.search_records`). The search box is
``overrides/partials/search.html`` with ``overrides/assets/javascripts/search.js``.
"""

from __future__ import annotations

import asyncio
import json
import types
from contextlib import contextmanager
from pathlib import Path

from mkdocs.plugins import event_priority
import pagefind.service
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


@contextmanager
def _unthrottled_replies():
    """pagefind 1.5.2's Python service sleeps 0.1 s before it reads each reply of the indexer
    (``PagefindService._wait_for_responses``): ~380 documents would wait ~40 s. While the
    handbook indexes, that module's ``asyncio.sleep`` waits no longer than it must."""
    real_sleep = asyncio.sleep

    async def brief(delay, result=None):
        return await real_sleep(0, result)

    patched = types.SimpleNamespace(**vars(asyncio))
    patched.sleep = brief
    pagefind.service.asyncio = patched
    try:
        yield
    finally:
        pagefind.service.asyncio = asyncio


async def _index(site: Path, extra: list[Record]) -> None:
    settings = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(PAGE_EXCLUDES),
                           output_path=str(site / "pagefind"))
    pages = sorted(site.rglob("index.html"))
    with _unthrottled_replies():
        async with PagefindIndex(config=settings) as index:
            # Every page and record, sent in a fixed order: Pagefind's own directory walk is parallel,
            # and builds are reproducible (tests/test_build_script.py).
            documents = [("/" + p.parent.relative_to(site).as_posix() + "/").replace("/./", "/") for p in pages]
            await asyncio.gather(
                *(index.add_html_file(content=p.read_text(encoding="utf-8"), url=u) for p, u in zip(pages, documents)),
                *(index.add_html_file(content=r.html, url=r.url) for r in extra),
            )
    # Pagefind also writes its ready-made interfaces; the handbook has its own (search.js).
    for unused in (site / "pagefind").glob("pagefind-*ui.*"):
        unused.unlink()
    # Its entry file lists the languages in a different order each build: fix the order, so that
    # two builds of one commit are byte-identical (tests/test_build_script.py).
    entry_file = site / "pagefind" / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
