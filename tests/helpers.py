"""What the browser tests do the same way everywhere: search as a reader does, and run axe-core.
(The server and the browser are fixtures in conftest.py; scripts/bench.py searches with this too.)"""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
SEARCH_BOX = "input.md-search__input"


def search(page, query: str, url: str | None = None, paste: bool = False):
    """Search the way a reader does and wait until the list answers this query; its items (a locator).

    ``url`` is opened first and left to load its index, as a reader arrives before searching. On a
    phone the box opens from the header's magnifier. Latin text is typed key by key, Chinese arrives
    as committed input-method text; ``paste`` puts the whole text in one ``input`` event, without
    keys, as pasting or dictation does.
    """
    if url is not None:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    magnifier = page.locator("label.md-header__button[for='__search']")
    if magnifier.is_visible() and not page.is_checked("#__search"):
        magnifier.click()
    page.click(SEARCH_BOX)
    if paste:
        page.fill(SEARCH_BOX, query)
    elif query.isascii():
        page.keyboard.type(query, delay=30)
    else:
        page.keyboard.insert_text(query)
    page.wait_for_function("q => document.querySelector('.md-search-result__list').dataset.query === q",
                           arg=query.strip(), timeout=15_000)
    return page.locator(".md-search-result__item")


def result_links(page) -> list[str]:
    """The search results' links, in order, as absolute URLs."""
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => a.href)")


def axe(page, include: list[str] | None = None, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the page as it is now: within the elements ``include`` selects if
    given, and only ``rules`` if given (to run one the default set leaves out, such as target-size)."""
    page.add_script_tag(content=AXE_JS)
    context = {"include": [[selector] for selector in include]} if include else None
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    return page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])["violations"]


def serious(violations: list[dict]) -> list[tuple[str, list]]:
    """The serious and critical ones, each with the first three elements it names."""
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]
