"""The training section as trainers see it in the built site: the course plan from
data/course.yml and one page per session in the lesson plan's layout, in both languages."""

from __future__ import annotations

import json

import html
import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, lang_root
from handbook.load import load_handbook

HB = load_handbook(ROOT / "data")
PARTS = ["objectives", "key-and-difficult-points", "task-analysis", "lead-in", "delivery", "practice",
         "knowledge-links", "timing", "materials", "board-plan", "summary", "pages-taught"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_chapter_has_a_session():
    assert {s.chapter for s in HB.course.sessions} == {c.id for c in HB.course.chapters}


@pytest.mark.parametrize("lang", LANGS)
def test_each_session_page_shows_the_lesson_plan_parts_in_order(site, lang):
    for session in HB.course.sessions:
        page = soup(lang_root(site, lang) / "training" / session.id / "index.html")
        article = page.select_one("article.md-content__inner")
        ids = [h["id"] for h in article.find_all("h2") if h.get("id") in PARTS]
        assert ids == PARTS, (session.id, ids)
        assert article.select_one(f"#session-{session.id}") is not None
        rows = article.select("table.hb-session__timing tbody tr")
        minutes = [int(row.find_all("td")[2].get_text()) for row in rows]
        assert sum(minutes) == session.minutes
        assert rows[-1].find_all("td")[0].get_text().endswith(f"{session.minutes // 60}:{session.minutes % 60:02d}")
        cards = article.select(".hb-session__cards a")
        assert [a["href"].rsplit("#", 1)[1] for a in cards] == [f"roleplay-{r}" for r in session.roleplays]
        taught = [a.get_text() for a in article.select("#pages-taught + ul a")]
        assert len(taught) == len(session.pages) and all(taught), (session.id, taught)


@pytest.mark.parametrize("lang", LANGS)
def test_the_overview_maps_every_session_to_its_page_and_the_pages_it_teaches(site, lang):
    root = lang_root(site, lang)
    page = soup(root / "training" / "index.html")
    for programme in HB.course.programmes:
        plan = page.select_one(f"#programme-{programme.id}")
        assert plan is not None, programme.id
        assert plan.select_one("tfoot td").get_text() == f"{programme.hours:g}"
        for block in programme.blocks:
            for session_id in block.sessions:
                link = plan.select_one(f'a[href$="#session-{session_id}"]')
                assert link is not None and link.get_text() == HB.session(session_id).title(lang)
                target = posixpath.normpath(posixpath.join("training", link["href"].split("#")[0]))
                assert (root / target / "index.html").is_file(), target
        for href in (a["href"] for a in plan.select(".hb-plan__pages a")):
            target = posixpath.normpath(posixpath.join("training", href))
            assert (root / target / "index.html").is_file(), target


@pytest.mark.parametrize("lang, badge", [("zh", "本手册补充"), ("en", "Handbook addition")])
def test_timings_carry_the_handbook_addition_badge(site, lang, badge):
    page = soup(lang_root(site, lang) / "training" / "phone-enquiries" / "index.html")
    timing = page.select_one("#timing").find_next_sibling()
    assert badge in timing.get_text()


def test_every_case_and_the_phone_and_counter_scenarios_have_a_role_play():
    cases = {p.relative_to(ROOT / "docs" / "zh").as_posix() for p in (ROOT / "docs/zh/cases").glob("*.md")} - {"cases/index.md"}
    briefs = {r.page for r in HB.roleplays.roleplays if r.scenario == "case"}
    assert cases <= briefs, cases - briefs
    assert {r.scenario for r in HB.roleplays.roleplays} == {"case", "phone", "counter"}


@pytest.mark.parametrize("lang", LANGS)
def test_each_role_play_is_a_deck_of_four_cards_whose_checklist_links_resolve(site, lang):
    root = lang_root(site, lang)
    page = soup(root / "training" / "roleplays" / "index.html")
    decks = page.select(".hb-deck")
    assert [d["id"] for d in decks] == [f"deck-{r.id}" for r in HB.roleplays.roleplays]
    for deck in decks:
        kinds = [card["class"][1] for card in deck.select(":scope > .hb-rp")]
        assert kinds == ["hb-rp--customer", "hb-rp--staff", "hb-rp--observer", "hb-rp--debrief"]
        links = deck.select(".hb-rp__refs a")
        assert links, deck["id"]
        for a in links:
            path, _, anchor = a["href"].partition("#")
            target = root / posixpath.normpath(posixpath.join("training/roleplays", path)) / "index.html"
            assert target.is_file() and f'id="{anchor}"' in target.read_text(encoding="utf-8"), a["href"]


@pytest.mark.parametrize("lang", LANGS)
def test_printed_card_deck_has_four_cards_to_an_a4_page(page, lang, tmp_path):
    """Print media, A4: after the introduction every page holds one deck of four cards, and no card's
    text runs past its cut lines."""
    import subprocess

    prefix = "" if lang == "zh" else "en/"
    page.set_viewport_size({"width": 680, "height": 1000})  # about A4's printable width
    page.goto(f"/{prefix}training/roleplays/")
    page.emulate_media(media="print")
    overflowing = page.evaluate("""() => [...document.querySelectorAll('.hb-rp')]
        .filter(card => card.scrollHeight > card.clientHeight + 1).map(card => card.closest('.hb-deck').id)""")
    assert overflowing == []
    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
    labels = ("客户卡", "员工卡", "观察员清单", "讲评问题") if lang == "zh" else \
        ("Customer card", "Staff card", "Observer checklist", "Debrief questions")
    intro = "学习目标" if lang == "zh" else "Learning objectives"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    decks = [p for p in text.split("\f") if intro not in p and any(label in p for label in labels)]
    assert len(decks) == len(HB.roleplays.roleplays)
    for n, deck_page in enumerate(decks):
        assert [deck_page.count(label) for label in labels] == [1, 1, 1, 1], (n, deck_page[:300])


@pytest.mark.parametrize("lang", LANGS)
def test_answer_keys_are_shown_in_the_training_section_only(site, lang):
    root = lang_root(site, lang)
    answers = [html.escape(q.answer(lang)) for check in HB.course.checks for q in check.questions]
    assessment = (root / "training" / "assessment" / "index.html").read_text(encoding="utf-8")
    assert all(answer in assessment for answer in answers)
    assert 'class="success hb-key"' in assessment
    for page in root.rglob("*.html"):
        rel = page.relative_to(root).as_posix()
        if rel.startswith("training/") or (lang == "zh" and rel.startswith("en/")):
            continue
        text = page.read_text(encoding="utf-8")
        assert not [a for a in answers if a in text] and "hb-key" not in text, rel


def test_every_chapter_has_a_knowledge_check_and_every_rubric_row_scores_standards():
    assert {c.chapter for c in HB.course.checks} == {c.id for c in HB.course.chapters}
    assert HB.roleplays.rubric and all(c.standards for c in HB.roleplays.rubric)


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_pack_offers_every_session_deck_and_handout_and_keeps_them_out_of_search(site, lang):
    page = soup(lang_root(site, lang) / "training" / "pack" / "index.html")
    boxes = [box["value"] for box in page.select("form[data-pack] input[name=pack]")]
    items = [item["data-pack-item"] for item in page.select(".hb-pack__items [data-pack-item]")]
    assert boxes == items
    assert {f"session-{s.id}" for s in HB.course.sessions} | {f"deck-{r.id}" for r in HB.roleplays.roleplays} \
        | {f"key-{k.chapter}" for k in HB.course.checks} | {"rubric"} <= set(items)
    pack_url = ("" if lang == LANGS[0] else f"{lang}/") + "training/pack/"
    index = json.loads((site / "search" / lang / "docs.json").read_text(encoding="utf-8"))
    pack = next(p for p, row in enumerate(index["pages"]) if row[0] == pack_url)
    assert [row[1] for row in index["docs"] if row[2] == pack] == [page.select_one("h1").get_text().removesuffix("¶")]
    assert not page.select(".hb-pack__items [id^=session-], .hb-pack__items [id^=deck-]")  # the homes stay put


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_pack_prints_only_what_is_ticked(page, lang, tmp_path):
    import subprocess

    prefix = "" if lang == "zh" else "en/"
    page.goto(f"/{prefix}training/pack/")
    assert page.is_visible("form[data-pack]") and page.is_disabled("[data-pack-print]")
    page.check('input[value="session-phone-enquiries"]')
    page.check('input[value="deck-hotels"]')
    assert page.is_enabled("[data-pack-print]")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('[data-pack-item]')]
        .filter(item => getComputedStyle(item).display !== 'none').map(item => item.dataset.packItem)""")
    assert shown == ["session-phone-enquiries", "deck-hotels"]
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    phone, hotels = HB.session("phone-enquiries").title(lang), next(
        r for r in HB.roleplays.roleplays if r.id == "hotels").title(lang)
    assert pages[0].lstrip().startswith(phone)  # no blank first page, nothing of the page itself
    assert hotels in pages[-1] and phone not in pages[-1]
    others = [s.title(lang) for s in HB.course.sessions if s.id != "phone-enquiries"]
    assert not [title for title in others if title in text]
    card = "客户卡" if lang == "zh" else "Customer card"
    assert text.count(card) == 1  # one deck: the hotels'
    assert len(pages) >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdfs_take_the_print_packs_introduction_only(site, lang):
    """The pack repeats pages the section PDF has already: its form and copies stay off paper."""
    from handbook.pdf.extract import extract

    article = extract(site, "training/pack.md", lang, {}, "https://handbook.example.org/", "pack", [0])
    assert article.soup.select_one("h1") is not None
    assert not article.soup.select("[data-pack-item], form, .hb-pack__nojs")
    session = extract(site, "training/phone-enquiries.md", lang, {}, "https://handbook.example.org/", "s", [0])
    assert session.soup.select(".hb-session__timing")  # the session's own page keeps its plan
