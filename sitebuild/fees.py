"""The fee schedules of data/fees.csv written for a reader: Markdown tables per platform.

The numbers and dates come from the rows (read and checked by
``simulators.fee_schedule``), formatted the Indonesian way by
``sitebuild.figures``; nothing here types a figure. Each fee carries its
"per <tanggal>" and a footnote label given by the caller's ``cite``.

>>> from datetime import date
>>> from simulators.fee_schedule import schedule
>>> row = schedule().lookup("tokopedia", "mall", "fashion", "bebas_ongkir", on=date(2026, 1, 1))
>>> amount_text(row)
'4 %, maks. Rp 20.000 per item'
>>> since_text(row)
'per 10 Januari 2025'
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from simulators.fee_schedule import ALL, CATEGORY_GROUPS, ITEMS, PLATFORMS, TIERS, FeeRow, Schedule, months_before
from sitebuild.figures import Figure, format_date, format_range, format_value

__all__ = ["TAX", "amount_text", "describe", "platform_section", "since_text", "tax_section"]

TAX = "pajak"  # [[tabel-biaya:pajak]]: the rows that are law, not a platform's price (PPh 22)
STALE_MONTHS = 6

Cite = Callable[[FeeRow], str]


def _nbsp(text: str) -> str:
    """Keep "Rp" with its number, a number with its "%", and a range whole, on one line of a phone screen."""
    return text.replace("Rp ", "Rp\u00a0").replace(" %", "\u00a0%").replace("–", "–\u2060")


def amount_text(row: FeeRow) -> str:
    """The fee as a reader reads it: ``"4,25–9 %"``, ``"Rp 1.250 per pesanan"``, ``"50 pesanan pertama"``."""
    if row.unit == "pecahan":
        if row.value_low is not None:
            text = format_range(Figure("", row.value_low_text, "pecahan", ""), Figure("", row.value_text, "pecahan", ""))
        else:
            text = format_value(row.value_text, "pecahan")
        if row.cap is not None:
            text += f", maks. {format_value(row.cap_text, 'Rupiah')} per item"
        return text
    if row.unit == "pesanan":
        return f"{format_value(row.value_text, 'pesanan')} pertama"
    return format_value(row.value_text, row.unit)


def since_text(row: FeeRow) -> str:
    """``"per 20 Juli 2025"``; a row that has ended also says until when."""
    text = f"per {format_date(row.valid_from_text)}"
    if row.valid_until is not None:
        text += f" s.d. {format_date(row.valid_until.isoformat())}"
    return text


def _tiers_text(row: FeeRow, platform: str) -> str:
    if ALL in row.tiers:
        return ""
    return ", ".join(TIERS[platform][t] for t in row.tiers)


def _groups_text(row: FeeRow) -> str:
    if ALL in row.groups:
        return ""
    return ", ".join(CATEGORY_GROUPS[g] for g in row.groups)


def describe(row: FeeRow) -> str:
    """One line naming who pays what from when, for the sources page.

    >>> from datetime import date
    >>> from simulators.fee_schedule import schedule
    >>> describe(schedule().lookup("shopee", "star", "fashion", "komisi", on=date(2026, 3, 1)))
    'Shopee (Non-Star, Star, Star+; Fashion): Komisi platform (biaya administrasi) 4,25–9 % per 1 Januari 2026'
    """
    platforms = " dan ".join(PLATFORMS[p] for p in row.platforms) if len(row.platforms) <= 2 else "semua marketplace"
    who = "; ".join(part for part in (_tiers_text(row, row.platforms[0]), _groups_text(row)) if part)
    head = f"{platforms} ({who})" if who else platforms
    return f"{head}: {ITEMS[row.item].label} {amount_text(row)} {since_text(row)}"


def _cell(row: FeeRow | None, cite: Cite) -> str:
    if row is None:
        return "belum ada data"
    return f"{_nbsp(amount_text(row))}[^{cite(row)}]<br><small>{since_text(row)}</small>"


def _commission_table(schedule: Schedule, platform: str, on: date, cite: Cite) -> list[str]:
    """Category groups down, tiers across; tiers with the very same rows share one column."""
    columns: dict[tuple, list[str]] = {}
    for tier in TIERS[platform]:
        rows = tuple(schedule.lookup(platform, tier, g, "komisi", on=on) for g in CATEGORY_GROUPS)
        columns.setdefault(tuple(id(r) for r in rows), []).append(tier)
    tiers = [names for names in columns.values()]
    head = ["Kategori", *(", ".join(TIERS[platform][t] for t in names) for names in tiers)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    by_group = {
        label: [_cell(schedule.lookup(platform, names[0], group, "komisi", on=on), cite) for names in tiers]
        for group, label in CATEGORY_GROUPS.items()
    }
    if len({tuple(cells) for cells in by_group.values()}) == 1:  # one rate range for every category (Lazada)
        by_group = {"Semua kategori": next(iter(by_group.values()))}
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in by_group.items()]
    return lines


def _other_rows(schedule: Schedule, platform: str, on: date, kinds: tuple[str, ...]) -> list[FeeRow]:
    """Every non-commission row in force on ``on`` for some seller of ``platform``, in file order."""
    found = {
        row.line: row
        for item, spec in ITEMS.items()
        if item != "komisi" and spec.kind in kinds
        for tier in TIERS[platform]
        for group in CATEGORY_GROUPS
        if (row := schedule.lookup(platform, tier, group, item, on=on)) is not None
    }
    return [found[line] for line in sorted(found)]


def _fee_table(rows: list[FeeRow], platform: str, cite: Cite) -> list[str]:
    lines = ["| Biaya | Besarnya | Berlaku |", "|---|---|---|"]
    for row in rows:
        spec = ITEMS[row.item]
        label = spec.label
        if spec.kind == "program":
            label += " (hanya bila ikut program)"
        elif spec.kind == "opsi":
            label += " (pilihan, mati bawaan)"
        who = _tiers_text(row, platform)
        if who:
            label += f"; khusus {who}"
        lines.append(f"| {label} | {_nbsp(amount_text(row))}[^{cite(row)}] | {since_text(row)} |")
    return lines


def _stale_note(schedule: Schedule, platform: str, on: date) -> list[str]:
    newest = schedule.newest_row(platform)
    if newest is None or newest.valid_from >= months_before(on, STALE_MONTHS):
        return []
    return [
        f'!!! warning "Angka {PLATFORMS[platform]} paling baru {format_date(newest.valid_from_text)}"',
        "",
        f"    Pengumuman biaya {PLATFORMS[platform]} terbaru yang kami temukan berlaku lebih dari "
        f"{STALE_MONTHS} bulan sebelum halaman ini dibangun. Tarifnya mungkin sudah berubah: cocokkan "
        "dengan Seller Center sebelum memasang harga.",
        "",
    ]


def platform_section(schedule: Schedule, platform: str, *, on: date, cite: Cite) -> str:
    """Markdown for one platform: stale warning if any, commission table, then the other fees."""
    lines = _stale_note(schedule, platform, on)
    lines += ["**Komisi per kelompok kategori** (dari harga setelah diskon penjual)", ""]
    lines += _commission_table(schedule, platform, on, cite)
    others = _other_rows(schedule, platform, on, ("wajib", "program", "aturan"))
    if others:
        lines += ["", "**Biaya lain dan program**", ""]
        lines += _fee_table(others, platform, cite)
    return "\n".join(lines)


def tax_section(schedule: Schedule, *, on: date, cite: Cite) -> str:
    """Markdown table of the rows of kind ``opsi`` (taxes), shared by every platform."""
    found = {
        row.line: row
        for platform in PLATFORMS
        for row in _other_rows(schedule, platform, on, ("opsi",))
    }
    rows = [found[line] for line in sorted(found)]
    lines = ["| Biaya | Besarnya | Berlaku |", "|---|---|---|"]
    for row in rows:
        lines.append(f"| {ITEMS[row.item].label} | {_nbsp(amount_text(row))} dari penjualan[^{cite(row)}] | {since_text(row)} |")
    return "\n".join(lines)
