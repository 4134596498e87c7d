"""One module per CLI sub-command: `add_arguments(parser)` and `run(args) -> int`.

Each module imports heavy libraries inside `run`, never at module level, so that
`glossary --help` and argument errors stay fast.
"""
