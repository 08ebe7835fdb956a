"""scripts/build is all or nothing, and two builds of one commit are byte-identical."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, linked_project, run_build_script


def _differences(left: Path, right: Path) -> list[str]:
    """Paths (relative to ``left``) that are missing on one side or differ in content."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(out)


def test_two_builds_of_one_commit_are_byte_identical(site, tmp_path):
    again = tmp_path / "site"
    result = run_build_script(again)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _differences(site, again) == []


def test_sitemap_dates_are_the_last_commit_not_the_build_day(site):
    log = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True)
    if log.returncode != 0:
        pytest.skip("not a git checkout: scripts/_setup.sh then leaves the dates to the build day")
    commit_day = log.stdout.strip()
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{commit_day}</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{commit_day}</lastmod>")


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    project = linked_project(tmp_path, own="docs")
    shutil.copytree(ROOT / "docs", project / "docs")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    # Broken in English only: the Chinese half is fully written before the build fails.
    page = project / "docs" / "en" / "glossary.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n<!-- handbook:no-such-block -->\n", encoding="utf-8")

    failed = run_build_script(site, project)
    assert failed.returncode != 0
    assert "docs/en/glossary.md" in failed.stderr and "Traceback" not in failed.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []

    page.write_text(original, encoding="utf-8")
    built = run_build_script(site, project)
    assert built.returncode == 0, built.stderr[-3000:]
    assert (site / "en" / "glossary" / "index.html").is_file()
    assert "previous site" not in (site / "index.html").read_text(encoding="utf-8")
    assert site.stat().st_mode & 0o777 == 0o755
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []
