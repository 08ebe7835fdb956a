"""Is a page current? Its owner and review date (front matter), and its history in git.

Every content page names an ``owner`` (a role id from data/roles.yml) and a ``review_by``
date. From git: when each language of a page last changed, which translation has fallen
behind its counterpart, and the latest changes for the What's new page. Two commit trailers:
``Translation: neutral`` (a typo fix, a link) changes one language without making the other
one lag; ``Page-dates: unchanged`` (front matter, formatting) changes no page's date at all.

Dates come from one ``git log`` here rather than from mkdocs-git-revision-date-localized-plugin:
it asks git for ``--diff-filter=r``, which Debian 12's git 2.39 answers with no commit at all,
so every page would carry the build day.

``python -m handbook.freshness`` prints pages past their review date and lagging pairs.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from .nav import LANGS

NEUTRAL_TRAILER = "Translation"  # "Translation: neutral"
SILENT_TRAILER = "Page-dates"  # "Page-dates: unchanged"
NEUTRAL_FILE = "translation-neutral-commits.txt"  # older commits, from before the trailer


@dataclass(frozen=True)
class Commit:
    hash: str
    timestamp: int  # author date, as the dates plugin uses
    subject: str
    neutral: bool  # "Translation: neutral": no other language needs to follow
    silent: bool  # "Page-dates: unchanged": not a change readers need to know about
    files: tuple[str, ...]  # paths relative to the repository's top

    @property
    def date(self) -> _dt.date:
        return _dt.datetime.fromtimestamp(self.timestamp, _dt.timezone.utc).date()


@dataclass(frozen=True)
class Lag:
    """``lang`` of page ``src`` has not followed ``newer``'s change in ``commit``."""

    src: str  # "foundations/customers.md"
    lang: str
    newer: str
    commit: Commit


class MetaError(ValueError):
    """Front matter that is missing or wrong: ``docs/<lang>/<page>:<line>: <field>: …``."""


# ------------------------------------------------------------------ git


def history(root: Path, under: str = "docs") -> list[Commit] | None:
    """Commits touching ``under``, newest first; None outside a git checkout (or without git)."""
    fmt = "%x1e%H%x1f%at%x1f%s%x1f" + "".join(
        f"%(trailers:key={key},valueonly,separator=%x2C)%x1f" for key in (NEUTRAL_TRAILER, SILENT_TRAILER))
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, timeout=30)
        if top.returncode != 0:
            return None
        out = subprocess.run(
            ["git", "-C", str(root), "log", "--no-renames", f"--format={fmt}", "--name-only", "--", under],
            capture_output=True, text=True, timeout=60, check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    listed = _listed_neutral(Path(root) / NEUTRAL_FILE)
    prefix = Path(root).resolve().relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    commits = []
    for record in out.split("\x1e")[1:]:
        sha, stamp, subject, translation, dates, names = record.split("\x1f")
        files = tuple(n[len(prefix):] for n in names.split("\n") if n.strip() and n.startswith(prefix))
        neutral = translation.strip().lower() == "neutral" or sha in listed
        silent = dates.strip().lower() == "unchanged"
        commits.append(Commit(sha, int(stamp), subject, neutral or silent, silent, files))
    return commits


def _listed_neutral(path: Path) -> set[str]:
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].split() for line in path.read_text(encoding="utf-8").splitlines())
    return {words[0] for words in lines if words}


def _page(name: str, docs: str) -> tuple[str, str] | None:
    """``docs/zh/foundations/customers.md`` → ("foundations/customers.md", "zh"); None if not a page."""
    parts = name.split("/", 2)
    if len(parts) == 3 and parts[0] == docs and parts[1] in LANGS and parts[2].endswith(".md"):
        return parts[2], parts[1]
    return None


def lags(commits: list[Commit], docs: str = "docs") -> dict[tuple[str, str], Lag]:
    """(src, lagging lang) → Lag. Oldest commit first: a change to some languages only makes the
    others lag, unless it is those languages catching up (they lagged) or the commit is neutral; a
    commit that changes every language settles the page."""
    out: dict[tuple[str, str], Lag] = {}
    for commit in reversed(commits):  # newest first in git log
        if commit.neutral:
            continue
        touched: dict[str, set[str]] = {}
        for name in commit.files:
            key = _page(name, docs)
            if key:
                touched.setdefault(key[0], set()).add(key[1])
        for src, langs in touched.items():
            # a lagging language changed is one catching up; the others changed are news
            news = [lang for lang in LANGS if lang in langs and not out.pop((src, lang), None)]
            if not news:
                continue
            for other in LANGS:
                if other not in langs:
                    out[(src, other)] = Lag(src, other, news[0], commit)
    return out


def last_changed(commits: list[Commit], docs: str = "docs") -> dict[tuple[str, str], Commit]:
    """(src, lang) → the newest commit that changed that page (``Page-dates: unchanged`` ones skipped)."""
    out: dict[tuple[str, str], Commit] = {}
    for commit in commits:
        if not commit.silent:
            for name in commit.files:
                key = _page(name, docs)
                if key:
                    out.setdefault(key, commit)
    return out


def recent(commits: list[Commit], limit: int, lang: str | None = None, docs: str = "docs",
           skip: str = "") -> list[tuple[str, str, Commit]]:
    """The ``limit`` latest changed pages as (src, lang, commit), one entry per page and language
    (only ``lang``'s pages when given; never ``skip``, the page that lists them)."""
    seen: set[tuple[str, str]] = {(skip, code) for code in LANGS} if skip else set()
    out = []
    for commit in commits:
        if commit.silent:
            continue
        for name in sorted(commit.files):
            key = _page(name, docs)
            if key and key not in seen and (lang is None or key[1] == lang):
                seen.add(key)
                out.append((*key, commit))
                if len(out) == limit:
                    return out
    return out


# ---------------------------------------------------- owner and review date


def today() -> _dt.date:
    """The build's day: SOURCE_DATE_EPOCH's (reproducible builds) when set, else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch else _dt.datetime.now(_dt.timezone.utc)
    return now.date()


def _line(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def check_meta(meta: dict, text: str, where: str, role_ids: set[str]) -> tuple[str, _dt.date]:
    """(owner, review_by) of a page, or MetaError naming file, line and field."""
    problems = []
    owner = meta.get("owner")
    if owner is None:
        problems.append(f"{where}:1: owner: missing; add `owner: <role id>` to the front matter "
                        f"(one of {', '.join(sorted(role_ids))})")
    elif not isinstance(owner, str) or owner not in role_ids:
        problems.append(f"{where}:{_line(text, 'owner')}: owner: {owner!r} is not a role in data/roles.yml; "
                        f"use one of {', '.join(sorted(role_ids))}")
    review_by = meta.get("review_by")
    if review_by is None:
        problems.append(f"{where}:1: review_by: missing; add `review_by: YYYY-MM-DD` to the front matter")
    elif isinstance(review_by, str):
        try:
            review_by = _dt.date.fromisoformat(review_by)
        except ValueError:
            pass
    if review_by is not None and not isinstance(review_by, _dt.date):
        problems.append(f"{where}:{_line(text, 'review_by')}: review_by: {review_by!r} is not a date; "
                        "write it as YYYY-MM-DD, e.g. 2027-06-30")
    if problems:
        raise MetaError("\n".join(problems))
    return owner, review_by


def front_matter(text: str) -> dict:
    match = re.match(r"---\s*\n(.*?\n)---\s*\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


# ------------------------------------------------------------------ report


def report(root: Path, on: _dt.date | None = None) -> tuple[list[str], list[str], list[str]]:
    """(errors, overdue pages, lagging pairs) as printable lines."""
    from .load import load_handbook

    on = on or today()
    role_ids = {r.id for r in load_handbook(root / "data").roles.roles}
    errors, overdue = [], []
    for lang in LANGS:
        for path in sorted((root / "docs" / lang).rglob("*.md")):
            where = path.relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            try:
                owner, review_by = check_meta(front_matter(text), text, where, role_ids)
            except MetaError as exc:
                errors.append(str(exc))
                continue
            if review_by < on:
                overdue.append(f"{where}: review was due {review_by.isoformat()} (owner: {owner})")
    commits = history(root)
    lagging = [] if commits is None else [
        f"docs/{lag.lang}/{lag.src} lags docs/{lag.newer}/{lag.src}: "
        f"{lag.commit.hash[:7]} {lag.commit.date.isoformat()} {lag.commit.subject}"
        for _, lag in sorted(lags(commits).items())
    ]
    return errors, overdue, lagging


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 1 on front-matter errors (overdue and lagging pages are news, not failures)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m handbook.freshness", description=__doc__.split("\n\n")[0])
    parser.add_argument("--on", type=_dt.date.fromisoformat, help="judge review dates as of this day (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[1]
    errors, overdue, lagging = report(root, args.on)
    for title, lines in (("Front matter errors", errors), ("Due for review", overdue), ("Translations behind", lagging)):
        print(f"{title}: {len(lines)}")
        for line in lines:
            print("  " + line.replace("\n", "\n  "))
    if history(root) is None:
        print("(not a git checkout: translation lag unknown)")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
