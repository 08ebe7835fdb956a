"""Staff on a phone: every page at 390×844 in Chromium, and the controls they use there.

One browser context walks every page of both languages (a page per test would start
Chromium's page machinery 90 times); the other tests each look at one behaviour.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import LANGS, pages
from helpers import axe, serious

PHONE = {"width": 390, "height": 844}


def site_paths(site) -> list[str]:
    return sorted(
        ("/" if lang == "zh" else f"/{lang}/") + rel.removesuffix("index.html")
        for lang in LANGS
        for rel in pages(site, lang)
    )


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(base_url=server, viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


# Content sticking out past the screen's right edge, unless it is inside its own scrolling box
# (Material's wrapper of a wide Markdown table): the page itself must not scroll sideways.
STICKING_OUT = """() => [...document.querySelectorAll('article *')].filter(e => {
    const r = e.getBoundingClientRect();
    if (r.right <= innerWidth + 1 || !r.width || !r.height) return false;
    for (let p = e.parentElement; p; p = p.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
    }
    return true;
  }).slice(0, 3).map(e => `${e.tagName}.${e.className}`)"""


def test_every_page_fits_a_phone_and_loads_without_errors(browser, server, site):
    """No sideways scrolling at 390 px or 320 px, no console error and no failed request, in both languages."""
    context = browser.new_context(base_url=server, viewport=PHONE)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: script: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"{page.url}: failed: {r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{page.url}: {r.status} {r.url}"))
    paths = site_paths(site)
    assert len(paths) > 80 and "/en/communication/on-the-call/" in paths
    too_wide = {}
    for path in paths:
        page.set_viewport_size(PHONE)
        page.goto(path, wait_until="networkidle")
        for width in (390, 320):
            page.set_viewport_size({"width": width, "height": 844})
            scroll = page.evaluate("document.documentElement.scrollWidth")
            out = page.evaluate(STICKING_OUT)
            if scroll > width or out:
                too_wide[f"{path} @{width}"] = (scroll, out)
    context.close()
    assert too_wide == {}
    assert problems == []


def test_language_switch_keeps_the_anchor_and_marks_the_language(phone):
    anchor = "#standard-hold-within-announced-time"
    phone.goto("/standards/catalogue/" + anchor)
    phone.locator(".md-header__option .md-select button").click()
    current = phone.locator("a.md-select__link[aria-current]")
    assert current.count() == 1 and current.get_attribute("hreflang") == "zh"
    phone.locator("a.md-select__link[hreflang='en']").click()
    phone.wait_for_load_state()
    url = urlsplit(phone.url)
    assert (url.path, "#" + url.fragment) == ("/en/standards/catalogue/", anchor)
    assert phone.locator("a.md-select__link[aria-current]").get_attribute("hreflang") == "en"
    assert _in_view(phone, anchor), "the English page opens on the same card"


def test_language_switch_finds_the_same_heading_under_its_other_name(phone):
    """Heading ids are words of each language; the heading in the same position is found."""
    phone.goto("/communication/phone-etiquette/#请客户等待")
    phone.locator(".md-header__option .md-select button").click()
    phone.locator("a.md-select__link[hreflang='en']").click()
    phone.wait_for_load_state()
    phone.wait_for_function("location.hash === '#putting-a-caller-on-hold'")
    assert urlsplit(phone.url).path == "/en/communication/phone-etiquette/"
    assert _in_view(phone, "#putting-a-caller-on-hold")


def test_language_switch_follows_an_anchor_set_after_loading(phone):
    """The call mode changes the address without a hashchange; the switch still keeps it."""
    phone.goto("/en/communication/on-the-call/")
    phone.locator("[data-call-go='1']").click()
    phone.locator(".md-header__option .md-select button").click()
    phone.locator("a.md-select__link[hreflang='zh']").click()
    phone.wait_for_load_state()
    assert urlsplit(phone.url).fragment == "call-need"
    assert phone.locator("#call-need").is_visible() and not phone.locator("#call-answer").is_visible()


def _in_view(page, selector: str) -> bool:
    return page.evaluate(
        """sel => { const r = document.querySelector(sel).getBoundingClientRect();
                    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
                    return r.top >= header - 1 && r.top < innerHeight; }""",
        selector,
    )


def test_measured_by_links_land_on_the_card_below_the_header(phone):
    phone.goto("/roles/duties/")
    link = phone.locator("a[href*='catalogue/#standard-']").first
    target = "#" + link.get_attribute("href").split("#")[1]
    link.click()
    phone.wait_for_load_state()
    assert _in_view(phone, target)


@pytest.mark.parametrize("path, wrong", [("/self-assessment/listening-quiz/", 5), ("/en/self-assessment/listening-quiz/", 15)])
def test_quiz_score_is_in_view_after_submitting(phone, path, wrong):
    phone.goto(path)
    fieldsets = phone.locator("form[data-quiz] fieldset[data-answer]")
    for i in range(fieldsets.count()):
        fs = fieldsets.nth(i)
        key = fs.get_attribute("data-answer")
        fs.locator(f"input[value='{key if i >= wrong else ('yes' if key == 'no' else 'no')}']").check()
    phone.locator("form[data-quiz] [type='submit']").click()
    score = phone.locator("[data-quiz-result] .lq-score")
    assert str(105 - 7 * wrong) in score.inner_text()
    box = score.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    result = phone.locator("[data-quiz-result]")
    assert result.get_attribute("role") == "status" and result.get_attribute("aria-live") == "polite"


STAGES = ["call-answer", "call-need", "call-hold", "call-transfer", "call-message", "call-close"]


@pytest.mark.parametrize("path", ["/communication/on-the-call/", "/en/communication/on-the-call/"])
def test_call_mode_shows_one_stage_at_a_time(phone, path):
    phone.goto(path)
    stages = phone.locator(".hb-call__stage")
    assert stages.evaluate_all("els => els.map(e => e.id)") == STAGES

    def shown() -> list[str]:
        return stages.evaluate_all("els => els.filter(e => e.offsetParent).map(e => e.id)")

    assert shown() == ["call-answer"]
    assert phone.locator("[data-call-go='-1']").is_disabled()
    phone.locator("[data-call-go='1']").click()
    assert shown() == ["call-need"] and urlsplit(phone.url).fragment == "call-need"
    phone.keyboard.press("ArrowRight")
    assert shown() == ["call-hold"]
    phone.keyboard.press("ArrowLeft")
    assert shown() == ["call-need"]
    phone.keyboard.press("6")
    assert shown() == ["call-close"] and phone.locator("[data-call-go='1']").is_disabled()
    assert phone.locator(".hb-call__steps a[aria-current='step']").get_attribute("href") == "#call-close"
    phone.locator(".hb-call__steps a[href='#call-hold']").click()
    assert shown() == ["call-hold"]
    # Each stage: its lines to say with a copy button, and the standard that applies.
    hold = phone.locator("#call-hold")
    assert hold.locator(".hb-phrase__say button.hb-copy").count() >= 1
    assert hold.locator(".hb-call__standards a[href*='#standard-hold-within-announced-time']").count() == 1
    phone.goto(path + "#call-transfer")
    assert shown() == ["call-transfer"]


def test_call_mode_without_javascript_is_a_plain_page_of_stages(browser, server):
    context = browser.new_context(base_url=server, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/communication/on-the-call/")
    visible = page.locator(".hb-call__stage").evaluate_all("els => els.filter(e => e.offsetParent).map(e => e.id)")
    assert visible == STAGES
    assert not page.locator(".hb-call__buttons").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/communication/on-the-call/", "/communication/phrase-cards/", "/en/standards/catalogue/"])
def test_copy_buttons_and_main_controls_are_thumb_sized(phone, path):
    phone.goto(path)
    selector = "button.hb-copy, .hb-call__buttons button, .hb-call__steps a, .hb-filter select, .md-header__button"
    sizes = phone.locator(selector).evaluate_all(
        """els => els.filter(e => e.offsetParent).map(e => {
             const r = e.getBoundingClientRect();
             return [e.className || e.tagName, Math.round(r.width), Math.round(r.height)]; })"""
    )
    assert sizes
    assert [s for s in sizes if s[1] < 44 or s[2] < 44] == []


def test_standards_list_filters_by_side_dimension_and_owner(phone):
    phone.goto("/en/standards/catalogue/#all-standards-at-a-glance")
    items = phone.locator("[data-filter-list] > li")
    total = items.count()
    visible = lambda: items.evaluate_all("els => els.filter(e => !e.hidden).map(e => e.dataset)")  # noqa: E731
    phone.select_option("select[data-filter='side']", "hardware")
    hardware = visible()
    assert 0 < len(hardware) < total and {d["side"] for d in hardware} == {"hardware"}
    phone.select_option("select[data-filter='side']", "")
    phone.select_option("select[data-filter='owner']", "call-centre-agent")
    phone.select_option("select[data-filter='dimension']", "responsiveness")
    both = visible()
    assert both and all(d["owner"] == "call-centre-agent" and d["dimension"] == "responsiveness" for d in both)
    assert f"Showing {len(both)} of {total}" in phone.locator("[data-filter-count]").inner_text()


@pytest.mark.parametrize("path", ["/blueprints/phone-order-enquiry/", "/en/blueprints/bank-complaint/"])
def test_blueprints_are_step_cards_on_a_phone_and_a_grid_on_a_desktop(phone, browser, server, path):
    phone.goto(path)
    assert phone.locator(".hb-bp-steps").is_visible() and not phone.locator(".hb-blueprint").is_visible()
    assert phone.locator(".hb-bp-steps__legend").is_visible() and not phone.locator(".hb-bp__legend").is_visible()
    steps = phone.locator(".hb-bp-step")
    assert steps.count() == phone.locator(".hb-bp thead th").count() - 1
    assert phone.locator(".hb-bp-step--fail .hb-bp__point--fail").count() >= 1
    # The fail/wait point table: each cell the table's full width, labelled, not a column a word wide.
    table = phone.locator("table.hb-bp-points").bounding_box()
    risk = phone.locator("table.hb-bp-points td[data-label]").nth(1)
    assert risk.bounding_box()["width"] > 0.9 * table["width"]
    assert risk.evaluate("td => getComputedStyle(td, '::before').content").strip('"').startswith(risk.get_attribute("data-label"))
    context = browser.new_context(base_url=server, viewport={"width": 1366, "height": 900})
    desk = context.new_page()
    desk.goto(path)
    assert desk.locator(".hb-blueprint").is_visible() and not desk.locator(".hb-bp-steps").is_visible()
    assert desk.locator(".hb-bp__legend").is_visible() and not desk.locator(".hb-blueprint .hb-bp__legend").count()
    assert not desk.locator(".hb-bp-steps__legend").is_visible()
    # The lane column stays put while the grid scrolls, and its labels are not one character a line.
    label = desk.locator(".hb-bp tbody th[scope='row']:not([colspan])").first
    cell = desk.locator(".hb-bp tbody td").first
    before, cell_before = label.bounding_box(), cell.bounding_box()
    desk.locator(".hb-blueprint").evaluate("el => el.scrollLeft = 400")
    assert cell_before["x"] - cell.bounding_box()["x"] > 300
    assert abs(label.bounding_box()["x"] - before["x"]) < 1
    assert before["width"] >= 4 * 16
    context.close()


@pytest.mark.parametrize("path", ["/communication/on-the-call/", "/en/blueprints/phone-order-enquiry/", "/standards/catalogue/"])
def test_phone_layouts_have_no_serious_accessibility_violations(phone, path):
    phone.goto(path)
    assert serious(axe(phone)) == []


ENGLISH_INTERFACE = re.compile(r'title="Permanent link"|Jump back to footnote|alt="logo"')


def test_chinese_pages_carry_no_english_interface_text(site):
    found = {rel: ENGLISH_INTERFACE.findall(path.read_text(encoding="utf-8")) for rel, path in pages(site, "zh").items()}
    assert {rel: hits for rel, hits in found.items() if hits} == {}
    # English pages keep the extensions' own words.
    english = pages(site, "en")["index.html"].read_text(encoding="utf-8")
    assert 'title="Permanent link"' in english


@pytest.mark.parametrize(
    "path, first",
    [
        ("/communication/phrase-cards/", ".hb-phrase"),
        ("/en/communication/phrase-cards/", ".hb-phrase"),
        ("/communication/phone-etiquette/", "article h2"),  # the first call stage, 接听电话
        ("/en/communication/phone-etiquette/", "article h2"),
        ("/standards/catalogue/", ".hb-standard"),
        ("/en/standards/catalogue/", ".hb-standard"),
        ("/communication/on-the-call/", ".hb-call__stage .hb-phrase__say"),
    ],
)
def test_daily_use_pages_open_on_their_first_card(phone, path, first):
    phone.goto(path)
    assert phone.locator(first).first.bounding_box()["y"] < PHONE["height"] - 40


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_has_no_learning_objectives_box(site, lang):
    html = pages(site, lang)["glossary/index.html"].read_text(encoding="utf-8")
    assert 'class="admonition abstract"' not in html and "details class=\"abstract\"" not in html


@pytest.mark.parametrize("path", ["/en/", "/", "/en/foundations/customer-role/"])
def test_header_shows_the_whole_site_name_and_page_title(phone, path):
    """At 390 px "Customer Service Handbook" and a long page title wrap to two lines in the
    header instead of ending in "…" (the page title replaces the site name once scrolled)."""
    phone.goto(path)
    # The text's own box (a Range) against the box that clips it: "…" or a clamped third line
    # leave the text sticking out.
    clipped = """() => [...document.querySelectorAll('.md-header__topic .md-ellipsis')].map(e => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const text = range.getBoundingClientRect(), box = e.getBoundingClientRect();
        return [e.textContent.trim(), text.right > box.right + 1 || text.bottom > box.bottom + 3];
      })"""
    topics = phone.evaluate(clipped)
    assert len(topics) == 2 and all(text for text, _ in topics), topics
    assert [text for text, cut in topics if cut] == []
