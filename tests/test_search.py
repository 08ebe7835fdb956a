"""The search index as built (search/<lang>/) and the search box as a reader meets it in Chromium:
stop words, synonyms, typos, nothing found, and input that must not break it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGS, ROOT, pages
from handbook.load import load_handbook
from handbook.search.index import shard_of
from handbook.search.terms import stem, terms
from helpers import result_links, search

SEARCH_JS = ROOT / "overrides" / "assets" / "javascripts" / "search.js"


def entry(site: Path, lang: str) -> dict:
    return json.loads((site / "search" / lang / "docs.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index_of_pages_and_entries(site, lang):
    index = entry(site, lang)
    indexed_pages = {row[0] for row in index["pages"]}
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    built = {prefix + rel.removesuffix("index.html") for rel in pages(site, lang)}
    assert indexed_pages == built - {prefix + "404/"}
    hb = load_handbook(ROOT / "data")
    kinds = [row[3] for row in index["docs"]]
    assert kinds.count("situation") == len(hb.situations.situations)
    assert kinds.count("standard") == len(hb.standards.standards)
    assert kinds.count("term") == len(hb.glossary.terms)
    assert kinds.count("phrase") == len(hb.phrases.phrases)


@pytest.mark.parametrize("lang", LANGS)
def test_every_file_the_index_names_is_there_and_nothing_else(site, lang):
    index = entry(site, lang)
    named = {"docs.json", index["vocabulary"], *index["shards"], *index["texts"]}
    assert {p.name for p in (site / "search" / lang).iterdir()} == named


def test_a_term_is_in_the_shard_the_browser_will_fetch(site):
    index = entry(site, "zh")
    shard = json.loads((site / "search" / "zh" / index["shards"][shard_of("转接")]).read_text(encoding="utf-8"))
    assert "转接" in shard


def test_chinese_is_indexed_in_character_pairs_and_english_by_stem():
    assert terms("转接电话") == ["转接", "接电", "电话"]
    assert terms("Handling apologised callers") == ["handl", "apologiz", "caller"]
    assert stem("apologise") == stem("apologize") and stem("theatre") == stem("theater")
    assert stem("cancelled") == stem("canceled") == stem("cancel")


def _js_stem(page, words: list[str]) -> list[str]:
    source = SEARCH_JS.read_text(encoding="utf-8")
    body = re.search(r"\n  function stem\(word\) \{\n.*?\n  \}\n", source, re.S).group(0)
    return page.evaluate(f"words => {{ {body}; return words.map(stem); }}", words)


def test_the_browser_stems_words_as_the_index_does(page):
    words = sorted({w for p in (ROOT / "docs" / "en").rglob("*.md")
                    for w in re.findall(r"[a-z]+", p.read_text(encoding="utf-8").lower())})
    assert len(words) > 2000
    assert _js_stem(page, words) == [stem(w) for w in words]


def results(page, url: str, query: str) -> list[str]:
    """The result pages' paths, in order."""
    search(page, query, url)
    return [urlsplit(href).path for href in result_links(page)]


def test_words_that_carry_no_meaning_do_not_decide_the_answer(page, server):
    found = results(page, "/en/", "what does a customer service agent do")
    assert any(path.startswith("/en/roles/") for path in found[:3]), found


@pytest.mark.parametrize("url, one, other", [
    ("/en/", "apologise to a customer", "apologize to a customer"),
    ("/", "顾客在服务中的作用", "客户在服务中的角色"),
])
def test_words_that_mean_the_same_find_the_same_pages(page, server, url, one, other):
    assert results(page, url, one)[:3] == results(page, url, other)[:3]


@pytest.mark.parametrize("typo, page_path", [
    ("handeling a complaint", "/en/"),
    ("phone etiquete", "/en/communication/phone-etiquette/"),
])
def test_one_wrong_letter_still_finds_the_word(page, server, typo, page_path):
    found = results(page, "/en/", typo)
    assert found and (page_path == "/en/" or page_path in found[:3]), found


@pytest.mark.parametrize("url, query", [("/", "叶绿素光合"), ("/en/", "zeppelin quasar")])
def test_nothing_found_offers_the_finder_and_the_most_used_pages(page, server, url, query):
    found = results(page, url, query)
    hb = load_handbook(ROOT / "data")
    assert len(found) == 1 + len(hb.search.popular)
    assert found[0] == url  # the home page's situation finder
    assert "/communication/phone-etiquette/" in found[1].removeprefix("/en")


BAD_QUERIES = [
    "客户" * 1000,  # 2,000 characters
    "?!…。，、；：“”‘’（）——",
    "😀🙏📞",
    "客户 complaint 电话 hold",
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
]


@pytest.mark.parametrize("url", ["/", "/en/"])
@pytest.mark.parametrize("query", BAD_QUERIES, ids=["long", "punctuation", "emoji", "mixed", "img", "script"])
def test_odd_input_breaks_nothing(page, server, url, query):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    search(page, query, url, paste=True)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".md-search-result__list img, .md-search-result__list script").count() == 0
    # the list still answers the next query
    assert search(page, "complaint" if url == "/en/" else "投诉", paste=True).count() > 0
    assert errors == []


@pytest.mark.parametrize("marked", ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=1</script>",
                                    "电话" * 500])
def test_words_to_mark_in_the_address_are_text_only(page, server, marked):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("/communication/phone-etiquette/?h=" + marked.replace("#", ""))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".md-content__inner mark.hb-highlight img").count() == 0
    assert errors == []


def test_a_phrase_result_offers_the_cards_line_to_copy(browser, server):
    """The result draws the phrase card's own line (macros.html's phrase_line): label, text, copy."""
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    search(page, "put you through", "/en/")
    say = page.locator(".hb-search-result--phrase .hb-phrase__say").first
    say.wait_for()
    line = say.locator(".hb-phrase__line").inner_text()
    assert say.locator(".hb-label").text_content() == "Say" and line
    say.locator("button.hb-copy").click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == line
    context.close()
