"""The site in English and Korean: matching catalogues, lang and hreflang, a switcher, local dates."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

import coalition_kit
from coalition_kit.site.campaigns import main_campaign
from coalition_kit.site.i18n import DEFAULT_LANGUAGE, LANGUAGES, Words, catalogue
from conftest import DATA, SITE_URL


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE])
def test_every_translation_has_every_string_with_the_same_placeholders(language: str) -> None:
    english, translated = catalogue(DEFAULT_LANGUAGE), catalogue(language)
    assert set(translated) == set(english)
    for key, text in english.items():
        assert _placeholders(translated[key]) == _placeholders(text), key
        # Markdown links in a string keep their target placeholder.
        assert len(re.findall(r"\]\(\{", translated[key])) == len(re.findall(r"\]\(\{", text))
        if text:
            assert translated[key], key


def test_dates_numbers_and_countries_follow_the_language() -> None:
    day = dt.date(2026, 9, 24)
    assert Words("en").date(day) == "September 24, 2026"
    assert Words("ko").date(day) == "2026년 9월 24일"
    assert Words("ko").country("CA") == "캐나다"
    assert Words("ko").partial_date("2012") == "2012년"
    assert Words("ko").language_name("zh-Hans") == "중국어 (간체)"


def _pages(site: Path, language: str) -> list[Path]:
    root = site if language == DEFAULT_LANGUAGE else site / language
    return [
        root / "index.html",
        root / "missions" / "cn-embassy-kr" / "index.html",
        root / "campaigns" / "index.html",
        root / "privacy" / "index.html",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_says_its_language_and_offers_a_switch_to_the_same_page(
    built_site: Path, language: str
) -> None:
    for page in _pages(built_site, language):
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in html, page
        for other in LANGUAGES:
            link = re.search(
                rf'<a href="([^"]+)" hreflang="{other}" class="md-select__link">', html
            )
            assert link, (page, other)
            href = link.group(1)
            folder = built_site / href.lstrip("/") if href.startswith("/") else page.parent / href
            target = folder.resolve() / "index.html"
            relative = page.relative_to(built_site).as_posix().removeprefix(f"{language}/")
            prefix = "" if other == DEFAULT_LANGUAGE else f"{other}/"
            assert target == (built_site / (prefix + relative)).resolve(), (page, other)


def test_the_sitemap_pairs_each_page_with_its_translation(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(
        rf"<loc>{re.escape(SITE_URL)}missions/cn-embassy-kr/</loc>.*?</url>", sitemap, re.S
    )
    assert entry
    assert f'hreflang="ko" href="{SITE_URL}ko/missions/cn-embassy-kr/"' in entry.group(0)
    assert f'hreflang="en" href="{SITE_URL}missions/cn-embassy-kr/"' in entry.group(0)


def test_the_korean_pages_speak_korean(built_site: Path) -> None:
    library = coalition_kit.load(DATA)
    main = main_campaign(library, dt.date.today())
    assert main is not None
    home = (built_site / "ko" / "index.html").read_text(encoding="utf-8")
    assert "어느 나라에 사시나요?" in home and '<option value="KR">대한민국</option>' in home
    assert f'action="act/{main.id}/"' in home
    act = (built_site / "ko" / "act" / main.id / "index.html").read_text(encoding="utf-8")
    assert "받는 곳" in act and '"js_copy":"편지 복사하기"' in act
    privacy = (built_site / "ko" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert "개인정보" in privacy
    day = built_site / "ko" / "campaigns" / "save-north-korean-refugees-day" / "index.html"
    assert re.search(r"\d{4}년 9월 24일", day.read_text(encoding="utf-8"))
