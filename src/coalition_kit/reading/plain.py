"""What an unquoted YAML value means, to us and to other readers, and writing values back.

coalition-kit reads YAML 1.2 core meanings only (``true``, ``null``, decimal numbers); values that
YAML 1.1 readers, or JavaScript, read as something else (``no``, ``0123``, ``12:30``, long numbers,
dates) load as the text written, with advice to quote them. ``dump_yaml`` writes values so that
every reader reads them back the same.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

__all__ = ["AMBIGUOUS", "DATE", "dump_yaml", "interpret_plain", "needs_quotes", "what_yaml11_reads"]


_BOOL_TRUE = {"true", "True", "TRUE"}
_BOOL_FALSE = {"false", "False", "FALSE"}
_NULL = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")

# Plain values that some YAML reader (1.1 or 1.2) takes for something other than the text.
_AMBIGUOUS = re.compile(
    r"""(?x)
    y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF         # YAML 1.1 booleans
    |[-+]?0[0-9_]+                                            # leading zeros: octal in 1.1
    |[-+]?0[xXoObB][0-9a-fA-F_]+                              # hex, octal, binary
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?         # sexagesimal: 12:30 is 750
    |[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+  # exponents
    |[-+]?[0-9][0-9_]*\.[0-9_]*                               # decimals such as 1. or 1_0.5
    |[-+]?\.[0-9_]+                                           # decimals such as .5
    |[-+]?[0-9]+(?:_[0-9]+)+                                  # underscores: 1_000
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)                 # infinities and not-a-number
    |=|<<                                                     # 1.1 value and merge keys
    """
)
# A comment that starts right after a plain value with no space after '#' is most likely a hashtag.
# The line breaks libyaml counts, so that its line numbers index these lines.


def what_yaml11_reads(text: str) -> str:
    """Say in words what YAML 1.1 (or JavaScript) readers make of the unquoted ``text``."""
    if _INT.fullmatch(text) or _FLOAT.fullmatch(text):
        return "a number they cannot hold exactly (JavaScript keeps about 16 digits)"
    if text.lower() in {"y", "yes", "n", "no", "on", "off"}:
        return "true or false"
    if text in {"=", "<<"}:
        return "a special key"
    if ":" in text:
        return "a number in base 60 (12:30 is 750)"
    if re.fullmatch(r"[-+]?0[0-9_]+", text):
        return "an octal number or a number without its leading zero"
    return "a number"


def needs_quotes(text: str) -> bool:
    """Return True when ``text`` written unquoted would not read back as that text everywhere."""
    loaded, concern = interpret_plain(text)
    return concern is not None or not isinstance(loaded, str)


# Unquoted values starting with one of these letters are text in every YAML version.
_ALWAYS_TEXT_START = frozenset(
    "abcdeghijklmpqrsuvwxzABCDEGHIJKLMPQRSUVWXZ"
    "\"'`@#%&*!|>?,[]{}"  # (characters that cannot start a plain scalar never get here)
)

AMBIGUOUS = "ambiguous"
"""A plain value some YAML reader takes for something else than the text (``no``, ``0123``)."""
DATE = "date"
"""A plain value YAML 1.1 readers (PyYAML, js-yaml) turn into a date object (``2023-11-06``)."""

# YAML 1.1's timestamp: a date, or a date and a time with seconds.
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?"
)
# The largest whole number every reader holds exactly: JavaScript's numbers lose digits beyond it.
_SAFE_INTEGER = 2**53
_SAFE_INTEGER_DIGITS = len(str(_SAFE_INTEGER))
# Decimals longer than this are kept as text: no field needs them and readers round them apart.
_LONGEST_DECIMAL = 32


@lru_cache(maxsize=8192)
def interpret_plain(text: str) -> tuple[Any, str | None]:
    """Return the value of an unquoted scalar and what, if anything, other readers make of it.

    The second item is None when every YAML reader reads the value the same way, ``AMBIGUOUS``
    when some reader takes it for something else, and ``DATE`` when YAML 1.1 readers turn it
    into a date. Ambiguous values and dates load as the text written.
    """
    if text and (text[0] in _ALWAYS_TEXT_START or text[0] > "\x7f"):
        return text, None
    if text in _NULL:
        return None, None
    if text in _BOOL_TRUE:
        return True, None
    if text in _BOOL_FALSE:
        return False, None
    if _INT.fullmatch(text):
        # Python refuses to convert very long digit strings at all; JavaScript rounds long ones.
        if len(text.lstrip("+-")) > _SAFE_INTEGER_DIGITS or abs(int(text)) > _SAFE_INTEGER:
            return text, AMBIGUOUS
        return int(text), None
    if _FLOAT.fullmatch(text):
        if len(text) > _LONGEST_DECIMAL:
            return text, AMBIGUOUS
        return float(text), None
    if _AMBIGUOUS.fullmatch(text):
        return text, AMBIGUOUS
    if _TIMESTAMP.fullmatch(text):
        return text, DATE
    return text, None


class _Dumper(yaml.SafeDumper):
    """Writes values so that the loader above reads back exactly what was written."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if needs_quotes(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value and not any(c in value for c in "\r\t") and value == value.strip(" "):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data: Any) -> str:
    """Write plain values (from ``model_dump(mode="json")``) as YAML this loader reads back the same."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    return text
