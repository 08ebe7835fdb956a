"""Shared fixtures: one strict build of the real site, served on loopback, and Chromium.
(What the browser tests do with a page, searching and axe-core, is in helpers.py.)"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from handbook.nav import DEFAULT_LANG, LANGS, lang_prefix  # the languages mkdocs.yml declares, default first
from handbook.pdf.render import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("data", "docs", "hooks", "i18n", "overrides", "handbook", "scripts", ".venv", "pyproject.toml", "mkdocs.yml")


def pytest_collection_modifyitems(items):
    """Mark by what a test needs, so ``scripts/test --fast`` can leave out Chromium, the PDFs and
    every build of the real site (markers declared in pyproject.toml): a test that asks for a
    browser is ``browser``, one that reads the PDFs is ``pdf``, one that reads the session's shared
    build of the real site is ``site``, one that runs a build of its own besides it (or a preview,
    test_serve.py) is ``rebuild``."""
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if needs & {"browser", "page"}:
            item.add_marker(pytest.mark.browser)
        if "pdfs" in needs or item.path.name == "test_pdf.py":
            item.add_marker(pytest.mark.pdf)
        if needs & {"build", "site", "server"}:
            item.add_marker(pytest.mark.site)
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
    return site / lang_prefix(lang)


def pages(site: Path, lang: str) -> dict[str, Path]:
    """Built HTML pages of one language, keyed by path relative to its root."""
    root = lang_root(site, lang)
    out = {}
    for path in root.rglob("index.html"):
        rel = path.relative_to(root).as_posix()
        if lang == DEFAULT_LANG and rel.split("/")[0] in LANGS[1:]:
            continue
        out[rel] = path
    return out


class Host(http.server.ThreadingHTTPServer):
    """Serves a folder on loopback from a thread of its own, as a web host would, while in a
    ``with`` block. For test_offline.py's phone: ``log`` keeps the paths asked for, ``down``
    drops every connection (no network), ``delay`` slows each answer (poor reception)."""

    def __init__(self, folder: Path):
        self.folder, self.down, self.delay, self.log = folder, False, 0.0, []
        super().__init__(("127.0.0.1", 0), _HostHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> Host:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()

    def handle_error(self, request, client_address):
        """A browser closed while downloading (the service worker saving the site for offline
        reading when a test ends) is no error of the server's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _HostHandler(http.server.SimpleHTTPRequestHandler):
    server: Host

    def __init__(self, request, client_address, server: Host):
        super().__init__(request, client_address, server, directory=str(server.folder))

    def handle(self):
        time.sleep(self.server.delay)
        if not self.server.down:
            super().handle()

    def send_response(self, code, message=None):
        self.server.log.append(self.path)
        super().send_response(code, message)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """The shared build's address."""
    with Host(site) as host:
        yield host.url


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
