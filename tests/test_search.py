"""The Pagefind index as built: one index per language, holding every page and every data entry."""

from __future__ import annotations

import json

from conftest import LANGS, ROOT, pages
from handbook.load import load_handbook


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
