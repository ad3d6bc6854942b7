"""Rendering letters, mailto links and social posts; text from data is never run as code."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

import coalition_kit
from coalition_kit.library import Library
from coalition_kit.library.routes import mailto
from coalition_kit.models import Letter
from coalition_kit.models.campaign import SocialPostAction
from coalition_kit.models.social import post_length
from coalition_kit.outputs.letters import (
    MissingValuesError,
    UnknownLanguageError,
    UnknownValuesError,
    render_letter,
)
from coalition_kit.outputs.social import check_social_post
from conftest import DATA, EXAMPLES


@pytest.fixture(scope="module")
def library() -> Library:
    return coalition_kit.load(DATA)


@pytest.fixture(scope="module")
def bilingual() -> Letter:
    return coalition_kit.load(EXAMPLES / "valid").letters["example-bilingual-template"]


def test_wang_yi_letter_with_name_and_city(library: Library) -> None:
    text = render_letter(
        library.letters["wang-yi-template-2023"], {"Name": "Jane Doe", "[City/Region]": "Toronto"}
    )
    assert text.startswith("Dear Minister Wang Yi,\n\nI am writing")
    assert text.endswith("Sincerely,\nJane Doe\nToronto\n")
    assert "[" not in text


def test_a_missing_value_is_a_clear_error(library: Library) -> None:
    with pytest.raises(MissingValuesError) as caught:
        render_letter(library.letters["wang-yi-template-2023"], {"Name": "Jane"})
    assert caught.value.missing == ["[City/Region]"]
    assert "needs a value for [City/Region]" in str(caught.value)


def test_an_unknown_value_is_a_clear_error(library: Library) -> None:
    with pytest.raises(
        UnknownValuesError, match=r"has no placeholder Nmae; its placeholders are \[Name\]"
    ):
        render_letter(library.letters["wang-yi-template-2023"], {"Nmae": "x", "Name": "y"})


def test_optional_paragraphs_in_or_out(library: Library) -> None:
    letter = library.letters["nkfc-sample-letter-2012"]
    full = render_letter(letter, {"Name": "A"})
    short = render_letter(letter, {"Name": "A"}, include_optional=False)
    one = render_letter(letter, {"Name": "A"}, include_optional={3})
    assert (full.count("\n\n"), short.count("\n\n"), one.count("\n\n")) == (7, 4, 5)
    assert "As you know" in one and "We understand" not in one and "Ending this policy" not in one


def test_languages_and_markdown(bilingual: Letter) -> None:
    values = {"Name": "*Kim* <b>", "City/Region": "Seoul"}
    korean = render_letter(bilingual, values, language="ko")
    assert korean.startswith("장관님께,") and korean.endswith("*Kim* <b>\nSeoul 드림\n")
    markdown = render_letter(bilingual, values, format="markdown")
    assert "Sincerely,\\\n\\*Kim\\* \\<b\\>\\\nSeoul" in markdown
    assert "\\[like this\\]" in markdown and "[Markdown link](https://example.org/)" in markdown
    text = render_letter(bilingual, values)
    assert "[like this]" in text
    with pytest.raises(UnknownLanguageError, match="available in en, ko"):
        render_letter(bilingual, values, language="fr")


def test_text_from_data_is_never_evaluated(bilingual: Letter) -> None:
    hostile = bilingual.model_copy(
        update={"body": {"en": ["{{ 7*7 }} {name} %(x)s ${HOME} <script>alert(1)</script> [Name]"]}}
    )
    text = render_letter(hostile, {"Name": "[City/Region] {{ 6*6 }}", "City/Region": "x"})
    assert (
        text == "{{ 7*7 }} {name} %(x)s ${HOME} <script>alert(1)</script> [City/Region] {{ 6*6 }}\n"
    )


def test_mailto_follows_rfc_6068() -> None:
    body = "Dear Minister,\nLine two & more: 100% ✓ 한국"
    link = mailto(
        ["a@example.org", "b+tag@example.org"],
        subject="Subject? #1",
        body=body,
        cc=["c@example.org"],
    )
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "a@example.org,b+tag@example.org"
    assert "%0D%0A" in link and " " not in link and "\n" not in link
    query = parse_qs(parts.query)
    assert query["subject"] == ["Subject? #1"]
    assert query["body"] == [body.replace("\n", "\r\n")]
    assert query["cc"] == ["c@example.org"]


def test_social_post_against_its_platform(library: Library) -> None:
    action = next(
        a
        for a in library.campaigns["link-urgent-call-2023"].calls_to_action
        if isinstance(a, SocialPostAction)
    )
    check = check_social_post(action)
    assert (check.length, check.limit, check.fits) == (325, 280, False)
    assert len(check.parts) == 2 and " ".join(check.parts) == check.text
    short = check_social_post(action.model_copy(update={"text": "Short.", "thread": []}))
    assert short.fits and short.parts == ("Short.",)


def test_a_post_over_the_limit_is_offered_as_a_thread_that_keeps_every_word(
    library: Library,
) -> None:
    campaign = library.campaigns["link-urgent-call-2023"]
    action = next(a for a in campaign.calls_to_action if isinstance(a, SocialPostAction))
    check = check_social_post(action)
    assert check.length > 280 and not check.fits
    assert len(check.parts) >= 2
    assert " ".join(check.parts) == action.text
    assert all(post_length(action.platform, part) <= 280 for part in check.parts)
