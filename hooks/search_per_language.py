"""Give each language its own search index, so readers get results in their language.

mkdocs-static-i18n merges every language into one ``search/search_index.json``.
After the last language is built, split it: entries under ``en/`` go to
``en/search/search_index.json`` (locations made relative to ``en/``) and the
rest stay at the root. ``overrides/main.html`` points each language's pages at
their own index by setting Material's ``base`` to the language root.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-200)  # after mkdocs-static-i18n has written the merged index
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:  # a nested per-language build; the merged index comes later
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    default = i18n.default_language
    others = [lang for lang in i18n.build_languages if lang != default]
    split: dict[str, list] = {lang: [] for lang in [default, *others]}
    for doc in merged["docs"]:
        lang = next((o for o in others if doc["location"].startswith(f"{o}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1 :]}
        split[lang].append(doc)
    for lang, docs in split.items():
        target = site / ("" if lang == default else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {**merged, "docs": docs}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
