"""Typed models of the trainer's kit: the course plan (``data/course.yml``).

The course standard sets the full course at 56 class hours (3.5 credits) in five
chapters; the lesson plan (教案) lays each session out as task analysis, lead-in,
delivery, practice and knowledge links (任务分析、引入、实施、工作训练、知识链接), with
objectives, key and difficult points (重点、难点), teaching form and means, board plan
and summary. Timings and what the course does not give are listed under ``added:``
and carry the handbook-addition badge. Cross-references (chapters, pages, sessions)
and the minutes are checked in :mod:`handbook.load`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .models import Id, NonEmpty, Strict, Text

# The five parts of a session in the lesson plan, in teaching order.
STAGES = ("task-analysis", "lead-in", "delivery", "practice", "knowledge-links")
Stage = Literal["task-analysis", "lead-in", "delivery", "practice", "knowledge-links"]

# The lesson plan's front page ticks one or more of these (教学形式, 教学手段).
Form = Literal["theory", "practice", "on-site-training", "social-survey", "other"]
Means = Literal["lecture", "multimedia", "model", "wall-chart", "real-objects", "other"]


class Chapter(Strict):
    """One of the course's five chapters (the course standard's titles)."""

    id: Id
    number: int = Field(ge=1, description="Chapter number in the course, 1–5.")
    title: Text


class Activity(Strict):
    """One timed step of a session."""

    stage: Stage = Field(description="Part of the lesson plan: task-analysis, lead-in, delivery, practice, "
                                     "knowledge-links.")
    minutes: int = Field(gt=0, description="Minutes it takes; a session's activities add up to its length.")
    what: Text = Field(description="What the trainer and the group do.")


SessionPart = Literal[
    "objectives", "key_points", "difficult_points", "form", "means", "task_analysis", "lead_in", "delivery",
    "practice", "knowledge_links", "minutes", "activities", "materials", "board_plan", "summary",
]


class Session(Strict):
    """One lesson, laid out as the course's lesson plan (教案) lays it out."""

    id: Id
    chapter: Id = Field(description="Id of the chapter (chapters: above) it belongs to.")
    title: Text
    minutes: int = Field(gt=0, description="Length of the session in minutes (two class hours are 90).")
    objectives: list[Text] = Field(min_length=1, description="Teaching objectives (教学目标).")
    key_points: list[Text] = Field(min_length=1, description="Key points (重点).")
    difficult_points: list[Text] = Field(min_length=1, description="Difficult points (难点).")
    form: list[Form] = Field(min_length=1, description="Teaching form (教学形式).")
    means: list[Means] = Field(min_length=1, description="Teaching means (教学手段).")
    task_analysis: Text = Field(description="Task analysis (任务分析): why the task matters at work.")
    lead_in: Text = Field(description="Lead-in (任务引入 / 工作引入): the situation that opens the session.")
    delivery: list[Text] = Field(min_length=1, description="Delivery (任务实施): the steps of the teaching.")
    practice: list[Text] = Field(min_length=1, description="Practice (工作训练): what participants do.")
    knowledge_links: list[Text] = Field(min_length=1, description="Knowledge links (知识链接 / 知识拓展).")
    activities: list[Activity] = Field(min_length=1, description="Timed plan; minutes add up to the session's.")
    materials: list[Text] = Field(min_length=1, description="What to prepare.")
    board_plan: list[Text] = Field(min_length=1, description="Board plan (板书设计): what goes on the board.")
    summary: Text = Field(description="Summary (课程小结).")
    pages: list[NonEmpty] = Field(min_length=1, description="Pages it teaches: paths under docs/<lang>/, "
                                                            "e.g. cases/bank-data-leak.md.")
    roleplays: list[Id] = Field(default=[], description="Ids of the role-play briefs (data/roleplays.yml) it uses.")
    added: list[SessionPart] = Field(
        default=[], description="Parts the handbook wrote, not the course: shown with the 'handbook addition' badge."
    )


class Block(Strict):
    """A part of a programme: hours, and the sessions taught in them."""

    title: Text
    chapter: Id | None = Field(default=None, description="Id of the chapter it teaches, if any.")
    hours: float = Field(gt=0, description="Hours of the block (the programme's hours).")
    sessions: list[Id] = Field(default=[], description="Ids of the sessions planned here, in order.")
    rest: Text | None = Field(
        default=None, description="What fills the hours the planned sessions leave (case work, role-play rounds).")
    added: list[Literal["hours", "rest"]] = Field(default=[], description="Parts the handbook set.")


class Programme(Strict):
    """A way of running the course: the full course or a short refresher."""

    id: Id
    title: Text
    audience: Text
    summary: Text
    hours: float = Field(gt=0, description="Total hours; the blocks' hours add up to it.")
    hour_minutes: int = Field(gt=0, description="Minutes in one of its hours (a class hour is 45).")
    credits: float | None = Field(default=None, ge=0, description="Credits, when the course gives them.")
    blocks: list[Block] = Field(min_length=1)
    added: list[Literal["title", "audience", "summary", "hours", "hour_minutes", "credits"]] = Field(
        default=[], description="Parts the handbook set, not the course.")


class CheckQuestion(Strict):
    """A review question and its reference answer (the answer is for trainers only)."""

    question: Text
    answer: Text = Field(description="Reference answer; shown only in the training section.")
    pages: list[NonEmpty] = Field(default=[], description="Pages under docs/<lang>/ where the answer is explained.")
    added: list[Literal["question", "answer"]] = Field(
        default=[], description="Parts the handbook wrote, not the course: shown with the 'handbook addition' badge.")


class KnowledgeCheck(Strict):
    """The knowledge check of one chapter."""

    chapter: Id = Field(description="Id of the chapter it checks.")
    questions: list[CheckQuestion] = Field(min_length=1)


class CourseFile(Strict):
    chapters: list[Chapter] = Field(min_length=1)
    programmes: list[Programme] = Field(min_length=1)
    sessions: list[Session] = Field(min_length=1)
    checks: list[KnowledgeCheck] = Field(default=[], description="A knowledge check per chapter, with its key.")


# ---------------------------------------------------------------- role-plays


class PlayerCard(Strict):
    """What one player (the customer or the member of staff) is told, and nothing more."""

    role: Text = Field(description="Who you are, in a line.")
    situation: Text = Field(description="What you know and want when the scene starts.")
    brief: list[Text] = Field(min_length=1, description="How to play it: what to do, say or hold back.")


class ObserverCheck(Strict):
    """One thing the observer looks for, tied to the standards and phrase cards it tests."""

    look_for: Text
    standards: list[Id] = Field(default=[], description="Ids of standards in data/standards.yml.")
    phrases: list[Id] = Field(default=[], description="Ids of phrase cards in data/phrases.yml.")


class Roleplay(Strict):
    """A role-play brief: four cards (customer, staff, observer checklist, debrief questions)."""

    id: Id
    title: Text
    scenario: Literal["case", "phone", "counter"] = Field(
        description="case: from a case page; phone or counter: a main scenario of front-line work.")
    page: NonEmpty = Field(description="The page the scene comes from, under docs/<lang>/, e.g. cases/hotels.md.")
    minutes: int = Field(gt=0, description="Minutes for one round, debrief included.")
    customer: PlayerCard
    staff: PlayerCard
    observer: list[ObserverCheck] = Field(min_length=1, description="The observer's checklist.")
    debrief: list[Text] = Field(min_length=1, description="Questions for the debrief after the round.")
    added: list[Literal["minutes", "customer", "staff", "observer", "debrief"]] = Field(
        default=[], description="Parts the handbook wrote, not the course: shown with the 'handbook addition' badge.")


class Criterion(Strict):
    """One row of the role-play scoring rubric, tied to the SMART standards it scores."""

    id: Id
    title: Text
    standards: list[Id] = Field(min_length=1, description="Ids of the standards it scores (data/standards.yml).")
    full: Text = Field(description="What earns 2 points: the standards met as they are written.")
    partly: Text = Field(description="What earns 1 point.")
    missing: Text = Field(description="What earns 0 points.")


class RoleplaysFile(Strict):
    roleplays: list[Roleplay] = Field(min_length=1)
    rubric: list[Criterion] = Field(default=[], description="The scoring rubric for any role-play round.")
