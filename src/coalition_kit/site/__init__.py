"""The documentation site's pages, built from the data and the models when mkdocs builds.

Nothing here is imported by ``import coalition_kit``: the site needs Jinja2, markdown-it-py and
nh3, which the ``docs`` extra installs.
"""
