"""Take a built page's ``article.md-content__inner`` and make it fit into a print document.

Ids get a per-page prefix (many pages share ids such as ``相关页面``; see ``doc_id``), links to pages in
the same PDF become in-document anchors, links to other pages point to the public site,
assets point to the site served next to the print document, and the interactive bits
(header links, copy buttons, feedback, blocks hidden until a script shows them) go away.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ..nav import page_file, page_url
from ..templating import render
from ..words import word

# Besides the interactive bits: whatever the page hides until a script shows it (a review notice
# not yet due); no script runs on paper, and the build already shows what is due on its day.
# The print pack (training/pack.md) is a form over copies of pages the PDF has already: only its
# introduction goes to paper.
DROP = ("a.headerlink, .md-source-file, .md-feedback, button.hb-copy, .md-clipboard,"
        " .hb-pdf-link, [hidden], .hb-pack__form, .hb-pack__nojs, .hb-pack__items")
URL_ATTRS = {"a": "href", "img": "src", "source": "src", "object": "data", "audio": "src", "video": "src"}
ID_REFS = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
# What only the trainer edition prints (``extract(..., trainer=True)``): trainer notes (boxes with
# the class hb-trainer), answer keys (a quiz's key, a knowledge check's reference answers) and the
# role-play rubric. Every other PDF leaves them out; a knowledge check keeps its questions.
TRAINER_ONLY = ".hb-trainer, details.quiz-key, .hb-key__answer, .hb-quiz-pointer"  # the quiz's pointer to its key
RUBRIC = ".hb-rubric"


@dataclass
class Article:
    src: str
    lang: str
    prefix: str
    title: str
    html: str = ""
    h2s: list[tuple[str, str]] = field(default_factory=list)  # (toc anchor, text)
    soup: Tag | None = None


def anchor_prefix(src: str, lang: str = "") -> str:
    base = re.sub(r"[^a-z0-9]+", "-", src[: -len(".md")].lower()).strip("-")
    return f"{lang}-{base}" if lang else base


def doc_id(prefix: str, old: str) -> str:
    """The id of ``old`` in a print document. Chromium names a PDF destination after the id,
    percent-encoded, and PDF names stop at 127 bytes (readers warn, some cut): a Chinese or long
    heading id becomes a short digest instead."""
    new = f"{prefix}--{old}"
    if new.isascii() and len(new) <= 100:
        return new
    return f"{prefix}--h{hashlib.sha1(old.encode()).hexdigest()[:10]}"


def _piece(template: str, **context) -> Tag:
    """What a template in handbook/templates/pdf/ draws, as an element to put into a page."""
    return BeautifulSoup(render(f"pdf/{template}", **context), "html.parser").find()


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def extract(
    site_dir: Path,
    src: str,
    lang: str,
    in_doc: dict[str, str],
    site_url: str,
    prefix: str,
    toc_counter: list[int],
    trainer: bool = False,
) -> Article:
    """``in_doc`` maps the URL path of every page in this document to its anchor prefix;
    ``trainer``: keep trainer notes, keys and the rubric (the trainer edition only)."""
    path = page_file(site_dir, src, lang)
    doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = doc.select_one("article.md-content__inner")
    if main is None:
        raise ValueError(f"{path}: no article.md-content__inner")
    for tag in main.select(DROP):
        tag.decompose()
    for tag in main.find_all(["script", "noscript"]):
        tag.decompose()
    base = page_url(src, lang)

    for tag in main.find_all(id=True):
        tag["id"] = doc_id(prefix, tag["id"])
    for attr in ID_REFS:
        for tag in main.find_all(attrs={attr: True}):
            value = tag[attr]
            tag[attr] = " ".join(doc_id(prefix, v) for v in (value if isinstance(value, list) else value.split()))

    for name, attr in URL_ATTRS.items():
        for tag in main.find_all(name, attrs={attr: True}):
            tag[attr] = _rewrite(tag[attr], base, in_doc, site_url, tag, is_link=name == "a")
    for tag in main.find_all("img", srcset=True):
        del tag["srcset"]

    if trainer:
        for key in main.select("details.quiz-key"):
            _trainer_page(main, key, lang)
        for note in main.select(".hb-trainer"):
            _mark_note(note, lang)
        _unfold_keys(main)
    else:
        _drop_trainer_only(main)
    # Collapsed blocks and every content tab on paper.
    for details in main.find_all("details"):
        details["open"] = ""
    for tabs in main.select(".tabbed-set"):
        _unfold_tabs(tabs)

    h1 = main.find("h1")
    title = _text(h1) if h1 else src
    article = Article(src=src, lang=lang, prefix=prefix, title=title)
    for h2 in main.find_all("h2"):
        marker = f"toc-{toc_counter[0]}"
        toc_counter[0] += 1
        h2.insert_before(_piece("toc-mark.html", id=marker))
        article.h2s.append((marker, _text(h2)))
    main.name = "div"
    main["class"] = ["hb-pdf-article", "md-typeset"]
    article.soup = main
    return article


def _rewrite(url: str, base: str, in_doc: dict[str, str], site_url: str, tag: Tag, is_link: bool) -> str:
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return url  # external: http(s), mailto, tel, data:
    target = urlsplit(urljoin(base, url))
    path, fragment = target.path, unquote(target.fragment)
    if is_link and path in in_doc:
        prefix = in_doc[path]
        return f"#{doc_id(prefix, fragment)}" if fragment else f"#{prefix}"
    if is_link and (path.endswith("/") or path.endswith(".html")):
        tag["class"] = [*tag.get("class", []), "hb-xref"]  # a page outside this PDF: its public URL
        return site_url + path.lstrip("/") + (f"#{target.fragment}" if target.fragment else "")
    return path + (f"#{target.fragment}" if target.fragment else "")  # an asset, served with the site


def _trainer_page(main: Tag, key: Tag, lang: str) -> None:
    """A quiz's answer key (``details.quiz-key``) leaves the worksheet for a page of its own at
    the end of the article, with the heading that introduced it."""
    page = _piece("trainer-page.html", lang=lang)
    heading = key.find_previous_sibling(True)
    if heading is not None and heading.name == "h2":
        page.append(heading.extract())
    summary = key.find("summary")
    if summary is not None:
        summary.decompose()
    for child in list(key.children):
        page.append(child.extract())
    key.decompose()
    main.append(page)


def _mark_note(note: Tag, lang: str) -> None:
    """A trainer note's title starts with the catalogue's ``trainer_note`` (培训师提示 / Trainer note):
    the docs write it; added if not."""
    title = note.find(class_="admonition-title") or note.find("summary")
    label = word("trainer_note", lang)
    if title is None:
        note.insert(0, _piece("note-title.html", lang=lang))
    elif not _text(title).startswith(label):
        title.insert(0, label + word("colon", lang))


def _unfold_keys(main: Tag) -> None:
    """A knowledge check's key is a folded block on screen ("展开参考答案"); paper has no fold."""
    for key in main.select("details.hb-key"):
        summary = key.find("summary")
        if summary is not None:
            summary.decompose()
        key.unwrap()


def _drop_trainer_only(main: Tag) -> None:
    """Participants' copies: no trainer note, no key, no rubric. A knowledge check's key becomes the
    bare list of questions; the rubric goes with the h2 section that holds it."""
    for tag in main.select(TRAINER_ONLY):
        tag.decompose()
    _unfold_keys(main)
    for rubric in main.select(RUBRIC):
        block = rubric
        while block.parent is not None and block.parent is not main:
            block = block.parent
        heading = block if block.name == "h2" else block.find_previous_sibling("h2")
        if heading is None:
            block.decompose()
            continue
        section = [heading]
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            section.append(sibling)
        for tag in section:
            tag.decompose()


def _unfold_tabs(tabs: Tag) -> None:
    blocks = tabs.select(".tabbed-content > .tabbed-block")
    labels = [_text(label) for label in tabs.select(".tabbed-labels > label")][: len(blocks)]
    out = _piece("tabs.html", labels=labels)
    for wrapper, block in zip(out.find_all(class_="hb-pdf-tab"), blocks):
        block.name = "div"
        block["class"] = ["hb-pdf-tab__body"]
        wrapper.append(block.extract())
    tabs.replace_with(out)
