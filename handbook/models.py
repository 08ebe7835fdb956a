"""Typed models of the handbook's data files (``data/*.yml``).

Every translatable text is a :class:`Text` with every language filled in, so a
missing translation is a validation error, not a blank cell on the site.
Cross-references between files (a duty that names a standard, a phrase card
that names a standard, ...) are checked in :mod:`handbook.load`, which knows
where each entry came from.
"""

from __future__ import annotations

import datetime
import html
import re
from enum import Enum
from typing import Annotated, Any, Callable, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model

from .nav import LANGS
from .words import word


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Stable identifier: lowercase letters, digits and single hyphens."),
]
ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def _no_entities(text: str) -> str:
    """Data text is escaped when it is shown, so "&#x27;" would reach the reader as it is."""
    found = ENTITY.search(text)
    if found:
        raise ValueError(f"contains the HTML entity {found.group(0)}; write the character itself"
                         f" ({html.unescape(found.group(0))})")
    return text


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_no_entities)]


class Strict(BaseModel):
    """Unknown fields are typos: reject them instead of silently dropping them."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PerLanguage(Strict):
    """One field per language of mkdocs.yml's i18n list, read as ``value(lang)``."""

    def __call__(self, lang: str) -> Any:
        return getattr(self, lang)


def per_language(name: str, doc: str, annotation: Any, describe: Callable[[str], str] | None = None,
                 **field: Any) -> type[PerLanguage]:
    """A model with a field for every language, so a language added to the list is required in
    the data at once; ``describe`` words a field's schema description from the language's
    English name (its catalogue's ``language_english``)."""
    fields = {lang: (annotation, Field(description=describe(word("language_english", lang)) if describe else None,
                                       **field))
              for lang in LANGS}
    return create_model(name, __base__=PerLanguage, __doc__=doc, __module__=__name__, **fields)


Text = per_language("Text", "A text in every language of the handbook.", NonEmpty, lambda name: f"{name} text.")


class Item(Text):
    """One entry of a list (a requirement, a career path) that may be the handbook's when the rest is the course's."""

    added: list[Literal["text"]] = Field(
        default=[], description="'text' when this entry is the handbook's, not the course's: shown with the badge."
    )


# ---------------------------------------------------------------- standards


class Side(str, Enum):
    """The three sides of the service golden triangle."""

    hardware = "hardware"
    software = "software"
    personal = "personal"


class Dimension(str, Enum):
    """Service-quality dimensions a standard serves (course file 004)."""

    reliability = "reliability"
    responsiveness = "responsiveness"
    competence = "competence"
    access = "access"
    courtesy = "courtesy"
    communication = "communication"
    credibility = "credibility"
    security = "security"
    understanding = "understanding"
    tangibles = "tangibles"


class Measure(Strict):
    """The Measurable part of a SMART standard: a number with a unit."""

    comparison: Literal["at-most", "at-least", "exactly"] = Field(
        description="How the observed value is compared with the target."
    )
    value: float = Field(ge=0, description="The target number, e.g. 3.")
    unit: Text = Field(description="Unit of the number, e.g. {zh: 声, en: rings}.")
    what: Text = Field(description="What is measured, e.g. 'rings before the phone is answered'.")


class Standard(Strict):
    """A SMART service standard."""

    id: Id
    title: Text
    side: Side = Field(description="Golden-triangle side: hardware, software or personal.")
    owner: Id = Field(description="Id of the role in data/roles.yml that owns the standard.")
    specific: Text = Field(description="Specific: exactly what is done.")
    measure: Measure
    achievable: Text = Field(description="Achievable: why the target is realistic.")
    relevant: Text = Field(description="Relevant: which customer need it serves.")
    dimension: Dimension = Field(description="Service-quality dimension it serves.")
    time_bound: Text = Field(description="Timely: when it applies or by when it is met.")
    added: list[Literal["specific", "measure", "achievable", "relevant", "dimension", "time_bound", "owner"]] = Field(
        default=[], description="Parts the handbook set, not the course: shown with the 'handbook addition' badge."
    )


class StandardsFile(Strict):
    standards: list[Standard] = Field(min_length=1)


# -------------------------------------------------------------------- roles


class Duty(Strict):
    id: Id
    text: Text
    standards: list[Id] = Field(default=[], description="Ids of standards that measure this duty.")
    blueprints: list[Id] = Field(default=[], description="Ids of blueprints of procedures it follows.")
    added: list[Literal["text"]] = Field(
        default=[], description="'text' when the duty is the handbook's, not the course's: shown with the badge."
    )


class Role(Strict):
    id: Id
    kind: Literal["management", "front-line"] = Field(
        description="management: the course's seven roles; front-line: posts that serve customers directly."
    )
    title: Text
    purpose: Text = Field(description="One line: why the role exists.")
    reports_to: Id | None = Field(default=None, description="Id of the role this one reports to.")
    reports_to_text: Text | None = Field(
        default=None, description="Who it reports to when that is not a role of this handbook."
    )
    duties: list[Duty] = Field(min_length=1)
    requirements: list[Item] = Field(default=[], description="Abilities the role needs beyond the common ones.")
    indicators: list[Id] = Field(default=[], description="Ids of standards used as performance indicators.")
    career_paths: list[Item] = Field(default=[])
    added: list[Literal["purpose", "reports_to", "requirements", "indicators", "career_paths"]] = Field(
        default=[], description="Parts the handbook wrote, not the course: shown with the 'handbook addition' badge."
    )


class RolesFile(Strict):
    common_requirements: list[Item] = Field(
        min_length=1, description="Ability requirements every customer-service post shares."
    )
    roles: list[Role] = Field(min_length=1)


# ------------------------------------------------------------------ phrases


class PhraseGroup(str, Enum):
    approved = "approved"  # 九准
    banned = "banned"  # 九不准
    phone = "phone"
    face_to_face = "face-to-face"


class PhoneStage(str, Enum):
    answering = "answering"
    asking_name = "asking-name"
    confirming = "confirming"
    holding = "holding"
    transferring = "transferring"
    taking_details = "taking-details"
    closing_solved = "closing-solved"
    closing_follow_up = "closing-follow-up"


class Phrase(Strict):
    id: Id
    group: PhraseGroup
    stage: PhoneStage | None = Field(default=None, description="Phone stage; required for group 'phone'.")
    situation: Text
    say: Text = Field(description="What to say.")
    avoid: Text | None = Field(default=None, description="What not to say; required for group 'banned'.")
    why: Text = Field(description="Why these words work.")
    standards: list[Id] = Field(default=[], description="Ids of related standards.")
    added: list[Literal["situation", "say", "avoid", "why"]] = Field(
        default=[],
        description="Parts the handbook wrote, not the course (e.g. the 'say instead' line of a banned phrase, "
        "the why): shown with the 'handbook addition' badge.",
    )


class PhrasesFile(Strict):
    phrases: list[Phrase] = Field(min_length=1)


# --------------------------------------------------------------- blueprints


Lane = Literal["evidence", "customer", "onstage", "backstage", "support"]


class Step(Strict):
    """One column of a blueprint: what happens in each lane at that moment."""

    id: Id
    evidence: Text | None = Field(default=None, description="Physical evidence the customer sees.")
    customer: Text | None = Field(default=None, description="Customer action.")
    onstage: Text | None = Field(default=None, description="Onstage (visible) contact action.")
    backstage: Text | None = Field(default=None, description="Backstage (invisible) contact action.")
    support: Text | None = Field(default=None, description="Support process.")
    added: list[Lane] = Field(
        default=[], description="Lanes of this step the handbook reconstructed (the course does not give them)."
    )


class Point(Strict):
    """A fail point or a wait point, pinned to one cell of the blueprint."""

    kind: Literal["fail", "wait"]
    step: Id = Field(description="Id of the step (column) it belongs to.")
    lane: Lane = Field(description="Lane (row) it belongs to.")
    risk: Text = Field(description="What goes wrong, or why the customer waits.")
    response: Text = Field(description="What to do about it.")
    added: list[Literal["point", "response"]] = Field(
        default=[],
        description="'point': the handbook identified this point (the course does not); 'response': the course "
        "names the point, the handbook wrote what to do.",
    )


class Blueprint(Strict):
    id: Id
    title: Text
    summary: Text
    steps: list[Step] = Field(min_length=2)
    points: list[Point] = Field(default=[])
    added: list[Literal["summary", "evidence", "customer", "onstage", "backstage", "support", "points"]] = Field(
        default=[],
        description="Whole lanes the handbook reconstructed, 'summary', or 'points' (every fail and wait point): "
        "shown with the 'handbook addition' badge.",
    )


# ----------------------------------------------------------------- glossary


Variants = per_language("Variants", "Words not to use for a concept, per language; ``scripts/check`` flags them.",
                        list[NonEmpty], lambda name: f"Deprecated {name} variants.", default=[])


class Term(Strict):
    id: Id
    term: Text = Field(description="The preferred term in each language.")
    definition: Text
    deprecated: Variants | None = Field(
        default=None, description="Variants not to use anywhere in docs/, data/ or the interface labels."
    )
    note: Text | None = Field(default=None, description="Usage note shown with the definition; may name the variants.")
    added: list[Literal["term", "definition"]] = Field(
        default=[], description="'term': the concept is the handbook's; 'definition': the course names it, "
        "the handbook defined it. Shown with the 'handbook addition' badge.",
    )

    def preferred(self, lang: str) -> str:
        return self.term(lang)


class Usage(Strict):
    """A house rendering for a name or phrase that needs no definition (a company, a job title)."""

    id: Id
    preferred: Text = Field(description="The one rendering to use in each language.")
    deprecated: Variants | None = Field(default=None, description="Renderings not to use.")
    note: Text | None = Field(default=None, description="Why this rendering; may name the variants.")


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)
    usage: list[Usage] = Field(default=[], description="House renderings of names and phrases (scripts/check).")


# -------------------------------------------------------------------- quizzes


class QuizQuestion(Strict):
    statement: Text = Field(description="The statement the reader answers yes or no to.")
    answer: Literal["yes", "no"] = Field(description="The key answer (quote it: \"yes\" or \"no\").")
    why: Text = Field(description="Why the key answer is what it is.")
    added: list[Literal["statement", "answer", "why"]] = Field(
        default=[], description="Parts the handbook wrote, not the course: shown with the 'handbook addition' badge."
    )


class Band(Strict):
    min_score: int = Field(ge=0, description="Lowest score of the band; it runs up to the band above.")
    verdict: Text = Field(description="What a score in this band means (the course's words).")


class Quiz(Strict):
    """A self-scoring quiz: score = base − penalty × answers that differ from the key."""

    id: Id
    title: Text
    base: int = Field(gt=0, description="The score with every answer matching the key.")
    penalty: int = Field(gt=0, description="Points taken off for each answer that differs from the key.")
    bands: list[Band] = Field(min_length=3, max_length=3, description="High, middle and low band, highest first.")
    questions: list[QuizQuestion] = Field(min_length=1)
    added: list[Literal["questions", "bands"]] = Field(
        default=[],
        description="'questions': the handbook wrote every statement and why (the course kept only the key); "
        "'bands': the verdicts are the handbook's. Shown with the 'handbook addition' badge.",
    )


class QuizFile(Strict):
    quizzes: list[Quiz] = Field(min_length=1)



# ---------------------------------------------------------------- situations


Phrasings = per_language("Phrasings", "Other ways staff put a situation into words, per language (what they type "
                         "into search).", list[NonEmpty], lambda name: f"{name} phrasings.", min_length=1)


class Answer(Strict):
    """A page (path under docs/<lang>/) and, optionally, the anchor of the section that answers."""

    page: NonEmpty = Field(description="Page path under docs/<lang>/, e.g. communication/phone-etiquette.md.")
    anchor: Text | Id | None = Field(
        default=None,
        description="Section anchor: one id for every language (phrase-…, standard-…) or {zh: …, en: …} "
        "for heading anchors, which differ by language.",
    )

    def anchor_in(self, lang: str) -> str | None:
        return self.anchor(lang) if isinstance(self.anchor, Text) else self.anchor


class Situation(Strict):
    """Something staff face when they are stuck, and where the handbook answers it."""

    id: Id
    situation: Text = Field(description="The situation as the finder table shows it.")
    phrasings: Phrasings
    answers: list[Answer] = Field(min_length=1, description="Best answer first: search ranks it first.")


class SituationsFile(Strict):
    situations: list[Situation] = Field(min_length=1)


# ------------------------------------------------------------------- changes


class Change(Strict):
    """One change staff should know about, as What's new and its RSS feed show it."""

    id: Id = Field(description="Stable id: the feed's guid and the entry's anchor on What's new.")
    date: datetime.date = Field(description="The day the change was published, YYYY-MM-DD.")
    pages: list[NonEmpty] = Field(
        min_length=1, description="Pages it changed, as paths under docs/<lang>/, e.g. communication/phone-etiquette.md."
    )
    note: Text = Field(description="What changed for staff, in plain words: no file names, code or commit talk.")


class ChangesFile(Strict):
    changes: list[Change] = Field(default=[], description="Newest first.")


# ---------------------------------------------------------------- search


Words = per_language("Words", "A list of words per language.", list[NonEmpty], min_length=1)


SynonymGroup = Annotated[list[NonEmpty], Field(min_length=2, description="Words that mean the same to a reader.")]


Synonyms = per_language("Synonyms", "Groups of words that mean the same, per language.", list[SynonymGroup],
                        default=[])


class SearchFile(Strict):
    """What search needs besides the pages: words to drop, words that mean the same, and the
    pages offered when nothing matches."""

    stop_words: Words = Field(description="Words that carry no meaning in a question (怎么, what, the …): "
                              "dropped from a query unless nothing else is left.")
    synonyms: Synonyms = Field(description="Groups of words a query may use for one another, both ways. "
                               "data/glossary.yml adds each term with its deprecated variants.")
    popular: list[NonEmpty] = Field(min_length=1, description="Pages (paths under docs/<lang>/) offered, with the "
                                    "situation finder, when a query finds nothing.")
    retelling: list[NonEmpty] = Field(default=[], description="Folders under docs/<lang>/ whose pages retell other "
                                      "pages (the training section): they rank like overviews, after the page that "
                                      "answers.")
