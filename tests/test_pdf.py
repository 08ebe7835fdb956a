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
from handbook.pdf import BILINGUAL, EDITIONS, SECTIONS, build_pdfs, expected_names
from handbook.pdf.documents import TRAINER_SECTIONS, WEB_ONLY
from handbook.nav import page_file, page_url, read_config, read_site
from handbook.words import word

SITE_NAV = read_site(ROOT / "mkdocs.yml")
HB = load_handbook(ROOT / "data")
# The whole handbook's parts: every section but the training section (the trainer edition's).
HANDBOOK_SECTIONS = [s for s in SITE_NAV.sections if s.key not in TRAINER_SECTIONS]


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


CHINESE_PDFS = [n for n in expected_names() if n.endswith(("-zh.pdf", "-bilingual.pdf"))]
ENGLISH_PDFS = [n for n in expected_names() if n.endswith("-en.pdf")]


@pytest.mark.parametrize("name", CHINESE_PDFS)
def test_chinese_pdfs_embed_named_cjk_truetype_subsets_in_both_weights(pdfs, name):
    """Noto Sans CJK SC converted to TrueType outlines (handbook/pdf/fonts.py): Chromium embeds it as
    named CID TrueType subsets; the system's CFF Noto CJK would come out as nameless Type 3 fonts."""
    rows = fonts(pdfs[name])
    assert [r for r in rows if r["type"] == "Type 3"] == [], rows
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" and r["uni"] == "yes" for r in rows), rows
    cjk = {r["name"].split("+", 1)[1]: r["type"] for r in rows if "CJK" in r["name"]}
    assert cjk == {"NotoSansCJKsc-Regular": "CID TrueType", "NotoSansCJKsc-Bold": "CID TrueType"}, rows
    content = text(pdfs[name])
    assert len(re.findall(r"[\u4e00-\u9fff]", content)) > 200
    assert "\ufffd" not in content  # no glyph without a Unicode mapping


@pytest.mark.parametrize("name", ENGLISH_PDFS)
def test_english_pdfs_embed_their_fonts_and_no_type3(pdfs, name):
    rows = fonts(pdfs[name])
    assert rows and all(r["emb"] == "yes" for r in rows), rows
    assert [r for r in rows if r["type"] == "Type 3"] == [], rows  # Chinese glosses use the converted font too
    assert any(r["type"].startswith(("CID TrueType", "TrueType")) for r in rows), rows


def test_handbook_pdfs_have_no_rasterised_shadows(pdfs):
    """Box shadows print as blurred bitmaps; paper gets borders only (print.css)."""
    for lang in LANGS:
        images = run("pdfimages", "-list", str(pdfs[f"handbook-{lang}.pdf"])).splitlines()[2:]
        assert images == [], (lang, images[:5])


def test_whole_chinese_handbook_fits_in_3_mib(pdfs):
    """Trainers mail it. Builds are byte-identical, so this size is not noisy. What grew it
    before: a translucent colour or a dotted border on a rounded box, which Chromium draws as a
    transparency group each time (print.css makes greys solid)."""
    size = pdfs["handbook-zh.pdf"].stat().st_size
    assert size <= 3 * 1024 * 1024, f"handbook-zh.pdf is {size / 1024 / 1024:.2f} MiB"


def test_cover_states_edition_online_page_and_a_qr_code_to_it(pdfs, site):
    import segno

    from handbook.pdf import edition

    for name, src, lang in (("foundations-zh", "foundations/index.md", "zh"), ("handbook-en", "index.md", "en")):
        url = SITE_NAV.site_url + page_url(src, lang).lstrip("/")
        cover = squash(text(pdfs[f"{name}.pdf"], 1, 1))
        assert squash(edition()) in cover and re.search(r"\d{4}-\d\d-\d\d·[0-9a-f]{7}", cover), cover
        assert squash(url) in cover, cover
        html = BeautifulSoup((pdfs["_sources"] / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        qr = html.select_one(".hb-pdf-cover__qr svg")
        expected = BeautifulSoup(segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True),
                                 "html.parser").select_one("path")["d"]
        assert qr is not None and qr.select_one("path")["d"] == expected  # the code encodes this URL


def test_site_url_is_the_one_setting_for_covers_canonical_links_sitemap_and_feed(pdfs, site):
    url = read_config(ROOT / "mkdocs.yml")["site_url"]
    assert SITE_NAV.site_url == url
    canonical = BeautifulSoup((site / "foundations" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert canonical.select_one('link[rel="canonical"]')["href"] == url + "foundations/"
    assert f"<loc>{url}foundations/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<link>{url}</link>" in (site / "feed_rss_updated.xml").read_text(encoding="utf-8")
    assert squash(url + "foundations/") in squash(text(pdfs["foundations-zh.pdf"], 1, 1))


@pytest.mark.parametrize("lang", LANGS)
def test_footers_carry_the_online_url_of_the_page_printed(pdfs, site, lang):
    pdf = pdfs[f"foundations-{lang}.pdf"]
    src = "foundations/customers.md"
    title = h1(site, src, lang)
    url = SITE_NAV.site_url + page_url(src, lang).lstrip("/")
    toc = run("pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-")
    first = int(re.search(re.escape(title) + r"\s*(\d+)\s*$", toc, re.M).group(1))
    for n in (first, first + 1):  # its first sheet and the next
        last_line = [line for line in text(pdf, n, n).splitlines() if line.strip()][-2:]
        assert any(url in line for line in last_line), (n, last_line)


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_prints_as_a_blank_worksheet_with_the_key_on_a_trainers_page(pdfs, lang):
    """The key is in the trainer edition only; the section's PDF and the participants' have the
    blank worksheet."""
    trainer = {"zh": "培训师页", "en": "Trainer's page"}[lang]
    key = {"zh": "第4、12、13、15题为“是”", "en": "4,12,13and15"}[lang]
    for name in (f"self-assessment-{lang}.pdf", f"participant-{lang}.pdf", f"handbook-{lang}.pdf"):
        blank = squash(text(pdfs[name]))
        assert squash({"zh": "我常常同时留意好几个人的谈话", "en": "I often try to follow several"}[lang]) in blank, name
        assert squash(key) not in blank and squash(trainer) not in blank, name
    pdf = pdfs[f"trainer-{lang}.pdf"]
    sheets = {n: squash(text(pdf, n, n)) for n in range(1, page_count(pdf) + 1)}
    with_key = [n for n, t in sheets.items() if squash(key) in t]
    assert with_key, "answer key missing"
    first_statement = squash({"zh": "我常常同时留意好几个人的谈话", "en": "I often try to follow several"}[lang])
    worksheet = [n for n, t in sheets.items() if first_statement in t]
    for n in with_key:
        assert squash(trainer) in sheets[n], n  # only on the trainer's page, after the worksheet
        assert worksheet and all(m < n for m in worksheet), (worksheet, n)
    everything = "".join(sheets.values())
    assert squash({"zh": "展开参考答案", "en": "Showthekey"}[lang]) not in everything
    assert "JavaScript" not in everything  # the no-JavaScript note is for the screen


def test_page_counts_are_sane(pdfs):
    cards = len(load_handbook(ROOT / "data").phrases.phrases)
    for lang in LANGS:
        sections = {s: page_count(pdfs[f"{s}-{lang}.pdf"]) for s in SECTIONS}
        assert all(n >= 2 for n in sections.values()), sections
        whole = page_count(pdfs[f"handbook-{lang}.pdf"])
        # One cover and one table of contents instead of one of each per section.
        parts = {s.key: sections[s.key] for s in HANDBOOK_SECTIONS}
        assert whole >= 20 and whole >= sum(parts.values()) - 3 * len(parts), (whole, parts)
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
def test_pdfs_print_a_review_notice_only_where_the_page_shows_one(pdfs, site, lang):
    """The site hides a not-yet-due notice until its script says otherwise; paper runs no script,
    and printed every page as "due for review" before the print documents dropped hidden blocks."""
    shown = 0
    printed = [src for entry in SITE_NAV.entries if not (hasattr(entry, "key") and entry.key in TRAINER_SECTIONS)
               for src in (entry.pages if hasattr(entry, "pages") else [entry]) if src not in WEB_ONLY]
    for src in printed:
        doc = BeautifulSoup(page_file(site, src, lang).read_text(encoding="utf-8"), "html.parser")
        shown += sum(1 for n in doc.select("article .hb-review-due") if not n.has_attr("hidden"))
    title = {"zh": "待复审", "en": "Due for review"}[lang]
    assert squash(text(pdfs[f"handbook-{lang}.pdf"])).count(squash(title)) == shown


@pytest.mark.parametrize("lang", LANGS)
def test_each_part_of_the_handbook_opens_on_its_first_page_not_a_sheet_of_its_own(pdfs, lang):
    sheets = text(pdfs[f"handbook-{lang}.pdf"]).split("\f")
    label = {"zh": "第{n}部分", "en": "Part{n}"}[lang]
    for n, section in enumerate(HANDBOOK_SECTIONS, start=1):
        found = [squash(s) for s in sheets if squash(label.format(n=n)) in squash(s)]
        assert len(found) == 1, (n, len(found))
        assert squash(section.titles[lang]) in found[0]
        body = found[0].replace(squash(label.format(n=n)), "").replace(squash(section.titles[lang]), "", 1)
        assert len(body) > 200, (n, body)  # the section's first page follows on the same sheet


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


@pytest.mark.parametrize("name", ["handbook-zh.pdf", "handbook-en.pdf", "communication-bilingual.pdf"])
def test_pdf_links_land_on_destinations_with_valid_names(pdfs, name):
    """Chromium names each destination after its element id; PDF names stop at 127 bytes, and
    Chinese heading ids, percent-encoded, went past it (poppler warned on every read)."""
    import pikepdf

    with pikepdf.open(pdfs[name]) as pdf:
        dests = {str(key) for key in pdf.Root.Dests.keys()}
        links = [str(a.Dest) for page in pdf.pages for a in page.get("/Annots", []) if "/Dest" in a]
    assert len(links) > 20, name
    assert sorted(set(links) - dests) == [], name
    assert [d for d in dests if len(d.encode()) - 1 > 127] == [], name  # minus the name's "/"


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


def test_browser_print_lays_tables_flush_with_all_borders(page):
    """Material's scroll wrapper (negative margin, padding, inline-block table with overflow) cut the
    right border off and left narrow tables indented on paper: printed, a table is a full-width
    table that does not scroll."""
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto("/foundations/customers/")
    page.emulate_media(media="print")
    tables = page.evaluate("""() => [...document.querySelectorAll('article table:not([class])')].map(t => {
        const a = t.closest('article').getBoundingClientRect(), r = t.getBoundingClientRect(), s = getComputedStyle(t);
        return {left: r.left - a.left, right: a.right - r.right, overflow: t.scrollWidth - t.clientWidth,
                display: s.display, border: s.borderRightWidth};
    })""")
    assert tables
    for t in tables:
        assert t["display"] == "table" and abs(t["left"]) < 1 and abs(t["right"]) < 1, t
        assert t["overflow"] <= 0 and t["border"] != "0px", t


def test_printing_in_dark_mode_uses_the_light_palette(page):
    page.emulate_media(color_scheme="dark")
    page.goto("/communication/phrase-cards/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    dark_link = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()")
    page.emulate_media(media="print", color_scheme="dark")
    colours = page.evaluate("""() => {
        const body = getComputedStyle(document.body);
        return {link: body.getPropertyValue('--md-typeset-a-color').trim(), say: body.getPropertyValue('--hb-say').trim(),
                text: getComputedStyle(document.querySelector('article p')).color, scheme: body.colorScheme};
    }""")
    assert dark_link == "#8cc4f2" and colours["link"] == "#1d5d94", (dark_link, colours)
    assert colours["say"] == "#1b6b3a" and colours["scheme"] == "light", colours
    r, g, b = (int(v) for v in re.findall(r"\d+", colours["text"])[:3])
    assert max(r, g, b) < 80, colours  # dark text on white paper


def test_print_documents_fit_the_page_width(pdfs, site, browser):
    """Content wider than the page makes Chromium shrink the whole PDF to fit (the English
    handbook once printed at 81 %): nothing but a blueprint (landscape) may be wider than A4's
    text block. Card decks are fixed cells that clip what does not fit (a role-play card's
    standard or phrase is a one-line cue ending in an ellipsis), which widens no page."""
    from handbook.pdf.render import SRC_PREFIX, serve

    text_width = round((210 - 2 * 15) / 25.4 * 96)  # pdf.css: A4, 15 mm side margins
    page = browser.new_page(viewport={"width": text_width, "height": 1000})
    wide = {}
    with serve(site, pdfs["_sources"]) as base:
        for path in sorted(pdfs["_sources"].glob("*.html")):
            page.goto(f"{base}{SRC_PREFIX}{path.name}")
            page.emulate_media(media="print")
            wide[path.stem] = page.evaluate("""w => [...document.querySelectorAll('body *')]
                .filter(el => !el.closest('.hb-blueprint, .hb-deck__sheet, .hb-deck') && el.getBoundingClientRect().right > w + 1)
                .map(el => el.tagName + '.' + el.className).slice(0, 3)""", text_width)
    page.close()
    assert {name: found for name, found in wide.items() if found} == {}


def test_converted_cjk_font_covers_every_character_the_handbook_uses():
    """A character outside the converted subset would fall back to the system's CFF font,
    and that prints as Type 3 again: every non-ASCII character in docs/ and data/ is in it."""
    from fontTools.ttLib import TTFont

    from handbook.pdf import fonts

    for weight, path in fonts.ensure().items():
        font = TTFont(str(path))
        assert "glyf" in font and "CFF " not in font, weight
        cmap = font.getBestCmap()
        used = {ch for p in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "data").rglob("*.yml")]
                for ch in p.read_text(encoding="utf-8") if ord(ch) > 0x7F and not ch.isspace()}
        assert sorted(ch for ch in used if ord(ch) not in cmap) == [], weight


# -- The trainer's kit: trainer and participant editions, role-play cards ---------------------------

NOT_FOR_PARTICIPANTS = [n for n in expected_names() if not n.startswith("trainer-")]


def _snippet(value: str) -> str:
    return squash(value)[:60]


@functools.lru_cache(maxsize=None)
def raw_text(pdf: Path) -> str:
    """The PDF's text in drawing order (a grid of cards read across its columns interleaves lines)."""
    return squash(run("pdftotext", "-raw", str(pdf), "-"))


KEYS_ON_SCREEN = ".hb-key, .hb-trainer, .hb-rubric, details.quiz-key, .hb-pack__items"


@functools.lru_cache(maxsize=None)
def public_text(site: Path, lang: str) -> str:
    """Every printed page's text without its keys, notes and rubric: a short reference answer may
    also be a session's own summary line ("理念满意、行为满意、视觉满意"), which is no key."""
    out = []
    for src in (s for s in SITE_NAV.all_pages() if s not in WEB_ONLY):
        article = BeautifulSoup(page_file(site, src, lang).read_text(encoding="utf-8"), "html.parser").select_one("article")
        for tag in article.select(KEYS_ON_SCREEN):
            tag.decompose()
        out.append(squash(article.get_text(" ", strip=True)))
    return "".join(out)


@functools.lru_cache(maxsize=None)
def trainer_only_texts(site: Path, lang: str) -> dict[str, list[str]]:
    """What only the trainer edition may print, taken from the data and the built training pages:
    each knowledge check's reference answer (unless a page says the same), each rubric row's
    full-marks text, each trainer note."""
    notes = []
    for src in (s for section in SITE_NAV.sections if section.key in TRAINER_SECTIONS for s in section.pages):
        doc = BeautifulSoup(page_file(site, src, lang).read_text(encoding="utf-8"), "html.parser")
        for box in doc.select("article .hb-trainer"):
            body = box.select_one("li, p:not(.admonition-title)")
            notes.append(_snippet(body.get_text(" ", strip=True)))
    return {
        "answer": [a for a in (_snippet(q.answer(lang)) for c in HB.course.checks for q in c.questions)
                   if a not in public_text(site, lang)],
        "rubric": [_snippet(row.full(lang)) for row in HB.roleplays.rubric],
        "note": notes,
    }


@pytest.mark.parametrize("lang", LANGS)
def test_the_trainer_edition_has_the_plan_every_session_keys_rubric_and_trainer_notes(pdfs, site, lang):
    pdf = pdfs[f"trainer-{lang}.pdf"]
    content = raw_text(pdf)
    wanted = trainer_only_texts(site, lang)
    assert len(wanted["answer"]) >= 10 and len(wanted["rubric"]) >= 5 and len(wanted["note"]) >= 5, wanted
    missing = {kind: [t for t in found if t not in content] for kind, found in wanted.items()}
    assert missing == {"answer": [], "rubric": [], "note": []}
    label = {"zh": "培训师提示", "en": "Trainernote"}[lang]
    assert content.count(squash(label)) >= len(wanted["note"])
    for session in HB.course.sessions:
        assert squash(session.title(lang)) in content, session.id
    for programme in HB.course.programmes:
        assert squash(programme.title(lang)) in content, programme.id
    assert squash({"zh": "培训师版", "en": "Trainer edition"}[lang]) in squash(text(pdf, 1, 1))


@pytest.mark.parametrize("name", NOT_FOR_PARTICIPANTS)
def test_no_trainer_note_key_or_rubric_outside_the_trainer_edition(pdfs, site, name):
    """Participants' copies, the whole handbook and every section PDF: text extracted from the PDF
    holds no reference answer (data/course.yml), no rubric level (data/roleplays.yml) and none of
    the trainer notes the training pages show."""
    content = raw_text(pdfs[name])
    langs = LANGS if name.endswith("-bilingual.pdf") else [name.rsplit("-", 1)[1].removesuffix(".pdf")]
    for lang in langs:
        found = {kind: [t for t in texts if t in content] for kind, texts in trainer_only_texts(site, lang).items()}
        assert found == {"answer": [], "rubric": [], "note": []}, name


@pytest.mark.parametrize("lang", LANGS)
def test_the_participant_edition_has_the_pages_the_course_teaches_and_the_questions(pdfs, site, lang):
    pdf = pdfs[f"participant-{lang}.pdf"]
    content = squash(text(pdf))
    taught = {p for s in HB.course.sessions for p in s.pages}
    missing = [src for src in taught if squash(h1(site, src, lang)) not in content]
    assert missing == []
    questions = [squash(q.question(lang))[:40] for c in HB.course.checks for q in c.questions]
    assert [q for q in questions if q not in content] == []
    html = BeautifulSoup((pdfs["_sources"] / f"participant-{lang}.html").read_text(encoding="utf-8"), "html.parser")
    printed = [section["id"] for section in html.select("section.hb-pdf-page")]
    assert printed and not [p for p in printed if p.startswith(tuple(f"{key}-" for key in TRAINER_SECTIONS))], printed
    assert squash({"zh": "学员版", "en": "Participant edition"}[lang]) in squash(text(pdf, 1, 1))
    # the quiz's pointer to its key goes with the key
    assert squash({"zh": "参考答案在本页最后", "en": "The key is in"}[lang]) not in content


@pytest.mark.parametrize("lang", LANGS)
def test_each_role_play_card_page_holds_one_deck_of_four_cards(pdfs, lang):
    pdf = pdfs[f"roleplay-cards-{lang}.pdf"]
    decks = HB.roleplays.roleplays
    assert page_count(pdf) == 1 + len(decks)  # a cover, then one sheet per deck
    kinds = [squash(word(k, lang)) for k in ("customer_card", "staff_card", "observer_card", "debrief_card")]
    for n, deck in enumerate(decks, start=2):
        sheet = squash(text(pdf, n, n))
        assert all(k in sheet for k in kinds), (n, deck.id)
        assert sheet.count(squash(deck.title(lang))) >= 4, (n, deck.id)  # each card carries the deck's title


def test_the_training_page_links_the_trainers_kit(pdfs, site):
    for lang in LANGS:
        doc = BeautifulSoup(page_file(site, "training/index.md", lang).read_text(encoding="utf-8"), "html.parser")
        linked = {unquote(urlsplit(a["href"]).path).rsplit("/", 1)[-1] for a in doc.select("a[data-hb-pdf]")}
        assert {f"{kind}-{lang}.pdf" for kind in EDITIONS} <= linked, linked
