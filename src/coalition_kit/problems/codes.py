"""The catalogue of problem codes: each stable code with a title and an explanation for contributors.

Codes never change meaning once published; tools and people filter on them. (This module is
long because it is the catalogue itself, one entry per code; it holds no logic.) The documentation
page of problem codes is generated from ``CATALOGUE``, and a test checks that every code has an entry.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - exercised only on Python 3.10
    from enum import Enum

    class StrEnum(str, Enum):
        """A string enumeration, as in Python 3.11's ``enum.StrEnum``."""

        def __str__(self) -> str:
            return str(self.value)


class Code(StrEnum):
    """Every problem code the validator can report."""

    FILE_UNREADABLE = "file-unreadable"
    FILE_TOO_LARGE = "file-too-large"
    FILE_EMPTY = "file-empty"
    FILE_NOT_MAPPING = "file-not-mapping"
    FILE_UNKNOWN_FOLDER = "file-unknown-folder"
    FILE_UNEXPECTED = "file-unexpected"
    FILE_OUTSIDE_TREE = "file-outside-tree"
    ENCODING = "encoding"
    BYTE_ORDER_MARK = "byte-order-mark"
    CONTROL_CHARACTER = "control-character"
    BIDI_CONTROL = "bidi-control"
    YAML_SYNTAX = "yaml-syntax"
    YAML_TAB = "yaml-tab"
    YAML_DUPLICATE_KEY = "yaml-duplicate-key"
    YAML_AMBIGUOUS_VALUE = "yaml-ambiguous-value"
    YAML_KEY_NOT_STRING = "yaml-key-not-string"
    YAML_COMMENT_IN_VALUE = "yaml-comment-in-value"
    YAML_ALIAS = "yaml-alias"
    YAML_TAG = "yaml-tag"
    YAML_TOO_DEEP = "yaml-too-deep"
    YAML_MULTIPLE_DOCUMENTS = "yaml-multiple-documents"
    FIELD_MISSING = "field-missing"
    FIELD_UNKNOWN = "field-unknown"
    FIELD_TYPE = "field-type"
    VALUE_NOT_ALLOWED = "value-not-allowed"
    VALUE_EMPTY = "value-empty"
    VALUE_TOO_LONG = "value-too-long"
    VALUE_OUT_OF_RANGE = "value-out-of-range"
    VALUE_INVALID = "value-invalid"
    TEXT_MULTILINE = "text-multiline"
    TEXT_HTML = "text-html"
    ID_SYNTAX = "id-syntax"
    ID_MISMATCH = "id-mismatch"
    ID_DUPLICATE = "id-duplicate"
    ID_LOOKALIKE = "id-lookalike"
    SLUG_INVALID = "slug-invalid"
    EMAIL_INVALID = "email-invalid"
    PHONE_INVALID = "phone-invalid"
    URL_INVALID = "url-invalid"
    COUNTRY_UNKNOWN = "country-unknown"
    LANGUAGE_INVALID = "language-invalid"
    TIMEZONE_UNKNOWN = "timezone-unknown"
    DATE_INVALID = "date-invalid"
    WIKIDATA_INVALID = "wikidata-invalid"
    PLACEHOLDER_INVALID = "placeholder-invalid"
    SOURCE_INCOMPLETE = "source-incomplete"
    PARTY_EMPTY = "party-empty"
    LINK_UNKNOWN = "link-unknown"
    DATE_IN_FUTURE = "date-in-future"
    DATE_ORDER = "date-order"
    MISSION_CLOSED_WITHOUT_DATE = "mission-closed-without-date"
    MISSION_SUCCESSOR_INVALID = "mission-successor-invalid"
    PLACEHOLDER_UNDECLARED = "placeholder-undeclared"
    PLACEHOLDER_UNUSED = "placeholder-unused"
    TRANSLATION_MISMATCH = "translation-mismatch"
    TRANSLATION_UNDECLARED = "translation-undeclared"
    TRANSLATION_PATH_UNKNOWN = "translation-path-unknown"
    SOCIAL_POST_TOO_LONG = "social-post-too-long"
    SOCIAL_THREAD_MISMATCH = "social-thread-mismatch"
    EVENT_ID_DUPLICATE = "event-id-duplicate"
    EVENT_TIMEZONE_MISSING = "event-timezone-missing"
    CONTACT_PERSONAL_UNPUBLISHED = "contact-personal-unpublished"
    PERSON_AT_RISK_UNSOURCED = "person-at-risk-unsourced"
    PERSON_AT_RISK_UNFLAGGED = "person-at-risk-unflagged"
    WITHHELD_NAME = "withheld-name"
    TREE_TOO_LARGE = "tree-too-large"
    YAML_DATE_UNQUOTED = "yaml-date-unquoted"
    CONTACT_LIKELY_PERSONAL = "contact-likely-personal"
    CONTACT_IN_TEXT = "contact-in-text"
    DOMAIN_LOOKALIKE = "domain-lookalike"
    DUPLICATE_LIKELY = "duplicate-likely"
    DATE_IMPLAUSIBLE = "date-implausible"
    TIMEZONE_FIXED_OFFSET = "timezone-fixed-offset"
    PHONE_OTHER_COUNTRY = "phone-other-country"
    LETTER_TO_CLOSED_MISSION = "letter-to-closed-mission"


class Severity(StrEnum):
    """How much a problem matters: an error fails validation, a warning is shown."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class CodeInfo:
    """What a code means: a title, an explanation that says how to fix it, and its severity.

    Errors make ``validate`` fail; warnings are shown (and fail only with ``--strict``): they
    flag what is probably, not certainly, a mistake.
    """

    title: str
    explanation: str
    severity: Severity = Severity.ERROR


CATALOGUE: dict[Code, CodeInfo] = {
    Code.FILE_UNREADABLE: CodeInfo(
        "File cannot be read",
        "The file could not be opened (permissions, a broken link, or a folder named like a file).",
    ),
    Code.FILE_TOO_LARGE: CodeInfo(
        "File too large",
        "A data file is larger than the limit. Entities are small; a file this big is a mistake "
        "or an attempt to exhaust memory. Split it, or ask a maintainer.",
    ),
    Code.FILE_EMPTY: CodeInfo(
        "File is empty", "The file holds no YAML document. Fill it in, or delete it."
    ),
    Code.FILE_NOT_MAPPING: CodeInfo(
        "File is not a mapping",
        "A data file must be a mapping of field names to values (`name: ...`), "
        "not a list or a single value.",
    ),
    Code.FILE_UNKNOWN_FOLDER: CodeInfo(
        "File in a folder that holds no known kind",
        "Data files live in `organizations/`, `letters/`, `campaigns/` or `missions/`. "
        "Move the file into the folder of its kind.",
    ),
    Code.FILE_UNEXPECTED: CodeInfo(
        "Unexpected file",
        "Only `.yaml` files belong in the data folders. Rename `.yml` files to `.yaml`; "
        "move other files out of `data/`.",
    ),
    Code.FILE_OUTSIDE_TREE: CodeInfo(
        "Link leads outside the data tree",
        "A symbolic link in the data tree points outside it. Data must live in the tree itself, "
        "so that what is reviewed is what is published.",
    ),
    Code.ENCODING: CodeInfo(
        "File is not UTF-8",
        "Data files must be saved as UTF-8. Re-save the file as UTF-8 in your editor.",
    ),
    Code.BYTE_ORDER_MARK: CodeInfo(
        "Byte-order mark",
        "The file starts with an invisible byte-order mark, which some Windows editors add. "
        "coalition-kit reads the file all the same; `coalition-kit fmt` removes the mark, or "
        "save the file as 'UTF-8' (without BOM).",
        Severity.WARNING,
    ),
    Code.CONTROL_CHARACTER: CodeInfo(
        "Control character",
        "The file holds an invisible control character, which YAML forbids and which can hide "
        "text. Delete it.",
    ),
    Code.BIDI_CONTROL: CodeInfo(
        "Bidirectional control character",
        "A value holds an invisible character that reorders text (a bidirectional override or "
        "isolate). It can make text display differently from what it says. Delete it.",
    ),
    Code.YAML_SYNTAX: CodeInfo(
        "YAML syntax error",
        "The file is not valid YAML. The message says what the parser expected at that point.",
    ),
    Code.YAML_TAB: CodeInfo(
        "Tab in indentation",
        "YAML indents with spaces only. Replace the tab with spaces.",
    ),
    Code.YAML_DUPLICATE_KEY: CodeInfo(
        "Duplicate key",
        "The same field appears twice in one mapping; YAML would silently keep only one. "
        "Keep one of them.",
    ),
    Code.YAML_AMBIGUOUS_VALUE: CodeInfo(
        "Value YAML may misread",
        "An unquoted value such as `no`, `on`, `0123` or `12:30` means something else than the "
        "text to some YAML readers (false, an octal number, a number of minutes). coalition-kit "
        "reads it as the text written, but other tools would not: put it in quotes.",
    ),
    Code.YAML_KEY_NOT_STRING: CodeInfo(
        "Key is not text",
        "Field names must be text. A key such as `1:` or `null:` is read as a number or nothing; "
        "quote it or rename it.",
    ),
    Code.YAML_COMMENT_IN_VALUE: CodeInfo(
        "Hashtag read as a comment",
        "In YAML, ` #` starts a comment, so `text: Join us #FreeNK` keeps only `Join us`. "
        "Put the whole value in quotes when the `#...` belongs to it.",
    ),
    Code.YAML_ALIAS: CodeInfo(
        "Anchor or alias",
        "YAML anchors (`&name`) and aliases (`*name`) are not accepted: they hide where a value "
        "comes from and can be used to blow up memory. Write the value out in full.",
    ),
    Code.YAML_TAG: CodeInfo(
        "Explicit YAML tag",
        "Explicit tags such as `!!python/object` or `!!int` are not accepted. Remove the tag; "
        "quote the value if it is text.",
    ),
    Code.YAML_TOO_DEEP: CodeInfo(
        "Nesting too deep",
        "The file nests mappings or lists deeper than any entity needs. Reading stopped there.",
    ),
    Code.YAML_MULTIPLE_DOCUMENTS: CodeInfo(
        "More than one YAML document",
        "A data file holds one entity, in one YAML document. Remove the `---` separator and "
        "put the second entity in a file of its own.",
    ),
    Code.FIELD_MISSING: CodeInfo(
        "Required field missing", "A field that every entity of this kind needs is missing."
    ),
    Code.FIELD_UNKNOWN: CodeInfo(
        "Unknown field",
        "The field is not part of this kind's schema: often a typo (`websit:` for `website:`). "
        "Unknown fields are errors so that no value vanishes silently.",
    ),
    Code.FIELD_TYPE: CodeInfo(
        "Wrong type",
        "The value has the wrong type: text where a list belongs, a number where text belongs, "
        "and so on. Numbers meant as text (postal codes, phone numbers) need quotes.",
    ),
    Code.VALUE_NOT_ALLOWED: CodeInfo(
        "Value not among the allowed ones",
        "The field takes one of a fixed list of values; the message lists them.",
    ),
    Code.VALUE_EMPTY: CodeInfo(
        "Empty value", "The value or list is empty where something is required."
    ),
    Code.VALUE_TOO_LONG: CodeInfo("Value too long", "The text or list is longer than allowed."),
    Code.VALUE_OUT_OF_RANGE: CodeInfo(
        "Number out of range", "The number is below or above what the field allows."
    ),
    Code.VALUE_INVALID: CodeInfo("Invalid value", "The value does not fit the field."),
    Code.TEXT_MULTILINE: CodeInfo(
        "Line break in a one-line field",
        "Names, titles and similar fields hold one line of text.",
    ),
    Code.TEXT_HTML: CodeInfo(
        "HTML in text",
        "Text fields hold plain text (Markdown where the field says so), not HTML tags or "
        "comments. The site would show them as text; remove them.",
    ),
    Code.ID_SYNTAX: CodeInfo(
        "Invalid id",
        "Ids are lowercase slugs: letters a-z, digits, and single hyphens between them, "
        "such as `liberty-in-north-korea`.",
    ),
    Code.ID_MISMATCH: CodeInfo(
        "Id differs from the file name",
        "The `id:` field must equal the file name without `.yaml`. Rename one of them.",
    ),
    Code.ID_DUPLICATE: CodeInfo(
        "Duplicate id", "Two files of the same kind declare the same id. Ids are unique per kind."
    ),
    Code.ID_LOOKALIKE: CodeInfo(
        "Id that looks like another",
        "Two ids of one kind differ only by characters that look alike (0 and o, 1 and l, rn "
        "and m). A copy under a look-alike id can pass for the real entry: choose a distinct id, "
        "or remove the copy.",
    ),
    Code.SLUG_INVALID: CodeInfo(
        "Invalid reference id",
        "A reference to another entity must be an id: a lowercase slug such as "
        "`liberty-in-north-korea`.",
    ),
    Code.EMAIL_INVALID: CodeInfo(
        "Invalid e-mail address", "The e-mail address is not valid; the message says why."
    ),
    Code.PHONE_INVALID: CodeInfo(
        "Invalid phone or fax number",
        "Phone and fax numbers are stored in E.164 form (`+12024952138`), quoted, with the form "
        "the source wrote in `display`.",
    ),
    Code.URL_INVALID: CodeInfo(
        "Invalid link",
        "Links must be complete `https://` or `http://` addresses. Other schemes "
        "(`javascript:`, `data:`, `file:`) are refused.",
    ),
    Code.COUNTRY_UNKNOWN: CodeInfo(
        "Unknown country code",
        "Countries are ISO 3166-1 alpha-2 codes in capitals: `US`, `KR`, `CN`, `CA`. "
        "Quote `NO` (Norway): unquoted, YAML may read it as false.",
    ),
    Code.LANGUAGE_INVALID: CodeInfo(
        "Invalid language tag",
        "Languages are BCP 47 tags: `en`, `ko`, `zh-Hans`, `ko-Latn` (Korean in Latin letters).",
    ),
    Code.TIMEZONE_UNKNOWN: CodeInfo(
        "Unknown time zone",
        "Time zones are IANA names such as `America/New_York` or `Asia/Seoul`.",
    ),
    Code.DATE_INVALID: CodeInfo(
        "Invalid date",
        "Dates are ISO 8601: `2023-10-16`; where only the month or year is known, `2013-12` "
        "or `2012`. Times are `2024-04-22T13:30`.",
    ),
    Code.WIKIDATA_INVALID: CodeInfo(
        "Invalid Wikidata id", "Wikidata item ids look like `Q42`: a Q and digits."
    ),
    Code.PLACEHOLDER_INVALID: CodeInfo(
        "Invalid placeholder token",
        "A placeholder is written in square brackets, such as `[Name]` or `[City/Region]`.",
    ),
    Code.SOURCE_INCOMPLETE: CodeInfo(
        "Source cannot be found again",
        "A source needs a `url` or an `archived_copy` so that a reader can check the facts.",
    ),
    Code.PARTY_EMPTY: CodeInfo(
        "Empty addressee, sender or signatory",
        "Give at least a name, a title, a linked organization or mission, or the line as written.",
    ),
    Code.LINK_UNKNOWN: CodeInfo(
        "Link to an entity that does not exist",
        "The id does not name any entity of that kind. Check the spelling, or add the entity.",
    ),
    Code.DATE_IN_FUTURE: CodeInfo(
        "Date in the future",
        "A verification or retrieval date lies in the future: nobody can have checked it yet.",
    ),
    Code.DATE_ORDER: CodeInfo("Dates out of order", "An end comes before its start."),
    Code.MISSION_CLOSED_WITHOUT_DATE: CodeInfo(
        "Closed mission without its closing date",
        "A mission whose status is closed, suspended or relocated needs `since:`, the date the "
        "change took effect, and a source for it.",
    ),
    Code.MISSION_SUCCESSOR_INVALID: CodeInfo(
        "Successor mission does not fit",
        "A successor names another mission: not the mission itself, and only for a mission that "
        "is no longer open.",
    ),
    Code.PLACEHOLDER_UNDECLARED: CodeInfo(
        "Placeholder used but not declared",
        "The letter's text uses a `[Placeholder]` that is not listed under `placeholders:`. "
        "Declare it with a description, or write literal brackets as `\\[` and `\\]`.",
    ),
    Code.PLACEHOLDER_UNUSED: CodeInfo(
        "Placeholder declared but not used",
        "A placeholder is declared but appears in no text of the letter. Remove it.",
    ),
    Code.TRANSLATION_MISMATCH: CodeInfo(
        "Translation differs from the original in structure",
        "A translation keeps the original's placeholders (`[Name]`), its paragraphs (and which "
        "are optional, in a letter) and its links, so that a reader's choices mean the same in "
        "each language and nothing is lost or added in translation. Correct the translation.",
    ),
    Code.TRANSLATION_UNDECLARED: CodeInfo(
        "Translation without its record",
        "Each language of a letter after the first (the original) needs an entry under "
        "`translations:` saying who translated it, how (`human` or `machine`), when, and "
        "whether a native speaker reviewed it; each entry needs a text in that language.",
    ),
    Code.TRANSLATION_PATH_UNKNOWN: CodeInfo(
        "Translated text for no text of the entry",
        "A key under `translations.<language>.texts` must name a text of the entry: `title`, "
        "`summary`, `subject`, `calls_to_action.0.description`, `events.<event id>.title` ... "
        "Check the spelling and the position.",
    ),
    Code.SOCIAL_POST_TOO_LONG: CodeInfo(
        "Social post over the platform's limit",
        "The post is longer than the platform accepts. The data keeps the text as the campaign "
        "wrote it; the site and `check_social_post` offer it as a thread of parts that fit. "
        "Shorten it, or give the campaign's own `thread:` if it published one.",
        Severity.WARNING,
    ),
    Code.SOCIAL_THREAD_MISMATCH: CodeInfo(
        "Thread does not match the post",
        "The parts of a `thread:` must join (with single spaces) into exactly the post's `text`, "
        "and each part must fit the platform's limit.",
    ),
    Code.EVENT_ID_DUPLICATE: CodeInfo(
        "Duplicate event id", "Two events of one campaign share an id. Event ids are unique."
    ),
    Code.EVENT_TIMEZONE_MISSING: CodeInfo(
        "Event time without a time zone",
        "An event with a start time needs `timezone:` (an IANA name such as "
        "`America/New_York`), or readers elsewhere will see the wrong hour.",
    ),
    Code.CONTACT_PERSONAL_UNPUBLISHED: CodeInfo(
        "Personal contact detail without proof it was published",
        "A person's own phone number or e-mail address may only be recorded when the person "
        "published it themselves: add `published_by_owner:` with the source.",
    ),
    Code.PERSON_AT_RISK_UNSOURCED: CodeInfo(
        "Person at risk without a public source",
        "A person at risk (detained, repatriated, in hiding, or with family at risk) may be "
        "named only with a public source that has a `url`.",
    ),
    Code.PERSON_AT_RISK_UNFLAGGED: CodeInfo(
        "Person at risk named without the coalition's decision",
        "Naming a person at risk needs `publish_name: true`, set once the coalition has decided "
        "that naming them does not add to their danger. Otherwise remove the name.",
    ),
    Code.WITHHELD_NAME: CodeInfo(
        "Withheld name in the data",
        "The text contains a name on the maintainers' private list of people not to name. "
        "Remove it; the report does not repeat the name, so that logs do not spread it.",
    ),
    Code.TREE_TOO_LARGE: CodeInfo(
        "Too many files",
        "The tree holds more files than the validator reads in one run; the rest were not read.",
    ),
    Code.YAML_DATE_UNQUOTED: CodeInfo(
        "Date without quotes",
        "An unquoted date such as `2023-11-06` is text to coalition-kit, but other YAML readers "
        '(PyYAML, js-yaml) turn it into a date object. Quote it (`"2023-11-06"`); '
        "`coalition-kit fmt` does it for you.",
        Severity.WARNING,
    ),
    Code.CONTACT_LIKELY_PERSONAL: CodeInfo(
        "Contact that looks personal",
        "An e-mail address at a free-mail provider (gmail.com, naver.com, qq.com ...) or a "
        "mobile number usually belongs to a person, not an office. It is accepted only when it "
        "is declared: `visibility: institutional` with `published_by_owner:` citing where the "
        "institution itself published it (some consulates do publish a gmail address), or "
        "`visibility: personal` with the page where the person published it.",
    ),
    Code.CONTACT_IN_TEXT: CodeInfo(
        "Personal contact detail in a text",
        "A text (a letter's sender line, a note, a description) holds an e-mail address at a "
        "free-mail provider or a mobile number. Such details belong to people: leave them out. "
        "An institution's published address belongs in its `contact_points`, declared there; "
        "the text may then repeat it.",
    ),
    Code.DOMAIN_LOOKALIKE: CodeInfo(
        "Domain that imitates another",
        "The domain of an e-mail address or link mixes scripts (a Cyrillic 'a' among Latin "
        "letters) or is made of letters that look like ASCII ones (Unicode UTS #39). Such "
        "domains imitate real ones: type the address again from the source.",
    ),
    Code.DUPLICATE_LIKELY: CodeInfo(
        "Probably a duplicate",
        "Two entries look like the same thing (the same mission: sending state, host country, "
        "city and kind; or the same Wikidata item). Merge them, or say how they differ.",
        Severity.WARNING,
    ),
    Code.DATE_IMPLAUSIBLE: CodeInfo(
        "Implausible date",
        "The date lies far in the future for what it dates (a letter dated decades ahead). "
        "Check the year.",
        Severity.WARNING,
    ),
    Code.TIMEZONE_FIXED_OFFSET: CodeInfo(
        "Time zone with a fixed offset",
        "`EST`, `PST`, `Etc/GMT+5` and the like keep one offset all year, so an event in "
        "summer shows an hour off. Use the place's zone: `America/New_York`, `Asia/Seoul`.",
        Severity.WARNING,
    ),
    Code.PHONE_OTHER_COUNTRY: CodeInfo(
        "Phone number of another country",
        "A mission's phone or fax number belongs to another country than the one the mission "
        "is in. Check the country code.",
        Severity.WARNING,
    ),
    Code.LETTER_TO_CLOSED_MISSION: CodeInfo(
        "Letter to a mission that had closed",
        "The letter is addressed to a mission that was closed (or suspended, or relocated) "
        "before the letter's date. Check the date, the mission or its status.",
        Severity.WARNING,
    ),
}
