"""The speed targets of ``make bench``, and how its figures read in Indonesian.

One list for both sides: ``bench/run.py`` judges every measured figure
against :data:`TARGETS` and prints their labels; the Kinerja page
(``sitebuild/hooks/benchmark.py``) shows the same labels, judges the stored
figures against the same limits, and lists the targets in its own table
(``[[target-kinerja]]``). A limit is written once; its label is made from it.

>>> TARGETS["ready_ratio"].label
'siap ≤ 0,9 × Pyodide polos'
>>> TARGETS["warm_ready_ms"].met(1400.0), TARGETS["warm_ready_ms"].met(None)
(True, None)
>>> show(1234.5, "ms"), show(5_190_914, "bytes"), show(0.97, "score")
('1,23 s', '5,19 MB', '0,97')
"""

from __future__ import annotations

import dataclasses

from simulators._format import format_number

__all__ = ["TARGETS", "Target", "show"]


def _num(value: float, digits: int) -> str:
    """Indonesian digits with a fixed number of decimals: ``5.2, 2`` → ``"5,20"``."""
    return format_number(value, decimals=digits, min_decimals=digits)


def show(value, kind: str) -> str:
    """A measured value in Indonesian: ``1234.5`` ms → ``"1,23 s"``; ``None`` → ``"–"``."""
    if value is None:
        return "–"
    if kind == "ms":
        return f"{_num(value / 1000, 2)} s" if value >= 1000 else f"{_num(value, 0)} ms"
    if kind == "fine_ms":
        return f"{_num(value, 1)} ms"
    if kind == "bytes":
        return f"{_num(value / 1e6, 2)} MB" if value >= 1e6 else f"{_num(value / 1e3, 0)} KB"
    if kind == "ratio":
        return f"{_num(value, 2)} ×"
    if kind == "score":
        return _num(value, 2)
    if kind == "bool":
        return "ya" if value else "tidak"
    raise ValueError(kind)


def _limit(value, kind: str) -> str:
    """A target's limit as people write it: ``1000`` ms → ``"1,0 s"``, ``0.9`` → ``"0,9 ×"``."""
    if kind in ("ms", "fine_ms"):
        return f"{format_number(value / 1000, decimals=2, min_decimals=1)} s" if value >= 1000 else f"{format_number(value)} ms"
    if kind == "bytes":
        return f"{format_number(value / 1e3)} KB"
    if kind == "ratio":
        return f"{format_number(value)} ×"
    return format_number(value)


@dataclasses.dataclass(frozen=True)
class Target:
    """One target: ``value op limit``; ``text`` has ``{}`` where "≤ 1,0 s" goes."""

    op: str  # "≤", "≥" or "=" (a fixed value, with no limit in the label)
    limit: float | bool
    kind: str  # how the figure reads: see show()
    text: str
    where: str = "setiap kalkulator"  # which pages it is measured on, for the Kinerja page

    @property
    def label(self) -> str:
        return self.text.format(f"{self.op} {_limit(self.limit, self.kind)}") if "{}" in self.text else self.text

    def met(self, value) -> bool | None:
        """Whether ``value`` meets the target; ``None`` when nothing was measured."""
        if value is None:
            return None
        return {"≤": value <= self.limit, "≥": value >= self.limit, "=": value == self.limit}[self.op]


TARGETS: dict[str, Target] = {
    "first_result_ms": Target("≤", 1000, "ms", "hasil pertama {}"),
    "ready_ratio": Target("≤", 0.9, "ratio", "siap {} Pyodide polos"),
    # a shared link with the sender's inputs, cold cache: the reader's own number
    "shared_ratio": Target("≤", 0.8, "ratio", "tautan bersama: angka sendiri {} Pyodide polos"),
    # the calculator opened after a chapter fetched the runtime ahead (assets/calc/warm.js)
    "warmed_own_ms": Target("≤", 1500, "ms", "dari bab: angka sendiri {}", "kalkulator ROI iklan, dibuka dari bab Iklan & ROI"),
    "recompute_p95_ms": Target("≤", 50, "fine_ms", "hitung ulang p95 {}"),
    "warm_ready_ms": Target("≤", 1500, "ms", "kunjungan kedua siap {}"),
    "chapter_bytes": Target("≤", 400_000, "bytes", "halaman bab {}", "halaman bab"),
    "chapter_pyodide": Target("=", False, "bool", "halaman bab tanpa berkas Pyodide", "halaman bab"),
    "lighthouse_chapter": Target("≥", 0.98, "score", "Lighthouse bab {}", "halaman bab"),
    "lighthouse_calculator": Target("≥", 0.95, "score", "Lighthouse kalkulator {}"),
    "tbt_ms": Target("≤", 200, "ms", "Total Blocking Time {}", "halaman bab dan setiap kalkulator"),
}
