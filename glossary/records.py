"""`NamedTuple` for the checker's records, without importing `typing` at run time.

Type checkers see `typing.NamedTuple` itself. At run time a class written
`class Finding(NamedTuple): ...` is built exactly as `typing.NamedTuple` builds it in
Python 3.11 (`collections.namedtuple` from the annotated fields and their defaults, then
the class body's methods, properties and docstring) but without typing's check of each
field's annotation: with `from __future__ import annotations` every annotation is a string
that typing compiles into a `ForwardRef`, ~130 us of every class, and the import of
`typing` itself is ~4 ms of every cold `glossary lint`. The annotations are kept as
written (`typing.get_type_hints` still resolves them).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    import collections

    # as typing's NamedTupleMeta: what a class body may not set, and what it does not copy
    _PROHIBITED = frozenset(
        {
            "__new__",
            "__init__",
            "__slots__",
            "__getnewargs__",
            "_fields",
            "_field_defaults",
            "_make",
            "_replace",
            "_asdict",
            "_source",
        }
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        def __new__(mcs, typename, bases, namespace):
            if bases != (_NamedTuple,):
                raise TypeError("a record derives from NamedTuple only")
            annotations = dict(namespace.get("__annotations__", {}))
            with_default = []
            for name in annotations:
                if name in namespace:
                    with_default.append(name)
                elif with_default:
                    raise TypeError(
                        f"Non-default namedtuple field {name} cannot follow default field"
                        f"{'s' if len(with_default) > 1 else ''} {', '.join(with_default)}"
                    )
            record = collections.namedtuple(
                typename,
                list(annotations),
                defaults=[namespace[name] for name in with_default],
                module=namespace["__module__"],
            )
            record.__annotations__ = record.__new__.__annotations__ = annotations
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in record._fields:
                    setattr(record, key, value)
            return record

    _NamedTuple = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename, fields=None, /, **kwargs):
        """Only the class syntax is supported here: `class Name(NamedTuple): ...`."""
        raise TypeError("define records with the class syntax: class Name(NamedTuple): ...")

    NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class SlotRecord:
    """A mutable record with a dataclass's field equality and repr, for plain classes with
    ``__slots__`` (the fields, in the constructor's order): defining a dataclass costs about
    a millisecond at every start. Not hashable (mutable, compared by value). Fields named in
    ``_REPR_HIDDEN`` are left out of the repr."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]
    _REPR_HIDDEN: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        fields: tuple[str, ...] = self.__slots__
        return tuple(getattr(self, name) for name in fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, SlotRecord)
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields: tuple[str, ...] = self.__slots__
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in fields if name not in self._REPR_HIDDEN
        )
        return f"{type(self).__name__}({shown})"


class FrozenSlotRecord:
    """An immutable record with a frozen dataclass's behaviour, for plain classes with
    ``__slots__`` (no `dataclasses` import: ~10 ms of a cold start). ``_FIELDS`` are the
    constructor's arguments in order (what a pickle stores); the first ``_COMPARED`` of them
    take part in equality, hash and repr (the others are filled in from compiled data)."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()
    _COMPARED: int = 0

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS[: self._COMPARED])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, FrozenSlotRecord)
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._FIELDS[: self._COMPARED]
        )
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return (self.__class__, tuple(getattr(self, name) for name in self._FIELDS))
