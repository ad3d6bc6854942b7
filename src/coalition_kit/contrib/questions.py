"""What ``coalition-kit new`` needs to know: the values it asks for, and how each is checked.

Values come from ``--set FIELD=VALUE`` or, in a terminal, from questions. Each is checked with
the model's own field type before anything is written. Without a terminal nothing is asked: a
missing or unfit value is an error that names every ``--set`` still needed, so that a script
never leaves a half-written file behind.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from coalition_kit.models import Kind
from coalition_kit.models.introspect import enum_of, field_annotations, is_plain_value
from coalition_kit.models.shared import Source
from coalition_kit.support.suggest import did_you_mean, hint

__all__ = [
    "QUESTIONS",
    "AnswerError",
    "Ask",
    "Question",
    "check_answer",
    "choices",
    "gather_answers",
    "settable",
]


@dataclass(frozen=True)
class Question:
    """A value ``new`` asks for: the field it fills and how to ask."""

    field: str
    prompt: str
    required: bool = True


SOURCE_QUESTIONS = (
    Question("source_url", "Where does this come from? The address (https://...) of your source"),
    Question("source_title", "The title of that page or document", required=False),
)

QUESTIONS: dict[str, tuple[Question, ...]] = {
    "organization": (
        Question("name", "The organization's name in English"),
        Question("kind", "What sort of body is it"),
        Question("country", "Its country, as a two-letter code (KR, US ...)", required=False),
        *SOURCE_QUESTIONS,
    ),
    "letter": (
        Question("title", "The letter's title or subject line, as written"),
        Question("kind", "What sort of letter is it"),
        Question("addressee", "To whom is it addressed, as the letter writes it"),
        Question("date", "Its date (YYYY-MM-DD, or YYYY-MM, or YYYY)", required=False),
        *SOURCE_QUESTIONS,
    ),
    "campaign": (
        Question("title", "The campaign's title"),
        Question("summary", "What the campaign is about and asks, in a sentence or two"),
        *SOURCE_QUESTIONS,
    ),
    "mission": (
        Question("sending_state", "The state the mission represents, as a code (CN ...)"),
        Question("host_country", "The country the mission is in, as a code (CA, US ...)"),
        Question("kind", "What sort of mission is it"),
        Question("city", "The city it is in", required=False),
        Question("name", "Its name, as the source writes it", required=False),
        *SOURCE_QUESTIONS,
    ),
}
"""What ``new`` asks for each kind, in order."""


class AnswerError(ValueError):
    """Values are missing or do not fit their fields; the message names each ``--set``."""


Ask = Callable[[Question, list[str]], str]
"""Asks one question, with the values it allows, and returns the answer ('' to skip it)."""


def settable(kind: Kind) -> list[str]:
    """The fields ``--set`` may fill for ``kind``: what ``new`` asks, and every plain field."""
    asked = [question.field for question in QUESTIONS[kind.name]]
    plain = [
        name
        for name, annotation in field_annotations(kind.model).items()
        if name != "id" and is_plain_value(annotation)
    ]
    return list(dict.fromkeys([*asked, *plain]))


def gather_answers(
    kind: Kind,
    given: Mapping[str, str],
    *,
    ask: Ask | None = None,
    tell: Callable[[str], None] = lambda message: None,
) -> dict[str, str]:
    """Return the values for a new entity of ``kind``: those ``given``, the rest asked for.

    With ``ask`` (a terminal), a missing value is asked for, and a value that does not fit its
    field is told (``tell``) and asked again. Without it, every missing required value and every
    unfit one is named in one error.

    Raises:
        AnswerError: A value names no field of the kind, or (without ``ask``) values are missing
            or do not fit.
    """
    known = settable(kind)
    unknown = [name for name in given if name not in known]
    if unknown:
        lines = [
            f"'{name}' is not a field --set can fill{hint(did_you_mean(name, known))}"
            for name in unknown
        ]
        raise AnswerError("\n".join([*lines, f"a new {kind.name} takes: {', '.join(known)}"]))
    answers = {name: value for name, value in given.items() if value.strip()}
    unfit: dict[str, str] = {}
    for name, value in list(answers.items()):
        reason = check_answer(kind, name, value)
        if reason is not None:
            del answers[name]
            if ask is None:
                unfit[name] = f"  --set {name}={value}: {reason}"
            elif name not in {question.field for question in QUESTIONS[kind.name]}:
                raise AnswerError(f"--set {name}={value}: {reason}")
            else:
                tell(f"{name}: {reason}")
    missing: list[Question] = []
    for question in QUESTIONS[kind.name]:
        if question.field in answers:
            continue
        if ask is None:
            if question.required and question.field not in unfit:
                missing.append(question)
            continue
        value = _ask_until_fit(kind, question, ask, tell)
        if value:
            answers[question.field] = value
    if unfit or missing:
        raise AnswerError(_explain(kind, list(unfit.values()), missing))
    return answers


def _ask_until_fit(kind: Kind, question: Question, ask: Ask, tell: Callable[[str], None]) -> str:
    while True:
        value = ask(question, choices(kind, question.field)).strip()
        if not value:
            if not question.required:
                return ""
            tell("This one is needed.")
            continue
        reason = check_answer(kind, question.field, value)
        if reason is None:
            return value
        tell(reason)


def _explain(kind: Kind, unfit: list[str], missing: list[Question]) -> str:
    lines = []
    if unfit:
        lines += ["these values do not fit:", *unfit]
    if missing:
        width = max(len(question.field) for question in missing)
        lines.append(
            f"a new {kind.name} needs {'this value' if len(missing) == 1 else 'these values'}; "
            "give each with --set (or run the command in a terminal to be asked):"
        )
        for question in missing:
            options = choices(kind, question.field)
            also = f" ({', '.join(options)})" if options else ""
            pad = " " * (width - len(question.field))
            lines.append(f"  --set {question.field}=...{pad}  {question.prompt}{also}")
    return "\n".join(lines)


def _field_type(kind: Kind, name: str) -> Any:
    if name == "source_url":
        return Source.model_fields["url"].annotation
    if name == "source_title":
        return Source.model_fields["title"].annotation
    if name == "addressee":
        return str
    return field_annotations(kind.model)[name]


def choices(kind: Kind, name: str) -> list[str]:
    """The allowed values of a field, for a prompt ('ngo', 'coalition' ...), if it has a list."""
    annotation = field_annotations(kind.model).get(name)
    choices_of = enum_of(annotation) if annotation is not None else None
    return [str(member.value) for member in choices_of] if choices_of else []


def check_answer(kind: Kind, name: str, value: str) -> str | None:
    """Return why ``value`` does not fit field ``name`` of ``kind``, or None if it fits."""
    try:
        TypeAdapter(_field_type(kind, name)).validate_python(value)
    except ValidationError as error:
        return "; ".join(detail["msg"] for detail in error.errors(include_url=False))
    return None
