"""The review list of an import: what it could not decide alone, for a person to look at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Review"]


@dataclass
class Review:
    """What the import could not decide alone, for a person to look at."""

    conflicts: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)

    def as_markdown(self, title: str) -> str:
        """Return the review list as Markdown, for a person."""
        lines = [f"# Review of the import: {title}", ""]
        sections = (
            ("Conflicts: the data keeps its value; check which is right", self.conflicts),
            ("Rows not imported", self.skipped),
            ("Notes", self.notes),
        )
        for heading, entries in sections:
            lines += [f"## {heading} ({len(entries)})", ""]
            lines += [_markdown_item(entry) for entry in entries] or ["None."]
            lines.append("")
        return "\n".join(lines)


def _markdown_item(entry: dict[str, Any]) -> str:
    return "- " + "; ".join(f"**{key}**: {_cell(value)}" for key, value in entry.items())


def _cell(value: Any) -> str:
    return str(value).replace("\n", " ").replace("|", "\\|")
