"""Configuration: file discovery, validation with file/line/key, immutability."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.check.findings import Severity
from glossary.config import (
    Config,
    FirstMention,
    ScriptPolicy,
    Umlaut,
    config_from_table,
    find_config_file,
    load_config,
)
from glossary.errors import DataError


def test_defaults() -> None:
    config = Config()
    assert config.first_mention is FirstMention.INFER
    assert config.script is ScriptPolicy.ANY
    assert config.umlaut is Umlaut.DIAERESIS
    assert config.fail_level is Severity.WARNING
    assert config.enabled("GL101", "pinyin-mismatch")
    with pytest.raises(AttributeError):
        config.script = ScriptPolicy.SIMPLIFIED  # type: ignore[misc]


def test_all_keys(tmp_path: Path) -> None:
    (tmp_path / "extra.toml").write_text("")
    path = tmp_path / ".glossary.toml"
    path.write_text(
        'first-mention = "tones+characters"\nscript = "traditional-for-hk-tw-mo"\n'
        'umlaut = "yu"\nselect = ["GL1", "GL2"]\nignore = "GL205, GL206"\n'
        'fail-level = "error"\nglossaries = ["extra.toml"]\n[severity]\nGL303 = "info"\n'
        '"name-order" = "error"\n'
    )
    config = load_config(tmp_path)
    assert config.first_mention is FirstMention.TONES_CHARACTERS
    assert config.script is ScriptPolicy.TRADITIONAL_FOR_HK_TW_MO
    assert config.umlaut is Umlaut.YU
    assert config.select == ("GL1", "GL2") and config.ignore == ("GL205", "GL206")
    assert config.fail_level is Severity.ERROR
    assert config.glossaries == (tmp_path / "extra.toml",)
    assert config.severity_override("GL303", "repeated-characters") is Severity.INFO
    assert config.severity_override("GL209", "name-order") is Severity.ERROR
    assert not config.enabled("GL205", "umlaut")
    assert not config.enabled("GL301", "inconsistent-spelling")
    assert config.enabled("GL101", "pinyin-mismatch")


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ('script = "any"\nscript2 = 1\n', 2, "script2"),
        ('first-mention = "bold"\n', 1, "first-mention"),
        ("fail-level = 3\n", 1, "fail-level"),
        ('[severity]\nGL101 = "loud"\n', 2, "severity.GL101"),
        ("select = 5\n", 1, "select"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path: Path, text: str, line: int, key: str) -> None:
    path = tmp_path / ".glossary.toml"
    path.write_text(text)
    with pytest.raises(DataError) as error:
        load_config(tmp_path)
    assert (error.value.path, error.value.line, error.value.field) == (str(path), line, key)


def test_discovery_prefers_the_nearest_file(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.glossary]\nscript = "simplified"\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    assert find_config_file(inner) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".glossary.toml").write_text('script = "traditional"\n')
    find_config_file.cache_clear()
    assert load_config(inner).script is ScriptPolicy.TRADITIONAL
    # a pyproject.toml without [tool.glossary] is not a config file
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    find_config_file.cache_clear()
    assert find_config_file(inner) == tmp_path / "a" / ".glossary.toml"


def test_command_line_overrides_file(tmp_path: Path) -> None:
    (tmp_path / ".glossary.toml").write_text('script = "simplified"\nignore = ["GL1"]\n')
    config = load_config(tmp_path, overrides={"script": "traditional"})
    assert config.script is ScriptPolicy.TRADITIONAL and config.ignore == ("GL1",)


def test_table_without_file() -> None:
    assert config_from_table({}, "x") == Config(source="x")


def test_config_is_a_value() -> None:
    """Equal settings are equal and hash alike (lint caches configs per folder and keys its
    result cache on the repr); `_replace` makes a changed copy and leaves the original."""
    config = Config()
    changed = config._replace(script=ScriptPolicy.SIMPLIFIED)
    assert config.script is ScriptPolicy.ANY and changed.script is ScriptPolicy.SIMPLIFIED
    assert changed == Config(script=ScriptPolicy.SIMPLIFIED) and changed != config
    assert hash(changed) == hash(Config(script=ScriptPolicy.SIMPLIFIED))
    assert repr(config).startswith("Config(first_mention=<FirstMention.INFER: 'infer'>, script=")
    assert repr(config).endswith(", glossaries=(), source=None)")


@pytest.mark.parametrize(
    "text",
    [
        '[tool.glossary]\nscript = "traditional"\n',
        '[ tool . "glossary" ]\nscript = "traditional"\n',
        '[tool]\nglossary = { script = "traditional" }\n',
        'tool.glossary.script = "traditional"\n[project]\nname = "x"\n',
        '[tool]\nglossary.script = "traditional"\n',
    ],
)
def test_every_toml_spelling_of_the_tool_table_is_found(tmp_path: Path, text: str) -> None:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    find_config_file.cache_clear()
    assert find_config_file(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path).script is ScriptPolicy.TRADITIONAL


def test_a_pyproject_that_only_names_glossary_is_no_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "glossary"\n[tool.ruff]\nline-length = 100\n', encoding="utf-8"
    )
    find_config_file.cache_clear()
    assert find_config_file(tmp_path) is None


def test_a_bad_value_under_a_dotted_key_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool]\nglossary.script = "cyrillic"\n', encoding="utf-8"
    )
    find_config_file.cache_clear()
    with pytest.raises(DataError) as error:
        load_config(tmp_path)
    assert (error.value.line, error.value.field) == (5, "script")


def test_a_project_named_glossary_is_not_parsed_to_find_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No TOML parser (a few ms of every lint) for a pyproject without the table's shape."""
    import tomllib

    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "glossary"\n[project.scripts]\nglossary = "glossary.cli:run"\n'
        '[tool.ruff]\nsrc = ["glossary"]\n',
        encoding="utf-8",
    )

    def refuse(text: str) -> object:
        raise AssertionError("parsed")

    monkeypatch.setattr(tomllib, "loads", refuse)
    find_config_file.cache_clear()
    assert find_config_file(tmp_path) is None
