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
from email.utils import format_datetime
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from .models import Change, ChangesFile
from .words import word

LANGS = ("zh", "en")
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


def latest(changes: ChangesFile, limit: int) -> list[Change]:
    return changes.changes[:limit]


def page_title(docs: Path, lang: str, page: str) -> str:
    heading = re.search(r"^# (.+)$", (docs / lang / page).read_text(encoding="utf-8"), re.M)
    return heading.group(1).strip() if heading else page


def feed(changes: ChangesFile, lang: str, site_url: str, docs: Path, page_url, limit: int = 20) -> str:
    """An RSS 2.0 feed of the latest notes in ``lang``: one item per change, linking to its entry
    on What's new and describing the note and the pages it changed. Dated by the notes, so two
    builds of one commit write the same bytes."""
    base = site_url.rstrip("/") + "/"
    prefix = "" if lang == LANGS[0] else f"{lang}/"
    whats_new = base + prefix + "whats-new/"
    items = []
    for change in latest(changes, limit):
        when = format_datetime(_dt.datetime.combine(change.date, _dt.time(9), _dt.timezone.utc))
        pages = "".join(f'<li><a href="{escape(base + page_url(p, lang).lstrip("/"))}">{escape(page_title(docs, lang, p))}</a></li>'
                        for p in change.pages)
        body = f"<p>{escape(change.note(lang))}</p><ul>{pages}</ul>"
        items.append(
            "<item>"
            f"<title>{xml_escape(change.note(lang))}</title>"
            f"<link>{xml_escape(whats_new)}#change-{change.id}</link>"
            f'<guid isPermaLink="false">{xml_escape(base)}#change-{change.id}-{lang}</guid>'
            f"<pubDate>{when}</pubDate>"
            f"<description>{xml_escape(body)}</description>"
            "</item>"
        )
    newest = changes.changes[0].date if changes.changes else _dt.date(1970, 1, 1)
    built = format_datetime(_dt.datetime.combine(newest, _dt.time(9), _dt.timezone.utc))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{xml_escape(word('feed_title', lang))}</title>"
        f"<link>{xml_escape(base + prefix)}</link>"
        f"<description>{xml_escape(word('feed_description', lang))}</description>"
        f"<language>{'zh-CN' if lang == 'zh' else 'en'}</language>"
        f"<lastBuildDate>{built}</lastBuildDate>"
        f"<image><url>{xml_escape(base)}assets/feed-logo.png</url><title>{xml_escape(word('feed_title', lang))}</title>"
        f"<link>{xml_escape(base + prefix)}</link></image>"
        + "".join(items) + "</channel></rss>\n"
    )


def write_feeds(changes: ChangesFile, site: Path, site_url: str, docs: Path, page_url, limit: int = 20) -> None:
    for lang in LANGS:
        target = site / ("" if lang == LANGS[0] else lang) / FEED
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(feed(changes, lang, site_url, docs, page_url, limit), encoding="utf-8")
