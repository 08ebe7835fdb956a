"""Meta descriptions come from a page's opening paragraph (handbook/describe.py)."""

from handbook.describe import describe
from handbook.words import word


def limit(lang: str) -> int:
    return int(word("description_limit", lang))

OBJECTIVES = '<h1>标题</h1><div class="admonition"><p>学习目标</p><ul><li>一</li></ul></div>'


def test_the_first_top_level_paragraph_is_used_not_the_objectives_box():
    html = OBJECTIVES + "<p>第一段<strong>要点</strong>。<br>续行。</p><p>第二段。</p>"
    assert describe(html, "zh") == "第一段要点。续行。"


def test_long_chinese_is_cut_at_punctuation_within_the_limit():
    sentence = "客户服务要让客户满意，" * 20
    text = describe(f"<p>{sentence}</p>", "zh")
    assert len(text) <= limit("zh") + 2 and text.endswith("……") and "，……" not in text


def test_long_english_is_cut_at_a_word():
    words = " ".join(["service"] * 60)
    text = describe(f"<p>{words}</p>", "en")
    assert len(text) <= limit("en") and text.endswith("service…")


def test_entities_are_decoded_once():
    assert describe("<p>Say &quot;yes&quot; &amp; mean it</p>", "en") == 'Say "yes" & mean it'
