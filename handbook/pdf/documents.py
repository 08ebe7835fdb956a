"""Print documents: a cover, a table of contents and the pages' articles, as one HTML file.

The markup is in handbook/templates/pdf/; the words, the footer's page counter and the fonts each
language is written in are in i18n/ (section "PDFs"). No language is named here: a document is in
one of mkdocs.yml's languages, and a bilingual handout puts the default language first and the
others beside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import segno
from markupsafe import Markup

from .extract import Article, anchor_prefix, extract
from .fonts import FAMILY
from ..nav import DEFAULT_LANG, LANGS, Section, Site, page_url
from ..templating import render, trusted
from ..words import word

WEB_ONLY = {"whats-new.md"}  # the site's latest changes: not part of a printed edition
# The training section is the trainers': its plans, keys, rubric and notes go to the trainer edition
# (and the section's own PDF, without keys), not into the complete handbook that anyone may get.
TRAINER_SECTIONS = {"training"}
# The trainer edition: the course plan, every session, the keys and rubric, the trainer notes, and
# the listening quiz with its key. Role-play cards and the print pack have PDFs of their own.
TRAINER_EXTRA = ("self-assessment/listening-quiz.md",)
TRAINER_SKIP = {"training/roleplays.md", "training/pack.md"}
ROLEPLAYS = "training/roleplays.md"


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
    lang: str  # one of the languages, or all of them joined with "-" for a bilingual handout
    html: str
    toc: bool = True
    deck: bool = False
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """An article on pages of its own; ``part``: the number of the part it opens (whole handbook)."""

    prefix: str
    html: Markup
    part: int = 0


@dataclass(frozen=True)
class BilingualPage:
    """A page in every language: ``rows`` of (language, HTML) columns, one row per h2 section."""

    prefix: str
    others: list[str]  # the other languages' anchors for the same page
    rows: list[list[tuple[str, Markup]]]


@dataclass(frozen=True)
class Exercise:
    """A chapter's knowledge check as an exercise: its heading and its questions."""

    anchor: str
    heading: str
    questions: list


def css_string(text: str) -> Markup:
    """``text`` as a CSS string, safe in a style element: nothing in it can close the element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return trusted(f'"{escaped}"')


def page_counter(lang: str) -> Markup:
    """The footer's "page n of total" as a CSS content value: the catalogue's words around
    ``{page}`` and ``{pages}``, which become the page counters."""
    parts = re.split(r"\{(pages?)\}", word("pdf_page", lang))  # words, counter, words, counter, words
    return trusted(" ".join(f"counter({part})" if n % 2 else css_string(part) for n, part in enumerate(parts) if part))


def font_list(lang: str) -> Markup:
    """The fonts ``lang`` is written in, as a CSS list (i18n pdf_font), the embedded CJK font last."""
    return trusted(word("pdf_font", lang).format(cjk=FAMILY))


def page_css(ctx: Context, lang: str, header: str, url: str, articles: list[Article] = ()) -> Markup:
    """The document's @page rules (pdf/page-style.html) and every language's fonts."""
    return render(
        "pdf/page-style.html", font=font_list(lang), header=css_string(header), edition=css_string(ctx.edition),
        url=css_string(url), page=page_counter(lang), text_fonts=[(other, font_list(other)) for other in LANGS],
        articles=[(a.prefix, css_string(online(ctx, a.src, a.lang))) for a in articles],
    )


def document(ctx: Context, lang: str, title: str, classes: str, page_style: Markup, body: Markup,
             languages: str = "") -> str:
    """The whole print document, as plain text for the file (a Markup would escape what is added to
    it); ``languages``: the languages it holds, if not ``lang`` alone."""
    return str(render("pdf/document.html", lang=lang, languages=languages or lang, classes=classes, title=title,
                      stylesheets=ctx.stylesheets, page_style=page_style, body=body))


def online(ctx: Context, src: str, lang: str) -> str:
    """Public URL of a page (from site_url in mkdocs.yml, the one setting for it)."""
    return ctx.site.site_url + page_url(src, lang).lstrip("/")


def cover(ctx: Context, lang: str, handbook: str, title: str, kind: str, language: str, url: str) -> Markup:
    """Title, edition (commit date and hash), the online page's URL and a QR code to it."""
    qr = segno.make(url, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, dark="#000")
    return render("pdf/cover.html", lang=lang, handbook=handbook, title=title, kind=kind, language=language,
                  edition=ctx.edition, url=url, qr=trusted(qr))


def toc(lang: str, entries: list[tuple[int, str, str]]) -> Markup:
    """``entries``: (level, anchor, text); page numbers are filled in after a first rendering."""
    return render("pdf/contents.html", lang=lang, entries=entries)


def _articles(ctx: Context, lang: str, srcs: list[str], counter: list[int], prefix_lang: str = "",
              trainer: bool = False) -> list[Article]:
    in_doc = {page_url(src, lang): anchor_prefix(src, prefix_lang) for src in srcs}
    return [
        extract(ctx.site_dir, src, lang, in_doc, ctx.site.site_url, anchor_prefix(src, prefix_lang), counter, trainer)
        for src in srcs
    ]


def _page(article: Article, part: int = 0) -> Page:
    return Page(prefix=article.prefix, html=trusted(str(article.soup)), part=part)


def _pages(lang: str, pages: list[Page]) -> Markup:
    return render("pdf/pages.html", lang=lang, pages=pages)


def section_doc(ctx: Context, section: Section, lang: str) -> Doc:
    articles = _articles(ctx, lang, list(section.pages), [0])
    entries: list[tuple[int, str, str]] = []
    for a in articles:
        entries.append((1, a.prefix, a.title))
        entries.extend((2, anchor, text) for anchor, text in a.h2s)
    handbook, title = ctx.site.names[lang], section.titles[lang]
    url, header = online(ctx, section.pages[0], lang), f"{handbook} · {title}"
    body = cover(ctx, lang, handbook, title, word("pdf_handout", lang), ctx.site.lang_names[lang], url)
    body += toc(lang, entries) + _pages(lang, [_page(a) for a in articles])
    html = document(ctx, lang, f"{title} · {handbook}", "hb-pdf--section", page_css(ctx, lang, header, url, articles), body)
    return Doc(name=f"{section.key}-{lang}", lang=lang, html=html)


def handbook_doc(ctx: Context, lang: str) -> Doc:
    entries_in = [e for e in ctx.site.entries if not (isinstance(e, Section) and e.key in TRAINER_SECTIONS)]
    srcs = [src for e in entries_in for src in (e.pages if isinstance(e, Section) else [e]) if src not in WEB_ONLY]
    articles = {a.src: a for a in _articles(ctx, lang, srcs, [0])}
    entries: list[tuple[int, str, str]] = []
    pages: list[Page] = []
    part_no = 0
    for entry in entries_in:
        if isinstance(entry, Section):
            # The part's label opens its first page. Its index page, titled like the part, is
            # listed once, as the part.
            part_no += 1
            first, *rest = (articles[src] for src in entry.pages)
            entries.append((1, first.prefix, entry.titles[lang]))
            if first.title != entry.titles[lang]:
                entries.append((2, first.prefix, first.title))
            entries.extend((2, a.prefix, a.title) for a in rest)
            pages.append(_page(first, part=part_no))
            pages.extend(_page(a) for a in rest)
        elif entry not in WEB_ONLY:
            entries.append((1, articles[entry].prefix, articles[entry].title))
            pages.append(_page(articles[entry]))
    handbook = ctx.site.names[lang]
    url = online(ctx, "index.md", lang)
    body = cover(ctx, lang, handbook, word("pdf_whole", lang), word("pdf_handout", lang), ctx.site.lang_names[lang], url)
    body += toc(lang, entries) + _pages(lang, pages)
    html = document(ctx, lang, handbook, "hb-pdf--handbook", page_css(ctx, lang, handbook, url, list(articles.values())), body)
    return Doc(name=f"handbook-{lang}", lang=lang, html=html)


def _chunks(article: Article) -> list[str]:
    """The article split before each h2 (at the TOC marker inserted in front of it)."""
    chunks: list[list[str]] = [[]]
    for child in list(article.soup.children):
        if getattr(child, "name", None) == "a" and "hb-pdf-mark" in child.get("class", []):
            chunks.append([])
        chunks[-1].append(str(child))
    return ["".join(c) for c in chunks if "".join(c).strip()]


def bilingual_doc(ctx: Context, section: Section) -> Doc:
    """The section in every language side by side, the default language first, h2 section by h2
    section (whole pages where the languages' headings differ); its cover and contents are in the
    default language, with every language's titles."""
    counter = [0]
    by_lang = [_articles(ctx, lang, list(section.pages), counter, prefix_lang=lang) for lang in LANGS]
    pages: list[BilingualPage] = []
    entries: list[tuple[int, str, str]] = []
    for articles in zip(*by_lang, strict=True):
        entries.append((1, articles[0].prefix, " / ".join(a.title for a in articles)))
        columns = [_chunks(a) for a in articles]
        if len({len(chunks) for chunks in columns}) > 1:  # headings differ: pair whole pages
            columns = [["".join(chunks)] for chunks in columns]
        rows = [[(a.lang, trusted(chunk)) for a, chunk in zip(articles, row)] for row in zip(*columns)]
        pages.append(BilingualPage(prefix=articles[0].prefix, others=[a.prefix for a in articles[1:]], rows=rows))
    handbook = " · ".join(ctx.site.names[lang] for lang in LANGS)
    title = " · ".join(section.titles[lang] for lang in LANGS)
    language = " / ".join(ctx.site.lang_names[lang] for lang in LANGS)
    kind = " · ".join(word("pdf_bilingual_handout", lang) for lang in LANGS)
    url = online(ctx, section.pages[0], DEFAULT_LANG)
    body = cover(ctx, DEFAULT_LANG, handbook, title, kind, language, url)
    body += toc(DEFAULT_LANG, entries) + render("pdf/bilingual.html", pages=pages)
    page_style = page_css(ctx, DEFAULT_LANG, f"{handbook} · {title}", url, by_lang[0])
    languages = "-".join(LANGS)
    html = document(ctx, DEFAULT_LANG, title, "hb-pdf--bilingual", page_style, body, languages=languages)
    return Doc(name=f"{section.key}-bilingual", lang=languages, html=html)


def _edition(ctx: Context, lang: str, name: str, srcs: list[str], title: str, kind: str, trainer: bool,
             extra: Markup = Markup(), extra_entries: list[tuple[int, str, str]] = ()) -> Doc:
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
    body += toc(lang, entries) + _pages(lang, [_page(a) for a in articles]) + extra
    html = document(ctx, lang, f"{title} · {handbook}", f"hb-pdf--edition hb-pdf--{name}",
                    page_css(ctx, lang, header, url, articles), body)
    return Doc(name=f"{name}-{lang}", lang=lang, html=html)


def trainer_doc(ctx: Context, lang: str) -> Doc:
    """The trainer edition: the training section (course plan, sessions, keys, rubric, trainer
    notes) and the listening quiz with its key; the only PDF that prints keys and trainer notes."""
    training = [s for section in ctx.site.sections if section.key in TRAINER_SECTIONS for s in section.pages]
    srcs = [s for s in training if s not in TRAINER_SKIP] + [s for s in TRAINER_EXTRA if s not in training]
    return _edition(ctx, lang, "trainer", srcs, word("pdf_trainer_edition", lang), word("pdf_trainer_kind", lang),
                    trainer=True)


def course_pages(ctx: Context, course) -> list[str]:
    """Every page a session of the course teaches, in the handbook's order."""
    taught = {page for session in course.sessions for page in session.pages}
    return [src for src in ctx.site.all_pages() if src in taught and src not in WEB_ONLY]


def exercises(course, lang: str, anchor: str) -> tuple[Markup, list[tuple[int, str, str]]]:
    """The knowledge checks' questions, one list per chapter, without their answers."""
    chapters = {c.id: c for c in course.chapters}
    found = []
    for n, check in enumerate(course.checks):
        chapter = chapters[check.chapter]
        heading = word("pdf_chapter", lang).format(n=chapter.number, title=chapter.title(lang))
        found.append(Exercise(anchor=f"{anchor}-{n}", heading=heading, questions=check.questions))
    html = render("pdf/exercises.html", lang=lang, anchor=anchor, chapters=found)
    entries = [(1, anchor, word("pdf_exercises", lang))] + [(2, e.anchor, e.heading) for e in found]
    return html, entries


def participant_doc(ctx: Context, course, lang: str) -> Doc:
    """The participant edition: the pages the course teaches and the chapters' knowledge checks
    as exercises; trainer notes, keys and the rubric are left out (extract, trainer=False)."""
    extra, entries = exercises(course, lang, "hb-exercises")
    return _edition(ctx, lang, "participant", course_pages(ctx, course), word("pdf_participant_edition", lang),
                    word("pdf_participant_kind", lang), trainer=False, extra=extra, extra_entries=entries)


def roleplay_deck_doc(ctx: Context, lang: str) -> Doc:
    """The role-play cards as the site prints them (training.css): one set of four cards to an A4
    page, dashed cut lines and corner marks; a cover first."""
    (article,) = _articles(ctx, lang, [ROLEPLAYS], [0])
    decks = article.soup.select(".hb-deck")
    handbook, title = ctx.site.names[lang], word("roleplay_cards", lang)
    url = online(ctx, ROLEPLAYS, lang)
    body = cover(ctx, lang, handbook, title, word("pdf_roleplay_cards_kind", lang), ctx.site.lang_names[lang], url)
    body += render("pdf/roleplay-sheets.html", decks=[trusted(str(deck)) for deck in decks])
    html = document(ctx, lang, f"{title} · {handbook}", "hb-pdf--roleplays",
                    page_css(ctx, lang, f"{handbook} · {title}", url), body)
    return Doc(name=f"roleplay-cards-{lang}", lang=lang, html=html, toc=False, extra={"decks": len(decks)})
