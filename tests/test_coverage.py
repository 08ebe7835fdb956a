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
    "customer work styles": (["支配型", "分析型", "表达型", "和蔼型"], ["dominant", "analytical", "expressive", "amiable"]),
    "voice and speech": (["到什么山唱什么歌", "胸腹联合呼吸法", "气者音之帅也"], ["mountain you are on", "chest-and-abdomen breathing"]),
    "listening vs effective listening, the echo": (["一种天生的本能", "我恨你"], ["an instinct we are born with", "I hate you"]),
    "the representative's creed": (["最重要的人"], ["the most important person"]),
    "insurance: satisfaction and loyalty": (["保户", "营销员", "服务营销三角形", "边界跨越者"], ["policyholder", "agents", "service-marketing triangle", "boundary spanner"]),
    "service philosophy and quality policy": (["踏实、诚信、专业", "服务质量方针"], ["down-to-earth, honest, professional", "service-quality policy"]),
    "course standard": (["56 学时", "3.5 学分"], ["56 teaching hours", "3.5 credits"]),
    "stress": (["处理客户服务与管理的压力"], ["handling the stress of customer service and management"]),
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
