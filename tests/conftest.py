"""Shared fixtures: one strict build of the real site, served on loopback, and Chromium."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from handbook.nav import LANGS  # the languages mkdocs.yml declares, default first
from handbook.pdf.render import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("data", "docs", "hooks", "i18n", "overrides", "handbook", "scripts", ".venv", "pyproject.toml", "mkdocs.yml")


def pytest_collection_modifyitems(items):
    """Mark by what a test needs, so ``scripts/test --fast`` can leave out Chromium, the PDFs and
    extra builds (markers declared in pyproject.toml): a test that asks for a browser is
    ``browser``, one that reads the PDFs is ``pdf``, one that runs a build of its own besides the
    session's shared one (or a preview, test_serve.py) is ``rebuild``."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if needs & {"browser", "page"}:
            item.add_marker(pytest.mark.browser)
        if "pdfs" in needs or item.path.name == "test_pdf.py":
            item.add_marker(pytest.mark.pdf)
        function = getattr(item, "function", None)
        if function is not None and "run_build_script" in function.__code__.co_names or item.path.name == "test_serve.py":
            item.add_marker(pytest.mark.rebuild)


def linked_project(tmp_path: Path, own: str) -> Path:
    """A stand-in project: every part linked to the real one except ``own`` (a folder),
    which the test fills itself and may break. (scripts/bench.py's project_copy is its twin.)"""
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_PARTS:
        if name != own:
            (project / name).symlink_to(ROOT / name)
    return project


def run_build_script(site_dir: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """``scripts/build`` as the README and the deploy run it (strict, all or nothing)."""
    return subprocess.run(
        [str(project / "scripts" / "build"), "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    site = tmp_path_factory.mktemp("build") / "site"
    return site, run_build_script(site)


@pytest.fixture(scope="session")
def site(build) -> Path:
    site_dir, result = build
    assert result.returncode == 0, result.stderr[-4000:]
    return site_dir


def lang_root(site: Path, lang: str) -> Path:
    return site if lang == "zh" else site / lang


def pages(site: Path, lang: str) -> dict[str, Path]:
    """Built HTML pages of one language, keyed by path relative to its root."""
    root = lang_root(site, lang)
    out = {}
    for path in root.rglob("index.html"):
        rel = path.relative_to(root).as_posix()
        if lang == "zh" and rel.split("/")[0] in LANGS[1:]:
            continue
        out[rel] = path
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser closed while downloading (the service worker saving the site for offline
        reading when a test ends) is no error of the server's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")  # Playwright's sync API allows one running instance: scripts/pdf's own
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes."""
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda request: pg.requests.append(request.url))
    yield pg
    context.close()
