"""Where the shipped data and the user cache live, and how files are written safely.

Nothing here imports a heavy library: the CLI calls it at start-up (`tempfile` and `shutil`
are imported only by the functions that write a user's file or a sharded cache, `json` by
those that read a cache).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    class Digest(Protocol):
        def update(self, data: bytes, /) -> None: ...

        def hexdigest(self) -> str: ...


@cache
def dictionaries_dir() -> Path:
    """The shipped `dictionaries/` folder.

    In a wheel it is copied to `glossary/_dictionaries`; in a source checkout
    (editable install, tests) it is the repository's top-level `dictionaries/`.
    (Found once per process: a lint run asks dozens of times.)
    """
    package = Path(__file__).resolve().parent
    bundled = package / "_dictionaries"
    if bundled.is_dir():
        return bundled
    return package.parent / "dictionaries"


def cache_dir() -> Path:
    """The per-user cache for compiled indexes (`GLOSSARY_CACHE_DIR` overrides)."""
    environ = os.environ
    return _cache_dir(
        environ.get("GLOSSARY_CACHE_DIR"), environ.get("XDG_CACHE_HOME"), environ.get("HOME")
    )


@cache
def _cache_dir(override: str | None, xdg: str | None, home: str | None) -> Path:
    """`cache_dir` for these values of the environment: a lint run asks dozens of times, and
    building the path costs ~45 µs (`home` is in the key for `Path.home()`)."""
    if override:
        return Path(override)
    base = xdg or str(Path.home() / ".cache")
    return Path(base) / "glossary"


def sha256(data: bytes = b"") -> Digest:
    """``hashlib.sha256(data)``, from CPython's own SHA-256 module when there is one.

    `hashlib` loads OpenSSL's libcrypto (about 3.5 ms, paid by every cold `glossary lint`) to
    hash a few files of a few KB; `random` takes its SHA-512 from the lean module the same
    way. The digest is the same either way."""
    digest: Digest = _sha256_type()(data)
    return digest


@cache
def _sha256_type() -> Callable[[bytes], Digest]:
    try:
        from _sha256 import sha256  # CPython 3.11, the version the project declares
    except ImportError:  # (3.12 renamed it; there and elsewhere, hashlib's is the same digest)
        from hashlib import sha256
    return sha256


def sources_digest(paths: Iterable[Path], *, salt: str = "") -> str:
    """A short hash of files' contents, to key caches compiled from them."""
    digest = sha256(salt.encode())
    for path in sorted(paths):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def atomic_write_bytes(path: Path, data: bytes, *, backup: bool = False) -> None:
    """Write `data` to `path` via a temp file in the same folder and a rename.

    A reader never sees a half-written file; on any error the original is
    untouched. With `backup`, the previous content is kept as `path~`. A symlink
    stays a symlink: its target is written (and backed up beside the target). A
    file without write permission is not replaced (PermissionError), though
    renaming over it would succeed: the user made it read-only.
    """
    import tempfile

    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.exists() and (not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)):
        import errno

        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            tmp.chmod(path.stat().st_mode & 0o7777)
            if backup:
                backup_path = path.with_name(path.name + "~")
                backup_path.write_bytes(path.read_bytes())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, *, backup: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), backup=backup)


def write_cache_bytes(path: Path, data: bytes) -> None:
    """Write a file of our own cache: a reader sees the old file or the whole new one (a temp
    file beside it, then a rename), as with `atomic_write_bytes`, but without its fsync,
    symlink and permission care, or its `tempfile` import (~7 ms, paid by every lint run
    that stores a result): a cache file lost in a crash is only computed again."""
    for attempt in range(100):
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{attempt}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # left by a process with our id that was killed: try another
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return
    raise FileExistsError(f"{path}: no free temporary name beside it")


def load_compiled(
    name: str, key: str, build: Callable[[], object], *, family: str = "", keep: int = 0
) -> object:
    """Load data compiled once into the user cache, building it when absent or stale.

    ``key`` identifies the sources (e.g. a hash of the files, a library
    version); a cache file under another key is ignored and replaced. The
    file holds plain JSON data (loading it runs no code, and it loads faster
    than marshal or pickle for string tables) written atomically into our
    own cache folder. If the cache folder cannot be written, the data is
    built in memory each time.

    ``family`` and ``keep``: when several names share a prefix (one compiled house
    glossary per set of files, ``house-<set>``), only the ``keep`` most recent files of
    ``family-*.json`` are kept after a build.
    """
    import json

    path = cache_dir() / f"{name}-{key}.json"
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_cache_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
        for stale in _superseded(path.parent, name, key, ".json"):
            stale.unlink(missing_ok=True)
        if family and keep:
            kin = sorted(path.parent.glob(f"{family}-*.json"), key=_mtime)
            for old in kin[:-keep]:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return data


def load_compiled_bytes(
    name: str,
    key: str,
    build: Callable[[], bytes],
    *,
    valid: Callable[[bytes], bool],
    suffix: str = ".bin",
) -> bytes | None:
    """`load_compiled` for a binary table: the cache file's bytes when it is there and
    ``valid``, else built, written and returned; None, without building, when the cache
    folder cannot be made (a table built for one run costs more than the run needs)."""
    path = cache_dir() / f"{name}-{key}{suffix}"
    try:
        data = path.read_bytes()
        if valid(data):
            return data
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    data = build()
    try:
        write_cache_bytes(path, data)
        for stale in _superseded(path.parent, name, key, suffix):
            stale.unlink(missing_ok=True)
    except OSError:
        pass
    return data


def _superseded(folder: Path, name: str, key: str, suffix: str) -> list[Path]:
    """Cache entries of ``name`` under other keys that can go, once ``key``'s is written.

    Two rules keep one name's clean-up from hurting others. An entry belongs to ``name``
    only if what follows ``name-`` has the shape of ``key`` (as many dashes): otherwise
    ``opencc-chars-<key>`` would count as an ``opencc`` entry, and building one table
    would delete the other. And the most recent other version is kept: two installs of
    the tool at different versions (a pre-commit environment and a development one)
    share the cache, and would otherwise rebuild each other's data at every run.
    """
    prefix, dashes = f"{name}-", key.count("-")
    others = []
    for entry in folder.glob(f"{_glob_escape(name)}-*{suffix}"):
        rest = entry.name[len(prefix) : len(entry.name) - len(suffix)]
        if rest != key and rest.count("-") == dashes and not entry.name.startswith("."):
            others.append(entry)
    if len(others) <= 1:
        return []
    others.sort(key=_mtime)
    return others[:-1]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _glob_escape(text: str) -> str:
    """``text`` with glob's special characters matched literally."""
    return "".join(f"[{c}]" if c in "*?[]" else c for c in text)


def shard_cache_usable(name: str, key: str) -> bool:
    """Whether `load_shard`'s folder for ``name``/``key`` exists or can be written.

    Building every shard of a table can cost seconds; a caller that cannot keep them
    answers from its sources instead (checked once per process by the callers)."""
    folder = cache_dir()
    if (folder / f"{name}-{key}").is_dir():
        return True
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def load_shard(name: str, key: str, shard: str, build: Callable[[], dict[str, object]]) -> object:
    """One shard of a table compiled into the user cache as a folder of small JSON files.

    For big tables read a few entries at a time (character readings): a lint
    run loads the shards it touches, not the whole table. ``build`` returns
    every shard by name; the folder is written complete under a temporary
    name and renamed, so a shard missing from an existing folder is empty
    (``None``). Without a writable cache, shards come from ``build`` directly.
    """
    import json

    folder = cache_dir() / f"{name}-{key}"
    try:
        return json.loads((folder / f"{shard}.json").read_bytes())
    except FileNotFoundError:
        if folder.is_dir():
            return None
    except (OSError, ValueError):
        pass
    import shutil
    import tempfile

    shards = build()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=folder.parent))
        for shard_name, data in shards.items():
            (tmp / f"{shard_name}.json").write_bytes(
                json.dumps(data, ensure_ascii=False).encode("utf-8")
            )
        try:
            tmp.rename(folder)
        except OSError:  # another process won the race: its folder is as good as ours
            shutil.rmtree(tmp, ignore_errors=True)
        for stale in _superseded(folder.parent, name, key, ""):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
    except OSError:
        pass
    return shards.get(shard)


def load_regex(name: str, pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, with the compiled program kept in the user cache.

    CPython compiles a pattern with Python code (parser, optimiser, code generator): a
    character class of thousands of characters costs milliseconds at every start. The
    result is a list of integers that ``_sre.compile`` takes directly, the same call
    ``re.compile`` ends with, so the pattern object is equal to ``re.compile``'s. The
    format is CPython's own: the key covers the exact Python version and the pattern,
    and on any error (another implementation, a changed internal) ``re.compile`` answers.
    """
    try:
        key = _regex_key(pattern)
        data = load_compiled(f"regex-{name}", key, lambda: _regex_program(pattern))
        return _regex_from_program(pattern, data)
    except Exception:  # any failure: the ordinary, slower way
        return re.compile(pattern)


def load_regexes(name: str, patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """`load_regex` for a module's patterns (by key) together, kept in one cache file.

    Each of a dozen small patterns costs a fraction of a millisecond to compile at every
    start; read together they cost one small file. Flags go inline (``(?s)``).
    """
    try:
        key = _regex_key("\0\0".join(f"{k}\0{p}" for k, p in patterns.items()))
        data = load_compiled(
            f"regexes-{name}", key, lambda: {k: _regex_program(p) for k, p in patterns.items()}
        )
        assert isinstance(data, dict)
        return {k: _regex_from_program(p, data[k]) for k, p in patterns.items()}
    except Exception:  # any failure: the ordinary, slower way
        return {k: re.compile(p) for k, p in patterns.items()}


def load_regex_table(
    name: str, key: str, record: Callable[[], list[tuple[str, int]]]
) -> list[tuple[str, int, re.Pattern[str]]]:
    """``re.compile(pattern, flags)`` for each (pattern, flags) that ``record`` lists, kept
    compiled in the user cache (CPython's own programs, as `load_regex`) under ``key`` and
    the Python version; ``record`` runs only when the cache has no such list. Empty when
    anything fails or the cache cannot be kept (then nothing is gained by recording)."""
    try:
        if not shard_cache_usable("regex-table", key):
            return []
        full_key = _regex_key(f"{name}\0{key}")
        data = load_compiled(
            f"regex-table-{name}",
            full_key,
            lambda: [[p, f, _regex_program(p, f)] for p, f in record()],
        )
        assert isinstance(data, list)
        return [(p, f, _regex_from_program(p, program)) for p, f, program in data]
    except Exception:  # any failure: nothing precompiled
        return []


def _regex_key(text: str) -> str:
    """A cache key for compiled programs: CPython's version and the patterns."""
    import _sre
    import sys

    salt = f"{sys.implementation.name}\0{sys.version}\0{_sre.MAGIC}\0{text}"
    return sha256(salt.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _regex_program(pattern: str, flags: int = 0) -> dict[str, object]:
    """What ``_sre.compile`` needs, as ``re.compile(pattern, flags)`` computes it (plain JSON
    data)."""
    from importlib import import_module

    _compiler, _parser = import_module("re._compiler"), import_module("re._parser")
    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for group, index in state.groupdict.items():
        indexgroup[index] = group
    return {
        "flags": flags | state.flags,
        "code": _compiler._code(parsed, flags),
        "groups": state.groups - 1,
        "groupindex": dict(state.groupdict),
        "indexgroup": indexgroup,
    }


def _regex_from_program(pattern: str, data: object) -> re.Pattern[str]:
    import _sre

    assert isinstance(data, dict)
    compiled: re.Pattern[str] = _sre.compile(
        pattern,
        data["flags"],
        data["code"],
        data["groups"],
        data["groupindex"],
        tuple(data["indexgroup"]),
    )
    return compiled
