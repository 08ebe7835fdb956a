"""Search indexes: one per language, Chinese segmented so that words inside compounds are found."""

from __future__ import annotations

import json
import re

import pytest

from conftest import LANGS, lang_root, pages


def index(site, lang):
    return json.loads((lang_root(site, lang) / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index_of_its_own_pages(site, lang):
    docs = index(site, lang)["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    built = {rel.removesuffix("index.html") for rel in pages(site, lang)}
    assert built <= locations
    assert not [loc for loc in locations if loc.startswith("en/")]


def test_english_index_is_english_and_chinese_index_is_chinese(site):
    han = re.compile(r"[\u4e00-\u9fff]")
    zh_titles = [d["title"] for d in index(site, "zh")["docs"] if "#" not in d["location"]]
    en_titles = [d["title"] for d in index(site, "en")["docs"] if "#" not in d["location"]]
    assert all(han.search(t) for t in zh_titles), [t for t in zh_titles if not han.search(t)]
    assert not [t for t in en_titles if han.search(t)]


def tokens(site, lang) -> set[str]:
    idx = index(site, lang)
    separator = re.compile(idx["config"]["separator"])
    return {tok for d in idx["docs"] for tok in separator.split(d["title"] + " " + d["text"]) if tok}


def test_chinese_text_is_segmented_into_words(site):
    toks = tokens(site, "zh")
    for word in ("电话", "客户", "服务", "标准", "投诉", "蓝图"):
        assert word in toks, word
    # Without the user dictionary jieba keeps these compounds whole and a
    # search for the second word misses them (search matches token prefixes).
    for compound in ("接听电话", "客户服务", "售后服务", "服务质量"):
        assert compound not in toks, compound


def test_index_is_not_stemmed(site):
    """Queries are not stemmed, so a stemmed index would miss 'services' → 'servic'."""
    assert index(site, "zh")["config"]["pipeline"] == ["stopWordFilter"]
