"""A coverage-guided fuzz target (atheris) for the loader and the per-file validator.

Run it for a few minutes after changing the loader or the models:

    pip install atheris
    python fuzz/fuzz_validate.py -max_total_time=300 fuzz/corpus

Any exception is a bug: bad input must become problems, never a traceback.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from coalition_kit.check.document import validate_document
    from coalition_kit.models import KINDS
    from coalition_kit.reading.files import decode
    from coalition_kit.reading.yaml import load_text


def test_one_input(data: bytes) -> None:
    """Decode, load and validate ``data`` as a file of one kind; nothing may raise."""
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    text, _problems = decode(data[1:], "f.yaml")
    if text is None:
        return
    document = load_text(text, "f.yaml")
    validate_document(kind, document, "f")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
