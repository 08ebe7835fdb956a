"""Offline reading and the installable app (handbook/offline, hooks/offline.py, sw.js):
the built files, then Chromium on a site served under a sub-path, as a phone meets it."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import LANGS, ROOT, Host, lang_root, pages
from handbook.offline import write_offline_files
from handbook.offline.precache import read_precache, url_of
from handbook.nav import read_site
from helpers import axe, result_links, search

NAMES = read_site(ROOT / "mkdocs.yml").names
PREFIX = "/handbook/"  # served under a sub-path, as on an intranet host shared with other sites


# -- the built files ------------------------------------------------------------------------


def test_precache_lists_every_page_and_file_with_its_hash_and_no_pdf(site):
    listed = {url: (digest, size) for url, digest, size in read_precache(site)}
    for lang in LANGS:
        for rel in pages(site, lang):
            url = url_of((lang_root(site, lang) / rel).relative_to(site).as_posix())
            assert url in listed, url
    search_files = [p.relative_to(site).as_posix() for p in (site / "search").rglob("*") if p.is_file()]
    assert search_files
    for required in (*search_files, "offline.html", "manifest-zh.webmanifest", "manifest-en.webmanifest",
                     "assets/icons/icon-512.png"):
        assert required in listed, required
    for url, (digest, size) in listed.items():
        assert not url.startswith(("/", "pdf/", "http")) and not url.endswith((".map", ".pdf")), url
        assert url not in ("sw.js", "bench.json"), url
        data = (site / (url + "index.html" if url.endswith("/") else url).removeprefix("./")).read_bytes()
        assert (hashlib.sha256(data).hexdigest()[:16], len(data)) == (digest, size), url


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_a_manifest_with_its_name_start_page_and_icons(site, lang):
    manifest = json.loads((site / f"manifest-{lang}.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == NAMES[lang] and manifest["short_name"] and manifest["lang"] == lang
    assert (site / manifest["start_url"] / "index.html").resolve() == (lang_root(site, lang) / "index.html").resolve()
    assert manifest["scope"] == "./" and manifest["display"] == "standalone" and manifest["theme_color"]
    for icon in manifest["icons"]:
        width, height = png_size(site / icon["src"])
        assert f"{width}x{height}" == icon["sizes"], icon
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    head = (lang_root(site, lang) / "roles" / "duties" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="manifest" href="../../{"../" if lang != "zh" else ""}manifest-{lang}.webmanifest">' in head


# -- in the browser -------------------------------------------------------------------------


def deploy(host: Host, build: Path) -> None:
    """Put ``build`` at PREFIX on the host in one step, as a deployment swaps it in."""
    staged = host.folder / "staged"
    staged.symlink_to(build)
    staged.replace(host.folder / PREFIX.strip("/"))


@pytest.fixture
def host(tmp_path, site):
    www = tmp_path / "www"
    www.mkdir()
    with Host(www) as server:
        deploy(server, site)
        yield server


@pytest.fixture
def phone(browser, host):
    """A phone-sized page that records every request it makes."""
    context = browser.new_context(base_url=host.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.requests = []
    context.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def wait_until_saved(page) -> str:
    """The status line says the handbook is stored on this device (the worker has installed)."""
    status = page.locator("[data-hb-offline]")
    status.filter(has_text="✓").wait_for(timeout=60_000)
    return status.inner_text()


NEVER_VISITED = [
    "roles/duties/", "standards/catalogue/", "communication/phrase-cards/", "blueprints/bank-complaint/",
    "glossary/", "en/communication/phone-etiquette/", "en/cases/hotels/", "en/insight/psychology/",
    "en/self-assessment/listening-quiz/", "en/standards/smart/",
]


def test_after_one_visit_pages_never_opened_and_search_work_offline(phone, host, site):
    phone.goto(PREFIX)
    status = wait_until_saved(phone)
    entries = read_precache(site)
    assert str(len(entries)) in status, status

    phone.context.set_offline(True)
    host.down = True
    for url in NEVER_VISITED:
        response = phone.goto(PREFIX + url)
        assert response.status == 200 and response.from_service_worker, url
        built = (site / url / "index.html").read_text(encoding="utf-8")
        assert f"<title>{phone.title()}</title>" in built.replace("&amp;", "&"), url
        assert phone.locator("article h1").first.is_visible(), url
    # the line is written once the service worker answers the page's status question (after load)
    phone.wait_for_function("() => /offline/i.test(document.querySelector('[data-hb-offline]').textContent)")

    search(phone, "complaint")  # on the last page, an English one
    hrefs = result_links(phone)
    assert hrefs and all(urlsplit(h).path.startswith(PREFIX + "en/") for h in hrefs), hrefs
    phone.goto(hrefs[0])  # and the result opens
    assert phone.locator("article h1").first.is_visible()
    phone.goto(PREFIX + "glossary/")  # each language has its own index
    search(phone, "投诉")
    hrefs = result_links(phone)
    assert hrefs and not [h for h in hrefs if urlsplit(h).path.startswith(PREFIX + "en/")], hrefs

    phone.goto(PREFIX + "en/no-such-page/")
    assert phone.locator("h1", has_text="You are offline").is_visible()
    phone.click("text=go to the handbook's home page")
    assert urlsplit(phone.url).path == PREFIX + "en/"
    assert foreign_requests(phone, host) == []


def test_chromium_finds_the_handbook_installable(phone, host):
    phone.goto(PREFIX + "en/roles/")
    wait_until_saved(phone)
    cdp = phone.context.new_cdp_session(phone)
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert [e for e in errors if e != "in-incognito"] == []  # Playwright's browser contexts are incognito
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == host.url + PREFIX + "manifest-en.webmanifest" and manifest["errors"] == []


def test_saving_cut_off_by_the_network_resumes_where_it_stopped(phone, host, site):
    """Poor reception: the first visit shows the saving progress; when the network drops
    midway the reader is told, and the next page opened online carries on without
    downloading again what was already stored."""
    total = len(read_precache(site))
    host.delay = 0.1
    phone.goto(PREFIX)
    phone.wait_for_function("""() => {
      const m = /正在保存到本机，供离线阅读：(\\d+) \\/ /.exec(document.querySelector("[data-hb-offline]").textContent);
      return m && Number(m[1]) >= 40;
    }""", timeout=60_000)
    host.down = True
    phone.locator("[data-hb-offline]", has_text="离线副本尚未保存完整").wait_for(timeout=60_000)

    host.down, host.delay, host.log = False, 0.0, []
    phone.goto(PREFIX + "glossary/")
    assert str(total) in wait_until_saved(phone)
    assert len(host.log) < total, host.log  # a full download would be every file plus the page's own


@pytest.fixture
def next_build(tmp_path, site) -> tuple[Path, str]:
    """The same site with one page changed, finished as the build finishes it (hooks/offline.py)."""
    build = tmp_path / "next"
    shutil.copytree(site, build, ignore=shutil.ignore_patterns("pdf"))
    changed = "Changed in the next deployment"
    for lang in LANGS:
        page = lang_root(build, lang) / "roles" / "duties" / "index.html"
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("</h1>", f" {changed}</h1>", 1), encoding="utf-8")
    write_offline_files(build, NAMES)
    return build, changed


@pytest.mark.parametrize("lang, notice", [("zh", "新版本可用 — 重新加载"), ("en", "A new version is available — reload")])
def test_a_new_deployment_is_announced_and_shown_after_reload(phone, host, site, next_build, lang, notice):
    path = PREFIX + ("" if lang == "zh" else "en/") + "roles/duties/"
    phone.goto(path)
    wait_until_saved(phone)
    build, changed = next_build
    deploy(host, build)

    phone.reload()  # the browser checks sw.js and installs the new version in the background
    banner = phone.locator("[data-hb-update]")
    banner.wait_for(state="visible", timeout=60_000)
    assert " ".join(banner.inner_text().split()) == notice
    assert changed not in phone.locator("article h1").inner_text()  # nothing changed under the reader
    assert [v["id"] for v in axe(phone, include=["[data-hb-update]", "[data-hb-offline]"])] == []

    with phone.expect_navigation():
        banner.locator("button").click()
    assert changed in phone.locator("article h1").inner_text()
    assert phone.locator("[data-hb-update]").is_hidden()
    assert foreign_requests(phone, host) == []


def foreign_requests(page, host) -> list[str]:
    return [url for url in page.requests if not url.startswith((host.url, "data:", "blob:"))]
