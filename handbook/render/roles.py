"""Role index, role sections with duty tables, and the common requirements."""

from __future__ import annotations

from ..book import Handbook
from ..models import Role
from .common import Context, added, added_if, esc, link, md_inline
from ..words import word


def _roles(hb: Handbook, kind: str | None) -> list[Role]:
    return [r for r in hb.roles.roles if kind is None or r.kind == kind]


def _reports_to(hb: Handbook, role: Role, ctx: Context) -> str:
    if role.reports_to:
        boss = hb.role(role.reports_to)
        return link(ctx, "role", boss.id, boss.title(ctx.lang))
    return esc(role.reports_to_text(ctx.lang)) if role.reports_to_text else "—"


def role_index(hb: Handbook, ctx: Context, kind: str | None = None) -> str:
    lang = ctx.lang
    chosen = _roles(hb, kind)
    # A column the handbook wrote for every role carries the badge once, in its header.
    whole = {f for f in ("purpose", "reports_to") if all(f in r.added for r in chosen)}

    def cell(r: Role, field: str, html: str) -> str:
        return html + ("" if field in whole else added_if(r, field, lang))

    rows = "\n".join(
        f"<tr><td>{link(ctx, 'role', r.id, r.title(lang))}</td><td>{cell(r, 'purpose', esc(r.purpose(lang)))}</td>"
        f"<td>{cell(r, 'reports_to', _reports_to(hb, r, ctx))}</td><td class=\"hb-num\">{len(r.duties)}</td></tr>"
        for r in chosen
    )
    head = "".join(f'<th scope="col">{word(k, lang)}</th>' for k in ("role", "purpose", "reports_to", "duty_count"))
    # The note goes in a caption, which wraps on a phone (a badge in a header cell would not).
    sep = "、" if lang == "zh" else ", "
    note = sep.join(word(k, lang) for k in ("purpose", "reports_to") if k in whole)
    caption = f'<caption class="hb-muted">{added(lang).strip()}{word("colon", lang)}{note}</caption>\n' if note else ""
    return (f'<table class="hb-table hb-role-index">\n{caption}<thead><tr>{head}</tr></thead>\n'
            f"<tbody>\n{rows}\n</tbody>\n</table>")


def _standard_links(hb: Handbook, ids: list[str], ctx: Context) -> str:
    return ", ".join(link(ctx, "standard", i, hb.standard(i).title(ctx.lang)) for i in ids)


def _list(title: str, items: list[str], badge: str = "") -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{item}</li>" for item in items)
    return f'<h3 class="hb-subhead">{title}{badge}</h3>\n<ul>{lis}</ul>'


def role_section(hb: Handbook, role: Role, ctx: Context) -> str:
    """One role: an H2 for the table of contents, then an HTML block."""
    lang = ctx.lang
    rows = []
    for n, duty in enumerate(role.duties, 1):
        measured = _standard_links(hb, duty.standards, ctx)
        procedures = ", ".join(
            link(ctx, "blueprint", b, hb.blueprints[b].title(lang)) for b in duty.blueprints
        )
        rows.append(
            f'<tr id="duty-{role.id}-{duty.id}"><td class="hb-num">{n}</td><td>{esc(duty.text(lang))}{added_if(duty, "text", lang)}</td>'
            f"<td>{'<br>'.join(x for x in (measured, procedures) if x) or '—'}</td></tr>"
        )
    head = f'<th scope="col">#</th><th scope="col">{word("duty", lang)}</th><th scope="col">{word("measured_by", lang)}</th>'
    block = [
        f'<div class="hb-role">\n<p class="hb-role__purpose">{esc(role.purpose(lang))}{added_if(role, "purpose", lang)}</p>',
        f'<p class="hb-role__meta"><strong>{word("reports_to", lang)}{word("colon", lang)}</strong>'
        f"{_reports_to(hb, role, ctx)}{added_if(role, 'reports_to', lang)}</p>",
        f'<table class="hb-table hb-duties">\n<caption>{word("duties", lang)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>",
        _list(word("requirements", lang), [esc(r(lang)) + added_if(r, "text", lang) for r in role.requirements],
              added_if(role, "requirements", lang)),
        _list(word("indicators", lang), [link(ctx, "standard", i, hb.standard(i).title(lang)) for i in role.indicators],
              added_if(role, "indicators", lang)),
        _list(word("career_paths", lang), [esc(c(lang)) + added_if(c, "text", lang) for c in role.career_paths],
              added_if(role, "career_paths", lang)),
        "</div>",
    ]
    heading = f"## {md_inline(role.title(lang))} {{#role-{role.id}}}"
    return heading + "\n\n" + "\n".join(part for part in block if part)


def roles(hb: Handbook, ctx: Context, kind: str | None = None) -> str:
    return "\n\n".join(role_section(hb, r, ctx) for r in _roles(hb, kind))


def common_requirements(hb: Handbook, ctx: Context) -> str:
    items = "".join(f"<li>{esc(r(ctx.lang))}{added_if(r, 'text', ctx.lang)}</li>" for r in hb.roles.common_requirements)
    return f'<ul class="hb-requirements">{items}</ul>'
