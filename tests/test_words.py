"""Interface words (i18n/, handbook/words.py): one catalogue per language, the same keys in each."""

from __future__ import annotations

import pytest

from conftest import ROOT
from handbook.nav import LANGS
from handbook.words import WordError, catalogue, word


def test_every_language_has_a_catalogue_with_the_same_keys():
    keys = {lang: set(catalogue(lang)) for lang in LANGS}
    assert all(keys[lang] == keys[LANGS[0]] for lang in LANGS), keys
    assert (ROOT / "i18n" / f"{LANGS[0]}.yml").is_file()


def test_a_word_is_looked_up_in_the_pages_language():
    assert word("say", "zh") == "这样说"
    assert word("say", "en") == "Say"


def test_a_missing_word_names_the_line_that_asked_for_it():
    with pytest.raises(WordError) as caught:
        word("no-such-word", "en")
    assert str(caught.value).startswith("test_words.py:25: no word 'no-such-word' in i18n/en.yml; "
                                        "add `no-such-word: …` to every catalogue in i18n/")
