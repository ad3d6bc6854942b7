"""The base of every model, and what field types share: failing with a problem code, patterns.

``Matches`` is both a field's pattern check and its JSON Schema pattern. Every field type raises ``PydanticCustomError`` with a problem code as its error type, so that the
validator can report the code; every type also declares the JSON Schema that other languages'
validators apply, so that the schemas reject what the models reject.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel as _PydanticBaseModel
from pydantic import ConfigDict, GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from coalition_kit.problems.codes import Code

_T = TypeVar("_T")

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - exercised only on Python 3.10
    from coalition_kit.problems.codes import StrEnum

__all__ = ["TRUSTED", "Matches", "Model", "StrEnum", "fail", "rx", "unless_trusted"]


class Model(_PydanticBaseModel):
    """Base of every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        validate_default=False,
        use_enum_values=False,
        json_schema_mode_override="validation",
        defer_build=True,
    )


@cache
def rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern once: the re module's own cache is small, and phonenumbers fills it."""
    return re.compile(pattern)


TRUSTED: dict[str, Any] = {"trusted": True}
"""The validation context for data this package already validated (the wheel's bundle).

Under it, the checks of formats (e-mail, phone, links, dates, text) are skipped: they only
ever accept a value unchanged or refuse it, so a value they accepted at build time passes.
"""


def unless_trusted(check: Callable[[_T], _T]) -> Callable[[_T, ValidationInfo], _T]:
    """Wrap a format check so that it is skipped for already validated data (``TRUSTED``)."""

    def run(value: _T, info: ValidationInfo) -> _T:
        if info.context is not None and info.context.get("trusted"):
            return value
        return check(value)

    run.__name__ = check.__name__
    run.__doc__ = check.__doc__
    return run


def fail(code: Code, message: str, **context: Any) -> PydanticCustomError:
    """Return the pydantic error of problem ``code``, with ``message`` filled from ``context``."""
    return PydanticCustomError(code.value, message, context or None)


@dataclass(frozen=True)
class Matches:
    """Field metadata: the text must match ``pattern``, else a problem ``code`` with ``message``.

    It adds both the check and the JSON Schema ``pattern``, so that the two never drift apart.
    ``message`` may use ``{value}``.
    """

    pattern: str
    code: Code
    message: str
    max_length: int | None = None

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        """Run the pattern check after the string validation of ``source``."""
        return core_schema.with_info_after_validator_function(
            unless_trusted(self.check), handler(source)
        )

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Describe the check as a JSON Schema string pattern."""
        json_schema: JsonSchemaValue = {"type": "string", "pattern": self.pattern}
        if self.max_length is not None:
            json_schema["maxLength"] = self.max_length
        return json_schema

    def check(self, value: str) -> str:
        """Return ``value`` if it matches, else raise the problem."""
        too_long = self.max_length is not None and len(value) > self.max_length
        if too_long or not rx(self.pattern).match(value):
            raise fail(self.code, self.message, value=value)
        return value
