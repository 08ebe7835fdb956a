"""What every renderer is given: the language, the page being built and how to link to an entry's
home; and the links and numbers they share. Escaping lives in handbook/templating.py."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..templating import markdown_text

# Returns the URL of an entity's home (``"role"``, ``"cs-manager"``) relative
# to the page being built, or None when no page shows it.
Href = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class Context:
    lang: str
    href: Href
    page: str = "index.md"  # the page being built, as a path under docs/<lang>/


def page_link(ctx: Context, target: str, anchor: str | None, label: str) -> Markup:
    """A Markdown link from the page being built to ``target`` (a path under docs/<lang>/):
    MkDocs turns it into the page's URL and its strict build checks page and anchor."""
    rel = posixpath.relpath(target, posixpath.dirname(ctx.page) or ".")
    return markdown_text(label).join(("[", f"]({rel}{'#' + anchor if anchor else ''})"))


def number(value: float) -> str:
    return f"{value:g}"
