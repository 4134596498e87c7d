"""The compiled-data cache: built once, rebuilt when its key changes, old sets pruned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary.resources import load_compiled, load_shard


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_built_once_then_read_from_the_cache(cache: Path) -> None:
    builds: list[int] = []

    def build() -> object:
        builds.append(1)
        return {"杨": ["yáng"]}

    assert load_compiled("table", "k1", build) == {"杨": ["yáng"]}
    assert load_compiled("table", "k1", build) == {"杨": ["yáng"]}
    assert len(builds) == 1
    assert [p.name for p in cache.iterdir()] == ["table-k1.json"]


def test_a_new_key_prunes_all_but_the_previous_version(cache: Path) -> None:
    for number in (1, 2):
        load_compiled("table", f"k{number}", lambda n=number: [n])
        os.utime(cache / f"table-k{number}.json", (1_000_000 + number,) * 2)
    assert load_compiled("table", "k3", lambda: [3]) == [3]
    # k1 goes; k2 stays, so two installs at different versions do not rebuild in turn
    assert sorted(p.name for p in cache.iterdir()) == ["table-k2.json", "table-k3.json"]
    assert load_compiled("table", "k2", lambda: [0]) == [2]  # still read, not rebuilt


def test_another_name_sharing_the_prefix_is_left_alone(cache: Path) -> None:
    for key in ("a1", "a2"):
        load_compiled("opencc-chars", f"tables1-{key}", lambda: [0])
    load_compiled("opencc", "k1", lambda: [1])
    load_compiled("opencc", "k2", lambda: [2])
    load_compiled("opencc", "k3", lambda: [3])
    names = sorted(p.name for p in cache.iterdir())
    assert names == [
        "opencc-chars-tables1-a1.json",
        "opencc-chars-tables1-a2.json",
        "opencc-k2.json",
        "opencc-k3.json",
    ]


def test_shard_folders_of_another_name_survive(cache: Path) -> None:
    load_shard("opencc-chars", "tables1-x", "s", lambda: {"s": [1]})
    for key in ("k1", "k2", "k3"):
        load_shard("opencc", key, "s", lambda: {"s": [2]})
    folders = sorted(p.name for p in cache.iterdir())
    assert folders == ["opencc-chars-tables1-x", "opencc-k2", "opencc-k3"]


def test_a_damaged_file_is_rebuilt(cache: Path) -> None:
    load_compiled("table", "k1", lambda: [1])
    (cache / "table-k1.json").write_text("{not json", encoding="utf-8")
    assert load_compiled("table", "k1", lambda: [2]) == [2]


def test_a_family_keeps_only_its_most_recent_sets(cache: Path) -> None:
    for number in range(5):
        load_compiled(f"house-set{number}", "k", lambda n=number: [n], family="house", keep=3)
        path = cache / f"house-set{number}-k.json"
        os.utime(path, (1_000_000 + number, 1_000_000 + number))  # distinct mtimes
    load_compiled("house-set5", "k", lambda: [5], family="house", keep=3)
    kept = sorted(p.name for p in cache.glob("house-*.json"))
    assert kept == ["house-set3-k.json", "house-set4-k.json", "house-set5-k.json"]


def test_an_unwritable_cache_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    assert load_compiled("table", "k", lambda: [1]) == [1]


def test_write_cache_bytes_replaces_whole_files_and_leaves_no_temp(tmp_path: Path) -> None:
    import stat

    from glossary.resources import write_cache_bytes

    path = tmp_path / "entry.json"
    write_cache_bytes(path, b"[1]")
    write_cache_bytes(path, b"[2]")
    assert path.read_bytes() == b"[2]"
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]  # no temporary file left
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # as tempfile's files were
    stale = tmp_path / f".entry.json.{os.getpid()}-0.tmp"  # a killed process's leftover
    stale.write_bytes(b"")
    write_cache_bytes(path, b"[3]")
    assert path.read_bytes() == b"[3]" and stale.exists()
    with pytest.raises(OSError):
        write_cache_bytes(tmp_path / "missing" / "entry.json", b"[4]")
