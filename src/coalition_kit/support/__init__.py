"""The lowest floor: small tools every other layer may use, importing nothing of the project.

``text`` (invisible characters, names compared as people read them, Markdown escaping),
``files`` (atomic writes), ``suggest`` ("did you mean"), ``arguments`` (checks of what callers
pass to public functions).
"""
