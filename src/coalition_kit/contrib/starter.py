"""Starter files for ``coalition-kit new``: a valid entity with a comment on every field.

The questions a contributor must answer depend on the kind; every answer is checked with the
model's own field type before the file is written, and the finished file is validated as a whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from coalition_kit.check.document import validate_document
from coalition_kit.models import Kind
from coalition_kit.models.introspect import enum_of, field_annotations
from coalition_kit.models.shared import Source
from coalition_kit.problems.report import Problem
from coalition_kit.reading.yaml import load_text

__all__ = [
    "QUESTIONS",
    "AnswerError",
    "Ask",
    "Question",
    "StarterError",
    "check_answer",
    "choices",
    "gather_answers",
    "starter_text",
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

_EXAMPLES: dict[str, str] = {
    "other_names": "other_names:\n  - name: 북한인권시민연합\n    language: ko",
    "contact_points": (
        "contact_points:\n  - kind: email\n    value: info@example.org\n"
        '  - kind: fax\n    value: "+12024952138"\n    display: 1-202-495-2138'
    ),
    "social_accounts": 'social_accounts:\n  - platform: x\n    handle: "@example"',
    "people": "people:\n  - name: Hong Gil-dong\n    role: President",
    "member_of": "member_of:\n  - an-organization-id",
    "address": (
        'address:\n  lines:\n    - 1 Example Street\n  locality: Ottawa\n  region: "ON"\n'
        '  postal_code: "K1A 0A1"\n  country: CA'
    ),
    "status": 'status:\n  state: closed\n  since: "2020-07-24"\n  source:\n    url: https://...',
    "needs": "needs:\n  - field: email\n    note: The source hid the address.",
    "signatories": "signatories:\n  - organization: an-organization-id\n  - name: A person",
    "body": (
        "body:\n  en:\n    - Dear Minister,\n    - text: An optional paragraph.\n"
        "      optional: true\n    - |-\n      Sincerely,\n      [Name]"
    ),
    "placeholders": 'placeholders:\n  - token: "[Name]"\n    description: Your name.',
    "events": (
        "events:\n  - id: talk-2024\n    title: A talk\n    kind: talk\n"
        "    start: 2024-04-22T13:30\n    timezone: America/New_York"
    ),
    "calls_to_action": (
        "calls_to_action:\n  - kind: write\n    channels: [email]\n    letter: a-letter-id"
    ),
    "targets": "targets:\n  sending_state: CN",
    "recurrence": "recurrence:\n  frequency: yearly\n  month: 9\n  day: 24",
}


class StarterError(ValueError):
    """The answers do not make a valid entity; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        """Carry the problems found in the starter file."""
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class AnswerError(ValueError):
    """An answer is missing or does not fit its field; the message says which and why."""


Ask = Callable[[Question, list[str]], str]
"""Asks one question, with the values it allows, and returns the answer ('' to skip it)."""


def gather_answers(
    kind: Kind,
    given: Mapping[str, str],
    *,
    ask: Ask | None = None,
    tell: Callable[[str], None] = lambda message: None,
) -> dict[str, str]:
    """Return the answers for a new entity of ``kind``: those ``given``, the rest asked for.

    Missing answers are asked through ``ask``. An answer that does not fit its field is told (``tell``) and asked again; without ``ask``
    (no terminal), a missing required answer or an unfit one is an error.

    Raises:
        AnswerError: An answer names no question of the kind, is missing or does not fit.
    """
    known = {question.field for question in QUESTIONS[kind.name]}
    unknown = sorted(set(given) - known)
    if unknown:
        raise AnswerError(
            f"a new {kind.name} asks for {', '.join(sorted(known))}; not {', '.join(unknown)}"
        )
    answers = dict(given)
    for question in QUESTIONS[kind.name]:
        while True:
            value = answers.get(question.field, "")
            if not value and ask is not None:
                value = ask(question, choices(kind, question.field))
            if not value:
                if question.required:
                    raise AnswerError(
                        f"{question.field} is needed ({question.prompt}); "
                        f"give it with --set {question.field}=..."
                    )
                answers.pop(question.field, None)
                break
            reason = check_answer(kind, question.field, value)
            if reason is None:
                answers[question.field] = value
                break
            if ask is None:
                raise AnswerError(f"{question.field}: {reason}")
            tell(reason)
            answers.pop(question.field, None)
    return answers


def _field_type(kind: Kind, name: str) -> Any:
    if name in ("source_url",):
        return Source.model_fields["url"].annotation
    if name in ("source_title",):
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


def _scalar(value: str) -> str:
    # JSON strings are YAML double-quoted scalars: nothing in a value can be misread.
    return json.dumps(value, ensure_ascii=False)


def _description(kind: Kind, name: str) -> str:
    info = kind.model.model_fields[name]
    return info.description or name.replace("_", " ")


@dataclass
class _Writer:
    lines: list[str] = field(default_factory=list)

    def comment(self, text: str) -> None:
        self.lines.extend(f"# {line}".rstrip() for line in text.splitlines())

    def add(self, text: str) -> None:
        self.lines.extend(text.splitlines() or [""])


def starter_text(kind: Kind, entity_id: str, answers: dict[str, str]) -> str:
    """Return a starter file for a new entity of ``kind``, checked to be valid.

    Raises:
        StarterError: The answers do not make a valid entity.
    """
    out = _Writer()
    out.comment(
        f"A new {kind.name} for coalition-kit. The comment above each field says what it holds;\n"
        "the site's schema reference lists every field. Enter only what your sources say, and\n"
        "leave a field out rather than guess. To use an optional field, remove the '# ' in front\n"
        f"of its lines. Check the file with: coalition-kit validate data/{kind.folder}/{entity_id}.yaml"
    )
    out.add("")
    written = {"id"}
    out.comment(_description(kind, "id"))
    out.add(f"id: {entity_id}")
    for question in QUESTIONS[kind.name]:
        value = answers.get(question.field)
        if question.field.startswith("source_") or not value:
            continue
        if question.field == "addressee":
            out.comment(_description(kind, "addressees"))
            out.add(f"addressees:\n  - as_written: {_scalar(value)}")
            written.add("addressees")
            continue
        out.comment(_description(kind, question.field))
        out.add(f"{question.field}: {_scalar(value)}")
        written.add(question.field)
    out.comment(_description(kind, "sources"))
    source = [f"  - url: {_scalar(answers.get('source_url', ''))}"]
    if answers.get("source_title"):
        source.append(f"    title: {_scalar(answers['source_title'])}")
    out.add("sources:\n" + "\n".join(source))
    written.add("sources")
    out.add("")
    out.comment("Optional fields:")
    for name in kind.model.model_fields:
        if name in written:
            continue
        out.add("")
        out.comment(_description(kind, name))
        options = choices(kind, name)
        if options:
            out.comment(f"One of: {', '.join(options)}.")
        out.comment(_EXAMPLES.get(name, f"{name}: "))
    text = "\n".join(out.lines) + "\n"
    document = load_text(text, f"data/{kind.folder}/{entity_id}.yaml")
    validate_document(kind, document, entity_id)
    if document.problems:
        raise StarterError(document.problems)
    return text
