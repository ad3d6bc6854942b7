"""What looks like a private person's contact detail, for the privacy rules.

An e-mail address at a free-mail provider and a mobile number usually belong to a person, not to
an office: the rules refuse them unless the entry declares where the owner published them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = [
    "FREE_MAIL_DOMAINS",
    "TEXT_REGIONS",
    "ContactInText",
    "contacts_in_text",
    "free_mail_domain",
    "is_mobile",
]

FREE_MAIL_DOMAINS = frozenset(
    {
        # Worldwide
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "live.com",
        "live.co.uk",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yahoo.de",
        "yahoo.ca",
        "yahoo.com.au",
        "ymail.com",
        "rocketmail.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "tutanota.com",
        "tuta.io",
        "gmx.com",
        "gmx.net",
        "gmx.de",
        "web.de",
        "mail.com",
        "zoho.com",
        "yandex.com",
        "yandex.ru",
        "mail.ru",
        "inbox.ru",
        "bk.ru",
        "list.ru",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "t-online.de",
        "libero.it",
        "fastmail.com",
        "hey.com",
        # Korea
        "naver.com",
        "daum.net",
        "hanmail.net",
        "nate.com",
        "kakao.com",
        "korea.com",
        "hotmail.co.kr",
        "yahoo.co.kr",
        "empal.com",
        "paran.com",
        "dreamwiz.com",
        # China (some Chinese missions publish addresses here; they must then be declared)
        "qq.com",
        "foxmail.com",
        "163.com",
        "126.com",
        "yeah.net",
        "vip.163.com",
        "vip.126.com",
        "188.com",
        "sina.com",
        "sina.cn",
        "vip.sina.com",
        "sohu.com",
        "aliyun.com",
        "139.com",
        "189.cn",
        "wo.cn",
        "tom.com",
        "21cn.com",
        # Japan
        "yahoo.co.jp",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "au.com",
        "softbank.ne.jp",
        "i.softbank.jp",
        "nifty.com",
        "biglobe.ne.jp",
    }
)
"""Providers of free personal mailboxes. An address there is a person's unless declared."""

TEXT_REGIONS = ("KR", "CN", "US")
"""Countries whose national forms of numbers are read in texts besides the entry's own ones:
the coalition's sources are Korean, Chinese and American."""


def free_mail_domain(address: str) -> str | None:
    """Return the domain of ``address`` if it is a free-mail provider's, else None."""
    domain = address.rpartition("@")[2].strip().lower().rstrip(".")
    return domain if domain in FREE_MAIL_DOMAINS else None


@cache
def _phonenumbers() -> Any:
    import phonenumbers

    return phonenumbers


def _mobile(number: Any) -> bool:
    phonenumbers = _phonenumbers()
    kinds = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.PERSONAL_NUMBER}
    return bool(phonenumbers.is_valid_number(number)) and phonenumbers.number_type(number) in kinds


@cache
def is_mobile(e164: str) -> bool:
    """Return True when the E.164 number ``e164`` is a mobile (or personal) number.

    Numbers a country does not tell apart (the US: 'fixed line or mobile') are not mobile here.
    """
    phonenumbers = _phonenumbers()
    try:
        return _mobile(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return False


_EMAIL_IN_TEXT = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A run of digits with the separators numbers are written with: "+82 10-1234-5678", "(02) 123 4567".
_DATE_LIKE = re.compile(r"^(?:19|20)[0-9]{2}[-/.](?:0?[1-9]|1[0-2])(?:[-/.][0-3]?[0-9])?\b")
_NUMBER_IN_TEXT = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-/]{6,18}\d(?!\w)")
_SEVEN_DIGITS = re.compile(r"(?:\d\D*){7}")


@dataclass(frozen=True)
class ContactInText:
    """A likely-personal contact detail found in a text: what it is and why it looks personal."""

    value: str
    kind: str  # "email" or "phone"
    reason: str
    canonical: str
    """The address case-folded, or the number in E.164: what to compare with declared ones."""


def contacts_in_text(text: str, regions: Iterable[str] = ()) -> Iterator[ContactInText]:
    """Yield the free-mail addresses and mobile numbers written in ``text``.

    Numbers without a country code are read as numbers of ``regions`` and of ``TEXT_REGIONS``.
    """
    if "@" in text:
        for match in _EMAIL_IN_TEXT.finditer(text):
            domain = free_mail_domain(match.group())
            if domain is not None:
                yield ContactInText(
                    match.group(),
                    "email",
                    f"at the free-mail provider {domain}",
                    match.group().casefold(),
                )
    if _SEVEN_DIGITS.search(text) is None:
        return  # no phone number has fewer than seven digits
    phonenumbers = _phonenumbers()
    tried = tuple(dict.fromkeys([*regions, *TEXT_REGIONS]))
    for match in _NUMBER_IN_TEXT.finditer(text):
        written = match.group().strip()
        if _DATE_LIKE.match(written):
            continue  # 2022-11-16, 2024-04-22T13:30: a date, whatever a numbering plan says
        # The first country in which the digits make a valid number says what they are.
        for region in (None,) if written.startswith("+") else tried:
            try:
                number = phonenumbers.parse(written, region)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(number):
                continue
            if _mobile(number):
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                yield ContactInText(written, "phone", "a mobile number", e164)
            break
