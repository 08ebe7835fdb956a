"""Trust and freshness: page dates, owners and review dates, translation lag, What's new, the feed.

The history rules are tested on a temporary git repository; what readers see, on the built site
(and once on a stand-in project with commits of its own)."""

from __future__ import annotations

import datetime as _dt
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import LANGS, ROOT, lang_root, linked_project, pages, run_build_script
from handbook import freshness
from handbook.nav import read_config

SITE_URL = read_config(ROOT / "mkdocs.yml")["site_url"]
ZH_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
EN_DATE = re.compile(r"^(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$")


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env).stdout


def write(repo: Path, rel: str, text: str) -> None:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commit(repo: Path, message: str, *trailers: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, *[f"--trailer={t}" for t in trailers])


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    for lang in LANGS:
        write(tmp_path, f"docs/{lang}/a.md", f"# A {lang}\n")
        write(tmp_path, f"docs/{lang}/b.md", f"# B {lang}\n")
    commit(tmp_path, "Both languages")
    return tmp_path


def test_a_change_to_one_language_makes_the_other_lag_until_it_catches_up(repo):
    write(repo, "docs/zh/a.md", "# A zh\n\n新的一段。\n")
    commit(repo, "New paragraph on A")
    lags = freshness.lags(freshness.history(repo))
    assert set(lags) == {("a.md", "en")}
    assert lags[("a.md", "en")].newer == "zh" and lags[("a.md", "en")].commit.subject == "New paragraph on A"
    write(repo, "docs/en/a.md", "# A en\n\nA new paragraph.\n")
    commit(repo, "Translate the new paragraph on A")
    assert freshness.lags(freshness.history(repo)) == {}  # catching up does not make zh lag


def test_a_language_neutral_commit_raises_no_lag(repo):
    write(repo, "docs/zh/b.md", "# B zh（修正）\n")
    commit(repo, "Typo on B", "Translation: neutral")
    assert freshness.lags(freshness.history(repo)) == {}
    write(repo, "docs/en/a.md", "# A en, reworded\n")
    commit(repo, "Reword A")
    write(repo, "docs/en/a.md", "# A en, reworded again\n")
    commit(repo, "Typo on A", "Translation: neutral")
    assert set(freshness.lags(freshness.history(repo))) == {("a.md", "zh")}  # still behind the real change


def test_a_commit_to_both_languages_settles_a_lag(repo):
    write(repo, "docs/zh/a.md", "# A zh v2\n")
    commit(repo, "zh only")
    for lang in LANGS:
        write(repo, f"docs/{lang}/a.md", f"# A {lang} v3\n")
    commit(repo, "both")
    assert freshness.lags(freshness.history(repo)) == {}


def test_with_a_third_language_a_change_to_two_makes_the_third_lag(tmp_path, monkeypatch):
    monkeypatch.setattr(freshness, "LANGS", ("zh", "en", "fr"))
    git(tmp_path, "init", "-q")
    for lang in freshness.LANGS:
        write(tmp_path, f"docs/{lang}/a.md", f"# A {lang}\n")
    commit(tmp_path, "Three languages")
    for lang in ("zh", "en"):
        write(tmp_path, f"docs/{lang}/a.md", f"# A {lang} v2\n")
    commit(tmp_path, "zh and en")
    assert set(freshness.lags(freshness.history(tmp_path))) == {("a.md", "fr")}
    write(tmp_path, "docs/fr/a.md", "# A fr v2\n")
    commit(tmp_path, "fr catches up")
    assert freshness.lags(freshness.history(tmp_path)) == {}


def test_page_dates_skip_commits_marked_unchanged(repo):
    first = {key: c.hash for key, c in freshness.last_changed(freshness.history(repo)).items()}
    write(repo, "docs/zh/a.md", "---\nowner: x\n---\n\n# A zh\n")
    commit(repo, "Front matter", "Page-dates: unchanged")
    commits = freshness.history(repo)
    assert {key: c.hash for key, c in freshness.last_changed(commits).items()} == first
    assert all(c.subject != "Front matter" for _, _, c in freshness.recent(commits, 10))
    assert freshness.lags(commits) == {}


def test_recent_lists_pages_newest_first_per_language(repo):
    write(repo, "docs/en/b.md", "# B en v2\n")
    commit(repo, "B in English")
    recent = freshness.recent(freshness.history(repo), 10, lang="en")
    assert [(src, c.subject) for src, _, c in recent] == [("b.md", "B in English"), ("a.md", "Both languages")]


def test_outside_a_git_checkout_there_is_no_history(tmp_path):
    assert freshness.history(tmp_path) is None


@pytest.mark.parametrize(
    ("front", "wanted"),
    [
        ("owner: nobody\nreview_by: 2027-01-01\n", r"^docs/zh/x\.md:2: owner: 'nobody' is not a role in data/roles\.yml; use one of "),
        ("owner: cs-manager\nreview_by: next year\n", r"^docs/zh/x\.md:3: review_by: 'next year' is not a date; write it as YYYY-MM-DD"),
        ("review_by: 2027-01-01\n", r"^docs/zh/x\.md:1: owner: missing; add `owner: <role id>`"),
        ("owner: cs-manager\n", r"^docs/zh/x\.md:1: review_by: missing; add `review_by: YYYY-MM-DD`"),
    ],
)
def test_front_matter_mistakes_name_file_line_and_field(front, wanted):
    text = f"---\n{front}---\n\n# X\n"
    with pytest.raises(freshness.MetaError, match=wanted):
        freshness.check_meta(freshness.front_matter(text), text, "docs/zh/x.md", {"cs-manager", "quality-specialist"})


def test_every_page_has_a_valid_owner_and_review_date():
    errors, _, _ = freshness.report(ROOT)
    assert errors == []


def test_report_lists_overdue_pages():
    out = subprocess.run([sys.executable, "-m", "handbook.freshness", "--on", "2099-01-01"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    count = len(list((ROOT / "docs").rglob("*.md")))
    assert f"Due for review: {count}" in out
    assert "docs/zh/standards/smart.md: review was due 2027-06-30 (owner: quality-specialist)" in out
    quiet = subprocess.run([sys.executable, "-m", "handbook.freshness", "--on", "2000-01-01"],
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "Due for review: 0" in quiet


# ----------------------------------------------------------- the built site


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_shows_its_date_owner_and_review_date(site, lang):
    committed = freshness.last_changed(freshness.history(ROOT) or [])
    checked = 0
    for rel, path in pages(site, lang).items():
        doc = soup(path)
        article = doc.select_one("article.md-content__inner")
        if article is None:  # 404
            continue
        facts = article.select_one(".hb-trust__facts")
        assert facts is not None, rel
        times = facts.select("time[datetime]")
        src = rel.removesuffix("index.html") + "index.md"
        src = src if (ROOT / "docs" / lang / src).exists() else rel.removesuffix("/index.html") + ".md"
        change = committed.get((src, lang))
        if change is None:  # not committed yet: said so, not a made-up date
            assert "git" in facts.get_text(), rel
            assert len(times) == 1, rel
        else:
            assert times[0]["datetime"] == change.date.isoformat(), rel
        for time in times:
            day = _dt.date.fromisoformat(time["datetime"])
            pattern = ZH_DATE if lang == "zh" else EN_DATE
            assert pattern.match(time.get_text()), (rel, time.get_text())
            assert str(day.year) in time.get_text() and str(day.day) in time.get_text(), rel
        owner = {"zh": "负责人", "en": "Owner"}[lang]
        assert owner in facts.get_text(), rel
        # Contributors' way in is a worded link at the foot, to this language's source file.
        edit = facts.select_one("a.hb-trust__edit")
        assert edit is not None and edit["href"].endswith(f"/docs/{lang}/{src}"), rel
        assert doc.select(".md-content__button") == [], rel
        checked += 1
    assert checked >= 40


def test_review_notice_is_hidden_until_the_date_passes(site):
    doc = soup(site / "standards" / "smart" / "index.html")
    notice = doc.select_one(".hb-review-due")
    assert notice["data-hb-review-by"] == "2027-06-30" and notice.has_attr("hidden")


def test_review_notice_shows_once_the_readers_day_is_past_the_date(page):
    page.goto("/en/standards/smart/")
    notice = page.locator(".hb-review-due")
    assert not notice.is_visible()
    page.clock.set_fixed_time(_dt.datetime(2027, 7, 1, 9, 0, tzinfo=_dt.timezone.utc))
    page.goto("/en/standards/smart/")
    assert notice.is_visible()
    assert "30 June 2027" in notice.inner_text()


def staff_notes():
    from handbook.load import load_handbook

    return load_handbook(ROOT / "data").changes.changes


@pytest.mark.parametrize("lang", LANGS)
def test_whats_new_shows_the_staff_notes_and_nothing_else(site, lang):
    """What's new lists the notes of data/changes.yml, newest first, each with its date and the pages
    it changed; commit subjects (written for developers) never reach it."""
    path = lang_root(site, lang) / "whats-new" / "index.html"
    changes = soup(path).select("ul.hb-changes > li.hb-change")
    limit = freshness.front_matter((ROOT / "docs" / lang / "whats-new.md").read_text(encoding="utf-8"))["recent_changes"]
    expected = staff_notes()[:limit]
    assert len(expected) >= 5, "write staff notes for the recent changes in data/changes.yml"
    assert [li.select_one(".hb-change__note").get_text() for li in changes] == [c.note(lang) for c in expected]
    for li, change in zip(changes, expected):
        assert li["id"] == f"change-{change.id}"
        assert li.select_one("time[datetime]")["datetime"] == change.date.isoformat()
        links = li.select("ul a[href]")
        assert len(links) == len(change.pages)
        for a in links:
            assert (path.parent / a["href"]).resolve().joinpath("index.html").is_file(), a["href"]
    shown = path.read_text(encoding="utf-8")
    subjects = [c.subject for c in freshness.history(ROOT) or [] if len(c.subject) > 20]
    assert subjects and not [s for s in subjects if s in shown]


def test_each_language_has_a_feed_of_the_staff_notes_linked_from_every_page_head(site):
    for lang in LANGS:
        feed = lang_root(site, lang) / "feed_rss_updated.xml"
        root = ET.parse(feed).getroot()
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for tag in ("title", "link", "description"):
            assert (channel.findtext(tag) or "").strip(), tag
        assert "None" not in feed.read_text(encoding="utf-8")
        items = channel.findall("item")
        notes = staff_notes()[:20]
        assert [item.findtext("title") for item in items] == [c.note(lang) for c in notes]
        guids = [item.findtext("guid") for item in items]
        assert len(set(guids)) == len(guids)
        dates = []
        whats_new = soup(lang_root(site, lang) / "whats-new" / "index.html")
        for item in items:
            link = item.findtext("link")
            assert link.startswith(SITE_URL), link
            page, _, anchor = link[len(SITE_URL):].partition("#")
            assert (site / page / "index.html").is_file() and whats_new.select_one(f"#{anchor}"), link
            dates.append(parsedate_to_datetime(item.findtext("pubDate")))
        assert dates == sorted(dates, reverse=True)
        image = channel.find("image")
        assert image is None or (site / image.findtext("url")[len(SITE_URL):]).is_file()
        for rel, path in pages(site, lang).items():
            head = soup(path).select('head link[rel="alternate"][type="application/rss+xml"]')
            targets = {(path.parent / link["href"]).resolve() for link in head}
            assert targets == {feed.resolve()}, (lang, rel)
    assert not (site / "feed_rss_created.xml").exists()


# ------------------------------------------- a stand-in project with its own commits


def test_a_zh_only_commit_makes_the_english_page_show_a_lag_notice(tmp_path):
    """Two zh-only commits in a copy of the project: an ordinary one (the English page must say it
    lags and link to the Chinese one) and a language-neutral one (no notice)."""
    project = linked_project(tmp_path, own="docs")
    shutil.copytree(ROOT / "docs", project / "docs")
    git(project, "init", "-q")
    commit(project, "The handbook as it is")
    lagging, neutral = "foundations/customers.md", "foundations/service-scope.md"
    zh = project / "docs" / "zh"
    (zh / lagging).write_text((zh / lagging).read_text(encoding="utf-8") + "\n新增的一段说明。\n", encoding="utf-8")
    commit(project, "Customers: a new paragraph")
    (zh / neutral).write_text((zh / neutral).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    commit(project, "Service scope: typo", "Translation: neutral")

    site = project / "site"
    result = run_build_script(site, project)
    assert result.returncode == 0, result.stderr[-3000:]
    en = site / "en" / "foundations" / "customers" / "index.html"
    notice = soup(en).select_one(".hb-lag")
    assert notice is not None
    assert "Customers: a new paragraph" in notice.get_text()
    link = notice.select_one("a[hreflang=zh]")
    assert (en.parent / link["href"]).resolve() == (site / "foundations" / "customers").resolve()
    assert soup(site / "foundations" / "customers" / "index.html").select_one(".hb-lag") is None
    assert soup(site / "en" / "foundations" / "service-scope" / "index.html").select_one(".hb-lag") is None
    # Changes without a staff note stay off What's new and its feeds
    for lang in LANGS:
        shown = (lang_root(site, lang) / "whats-new" / "index.html").read_text(encoding="utf-8")
        feed = (lang_root(site, lang) / "feed_rss_updated.xml").read_text(encoding="utf-8")
        assert "Customers: a new paragraph" not in shown + feed and "Service scope: typo" not in shown + feed


def test_outside_a_git_checkout_pages_say_their_date_is_unknown(tmp_path):
    """A copy of the handbook without .git (a downloaded archive) still builds strictly: pages say
    their date is unknown instead of showing the build day, and What's new still shows the staff notes."""
    project = linked_project(tmp_path, own="docs")
    shutil.copytree(ROOT / "docs", project / "docs")
    site = project / "site"
    result = run_build_script(site, project)
    assert result.returncode == 0, result.stderr[-3000:]
    facts = soup(site / "en" / "foundations" / "customers" / "index.html").select_one(".hb-trust__facts")
    assert "date unknown (not built from a git checkout" in facts.get_text()
    assert len(facts.select("time")) == 1  # the review date only
    # What's new needs no git: its notes are data
    assert soup(site / "whats-new" / "index.html").select(".hb-change")
    assert ET.parse(site / "feed_rss_updated.xml").getroot().find("channel").findall("item")
