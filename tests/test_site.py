"""The built site as readers get it: strict build, both languages, links, no third parties."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, pages
from handbook.nav import read_config


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_strict_build_is_clean(build):
    _, result = build
    assert result.returncode == 0, result.stderr[-4000:]
    problems = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert problems == []


def test_every_source_page_exists_in_both_languages():
    sources = {lang: {p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md")}
               for lang in LANGS}
    assert sources["zh"] == sources["en"], sources["zh"] ^ sources["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_is_a_stub(lang):
    for path in (ROOT / "docs" / lang).rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "TODO" not in text and "待写" not in text, path
        assert len(text.strip().splitlines()) > 5, f"{path} is nearly empty"


def headings(path: Path) -> list[str]:
    main = soup(path).select_one("article.md-content__inner")
    return [h.name for h in main.find_all(re.compile(r"^h[1-6]$"))]


def test_zh_and_en_pages_have_the_same_heading_structure(site):
    zh, en = pages(site, "zh"), pages(site, "en")
    assert set(zh) == set(en), set(zh) ^ set(en)
    mismatched = {rel: (headings(zh[rel]), headings(en[rel])) for rel in zh if headings(zh[rel]) != headings(en[rel])}
    assert mismatched == {}


CONFIG = read_config(ROOT / "mkdocs.yml")
SITE_DESCRIPTIONS = {"zh": CONFIG["site_description"]} | {
    lang["locale"]: lang["site_description"]
    for plugin in CONFIG["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
    for lang in plugin["i18n"]["languages"] if "site_description" in lang
}


@pytest.mark.parametrize("lang", LANGS)
def test_pages_declare_their_language_and_alternates(site, lang):
    """``lang`` set right; a switcher link and an hreflang alternate per language, each to the
    same page in that language. The head's alternates are absolute addresses under ``site_url``
    (what search engines read; Lighthouse fails relative ones); the switcher's links stay
    relative, the home pages' too, so a copy under a sub-path or on a laptop stays on itself."""
    site_url = CONFIG["site_url"].rstrip("/") + "/"
    for rel, path in pages(site, lang).items():
        doc = soup(path)
        assert doc.html["lang"] == lang, rel
        switcher = {a["hreflang"]: a["href"] for a in doc.select("a.md-select__link[hreflang]")}
        alternates = {link["hreflang"]: link["href"] for link in doc.select('link[rel="alternate"][hreflang]')}
        assert set(switcher) == set(alternates) == set(LANGS), rel
        for code in LANGS:
            in_lang = rel if code == LANGS[0] else f"{code}/{rel}"
            assert alternates[code] == site_url + in_lang.removesuffix("index.html"), (rel, code)
            href = switcher[code]
            assert not urlsplit(href).scheme and not href.startswith("/"), (rel, code, href)
            assert (path.parent / href).resolve() / "index.html" == (site / in_lang).resolve(), (rel, code, href)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_its_own_title_and_description(site, lang):
    titles, descriptions = {}, {}
    for rel, path in pages(site, lang).items():
        doc = soup(path)
        titles[rel] = doc.title.get_text(strip=True)
        descriptions[rel] = doc.select_one('meta[name="description"]')["content"].strip()
    assert all(titles.values()) and all(descriptions.values())
    assert len(set(titles.values())) == len(titles), "two pages share a title"
    assert len(set(descriptions.values())) == len(descriptions), "two pages share a description"
    assert SITE_DESCRIPTIONS[lang] not in descriptions.values()


def test_images_have_sizes_and_no_web_fonts_load_late(site):
    """Lighthouse basics against layout shift: every image has width and height, and no
    CSS declares a web font that would swap in after the text is drawn."""
    unsized = [
        (path.relative_to(site), img.get("src"))
        for path in site.rglob("*.html")
        for img in soup(path).find_all("img")
        if not (img.get("width") and img.get("height"))
    ]
    assert unsized == []
    assert [p for p in site.rglob("*.css") if "@font-face" in p.read_text(encoding="utf-8")] == []
    assert [p for p in site.rglob("*") if p.suffix in {".woff", ".woff2", ".ttf", ".otf"}] == []


def test_the_404_page_speaks_both_languages(site):
    doc = soup(site / "404.html")
    assert "页面不存在" in doc.title.get_text() and "Page not found" in doc.title.get_text()
    homes = {p["lang"]: p.a["href"] for p in doc.select("article p[lang]")}
    assert homes == {"zh": "/", "en": "/en/"}
    assert not doc.select('link[rel="alternate"][hreflang]'), "a 404 has no translation"


def test_no_untranslated_chinese_on_english_pages(site):
    """English pages carry no Chinese sentences (short terms next to their English names are fine)."""
    for rel, path in pages(site, "en").items():
        main = soup(path).select_one("article.md-content__inner")
        for tag in main.select('[lang="zh"]'):
            tag.decompose()
        han = re.findall(r"[\u4e00-\u9fff]+", main.get_text(" "))
        # Chinese terms shown next to their English names are deliberate; a sentence is not.
        assert not [h for h in han if len(h) > 12], f"en/{rel}: {han[:5]}"


def test_no_page_shows_an_escaped_entity(site):
    """Text is escaped once: "doesn&#x27;t" written in a data file reached English readers as it was."""
    shown = re.compile(r"&(#[0-9]+|#x[0-9a-f]+|[a-z]+);", re.I)
    for path in site.rglob("*.html"):
        text = soup(path).get_text(" ")
        assert not shown.search(text), f"{path.relative_to(site)}: {shown.search(text).group(0)}"


def _targets(site: Path):
    """Every address a built page refers to: links, alternates, stylesheets, scripts, images."""
    for path in site.rglob("*.html"):
        doc = soup(path)
        for tag in doc.find_all(["a", "link", "script", "img"]):
            if tag.has_attr("data-hb-pdf"):  # PDFs exist once scripts/pdf ran: tests/test_pdf.py checks these
                continue
            if url := tag.get("href") or tag.get("src"):
                yield path, url


def test_internal_links_and_anchors_resolve(site):
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {tag["id"] for tag in soup(path).find_all(id=True)}
        return ids[path]

    broken = []
    for page_path, href in _targets(site):
        parts = urlsplit(href)
        if parts.scheme or href.startswith(("mailto:", "javascript:", "//")):
            continue
        if not parts.path:
            target = page_path
        elif parts.path.startswith("/"):  # the 404 page links from the site root
            target = site / unquote(parts.path).lstrip("/")
        else:
            target = (page_path.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append((page_path.relative_to(site), href))
            continue
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
            broken.append((page_path.relative_to(site), href))
    assert broken == [], "\n".join(f"{p}: {h}" for p, h in broken)


THIRD_PARTY = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1|localhost)[^"']+""", re.I)
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])(?:https?:)?//""", re.I)
KNOWN_CDNS = re.compile(r"fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|cdnjs|googletagmanager|api\.github\.com")
# Material's bundle loads Mermaid from unpkg.com when a page has a diagram: no page may have one.
VENDOR_BUNDLE = re.compile(r"assets/javascripts/(bundle|workers/search)\.[0-9a-f]+\.min\.js$")


def test_no_third_party_resources_in_built_pages(site):
    offenders = []
    for path in site.rglob("*.html"):
        doc = soup(path)
        for tag in doc.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
            fetched_link = tag.name == "link" and {"canonical", "alternate"}.isdisjoint(tag.get("rel", []))
            url = tag.get("src") or (tag.get("href") if fetched_link else None)
            if url and re.match(r"(?:https?:)?//", url):
                offenders.append((path.relative_to(site), url))
        for style in doc.find_all("style"):
            if CSS_URL.search(style.get_text()):
                offenders.append((path.relative_to(site), "inline style"))
    for path in site.rglob("*.css"):
        if CSS_URL.search(path.read_text(encoding="utf-8")):
            offenders.append((path.relative_to(site), "css url()"))
    for path in site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js"} or VENDOR_BUNDLE.search(path.as_posix()):
            continue
        text = path.read_text(encoding="utf-8")
        if KNOWN_CDNS.search(text) or 'class="mermaid"' in text:
            offenders.append((path.relative_to(site), "CDN or Mermaid"))
    assert offenders == []


def test_chinese_headings_get_readable_anchors(site):
    zh = pages(site, "zh")
    anchors = [h["id"] for path in zh.values() for h in soup(path).select("article h2[id]")]
    assert anchors, "no h2 anchors at all"
    assert any(re.search(r"[\u4e00-\u9fff]", a) for a in anchors)
    assert not [a for a in anchors if re.fullmatch(r"_\d+", a)]


def test_english_navigation_is_fully_translated(site):
    for rel, path in pages(site, "en").items():
        nav = soup(path).select_one("nav.md-nav--primary")
        assert not re.search(r"[\u4e00-\u9fff]", nav.get_text(" ")), f"en/{rel}"



@pytest.mark.parametrize("lang", LANGS)
def test_every_phone_card_is_on_the_phone_page_once_and_in_the_call_mode(site, lang):
    """The phone page lists its cards section by section (by id), so a new phone card has to be
    placed there by hand; the call mode picks every phone card up by its stage."""
    data = yaml.safe_load((ROOT / "data" / "phrases.yml").read_text(encoding="utf-8"))
    phone = sorted(p["id"] for p in data["phrases"] if p["group"] == "phone")
    built = pages(site, lang)
    page = soup(built["communication/phone-etiquette/index.html"])
    shown = sorted(a["id"].removeprefix("phrase-") for a in page.select("article.hb-phrase[id]"))
    assert shown == phone, set(shown) ^ set(phone) or "a card is shown twice"
    call = soup(built["communication/on-the-call/index.html"]).get_text()
    for card in page.select("article.hb-phrase--phone"):
        line = card.select_one(".hb-phrase__say .hb-phrase__line").get_text()
        assert line in call, (card["id"], line)


def test_box_titles_show_no_escape_backslashes(site):
    """Python-Markdown takes a box title as written between its outer quotes, so a title written
    !!! example "In practice: \\"Yes, but…\\"" showed readers the backslashes."""
    shown = [
        (path.relative_to(site), title.get_text())
        for path in site.rglob("*.html")
        for title in soup(path).select(".admonition-title, details > summary")
        if "\\" in title.get_text()
    ]
    assert shown == []


@pytest.mark.parametrize("lang, added, course", [("zh", "本手册补充", "课程内容"), ("en", "Handbook addition", "From the course")])
def test_example_and_tip_boxes_say_whose_they_are_in_their_title(site, lang, added, course):
    """What a reader sees: the handbook's boxes carry the badge, the course's say so, guides neither."""
    root = site if lang == "zh" else site / "en"
    etiquette = soup(root / "communication" / "phone-etiquette" / "index.html")
    own = etiquette.select(".admonition.hb-handbook > .admonition-title")
    assert own and all(t.select_one(".hb-added").get_text() == added for t in own)
    psychology = soup(root / "insight" / "psychology" / "index.html")
    retold = psychology.select("details.hb-course > summary")
    assert retold and all(s.select_one(".hb-from-course").get_text() == course and not s.select_one(".hb-added")
                          for s in retold)
    guide = soup(root / "glossary" / "index.html").select_one(".admonition.hb-guide > .admonition-title")
    assert guide is not None and not guide.select(".hb-added, .hb-from-course")
    boxes = [box for path in root.rglob("index.html") for box in soup(path).select(".admonition.example, .admonition.tip, details.example, details.tip")]
    assert len(boxes) > 80
    assert all({"hb-handbook", "hb-course", "hb-guide"} & set(box.get("class", [])) for box in boxes)
