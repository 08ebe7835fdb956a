"""One heading and anchor rule, the build's (handbook/anchors.py), for the source check, the
situations and the search records; markers shown as code are left alone (handbook/markers.py)."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.config import load_config

from conftest import ROOT
from handbook.anchors import heading_anchors, page_anchors
from handbook.check.pages import read_page
from handbook.markers import MarkerError, find_markers

HEADINGS = [
    "Notes on snake_case",  # "_" stays in an anchor
    "Q&amp;A for the first week",  # an entity counts as its character
    "Tools &amp; templates",
    "`call_log` and *emphasis*",
    "[Phone etiquette](../communication/phone-etiquette.md) in brief",
    "接听电话",
    "Repeated",
    "Repeated",
    "Own id {#own-id}",
]
PAGE = "# Title\n\n" + "".join(f"## {text}\n\nText.\n\n" for text in HEADINGS)


@pytest.fixture(scope="module")
def built_ids() -> dict[str, str]:
    """Heading id → its text in the table of contents, as MkDocs renders the page: Markdown with
    the extensions and options MkDocs reads from mkdocs.yml itself."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    md.convert(PAGE)

    def walk(tokens):
        for token in tokens:
            yield token["id"], token["name"]
            yield from walk(token["children"])

    return dict(walk(md.toc_tokens))


def test_heading_anchors_are_the_ones_the_build_gives(built_ids):
    assert list(heading_anchors(PAGE)) == list(built_ids)
    assert {"notes-on-snake_case", "qa-for-the-first-week", "tools--templates", "call_log-and-emphasis",
            "repeated_1", "own-id"} <= set(built_ids)


def test_the_check_knows_the_builds_anchors(tmp_path, built_ids):
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    page = read_page(path, "en", "page.md", None, [])
    assert page.anchors == set(built_ids)


def test_answers_and_search_records_are_titled_as_the_table_of_contents_shows_a_heading():
    """A situation's answer (and the search record made from it) is titled by its heading's text."""
    anchors = page_anchors(PAGE, {}, lambda marker: [])
    assert anchors["qa-for-the-first-week"] == "Q&A for the first week"
    assert anchors["call_log-and-emphasis"] == "call_log and emphasis"
    assert anchors["phone-etiquette-in-brief"] == "Phone etiquette in brief"


SHOWN_AS_CODE = """# Writing markers

Write `<!-- handbook:glossary -->` alone on its line; ``<!-- handbook: typo -->`` is not one.

```markdown
<!-- handbook:glossary -->
```

- In a list:

    ~~~
    <!-- handbook:usage -->
    <!-- handbook: also not one -->
    ~~~

<!-- handbook:glossary -->
"""


def test_markers_shown_as_code_are_not_markers():
    (marker,) = find_markers(SHOWN_AS_CODE)
    assert (marker.kind, marker.line) == ("glossary", 16)


def test_a_malformed_marker_outside_code_still_fails():
    with pytest.raises(MarkerError, match="line 4: malformed marker"):
        find_markers(SHOWN_AS_CODE.replace("alone on its line;", "alone on its line;\n<!-- handbook: typo -->\n"))


def test_the_build_replaces_the_marker_and_leaves_the_code(tmp_path):
    """hooks/data_blocks.py as MkDocs runs it: the glossary appears once, where the real marker is;
    the fenced and inline examples above it keep their text."""
    spec = importlib.util.spec_from_file_location("data_blocks_under_test", ROOT / "hooks/data_blocks.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    hook.on_config(SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml")))
    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(current_language="en")})
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/writing.md"), url="en/writing/")
    out = hook.on_page_markdown(SHOWN_AS_CODE, page, config, None)
    before, marker, after = SHOWN_AS_CODE.rpartition("<!-- handbook:glossary -->")
    assert out.startswith(before)
    assert "<!-- handbook:" not in out[len(before):]
    assert len(out) > len(SHOWN_AS_CODE) + 1000  # the glossary is there
