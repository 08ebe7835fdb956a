"""Index terms: the one rule that cuts text into the terms search matches on.

Chinese has no spaces, and the browser's word segmenter does not cut it as any indexer would,
so Chinese is indexed as overlapping character pairs: a query word matches a section that holds
all of its pairs (a character alone says too little to be worth its space in the offline copy). English words are lowercased and lightly
stemmed, British spellings folded into American ones, so "apologise" finds "apologize" and
"handling" finds "handle". ``overrides/assets/javascripts/search.js`` applies the same rule to
queries (``stem`` there is this ``stem``; tests/test_search_engine.py compares the two).
"""

from __future__ import annotations

import re
import unicodedata

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
LATIN = re.compile(r"[a-z0-9]+")
# One token at a time, in reading order: a run of Chinese characters or a Latin word.
TOKEN = re.compile(CJK.pattern + "|" + LATIN.pattern)


def normalize(text: str) -> str:
    """Full-width letters and digits to ASCII, lower case (NFKC would also fold Chinese punctuation)."""
    return unicodedata.normalize("NFKC", text).lower()


def stem(word: str) -> str:
    """A light English stemmer, the same in search.js: plural and -ed/-ing endings, British
    -ise/-our/-tre spellings, a final e and doubled letters ("cancelled" = "canceled" =
    "cancel"). Terms only need to agree with each other, not to be words."""
    if len(word) <= 3 or not word.isalpha():
        return word
    word = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ied") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if word.endswith("our") and len(word) > 5:
        word = word[:-3] + "or"
    if word.endswith("tre") and len(word) > 4:
        word = word[:-3] + "ter"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Every index term of a text, in order, repeats kept (their count is the term frequency)."""
    out: list[str] = []
    for token in TOKEN.findall(normalize(text)):
        if CJK.fullmatch(token):
            out.extend(token[i:i + 2] for i in range(len(token) - 1))
        else:
            out.append(stem(token))
    return out
