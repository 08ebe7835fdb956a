"""Escaping and small HTML helpers shared by the renderers.

Every string that comes from a data file goes through :func:`esc` (HTML) or
:func:`md_inline` (a Markdown heading) before it reaches the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from ..words import word

# Returns the URL of an entity's home (``"role"``, ``"cs-manager"``) relative
# to the page being built, or None when no page shows it.
Href = Callable[[str, str], "str | None"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~^=])")


@dataclass(frozen=True)
class Context:
    lang: str
    href: Href
    page: str = "index.md"  # the page being built, as a path under docs/<lang>/


def page_link(ctx: Context, target: str, anchor: str | None, label: str) -> str:
    """A Markdown link from the page being built to ``target`` (a path under docs/<lang>/):
    MkDocs turns it into the page's URL and its strict build checks page and anchor."""
    rel = posixpath.relpath(target, posixpath.dirname(ctx.page) or ".")
    return f"[{md_inline(label)}]({rel}{'#' + anchor if anchor else ''})"


def esc(text: str) -> str:
    return escape(text, quote=True)


def md_inline(text: str) -> str:
    """Text safe to place in a Markdown heading: no HTML, no Markdown syntax."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def link(ctx: Context, kind: str, entity_id: str, label: str) -> str:
    """An <a> to the entity's home, or the bare label when no page shows it."""
    url = ctx.href(kind, entity_id)
    return f'<a href="{esc(url)}">{esc(label)}</a>' if url else esc(label)


def number(value: float) -> str:
    return f"{value:g}"


def added(lang: str) -> str:
    """The badge that marks what the handbook added to the course (one convention everywhere)."""
    return f' <span class="hb-added" title="{word("added_title", lang)}">{word("added", lang)}</span>'


def added_if(entry, field: str, lang: str) -> str:
    return added(lang) if field in entry.added else ""

