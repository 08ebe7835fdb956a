"""At the foot of each page: when it last changed, who owns it and when it is due for review
(at the top it would push the first card of the daily-use pages off a phone's first screen);
under the title, a notice when the review date has passed or when the other language has
changed since.
A page with ``recent_changes: N`` in its front matter (What's new) lists the N latest notes for
staff from data/changes.yml (:mod:`handbook.changes`), which also make one RSS feed per language.

Owner and review date come from front matter, checked against data/roles.yml; dates,
translation lag from one git log (:mod:`handbook.freshness`, which says why not
mkdocs-git-revision-date-localized-plugin).
"""

from __future__ import annotations

import datetime as _dt
import re
from html import escape
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from handbook import changes as staff_notes
from handbook import freshness
from handbook.nav import page_url
from handbook.words import word

H1_END = re.compile(r"</h1>")

_commits: list[freshness.Commit] | None = None
_lags: dict[tuple[str, str], freshness.Lag] = {}
_changed: dict[tuple[str, str], freshness.Commit] = {}
_today = freshness.today()


def long_date(day: _dt.date, lang: str) -> str:
    """2026年12月3日 / 3 December 2026 (date_long and month_1 … month_12 in i18n/)."""
    return word("date_long", lang).format(year=day.year, month=word(f"month_{day.month}", lang), day=day.day)


def _time(day: _dt.date, lang: str) -> str:
    return f'<time datetime="{day.isoformat()}">{long_date(day, lang)}</time>'


def on_config(config):
    global _commits, _lags, _changed, _today
    root = Path(config.config_file_path).parent
    _commits = freshness.history(root)
    _lags = freshness.lags(_commits) if _commits else {}
    _changed = freshness.last_changed(_commits) if _commits else {}
    _today = freshness.today()


def _roles(config) -> tuple[dict, dict[tuple[str, str], str]]:
    """Roles by id and where each entry lives, as hooks/data_blocks.py loaded them (one load, one error report)."""
    handbook, homes = config.plugins["hooks/data_blocks.py"].loaded()
    return {role.id: role for role in handbook.roles.roles}, homes


def _lang_and_src(page) -> tuple[str, str]:
    lang, _, src = page.file.src_uri.partition("/")
    return lang, src


def on_page_markdown(markdown, page, config, files):
    lang, src = _lang_and_src(page)
    where = f"docs/{page.file.src_uri}"
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    try:
        owner, review_by = freshness.check_meta(page.meta, text, where, set(_roles(config)[0]))
    except freshness.MetaError as exc:
        raise PluginError(str(exc)) from None
    page.meta["hb_trust"] = (owner, review_by)
    commit = _changed.get((src, lang))
    if commit:
        page.meta["hb_updated"] = _dt.datetime.fromtimestamp(commit.timestamp, _dt.timezone.utc)
    limit = page.meta.get("recent_changes")
    if limit is not None:
        if not isinstance(limit, int) or limit < 1:
            raise PluginError(f"{where}:1: recent_changes: {limit!r} is not a positive whole number; write e.g. `recent_changes: 20`")
        markdown += "\n\n" + _recent(lang, page, limit, config)
    return markdown


def _recent(lang: str, page, limit: int, config) -> str:
    """The latest notes for staff (data/changes.yml), newest first: date, note, the pages it changed."""
    docs = Path(config.docs_dir)
    notes = config.plugins["hooks/data_blocks.py"].loaded()[0].changes
    prefix = "" if lang == staff_notes.LANGS[0] else f"{lang}/"
    feed = get_relative_url(prefix + staff_notes.FEED, page.url)
    feed_link = f'<p class="hb-changes__feed"><a href="{feed}" type="application/rss+xml">{word("trust_feed", lang)}</a></p>\n'
    chosen = staff_notes.latest(notes, limit)
    if not chosen:
        return feed_link + f'<p class="hb-changes hb-changes--none">{word("trust_no_notes", lang)}</p>'
    items = []
    for change in chosen:
        links = "".join(
            f'<li><a href="{escape(get_relative_url(page_url(src, lang).lstrip("/"), page.url))}">'
            f"{escape(staff_notes.page_title(docs, lang, src))}</a></li>"
            for src in change.pages
        )
        items.append(f'<li class="hb-change" id="change-{change.id}">{_time(change.date, lang)} · '
                     f'<span class="hb-change__note">{escape(change.note(lang))}</span>\n<ul>{links}</ul></li>')
    # Pages' titles, listed here: leave them to the pages' own search results.
    return feed_link + '<ul class="hb-changes" data-search-ignore>\n' + "\n".join(items) + "\n</ul>\n"


@event_priority(-200)  # once every language is built (mkdocs-static-i18n nests their builds)
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    root = Path(config.config_file_path).parent
    notes = config.plugins["hooks/data_blocks.py"].loaded()[0].changes
    staff_notes.write_feeds(notes, Path(config.site_dir), config.site_url or "", root / "docs", page_url)


def on_page_content(html, page, config, files):
    lang, src = _lang_and_src(page)
    owner_id, review_by = page.meta["hb_trust"]
    roles, homes = _roles(config)
    owner = escape(roles[owner_id].title(lang))
    home = homes.get(("role", owner_id))
    owner_link = (f'<a href="{escape(get_relative_url(home, page.url))}#role-{owner_id}">{owner}</a>'
                  if home else owner)
    if "hb_updated" in page.meta:
        updated = _time(page.meta["hb_updated"].date(), lang)
    else:
        updated = f'<span class="hb-trust__unknown">{word("trust_unknown", lang)}</span>'
    # For contributors, in words at the foot, instead of Material's pencil above the title that
    # front-line staff could not place; not on paper (print.css).
    edit = (f' <a class="hb-trust__fact hb-trust__edit" href="{escape(page.edit_url)}">{word("trust_edit", lang)}</a>'
            if page.edit_url else "")
    facts = (
        '<div class="hb-trust hb-trust--facts" data-search-ignore>'  # the same words on every page: not for search
        '<p class="hb-trust__facts">'
        f'<span class="hb-trust__fact">{word("trust_updated", lang)}{word("colon", lang)}{updated}</span> '
        f'<span class="hb-trust__fact">{word("trust_owner", lang)}{word("colon", lang)}{owner_link}</span> '
        f'<span class="hb-trust__fact">{word("trust_review_by", lang)}{word("colon", lang)}{_time(review_by, lang)}</span>'
        f"{edit}</p></div>\n"
    )
    parts = [
        '<div class="hb-trust hb-trust--notices" data-search-ignore>',
        # Shown when the build is past the date; review-due.js shows it once the reader's day is.
        f'<div class="admonition warning hb-review-due" data-hb-review-by="{review_by.isoformat()}"'
        f'{"" if review_by < _today else " hidden"}>'
        f'<p class="admonition-title">{word("trust_due_title", lang)}</p>'
        f'<p>{word("trust_due", lang).format(date=long_date(review_by, lang), owner=owner)}</p></div>',
    ]
    lag = _lags.get((src, lang))
    if lag:
        newer = word(f"lang_{lag.newer}", lang)
        href = get_relative_url(page_url(src, lag.newer).lstrip("/"), page.url)
        parts.append(
            '<div class="admonition info hb-lag">'
            f'<p class="admonition-title">{word("trust_lag_title", lang)}</p>'
            f'<p>{word("trust_lag", lang).format(newer=newer, date=long_date(lag.commit.date, lang), subject=escape(lag.commit.subject))} '
            f'<a href="{escape(href)}" hreflang="{lag.newer}">{word("trust_read", lang).format(newer=newer)}</a></p></div>'
        )
    parts.append("</div>")
    return H1_END.sub(lambda m: m.group(0) + "\n" + "\n".join(parts), html, count=1) + facts
