"""The Pagefind index as built: one index per language, holding every page and every data entry."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from conftest import LANGS, ROOT, pages
from handbook.load import load_handbook
from handbook.pagefind_index import SearchIndexError, wait_for_files


def test_each_language_has_its_own_index_of_pages_and_entries(site):
    languages = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    assert set(languages) == set(LANGS)
    hb = load_handbook(ROOT / "data")
    entries = (len(hb.situations.situations) + len(hb.phrases.phrases) + len(hb.standards.standards)
               + len(hb.glossary.terms))
    for lang in LANGS:
        # every built page (not the 404 page) and every entry as a result of its own
        assert languages[lang]["page_count"] == len(pages(site, lang)) + entries, lang


def test_only_the_search_files_the_handbook_uses_are_published(site):
    """Pagefind's ready-made interfaces are not used (search.js is ours): they are not shipped."""
    assert not list((site / "pagefind").glob("*ui*"))
    assert (site / "pagefind" / "pagefind.js").exists()
    assert (site / "pagefind" / "pagefind-highlight.js").exists()


def test_indexing_waits_for_pagefinds_last_writes(tmp_path):
    """Pagefind says "written" while its last writes are still landing; stopped then, it left an
    empty pagefind-entry.json (a failed CI build). The indexer now waits for the files."""
    (tmp_path / "pagefind.js").write_text("export {}", encoding="utf-8")
    entry = tmp_path / "pagefind-entry.json"
    entry.write_text("", encoding="utf-8")

    async def land_late():
        await asyncio.sleep(0.3)
        entry.write_text('{"languages": {}}', encoding="utf-8")

    async def scenario():
        late = asyncio.create_task(land_late())
        await wait_for_files(tmp_path, timeout=10)
        await late

    start = time.monotonic()
    asyncio.run(scenario())
    assert time.monotonic() - start >= 0.3
    assert json.loads(entry.read_text(encoding="utf-8")) == {"languages": {}}


def test_an_index_that_never_lands_stops_the_build_with_a_message(tmp_path):
    (tmp_path / "pagefind-entry.json").write_text("", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="did not finish writing the search index"):
        asyncio.run(wait_for_files(tmp_path, timeout=0.3))
