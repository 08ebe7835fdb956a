"""``scripts/serve`` as a contributor uses it: a data edit shows on its page, and the search
index (hooks/search_index.py) follows it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request

from conftest import ROOT, linked_project

PAGE, TEXT = "communication/phrase-cards/", "我会找出正确答案的。"


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _until(what: str, probe, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (found := probe()) is not None:
            return found
        time.sleep(0.2)
    raise AssertionError(f"scripts/serve: no {what} within {timeout:.0f} s")


def _index_meta(base: str) -> dict | None:
    """Each language's index, as the names of its hashed text files (they change with the text)."""
    try:
        return {lang: json.loads(_get(f"{base}search/{lang}/docs.json"))["texts"] for lang in ("zh", "en")}
    except (TypeError, ValueError, KeyError):
        return None


def test_preview_shows_a_data_edit_and_search_follows(tmp_path):
    project = linked_project(tmp_path, "data")
    shutil.copytree(ROOT / "data", project / "data")
    phrases = project / "data" / "phrases.yml"
    original = phrases.read_text(encoding="utf-8")
    assert TEXT in original
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    serve = subprocess.Popen([str(project / "scripts" / "serve"), "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _until("page", lambda: (body := _get(base + PAGE)) and TEXT in body or None, timeout=300)
        before = _until("search index", lambda: _index_meta(base))
        assert set(before) == {"zh", "en"}

        phrases.write_text(original.replace(TEXT, TEXT + "（预览测试）", 1), encoding="utf-8")
        _until("edited page", lambda: (body := _get(base + PAGE)) and "（预览测试）" in body or None)
        after = _until("new search index", lambda: (meta := _index_meta(base)) and meta["zh"] != before["zh"] and meta or None)
        assert after["en"] == before["en"]  # only the Chinese text changed
    finally:
        os.killpg(serve.pid, 15)
        serve.wait(timeout=30)
