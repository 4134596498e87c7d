"""The romanizer's given-name reading counts (from CC-CEDICT's people) kept in the user cache
are the counts themselves, in the order counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import romanize


def test_cached_name_reading_counts_are_the_counted_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    direct = romanize._count_name_readings()
    assert len(direct) > 100
    romanize._name_reading_counts.cache_clear()
    try:
        for _ in range(2):  # counted and written, then read back
            romanize._name_reading_counts.cache_clear()
            counts = romanize._name_reading_counts()
            assert counts == direct
            assert list(counts) == list(direct)
            assert all(list(counts[c].items()) == list(direct[c].items()) for c in direct)
        assert len(list(tmp_path.glob("name-reading-counts-*.json"))) == 1
    finally:
        romanize._name_reading_counts.cache_clear()


def test_the_counts_key_covers_the_index_and_the_counting_code() -> None:
    key = romanize._name_counts_key()
    assert key is not None and key.startswith("v1-")
    assert key == romanize._name_counts_key()  # stable for the same index and code
