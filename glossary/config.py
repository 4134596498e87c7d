"""The checker's configuration: one immutable object, from a file and the command line.

Read from `.glossary.toml` (top level) or `pyproject.toml` (`[tool.glossary]`), whichever is
found first walking up from the checked file's folder. Keys (all optional):

    first-mention = "infer"      # infer | tones+characters | characters | tones | plain | any
    script = "any"               # any | simplified | traditional | traditional-for-hk-tw-mo
    umlaut = "ü"                 # how toneless pinyin writes ü: "ü" (Lü) | "yu" (Lyu) | "u" (Lu)
    select = ["GL"]              # rule codes, code prefixes or rule names to run (default: all)
    ignore = ["GL402"]           # ... and to leave out
    fail-level = "warning"       # the lowest severity that makes `glossary lint` exit 1
    glossaries = ["names.toml"]  # the newsroom's own glossary files, relative to the config
                                 # file; the first is where `glossary add` writes
    [severity]                   # per-rule severity: code or name = error | warning | info
    GL303 = "info"

Any other key is an error naming the file, the line and the key. A file named by the
environment variable `GLOSSARY_FILE` is loaded after the configured glossaries when it exists.
Every command reads the house glossary through `house_files` / `load_house`: the shipped
files, then these; a configured file that does not exist yet reads as empty, with a warning.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path

from glossary.check.findings import Severity
from glossary.errors import DataError
from glossary.records import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from glossary.house import Glossary


class FirstMention(enum.Enum):
    """What a person's first mention must carry, beyond the English form."""

    INFER = "infer"  # hold the article to the style of its own first mentions
    TONES_CHARACTERS = "tones+characters"  # Yáng Jiéchí 杨洁篪
    CHARACTERS = "characters"  # Yang Jiechi (杨洁篪)
    TONES = "tones"  # Yáng Jiéchí
    PLAIN = "plain"  # Yang Jiechi: no characters, no tones
    ANY = "any"  # no first-mention checks at all


class ScriptPolicy(enum.Enum):
    ANY = "any"  # either script, name by name
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    TRADITIONAL_FOR_HK_TW_MO = "traditional-for-hk-tw-mo"  # simplified for mainland people


class Umlaut(enum.Enum):
    """How toneless pinyin writes ü (吕 Lǚ): Lü, Lyu (passport style) or Lu."""

    DIAERESIS = "ü"
    YU = "yu"
    U = "u"


class Config(NamedTuple):
    """The settings of one check. Immutable; `config._replace(script=...)` makes a changed copy.

    (A NamedTuple, not a frozen dataclass: importing `dataclasses` costs ~10 ms, paid by every
    cold `glossary lint`. Fields, defaults, equality, hash and repr are as they were.)"""

    first_mention: FirstMention = FirstMention.INFER
    script: ScriptPolicy = ScriptPolicy.ANY
    umlaut: Umlaut = Umlaut.DIAERESIS
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # (code or rule name, severity)
    fail_level: Severity = Severity.WARNING
    glossaries: tuple[Path, ...] = ()
    source: str | None = None  # the file it was read from, for messages

    def enabled(self, code: str, name: str) -> bool:
        """Whether the rule with this code and name runs (ignore wins over select)."""

        def matches(selector: str) -> bool:
            return code.startswith(selector.upper()) or selector.lower() == name

        if any(matches(s) for s in self.ignore):
            return False
        return not self.select or any(matches(s) for s in self.select)

    def severity_override(self, code: str, name: str) -> Severity | None:
        """The severity configured for a rule, by code or by name; None if not set."""
        chosen = dict(self.severity)
        return chosen.get(code, chosen.get(name))


def _line_of(text: str, key: str) -> int | None:
    """The line that sets `key`: `key = …` at a line's start or in an inline table
    (`{GL101 = "error"}`), or a `[key]` table header; within `[tool.glossary]` in a
    pyproject.toml, whose other tables may set the same key (`select` of `[tool.ruff]`)."""
    header = re.search(_TOOL_HEADER, text)
    start = header.start() if header else 0
    name = rf"[\"']?{re.escape(key)}[\"']?"
    dotted = r"(?:[\w\"'-]+[ \t]*\.[ \t]*)*"  # `tool.glossary.script = ...`
    pattern = rf"(?m)(?:^[ \t]*{dotted}|[{{,]\s*){name}\s*=|^[ \t]*\[+\s*(?:[\w.-]+\.)?{name}\s*\]"
    match = re.compile(pattern).search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _choice(enum_type: type[enum.Enum], value: Any, where: Callable[[str, str], DataError]) -> Any:
    key_name = {
        FirstMention: "first-mention",
        ScriptPolicy: "script",
        Umlaut: "umlaut",
    }[enum_type]
    try:
        return enum_type(value)
    except ValueError:
        choices = " | ".join(str(m.value) for m in enum_type)
        raise where(key_name, f"{value!r} is not one of {choices}") from None


def _string_list(value: Any, key: str, where: Callable[[str, str], DataError]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where(key, "expected a list of strings")
    return tuple(value)


def validate_selectors(
    selectors: Iterable[str], rules: Iterable[tuple[str, str]], report: Callable[[str], Exception]
) -> None:
    """Every selector must name at least one rule (by code, code prefix or name)."""
    known = list(rules)
    for selector in selectors:
        if not any(
            code.startswith(selector.upper()) or selector.lower() == name for code, name in known
        ):
            raise report(selector)


_KEYS = {
    "first-mention",
    "script",
    "umlaut",
    "select",
    "ignore",
    "severity",
    "fail-level",
    "glossaries",
}


def config_from_table(table: Mapping[str, Any], path: str, text: str = "") -> Config:
    """Build a Config from a parsed TOML table; errors name `path`, the line and the key."""

    def where(key: str, message: str) -> DataError:
        return DataError(path, _line_of(text, key.split(".")[-1]), key, message)

    for key in table:
        if key not in _KEYS:
            raise where(key, f"unknown key (known: {', '.join(sorted(_KEYS))})")
    config = Config(source=path)
    if "first-mention" in table:
        config = config._replace(first_mention=_choice(FirstMention, table["first-mention"], where))
    if "script" in table:
        config = config._replace(script=_choice(ScriptPolicy, table["script"], where))
    if "umlaut" in table:
        config = config._replace(umlaut=_choice(Umlaut, table["umlaut"], where))
    if "select" in table:
        config = config._replace(select=_string_list(table["select"], "select", where))
    if "ignore" in table:
        config = config._replace(ignore=_string_list(table["ignore"], "ignore", where))
    if "fail-level" in table:
        try:
            config = config._replace(fail_level=Severity.parse(str(table["fail-level"])))
        except ValueError as exc:
            raise where("fail-level", str(exc)) from None
    if "severity" in table:
        raw = table["severity"]
        if not isinstance(raw, Mapping):
            raise where("severity", "expected a table of rule = severity")
        severities: dict[str, Severity] = {}
        for rule, value in raw.items():
            try:
                severities[rule.upper() if re.fullmatch(r"(?i)gl\d+", rule) else rule] = (
                    Severity.parse(str(value))
                )
            except ValueError as exc:
                raise where(f"severity.{rule}", str(exc)) from None
        config = config._replace(severity=tuple(sorted(severities.items())))
    if "glossaries" in table:
        base = Path(path).parent
        paths = _string_list(table["glossaries"], "glossaries", where)
        config = config._replace(glossaries=tuple(base / p for p in paths))
    return config


def read_config_file(path: Path) -> Config:
    """Read `.glossary.toml` or the `[tool.glossary]` table of `pyproject.toml`."""
    import tomllib

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(path, None, None, f"cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python < 3.14 gives the position only in the message: "... (at line 2, column 10)"
        at = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        line = getattr(exc, "lineno", None) or (int(at.group(1)) if at else None)
        if line is None and str(exc).endswith("(at end of document)"):
            line = text.count("\n") + (not text.endswith("\n"))
        raise DataError(path, line, None, f"not valid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("glossary", {})
        if not isinstance(table, dict):
            raise DataError(path, _line_of(text, "glossary"), "tool.glossary", "expected a table")
    else:
        table = data
    return config_from_table(table, str(path), text)


# `[tool.glossary]` / `[tool.glossary.x]`, with the spaces and quotes TOML allows in a header
_TOOL_HEADER = (
    r"""(?m)^[ \t]*\[[ \t]*(?:tool|"tool"|'tool')[ \t]*\.[ \t]*"""
    r"""(?:glossary|"glossary"|'glossary')[ \t]*[\].]"""
)
# the other spellings need one of: `tool.glossary` as a dotted key, or `[tool]` and a key
# `glossary` (= {...} or .x = ...) at a line's start; other files are not parsed
_TOOL_DOTTED = r"""(?:\btool|"tool"|'tool')[ \t]*\.[ \t]*(?:glossary\b|"glossary"|'glossary')"""
_TOOL_BARE = r"""(?m)^[ \t]*\[[ \t]*(?:tool|"tool"|'tool')[ \t]*\]"""
_GLOSSARY_KEY = r"""(?m)^[ \t]*(?:glossary|"glossary"|'glossary')[ \t]*[.=]"""


def _has_tool_table(path: Path) -> bool:
    """Whether `path` (a pyproject.toml) has a `tool.glossary` table.

    The usual header is found without parsing the file; TOML's other spellings (`glossary =
    {...}` under `[tool]`, dotted keys `tool.glossary.script = ...`) are confirmed with a TOML
    parser, only in a file that has their shape (a project named glossary is not parsed). A file that does not parse counts
    only by its header (which reading it then reports as invalid TOML, with its line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if re.search(_TOOL_HEADER, text):
        return True
    if "glossary" not in text or not (
        re.search(_TOOL_DOTTED, text)
        or (re.search(_TOOL_BARE, text) and re.search(_GLOSSARY_KEY, text))
    ):
        return False
    import tomllib

    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return False
    return isinstance(tool, dict) and "glossary" in tool


@cache
def find_config_file(folder: Path) -> Path | None:
    """The nearest `.glossary.toml`, or `pyproject.toml` with `[tool.glossary]`, upwards."""
    for directory in (folder, *folder.parents):
        candidate = directory / ".glossary.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


ENV_FILE = "GLOSSARY_FILE"


def env_glossary() -> Path | None:
    """The glossary file named by `$GLOSSARY_FILE`, if set (relative to the current folder)."""
    value = os.environ.get(ENV_FILE, "").strip()
    return Path(value).expanduser().resolve() if value else None


def load_config(
    start: Path | None = None, *, explicit: Path | None = None, overrides: Mapping[str, Any] = {}
) -> Config:
    """The configuration for files under `start` (a folder), or from `explicit`,
    with command-line `overrides` (same keys as the file) applied on top."""
    path = explicit or (find_config_file(start.resolve()) if start else None)
    config = read_config_file(path) if path else Config()
    env = env_glossary()
    if env is not None and env.is_file() and env not in config.glossaries:
        config = config._replace(glossaries=(*config.glossaries, env))
    if overrides:
        merged = config_from_table(overrides, "command line")
        updates = {
            name: getattr(merged, name)
            for name in (
                "first_mention",
                "script",
                "umlaut",
                "select",
                "ignore",
                "fail_level",
                "severity",
            )
            if _KEY_FOR[name] in overrides
        }
        if "glossaries" in overrides:
            updates["glossaries"] = config.glossaries + merged.glossaries
        config = config._replace(**updates)
    return config


def readable_glossaries(config: Config) -> tuple[Config, list[str]]:
    """`config` with only the glossary files that exist, and a warning for each one it names
    that does not exist yet. A newsroom may name its file before its first entry (`glossary
    add` creates it), so a missing file reads as empty; one that exists but is bad is still
    an error naming file, line and field (exit 2)."""
    missing = [p for p in config.glossaries if not p.exists()]
    if not missing:
        return config, []
    where = f" (named in {config.source})" if config.source else ""
    warnings = [
        f"{p}: no such glossary file{where}; read as empty until `glossary add` creates it"
        for p in missing
    ]
    kept = tuple(p for p in config.glossaries if p not in missing)
    return config._replace(glossaries=kept), warnings


def house_files(start: Path | None = None) -> tuple[list[Path], list[str]]:
    """The glossary files a command reads unless told otherwise, as `glossary lint` reads
    them: the shipped dictionaries, then the `glossaries` of the nearest configuration above
    `start` (default: the current folder) and `$GLOSSARY_FILE`, each once; with a warning
    for each configured file that does not exist yet (`readable_glossaries`)."""
    from glossary.house import default_paths

    config, warnings = readable_glossaries(load_config((start or Path.cwd()).resolve()))
    shipped = default_paths()
    seen = {_resolved(p) for p in shipped}
    own = [p for p in config.glossaries if _resolved(p) not in seen]
    return [*shipped, *dict.fromkeys(own)], warnings


def load_house(
    explicit: Sequence[Path] = (),
    start: Path | None = None,
    *,
    warn: Callable[[str], None] | None = None,
) -> Glossary:
    """The house glossary a command uses: the files given with `--glossary` (`explicit`,
    instead of the others) when any, else `house_files(start)`; `warn` gets each warning."""
    from glossary.house import load_glossary

    if explicit:
        return load_glossary(explicit)
    return load_glossary(_house_files_warned(start, warn))


def load_own_house(
    explicit: Sequence[Path] = (),
    start: Path | None = None,
    *,
    warn: Callable[[str], None] | None = None,
) -> Glossary | None:
    """As `load_house`, but None when only the shipped files would be read: for a caller that
    loads those itself, and only when it needs them (`glossary repair`)."""
    from glossary.house import default_paths, load_glossary

    if explicit:
        return load_glossary(explicit)
    paths = _house_files_warned(start, warn)
    return None if paths == default_paths() else load_glossary(paths)


def _house_files_warned(start: Path | None, warn: Callable[[str], None] | None) -> list[Path]:
    paths, warnings = house_files(start)
    if warn is not None:
        for warning in warnings:
            warn(warning)
    return paths


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


_KEY_FOR = {
    "first_mention": "first-mention",
    "script": "script",
    "umlaut": "umlaut",
    "select": "select",
    "ignore": "ignore",
    "fail_level": "fail-level",
    "severity": "severity",
}
