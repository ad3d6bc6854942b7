"""Run the command line as ``python -m coalition_kit``."""

from coalition_kit.cli import run

run()
