"""What makes the handbook installable: icons drawn from the logo, a web app manifest per
language (its own name and start page, one scope: the whole site) and the page shown
offline in place of a page that was not saved."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import resvg_py

from ..words import word

THEME_COLOR = "#1d4f7a"  # --md-primary-fg-color in handbook.css: the header's colour
BACKGROUND_COLOR = "#ffffff"
ICON_SIZES = (192, 512)
APPLE_TOUCH_SIZE = 180  # iOS ignores the manifest's icons
ICONS_DIR = "assets/icons"
OFFLINE_PAGE = "offline.html"
PLACE = re.compile(r"\$\{(?P<lang>[a-z-]+):(?P<key>[a-z_]+)\}")


def manifest_name(lang: str) -> str:
    """``manifest-zh.webmanifest``: the path the page template links (partials/offline-head.html)."""
    return f"manifest-{lang}.webmanifest"


def icon_svg(logo: str, size: int) -> str:
    """The logo in white, 60 % of a square in the theme colour: inside the safe zone of
    launchers that cut icons into circles (``purpose: maskable``)."""
    inner = re.sub(r"^\s*<svg\b", f'<svg x="20%" y="20%" width="60%" height="60%" color="{BACKGROUND_COLOR}"', logo)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}">'
            f'<rect width="100%" height="100%" fill="{THEME_COLOR}"/>{inner}</svg>')


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
    """The page sw.js shows offline at an address not saved on the device, in every language:
    ``${lang:key}`` from the catalogue of ``lang`` (i18n/), ``${lang:name}`` the site's name."""
    homes = {lang: "./" if i == 0 else f"{lang}/" for i, lang in enumerate(names)}

    def fill(match: re.Match) -> str:
        lang, key = match["lang"], match["key"]
        if key == "name":
            return escape(names[lang], quote=False)
        text = escape(word(key, lang), quote=False)
        return text.replace("{link}", f'<a href="{homes[lang]}">{escape(word("fallback_home", lang), quote=False)}</a>')

    page = Path(__file__).with_name(OFFLINE_PAGE).read_text(encoding="utf-8")
    (site / OFFLINE_PAGE).write_text(PLACE.sub(fill, page), encoding="utf-8")
