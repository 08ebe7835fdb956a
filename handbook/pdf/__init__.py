"""Trainer PDFs of the built site: one per section and language, the whole handbook,
a phrase-card deck per language and a bilingual communication handout.

``build_pdfs(site_dir)`` reads the built pages (``article.md-content__inner``), assembles
one print HTML document per PDF in a temporary folder and prints it with headless
Chromium into ``<site>/pdf/``. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as _dt
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import fonts
from .cards import deck_doc
from .documents import (Context, Doc, bilingual_doc, handbook_doc, participant_doc, roleplay_deck_doc, section_doc,
                        trainer_doc)
from ..load import load_handbook
from ..nav import LANGS, read_site
from .render import SRC_PREFIX, browser, render, serve

ROOT = Path(__file__).resolve().parents[2]
# Everything about which PDFs exist comes from mkdocs.yml: a section PDF per nav section and
# language, and a bilingual handout per section listed in extra.bilingual_pdfs.
_SITE = read_site(ROOT / "mkdocs.yml")
SECTIONS = tuple(section.key for section in _SITE.sections)
BILINGUAL = _SITE.bilingual
# The trainer's kit: a trainer and a participant edition, and the role-play card deck.
EDITIONS = ("trainer", "participant", "roleplay-cards")


@dataclass(frozen=True)
class Made:
    path: Path
    seconds: float


def expected_names() -> list[str]:
    """File names of every PDF, as the section landing pages and the home page link them."""
    names = [f"{s}-{lang}.pdf" for lang in LANGS for s in SECTIONS]
    names += [f"handbook-{lang}.pdf" for lang in LANGS] + [f"phrase-cards-{lang}.pdf" for lang in LANGS]
    names += [f"{kind}-{lang}.pdf" for kind in EDITIONS for lang in LANGS]
    return names + [f"{key}-bilingual.pdf" for key in BILINGUAL]


def edition(root: Path = ROOT) -> str:
    """Date (and short commit) of the last commit, or today's date outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cs %h"], capture_output=True, text=True, timeout=10
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    return f"{out[0]} · {out[1]}" if len(out) == 2 else _dt.date.today().isoformat()


def stylesheets(site_dir: Path) -> list[str]:
    css = site_dir / "assets" / "stylesheets"
    found = [*sorted(css.glob("main.*.min.css")), *sorted(css.glob("palette.*.min.css"))]
    found += [css / name for name in ("colours.css", "handbook.css", "print.css") if (css / name).exists()]
    return ["/" + p.relative_to(site_dir).as_posix() for p in found] + ["/_pdf/pdf.css"]


def documents(site_dir: Path, root: Path = ROOT, only: set[str] | None = None) -> list[Doc]:
    """Every print document, in the order they are rendered (``only``: names without .pdf)."""
    site = read_site(root / "mkdocs.yml")
    ctx = Context(site_dir=site_dir, site=site, edition=edition(root), stylesheets=stylesheets(site_dir))
    makers = []

    def course():
        return load_handbook(root / "data").course

    for lang in LANGS:
        makers += [(f"{key}-{lang}", lambda key=key, lang=lang: section_doc(ctx, site.section(key), lang)) for key in SECTIONS]
        makers.append((f"handbook-{lang}", lambda lang=lang: handbook_doc(ctx, lang)))
        makers.append((f"phrase-cards-{lang}", lambda lang=lang: deck_doc(ctx, root / "data", lang)))
        makers.append((f"trainer-{lang}", lambda lang=lang: trainer_doc(ctx, lang)))
        makers.append((f"participant-{lang}", lambda lang=lang: participant_doc(ctx, course(), lang)))
        makers.append((f"roleplay-cards-{lang}", lambda lang=lang: roleplay_deck_doc(ctx, lang)))
    makers += [(f"{key}-bilingual", lambda key=key: bilingual_doc(ctx, site.section(key))) for key in site.bilingual]
    return [make() for name, make in makers if only is None or name in only]


def build_pdfs(site_dir: Path, root: Path = ROOT, only: set[str] | None = None, keep_sources: Path | None = None) -> list[Made]:
    """Render every PDF into ``<site_dir>/pdf/``; the print HTML stays out of the site."""
    site_dir = Path(site_dir).resolve()
    out_dir = site_dir / "pdf"
    out_dir.mkdir(exist_ok=True)
    docs = documents(site_dir, root, only)
    made: list[Made] = []
    with tempfile.TemporaryDirectory(prefix="hb-pdf-") as tmp:
        sources = Path(keep_sources or tmp)
        sources.mkdir(parents=True, exist_ok=True)
        # The CJK fonts are served beside the print documents, never put into the site.
        for font in fonts.ensure().values():
            (sources / font.name).write_bytes(font.read_bytes())
        css = fonts.font_face_css(SRC_PREFIX) + (Path(__file__).parent / "pdf.css").read_text(encoding="utf-8")
        (sources / "pdf.css").write_text(css, encoding="utf-8")
        with serve(site_dir, sources) as base, browser() as chromium:
            page = chromium.new_page()
            for doc in docs:
                start = time.monotonic()
                target = out_dir / f"{doc.name}.pdf"
                render(page, base, doc, sources, target)
                made.append(Made(target, time.monotonic() - start))
    return made
