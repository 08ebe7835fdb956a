"""Interface words for the templates, the browser scripts and the Markdown extensions, from the
catalogues in i18n/ (handbook/words.py).

Templates get ``words``, the catalogue of the page's language, ``catalogues``, every
language's (the one 404 page speaks them all), and ``default_lang``, the language at the site's
root (the first of mkdocs.yml's list), for a page the i18n plugin gives no locale. overrides/main.html writes the browser scripts'
words into one JSON island, ``<script type="application/json" id="hb-words">``, from
``browser_words``: the catalogue's keys that start with a script's name (``search_best`` →
``{"search": {"best": …}}``).

The toc and footnotes extensions take one title for the whole build and write it in English;
each page gets its own language's words in their place instead (English pages keep the same
words, which the catalogue repeats).
"""

from __future__ import annotations

import re
from html import escape

from handbook.nav import LANGS
from handbook.words import catalogue, word

# The scripts that read the hb-words island, each with its words' prefix in the catalogue.
BROWSER_SCRIPTS = ("search_", "offline_")
PERMALINK = re.compile(r'title="Permanent link"')
FOOTNOTE_BACK = re.compile(r'title="Jump back to footnote (\d+) in the text"')


def browser_words(lang: str) -> dict[str, dict[str, str]]:
    words = catalogue(lang)
    return {prefix.rstrip("_"): {key[len(prefix):]: value for key, value in words.items() if key.startswith(prefix)}
            for prefix in BROWSER_SCRIPTS}


def _language(config) -> str:
    return config.plugins["i18n"].current_language or LANGS[0]


def _give(context: dict, lang: str) -> dict:
    context["words"] = catalogue(lang)
    context["browser_words"] = browser_words(lang)
    return context


def on_env(env, config, files):
    env.globals["catalogues"] = {lang: catalogue(lang) for lang in LANGS}
    env.globals["default_lang"] = LANGS[0]
    _give(env.globals, _language(config))
    return env


def on_page_context(context, page, config, nav):
    return _give(context, _language(config))


def on_template_context(context, template_name, config):
    return _give(context, _language(config))


def on_page_content(html, page, config, files):
    lang = _language(config)
    permalink = escape(word("permalink_title", lang))
    back = word("footnote_back", lang)
    html = PERMALINK.sub(lambda m: f'title="{permalink}"', html)
    return FOOTNOTE_BACK.sub(lambda m: f'title="{escape(back.format(n=m[1]))}"', html)
