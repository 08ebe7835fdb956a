"""Bad input corpus: every mistake stops the build with ``file:line: field: what, how to fix``.

Each case edits one file of a small valid dataset (tests/fixtures/data) and
names the message the contributor must see.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import linked_project, run_build_script
from handbook.load import load_handbook
from handbook.yaml_lines import DataError

FIXTURE = Path(__file__).parent / "fixtures" / "data"

# (case id, file, text to replace, replacement, expected message fragment)
CASES = [
    ("search-popular-page", "search.yml", "  - phone.md", "  - phones.md",
     "data/search.yml:10: popular[0]: no page docs/<lang>/phones.md"),
    ("search-synonym-alone", "search.yml", "    - [客户, 顾客]", "    - [客户]",
     "data/search.yml:6: synonyms.zh[0]: list should have at least 2 items"),
    ("yaml-syntax", "roles.yml", "kind: management", "kind: [management",
     "data/roles.yml:6: invalid YAML"),
    ("bad-indentation", "standards.yml", "    side: personal", "  side: personal",
     "data/standards.yml:4: invalid YAML"),
    ("duplicate-key", "glossary.yml", "    definition: {zh: 描述服务过程的图, en: A map of a service process}",
     "    definition: {zh: 描述服务过程的图, en: A map of a service process}\n    term: {zh: 蓝图, en: Blueprint}",
     "data/glossary.yml:5: terms[0].term: duplicate key 'term' (first on line 3)"),
    ("unknown-field", "roles.yml", "    purpose: {zh: 接听客户来电", "    purpos: {zh: 接听客户来电",
     "data/roles.yml:19: roles[1].purpos: unknown field; remove it or fix its spelling"),
    ("missing-en", "phrases.yml", "situation: {zh: 客户进门, en: A customer walks in}", "situation: {zh: 客户进门}",
     "data/phrases.yml:4: phrases[0].situation.en: is missing; add the English text"),
    ("html-entity", "glossary.yml", "en: A map of a service process}", "en: A map of a customer&#x27;s journey}",
     "data/glossary.yml:4: terms[0].definition.en: contains the HTML entity &#x27;; write the character itself (')"),
    ("empty-zh", "glossary.yml", "definition: {zh: 容易出错的环节,", "definition: {zh: '  ',",
     "data/glossary.yml:7: terms[1].definition.zh: is empty; add the Simplified Chinese text"),
    ("duplicate-role-id", "roles.yml", "  - id: call-centre-agent", "  - id: cs-manager",
     "data/roles.yml:16: roles[1].id: duplicate id 'cs-manager' (first used on line 4)"),
    ("duplicate-standard-id", "standards.yml", "  - id: callback-in-time", "  - id: answer-within-three-rings",
     "data/standards.yml:16: standards[1].id: duplicate id 'answer-within-three-rings'"),
    ("duplicate-duty-id", "roles.yml", "        standards: [answer-within-three-rings]\n",
     "        standards: [answer-within-three-rings]\n      - id: run-services\n        text: {zh: 又一项, en: Another}\n",
     "data/roles.yml:13: roles[0].duties[1].id: duplicate id 'run-services' (first used on line 10)"),
    ("dangling-duty-standard", "roles.yml", "standards: [answer-within-three-rings, callback-in-time]",
     "standards: [answer-within-three-rings, call-back-fast]",
     "data/roles.yml:24: roles[1].duties[0].standards[1]: unknown standard id 'call-back-fast'"),
    ("dangling-duty-blueprint", "roles.yml", "blueprints: [phone-enquiry]", "blueprints: [phone]",
     "data/roles.yml:25: roles[1].duties[0].blueprints[0]: unknown blueprint id 'phone'"),
    ("dangling-reports-to", "roles.yml", "reports_to: cs-manager", "reports_to: manager",
     "data/roles.yml:20: roles[1].reports_to: unknown role id 'manager'"),
    ("unknown-owner", "standards.yml", "owner: call-centre-agent", "owner: agent",
     "data/standards.yml:5: standards[0].owner: unknown role id 'agent'; use one of the ids in data/roles.yml"),
    ("not-smart-no-measure", "standards.yml",
     "    measure:\n      comparison: at-most\n      value: 3\n      unit: {zh: 声, en: rings}\n"
     "      what: {zh: 接听前的铃声, en: rings before answering}\n", "",
     "data/standards.yml:2: standards[0].measure: is missing; a SMART standard needs a measurable target"),
    ("not-smart-no-unit", "standards.yml", "      unit: {zh: 个工作日, en: working days}\n", "",
     "data/standards.yml:21: standards[1].measure.unit: is missing; a SMART standard needs a unit"),
    ("not-smart-no-number", "standards.yml", "value: 3", "value: three",
     "data/standards.yml:9: standards[0].measure.value: input should be a valid number"),
    ("not-smart-no-time-bound", "standards.yml", "    time_bound: {zh: 每一通来电, en: Every call}\n", "",
     "data/standards.yml:2: standards[0].time_bound: is missing; a SMART standard needs a time bound"),
    ("not-smart-no-owner", "standards.yml", "    owner: cs-manager\n", "",
     "data/standards.yml:16: standards[1].owner: is missing; a SMART standard needs an owner"),
    ("bad-id", "glossary.yml", "id: fail-point", "id: Fail_Point",
     "data/glossary.yml:5: terms[1].id: 'Fail_Point' is not a valid id"),
    ("phone-without-stage", "phrases.yml", "    stage: answering\n", "",
     "data/phrases.yml:13: phrases[2]: stage: a phone phrase needs its stage"),
    ("banned-without-avoid", "phrases.yml", "    avoid: {zh: 我不知道。, en: \"I don't know.\"}\n", "",
     "data/phrases.yml:7: phrases[1]: avoid: a banned phrase needs the words to avoid"),
    ("stage-on-approved", "phrases.yml", "    group: approved\n", "    group: approved\n    stage: holding\n",
     "data/phrases.yml:4: phrases[0].stage: only phone phrases have a stage"),
    ("unknown-phrase-standard", "phrases.yml", "standards: [answer-within-three-rings]", "standards: [three-rings]",
     "data/phrases.yml:19: phrases[2].standards[0]: unknown standard id 'three-rings'"),
    ("point-unknown-step", "blueprints/phone-enquiry.yml", "    step: check", "    step: lookup",
     "data/blueprints/phone-enquiry.yml:20: points[1].step: unknown step id 'lookup'; use one of: call, check"),
    ("point-on-empty-lane", "blueprints/phone-enquiry.yml", "    step: call\n    lane: onstage",
     "    step: call\n    lane: backstage",
     "data/blueprints/phone-enquiry.yml:16: points[0].lane: step 'call' has nothing in lane 'backstage'"),
    ("blueprint-id-not-file-name", "blueprints/phone-enquiry.yml", "id: phone-enquiry", "id: phone-call",
     "data/blueprints/phone-enquiry.yml:1: id: 'phone-call' must match the file name"),
    ("bad-enum", "standards.yml", "side: software", "side: soft",
     "data/standards.yml:18: standards[1].side: input should be 'hardware', 'software' or 'personal'"),
    ("text-not-mapping", "roles.yml", "title: {zh: 客户服务经理, en: Customer service manager}",
     "title: 客户服务经理", "data/roles.yml:6: roles[0].title: expected a mapping of fields"),
    ("empty-file", "glossary.yml", None, "",
     "data/glossary.yml:1: the file must hold a mapping that starts with its top-level key"),
    ("missing-file", "phrases.yml", None, None, "data/phrases.yml:1: file is missing"),
    ("quiz-bands-out-of-order", "quiz.yml", "      - min_score: 15", "      - min_score: 26",
     "data/quiz.yml:6: quizzes[0].bands: bands must go from the highest min_score down"),
    ("quiz-answer-not-yes-no", "quiz.yml", '      - answer: "no"', "      - answer: no",
     "data/quiz.yml:17: quizzes[0].questions[1].answer: input should be 'yes' or 'no'; write it in quotes"),
    ("role-added-unknown-part", "roles.yml", "    added: [purpose, requirements]", "    added: [purpose, duties]",
     "data/roles.yml:28: roles[1].added[1]: input should be 'purpose'"),
    ("phrase-added-unknown-part", "phrases.yml", "    group: banned\n", "    group: banned\n    added: [say, reason]\n",
     "data/phrases.yml:9: phrases[1].added[1]: input should be 'situation', 'say', 'avoid' or 'why'"),
    ("phrase-added-avoid-without-avoid", "phrases.yml", "    group: approved\n", "    group: approved\n    added: [avoid]\n",
     "data/phrases.yml:4: phrases[0].added: names 'avoid', but the card has no avoid line"),
    ("blueprint-added-unknown-lane", "blueprints/phone-enquiry.yml", "points:\n", "added: [backstage, basement]\npoints:\n",
     "data/blueprints/phone-enquiry.yml:13: added[1]: input should be 'summary', 'evidence'"),
    ("blueprint-step-added-empty-lane", "blueprints/phone-enquiry.yml", "  - id: check\n",
     "  - id: check\n    added: [onstage]\n",
     "data/blueprints/phone-enquiry.yml:10: steps[1].added[0]: lane 'onstage' of step 'check' is empty"),
    ("blueprint-point-added-unknown-part", "blueprints/phone-enquiry.yml", "  - kind: wait\n",
     "  - kind: wait\n    added: [risk]\n",
     "data/blueprints/phone-enquiry.yml:20: points[1].added[0]: input should be 'point' or 'response'"),
    ("quiz-question-added-unknown-part", "quiz.yml", '      - answer: "no"\n', '      - answer: "no"\n        added: [key]\n',
     "data/quiz.yml:18: quizzes[0].questions[1].added[0]: input should be 'statement', 'answer' or 'why'"),
    ("change-unknown-page", "changes.yml", None,
     "changes:\n  - id: new-page\n    date: 2026-12-01\n    pages: [phone.md, nowhere.md]\n"
     "    note: {zh: 新增一页, en: A new page}\n",
     "data/changes.yml:4: changes[0].pages[1]: no page docs/zh/nowhere.md"),
    ("change-note-for-developers", "changes.yml", None,
     "changes:\n  - id: refactor\n    date: 2026-12-01\n    pages: [phone.md]\n"
     "    note: {zh: 电话页更新, en: Refactored hooks/page_trust.py}\n",
     "data/changes.yml:5: changes[0].note.en: says 'hooks/page_trust.py', which is for developers"),
    ("change-oldest-first", "changes.yml", None,
     "changes:\n  - id: older\n    date: 2026-11-01\n    pages: [phone.md]\n    note: {zh: 旧的, en: Older}\n"
     "  - id: newer\n    date: 2026-12-01\n    pages: [phone.md]\n    note: {zh: 新的, en: Newer}\n",
     "data/changes.yml:7: changes[1].date: 2026-12-01 is newer than the entry above it (2026-11-01); list changes newest first"),
    ("change-without-english-note", "changes.yml", None,
     "changes:\n  - id: zh-only\n    date: 2026-12-01\n    pages: [phone.md]\n    note: {zh: 只有中文}\n",
     "data/changes.yml:5: changes[0].note.en: is missing; add the English text"),
    ("situation-unknown-page", "situations.yml", "      - page: phone.md\n        anchor: {zh",
     "      - page: phones.md\n        anchor: {zh",
     "data/situations.yml:8: situations[0].answers[0].page: no page docs/zh/phones.md; give a path under docs/zh/"),
    ("situation-unknown-heading", "situations.yml", "anchor: {zh: 转接电话,", "anchor: {zh: 转接,",
     "data/situations.yml:9: situations[0].answers[0].anchor.zh: docs/zh/phone.md has no section #转接"),
    ("situation-unknown-entry", "situations.yml", "anchor: phrase-greeting", "anchor: phrase-hello",
     "data/situations.yml:11: situations[0].answers[1].anchor: docs/en/phone.md has no section #phrase-hello"),
    ("session-minutes-do-not-add-up", "course.yml", "stage: practice, minutes: 30", "stage: practice, minutes: 25",
     "data/course.yml:33: sessions[0].activities: the activities' minutes add up to 85, but the session lasts 90"),
    ("session-unknown-page", "course.yml", "pages: [phone.md]", "pages: [phones.md]",
     "data/course.yml:40: sessions[0].pages[0]: no page docs/zh/phones.md"),
    ("session-unknown-stage", "course.yml", "stage: delivery,", "stage: teaching,",
     "data/course.yml:35: sessions[0].activities[1].stage: input should be 'task-analysis', 'lead-in'"),
    ("session-without-difficult-points", "course.yml", "    difficult_points: [{zh: 控制情绪, en: Keep calm}]\n", "",
     "data/course.yml:19: sessions[0].difficult_points: is missing"),
    ("session-unknown-chapter", "course.yml", "    chapter: skills\n    title: {zh: 电话受理",
     "    chapter: phone\n    title: {zh: 电话受理",
     "data/course.yml:20: sessions[0].chapter: unknown chapter id 'phone'; use one of: skills"),
    ("programme-unknown-session", "course.yml", "sessions: [phone-calls]", "sessions: [phone-call]",
     "data/course.yml:16: programmes[0].blocks[0].sessions[0]: unknown session id 'phone-call'"),
    ("programme-hours-do-not-add-up", "course.yml", "    hours: 2\n    hour_minutes", "    hours: 3\n    hour_minutes",
     "data/course.yml:12: programmes[0].blocks: the blocks' hours add up to 2, but the programme has 3 hours"),
    ("session-longer-than-its-block", "course.yml", "        hours: 2\n", "        hours: 1\n",
     "data/course.yml:16: programmes[0].blocks[0].sessions: its sessions last 90 minutes, more than its 1 hour (60 minutes)"),
    ("session-unknown-roleplay", "course.yml", "roleplays: [late-order]", "roleplays: [late-orders]",
     "data/course.yml:41: sessions[0].roleplays[0]: unknown role-play id 'late-orders'"),
    ("check-unknown-chapter", "course.yml", "  - chapter: skills\n    questions:", "  - chapter: skill\n    questions:",
     "data/course.yml:44: checks[0].chapter: unknown chapter id 'skill'; use one of: skills"),
    ("check-unknown-page", "course.yml", "        pages: [phone.md]\n        added: [question",
     "        pages: [phone]\n        added: [question",
     "data/course.yml:48: checks[0].questions[0].pages[0]: no page docs/zh/phone"),
    ("check-without-answer", "course.yml", '        answer: {zh: 三声 <i>之内</i>, en: "Three <i>rings</i> & no more"}\n', "",
     "data/course.yml:46: checks[0].questions[0].answer: is missing"),
    ("rubric-unknown-standard", "roleplays.yml", "    standards: [answer-within-three-rings]\n    full:",
     "    standards: [answer-in-three-rings]\n    full:",
     "data/roleplays.yml:24: rubric[0].standards[0]: unknown standard id 'answer-in-three-rings'"),
    ("roleplay-unknown-phrase", "roleplays.yml", "phrases: [greeting]", "phrases: [greetings]",
     "data/roleplays.yml:18: roleplays[0].observer[0].phrases[0]: unknown phrase id 'greetings'; use one of the ids in"
     " data/phrases.yml"),
    ("roleplay-unknown-standard", "roleplays.yml", "standards: [answer-within-three-rings]", "standards: [three-rings]",
     "data/roleplays.yml:17: roleplays[0].observer[0].standards[0]: unknown standard id 'three-rings'"),
    ("roleplay-check-tied-to-nothing", "roleplays.yml",
     "        standards: [answer-within-three-rings]\n        phrases: [greeting]\n", "",
     "data/roleplays.yml:16: roleplays[0].observer[0]: name the standards or phrase cards this point tests"),
    ("roleplay-unknown-page", "roleplays.yml", "page: phone.md", "page: cases/phone.md",
     "data/roleplays.yml:5: roleplays[0].page: no page docs/zh/cases/phone.md"),
    ("roleplay-without-debrief", "roleplays.yml", "    debrief: [{zh: 哪一步最难？, en: Which step was hardest?}]\n", "",
     "data/roleplays.yml:2: roleplays[0].debrief: is missing"),
    ("situation-without-english-phrasings", "situations.yml", "      en: [customer asks for the manager]\n", "",
     "data/situations.yml:4: situations[0].phrasings.en: is missing; add the English text"),
]


def broken_copy(tmp_path: Path, file: str, old: str | None, new: str | None) -> Path:
    """The fixture data, one file broken, beside the fixture pages its situations answer with."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    if not (tmp_path / "docs").exists():
        shutil.copytree(FIXTURE.parent / "docs", tmp_path / "docs")
    target = data / file
    if new is None:
        target.unlink()
    elif old is None:
        target.write_text(new, encoding="utf-8")
    else:
        text = target.read_text(encoding="utf-8")
        assert old in text, f"case no longer applies: {old!r} not in {file}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return data


def test_fixture_is_valid():
    load_handbook(FIXTURE)


def test_corpus_is_large_enough():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case, file, old, new, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_with_file_line_and_field(tmp_path, case, file, old, new, expected):
    data = broken_copy(tmp_path, file, old, new)
    with pytest.raises(DataError) as info:
        load_handbook(data)
    messages = [str(p) for p in info.value.problems]
    assert any(m.startswith(expected) for m in messages), messages


def test_all_problems_are_reported_at_once(tmp_path):
    data = broken_copy(tmp_path, "glossary.yml", "id: fail-point", "id: Fail_Point")
    (data / "phrases.yml").unlink()
    with pytest.raises(DataError) as info:
        load_handbook(data)
    files = {p.file for p in info.value.problems}
    assert files == {"data/glossary.yml", "data/phrases.yml"}


def test_the_build_stops_with_the_message_and_no_traceback(tmp_path):
    """The real `mkdocs build`, on the project with a dangling reference in its data."""
    project = linked_project(tmp_path, own="data")
    broken_copy(project, "standards.yml", "owner: call-centre-agent", "owner: nobody")
    result = run_build_script(tmp_path / "site", project)
    assert result.returncode != 0
    assert "data/standards.yml:5: standards[0].owner: unknown role id 'nobody'" in result.stderr
    assert "Traceback" not in result.stderr
