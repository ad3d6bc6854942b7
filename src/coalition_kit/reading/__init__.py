"""Reading data files: finding them in a tree, reading them safely, YAML with every value's place.

``discover`` lists a tree's files; ``files`` reads one (regular files only, size-limited, UTF-8);
``yaml`` turns its text into a ``document.Document`` of plain values with their lines and
columns; ``plain`` says what unquoted values mean; ``syntax`` explains YAML syntax errors.
"""
