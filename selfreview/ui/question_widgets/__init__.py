"""One widget per question kind of the form model. ``make_question_widget`` picks it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from selfreview.forms.model import (
    Checklist, Computed, DateItem, Guidance, Levels, LongText, MultiChoice, Records, Score, ShortText,
    SingleChoice, Template,
)
from selfreview.ui.question_widgets.base import FormEnv, QuestionWidget
from selfreview.ui.question_widgets.checklist import ChecklistWidget
from selfreview.ui.question_widgets.choice import LevelsWidget, MultiChoiceWidget, SingleChoiceWidget
from selfreview.ui.question_widgets.guidance import GuidanceWidget
from selfreview.ui.question_widgets.numbers import ComputedWidget, DateWidget, ScoreWidget
from selfreview.ui.question_widgets.records import RecordsWidget
from selfreview.ui.question_widgets.text import LongTextWidget, ShortTextWidget

WIDGETS: dict[type, type[QuestionWidget]] = {
    Guidance: GuidanceWidget, ShortText: ShortTextWidget, LongText: LongTextWidget,
    SingleChoice: SingleChoiceWidget, MultiChoice: MultiChoiceWidget, Levels: LevelsWidget,
    Score: ScoreWidget, DateItem: DateWidget, Records: RecordsWidget, Checklist: ChecklistWidget,
}


def make_question_widget(item: Any, env: FormEnv, template: Template, parent: QWidget | None = None) -> QuestionWidget:
    if isinstance(item, Computed):
        return ComputedWidget(item, env, template, parent)
    return WIDGETS[type(item)](item, env, parent)


__all__ = ["FormEnv", "QuestionWidget", "make_question_widget", "WIDGETS"]
