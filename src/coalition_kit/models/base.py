"""The base of every model, and what field types share: failing with a problem code, patterns.

``Matches`` is both a field's pattern check and its JSON Schema pattern. Every field type raises ``PydanticCustomError`` with a problem code as its error type, so that the
validator can report the code; every type also declares the JSON Schema that other languages'
validators apply, so that the schemas reject what the models reject.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel as _PydanticBaseModel
from pydantic import ConfigDict, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from coalition_kit.problems.codes import Code

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - exercised only on Python 3.10
    from coalition_kit.problems.codes import StrEnum

__all__ = ["Matches", "Model", "StrEnum", "fail", "rx"]


class Model(_PydanticBaseModel):
    """Base of every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        validate_default=False,
        use_enum_values=False,
        json_schema_mode_override="validation",
    )


@cache
def rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern once: the re module's own cache is small, and phonenumbers fills it."""
    return re.compile(pattern)


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
        return core_schema.no_info_after_validator_function(self.check, handler(source))

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
