"""The one heading and anchor rule: the build's. Used by the source check (links and anchors),
the situations' answers and, through them, the search records.

A heading's anchor is what Python-Markdown's toc extension gives it in the build: the extensions
and options ``mkdocs.yml`` lists (pymdownx's slugify, lower case), so an explicit ``{#id}`` wins,
links, emphasis, inline code and tags count by their text, ``_`` stays, an entity counts as the
character it stands for, and a repeated anchor gets ``_1``, ``_2``. A page's anchors are its
headings' and the entries its markers show (``phrase-…``, ``standard-…``); each maps to the
title a link to it would show (the heading as the table of contents shows it).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from pathlib import Path

from pymdownx import slugs

from .markers import fenced_lines, find_markers
from .nav import MKDOCS_YML, read_config
from .nav import _Loader as _NavLoader

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<raw>.*?)\s*#*\s*$")
EXPLICIT_ID = re.compile(r"\{:?\s*[^}]*?#[\w-]+[^}]*\}\s*$")  # attr_list's {#id} at the end
# Heading text without any character Markdown's inline syntax (or an extension's) starts with,
# and no :emoji: shortcode: its anchor is the slug of the text itself, no need to run Markdown.
_PLAIN = re.compile(r"[^\\`*_\[\]!<>&{}~^=+]*")
_EMOJI = re.compile(r":[+\-\w]+:")


class _Loader(_NavLoader):
    """mkdocs.yml's loader in handbook.nav (``!!python/...`` options read as None), which also
    makes the one Python object a heading's anchor depends on: the slugify given to toc."""


_Loader.add_constructor(
    "tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify",
    lambda loader, node: slugs.slugify(**loader.construct_mapping(node, deep=True).get("kwds", {})),
)


@functools.cache
def _markdown():
    """Python-Markdown with the build's extensions and their options from mkdocs.yml (options
    that are other Python objects, such as the emoji index, left at their defaults)."""
    import markdown

    names, options = [], {}
    for item in _config().get("markdown_extensions") or []:
        name, opts = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        options[name] = {key: value for key, value in (opts or {}).items() if value is not None}
    if "toc" not in names:
        names.append("toc")  # MkDocs always adds it
    return markdown.Markdown(extensions=names, extension_configs=options)


@functools.cache
def _config() -> dict:
    return read_config(MKDOCS_YML, _Loader)


def slugify(text: str) -> str:
    """The build's slug of a plain text: the slugify and separator mkdocs.yml gives toc."""
    from markdown.extensions.toc import TocExtension

    toc = next((item["toc"] for item in _config().get("markdown_extensions") or []
                if isinstance(item, dict) and "toc" in item), None) or {}
    defaults = TocExtension().getConfigs()
    return (toc.get("slugify") or defaults["slugify"])(text, toc.get("separator", defaults["separator"]))


def heading(raw: str) -> tuple[str | None, str]:
    """(explicit id or None, text as the table of contents shows it) of a heading's Markdown."""
    if _PLAIN.fullmatch(raw) and not _EMOJI.search(raw):
        return None, raw
    md = _markdown()
    md.reset()
    md.convert("## " + raw)
    token = md.toc_tokens[0]
    text = html.unescape(token["name"])
    return (token["id"] if EXPLICIT_ID.search(raw) else None), text


def page_title(path: Path) -> str | None:
    """The text of a Markdown page's first ``# `` heading, as the table of contents shows it."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return heading(line[2:])[1]
    return None


def _unique_slug(text: str, used: set[str]) -> str:
    from markdown.extensions.toc import unique

    return unique(slugify(text), used)


def heading_ids(raws: Iterable[str]) -> list[tuple[str, str]]:
    """(anchor, text) of each heading of one page, in order, as the build gives them: explicit
    ids are taken first, then each other heading gets its slug, made unique with ``_1``, ``_2``."""
    parsed = [heading(raw) for raw in raws]
    used = {explicit for explicit, _ in parsed if explicit}
    return [(explicit or _unique_slug(text, used), text) for explicit, text in parsed]


def heading_anchors(markdown: str) -> dict[str, str]:
    """anchor → heading text, for the headings written in a page's Markdown (not in code)."""
    code = fenced_lines(markdown)
    raws = [match.group("raw") for number, line in enumerate(markdown.splitlines(), 1)
            if number not in code and (match := HEADING.match(line))]
    return dict(heading_ids(raws))


def page_anchors(markdown: str, entity_titles: dict[tuple[str, str], str], shows) -> dict[str, str]:
    """Heading anchors plus ``kind-id`` for every entry the page's markers show.

    ``shows(marker)`` lists the (kind, id) pairs a marker puts on the page and
    ``entity_titles`` names them; both come from the caller, who has the data.
    """
    anchors = heading_anchors(markdown)
    for marker in find_markers(markdown):
        for kind, entity_id in shows(marker):
            anchors[f"{kind}-{entity_id}"] = entity_titles.get((kind, entity_id), entity_id)
    return anchors
