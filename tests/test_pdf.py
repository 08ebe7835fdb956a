"""Trainer PDFs (handbook.pdf / scripts/pdf): generated once into the session's built site."""

from __future__ import annotations

import functools
import math
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, lang_root, pages
from handbook.load import load_handbook
from handbook.pdf import BILINGUAL, SECTIONS, build_pdfs, expected_names
from handbook.pdf.nav import page_file, read_site

SITE_NAV = read_site(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def pdfs(site, tmp_path_factory) -> dict[str, Path]:
    sources = tmp_path_factory.mktemp("pdf-src")
    made = build_pdfs(site, keep_sources=sources)
    return {m.path.name: m.path for m in made} | {"_sources": sources}


def run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    """Text without whitespace (lines wrap anywhere in a PDF), ligatures unfolded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=None)
def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages_opt = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", *pages_opt, str(pdf), "-")


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))


def h1(site: Path, src: str, lang: str) -> str:
    doc = BeautifulSoup(page_file(site, src, lang).read_text(encoding="utf-8"), "html.parser")
    heading = doc.select_one("article.md-content__inner h1")
    for link in heading.select("a.headerlink"):
        link.decompose()
    return heading.get_text(" ", strip=True)


def fonts(pdf: Path) -> list[dict[str, str]]:
    lines = run("pdffonts", str(pdf)).splitlines()[2:]
    rows = []
    for line in lines:
        m = re.match(r"(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        if m:
            rows.append(dict(zip(("name", "type", "encoding", "emb", "sub", "uni"), m.groups())))
    return rows


def test_every_pdf_exists_for_both_languages(pdfs):
    for name in expected_names():
        path = pdfs.get(name)
        assert path and path.exists(), name
        assert path.read_bytes()[:5] == b"%PDF-", name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", SECTIONS)
def test_section_pdf_has_every_page_title(pdfs, site, section, lang):
    content = squash(text(pdfs[f"{section}-{lang}.pdf"]))
    missing = [src for src in SITE_NAV.section(section).pages if squash(h1(site, src, lang)) not in content]
    assert missing == []


@pytest.mark.parametrize("section", BILINGUAL)
def test_bilingual_handout_has_both_languages(pdfs, site, section):
    content = squash(text(pdfs[f"{section}-bilingual.pdf"]))
    for src in SITE_NAV.section(section).pages:
        for lang in LANGS:
            assert squash(h1(site, src, lang)) in content, (lang, src)


@pytest.mark.parametrize("name", ["foundations-zh.pdf", "phrase-cards-zh.pdf", "communication-bilingual.pdf"])
def test_chinese_pdfs_embed_their_cjk_font(pdfs, name):
    rows = fonts(pdfs[name])
    assert rows and all(r["emb"] == "yes" for r in rows), rows
    # Chromium embeds Noto CJK (CFF outlines) as Type 3 glyph programs without a font name,
    # and a TrueType CJK font as a named CID font: accept either, but it must be embedded,
    # map back to Unicode, and the Chinese text must come out of the PDF.
    cjk = [r for r in rows if "CJK" in r["name"] or r["type"] == "Type 3"]
    assert cjk and all(r["uni"] == "yes" for r in cjk), rows
    content = text(pdfs[name])
    assert len(re.findall(r"[\u4e00-\u9fff]", content)) > 200
    assert "\ufffd" not in content  # no glyph without a Unicode mapping


@pytest.mark.parametrize("name", ["foundations-en.pdf", "phrase-cards-en.pdf"])
def test_english_pdfs_embed_their_fonts(pdfs, name):
    rows = fonts(pdfs[name])
    assert rows and all(r["emb"] == "yes" for r in rows), rows
    assert any(r["type"].startswith(("CID TrueType", "TrueType")) for r in rows), rows


def test_page_counts_are_sane(pdfs):
    cards = len(load_handbook(ROOT / "data").phrases.phrases)
    for lang in LANGS:
        sections = {s: page_count(pdfs[f"{s}-{lang}.pdf"]) for s in SECTIONS}
        assert all(n >= 2 for n in sections.values()), sections
        whole = page_count(pdfs[f"handbook-{lang}.pdf"])
        # One cover and one table of contents instead of eight of each.
        assert whole >= 20 and whole >= sum(sections.values()) - 3 * len(SECTIONS), (whole, sections)
        deck = page_count(pdfs[f"phrase-cards-{lang}.pdf"])
        assert 2 <= deck <= math.ceil(cards / 6) + 1, (deck, cards)


@pytest.mark.parametrize("lang", LANGS)
def test_phrase_deck_puts_at_least_six_cards_on_a_page(pdfs, lang):
    say = {"zh": "这样说", "en": "Say"}[lang]
    pdf = pdfs[f"phrase-cards-{lang}.pdf"]
    per_page = [text(pdf, n, n).splitlines().count(say) for n in range(1, page_count(pdf) + 1)]
    cards = len(load_handbook(ROOT / "data").phrases.phrases)
    assert sum(per_page) == cards, per_page
    assert all(n >= 6 for n in per_page[:-1]), per_page


def non_white_share(pdf: Path, tmp_path: Path) -> float:
    run("pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p"))
    pgm = next(tmp_path.glob("p*.pgm")).read_bytes()
    magic, width, height, maxval, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", pgm, re.S).groups()
    assert len(pixels) == int(width) * int(height)
    return sum(1 for v in pixels if v < 200) / len(pixels)


@pytest.mark.parametrize("name", ["foundations-zh.pdf", "blueprints-en.pdf", "phrase-cards-zh.pdf"])
def test_first_page_is_not_blank(pdfs, name, tmp_path):
    assert non_white_share(pdfs[name], tmp_path) > 0.01


@pytest.mark.parametrize("lang", LANGS)
def test_pdfs_have_no_site_chrome(pdfs, site, lang):
    """Texts only the site's chrome shows: skip link, search status line, the nav list."""
    home = BeautifulSoup((lang_root(site, lang) / "index.html").read_text(encoding="utf-8"), "html.parser")
    chrome = [
        home.select_one("a.md-skip").get_text(strip=True),
        home.select_one(".md-search-result__meta").get_text(strip=True),
        "".join(a.get_text(strip=True) for a in home.select(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")[:3]),
    ]
    assert all(chrome), chrome
    for name in (f"foundations-{lang}.pdf", f"handbook-{lang}.pdf"):
        content = squash(text(pdfs[name]))
        assert [c for c in chrome if squash(c) in content] == [], name


@pytest.mark.parametrize("lang", LANGS)
def test_running_header_footer_and_toc_page_numbers(pdfs, site, lang):
    pdf = pdfs[f"communication-{lang}.pdf"]
    total = page_count(pdf)
    footer = {"zh": f"第3/{total}页", "en": f"Page3/{total}"}[lang]
    third = squash(text(pdf, 3, 3))
    assert footer in third
    assert squash(SITE_NAV.section("communication").titles[lang]) in third  # running header
    # The table of contents gives each page's first sheet: check it against the PDF itself.
    toc = run("pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-")
    for src in SITE_NAV.section("communication").pages[:3]:
        title = h1(site, src, lang)
        m = re.search(re.escape(title) + r"\s*(\d+)\s*$", toc, re.M)
        assert m, (title, toc[:400])
        assert squash(title) in squash(text(pdf, int(m.group(1)), int(m.group(1)))), title


def test_print_documents_link_only_to_what_exists(pdfs):
    """In-document anchors resolve; no link is left relative to a page the PDF does not contain."""
    for path in sorted(pdfs["_sources"].glob("*.html")):
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids = {tag["id"] for tag in doc.find_all(id=True)}
        broken = [a["href"] for a in doc.find_all("a", href=True)
                  if a["href"].startswith("#") and unquote(a["href"][1:]) not in ids]
        relative = [a["href"] for a in doc.find_all("a", href=True)
                    if not re.match(r"(#|/|[a-z]+:)", a["href"])]
        assert broken == [] and relative == [], path.name
        assert not doc.select(".md-header, .md-sidebar, .md-footer, a.headerlink, .md-content__button"), path.name


def test_section_and_home_pages_link_existing_pdfs(pdfs, site):
    for lang in LANGS:
        built = pages(site, lang)
        wanted = [f"{s}/index.html" for s in SECTIONS] + ["index.html"]
        for rel in wanted:
            doc = BeautifulSoup(built[rel].read_text(encoding="utf-8"), "html.parser")
            links = doc.select("a[data-hb-pdf]")
            assert links, f"{lang}/{rel}: no PDF link (overrides/partials/pdf-link.html not included?)"
            for a in links:
                target = (built[rel].parent / unquote(urlsplit(a["href"]).path)).resolve()
                assert target.is_file() and target.parent == (site / "pdf").resolve(), (rel, a["href"])


def test_browser_print_of_a_page_is_clean(page):
    page.goto("/communication/phone-etiquette/")
    assert page.locator('link[rel="stylesheet"][href$="print.css"][media="print"]').count() == 1
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar', '.md-footer', '.md-search', '.md-top']
        .flatMap(sel => [...document.querySelectorAll(sel)])
        .map(el => getComputedStyle(el).display)""")
    assert hidden and set(hidden) == {"none"}, hidden


def test_browser_print_opens_collapsed_details(page, site):
    for rel, path in sorted(pages(site, "zh").items()):
        closed = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("article details:not([open])")
        if closed:
            break
    else:
        pytest.skip("no collapsed details block on any page")
    page.goto("/" + rel.removesuffix("index.html"))
    body = page.locator("article details:not([open]) > :not(summary)").first
    assert not body.is_visible()
    page.emulate_media(media="print")
    assert body.is_visible()
    assert body.bounding_box()["height"] > 0


def test_pdfs_are_reproducible_and_dated_by_the_commit(site, tmp_path):
    """Two prints of one commit are byte-identical: the print time is replaced by SOURCE_DATE_EPOCH.
    (A separate process: Playwright's sync API allows one instance, and this module may hold one.)"""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}  # 2023-11-14 22:13:20 UTC
    prints = []
    for run_no in (1, 2):
        copy = tmp_path / f"site{run_no}"
        copy.mkdir()
        for child in site.iterdir():  # the site, without the session's PDFs
            if child.name != "pdf":
                (copy / child.name).symlink_to(child)
        subprocess.run([sys.executable, "-m", "handbook.pdf", "--site", str(copy), "--only", "phrase-cards-zh"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        prints.append((copy / "pdf" / "phrase-cards-zh.pdf").read_bytes())
    assert prints[0] == prints[1]
    info = run("pdfinfo", "-isodates", str(tmp_path / "site1" / "pdf" / "phrase-cards-zh.pdf"))
    assert re.search(r"^CreationDate:\s+2023-11-14T22:13:20(Z|\+00:00)$", info, re.M), info
