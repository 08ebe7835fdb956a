"""A self-scoring quiz from data/quiz.yml, in four parts a page places where it wants them:
the form (for listening-quiz.js: the key in data-answer, the rule and messages in data-*),
the scoring rule, the band table and the answer key. One source, so the languages agree.

Drawn by handbook/templates/blocks/quiz-*.html; here only the numbers behind the bands and the key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Quiz
from ..templating import render
from ..words import word
from .common import Context

EXAMPLE_WRONG = 3  # the rule's worked example: "three wrong answers, for example, give …"


@dataclass(frozen=True)
class Band:
    """One band of the scoring table in the page's words: its scores, the wrong answers that
    give them, and what the course says it means."""

    scores: str
    wrong: str
    verdict: str


def _bands(quiz: Quiz, lang: str) -> list[Band]:
    """Highest band first; the wrong answers of the lowest band run on "or more"."""
    out = []
    top = quiz.base
    for band in quiz.bands:
        low = band.min_score
        fewest = -(-(quiz.base - top) // quiz.penalty)
        most = (quiz.base - low) // quiz.penalty
        scores = word("quiz_range_low", lang).format(hi=top) if low == 0 else word("quiz_range", lang).format(lo=low, hi=top)
        if most >= len(quiz.questions):
            wrong = word("quiz_wrong_more", lang).format(lo=fewest)
        elif most == fewest:
            wrong = word("quiz_wrong_one", lang).format(n=fewest)
        else:
            wrong = word("quiz_wrong_range", lang).format(lo=fewest, hi=most)
        out.append(Band(scores, wrong, band.verdict(lang)))
        top = low - 1
    return out


def form(quiz: Quiz, ctx: Context) -> str:
    return render("blocks/quiz-form.html", quiz=quiz, lang=ctx.lang, bands=_bands(quiz, ctx.lang))


def rule(quiz: Quiz, ctx: Context) -> str:
    loss = EXAMPLE_WRONG * quiz.penalty
    return render("blocks/quiz-rule.html", lang=ctx.lang, base=quiz.base, penalty=quiz.penalty, loss=loss,
                  example=quiz.base - loss)


def bands(quiz: Quiz, ctx: Context) -> str:
    return render("blocks/quiz-bands.html", quiz=quiz, lang=ctx.lang, bands=_bands(quiz, ctx.lang))


def _listed(numbers: list[str], lang: str) -> str:
    """1, 2 and 3: the language's list separator, and its "and" before the last."""
    if len(numbers) < 2:
        return "".join(numbers)
    return word("quiz_list_sep", lang).join(numbers[:-1]) + word("quiz_key_and", lang) + numbers[-1]


def key(quiz: Quiz, ctx: Context) -> str:
    yes = [str(n) for n, q in enumerate(quiz.questions, 1) if q.answer == "yes"]
    return render("blocks/quiz-key.html", quiz=quiz, lang=ctx.lang, yes=_listed(yes, ctx.lang))


PARTS = {"form": form, "rule": rule, "bands": bands, "key": key}
