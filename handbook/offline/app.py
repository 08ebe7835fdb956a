"""What makes the handbook installable: icons drawn from the logo, a web app manifest per
language (its own name and start page, one scope: the whole site) and the page shown
offline in place of a page that was not saved."""

from __future__ import annotations

import json
import re
from pathlib import Path

import resvg_py

from ..templating import render, trusted
from ..words import word

THEME_COLOR = "#1d4f7a"  # --md-primary-fg-color in handbook.css: the header's colour
BACKGROUND_COLOR = "#ffffff"
ICON_SIZES = (192, 512)
APPLE_TOUCH_SIZE = 180  # iOS ignores the manifest's icons
ICONS_DIR = "assets/icons"
OFFLINE_PAGE = "offline.html"
LOGO = re.compile(r"\s*<svg\b(?P<attributes>[^>]*)>(?P<drawing>.*)</svg>\s*", re.S)


def manifest_name(lang: str) -> str:
    """``manifest-zh.webmanifest``: the path the page template links (partials/offline-head.html)."""
    return f"manifest-{lang}.webmanifest"


def icon_svg(logo: str, size: int) -> str:
    """The logo in white on a square of the theme colour (handbook/templates/icon.svg)."""
    match = LOGO.fullmatch(logo)
    if not match:
        raise ValueError("assets/logo.svg must be a single svg element: the app icons are drawn from it")
    return str(render("icon.svg", size=size, theme_color=THEME_COLOR, background_color=BACKGROUND_COLOR,
                      attributes=trusted(match["attributes"]), drawing=trusted(match["drawing"])))


def write_icons(site: Path) -> dict[int, str]:
    """PNG icons from the built site's logo; returns size → path relative to the site."""
    logo = (site / "assets" / "logo.svg").read_text(encoding="utf-8")
    (site / ICONS_DIR).mkdir(parents=True, exist_ok=True)
    icons = {}
    for size in (*ICON_SIZES, APPLE_TOUCH_SIZE):
        rel = f"{ICONS_DIR}/icon-{size}.png"
        png = resvg_py.svg_to_bytes(svg_string=icon_svg(logo, size), width=size, height=size, skip_system_fonts=True)
        (site / rel).write_bytes(bytes(png))
        icons[size] = rel
    return icons


def write_manifests(site: Path, names: dict[str, str], icons: dict[int, str]) -> None:
    """One manifest per language at the site root: all paths relative, so a site served
    under a sub-path works unchanged. The scope is the whole site, so switching language
    stays inside the installed app."""
    root_lang = next(iter(names))  # the default language lives at the site root
    for lang, name in names.items():
        manifest = {
            "id": "./" if lang == root_lang else f"{lang}/",
            "name": name,
            "short_name": word("app_short_name", lang),  # under the icon on a home screen
            "lang": lang,
            "start_url": "./" if lang == root_lang else f"{lang}/",
            "scope": "./",
            "display": "standalone",
            "theme_color": THEME_COLOR,
            "background_color": BACKGROUND_COLOR,
            "icons": [
                {"src": icons[size], "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                for size in ICON_SIZES for purpose in ("any", "maskable")
            ],
        }
        (site / manifest_name(lang)).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


def write_offline_page(site: Path, names: dict[str, str]) -> None:
    """The page sw.js shows offline at an address not saved on the device, in every language
    (handbook/templates/offline-page.html); ``names``: the site's name per language, default first."""
    homes = {lang: "./" if i == 0 else f"{lang}/" for i, lang in enumerate(names)}
    page = render("offline-page.html", homes=homes, names=names, theme_color=THEME_COLOR)
    (site / OFFLINE_PAGE).write_text(f"{page}\n", encoding="utf-8")
