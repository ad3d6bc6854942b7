"""Generate a realistic synthetic data tree at a chosen scale, deterministically, for benchmarks.

Scale 1 is about the size the coalition's data may reach: every state's diplomatic missions
(20,000), thousands of organizations, letters and petitions with thousands of signatories, and
hundreds of campaigns with their events. Every file is valid. The tree is written to a folder you
name, never into the repository's ``data/``:

    python benchmarks/synthetic.py --scale 0.1 --seed 7 /tmp/synthetic

A second distribution, ``--distribution wide``, is unlike the first in every way that costs: few
short files become fewer, longer ones. Letters with hundreds of signatories and long Markdown
bodies in English, Korean and Simplified Chinese (as translations the validator compares),
organizations and missions with many contact points, names in Hangul and Chinese characters,
campaigns with long Korean summaries. A benchmark that only ever meets the first could flatter us.
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
WIDE_AT_SCALE_1 = {"organizations": 6_000, "missions": 6_000, "letters": 1_500, "campaigns": 600}
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
KOREAN_SENTENCES = [
    "중국 정부는 탈북민 강제 송환을 즉시 중단해야 합니다.",
    "강제로 송환된 사람들은 고문과 구금, 때로는 처형의 위험에 처합니다.",
    "우리는 1951년 난민협약과 고문방지협약의 의무를 존중할 것을 요청합니다.",
    "유엔난민기구가 중국 내 탈북민에게 접근할 수 있도록 허용해 주십시오.",
    "가족과 헤어진 사람들의 이야기를 들어 주십시오.",
]
CHINESE_SENTENCES = [
    "我们恳请中国政府立即停止强制遣返朝鲜难民。",
    "被遣返者面临酷刑、任意拘留乃至处决的危险。",
    "请遵守一九五一年《关于难民地位的公约》和《禁止酷刑公约》规定的义务。",
    "请允许联合国难民署接触在华的朝鲜人。",
    "请倾听那些与家人离散的人们的声音。",
]
ENGLISH_SENTENCES = [
    "We ask the Government of China to stop the forced repatriation of North Korean refugees.",
    "People returned by force face torture, arbitrary detention and, at times, execution.",
    "We ask you to honour the 1951 Refugee Convention and the Convention against Torture.",
    "Please allow the UN Refugee Agency to reach North Koreans in China.",
    "Listen to the stories of the families who were separated.",
]
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


def _paragraph(rng: random.Random, sentences: list[str], index: int, link: bool) -> str:
    """A paragraph of Markdown: a few sentences, some emphasis, a link in every fourth one."""
    chosen = [sentences[(index + n) % len(sentences)] for n in range(rng.randint(3, 6))]
    text = " ".join(chosen)
    if index % 3 == 0:
        text = f"**{chosen[0]}** " + " ".join(chosen[1:])
    if link:
        text += f" [UNHCR](https://example.org/unhcr/{index})"
    return text


class WideGenerator(Generator):
    """The second distribution: fewer, longer files, in three scripts, with many contacts."""

    def __init__(self, scale: float, seed: int) -> None:
        """Prepare the ids of every entity at ``scale``, in the wide proportions."""
        super().__init__(scale, seed)
        self.counts = {
            kind: max(1, round(number * scale)) for kind, number in WIDE_AT_SCALE_1.items()
        }
        self.organization_ids = [
            f"org-{index:05d}-{_word(self.rng, 2).lower()}"
            for index in range(self.counts["organizations"])
        ]
        self.mission_ids = [f"mission-{index:05d}" for index in range(self.counts["missions"])]
        self.letter_ids = [f"letter-{index:04d}" for index in range(self.counts["letters"])]

    def _hangul(self, length: int) -> str:
        return "".join(self.rng.choice(HANGUL) for _ in range(length))

    def _contacts(self, domain: str, count: int, region: str) -> list[dict[str, Any]]:
        rng = self.rng
        purposes = ["general", "press", "consular", "services", "emergency"]
        contacts: list[dict[str, Any]] = []
        for number in range(count):
            kind = ["email", "fax", "phone", "web-form", "postal"][number % 5]
            contact: dict[str, Any] = {"kind": kind, "purpose": purposes[number % len(purposes)]}
            if kind == "email":
                contact["value"] = f"office{number}@{domain}"
            elif kind in ("fax", "phone"):
                phone = self.phones.get(region)
                if phone is None:
                    continue
                contact["value"] = phone
            elif kind == "web-form":
                contact["url"] = f"https://{domain}/contact/{number}"
            else:
                contact["address"] = {
                    "lines": [f"{rng.randint(1, 999)} {_word(rng)} Road", f"Suite {number}"],
                    "locality": _word(rng) + " City",
                    "country": region,
                }
            contact["label"] = f"{self._hangul(4)} office {number}"
            contact["source"] = self._source(f"{domain}-{number}")
            contacts.append(contact)
        return contacts

    def organizations(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, organization)``: Korean and Chinese names, long descriptions, many contacts."""
        rng = self.rng
        for index, organization_id in enumerate(self.organization_ids):
            description = "\n\n".join(
                _paragraph(rng, KOREAN_SENTENCES if n % 2 else ENGLISH_SENTENCES, n, n % 4 == 0)
                for n in range(rng.randint(3, 10))
            )
            country = rng.choice(["KR", "US", "JP", "CN", "TW"])
            entity: dict[str, Any] = {
                "id": organization_id,
                "name": f"{_word(rng)} {rng.choice(WORDS)} Network",
                "other_names": [
                    {"name": self._hangul(8), "language": "ko"},
                    {"name": rng.choice(CHINESE_SENTENCES)[:8], "language": "zh-Hans"},
                ],
                "kind": rng.choice(["ngo", "coalition", "media", "research"]),
                "country": country,
                "website": f"https://{organization_id}.example.org/",
                "description": description,
                "contact_points": self._contacts(
                    f"{organization_id}.example.org", rng.randint(5, 15), country
                ),
                "social_accounts": [
                    {"platform": "x", "handle": f"@org{index}"},
                    {"platform": "facebook", "url": f"https://example.org/fb/{index}"},
                ],
                "sources": [self._source(organization_id), self._source(organization_id + "-ko")],
            }
            yield organization_id, entity

    def missions(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, mission)``: Chinese names, consular districts and many contacts."""
        rng = self.rng
        for mission_id, entity in super().missions():
            entity["other_names"] = [
                {
                    "name": "中华人民共和国驻" + rng.choice(CHINESE_SENTENCES)[2:8] + "总领事馆",
                    "language": "zh-Hans",
                    "kind": "official",
                    "source": self._source(mission_id),
                }
            ]
            entity["contact_points"] = entity.get("contact_points", []) + self._contacts(
                f"{mission_id}.example.org", rng.randint(6, 20), entity["host_country"]
            )
            entity.pop("needs", None)
            entity["searches"] = [
                {
                    "field": "fax",
                    "date": "2026-01-15",
                    "queries": [f"{rng.choice(CHINESE_SENTENCES)} 传真" for _ in range(3)],
                    "note": "No public source in the searched pages gives it.",
                }
            ]
            yield mission_id, entity

    def letters(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, letter)``: long bodies in three languages, hundreds of signatories."""
        rng = self.rng
        for index, letter_id in enumerate(self.letter_ids):
            count = rng.randint(5, 40)
            bodies: dict[str, list[Any]] = {}
            for language, salutation, sentences, closing in (
                ("en", "Dear President Xi,", ENGLISH_SENTENCES, "Sincerely,"),
                ("ko", "시진핑 주석님께,", KOREAN_SENTENCES, "드림"),
                ("zh-Hans", "尊敬的习近平主席：", CHINESE_SENTENCES, "此致敬礼"),  # noqa: RUF001 - Chinese punctuation
            ):
                paragraphs: list[Any] = [salutation]
                paragraphs += [_paragraph(rng, sentences, n, n % 4 == 0) for n in range(count)]
                paragraphs.append({"text": sentences[0], "optional": True})
                paragraphs.append(f"{closing}\n[Name]\n[City/Region]")
                bodies[language] = paragraphs
            people = [{"name": f"{self._hangul(3)}"} for _ in range(rng.randint(100, 400))]
            organizations = [
                {"organization": o}
                for o in rng.sample(self.organization_ids, min(len(self.organization_ids), 200))
            ]
            entity: dict[str, Any] = {
                "id": letter_id,
                "title": f"Joint letter number {index} on forced repatriation",
                "kind": rng.choice(["joint-letter", "open-letter", "template"]),
                "date": f"20{rng.randint(12, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "addressees": [
                    {"name": "Xi Jinping", "title": "President of the People's Republic of China"}
                ],
                "signatories": organizations + people,
                "body": bodies,
                "translations": {
                    "ko": {
                        "translated_by": "Synthetic volunteer",
                        "method": "human",
                        "date": "2024-01-01",
                        "texts": {"title": f"강제 송환 중단을 촉구하는 공동 서한 {index}"},
                    },
                    "zh-Hans": {
                        "translated_by": "machine translation, made for the coalition",
                        "method": "machine",
                        "date": "2024-01-01",
                        "texts": {"title": f"关于停止强制遣返的联名信 {index}"},
                    },
                },
                "placeholders": [
                    {"token": "[Name]", "description": "Your name."},
                    {"token": "[City/Region]", "description": "Your city or region."},
                ],
                "sources": [self._source(letter_id)],
            }
            yield letter_id, entity

    def campaigns(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield ``(id, campaign)``: the first distribution's, with long Korean summaries."""
        rng = self.rng
        for campaign_id, entity in super().campaigns():
            entity["summary"] = "\n\n".join(
                _paragraph(rng, ENGLISH_SENTENCES, n, n % 4 == 0) for n in range(5)
            )
            entity["translations"] = {
                "ko": {
                    "translated_by": "Synthetic volunteer",
                    "method": "human",
                    "date": "2024-01-01",
                    "texts": {
                        "title": "강제 송환을 멈춰 주십시오",
                        "summary": "\n\n".join(
                            _paragraph(rng, KOREAN_SENTENCES, n, n % 4 == 0) for n in range(5)
                        ),
                    },
                }
            }
            yield campaign_id, entity


DISTRIBUTIONS: dict[str, type[Generator]] = {"first": Generator, "wide": WideGenerator}
"""The synthetic distributions by name: the first (many short files) and the wide one."""


def write_tree(root: Path, scale: float, seed: int, distribution: str = "first") -> dict[str, int]:
    """Write a synthetic tree at ``scale`` into ``root``; return the number of files per kind.

    Raises:
        ValueError: ``root`` is the repository's data folder or inside it.
    """
    target = root.resolve()
    if target == REPOSITORY_DATA or REPOSITORY_DATA in target.parents:
        raise ValueError("synthetic data never goes into the repository's data/")
    generator = DISTRIBUTIONS[distribution](scale, seed)
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
    parser.add_argument("--distribution", choices=sorted(DISTRIBUTIONS), default="first")
    arguments = parser.parse_args(argv)
    try:
        counts = write_tree(
            arguments.folder, arguments.scale, arguments.seed, arguments.distribution
        )
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    print(", ".join(f"{count} {folder}" for folder, count in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
