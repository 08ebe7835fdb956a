"""Build the Pagefind search index as the build's last step (serve, build, pdf and CI all get it).
Under ``mkdocs serve`` it is built beside the preview instead: the edited page reloads without
waiting for the index (about a second), and search catches up just after.

Pagefind reads every built page (one index per ``<html lang>``) and writes
``pagefind/`` at the site root (:mod:`handbook.pagefind_index`); the handbook's data entries
are added as records of their own (:mod:`handbook.search_records`). The search box is
``overrides/partials/search.html`` with ``overrides/assets/javascripts/search.js``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook.pagefind_index import SearchIndexError, index_site
from handbook.search_records import Record, records

log = logging.getLogger("mkdocs.hooks.search_index")

# language → its records, gathered while each language is built
_records: dict[str, list[Record]] = {}
_serving = False
_indexing: threading.Thread | None = None  # under serve: the last build's index, still being built


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_pre_build(config):
    """A rebuild starts by emptying the site: let the previous index finish writing into it first."""
    if _indexing is not None:
        _indexing.join()


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
    global _indexing
    if config.plugins["i18n"].building:
        return
    site, extra = Path(config.site_dir), [r for recs in _records.values() for r in recs]
    if _serving:
        _indexing = threading.Thread(target=_index_for_preview, args=(site, extra), daemon=True)
        _indexing.start()
        return
    try:
        index_site(site, extra)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from None


def _index_for_preview(site: Path, extra: list[Record]) -> None:
    try:
        index_site(site, extra)
    except Exception as exc:  # the preview runs on; its search says what is missing
        log.error(f"search index not built: {exc}")
