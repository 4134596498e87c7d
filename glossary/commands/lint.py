"""`glossary lint PATH...`: check articles' Chinese names (the pre-publish hook).

Exit status: 0 nothing at or above the fail level, 1 findings, 2 could not run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.records import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from glossary.check.formatters import FileReport
    from glossary.config import Config

_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "exit status: 0 nothing at or above the fail level, 1 findings, 2 could not run. "
        "Settings: .glossary.toml or [tool.glossary] in pyproject.toml; see docs/lint.md."
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to check (folders: .md, .txt, .html ... recursively); - for stdin",
    )
    parser.add_argument(
        "--format",
        choices=["text", "json", "github", "sarif"],
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument("--fix", action="store_true", help="apply certain fixes to the files")
    parser.add_argument(
        "--diff",
        action="store_true",
        help="show the certain fixes as a unified diff, change nothing",
    )
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="name (and so format: .md, .html, .txt) of the text read from stdin",
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="check files in N processes"
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules (codes, prefixes or names)",
    )
    parser.add_argument("--ignore", action="append", metavar="CODES", help="leave out these rules")
    parser.add_argument(
        "--config", metavar="FILE", help="a .glossary.toml or pyproject.toml to use"
    )
    parser.add_argument(
        "--first-mention",
        choices=["infer", "tones+characters", "characters", "tones", "plain", "any"],
        help="what a first mention must carry (default: infer from the article)",
    )
    parser.add_argument(
        "--script",
        choices=["any", "simplified", "traditional", "traditional-for-hk-tw-mo"],
        help="which characters names are printed in (default: any)",
    )
    parser.add_argument(
        "--fail-level",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    parser.add_argument(
        "--glossary", action="append", metavar="FILE", help="an extra house glossary file"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file afresh (results are otherwise cached by content, settings, data)",
    )
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if args.first_mention:
        out["first-mention"] = args.first_mention
    if args.script:
        out["script"] = args.script
    if args.fail_level:
        out["fail-level"] = args.fail_level
    if args.select:
        out["select"] = [c for chunk in args.select for c in chunk.split(",") if c.strip()]
    if args.ignore:
        out["ignore"] = [c for chunk in args.ignore for c in chunk.split(",") if c.strip()]
    if args.glossary:
        out["glossaries"] = [str(Path(p).resolve()) for p in args.glossary]
    return out


def _collect(paths: Sequence[str]) -> tuple[list[str], int, list[str]]:
    """The files to check, how many files found in folders were skipped for their suffix,
    and the paths that do not exist.

    A file named on the command line is checked whatever its suffix (unknown: plain text)."""
    from glossary.check.formats import SUFFIXES

    files: list[str] = []
    missing: list[str] = []
    skipped = 0
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for child in path.rglob("*"):
                parts = child.relative_to(path).parts
                if any(
                    p in _SKIP_DIRS or (p.startswith(".") and p not in (".", "..")) for p in parts
                ):
                    continue
                if child.is_file():
                    if child.suffix.lower() in SUFFIXES:
                        found.append(str(child))
                    else:
                        skipped += 1
            files.extend(sorted(found))
        elif path.is_file():
            files.append(raw)
        else:
            missing.append(raw)
    return files, skipped, missing


def _read(path: str) -> str:
    from glossary.textio import read_text

    return read_text(path)


class _Task(NamedTuple):
    path: str  # "-" for stdin
    shown: str  # the name in reports
    config: Config
    mode: str  # "check" | "fix" | "diff"
    text: str | None = None  # stdin's text, read in the parent


class _Result(NamedTuple):
    report: FileReport
    fixed: str | None  # the text after fixes (fix and diff modes)
    fixes: int
    error: str | None = None  # why the file could not be read (the others are still checked)


def _run_task(task: _Task) -> _Result:
    from glossary.check.document import format_for, read_document
    from glossary.check.engine import check_document, fix_text
    from glossary.check.formatters import FileReport
    from glossary.check.knowledge import load_knowledge

    if task.text is not None:
        source = task.text
    else:
        try:
            source = _read(task.path)
        except GlossaryError as exc:
            return _Result(FileReport(task.shown, "", ()), None, 0, str(exc))
    knowledge = load_knowledge(task.config.glossaries)
    fmt = format_for(task.shown)
    fixed, count = None, 0
    if task.mode in ("fix", "diff"):
        fixed, count = fix_text(source, task.shown, task.config, knowledge, fmt=fmt)
    checked = fixed if task.mode == "fix" and fixed is not None else source
    findings = check_document(read_document(task.shown, checked, fmt), task.config, knowledge)
    return _Result(FileReport(task.shown, checked, tuple(findings)), fixed, count)


def _config_for(path: str, args: argparse.Namespace, cache: dict[Path, Config]) -> Config:
    from glossary.config import load_config

    overrides = _overrides(args)
    if args.config:
        key = Path(args.config)
        if key not in cache:
            if not key.is_file():
                raise GlossaryError(f"{args.config}: no such config file")
            cache[key] = load_config(explicit=key, overrides=overrides)
        return cache[key]
    if path == "-":  # the config of the file stdin stands for (as ruff does), else of here
        named = Path(args.stdin_filename) if args.stdin_filename else None
        folder = named.resolve().parent if named is not None else Path.cwd()
    else:
        folder = Path(path).resolve().parent
    if folder not in cache:
        cache[folder] = load_config(folder, overrides=overrides)
    return cache[folder]


def _validate(config: Config) -> None:
    from glossary.check.rules import rule_names
    from glossary.config import validate_selectors

    where = config.source or "command line"
    checks: list[tuple[str, Sequence[str]]] = [
        ("select", config.select),
        ("ignore", config.ignore),
        ("severity", [selector for selector, _ in config.severity]),
    ]
    for key, selectors in checks:

        def report(selector: str, key: str = key) -> GlossaryError:
            return GlossaryError(f"{where}: {key}: no rule matches {selector!r}")

        validate_selectors(selectors, rule_names(), report)


def _prepare(tasks: list[_Task]) -> None:
    """Import the checker and load the data every file needs (not the CC-CEDICT database:
    an SQLite connection must not cross a fork)."""
    from glossary.chars import readings
    from glossary.check.engine import check_document  # noqa: F401
    from glossary.check.knowledge import load_knowledge, surname_index
    from glossary.check.rules import all_rules
    from glossary.repair import find_repairs

    all_rules()
    readings("王")
    surname_index()
    find_repairs("Wรกng")  # compiles the repair module's patterns once, before the fork
    for glossaries in {t.config.glossaries for t in tasks}:
        knowledge = load_knowledge(glossaries)
        knowledge.house_by_hanzi("王")
        knowledge.by_name("Wang Yi", cedict=False)


def _results(tasks: list[_Task], jobs: int) -> Iterator[_Result]:
    if jobs <= 1 or len(tasks) < 2:
        for task in tasks:
            yield _run_task(task)
        return
    import multiprocessing

    fork = sys.platform == "linux"
    if fork:
        _prepare(tasks)  # load once here; forked workers share it instead of each loading it
    context = multiprocessing.get_context("fork" if fork else "spawn")
    chunk = max(1, min(32, len(tasks) // (jobs * 4)))
    with context.Pool(processes=jobs) as pool:
        yield from pool.imap(_run_task, tasks, chunksize=chunk)


class _ResultCache:
    """Findings of checked files under the user cache, keyed by everything that decides them:
    the text, the file's format, the settings, the glossary data and the checker's code."""

    def __init__(self) -> None:
        from glossary.resources import cache_dir

        self.folder = cache_dir() / "lint-results"
        self._fingerprint = _code_and_data_fingerprint()
        self.written = 0

    def _path(self, task: _Task) -> Path:
        from glossary.check.formats import format_for
        from glossary.resources import sha256

        digest = sha256()
        for part in (
            self._fingerprint,
            format_for(task.shown).value,
            task.shown,
            repr(task.config),
            _files_fingerprint(task.config.glossaries),
            task.text or "",
        ):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return self.folder / f"{digest.hexdigest()[:32]}.json"

    def get(self, task: _Task) -> FileReport | None:
        import json

        from glossary.check.findings import Finding, Fix, Severity
        from glossary.check.formatters import FileReport

        try:
            items = json.loads(self._path(task).read_text(encoding="utf-8"))
            findings = tuple(
                Finding(
                    code=i["code"],
                    rule=i["rule"],
                    severity=Severity(i["severity"]),
                    message=i["message"],
                    start=i["start"],
                    end=i["end"],
                    fix=Fix(*i["fix"]) if i["fix"] else None,
                    path=task.shown,
                    data=tuple(tuple(pair) for pair in i["data"]),
                )
                for i in items
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return FileReport(task.shown, task.text or "", findings)

    def put(self, task: _Task, report: FileReport) -> None:
        import json

        from glossary.resources import write_cache_bytes

        items = [
            {
                "code": f.code,
                "rule": f.rule,
                "severity": f.severity.value,
                "message": f.message,
                "start": f.start,
                "end": f.end,
                "fix": [f.fix.start, f.fix.end, f.fix.replacement] if f.fix else None,
                "data": [list(pair) for pair in f.data],
            }
            for f in report.findings
        ]
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = json.dumps(items, ensure_ascii=False).encode("utf-8")
            write_cache_bytes(self._path(task), data)
            self.written += 1
        except OSError:
            pass  # a cache that cannot be written is only slower

    def prune(self, keep: int = 5000) -> None:
        """Drop the oldest entries once there are more than `keep` (after a run that wrote)."""
        if not self.written:
            return
        try:
            # names first (a glob made a Path of each: ~12 ms for 3000 entries, every run
            # that wrote); times only when there is something to drop
            with os.scandir(self.folder) as found:
                names = [entry.name for entry in found if entry.name.endswith(".json")]
            if len(names) <= keep:
                return
            entries = [self.folder / name for name in names]
            entries.sort(key=lambda p: p.stat().st_mtime)
            for path in entries[: len(entries) - keep]:
                path.unlink(missing_ok=True)
        except OSError:
            pass


def _files_fingerprint(paths: Sequence[Path]) -> str:
    parts = []
    for path in paths:
        try:
            stat = path.stat()
            parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return ";".join(parts)


def _code_and_data_fingerprint() -> str:
    """Sizes and times of the checker's code and shipped data: any edit invalidates the cache.

    (os.scandir, not Path.rglob: a Path for every file of the package, bytecode included,
    cost ~1.5 ms of every cached run.)"""
    import glossary
    from glossary import __version__
    from glossary.resources import dictionaries_dir

    parts = [__version__, *_python_files(str(Path(glossary.__file__).resolve().parent))]
    data = dictionaries_dir()
    if data.is_dir():
        with os.scandir(data) as entries:
            parts += [_stat_part(e) for e in sorted(entries, key=_name) if e.is_file()]
    return ";".join(parts)


def _python_files(folder: str) -> list[str]:
    """`_stat_part` of every `*.py` under `folder`, sub-folders included, in name order."""
    with os.scandir(folder) as entries:
        ordered = sorted(entries, key=_name)
    parts = []
    for entry in ordered:
        if entry.is_dir():
            parts += _python_files(entry.path)
        elif entry.name.endswith(".py"):
            parts.append(_stat_part(entry))
    return parts


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _stat_part(entry: os.DirEntry[str]) -> str:
    try:
        stat = entry.stat()
    except OSError:
        return f"{entry.path}:missing"
    return f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}"


def _list_rules() -> int:
    from glossary.check.rules import all_rules

    for rule in all_rules():
        print(f"{rule.code}  {rule.severity.value:<7}  {rule.name}")
        print(f"        {rule.doc}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.list_rules:
        return _list_rules()
    if not args.paths:
        raise GlossaryError("no PATH given (use - to read standard input)")
    if args.fix and args.diff:
        raise GlossaryError("--fix and --diff cannot be combined")
    if args.jobs < 1:
        raise GlossaryError("--jobs must be at least 1")
    from glossary.check.formatters import OutputFormat, render, summary

    files, skipped, missing = _collect(args.paths)
    if files.count("-") > 1:
        raise GlossaryError("- (standard input) given more than once")
    if "-" in files and args.fix:
        raise GlossaryError("--fix cannot rewrite standard input; use --diff")
    mode = "fix" if args.fix else "diff" if args.diff else "check"
    for extra in args.glossary or ():
        if not Path(extra).is_file():  # named on the command line: a typo, not a plan
            raise GlossaryError(f"{extra}: no such glossary file")
    configs: dict[Path, Config] = {}
    tasks = []
    unreadable = 0  # like ruff and flake8: report each, check the rest, exit 2 at the end
    for raw in missing:
        _report_unreadable(f"{raw}: no such file or folder")
        unreadable += 1
    for path in files:
        config = _config_for(path, args, configs)
        shown = (args.stdin_filename or "<stdin>") if path == "-" else path
        try:
            text = _read(path) if (path == "-" or mode == "check") else None
        except GlossaryError as exc:
            _report_unreadable(str(exc))
            unreadable += 1
            continue
        tasks.append(_Task(path, shown, config, mode, text))
    tasks = _with_readable_glossaries(tasks)

    # Results are cached by content, settings, data and code: a hit skips the checker, and
    # only settings that were validated (by the run that filled the cache) can hit.
    cache = None if (mode != "check" or args.no_cache) else _ResultCache()
    reports: dict[int, FileReport] = {}
    if cache is not None:
        for i, task in enumerate(tasks):
            hit = cache.get(task)
            if hit is not None:
                reports[i] = hit
    pending = [i for i in range(len(tasks)) if i not in reports]
    if pending:
        for config in {id(c): c for c in configs.values()}.values():
            _validate(config)

    diffs = []
    changed = 0
    for i, result in zip(pending, _results([tasks[i] for i in pending], args.jobs), strict=True):
        task = tasks[i]
        if result.error is not None:  # read in the worker (--fix, --diff): reported, not checked
            _report_unreadable(result.error)
            unreadable += 1
            continue
        reports[i] = result.report
        if cache is not None:
            cache.put(task, result.report)
        if result.fixed is None or not result.fixes:
            continue
        if mode == "fix":
            from glossary.resources import atomic_write_text

            original = _read(task.path)
            if original != result.fixed:
                try:
                    atomic_write_text(Path(task.path), result.fixed)
                except OSError as exc:
                    raise GlossaryError(
                        f"{task.shown}: cannot write the fixes: {exc.strerror or exc}; "
                        "the file was not changed"
                    ) from None
                changed += 1
        else:
            diffs.append(_diff(task, result.fixed))
    if cache is not None:
        cache.prune()
    checked = [(reports[i], tasks[i]) for i in range(len(tasks)) if i in reports]
    ordered = [report for report, _ in checked]
    if mode == "diff":
        sys.stdout.write("".join(diffs))
        return 2 if unreadable else 1 if diffs else 0
    fmt = OutputFormat(args.format)
    rules: list[tuple[str, str, str]] = []
    if fmt is OutputFormat.SARIF:
        from glossary.check.rules import all_rules

        rules = [(r.code, r.name, r.doc) for r in all_rules()]
    sys.stdout.write(
        render(fmt, ordered, rules=rules, color=fmt is OutputFormat.TEXT and sys.stdout.isatty())
    )
    if fmt is OutputFormat.TEXT and (ordered or not unreadable):  # else the error lines say it
        line = summary(ordered)
        if skipped:
            count, rest = line.split(" checked", 1)
            line = f"{count} checked, {skipped} skipped (not {_handled()}){rest}"
        if unreadable:
            line += f"; {unreadable} file(s) could not be read"
        if mode == "fix":
            line += f"; fixed {changed} file(s)"
        print(line, file=sys.stderr)
    if unreadable:
        return 2  # could not run on every file: that beats findings
    failing = False
    for report, task in checked:
        level = task.config.fail_level
        if any(f.severity.rank >= level.rank for f in report.findings):
            failing = True
    return 1 if failing else 0


def _report_unreadable(message: str) -> None:
    print(f"glossary lint: error: {message}", file=sys.stderr)


def _handled() -> str:
    """The suffixes a folder walk checks, for the summary: `.txt/.md/.html`."""
    from glossary.check.formats import SUFFIXES, Format

    main = {Format.TEXT: ".txt", Format.MARKDOWN: ".md", Format.HTML: ".html"}
    return "/".join(main[f] for f in dict.fromkeys(SUFFIXES.values()) if f in main)


def _with_readable_glossaries(tasks: list[_Task]) -> list[_Task]:
    """The tasks with configured glossary files that do not exist yet read as empty, each
    reported once on standard error (a file that exists but is bad still stops the run)."""
    from glossary.config import readable_glossaries
    from glossary.textio import warn

    readable: dict[int, Config] = {}
    warned: set[str] = set()
    out = []
    for task in tasks:
        config = readable.get(id(task.config))
        if config is None:
            config, warnings = readable_glossaries(task.config)
            readable[id(task.config)] = config
            for warning in warnings:
                if warning not in warned:
                    warned.add(warning)
                    warn(warning)
        out.append(task._replace(config=config))
    return out


def _diff(task: _Task, fixed: str) -> str:
    import difflib

    original = task.text if task.text is not None else _read(task.path)
    lines = difflib.unified_diff(
        _split_lines(original),
        _split_lines(fixed),
        fromfile=f"a/{task.shown}",
        tofile=f"b/{task.shown}",
    )
    out = "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )
    return out


def _split_lines(text: str) -> list[str]:
    """Lines with their endings, broken where the checker breaks them (\\r\\n, \\r, \\n):
    str.splitlines also breaks at form feeds and U+2028, which would mark those lines as
    having no newline."""
    import re

    return re.findall(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z", text)
