"""The training section as trainers see it in the built site: the course plan from
data/course.yml and one page per session in the lesson plan's layout, in both languages."""

from __future__ import annotations

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
