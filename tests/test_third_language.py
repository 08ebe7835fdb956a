"""Adding a language is adding it to the i18n plugin's list in mkdocs.yml, its catalogue
(i18n/<lang>.yml) and its text in the data (issue 23): nothing else in the code names a language.

A small fixture site (tests/fixtures/site/: its mkdocs.yml inherits the real one and lists zh, en
and fr) is built with the real hooks and templates, its data the fixture data set
(tests/fixtures/data) with every text given in French too, its French catalogue the English one
with the language's name changed. HANDBOOK_MKDOCS_YML points the handbook package at the fixture's
mkdocs.yml, so the language list and the catalogues are the fixture's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_PARTS, ROOT
from handbook.yaml_lines import load_yaml

pytestmark = pytest.mark.rebuild

FIXTURES = Path(__file__).parent / "fixtures"
NEW = "fr"
LINKED = ("hooks", "overrides", "handbook", "scripts", ".venv", "pyproject.toml")
assert set(LINKED) < set(PROJECT_PARTS)


def with_new_language(value, mark: str):
    """Every {zh: …, en: …} of a data file with the new language too: the English text, plus
    ``mark`` for texts that are read, not matched (anchors must stay as the pages have them)."""
    if isinstance(value, dict):
        out = {key: with_new_language(child, mark) for key, child in value.items()}
        if "en" in value and "zh" in value:
            english = value["en"]
            out[NEW] = english + mark if isinstance(english, str) else english
        return out
    if isinstance(value, list):
        return [with_new_language(child, mark) for child in value]
    return value


def fixture_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "site", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("@ROOT@", str(ROOT)), encoding="utf-8")
    for name in LINKED:
        (project / name).symlink_to(ROOT / name)
    (project / "data" / "blueprints").mkdir(parents=True)
    for path in (FIXTURES / "data").rglob("*.yml"):
        data = load_yaml(path, path.name).data
        mark = " (fr)" if path.name == "phrases.yml" else ""
        (project / "data" / path.relative_to(FIXTURES / "data")).write_text(
            yaml.safe_dump(with_new_language(data, mark), allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "i18n").mkdir()
    for lang in ("zh", "en"):
        shutil.copy(ROOT / "i18n" / f"{lang}.yml", project / "i18n")
    english = (ROOT / "i18n" / "en.yml").read_text(encoding="utf-8")
    (project / "i18n" / f"{NEW}.yml").write_text(
        english.replace('language_english: "English"', 'language_english: "French"'), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("third-language")
    project = fixture_project(tmp)
    site = tmp / "site"
    result = subprocess.run(
        [str(project / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q", "-d", str(site)],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "HANDBOOK_MKDOCS_YML": str(project / "mkdocs.yml"), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def test_pages_of_all_three_languages_are_built(three):
    for prefix in ("", "en/", f"{NEW}/"):
        for page in ("index.html", "phone/index.html"):
            assert (three / prefix / page).is_file(), prefix + page
    html = (three / NEW / "phone" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{NEW}"' in html


def test_the_language_switcher_lists_three(three):
    html = (three / NEW / "phone" / "index.html").read_text(encoding="utf-8")
    switcher = html[html.index('<ul class="md-select__list">'):]
    switcher = switcher[:switcher.index("</ul>")]
    assert re.findall(r'hreflang="([a-z-]+)"', switcher) == ["zh", "en", NEW]
    assert re.search(rf'hreflang="{NEW}"[^>]*aria-current="true"', switcher)


def test_data_blocks_render_in_the_third_language(three):
    html = (three / NEW / "phone" / "index.html").read_text(encoding="utf-8")
    phrases = load_yaml(FIXTURES / "data" / "phrases.yml", "phrases.yml").data
    say = phrases["phrases"][0]["say"]["en"]
    assert 'class="hb-cards hb-phrases"' in html
    assert f"{say} (fr)" in html
    assert "这样说" not in html and f"{say} (fr)" not in (three / "en" / "phone" / "index.html").read_text(encoding="utf-8")
