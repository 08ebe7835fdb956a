"""Role index, role sections with duty tables, and the common requirements.

Drawn by handbook/templates/blocks/role-index.html, roles.html and common-requirements.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..book import Handbook
from ..models import Role
from ..templating import markdown_text, render
from .common import Context

# Columns of the role index that the handbook may have written for every role shown.
WHOLE_COLUMNS = ("purpose", "reports_to")


@dataclass(frozen=True)
class Section:
    role: Role
    heading: str  # the role's title, safe in a Markdown heading


def _roles(hb: Handbook, kind: str | None) -> list[Role]:
    return [r for r in hb.roles.roles if kind is None or r.kind == kind]


def role_index(hb: Handbook, ctx: Context, kind: str | None = None) -> str:
    chosen = _roles(hb, kind)
    # A column the handbook wrote for every role carries the badge once, in a caption (which
    # wraps on a phone, where a badge in a header cell would not).
    whole = [f for f in WHOLE_COLUMNS if all(f in r.added for r in chosen)]
    return render("blocks/role-index.html", hb=hb, ctx=ctx, lang=ctx.lang, roles=chosen, whole=whole)


def roles(hb: Handbook, ctx: Context, kind: str | None = None) -> str:
    """One H2 per role for the table of contents, each followed by its HTML block."""
    sections = [Section(r, markdown_text(r.title(ctx.lang))) for r in _roles(hb, kind)]
    return render("blocks/roles.html", hb=hb, ctx=ctx, lang=ctx.lang, sections=sections)


def common_requirements(hb: Handbook, ctx: Context) -> str:
    return render("blocks/common-requirements.html", lang=ctx.lang, requirements=hb.roles.common_requirements)
