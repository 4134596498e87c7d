"""Mojibake repair: find runs of text that went through a broken encoding and undo them.

Public API (see docs/architecture.md): ``Repair``, ``find_repairs(text)``,
``repair_text(text)``. Modules, one job each: ``charmaps`` (the pipelines),
``plausible`` (how likely a character is), ``single`` and ``double``
(decoders for single- and double-byte code pages), ``seed`` and
``windows1252`` (when those chains apply), ``runs`` (where to look),
``context`` (choosing among candidates for lost bytes), ``lost`` (U+FFFD and
锟斤拷), ``engine`` (putting it together). See docs/repair.md.
"""

from glossary.repair.engine import Repair, apply_repairs, find_repairs, repair_text

__all__ = ["Repair", "apply_repairs", "find_repairs", "repair_text"]
