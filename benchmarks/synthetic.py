"""Generate a realistic synthetic data tree at a chosen scale, deterministically, for benchmarks.

Scale 1 is about the size the coalition's data may reach: every state's diplomatic missions
(20,000), thousands of organizations, letters and petitions with thousands of signatories, and
hundreds of campaigns with their events. Every file is valid. The tree is written to a folder you
name, never into the repository's ``data/``:

    python benchmarks/synthetic.py --scale 0.1 --seed 7 /tmp/synthetic
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import phonenumbers
import pycountry

from coalition_kit.reading.plain import dump_yaml

REPOSITORY_DATA = (Path(__file__).resolve().parents[1] / "data").resolve()

AT_SCALE_1 = {"organizations": 3_000, "missions": 20_000, "letters": 300, "campaigns": 300}
SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "na",
    "se",
    "tu",
    "lo",
    "han",
    "bel",
    "dor",
    "vik",
    "sun",
    "ami",
    "zen",
]
HANGUL = "가나다라마바사아자차카타파하인권시민연합북한통일자유"
WORDS = [
    "Human Rights",
    "Refugee",
    "Freedom",
    "Justice",
    "Unification",
    "Solidarity",
    "Relief",
    "Citizens",
    "Lawyers",
    "Students",
    "Women",
    "Youth",
    "Faith",
    "Media",
    "Research",
]
TIMEZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Toronto",
]


def _word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _phone(rng: random.Random, region: str) -> str | None:
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    if example is None:
        return None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)


class Generator:
    """Builds entities as plain values, deterministically from a seed."""

    def __init__(self, scale: float, seed: int) -> None:
        """Prepare the ids of every entity at ``scale``, drawn from ``seed``."""
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.counts = {kind: max(1, round(number * scale)) for kind, number in AT_SCALE_1.items()}
        self.countries = sorted(country.alpha_2 for country in pycountry.countries)
        self.phones = {code: _phone(self.rng, code) for code in self.countries}
        self.organization_ids = [
            f"org-{index:05d}-{_word(self.rng, 2).lower()}"
            for index in range(self.counts["organizations"])
        ]
        self.mission_ids = [f"mission-{index:05d}" for index in range(self.counts["missions"])]
        self.letter_ids = [f"letter-{index:04d}" for index in range(self.counts["letters"])]

    def _source(self, name: str) -> dict[str, Any]:
        return {
            "url": f"https://example.org/sources/{name}",
            "title": f"Source for {name}",
            "published": f"20{self.rng.randint(10, 25)}-{self.rng.randint(1, 12):02d}",
        }

    def organizations(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, organization)``: NGOs, coalitions and their members, some with Korean names."""
        rng = self.rng
        coalitions = self.organization_ids[: max(1, len(self.organization_ids) // 60)]
        for index, organization_id in enumerate(self.organization_ids):
            entity: dict[str, Any] = {
                "id": organization_id,
                "name": f"{_word(rng)} {rng.choice(WORDS)} {rng.choice(['Network', 'Center', 'Alliance', 'Institute'])}",
                "kind": "coalition"
                if organization_id in coalitions
                else rng.choice(["ngo", "ngo", "media", "research"]),
            }
            if rng.random() < 0.3:
                entity["other_names"] = [
                    {"name": "".join(rng.choice(HANGUL) for _ in range(6)), "language": "ko"}
                ]
            if rng.random() < 0.6:
                entity["country"] = rng.choice(["KR", "US", "CA", "JP", "GB", "DE", "AU", "FR"])
            if rng.random() < 0.5:
                entity["website"] = f"https://{organization_id}.example.org/"
            entity["description"] = (
                f"A synthetic organization, number {index}, working on North Korean human rights."
            )
            entity["contact_points"] = [
                {"kind": "email", "value": f"info@{organization_id}.example.org"}
            ]
            if index >= len(coalitions) and rng.random() < 0.4:
                entity["member_of"] = [rng.choice(coalitions)]
            entity["sources"] = [self._source(organization_id)]
            if rng.random() < 0.5:
                entity["last_verified"] = (
                    f"202{rng.randint(2, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                )
            yield organization_id, entity

    def missions(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, mission)`` of every kind in every country, some closed, some lacking e-mail."""
        rng = self.rng
        for mission_id in self.mission_ids:
            host = rng.choice(self.countries)
            sending = rng.choice(self.countries)
            kind = rng.choices(
                ["embassy", "consulate-general", "consulate", "permanent-mission"], [50, 30, 15, 5]
            )[0]
            city = _word(rng) + " City"
            entity: dict[str, Any] = {
                "id": mission_id,
                "sending_state": sending,
                "host_country": host,
                "kind": kind,
                "city": city,
                "address": {
                    "lines": [f"{rng.randint(1, 999)} {_word(rng)} Street"],
                    "locality": city,
                    "postal_code": f"{rng.randint(10000, 99999)}",
                    "country": host,
                },
            }
            contacts: list[dict[str, Any]] = []
            if rng.random() < 0.6:
                contacts.append({"kind": "email", "value": f"consular@{mission_id}.example.org"})
            phone = self.phones.get(host)
            if phone and rng.random() < 0.5:
                contacts.append({"kind": "fax", "value": phone})
            if contacts:
                entity["contact_points"] = contacts
            if rng.random() < 0.02:
                entity["status"] = {
                    "state": "closed",
                    "since": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}",
                    "source": self._source(mission_id + "-closure"),
                }
            elif not any(c["kind"] == "email" for c in contacts):
                entity["needs"] = [{"field": "email", "note": "No address in the sources."}]
            entity["sources"] = [self._source(mission_id)]
            yield mission_id, entity

    def letters(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, letter)``: joint letters and templates, and petitions of thousands."""
        rng = self.rng
        for index, letter_id in enumerate(self.letter_ids):
            petition = index % 10 == 0
            entity: dict[str, Any] = {
                "id": letter_id,
                "title": f"{'Petition' if petition else 'Joint letter'} number {index} on forced repatriation",
                "kind": "petition"
                if petition
                else rng.choice(["joint-letter", "template", "open-letter"]),
                "date": f"20{rng.randint(12, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "addressees": [
                    {"name": "Xi Jinping", "title": "President of the People's Republic of China"}
                ],
            }
            if petition:
                signers = rng.randint(1_000, 5_000)
                entity["signatories"] = [
                    {"name": f"{_word(rng, 2)} {_word(rng, 2)}"} for _ in range(signers)
                ]
                entity["signature_count"] = {"value": signers, "qualifier": "exact"}
            else:
                count = min(len(self.organization_ids), rng.randint(5, 60))
                entity["signatories"] = [
                    {"organization": o} for o in rng.sample(self.organization_ids, count)
                ]
            paragraphs: list[Any] = ["Dear President Xi,"]
            paragraphs += [
                f"Paragraph {n}: we ask you to stop the forced repatriation of North Korean refugees."
                for n in range(rng.randint(3, 8))
            ]
            paragraphs.append(
                {
                    "text": "An optional paragraph about the 1951 Refugee Convention.",
                    "optional": True,
                }
            )
            paragraphs.append("Sincerely,\n[Name]\n[City/Region]")
            entity["body"] = {"en": paragraphs}
            if rng.random() < 0.1:
                entity["body"]["ko"] = (
                    ["시진핑 주석님께,"]
                    + ["강제 송환을 중단하십시오."] * (len(paragraphs) - 3)
                    + [{"text": "선택 단락.", "optional": True}, "[Name]\n[City/Region] 드림"]
                )
                entity["translations"] = {
                    "ko": {
                        "translated_by": "Synthetic volunteer",
                        "method": "human",
                        "date": "2024-01-01",
                        "texts": {"title": "강제 송환을 중단해 주십시오"},
                    }
                }
            entity["placeholders"] = [
                {"token": "[Name]", "description": "Your name."},
                {"token": "[City/Region]", "description": "Your city or region."},
            ]
            entity["sources"] = [self._source(letter_id)]
            yield letter_id, entity

    def campaigns(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, campaign)`` with up to 30 events, calls to action and yearly days."""
        rng = self.rng
        for index in range(self.counts["campaigns"]):
            campaign_id = f"campaign-{index:04d}"
            letter = rng.choice(self.letter_ids)
            events = []
            for number in range(rng.randint(0, 30)):
                events.append(
                    {
                        "id": f"event-{number}",
                        "title": f"Vigil {number} for North Korean refugees",
                        "kind": rng.choice(["vigil", "protest", "talk", "petition-delivery"]),
                        "start": f"20{rng.randint(15, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(9, 20):02d}:00",
                        "timezone": rng.choice(TIMEZONES),
                        "venue": {"mission": rng.choice(self.mission_ids)}
                        if rng.random() < 0.5
                        else {"name": f"{_word(rng)} Hall"},
                        "city": _word(rng) + " City",
                        "country": rng.choice(self.countries),
                    }
                )
            entity: dict[str, Any] = {
                "id": campaign_id,
                "title": f"Campaign {index}: stop forced repatriation",
                "summary": "A synthetic campaign asking supporters to write to the missions where they live.",
                "organizers": rng.sample(self.organization_ids, min(3, len(self.organization_ids))),
                "targets": {
                    "sending_state": "CN",
                    "missions": rng.sample(self.mission_ids, min(2, len(self.mission_ids))),
                },
                "calls_to_action": [
                    {"kind": "write", "channels": ["email", "post"], "letter": letter},
                    {
                        "kind": "social-post",
                        "platform": "x",
                        "text": f"Stop forced repatriation now. #{index}",
                    },
                ],
                "events": events,
                "letters": [letter],
                "sources": [self._source(campaign_id)],
            }
            if events:
                entity["calls_to_action"].append(
                    {"kind": "attend", "events": [e["id"] for e in events]}
                )
            if index % 7 == 0:
                entity["recurrence"] = {"frequency": "yearly", "month": 9, "day": 24}
            yield campaign_id, entity


def write_tree(root: Path, scale: float, seed: int) -> dict[str, int]:
    """Write a synthetic tree at ``scale`` into ``root``; return the number of files per kind.

    Raises:
        ValueError: ``root`` is the repository's data folder or inside it.
    """
    target = root.resolve()
    if target == REPOSITORY_DATA or REPOSITORY_DATA in target.parents:
        raise ValueError("synthetic data never goes into the repository's data/")
    generator = Generator(scale, seed)
    written = {}
    for folder, entities in (
        ("organizations", generator.organizations()),
        ("missions", generator.missions()),
        ("letters", generator.letters()),
        ("campaigns", generator.campaigns()),
    ):
        (root / folder).mkdir(parents=True, exist_ok=True)
        count = 0
        for entity_id, entity in entities:
            (root / folder / f"{entity_id}.yaml").write_text(dump_yaml(entity), encoding="utf-8")
            count += 1
        written[folder] = count
    return written


def write_misspelt_links_tree(
    root: Path, *, organizations: int = 600, misspellings: int = 1_500, seed: int = 7
) -> None:
    """Write a hostile tree whose links all ask for a "did you mean".

    ``organizations`` organizations, and a letter whose ``misspellings`` signatories each name
    an organization id that does not exist, a near miss of a real one.

    Raises:
        ValueError: ``root`` is the repository's data folder or inside it.
    """
    target = root.resolve()
    if target == REPOSITORY_DATA or REPOSITORY_DATA in target.parents:
        raise ValueError("synthetic data never goes into the repository's data/")
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    ids = [f"{_word(rng, 3).lower()}-org-{index}" for index in range(organizations)]
    (root / "organizations").mkdir(parents=True, exist_ok=True)
    (root / "letters").mkdir(parents=True, exist_ok=True)
    source = [{"url": "https://example.org/source"}]
    for entity_id in ids:
        entity = {"id": entity_id, "name": entity_id.title(), "kind": "ngo", "sources": source}
        (root / "organizations" / f"{entity_id}.yaml").write_text(
            dump_yaml(entity), encoding="utf-8"
        )
    signatories = [{"organization": f"{rng.choice(ids)}x{index}"} for index in range(misspellings)]
    letter = {
        "id": "misspelt",
        "title": "A letter whose signatories are all misspelt",
        "kind": "joint-letter",
        "addressees": [{"title": "President"}],
        "signatories": signatories,
        "sources": source,
    }
    (root / "letters" / "misspelt.yaml").write_text(dump_yaml(letter), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command line: ``synthetic.py [--scale S] [--seed N] FOLDER``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args(argv)
    try:
        counts = write_tree(arguments.folder, arguments.scale, arguments.seed)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(", ".join(f"{count} {folder}" for folder, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
