"""The built pages are valid HTML by a checker no one here wrote: the Nu HTML Checker (vnu-jar,
the W3C validator's engine), pinned in .cache/node by scripts/node-tools, run on Debian's Java."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.java  # left out by scripts/test --fast

VNU = ROOT / ".cache/node/node_modules/vnu-jar/build/dist/vnu.jar"


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    subprocess.run([str(ROOT / "scripts/node-tools")], check=True, timeout=900)
    return ["java", "-Xss8m", "-jar", str(VNU)]


def test_every_built_page_is_valid_html(vnu, site):
    """Errors only: the checker's advice (an <article> without a heading) is not a fault."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 90
    result = subprocess.run([*vnu, "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    errors = sorted(
        f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages if m["type"] in ("error", "non-document-error")
    )
    assert errors == [], f"{len(errors)} errors, first: " + "\n".join(errors[:20])
    assert result.returncode == 0
