"""Starter files for ``coalition-kit new``: a valid entity with a comment on every field.

Every field of the kind is written in the order ``fmt`` gives it: the values given, each under a
comment that says what it holds, and the optional fields as commented-out examples in their
place, so that uncommenting one never puts it out of order. The file is validated before it is
returned; the values come from ``questions``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from coalition_kit.check.document import validate_document
from coalition_kit.contrib.fmt import field_order
from coalition_kit.contrib.questions import choices
from coalition_kit.models import Kind
from coalition_kit.problems.report import Problem
from coalition_kit.reading.yaml import load_text

__all__ = ["StarterError", "starter_text"]

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
    "status": 'status:\n  state: closed\n  since: "2020-07-24"\n  source:\n    url: https://example.org/page',
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

# Where a kind's field is best shown by a different example: a mission's names are Chinese, and
# its contacts say what they are for.
_KIND_EXAMPLES: dict[tuple[str, str], str] = {
    ("mission", "other_names"): (
        "other_names:\n  - name: 中华人民共和国驻芝加哥总领事馆\n    language: zh-Hans\n"
        "    kind: official\n    source:\n      url: https://example.org/page"
    ),
    ("campaign", "status"): "status: active",
    ("mission", "contact_points"): (
        "contact_points:\n  - kind: email\n    value: info@example.org\n    purpose: general\n"
        "    source:\n      url: https://example.org/page\n"
        '  - kind: fax\n    value: "+12024952138"\n    display: 1-202-495-2138'
    ),
}


class StarterError(ValueError):
    """The answers do not make a valid entity; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        """Carry the problems found in the starter file."""
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


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


def _values(kind: Kind, entity_id: str, answers: dict[str, str]) -> dict[str, str]:
    """Each field the answers fill, as the YAML lines that write it."""
    values = {"id": f"id: {entity_id}"}
    for name, value in answers.items():
        if name.startswith("source_"):
            continue
        if name == "addressee":
            values["addressees"] = f"addressees:\n  - as_written: {_scalar(value)}"
        else:
            values[name] = f"{name}: {_scalar(value)}"
    # A source's fields in the order fmt gives them: title before url.
    source = [f"title: {_scalar(answers['source_title'])}"] if answers.get("source_title") else []
    source.append(f"url: {_scalar(answers.get('source_url', ''))}")
    values["sources"] = "sources:\n  - " + "\n    ".join(source)
    return values


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
    values = _values(kind, entity_id, answers)
    for name in field_order(kind.model):
        out.add("")
        if name in values:
            out.comment(_description(kind, name))
            out.add(values[name])
            continue
        out.comment(f"Optional. {_description(kind, name)}")
        options = choices(kind, name)
        if options:
            out.comment(f"One of: {', '.join(options)}.")
        example = _KIND_EXAMPLES.get((kind.name, name)) or _EXAMPLES.get(name, f"{name}: ")
        out.comment(example)
    text = "\n".join(out.lines) + "\n"
    document = load_text(text, f"data/{kind.folder}/{entity_id}.yaml")
    validate_document(kind, document, entity_id)
    if document.problems:
        raise StarterError(document.problems)
    return text
