"""A self-scoring quiz from data/quiz.yml, in four parts a page places where it wants them:
the form (for listening-quiz.js: the key in data-answer, the rule and messages in data-*),
the scoring rule, the band table and the answer key. One source, so the languages agree."""

from __future__ import annotations

from ..models import Quiz
from .common import Context, added, esc
from ..words import word


def _bands(quiz: Quiz) -> list[tuple[int, int, int, int | None]]:
    """(lowest score, highest score, fewest wrong, most wrong or None for 'or more') per band."""
    out = []
    top = quiz.base
    for band in quiz.bands:
        fewest = -(-(quiz.base - top) // quiz.penalty)
        most = (quiz.base - band.min_score) // quiz.penalty
        out.append((band.min_score, top, fewest, None if most >= len(quiz.questions) else most))
        top = band.min_score - 1
    return out


def _range(quiz: Quiz, i: int, lang: str) -> str:
    lo, hi, _, _ = _bands(quiz)[i]
    return word("quiz_range_low", lang).format(hi=hi) if lo == 0 else word("quiz_range", lang).format(lo=lo, hi=hi)


def form(quiz: Quiz, ctx: Context) -> str:
    lang, total = ctx.lang, len(quiz.questions)
    colon = word("colon", lang)
    bands = {name: f"{_range(quiz, i, lang)}{colon}{quiz.bands[i].verdict(lang)}"
             for i, name in enumerate(("high", "mid", "low"))}
    attrs = {
        "data-base": quiz.base, "data-penalty": quiz.penalty,
        "data-band-high-min": quiz.bands[0].min_score, "data-band-mid-min": quiz.bands[1].min_score,
        "data-label-yes": word("quiz_yes", lang), "data-label-no": word("quiz_no", lang),
        "data-list-sep": word("quiz_list_sep", lang), "aria-label": quiz.title(lang),
        "data-msg-score": word("quiz_msg_score", lang),
        "data-msg-band-high": bands["high"], "data-msg-band-mid": bands["mid"], "data-msg-band-low": bands["low"],
        "data-msg-wrong": word("quiz_msg_wrong", lang),
        "data-msg-none-wrong": word("quiz_msg_none_wrong", lang).replace("{total}", str(total)),
        "data-msg-unanswered": word("quiz_msg_unanswered", lang).replace("{total}", str(total)),
        "data-msg-expected": word("quiz_msg_expected", lang),
    }
    head = " ".join(f'{name}="{esc(str(value))}"' for name, value in attrs.items())
    parts = [f'<form class="listening-quiz" data-quiz {head}>', f'<p class="lq-nojs">{esc(word("quiz_nojs", lang))}</p>']
    if "questions" in quiz.added:
        parts.append(f'<p class="hb-muted lq-source">{added(lang).strip()}{word("colon", lang)}{word("quiz_questions_added", lang)}</p>')
    for n, q in enumerate(quiz.questions, 1):
        name = f"lq-q{n}"
        parts += [
            f'<fieldset id="{name}" data-answer="{q.answer}">',
            f'<legend><span class="lq-n">{n}.</span> {esc(q.statement(lang))}{_added(q, "statement", lang)}</legend>',
            '<div class="lq-options">',
            f'<label><input type="radio" name="{name}" value="yes"> {word("quiz_yes", lang)}</label>',
            f'<label><input type="radio" name="{name}" value="no"> {word("quiz_no", lang)}</label>',
            "</div>",
            "</fieldset>",
        ]
    parts += [
        '<div class="lq-actions" data-quiz-js hidden>',
        f'<button type="submit" class="md-button md-button--primary">{word("quiz_submit", lang)}</button>',
        f'<button type="reset" class="md-button">{word("quiz_reset", lang)}</button>',
        "</div>",
        '<div class="lq-result" data-quiz-result role="status" aria-live="polite"></div>',
        "</form>",
    ]
    return "\n".join(parts)


def rule(quiz: Quiz, ctx: Context) -> str:
    lang, base, penalty = ctx.lang, quiz.base, quiz.penalty
    formula = word("quiz_rule", lang).format(base=base, penalty=penalty)
    example = word("quiz_rule_example", lang).format(base=base, penalty=penalty, loss=3 * penalty, example=base - 3 * penalty)
    return f'<p class="hb-quiz-rule"><strong>{esc(formula)}</strong></p>\n<p>{esc(example)}</p>'


def bands(quiz: Quiz, ctx: Context) -> str:
    lang = ctx.lang
    rows = []
    for i, (_, _, fewest, most) in enumerate(_bands(quiz)):
        if most is None:
            wrong = word("quiz_wrong_more", lang).format(lo=fewest)
        elif most == fewest:
            wrong = word("quiz_wrong_one", lang).format(n=fewest)
        else:
            wrong = word("quiz_wrong_range", lang).format(lo=fewest, hi=most)
        rows.append(f"<tr><td>{esc(_range(quiz, i, lang))}</td><td>{esc(wrong)}</td>"
                    f"<td>{esc(quiz.bands[i].verdict(lang))}{added(lang) if 'bands' in quiz.added else ''}</td></tr>")
    head = "".join(f'<th scope="col">{word(k, lang)}</th>' for k in ("quiz_score", "quiz_wrong", "quiz_verdict"))
    # Plain tables, styled like the page's own Markdown tables.
    return (f'<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>")


def _added(q, field: str, lang: str) -> str:
    """The badge on one question's own additions (a quiz-wide 'questions' is said once, above the form)."""
    return added(lang) if field in q.added else ""


def key(quiz: Quiz, ctx: Context) -> str:
    lang = ctx.lang
    yes = [str(n) for n, q in enumerate(quiz.questions, 1) if q.answer == "yes"]
    joined = word("quiz_list_sep", lang).join(yes[:-1]) + word("quiz_key_and", lang) + yes[-1] if len(yes) > 1 else "".join(yes)
    answer = {"yes": word("quiz_yes", lang), "no": word("quiz_no", lang)}
    rows = "\n".join(f'<tr><td class="hb-num">{n}</td><td>{answer[q.answer]}</td><td>{esc(q.why(lang))}{_added(q, "why", lang)}</td></tr>'
                     for n, q in enumerate(quiz.questions, 1))
    head = "".join(f'<th scope="col">{word(k, lang)}</th>' for k in ("quiz_no_col", "quiz_key_col", "why"))
    return (f'<details class="success quiz-key">\n<summary>{word("quiz_key_summary", lang)}</summary>\n'
            f'<p>{esc(word("quiz_key_line", lang).format(yes=joined))}</p>\n'
            + (f'<p class="hb-muted">{added(lang).strip()}{word("colon", lang)}{word("quiz_why_added", lang)}</p>\n'
               if "questions" in quiz.added else "")
            + f'<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</details>')


PARTS = {"form": form, "rule": rule, "bands": bands, "key": key}
