"""Every colour lives in overrides/assets/stylesheets/colours.css (issue 23): the site, print and
the trainer PDFs use its properties, so a colour is changed in one place and the light, dark and
paper palettes stay side by side. No other stylesheet or template writes a colour of its own."""

from __future__ import annotations

import re
from pathlib import Path

from handbook.offline.app import THEME_COLOR
from handbook.pdf import stylesheets

from conftest import ROOT

COLOURS = ROOT / "overrides" / "assets" / "stylesheets" / "colours.css"
STYLESHEETS = sorted(p for p in [*ROOT.glob("overrides/**/*.css"), *ROOT.glob("handbook/**/*.css")] if p != COLOURS)
# The page the service worker shows when a page was never saved: it stands alone, with no
# stylesheet it could fail to load, so it keeps its few colours (its theme colour is checked below).
OFFLINE_PAGE = ROOT / "handbook" / "templates" / "offline-page.html"
TEMPLATES = sorted(p for p in [*ROOT.glob("overrides/**/*.html"), *ROOT.glob("handbook/templates/**/*.html")]
                   if p != OFFLINE_PAGE)

HEX = re.compile(r"(?<![\w&#/-])#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})(?![\w-])", re.I)
FUNCTION = re.compile(r"(?<![\w-])(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.I)
# Colour names a hand might reach for; transparent, currentColor and inherit are no colour.
NAMED = re.compile(
    r"(?<![\w-])(?:black|white|red|green|blue|yellow|orange|purple|pink|brown|gold|gr[ae]y|silver"
    r"|maroon|navy|olive|teal|aqua|fuchsia|lime)(?![\w-])", re.I)
COMMENT = re.compile(r"/\*.*?\*/|\{#.*?#\}|<!--.*?-->", re.S)
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")
DECLARATIONS = re.compile(r"\{([^{}]*)\}")  # innermost blocks: a rule's declarations
STYLE = re.compile(r"<style[^>]*>(.*?)</style>|\bstyle=\"([^\"]*)\"", re.S)
THEME_META = re.compile(r'<meta name="theme-color" content="([^"]*)">')
DEFINED = re.compile(r"(--hb-[\w-]+)\s*:")
USED = re.compile(r"var\(\s*(--hb-[\w-]+)")


def _colours_in_css(css: str) -> list[str]:
    found = []
    for block in DECLARATIONS.findall(COMMENT.sub("", css)):
        for declaration in block.split(";"):
            value = STRING.sub("", declaration.partition(":")[2])
            found += [m.group() for pattern in (HEX, FUNCTION, NAMED) for m in pattern.finditer(value)]
    return found


def _colours_in_template(html: str) -> list[str]:
    html = THEME_META.sub("", COMMENT.sub("", html))
    found = [m.group() for pattern in (HEX, FUNCTION) for m in pattern.finditer(STYLE.sub("", html))]
    for sheet, attribute in STYLE.findall(html):
        found += _colours_in_css(sheet or "{" + attribute + "}")
    return found


def _primary() -> str:
    return re.search(r"--md-primary-fg-color:\s*(#[0-9a-f]+)", COLOURS.read_text(encoding="utf-8"), re.I).group(1)


def test_no_colour_outside_colours_css():
    found = {p.relative_to(ROOT).as_posix(): _colours_in_css(p.read_text(encoding="utf-8")) for p in STYLESHEETS}
    found |= {p.relative_to(ROOT).as_posix(): _colours_in_template(p.read_text(encoding="utf-8")) for p in TEMPLATES}
    assert STYLESHEETS and TEMPLATES
    assert {path: hits for path, hits in found.items() if hits} == {}, (
        "use a property of overrides/assets/stylesheets/colours.css (var(--hb-…)), adding one there if needed")


def test_every_colour_property_is_defined_and_used():
    """A misspelt var(--hb-…) draws nothing; a property no one uses is a colour to forget."""
    palette = set(DEFINED.findall(COLOURS.read_text(encoding="utf-8")))
    used, local = set(), set()
    for path in [*STYLESHEETS, *TEMPLATES]:
        text = COMMENT.sub("", path.read_text(encoding="utf-8"))
        used |= set(USED.findall(text))
        local |= set(DEFINED.findall(text))  # per-rule properties such as --hb-rp-colour
    assert used - palette - local == set()
    assert palette - used == set()


def test_theme_colour_is_the_primary_colour():
    """The browser's theme colour and the app icons cannot read a CSS property: they repeat it."""
    primary = _primary().lower()
    metas = [THEME_META.search(p.read_text(encoding="utf-8")) for p in (ROOT / "overrides" / "partials" / "offline-head.html", OFFLINE_PAGE)]
    assert [m.group(1).lower() for m in metas if m] == [primary, "{{ theme_color }}"]  # the offline page: THEME_COLOR
    assert THEME_COLOR.lower() == primary


def test_site_and_pdfs_load_the_colours_first(tmp_path: Path):
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert re.findall(r"assets/stylesheets/([\w-]+\.css)", main) == ["colours.css", "handbook.css", "print.css"]
    css = tmp_path / "assets" / "stylesheets"
    css.mkdir(parents=True)
    for name in ("main.1.min.css", "palette.1.min.css", "colours.css", "handbook.css", "print.css"):
        (css / name).write_text("", encoding="utf-8")
    assert stylesheets(tmp_path) == [f"/assets/stylesheets/{name}" for name in (
        "main.1.min.css", "palette.1.min.css", "colours.css", "handbook.css", "print.css")] + ["/_pdf/pdf.css"]
