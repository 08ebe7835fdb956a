"""Renderers: golden output per kind and language, escaping, and marker handling.

Regenerate the golden files after an intended change with
``UPDATE_GOLDEN=1 scripts/test tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import re

import os
import shutil
from pathlib import Path

import pytest

from handbook.load import load_handbook
from handbook.markers import MarkerError, find_markers
from handbook.render import render, shows
from handbook.schema import SCHEMAS, schema_text

from conftest import ROOT

FIXTURE = load_handbook(Path(__file__).parent / "fixtures" / "data")
GOLDEN = Path(__file__).parent / "golden"

MARKERS = {
    "role-index": "<!-- handbook:role-index -->",
    "roles": "<!-- handbook:roles kind=front-line -->",
    "common-requirements": "<!-- handbook:common-requirements -->",
    "standards-summary": "<!-- handbook:standards-summary -->",
    "standard-cards": "<!-- handbook:standard-cards -->",
    "phrase-cards": "<!-- handbook:phrase-cards group=banned -->",
    "blueprint": "<!-- handbook:blueprint id=phone-enquiry -->",
    "glossary": "<!-- handbook:glossary -->",
    "usage": "<!-- handbook:usage -->",
    "quiz-form": "<!-- handbook:quiz id=habits part=form -->",
    "quiz-rule": "<!-- handbook:quiz id=habits part=rule -->",
    "quiz-bands": "<!-- handbook:quiz id=habits part=bands -->",
    "quiz-key": "<!-- handbook:quiz id=habits part=key -->",
    "situations": "<!-- handbook:situations -->",
    "call-stages": "<!-- handbook:call-stages -->",
    "course-plan": "<!-- handbook:course-plan programme=refresher -->",
    "session": "<!-- handbook:session id=phone-calls -->",
    "roleplay-cards": "<!-- handbook:roleplay-cards -->",
}


def href(kind: str, entity_id: str) -> str:
    return f"../{kind}s/#{kind}-{entity_id}"


def rendered(text: str, lang: str) -> str:
    (marker,) = find_markers(text)
    return render(marker, FIXTURE, lang, href)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", sorted(MARKERS))
def test_renderer_matches_golden_file(kind, lang):
    out = rendered(MARKERS[kind], lang) + "\n"
    golden = GOLDEN / f"{kind}.{lang}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(MARKERS))
def test_a_block_spliced_into_the_page_leaves_its_markdown_alone(kind):
    """hooks/data_blocks.py splices the HTML into the page's Markdown: a Markup result would
    escape the page around it (``!!! info "Case"`` became ``!!! info &#34;Case&#34;``)."""
    page = '!!! info "Case"\n    See [the case](case.md).\n\n'
    assert (page + rendered(MARKERS[kind], "en")).startswith(page)


@pytest.mark.parametrize("lang, row", [
    ("zh", "| 来电客户要求找经理 | [转接电话](../phone.md#转接电话)；[话术卡：客户进门](../phone.md#phrase-greeting) |"),
    ("en", "| A caller asks for the manager | [Transferring a call](../phone.md#transferring-a-call); "
           "[Phrase card: A customer walks in](../phone.md#phrase-greeting) |"),
])
def test_situation_finder_links_each_answer_from_the_page_it_is_on(lang, row):
    """Links are Markdown, relative to the page, so MkDocs resolves them and its strict build checks them."""
    (marker,) = find_markers(MARKERS["situations"])
    assert row in render(marker, FIXTURE, lang, href, "sub/page.md").splitlines()


def test_text_from_data_is_html_escaped():
    zh = rendered("<!-- handbook:roles kind=front-line -->", "zh")
    en = rendered("<!-- handbook:roles kind=front-line -->", "en")
    assert "接听电话 &lt;b&gt;并&lt;/b&gt; 记录" in zh and "<b>" not in zh
    assert "Answers calls &amp; records them" in en


def test_session_text_from_data_is_html_escaped():
    zh = rendered(MARKERS["session"], "zh")
    en = rendered(MARKERS["session"], "en")
    assert "做对每一步 &lt;b&gt;并&lt;/b&gt; 微笑" in zh and "<b>" not in zh
    assert "Get each step right &lt;script&gt;alert(1)&lt;/script&gt; &amp; smile" in en and "<script>" not in en


def test_session_shows_the_lesson_plan_parts_in_order_and_a_running_clock():
    html = rendered(MARKERS["session"], "zh")
    order = ["## 教学目标", "## 重点与难点", "## 任务分析", "## 任务引入", "## 任务实施", "## 工作训练", "## 知识链接",
             "## 时间安排", "## 教学材料", "## 板书设计", "## 课程小结", "## 所教页面"]
    positions = [html.index(label) for label in order]
    assert positions == sorted(positions)
    assert "0:00–0:30" in html and "0:30–1:00" in html and "1:00–1:30" in html


@pytest.mark.parametrize("page, expected", [
    ("training/index.md", "../phone/"), ("zh/training/session.md", "../../phone/"), ("index.md", "phone/"),
])
def test_course_plan_links_the_pages_a_session_teaches_from_the_page_it_is_on(page, expected):
    (marker,) = find_markers(MARKERS["course-plan"])
    html = render(marker, FIXTURE, "en", href, page)
    assert f'<a href="{expected}">Phone</a>' in html
    assert '<a href="../sessions/#session-phone-calls">Phone enquiries</a>' in html


def test_roleplay_cards_escape_data_and_tie_the_checklist_to_standards_and_phrases():
    html = rendered(MARKERS["roleplay-cards"], "en")
    assert "The paper &lt;b&gt;hasn&#x27;t&lt;/b&gt; come" in html and "<b>" not in html
    assert "Be anxious &amp; short" in html
    assert [kind for kind in ("Customer card", "Staff card", "Observer checklist", "Debrief questions")
            if html.count(kind) == 1] == ["Customer card", "Staff card", "Observer checklist", "Debrief questions"]
    assert '<a href="../standards/#standard-answer-within-three-rings">Answer within three rings</a>' in html
    assert '✓ <a href="../phrases/#phrase-greeting">' in html


def test_answer_keys_and_the_rubric_render_only_in_the_training_section():
    key = find_markers("<!-- handbook:knowledge-check chapter=skills part=key -->")[0]
    questions = find_markers("<!-- handbook:knowledge-check chapter=skills part=questions -->")[0]
    rubric = find_markers("<!-- handbook:roleplay-rubric -->")[0]
    pack = find_markers("<!-- handbook:print-pack -->")[0]
    for marker in (key, rubric, pack):
        with pytest.raises(MarkerError, match="only in the training section"):
            render(marker, FIXTURE, "en", href, "en/self-assessment/index.md")
    html = render(key, FIXTURE, "en", href, "en/training/assessment.md")
    assert "Three &lt;i&gt;rings&lt;/i&gt; &amp; no more" in html and "<i>" not in html
    assert '<a href="../../phone/">Phone</a>' in html
    assert "Three" not in render(questions, FIXTURE, "en", href, "en/self-assessment/index.md")
    table = render(rubric, FIXTURE, "en", href, "training/assessment.md")
    assert "Too slow &lt;script&gt;" in table and "<script>" not in table
    assert '<a href="../standards/#standard-answer-within-three-rings">Answer within three rings</a>' in table


def test_copy_button_carries_exactly_the_line_to_say():
    html = rendered("<!-- handbook:phrase-cards ids=dont-know -->", "en")
    assert 'data-clipboard-text="One moment, let me find out for you."' in html
    assert "<del>I don&#x27;t know.</del>" in html


def test_blueprint_draws_the_three_lines_between_the_right_lanes():
    html = rendered(MARKERS["blueprint"], "en")
    order = ["Physical evidence", "Customer actions", "Line of interaction", "Onstage contact actions",
             "Line of visibility", "Backstage contact actions", "Line of internal interaction", "Support processes"]
    positions = [html.index(label) for label in order]
    assert positions == sorted(positions)
    assert 'href="#bp-phone-enquiry-f1"' in html and 'id="bp-phone-enquiry-w1"' in html


def test_call_mode_shows_a_phrase_edited_in_the_data(tmp_path):
    """The call mode has no copy of the lines: edit a phone card's line in phrases.yml and the
    stage (and its copy button) says the new line; the standard it names comes with it."""
    shutil.copytree(Path(__file__).parent / "fixtures", tmp_path / "fixtures")
    data = tmp_path / "fixtures" / "data"
    phrases = data / "phrases.yml"
    old = "Good morning, customer service, Li speaking."
    new = "Good afternoon, help desk, Li here. What can I do for you?"
    phrases.write_text(phrases.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    (marker,) = find_markers(MARKERS["call-stages"])
    before = render(marker, FIXTURE, "en", href)
    after = render(marker, load_handbook(data), "en", href)
    stage = after[after.index('id="call-answer"'):after.index("</section>")]
    assert old in before and old not in after
    assert f'<p class="hb-phrase__line">{new}</p>' in stage
    assert f'data-clipboard-text="{new}"' in stage
    assert '<a href="../standards/#standard-answer-within-three-rings">Answer within three rings</a>' in stage


def test_links_point_to_where_each_entry_lives():
    html = rendered("<!-- handbook:roles kind=front-line -->", "en")
    assert '<a href="../standards/#standard-callback-in-time">Call back on time</a>' in html
    assert '<a href="../roles/#role-cs-manager">Customer service manager</a>' in html


@pytest.mark.parametrize(
    "text, message",
    [
        ("<!-- handbook:phrase-card -->", "unknown marker kind 'phrase-card'"),
        ("<!-- handbook:phrase-cards colour=red -->", "takes no argument 'colour'"),
        ("<!-- handbook:phrase-cards group=rude -->", "group=rude is not one of"),
        ("<!-- handbook:blueprint id=nope -->", "unknown blueprint id(s) nope"),
        ("<!-- handbook:blueprint -->", "needs id="),
        ("<!-- handbook:phrase-cards group=face-to-face -->", "renders nothing"),
    ],
)
def test_bad_markers_fail_with_a_reason(text, message):
    with pytest.raises(MarkerError, match=message.replace("(", r"\(").replace(")", r"\)")):
        rendered(text, "zh")


def test_finding_where_entries_live_checks_the_marker_first():
    """on_files asks every marker what it shows before anything renders."""
    (marker,) = find_markers("<!-- handbook:phrase-card -->\n")
    with pytest.raises(MarkerError, match="unknown marker kind 'phrase-card'"):
        shows(marker, FIXTURE)


def test_malformed_marker_is_not_silently_ignored():
    with pytest.raises(MarkerError, match="malformed marker"):
        find_markers("text\n<!-- handbook: phrase-cards -->\n")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_checked_in_json_schemas_match_the_models(name):
    path = ROOT / "schemas" / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(SCHEMAS[name]), (
        "schemas/ is out of date: run .venv/bin/python -m handbook.schema"
    )


@pytest.mark.parametrize("lang, badge", [("zh", "本手册补充"), ("en", "Handbook addition")])
def test_added_parts_of_every_data_kind_carry_the_badge_where_they_are_shown(lang, badge):
    """Each data kind marks the parts named in ``added:`` and nothing else."""
    import dataclasses

    phrases = FIXTURE.phrases.model_copy(update={"phrases": [
        p.model_copy(update={"added": ["say", "why"]}) if p.id == "dont-know" else p for p in FIXTURE.phrases.phrases]})
    bp = FIXTURE.blueprints["phone-enquiry"]
    bp = bp.model_copy(update={
        "added": ["backstage"],
        "points": [bp.points[0].model_copy(update={"added": ["response"]}), bp.points[1]],
    })
    quizzes = FIXTURE.quizzes.model_copy(update={"quizzes": [
        q.model_copy(update={"added": ["questions"]}) for q in FIXTURE.quizzes.quizzes]})
    hb = dataclasses.replace(FIXTURE, phrases=phrases, blueprints={**FIXTURE.blueprints, bp.id: bp}, quizzes=quizzes)

    def shown(text):
        (marker,) = find_markers(text)
        return render(marker, hb, lang, href)

    mark = '<span class="hb-added" title="'
    cards = shown("<!-- handbook:phrase-cards group=banned -->")
    say, avoid, why = (cards[cards.index(f'class="{c}"'):] for c in ("hb-phrase__say", "hb-phrase__avoid", "hb-phrase__why"))
    assert mark in say.split("</div>")[0] and mark in why.split("</p>")[0]
    assert mark not in avoid.split("</div>")[0]  # avoid is the course's nine banned phrases
    approved = shown("<!-- handbook:phrase-cards group=approved -->")
    assert mark not in approved
    grid = shown("<!-- handbook:blueprint id=phone-enquiry -->")
    rows = {row.split('"')[0]: row for row in grid.split('<tr class="hb-bp__lane hb-bp__lane--')[1:]}
    assert mark in rows["backstage"].split("</th>")[0] and mark not in rows["onstage"].split("</th>")[0]
    f1 = grid[grid.index('id="bp-phone-enquiry-f1"'):].split("</tr>")[0]
    w1 = grid[grid.index('id="bp-phone-enquiry-w1"'):].split("</tr>")[0]
    assert f1.count(mark) == 1 and f1.rindex(mark) > f1.index('data-label=') and mark not in w1
    assert badge in shown("<!-- handbook:quiz id=habits part=form -->")
    assert badge in shown("<!-- handbook:quiz id=habits part=key -->")
    assert badge not in rendered("<!-- handbook:quiz id=habits part=form -->", lang)


def test_a_step_the_handbook_wrote_whole_is_badged_once_on_its_column_and_card():
    import dataclasses

    bp = FIXTURE.blueprints["phone-enquiry"]
    check = next(s for s in bp.steps if s.id == "check")
    steps = [s.model_copy(update={"added": ["customer", "backstage", "support"]}) if s is check else s for s in bp.steps]
    hb = dataclasses.replace(FIXTURE, blueprints={bp.id: bp.model_copy(update={"steps": steps})})
    (marker,) = find_markers("<!-- handbook:blueprint id=phone-enquiry -->")
    html = render(marker, hb, "en", href)
    head = html[html.index("<thead>"):html.index("</thead>")]
    assert '<th scope="col">1</th>' in head and '<th scope="col">2 <span class="hb-added"' in head
    cards = html[html.index('<ol class="hb-bp-steps"'):]
    second = re.split(r'<li class="hb-bp-step[ "]', cards)[2]
    assert second.count("hb-added") == 1 and "Handbook addition</span></p>" in second
    assert "Looks up the order</td>" in html  # no badge per cell
