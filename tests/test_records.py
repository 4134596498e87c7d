"""glossary.records.NamedTuple builds the class typing.NamedTuple builds, without typing."""

from __future__ import annotations

import pickle
import subprocess
import sys
import typing

import pytest

from glossary import records


class Lean(records.NamedTuple):
    """A record."""

    code: str
    start: int
    fix: tuple[int, int] | None = None
    path: str = ""
    LIMIT = 3  # a class attribute, not a field

    @property
    def width(self) -> int:
        return len(self.code)

    def shifted(self, by: int) -> Lean:
        return self._replace(start=self.start + by)


class Typed(typing.NamedTuple):
    """A record."""

    code: str
    start: int
    fix: tuple[int, int] | None = None
    path: str = ""
    LIMIT = 3

    @property
    def width(self) -> int:
        return len(self.code)

    def shifted(self, by: int) -> Typed:
        return self._replace(start=self.start + by)


def test_same_class_as_typing_builds() -> None:
    lean, typed = Lean("GL101", 4), Typed("GL101", 4)
    assert Lean._fields == Typed._fields == ("code", "start", "fix", "path")
    assert Lean._field_defaults == Typed._field_defaults
    assert repr(lean).replace("Lean", "Typed") == repr(typed)
    assert tuple(lean) == tuple(typed) and lean == ("GL101", 4, None, "")
    assert hash(lean) == hash(typed)
    assert lean.shifted(2) == Lean("GL101", 6) and lean.width == 5 and Lean.LIMIT == 3
    assert lean._asdict() == typed._asdict()
    assert Lean._make(["x", 1, None, ""]) == Lean("x", 1)
    assert Lean.__doc__ == Typed.__doc__ == "A record."
    assert (Lean.__module__, Lean.__qualname__) == (__name__, "Lean")
    assert Lean.__new__.__defaults__ == Typed.__new__.__defaults__
    assert typing.get_type_hints(Lean) == typing.get_type_hints(Typed)
    assert pickle.loads(pickle.dumps(lean)) == lean
    with pytest.raises(AttributeError):
        lean.code = "GL102"  # type: ignore[misc]
    assert issubclass(Lean, tuple) and not isinstance(lean, Typed)


def test_same_errors_as_typing() -> None:
    def define(base: typing.Any) -> None:
        class Bad(base):  # type: ignore[misc, valid-type]
            a: int = 0
            b: str

    errors = []
    for base in (records.NamedTuple, typing.NamedTuple):
        with pytest.raises(TypeError) as caught:
            define(base)
        errors.append(str(caught.value))
    assert errors[0] == errors[1]
    with pytest.raises(AttributeError):

        class Prohibited(records.NamedTuple):  # type: ignore[misc]
            a: int

            def _replace(self, **changes: int) -> Prohibited:  # type: ignore[override]
                return self

    with pytest.raises(TypeError):
        records.NamedTuple("Functional", [("a", int)])  # type: ignore[call-overload]


def test_defining_records_does_not_import_typing() -> None:
    probe = (
        "import sys\n"
        "from glossary.records import NamedTuple\n"
        "class Point(NamedTuple):\n"
        "    x: int\n"
        "    y: int = 0\n"
        "assert Point(1) == (1, 0)\n"
        "print('typing' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
