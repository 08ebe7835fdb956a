"""Print documents: a cover, a table of contents and the pages' articles, as one HTML file."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .extract import Article, anchor_prefix, extract
from .nav import LANGS, Section, Site, page_url

WORDS = {
    "contents": {"zh": "目录", "en": "Contents"},
    "language": {"zh": "语言", "en": "Language"},
    "edition": {"zh": "版本", "en": "Edition"},
    "handout": {"zh": "培训讲义", "en": "Trainer handout"},
    "whole": {"zh": "完整手册", "en": "Complete handbook"},
    "bilingual": {"zh": "中英对照讲义", "en": "Bilingual handout"},
    "page": {"zh": "第 {n} / {total} 页", "en": "Page {n} / {total}"},
    "source": {"zh": "在线版", "en": "Online"},
}


@dataclass
class Context:
    site_dir: Path
    site: Site
    edition: str  # "2025-11-29 · dc1a340"
    stylesheets: list[str]  # URL paths, served next to the site


@dataclass
class Doc:
    """One PDF to make: its print HTML and its running header and footer."""

    name: str  # file name without .pdf
    lang: str  # "zh", "en" or "zh-en"
    header: str
    html: str
    toc: bool = True
    deck: bool = False
    extra: dict = field(default_factory=dict)


def _w(key: str, lang: str) -> str:
    return WORDS[key][lang]


def _head(ctx: Context, lang: str, title: str, classes: str) -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{escape(href)}">' for href in ctx.stylesheets)
    html_lang = "zh" if lang.startswith("zh") else lang
    return (
        f'<!doctype html>\n<html lang="{html_lang}" class="hb-pdf hb-pdf--{lang} {classes}">\n<head>\n'
        f'<meta charset="utf-8">\n<title>{escape(title)}</title>\n{links}\n</head>\n'
        f'<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" data-md-color-accent="custom">\n'
    )


def cover(ctx: Context, lang: str, handbook: str, title: str, kind: str, language: str) -> str:
    site = escape(ctx.site.site_url)
    return (
        '<section class="hb-pdf-cover">\n'
        f'<p class="hb-pdf-cover__handbook">{escape(handbook)}</p>\n'
        f'<p class="hb-pdf-cover__title">{escape(title)}</p>\n'
        f'<p class="hb-pdf-cover__kind">{escape(kind)}</p>\n'
        '<dl class="hb-pdf-cover__meta">\n'
        f"<dt>{_w('language', lang)}</dt><dd>{escape(language)}</dd>\n"
        f"<dt>{_w('edition', lang)}</dt><dd>{escape(ctx.edition)}</dd>\n"
        f'<dt>{_w("source", lang)}</dt><dd><a class="hb-xref" href="{site}">{site}</a></dd>\n'
        "</dl>\n</section>\n"
    )


def toc(lang: str, entries: list[tuple[int, str, str]]) -> str:
    """``entries``: (level, anchor, text); page numbers are filled in after a first rendering."""
    items = "\n".join(
        f'<li class="hb-toc__l{level}"><a href="#{anchor}"><span class="hb-toc__text">{escape(text)}</span>'
        f'<span class="hb-toc__num" data-dest="{anchor}"></span></a></li>'
        for level, anchor, text in entries
    )
    return f'<nav class="hb-pdf-toc"><h2 class="hb-pdf-toc__title">{_w("contents", lang)}</h2>\n<ol>\n{items}\n</ol></nav>\n'


def _articles(ctx: Context, lang: str, srcs: list[str], counter: list[int], prefix_lang: str = "") -> list[Article]:
    in_doc = {page_url(src, lang): anchor_prefix(src, prefix_lang) for src in srcs}
    return [
        extract(ctx.site_dir, src, lang, in_doc, ctx.site.site_url, anchor_prefix(src, prefix_lang), counter)
        for src in srcs
    ]


def _page(article: Article) -> str:
    return f'<section class="hb-pdf-page" id="{article.prefix}">\n{article.soup}\n</section>\n'


def section_doc(ctx: Context, section: Section, lang: str) -> Doc:
    articles = _articles(ctx, lang, list(section.pages), [0])
    entries: list[tuple[int, str, str]] = []
    for a in articles:
        entries.append((1, a.prefix, a.title))
        entries.extend((2, anchor, text) for anchor, text in a.h2s)
    handbook, title = ctx.site.names[lang], section.titles[lang]
    body = cover(ctx, lang, handbook, title, _w("handout", lang), ctx.site.lang_names[lang])
    body += toc(lang, entries) + "".join(_page(a) for a in articles)
    html = _head(ctx, lang, f"{title} · {handbook}", "hb-pdf--section") + body + "</body>\n</html>\n"
    return Doc(name=f"{section.key}-{lang}", lang=lang, header=f"{handbook} · {title}", html=html)


def handbook_doc(ctx: Context, lang: str) -> Doc:
    srcs = ctx.site.all_pages()
    articles = {a.src: a for a in _articles(ctx, lang, srcs, [0])}
    entries: list[tuple[int, str, str]] = []
    parts: list[str] = []
    for entry in ctx.site.entries:
        if isinstance(entry, Section):
            entries.append((1, f"part-{entry.key}", entry.titles[lang]))
            entries.extend((2, articles[src].prefix, articles[src].title) for src in entry.pages)
            parts.append(f'<div class="hb-pdf-part" id="part-{entry.key}">{escape(entry.titles[lang])}</div>\n')
            parts.extend(_page(articles[src]) for src in entry.pages)
        else:
            entries.append((1, articles[entry].prefix, articles[entry].title))
            parts.append(_page(articles[entry]))
    handbook = ctx.site.names[lang]
    body = cover(ctx, lang, handbook, _w("whole", lang), _w("handout", lang), ctx.site.lang_names[lang])
    body += toc(lang, entries) + "".join(parts)
    html = _head(ctx, lang, handbook, "hb-pdf--handbook") + body + "</body>\n</html>\n"
    return Doc(name=f"handbook-{lang}", lang=lang, header=handbook, html=html)


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
    body = cover(ctx, "zh", handbook, title, f"{WORDS['bilingual']['zh']} · {WORDS['bilingual']['en']}", language)
    body += toc("zh", entries) + "".join(rows)
    html = _head(ctx, "zh-en", title, "hb-pdf--bilingual") + body + "</body>\n</html>\n"
    return Doc(name=f"{section.key}-bilingual", lang="zh-en", header=f"{handbook} · {title}", html=html)
