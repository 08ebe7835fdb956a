"""Jinja templates for every piece of HTML the handbook writes: handbook/templates/.

Autoescape is on and an undefined name is an error, so text from a data file is escaped
wherever a template prints it. HTML that is already safe (another template's output, a page's
Markdown rendered by MkDocs) is marked with :func:`trusted`, the one place that does so.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .words import word

TEMPLATES = Path(__file__).resolve().parent / "templates"
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+!|~^=])")


def _escape(value):
    """Escape as :func:`html.escape` does (``&#x27;``, ``&quot;``), Jinja's default being
    ``&#39;``/``&#34;``: the pages stay byte for byte what they were before templates."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(escape(value, quote=True))
    return value


def markdown_text(text: str) -> Markup:
    """Data text to place in Markdown (a heading, a table cell): HTML and Markdown syntax escaped.
    Quotes stay as they are: a heading's text also goes to the table of contents, which would
    show ``&#x27;`` as it is."""
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", escape(text, quote=False)))


def trusted(html: str) -> Markup:
    """HTML that needs no escaping: built by a template or by MkDocs, never raw data text."""
    return Markup(html)


ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=_escape,
)
ENV.globals["word"] = word
ENV.filters["md"] = markdown_text


def render(name: str, **context) -> Markup:
    """Template ``name`` (a path under handbook/templates/) filled with ``context``.

    Markup, so another template can print it as it is. Where it leaves the templates (spliced
    into a page's Markdown or HTML) make it ``str(...)``: ``text + markup`` would escape ``text``."""
    return Markup(ENV.get_template(name).render(**context))


def macro(name: str, *args, **kwargs) -> str:
    """One macro of handbook/templates/macros.html, as plain HTML text for code outside the
    templates (the search records carry the phrase line this way)."""
    return str(getattr(ENV.get_template("macros.html").module, name)(*args, **kwargs))
