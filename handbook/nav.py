"""The handbook's structure as mkdocs.yml gives it: pages, sections, titles, languages.

Read with a YAML loader that ignores ``!!python/...`` tags, so MkDocs is not imported.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The project's mkdocs.yml; HANDBOOK_MKDOCS_YML names another one, with the i18n/ catalogues beside
# it (tests/test_third_language.py builds a fixture site that declares a third language).
MKDOCS_YML = Path(os.environ.get("HANDBOOK_MKDOCS_YML") or Path(__file__).resolve().parents[1] / "mkdocs.yml")


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads ``!!python/...`` tags (markdown_extensions options) as None."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _i18n(config: dict) -> dict:
    return next((p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), {"languages": []})


def languages(config: dict) -> tuple[str, ...]:
    """The i18n plugin's locales, the default one first."""
    found = sorted(_i18n(config)["languages"], key=lambda language: not language.get("default", False))
    return tuple(language["locale"] for language in found)


@dataclass(frozen=True)
class Section:
    key: str  # first path segment: "foundations"
    titles: dict[str, str]  # nav title per language
    pages: tuple[str, ...]  # source paths in nav order: "foundations/index.md", ...


@dataclass
class Site:
    """What mkdocs.yml says about the site, per language."""

    names: dict[str, str]  # site_name per language
    lang_names: dict[str, str]  # "简体中文", "English"
    site_url: str
    langs: tuple[str, ...]  # the i18n plugin's locales, default first
    bilingual: tuple[str, ...] = ()  # section keys that also get a side-by-side handout (extra.bilingual_pdfs)
    entries: list[str | Section] = field(default_factory=list)  # nav order

    @property
    def sections(self) -> list[Section]:
        return [e for e in self.entries if isinstance(e, Section)]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def all_pages(self) -> list[str]:
        out: list[str] = []
        for entry in self.entries:
            out.extend(entry.pages if isinstance(entry, Section) else [entry])
        return out


def read_config(mkdocs_yml: Path, loader: type[yaml.SafeLoader] = _Loader) -> dict:
    """mkdocs.yml as plain data, its ``!!python/...`` options as None; a configuration that
    names a parent with ``INHERIT`` is merged into it as MkDocs does (mappings merged key by
    key, any other value replaced)."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (safe subclass)
    parent = config.pop("INHERIT", None)
    return _merged(read_config(mkdocs_yml.parent / parent, loader), config) if parent else config


def _merged(base: dict, over: dict) -> dict:
    return {**base, **{key: _merged(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict)
                       else value for key, value in over.items()}}


# The languages, as mkdocs.yml declares them: the default (at /) first.
LANGS = languages(read_config(MKDOCS_YML))
DEFAULT_LANG = LANGS[0]


def read_site(mkdocs_yml: Path) -> Site:
    config = read_config(mkdocs_yml)
    langs = languages(config)
    names = {lang: config["site_name"] for lang in langs}
    lang_names = {lang: lang for lang in langs}
    translations: dict[str, dict[str, str]] = {lang: {} for lang in langs}
    for language in _i18n(config)["languages"]:
        locale = language["locale"]
        lang_names[locale] = language.get("name", locale)
        names[locale] = language.get("site_name", names.get(locale))
        translations[locale] = language.get("nav_translations") or {}
    site = Site(names=names, lang_names=lang_names, site_url=config.get("site_url", "/").rstrip("/") + "/",
                langs=langs, bilingual=tuple((config.get("extra") or {}).get("bilingual_pdfs") or ()))
    for item in config["nav"]:
        if isinstance(item, str):
            site.entries.append(item)
            continue
        ((title, children),) = item.items()
        pages = tuple(c if isinstance(c, str) else next(iter(c.values())) for c in children)
        titles = {lang: translations[lang].get(title, title) for lang in langs}
        site.entries.append(Section(key=pages[0].split("/")[0], titles=titles, pages=pages))
    return site


def lang_prefix(lang: str) -> str:
    """Where a language's pages start, from the site root: the default language at the root
    (``""``), the others in a folder of their own (``"en/"``), as mkdocs-static-i18n builds them."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def page_url(src: str, lang: str) -> str:
    """Site-absolute URL path of a built page: ``foundations/index.md`` → ``/foundations/``."""
    path = src[: -len(".md")]
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return f"/{lang_prefix(lang)}{path}"


def page_file(site_dir: Path, src: str, lang: str) -> Path:
    return site_dir / page_url(src, lang).lstrip("/") / "index.html"
