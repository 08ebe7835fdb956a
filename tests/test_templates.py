"""Markup lives in handbook/templates/ and interface words in i18n/: no HTML tag and no Chinese
interface text in a Python string literal under handbook/ or hooks/ (docstrings, comments and
the schema's ``description=`` texts for contributors aside)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from handbook.templating import ENV

from conftest import ROOT

ELEMENTS = (
    "a abbr article aside b blockquote br button caption circle code col colgroup dd del details dfn div dl dt "
    "em figcaption figure footer form g h1 h2 h3 h4 h5 h6 head header hr html i img input ins kbd label legend li "
    "link main mark meta nav ol option p path pre q rect s script section select small source span strong style "
    "sub summary sup svg table tbody td template text textarea tfoot th thead time title tr u ul var"
).split()
# An element of HTML or SVG opening or closing; ``docs/<lang>/`` in a message is no tag.
TAG = re.compile(rf"</?(?:{'|'.join(ELEMENTS)})(?:\s|>|/>)")
# A regular expression that reads the HTML MkDocs wrote (its pattern, not its replacement).
PATTERN_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
CJK = re.compile(r"[\u4e00-\u9fff]")  # ideographs: punctuation in a text rule is no interface word


def _documentation(tree: ast.AST) -> set[int]:
    """The string nodes that document code or read HTML: docstrings, ``description=`` arguments and
    the patterns of regular expressions."""
    nodes: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            nodes.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg == "description":
            nodes |= {id(n) for n in ast.walk(node.value)}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in PATTERN_CALLS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
            nodes |= {id(n) for n in ast.walk(node.args[0])}
    return nodes


def offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documentation = _documentation(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documentation:
            for rule, pattern in (("an HTML tag", TAG), ("Chinese text", CJK)):
                if pattern.search(node.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {rule} in {node.value[:40]!r}")
    return found


SOURCES = sorted(p for folder in ("handbook", "hooks") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_markup_or_interface_words_in_python(path):
    found = offences(path)
    assert not found, "move these to a template in handbook/templates/ or a word in i18n/:\n" + "\n".join(found)


def test_the_rule_finds_what_it_looks_for(tmp_path):
    sample = ROOT / "hooks" / "_sample_for_test.py"
    try:
        sample.write_text('"""Doc <b>."""\nX = "<p class=\\"a\\">"\nY = "确定"\nZ = "a < b, docs/<lang>/"\n'
                          'import re\nR = re.compile("<p>")\n', encoding="utf-8")
        assert [line.split(": ")[1] for line in offences(sample)] == ["an HTML tag in '<p class=\"a\">'",
                                                                      "Chinese text in '确定'"]
    finally:
        sample.unlink()


def test_templates_escape_data_and_fail_on_undefined_names():
    template = ENV.from_string("<p title=\"{{ text }}\">{{ text }}{{ safe }}</p>")
    html = template.render(text="it's <b>", safe=Markup("<i>ok</i>"))
    assert html == '<p title="it&#x27;s &lt;b&gt;">it&#x27;s &lt;b&gt;<i>ok</i></p>'
    with pytest.raises(Exception, match="undefined"):
        ENV.from_string("{{ missing.field }}").render()


FRONT = sorted(p for folder in ("overrides", "handbook/templates", "handbook/offline") for p in (ROOT / folder).rglob("*")
               if p.suffix in {".html", ".js", ".css", ".xml", ".svg"})


@pytest.mark.parametrize("path", FRONT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_chinese_in_templates_and_scripts(path):
    """Their words come from the catalogues (i18n/): a template says ``word(key, lang)`` or
    ``words.key``, a script reads the hb-words island."""
    lines = [f"{path.relative_to(ROOT)}:{n}: {line.strip()[:60]}"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if CJK.search(line)]
    assert not lines, "move these words to i18n/<lang>.yml:\n" + "\n".join(lines)
