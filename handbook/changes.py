"""What's new for staff: the notes in ``data/changes.yml``, on the What's new page and in one
RSS feed per language (``feed_rss_updated.xml``, ``en/feed_rss_updated.xml``).

Only changes with a note are listed: a commit is for the people who maintain the handbook, a
note is for the people who use it, in both languages, in plain words. :func:`check_changes`
(run by ``scripts/check`` and the build) keeps the notes that way: pages that exist in both
languages, newest first, no file names, code or commit talk.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Callable

from .anchors import page_title
from .models import ChangesFile
from .nav import LANGS, lang_prefix
from .templating import render

# Words that belong in a commit message, not in a note for staff.
DEVELOPER = re.compile(r"`|\b[\w/-]+\.(?:py|yml|yaml|js|css|json|html)\b|\bscripts/|\bcommit\b|\bmarker\b|\bhook\b", re.I)
FEED = "feed_rss_updated.xml"


def check_changes(changes: ChangesFile, docs: Path) -> list[tuple[tuple, str]]:
    """(field path, message) for every note that would mislead or confuse staff."""
    problems: list[tuple[tuple, str]] = []
    previous: _dt.date | None = None
    for i, change in enumerate(changes.changes):
        if previous is not None and change.date > previous:
            problems.append((("changes", i, "date"), f"{change.date} is newer than the entry above it ({previous}); "
                             "list changes newest first"))
        previous = change.date
        for j, page in enumerate(change.pages):
            missing = [lang for lang in LANGS if not (docs / lang / page).is_file()]
            if missing:
                problems.append((("changes", i, "pages", j), f"no page docs/{missing[0]}/{page}; give a path under "
                                 "docs/<lang>/ that exists in both languages, e.g. communication/phone-etiquette.md"))
        for lang in LANGS:
            found = DEVELOPER.search(change.note(lang))
            if found:
                problems.append((("changes", i, "note", lang), f"says '{found.group(0)}', which is for developers; "
                                 "say what changed for staff in plain words (the commit message keeps the details)"))
    return problems


@dataclass(frozen=True)
class PageLink:
    href: str
    title: str


@dataclass(frozen=True)
class Note:
    """One change as readers of ``lang`` see it: its note and the pages it changed."""

    id: str
    date: _dt.date
    text: str
    pages: list[PageLink]


def notes(changes: ChangesFile, lang: str, limit: int, docs: Path, href: Callable[[str], str]) -> list[Note]:
    """The latest ``limit`` notes in ``lang``, newest first; ``href`` gives a page's address."""
    return [Note(change.id, change.date, change.note(lang),
                 [PageLink(href(page), page_title(docs / lang / page) or page) for page in change.pages])
            for change in changes.changes[:limit]]


def _rfc822(day: _dt.date) -> str:
    """A note's day as RSS dates it: 09:00 UTC, so two builds of one commit write the same bytes."""
    return format_datetime(_dt.datetime.combine(day, _dt.time(9), _dt.timezone.utc))


def feed(changes: ChangesFile, lang: str, site_url: str, docs: Path, page_url, limit: int = 20) -> str:
    """An RSS 2.0 feed of the latest notes in ``lang`` (handbook/templates/feed.xml): one item per
    change, linking to its entry on What's new and describing the note and the pages it changed."""
    base = site_url.rstrip("/") + "/"
    home = base + lang_prefix(lang)
    newest = changes.changes[0].date if changes.changes else _dt.date(1970, 1, 1)
    return str(render("feed.xml", lang=lang, base=base, home=home, built=_rfc822(newest), rfc822=_rfc822,
                      notes=notes(changes, lang, limit, docs, lambda page: base + page_url(page, lang).lstrip("/"))))


def feed_path(lang: str) -> str:
    """Where the feed of ``lang`` is, from the site root: the default language's at the root."""
    return lang_prefix(lang) + FEED


def write_feeds(changes: ChangesFile, site: Path, site_url: str, docs: Path, page_url, limit: int = 20) -> None:
    for lang in LANGS:
        target = site / feed_path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(feed(changes, lang, site_url, docs, page_url, limit) + "\n", encoding="utf-8")
