"""scripts/check: the tree passes, and each kind of planted defect fails with path:line."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


from conftest import ROOT, linked_project
from handbook.check import check


def project_with_own(tmp_path: Path, own: str) -> Path:
    """A linked stand-in project whose ``own`` folder is a real copy the test may break."""
    project = linked_project(tmp_path, own=own)
    shutil.copytree(ROOT / own, project / own)
    return project


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} no longer in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def messages(project: Path) -> list[str]:
    return [str(p) for p in check(project)]


def test_the_handbook_passes():
    assert messages(ROOT) == []


def test_a_deprecated_term_in_a_page_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "docs")
    line = edit(project / "docs/zh/blueprints/index.md", "失败点", "失误点")
    found = messages(project)
    assert any(m.startswith(f"docs/zh/blueprints/index.md:{line}: '失误点' is a deprecated variant; write '失败点'")
               for m in found), found


def test_a_deprecated_english_rendering_in_data_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "data")
    line = edit(project / "data/blueprints/bank-complaint.yml", "account manager", "relationship manager")
    found = messages(project)
    assert f"data/blueprints/bank-complaint.yml:{line}: 'relationship manager' is a deprecated variant; " \
           "write 'account manager' (data/glossary.yml)" in found, found


def test_the_glossary_may_name_a_variant_in_its_note_only(tmp_path):
    project = project_with_own(tmp_path, "data")
    assert not [m for m in messages(project) if m.startswith("data/glossary.yml")]
    line = edit(project / "data/glossary.yml", "服务流程中容易出错", "服务流程中容易出错（失误点）")
    assert any(m.startswith(f"data/glossary.yml:{line}: '失误点'") for m in messages(project))


def test_an_unknown_marker_id_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "docs")
    line = edit(project / "docs/en/roles/frontline.md", "<!-- handbook:roles kind=front-line -->",
                "<!-- handbook:standard-cards ids=answer-within-three-rings,no-such-standard -->")
    found = messages(project)
    assert any(m.startswith(f"docs/en/roles/frontline.md:{line}: unknown standard id(s) no-such-standard")
               for m in found), found
    # the other language still has the old marker: the pair is reported too
    assert any(m.startswith(f"docs/en/roles/frontline.md:{line}: markers differ from docs/zh/roles/frontline.md")
               for m in found), found


def test_a_broken_link_and_a_broken_anchor_are_reported_at_their_lines(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs/zh/how-to-use.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n见[不存在的页面](roles/nowhere.md)和[错误的锚点](glossary.md#term-no-such-term)。\n",
                    encoding="utf-8")
    line = len(text.splitlines()) + 2
    found = messages(project)
    assert any(m.startswith(f"docs/zh/how-to-use.md:{line}: link to 'roles/nowhere.md': docs/zh/roles/nowhere.md "
                            "does not exist") for m in found), found
    assert any(m.startswith(f"docs/zh/how-to-use.md:{line}: link to 'glossary.md#term-no-such-term': "
                            "docs/zh/glossary.md has no heading or block with anchor") for m in found), found


def test_anchors_of_headings_and_generated_blocks_resolve(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs/en/how-to-use.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a](communication/phone-etiquette.md#answering-the-phone)"
                    " [b](standards/catalogue.md#standard-phone-greeting) [c](glossary.md#term-fail-point)\n",
                    encoding="utf-8")
    assert messages(project) == []


def test_a_page_missing_in_one_language_is_reported(tmp_path):
    project = project_with_own(tmp_path, "docs")
    (project / "docs/en/cases/hotels.md").unlink()
    found = messages(project)
    assert "docs/zh/cases/hotels.md:1: page has no en version; add docs/en/cases/hotels.md with the same headings" \
        in found, found


def test_a_page_left_out_of_nav_is_reported(tmp_path):
    project = project_with_own(tmp_path, "docs")
    for lang in ("zh", "en"):
        (project / f"docs/{lang}/cases/extra.md").write_text("# Extra\n\ntext\n", encoding="utf-8")
    found = messages(project)
    assert "docs/zh/cases/extra.md:1: page is not in nav; add it to nav in mkdocs.yml" in found, found


def test_mismatched_heading_outlines_are_reported_at_the_first_difference(tmp_path):
    project = project_with_own(tmp_path, "docs")
    line = edit(project / "docs/en/cases/hotels.md", "\n## ", "\n### ") + 1
    found = messages(project)
    assert any(m.startswith(f"docs/en/cases/hotels.md:{line}: heading outline differs from docs/zh/cases/hotels.md")
               for m in found), found


def test_chinese_typography_is_reported_and_fixed(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs/zh/how-to-use.md"
    line = edit(page, "中文版位于", "中文版位于Web根目录,")
    assert any(m.startswith(f"docs/zh/how-to-use.md:{line}: Chinese typography:") for m in messages(project))
    result = subprocess.run([str(project / "scripts/check"), "--fix"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "中文版位于 Web 根目录，" in page.read_text(encoding="utf-8")


def test_the_script_reports_every_problem_as_path_line_and_exits_1(tmp_path):
    project = project_with_own(tmp_path, "docs")
    edit(project / "docs/zh/index.md", "# ", "# 失误点 ")
    (project / "docs/en/glossary.md").unlink()
    result = subprocess.run([str(project / "scripts/check")], cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    problems = result.stderr.strip().splitlines()[:-1]
    assert len(problems) >= 2, result.stderr
    assert all(re.match(r"^[\w./-]+:\d+: .+; .+", p) for p in problems), problems
    assert "Traceback" not in result.stderr


def test_a_deprecated_latin_variant_is_found_capitalised_and_in_the_plural(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs/en/cases/theatre-latecomers.md"
    first = edit(page, "| Extrovert |", "| Extravert |")
    second = edit(page, "are both extroverts", "are both extraverts")
    found = messages(project)
    for line in (first, second):
        assert any(m.startswith(f"docs/en/cases/theatre-latecomers.md:{line}: 'extravert' is a deprecated variant; "
                                "write 'extrovert'") for m in found), found


def test_curly_quotes_in_english_and_spaced_percentages_are_reported_and_fixed(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs/en/how-to-use.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nAbout “half” of calls, 50 % of them.\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    found = messages(project)
    assert f"docs/en/how-to-use.md:{line}: English pages use straight quotes (\" and '); run scripts/check --fix" in found
    assert any(m.startswith(f"docs/en/how-to-use.md:{line}: write a percentage without a space") for m in found)
    assert subprocess.run([str(project / "scripts/check"), "--fix"], cwd=project, capture_output=True).returncode == 0
    assert page.read_text(encoding="utf-8").endswith('About "half" of calls, 50% of them.\n')


def test_a_synonym_group_the_handbook_never_uses_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "data")
    assert not [m for m in messages(project) if m.startswith("data/search.yml")]
    line = edit(project / "data/search.yml", "    - [hotel, inn]", "    - [hotel, inn]\n    - [zeppelin, airship]") + 1
    assert f"data/search.yml:{line}: synonyms.en[3]: none of zeppelin, airship occurs in the handbook; " \
           "remove the group or add a word the pages use" in messages(project)


def test_an_example_box_that_does_not_say_whose_it_is_is_reported_at_its_line(tmp_path):
    """The rule behind "every example and tip says its source": a handbook-written box without
    hb-handbook (or hb-course / hb-guide) is reported with its line and how to fix it."""
    project = project_with_own(tmp_path, "docs")
    assert not messages(project)
    line = edit(project / "docs/zh/standards/smart.md", '!!! example hb-handbook "实践中：一线员工怎样识别误区"',
                '!!! example "实践中：一线员工怎样识别误区"')
    found = messages(project)
    assert any(m.startswith(f"docs/zh/standards/smart.md:{line}: example box \"实践中：一线员工怎样识别误区\" does not "
                            "say whose it is; after the kind, write hb-handbook") for m in found), found
    # the English page still says hb-handbook: the pair disagrees too
    assert any(m.startswith("docs/en/standards/smart.md:") and "example and tip boxes differ from docs/zh/standards/smart.md"
               in m for m in found), found


def test_a_collapsible_tip_and_a_box_naming_two_sources_are_reported(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs/en/glossary.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n??? tip "Made up"\n    A tip.\n\n!!! example hb-course hb-handbook "Both"\n    Text.\n',
                    encoding="utf-8")
    lines = len(text.splitlines())
    found = messages(project)
    assert any(m.startswith(f"docs/en/glossary.md:{lines + 2}: tip box \"Made up\" does not say whose it is") for m in found), found
    assert any(m.startswith(f"docs/en/glossary.md:{lines + 5}: example box \"Both\" names more than one of") for m in found), found


def test_session_minutes_that_do_not_add_up_are_reported_at_the_session(tmp_path):
    project = project_with_own(tmp_path, "data")
    edit(project / "data/course.yml", "{stage: practice, minutes: 35, what: {zh: 三人一组背对背演练",
         "{stage: practice, minutes: 30, what: {zh: 三人一组背对背演练")
    text = (project / "data/course.yml").read_text(encoding="utf-8").splitlines()
    session = next(i for i, line in enumerate(text) if line.strip() == "- id: phone-enquiries")
    line = next(i for i in range(session, len(text)) if text[i].strip() == "activities:") + 1
    found = messages(project)
    assert f"data/course.yml:{line}: sessions[2].activities: the activities' minutes add up to 85, but the session " \
           "lasts 90 minutes; make them add up to 90 or change minutes" in found, found


def test_a_session_linking_a_missing_page_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "data")
    line = edit(project / "data/course.yml", "      - communication/on-the-call.md", "      - communication/on-call.md")
    found = messages(project)
    assert any(m.startswith(f"data/course.yml:{line}: sessions[2].pages[2]: no page docs/zh/communication/on-call.md")
               for m in found), found


def test_a_session_page_missing_in_one_language_is_reported(tmp_path):
    project = project_with_own(tmp_path, "docs")
    (project / "docs/en/cases/hotels.md").unlink()
    found = messages(project)
    assert any(m.startswith("data/course.yml:") and "no page docs/en/cases/hotels.md" in m for m in found), found


def test_a_word_missing_in_one_language_is_reported_where_it_belongs(tmp_path):
    project = project_with_own(tmp_path, "i18n")
    edit(project / "i18n/en.yml", 'quiz_yes: "Yes"\n', "")
    zh_line = (project / "i18n/zh.yml").read_text(encoding="utf-8").splitlines().index('quiz_yes: "是"') + 1
    before = (project / "i18n/en.yml").read_text(encoding="utf-8").splitlines().index('added_title: "Not in the course: added by this handbook"') + 1
    assert f"i18n/en.yml:{before}: no word 'quiz_yes' (i18n/zh.yml:{zh_line} has it); " \
           "add `quiz_yes: …` in English after this line" in messages(project)


def test_a_word_nothing_uses_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "i18n")
    for lang, text in (("zh", "从不使用"), ("en", "Never used")):
        line = edit(project / f"i18n/{lang}.yml", "role:", f'never_used_word: "{text}"\nrole:')
    found = messages(project)
    assert f"i18n/zh.yml:{line}: the word 'never_used_word' is used nowhere in handbook/, hooks/ or overrides/; " \
           "remove it from every catalogue in i18n/" in found, found
    assert not [m for m in found if "missing" in m or "no word" in m], found


def test_a_deprecated_term_in_the_interface_words_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "i18n")
    line = edit(project / "i18n/zh.yml", 'fail: "失败点"', 'fail: "失误点"')
    found = messages(project)
    assert any(m.startswith(f"i18n/zh.yml:{line}: '失误点' is a deprecated variant; write '失败点'") for m in found), found


def test_a_trainer_note_outside_the_training_section_is_reported_at_its_line(tmp_path):
    project = project_with_own(tmp_path, "docs")
    page = project / "docs" / "zh" / "cases" / "hotels.md"
    line = edit(page, "## 相关页面", '!!! question hb-trainer "培训师提示：参考思路"\n    只给培训师看。\n\n## 相关页面')
    notes = project / "docs" / "en" / "training" / "case-notes.md"
    title = edit(notes, '"Trainer note: suggested answers"', '"Suggested answers"')
    found = messages(project)
    assert any(m.startswith(f"docs/zh/cases/hotels.md:{line}:") and "outside the training section" in m for m in found), found
    assert any(m.startswith(f"docs/en/training/case-notes.md:{title}:") and '"Trainer note"' in m for m in found), found
