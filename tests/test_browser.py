"""What a reader does in a real browser (Debian's Chromium via Playwright)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from helpers import axe, result_links, search, serious


@pytest.mark.parametrize(
    "url, query, expect_en",
    [("/", "电话", False), ("/", "投诉", False), ("/en/", "phone", True), ("/en/", "complaint", True)],
)
def test_search_returns_results_in_the_readers_language(page, server, url, query, expect_en):
    search(page, query, url)
    hrefs = result_links(page)
    assert hrefs
    in_english = [urlsplit(h).path.startswith("/en/") for h in hrefs]
    assert all(in_english) if expect_en else not any(in_english), hrefs


@pytest.mark.parametrize("url, query", [("/", "投诉"), ("/en/", "complaint")])
def test_search_answers_text_that_arrives_without_a_key(page, server, url, query):
    """Pasted or dictated text arrives in one ``input`` event, without keys (like Playwright's fill)."""
    assert search(page, query, url, paste=True).count() > 0


def test_chinese_search_finds_a_word_inside_a_compound(page, server):
    """接听电话 is indexed as 接听 + 电话, so a search for 电话 reaches the phone etiquette page."""
    search(page, "电话", "/")
    hrefs = result_links(page)
    assert any("/communication/phone-etiquette/" in h for h in hrefs), hrefs


def test_language_switch_lands_on_the_same_page(page, server):
    page.goto("/communication/phone-etiquette/")
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/en/communication/phone-etiquette/"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang='zh']").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/communication/phone-etiquette/"


def test_phrase_copy_button_copies_the_line(browser, server):
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("/communication/phrase-cards/")
    card = page.locator(".hb-phrase").first
    line = card.locator(".hb-phrase__say .hb-phrase__line").inner_text()
    card.locator("button.hb-copy").click()
    page.wait_for_timeout(300)
    assert page.evaluate("navigator.clipboard.readText()") == line
    context.close()


SAMPLE_PAGES = [
    "/",
    "/en/",
    "/communication/phrase-cards/",
    "/en/communication/phone-etiquette/",
    "/standards/catalogue/",
    "/en/roles/duties/",
    "/blueprints/phone-order-enquiry/",
    "/en/self-assessment/listening-quiz/",
    "/glossary/",
    "/en/communication/on-the-call/",
    "/training/",
    "/en/training/phone-enquiries/",
    "/training/roleplays/",
    "/en/training/assessment/",
    "/training/pack/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_pages_have_no_serious_accessibility_violations(page, server, path, scheme):
    """Both palettes: Material follows the reader's system setting, and phones at night are dark."""
    page.emulate_media(color_scheme=scheme)
    page.goto(path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    assert serious(axe(page)) == []


@pytest.mark.parametrize("viewport", [(1350, 940), (412, 823)], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", [*SAMPLE_PAGES, "/en/communication/phrase-cards/"])
def test_targets_are_big_enough_to_hit(page, server, path, viewport):
    """WCAG 2.2 target size (axe's target-size, which the default run leaves out): every link and
    button is 24 × 24 CSS px or has that much room around it, in the wide layout with both
    sidebars and on a phone. Lighthouse found the home page's "Suggest a change" link and the
    desktop sidebar links too small."""
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(path)
    small = [(n["target"], n["failureSummary"].splitlines()[1].strip()) for v in axe(page, rules=["target-size"]) for n in v["nodes"]]
    assert small == []


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_pages_make_no_third_party_requests(page, server, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page, server) == []


def _answer_quiz(page, wrong: int) -> str:
    """Answer every statement per the key except the first ``wrong`` ones, then score."""
    fieldsets = page.locator("form[data-quiz] fieldset[data-answer]")
    count = fieldsets.count()
    for i in range(count):
        fs = fieldsets.nth(i)
        key = fs.get_attribute("data-answer")
        choice = key if i >= wrong else ("yes" if key == "no" else "no")
        fs.locator(f"input[value='{choice}']").check()
    page.locator("form[data-quiz] [type='submit']").click()
    return page.locator("[data-quiz-result]").inner_text()


@pytest.mark.parametrize(
    "path, wrong, score, band",
    [
        ("/self-assessment/listening-quiz/", 0, "105", "91"),
        ("/en/self-assessment/listening-quiz/", 2, "91", "91–105"),
        ("/en/self-assessment/listening-quiz/", 3, "84", "77–90"),
        ("/self-assessment/listening-quiz/", 5, "70", "76"),
    ],
)
def test_listening_quiz_scores_itself_with_the_course_rule(page, server, path, wrong, score, band):
    """Score = 105 − 7 × wrong answers; bands 91–105 / 77–90 / ≤ 76."""
    page.goto(path)
    assert page.locator("form[data-quiz] fieldset[data-answer]").count() == 15
    result = _answer_quiz(page, wrong)
    assert score in result and band in result, result
    assert foreign_requests(page, server) == []


def foreign_requests(page, server) -> list[str]:
    return [url for url in page.requests if not url.startswith((server, "data:", "blob:"))]
