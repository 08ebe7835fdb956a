"""Run Pagefind over a built site: every page and the handbook's records, in a fixed order,
into ``<site>/pagefind/``, reproducibly. Works around two traits of pagefind 1.5.2's Python
service (a slow reply loop, and "written" before the files have landed)."""

from __future__ import annotations

import asyncio
import json
import types
from contextlib import contextmanager
from pathlib import Path

import pagefind.service
from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from .search_records import PAGE_EXCLUDES, ROOT_SELECTOR, Record


class SearchIndexError(RuntimeError):
    """Pagefind did not produce a complete index."""


def index_site(site: Path, records: list[Record]) -> None:
    asyncio.run(_index(site, records))


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
    output = site / "pagefind"
    settings = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(PAGE_EXCLUDES))
    pages = sorted(site.rglob("index.html"))
    with _unthrottled_replies():
        # Not PagefindIndex's context manager: it stops the indexer right after asking it to
        # write, and the indexer answers before its last writes have landed (see wait_for_files).
        service = await PagefindService().launch()
        try:
            index = await service.create_index(settings)
            # Every page and record, sent in a fixed order: Pagefind's own directory walk is parallel,
            # and builds are reproducible (tests/test_build_script.py).
            documents = [("/" + p.parent.relative_to(site).as_posix() + "/").replace("/./", "/") for p in pages]
            await asyncio.gather(
                *(index.add_html_file(content=p.read_text(encoding="utf-8"), url=u) for p, u in zip(pages, documents)),
                *(index.add_html_file(content=r.html, url=r.url) for r in extra),
            )
            await index.write_files(output_path=str(output))
            await wait_for_files(output)
        finally:
            await service.close()
    # Pagefind also writes its ready-made interfaces; the handbook has its own (search.js).
    for unused in output.glob("pagefind-*ui.*"):
        unused.unlink()
    # Its entry file lists the languages in a different order each build: fix the order, so that
    # two builds of one commit are byte-identical (tests/test_build_script.py).
    entry_file = output / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


async def wait_for_files(output: Path, timeout: float = 30.0) -> None:
    """Wait until Pagefind's files have landed. Its indexer (1.5.2) answers "written" once each
    write is handed to tokio, whose File writes finish in the background without a flush; stopped
    at once, it left an empty pagefind-entry.json now and then. Done means: the entry file
    parses, no file is empty, and no size changed over the last look."""
    deadline = asyncio.get_running_loop().time() + timeout
    before: dict[str, int] | None = None
    while True:
        sizes = {p.as_posix(): p.stat().st_size for p in sorted(output.rglob("*")) if p.is_file()}
        entry = output / "pagefind-entry.json"
        if sizes and sizes == before and all(sizes.values()) and _parses(entry):
            return
        if asyncio.get_running_loop().time() > deadline:
            raise SearchIndexError(f"{output}: Pagefind did not finish writing the search index within {timeout:.0f} s")
        before = sizes
        await asyncio.sleep(0.05)


def _parses(entry: Path) -> bool:
    try:
        json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True
