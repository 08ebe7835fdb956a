"""Build the handbook's search index as the build's last step (serve, build, pdf and CI all get it).

Each built page is read as it is written (its sections: :mod:`handbook.search.sections`), the
data entries become records of their own (:mod:`handbook.search_records`), and once every
language is built each gets ``search/<lang>/`` (:mod:`handbook.search.index`). The search
box is ``overrides/partials/search.html`` with ``overrides/assets/javascripts/search.js``.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority

from handbook.search.index import PageDoc, write_index
from handbook.search.sections import read_page
from handbook.search_records import PAGE_EXCLUDES, Record, records

# language → its pages and records, gathered while each language is built
_pages: dict[str, list[PageDoc]] = {}
_records: dict[str, list[Record]] = {}
_titles: dict[str, dict[str, list[str]]] = {}  # language → docs path → [url, title]
_retelling: list[str] = []  # data/search.yml's folders of pages that retell others


@event_priority(-250)  # after hooks/data_blocks.py has found where each entry lives
def on_files(files, config):
    lang = config.plugins["i18n"].current_language
    hb, homes = config.plugins["hooks/data_blocks.py"].loaded()
    urls = {f.src_uri.removeprefix(f"{lang}/"): _rooted(f.url) for f in files.documentation_pages()}
    _pages[lang], _titles[lang] = [], {}  # this language's build starts afresh
    _retelling[:] = hb.search.retelling
    _records[lang] = list(records(hb, lang, {key: _rooted(url) for key, url in homes.items()}, urls))
    return files


@event_priority(-300)  # the page as it is written to the site
def on_post_page(output, page, config):
    lang = config.plugins["i18n"].current_language
    read = read_page(output, PAGE_EXCLUDES)
    if read.title:
        url = page.url.removeprefix("./") if page.url != "./" else ""
        path = page.file.src_uri.removeprefix(f"{lang}/")
        part = page.parent.title if page.parent else ""
        overview = 2 if path.startswith(tuple(_retelling)) else int(PurePosixPath(path).name == "index.md")
        _pages[lang].append(PageDoc(url, read, overview, part))
        _titles[lang][path] = [url, read.title]
    return output


def _rooted(url: str) -> str:
    """A page URL from the site root ('/' is the home page)."""
    return "/" + url.removeprefix("./")


@event_priority(-300)  # after mkdocs-static-i18n has built the last language
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    hb, _ = config.plugins["hooks/data_blocks.py"].loaded()
    out = Path(config.site_dir) / "search"
    shutil.rmtree(out, ignore_errors=True)
    for lang, pages in _pages.items():
        pages = sorted(pages, key=lambda p: p.url)  # a fixed order: builds are byte-identical
        write_index(out / lang, pages, _records[lang], hb.search, hb.glossary, lang, _titles[lang])
