"""Print documents: a cover, a table of contents and the pages' articles, as one HTML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import segno

from .extract import Article, anchor_prefix, extract
from ..render.common import added_if
from .fonts import FAMILY
from ..nav import LANGS, Section, Site, page_url

WEB_ONLY = {"whats-new.md"}  # the site's latest changes: not part of a printed edition
# The training section is the trainers': its plans, keys, rubric and notes go to the trainer edition
# (and the section's own PDF, without keys), not into the complete handbook that anyone may get.
TRAINER_SECTIONS = {"training"}
# The trainer edition: the course plan, every session, the keys and rubric, the trainer notes, and
# the listening quiz with its key. Role-play cards and the print pack have PDFs of their own.
TRAINER_EXTRA = ("self-assessment/listening-quiz.md",)
TRAINER_SKIP = {"training/roleplays.md", "training/pack.md"}
ROLEPLAYS = "training/roleplays.md"

WORDS = {
    "contents": {"zh": "目录", "en": "Contents"},
    "language": {"zh": "语言", "en": "Language"},
    "edition": {"zh": "版本", "en": "Edition"},
    "handout": {"zh": "培训讲义", "en": "Trainer handout"},
    "whole": {"zh": "完整手册", "en": "Complete handbook"},
    "bilingual": {"zh": "中英对照讲义", "en": "Bilingual handout"},
    "page": {"zh": '"第 " counter(page) " / " counter(pages) " 页"', "en": '"Page " counter(page) " / " counter(pages)'},
    "source": {"zh": "在线版", "en": "Online"},
    "scan": {"zh": "扫码阅读在线版", "en": "Scan to read online"},
    "part": {"zh": "第 {n} 部分", "en": "Part {n}"},
    "trainer": {"zh": "培训师版", "en": "Trainer edition"},
    "trainer_kind": {"zh": "含培训师提示、参考答案和评分表，请勿发给学员",
                     "en": "With trainer notes, answer keys and the rubric: not for participants"},
    "participant": {"zh": "学员版", "en": "Participant edition"},
    "participant_kind": {"zh": "课程所教的页面和练习", "en": "The pages the course teaches, and exercises"},
    "exercises": {"zh": "练习：各章知识检测", "en": "Exercises: a knowledge check per chapter"},
    "exercises_intro": {"zh": "每章学完后，用自己的话回答下面的问题；答不上来时，回到该章的页面再读一遍。",
                        "en": "After each chapter, answer these questions in your own words; where you cannot, read the chapter's pages again."},
    "chapter": {"zh": "第 {n} 章 {title}", "en": "Chapter {n}: {title}"},
    "cards": {"zh": "角色扮演卡", "en": "Role-play cards"},
    "cards_kind": {"zh": "每页一套四张：客户卡、员工卡、观察员清单、讲评问题；沿虚线剪开",
                   "en": "One set of four to a page: customer, staff, observer, debrief; cut along the dashed lines"},
}
# Running header and footer: CSS page-margin boxes, so they use the PDF's own fonts
# (Chromium's header and footer templates cannot load them).
MARGIN_FONT = {"zh": f'"{FAMILY}", sans-serif', "en": f'"Liberation Sans", "DejaVu Sans", "{FAMILY}", sans-serif'}


@dataclass
class Context:
    site_dir: Path
    site: Site
    edition: str  # "2025-11-29 · dc1a340"
    stylesheets: list[str]  # URL paths, served next to the site


@dataclass
class Doc:
    """One PDF to make: its print HTML (running header and footer included, as CSS)."""

    name: str  # file name without .pdf
    lang: str  # "zh", "en" or "zh-en"
    html: str
    toc: bool = True
    deck: bool = False
    extra: dict = field(default_factory=dict)


def _w(key: str, lang: str) -> str:
    return WORDS[key][lang]


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def page_css(ctx: Context, lang: str, header: str, url: str, articles: list[Article] = ()) -> str:
    """@page rules: header (title, edition), footer (the online page's URL, page n of total);
    each article gets named pages whose footer carries its own URL; the cover has none."""
    font = MARGIN_FONT["en" if lang == "en" else "zh"]
    box = f"font-family: {font}; font-size: 7.5pt; color: #555;"
    top = f"{box} vertical-align: bottom; padding-bottom: 1mm; border-bottom: 0.3pt solid #bbb;"
    rules = [
        "@page {",
        f"  @top-left {{ content: {_css_string(header)}; {top} }}",
        f"  @top-right {{ content: {_css_string(ctx.edition)}; {top} text-align: right; }}",
        f"  @bottom-left {{ content: {_css_string(url)}; {box} }}",
        f"  @bottom-right {{ content: {WORDS['page']['en' if lang == 'en' else 'zh']}; {box} text-align: right; }}",
        "}",
        "@page hb-cover { @top-left { content: none; border: 0; } @top-right { content: none; border: 0; }"
        " @bottom-left { content: none; } @bottom-right { content: none; } }",
    ]
    for n, article in enumerate(articles):
        own = _css_string(ctx.site.site_url + page_url(article.src, article.lang).lstrip("/"))
        rules.append(f"@page hb-a{n} {{ @bottom-left {{ content: {own}; }} }}")
        rules.append(f"@page hb-a{n}-wide {{ size: A4 landscape; margin: 16mm 12mm 14mm; @bottom-left {{ content: {own}; }} }}")
        rules.append(f"#{article.prefix} {{ page: hb-a{n}; }} #{article.prefix} .hb-blueprint {{ page: hb-a{n}-wide; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>\n"


def _head(ctx: Context, lang: str, title: str, classes: str, pages: str = "") -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{escape(href)}">' for href in ctx.stylesheets)
    html_lang = "zh" if lang.startswith("zh") else lang
    return (
        f'<!doctype html>\n<html lang="{html_lang}" class="hb-pdf hb-pdf--{lang} {classes}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{escape(title)}</title>\n{links}\n{pages}</head>\n'
        f'<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">\n'
    )


def online(ctx: Context, src: str, lang: str) -> str:
    """Public URL of a page (from site_url in mkdocs.yml, the one setting for it)."""
    return ctx.site.site_url + page_url(src, lang).lstrip("/")


def cover(ctx: Context, lang: str, handbook: str, title: str, kind: str, language: str, url: str) -> str:
    """Title, edition (commit date and hash), the online page's URL and a QR code to it."""
    qr = segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, dark="#000")
    return (
        '<section class="hb-pdf-cover">\n'
        f'<p class="hb-pdf-cover__handbook">{escape(handbook)}</p>\n'
        f'<p class="hb-pdf-cover__title">{escape(title)}</p>\n'
        f'<p class="hb-pdf-cover__kind">{escape(kind)}</p>\n'
        '<dl class="hb-pdf-cover__meta">\n'
        f"<dt>{_w('language', lang)}</dt><dd>{escape(language)}</dd>\n"
        f"<dt>{_w('edition', lang)}</dt><dd>{escape(ctx.edition)}</dd>\n"
        f'<dt>{_w("source", lang)}</dt><dd><a class="hb-xref" href="{escape(url)}">{escape(url)}</a></dd>\n'
        "</dl>\n"
        f'<figure class="hb-pdf-cover__qr">{qr}<figcaption>{_w("scan", lang)}</figcaption></figure>\n'
        "</section>\n"
    )


def toc(lang: str, entries: list[tuple[int, str, str]]) -> str:
    """``entries``: (level, anchor, text); page numbers are filled in after a first rendering."""
    items = "\n".join(
        f'<li class="hb-toc__l{level}"><a href="#{anchor}"><span class="hb-toc__text">{escape(text)}</span>'
        f'<span class="hb-toc__num" data-dest="{anchor}"></span></a></li>'
        for level, anchor, text in entries
    )
    return f'<nav class="hb-pdf-toc"><h2 class="hb-pdf-toc__title">{_w("contents", lang)}</h2>\n<ol>\n{items}\n</ol></nav>\n'


def _articles(ctx: Context, lang: str, srcs: list[str], counter: list[int], prefix_lang: str = "",
              trainer: bool = False) -> list[Article]:
    in_doc = {page_url(src, lang): anchor_prefix(src, prefix_lang) for src in srcs}
    return [
        extract(ctx.site_dir, src, lang, in_doc, ctx.site.site_url, anchor_prefix(src, prefix_lang), counter, trainer)
        for src in srcs
    ]


def _page(article: Article, part: str = "") -> str:
    return f'<section class="hb-pdf-page" id="{article.prefix}">\n{part}{article.soup}\n</section>\n'


def section_doc(ctx: Context, section: Section, lang: str) -> Doc:
    articles = _articles(ctx, lang, list(section.pages), [0])
    entries: list[tuple[int, str, str]] = []
    for a in articles:
        entries.append((1, a.prefix, a.title))
        entries.extend((2, anchor, text) for anchor, text in a.h2s)
    handbook, title = ctx.site.names[lang], section.titles[lang]
    url, header = online(ctx, section.pages[0], lang), f"{handbook} · {title}"
    body = cover(ctx, lang, handbook, title, _w("handout", lang), ctx.site.lang_names[lang], url)
    body += toc(lang, entries) + "".join(_page(a) for a in articles)
    head = _head(ctx, lang, f"{title} · {handbook}", "hb-pdf--section", page_css(ctx, lang, header, url, articles))
    return Doc(name=f"{section.key}-{lang}", lang=lang, html=head + body + "</body>\n</html>\n")


def handbook_doc(ctx: Context, lang: str) -> Doc:
    entries_in = [e for e in ctx.site.entries if not (isinstance(e, Section) and e.key in TRAINER_SECTIONS)]
    srcs = [src for e in entries_in for src in (e.pages if isinstance(e, Section) else [e]) if src not in WEB_ONLY]
    articles = {a.src: a for a in _articles(ctx, lang, srcs, [0])}
    entries: list[tuple[int, str, str]] = []
    parts: list[str] = []
    part_no = 0
    for entry in entries_in:
        if isinstance(entry, Section):
            # The part's label opens its first page (a block of its own would get a page of its
            # own: each article has its own named page). Its index page, titled like the part, is
            # listed once, as the part.
            part_no += 1
            first, *rest = (articles[src] for src in entry.pages)
            entries.append((1, first.prefix, entry.titles[lang]))
            if first.title != entry.titles[lang]:
                entries.append((2, first.prefix, first.title))
            entries.extend((2, a.prefix, a.title) for a in rest)
            label = f'<p class="hb-pdf-part">{escape(_w("part", lang).format(n=part_no))}</p>\n'
            parts.append(_page(first, part=label))
            parts.extend(_page(a) for a in rest)
        elif entry not in WEB_ONLY:
            entries.append((1, articles[entry].prefix, articles[entry].title))
            parts.append(_page(articles[entry]))
    handbook = ctx.site.names[lang]
    url = online(ctx, "index.md", lang)
    body = cover(ctx, lang, handbook, _w("whole", lang), _w("handout", lang), ctx.site.lang_names[lang], url)
    body += toc(lang, entries) + "".join(parts)
    head = _head(ctx, lang, handbook, "hb-pdf--handbook", page_css(ctx, lang, handbook, url, list(articles.values())))
    return Doc(name=f"handbook-{lang}", lang=lang, html=head + body + "</body>\n</html>\n")


def _chunks(article: Article) -> list[str]:
    """The article split before each h2 (at the TOC marker inserted in front of it)."""
    chunks: list[list[str]] = [[]]
    for child in list(article.soup.children):
        if getattr(child, "name", None) == "a" and "hb-pdf-mark" in child.get("class", []):
            chunks.append([])
        chunks[-1].append(str(child))
    return ["".join(c) for c in chunks if "".join(c).strip()]


def bilingual_doc(ctx: Context, section: Section) -> Doc:
    zh_lang, en_lang = LANGS
    counter = [0]
    zh = _articles(ctx, zh_lang, list(section.pages), counter, prefix_lang=zh_lang)
    en = _articles(ctx, en_lang, list(section.pages), counter, prefix_lang=en_lang)
    rows: list[str] = []
    entries: list[tuple[int, str, str]] = []
    for a_zh, a_en in zip(zh, en, strict=True):
        entries.append((1, a_zh.prefix, f"{a_zh.title} / {a_en.title}"))
        left, right = _chunks(a_zh), _chunks(a_en)
        if len(left) != len(right):  # headings differ: pair whole pages
            left, right = ["".join(left)], ["".join(right)]
        pairs = "".join(
            f'<div class="hb-bi__row"><div class="hb-bi__col md-typeset" lang="zh">{lz}</div>'
            f'<div class="hb-bi__col md-typeset" lang="en">{le}</div></div>\n'
            for lz, le in zip(left, right, strict=True)
        )
        rows.append(f'<section class="hb-pdf-page hb-bi" id="{a_zh.prefix}"><span id="{a_en.prefix}"></span>\n{pairs}</section>\n')
    names = ctx.site.names
    handbook = f"{names[zh_lang]} · {names[en_lang]}"
    title = f"{section.titles[zh_lang]} · {section.titles[en_lang]}"
    language = f"{ctx.site.lang_names[zh_lang]} / {ctx.site.lang_names[en_lang]}"
    url = online(ctx, section.pages[0], zh_lang)
    body = cover(ctx, "zh", handbook, title, f"{WORDS['bilingual']['zh']} · {WORDS['bilingual']['en']}", language, url)
    body += toc("zh", entries) + "".join(rows)
    header = f"{handbook} · {title}"
    head = _head(ctx, "zh-en", title, "hb-pdf--bilingual", page_css(ctx, "zh", header, url, zh))
    return Doc(name=f"{section.key}-bilingual", lang="zh-en", html=head + body + "</body>\n</html>\n")


def _edition(ctx: Context, lang: str, name: str, srcs: list[str], title: str, kind: str, trainer: bool,
             extra: str = "", extra_entries: list[tuple[int, str, str]] = ()) -> Doc:
    """A cover, a table of contents and the pages ``srcs`` in this order, then ``extra`` HTML."""
    articles = _articles(ctx, lang, srcs, [0], trainer=trainer)
    entries: list[tuple[int, str, str]] = []
    for a in articles:
        entries.append((1, a.prefix, a.title))
        entries.extend((2, anchor, text) for anchor, text in a.h2s)
    entries.extend(extra_entries)
    handbook = ctx.site.names[lang]
    url, header = online(ctx, srcs[0], lang), f"{handbook} · {title}"
    body = cover(ctx, lang, handbook, title, kind, ctx.site.lang_names[lang], url)
    body += toc(lang, entries) + "".join(_page(a) for a in articles) + extra
    head = _head(ctx, lang, f"{title} · {handbook}", f"hb-pdf--edition hb-pdf--{name}", page_css(ctx, lang, header, url, articles))
    return Doc(name=f"{name}-{lang}", lang=lang, html=head + body + "</body>\n</html>\n")


def trainer_doc(ctx: Context, lang: str) -> Doc:
    """The trainer edition: the training section (course plan, sessions, keys, rubric, trainer
    notes) and the listening quiz with its key; the only PDF that prints keys and trainer notes."""
    training = [s for section in ctx.site.sections if section.key in TRAINER_SECTIONS for s in section.pages]
    srcs = [s for s in training if s not in TRAINER_SKIP] + [s for s in TRAINER_EXTRA if s not in training]
    return _edition(ctx, lang, "trainer", srcs, _w("trainer", lang), _w("trainer_kind", lang), trainer=True)


def course_pages(ctx: Context, course) -> list[str]:
    """Every page a session of the course teaches, in the handbook's order."""
    taught = {page for session in course.sessions for page in session.pages}
    return [src for src in ctx.site.all_pages() if src in taught and src not in WEB_ONLY]


def exercises(course, lang: str, anchor: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The knowledge checks' questions, one list per chapter, without their answers; a question
    the handbook wrote carries the handbook-addition badge, as on the site."""
    chapters = {c.id: c for c in course.chapters}
    parts = [f'<h1>{escape(_w("exercises", lang))}</h1>\n<p>{escape(_w("exercises_intro", lang))}</p>\n']
    entries = [(1, anchor, _w("exercises", lang))]
    for n, check in enumerate(course.checks):
        chapter = chapters[check.chapter]
        heading = _w("chapter", lang).format(n=chapter.number, title=chapter.title(lang))
        parts.append(f'<h2 id="{anchor}-{n}">{escape(heading)}</h2>\n<ol class="hb-check">'
                     + "".join(f"<li>{escape(q.question(lang))}{added_if(q, 'question', lang)}</li>"
                               for q in check.questions) + "</ol>\n")
        entries.append((2, f"{anchor}-{n}", heading))
    html = f'<section class="hb-pdf-page" id="{anchor}">\n<div class="hb-pdf-article md-typeset">\n{"".join(parts)}</div>\n</section>\n'
    return html, entries


def participant_doc(ctx: Context, course, lang: str) -> Doc:
    """The participant edition: the pages the course teaches and the chapters' knowledge checks
    as exercises; trainer notes, keys and the rubric are left out (extract, trainer=False)."""
    extra, entries = exercises(course, lang, "hb-exercises")
    return _edition(ctx, lang, "participant", course_pages(ctx, course), _w("participant", lang),
                    _w("participant_kind", lang), trainer=False, extra=extra, extra_entries=entries)


def roleplay_deck_doc(ctx: Context, lang: str) -> Doc:
    """The role-play cards as the site prints them (training.css): one set of four cards to an A4
    page, dashed cut lines and corner marks; a cover first."""
    (article,) = _articles(ctx, lang, [ROLEPLAYS], [0])
    decks = article.soup.select(".hb-deck")
    handbook, title = ctx.site.names[lang], _w("cards", lang)
    url = online(ctx, ROLEPLAYS, lang)
    body = cover(ctx, lang, handbook, title, _w("cards_kind", lang), ctx.site.lang_names[lang], url)
    body += "".join(f'<div class="hb-pdf-article md-typeset hb-rp-sheet">\n{deck}\n</div>\n' for deck in decks)
    head = _head(ctx, lang, f"{title} · {handbook}", "hb-pdf--roleplays", page_css(ctx, lang, f"{handbook} · {title}", url))
    return Doc(name=f"roleplay-cards-{lang}", lang=lang, html=head + body + "</body>\n</html>\n", toc=False,
               extra={"decks": len(decks)})
