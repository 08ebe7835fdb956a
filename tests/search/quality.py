"""Run a search-quality set in Chromium, typing like a reader: heldout.yml (questions written
before their answers were looked up, never tuned on: the figure that counts), dev.yml (the first
such set, tuned on after its first measurement) or queries.yml (the set search is tuned on).

Shared by tests/test_search_quality.py and scripts/bench.py; each query is searched with
tests/helpers.py's ``search`` (typed as a reader types). For each query it records the
result links in order and the time from the last ``input`` event to the list showing
that query's results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from handbook.nav import lang_prefix

from helpers import SEARCH_BOX, result_links, search

QUERIES = Path(__file__).with_name("queries.yml")
HELD_OUT = Path(__file__).with_name("heldout.yml")
# The third set, written blind by someone who had seen none of the others, after the search was
# tuned; measured first on 2026-12-08 (zh top-1 46.5 %, top-3 74.4 %; en 65.1 %, 81.4 %).
HELD_OUT_3 = Path(__file__).with_name("heldout3.yml")
DEV = Path(__file__).with_name("dev.yml")

# Notes the time of the last input event and of the list answering it.
TIMER = """() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__hbTimes = {};
  input.addEventListener("input", () => { window.__hbLastInput = performance.now(); });
  new MutationObserver(() => {
    if (list.dataset.query) window.__hbTimes[list.dataset.query] = performance.now() - window.__hbLastInput;
  }).observe(list, {attributes: true, attributeFilter: ["data-query"]});
}"""


@dataclass(frozen=True)
class Outcome:
    lang: str
    query: str
    expected: list[str]  # the answering page, then any others that answer too
    found: list[str]  # result pages, as paths from the language root
    ms: float
    nothing: bool = False  # "nothing found": the finder and the most used pages instead of results

    @property
    def rank(self) -> int | None:
        ranks = [self.found.index(page) + 1 for page in self.expected if page in self.found]
        return min(ranks, default=None)


def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    """Per language, the questions that have an answer (a held-out set's unanswered ones are apart)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: items for lang, items in data.items() if lang != "unanswered"}


def clear_query(page) -> None:
    page.fill(SEARCH_BOX, "")
    page.dispatch_event(SEARCH_BOX, "input")


def run(page, base_url: str, lang: str, queries: list[dict]) -> list[Outcome]:
    root = "/" + lang_prefix(lang)
    page.goto(base_url + root)
    page.wait_for_load_state("networkidle")
    page.evaluate(TIMER)
    outcomes = []
    for item in queries:
        clear_query(page)
        search(page, item["q"])
        found = [urlsplit(h).path.removeprefix(root) for h in result_links(page)]
        ms = page.evaluate("q => window.__hbTimes[q]", item["q"])
        nothing = page.locator(".hb-search-result--finder").count() > 0
        outcomes.append(Outcome(lang, item["q"], [item["page"], *item.get("also", [])], found, ms, nothing))
    return outcomes


def hit_rate(outcomes: list[Outcome], top: int) -> float:
    return sum(1 for o in outcomes if o.rank is not None and o.rank <= top) / len(outcomes)


def zero_rate(outcomes: list[Outcome]) -> float:
    """The share of questions that found nothing (they all have an answer)."""
    return sum(1 for o in outcomes if o.nothing) / len(outcomes)
