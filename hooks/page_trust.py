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
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from handbook import changes as staff_notes
from handbook import freshness
from handbook.nav import page_url
from handbook.templating import render
from handbook.words import word

H1_END = re.compile(r"</h1>")

_commits: list[freshness.Commit] | None = None
_lags: dict[tuple[str, str], freshness.Lag] = {}
_changed: dict[tuple[str, str], freshness.Commit] = {}
_today = freshness.today()


def long_date(day: _dt.date, lang: str) -> str:
    """2026年12月3日 / 3 December 2026 (date_long and month_1 … month_12 in i18n/)."""
    return word("date_long", lang).format(year=day.year, month=word(f"month_{day.month}", lang), day=day.day)


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
    notes = staff_notes.notes(config.plugins["hooks/data_blocks.py"].loaded()[0].changes, lang, limit,
                              Path(config.docs_dir), lambda src: get_relative_url(page_url(src, lang).lstrip("/"), page.url))
    feed = get_relative_url(staff_notes.feed_path(lang), page.url)
    # Plain str: Markup would escape the page's Markdown it is added to.
    return str(render("whats-new.html", lang=lang, feed=feed, notes=notes, long_date=long_date))


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
    home = homes.get(("role", owner_id))
    lag = _lags.get((src, lang))
    trust = {"lang": lang, "long_date": long_date, "review_by": review_by, "owner": roles[owner_id].title(lang)}
    notices = render("page-notices.html", **trust, due=review_by < _today, lag=lag,
                     lag_href=lag and get_relative_url(page_url(src, lag.newer).lstrip("/"), page.url))
    # The edit link: for contributors, in words at the foot, instead of Material's pencil above
    # the title that front-line staff could not place.
    foot = render("page-foot.html", **trust, updated=page.meta["hb_updated"].date() if "hb_updated" in page.meta else None,
                  owner_href=home and f"{get_relative_url(home, page.url)}#role-{owner_id}", edit_url=page.edit_url)
    return H1_END.sub(lambda m: f"{m.group(0)}\n{notices}", html, count=1) + f"{foot}\n"
