"""Every topic group of the course is covered by the built site, in each language."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import pages

# topic: (words the Chinese site must contain, words the English site must contain)
TOPICS = {
    "customer categories": (["内部客户", "渠道"], ["internal customer", "channel"]),
    "logistics customer service": (["物流"], ["logistics"]),
    "seven roles": (["客户服务经理", "大客户", "售后服务", "投诉"], ["key account", "after-sales", "complaint"]),
    "typing speed": (["80"], ["80"]),
    "job analysis and work design": (["岗位分析", "工作设计"], ["job analysis", "work design"]),
    "golden triangle": (["黄金三角"], ["golden triangle"]),
    "SMART": (["SMART"], ["SMART"]),
    "quality dimensions and gap model": (["可靠性", "差距"], ["reliability", "gap"]),
    "satisfaction": (["满意度"], ["satisfaction"]),
    "service blueprint lines": (["可视分界线", "失误点"], ["line of visibility", "fail point"]),
    "communication funnel": (["漏斗"], ["funnel"]),
    "nine approved and banned phrases": (["九准", "九不准"], ["approved", "banned"]),
    "three rings": (["三声"], ["three rings"]),
    "persuasion by customer type": (["气质"], ["temperament"]),
    "Maslow": (["马斯洛"], ["Maslow"]),
    "segmentation and positioning": (["市场细分", "定位"], ["segmentation", "positioning"]),
    "paper-order case": (["167850"], ["167850"]),
    "hotels": (["东方饭店", "希尔顿"], ["Oriental", "Hilton"]),
    "listening self-test scoring": (["105", "91"], ["105", "91"]),
}


@pytest.fixture(scope="module")
def site_text(site):
    return {
        lang: " ".join(
            BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ")
            for p in pages(site, lang).values()
        ).casefold()
        for lang in ("zh", "en")
    }


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_topic_is_covered_in_both_languages(site_text, topic):
    zh_words, en_words = TOPICS[topic]
    missing = [w for w in zh_words if w.casefold() not in site_text["zh"]]
    missing += [w for w in en_words if w.casefold() not in site_text["en"]]
    assert missing == [], f"{topic}: {missing}"
