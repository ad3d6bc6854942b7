"""'Did you mean ...?': the closest known names for a misspelt one, in bounded time.

One ``Suggester`` per set of known names (the ids of a kind, the field names of the models)
answers every question about that set: rapidfuzz compares in compiled code, each distinct
misspelling is answered once, and after ``MAX_SUGGESTED`` distinct ones it stops suggesting, so
that a tree with thousands of broken links is checked in time linear in its size.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["MAX_SUGGESTED", "Suggester", "did_you_mean", "hint"]

MAX_SUGGESTED = 500
"""The most distinct misspellings one suggester answers; later ones get no suggestion."""


class Suggester:
    """Suggests the names of ``known`` closest to a misspelt one."""

    def __init__(self, known: Iterable[str], *, cutoff: float = 0.6) -> None:
        """Index ``known``; ``cutoff`` is the least similarity (0 to 1) worth suggesting."""
        self.known = sorted(set(known))
        self.cutoff = cutoff
        self._answers: dict[tuple[str, int], list[str]] = {}

    def closest(self, name: str, n: int = 1) -> list[str]:
        """Return up to ``n`` known names close to ``name``, closest first (ties by name)."""
        key = (name, n)
        if key in self._answers:
            return self._answers[key]
        if len(self._answers) >= MAX_SUGGESTED or not self.known:
            return []
        from rapidfuzz import fuzz, process

        found = process.extract(
            name,
            self.known,
            scorer=fuzz.ratio,
            limit=None,
            score_cutoff=self.cutoff * 100,
        )
        # Closest first; equal scores in name order, so that reports are the same everywhere.
        ranked = sorted(found, key=lambda match: (-match[1], match[0]))
        answer = [match[0] for match in ranked if match[0] != name][:n]
        self._answers[key] = answer
        return answer


def did_you_mean(name: str, known: Iterable[str], *, n: int = 1, cutoff: float = 0.6) -> list[str]:
    """Return up to ``n`` names of ``known`` close to ``name`` (for a one-off question)."""
    return Suggester(known, cutoff=cutoff).closest(name, n)


def hint(suggestions: list[str]) -> str:
    """Return ``"; did you mean 'x'?"`` (or ``'x' or 'y'``), or nothing without suggestions."""
    if not suggestions:
        return ""
    return "; did you mean " + " or ".join(f"'{s}'" for s in suggestions) + "?"
