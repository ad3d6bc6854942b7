"""Answer a reader's question with coalition-kit: I live in Canada, whom do I write to?

Run it anywhere after ``pip install coalition-kit``:

    python where_to_write.py Canada "Jane Doe" Toronto
"""

from __future__ import annotations

import sys

import coalition_kit
from coalition_kit.library.routes import mailto
from coalition_kit.outputs.letters import render_letter

CAMPAIGN = "link-urgent-call-2023"


def main(country: str, name: str, city: str) -> None:
    """Print the missions to write to, the filled-in letter and a mailto link."""
    library = coalition_kit.load()
    plan = library.where_to_write(CAMPAIGN, country)
    print(f"Campaign: {plan.campaign.title}")
    print(f"Write ({', '.join(channel.value for channel in plan.channels)}) to:")
    for mission in plan.missions:
        print(f"  - {mission.display_name} [{mission.id}]")
    if plan.letter is None:
        return
    body = render_letter(plan.letter, {"Name": name, "City/Region": city})
    print()
    print(body)
    if plan.email_addresses:
        print(mailto(plan.email_addresses, subject=plan.letter.title, body=body))
    else:
        print("No e-mail address is on file for these missions yet (the source hid them).")


if __name__ == "__main__":
    main(*(sys.argv[1:4] if len(sys.argv) >= 4 else ("Canada", "Jane Doe", "Toronto")))
