"""Harga jual & potongan platform: what each marketplace takes from one order, and the price to ask.

The fees come from the dated, sourced rows of ``data/fees.csv``
(:mod:`simulators.fee_schedule`); this module only applies them. Every fee
comes back as a line of a "struk" the seller can hold against the Seller
Center settlement: its label, rate, base, cap, amount, the date it took
effect and its source.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ._format import format_number
from ._registry import Simulator
from ._validate import MAX_MONEY, Checked, check, choice, date, items, number, rule
from .errors import Problem
from .fee_schedule import CATEGORY_GROUPS, ITEMS, PLATFORMS, TIERS, FeeRow, schedule

__all__ = [
    "FeeLine",
    "FeesInputs",
    "FeesResult",
    "PlatformChoice",
    "PlatformCost",
    "PlatformFees",
    "line_amount",
    "platform_cost",
    "rounded_price",
    "schedule_problems",
    "simulate_fees",
]

MAX_PLATFORMS = 4
MAX_ITEMS_PER_ORDER = 1000
EARLIEST = _dt.date(2025, 1, 1)
LATEST = _dt.date(2030, 12, 31)

_RATE = "pecahan 0–1, mis. 0.05 untuk 5 %"
_PERCENT = "persen"
_RUPIAH = "Rupiah"
_YES, _NO = "ya", "tidak"
_SWITCH = {_NO: "Tidak", _YES: "Ya"}
_SWITCH_MESSAGE = 'harus "tidak" atau "ya", bukan {value!r}'
_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

# The programs a seller joins, by what they do for the buyer; each platform runs its
# own under its own name (the ``item`` of data/fees.csv). A new program in the data
# gets its place here.
SHIPPING_PROGRAMS = {"shopee": "gratis_ongkir_xtra", "tokopedia": "bebas_ongkir"}
PROMO_PROGRAMS = {
    "hari-biasa": {"shopee": "promo_xtra", "tokopedia": "xtra_boost", "tiktok-shop": "xtra_boost"},
    "hari-kampanye": {"tokopedia": "xtra_boost_kampanye", "tiktok-shop": "xtra_boost_kampanye"},
}
_PROMO_OPTIONS = {_NO: "Tidak ikut", "hari-biasa": "Ya, hari biasa", "hari-kampanye": "Ya, hari kampanye"}
_SHORT_NAMES = {"tiktok-shop": "TikTok Shop", "tokopedia": "Tokopedia", "shopee": "Shopee", "lazada": "Lazada"}
_TIER_NAMES = {"marketplace": "", "mall": "Mall", "non-star": "Non-Star", "star": "Star", "star-plus": "Star+"}
_LABELS = {("lazada", "lazmall"): "LazMall"}
# Every tier of every platform, with a label short enough for a phone's select (a form's options).
_TIER_OPTIONS = {"marketplace": "Penjual biasa", "mall": "Mall", "non-star": "Non-Star", "star": "Star",
                 "star-plus": "Star+", "lazmall": "LazMall"}
_TIER_MESSAGE = "tier penjual tidak dikenal: {value!r}; pilih sesuai platform: " + "; ".join(
    f"{_SHORT_NAMES[p]} {', '.join(tiers)}" for p, tiers in TIERS.items()
)


@dataclass(frozen=True)
class PlatformChoice:
    """Where and as whom the seller sells: one column of the comparison.

    Attributes:
        platform: one of ``tiktok-shop``, ``tokopedia``, ``shopee``, ``lazada``.
        tier: the seller's tier on that platform (``marketplace``/``mall``;
            Shopee ``non-star``/``star``/``star-plus``/``mall``; Lazada
            ``marketplace``/``lazmall``).
        category: the product's category group (``fashion``, ``fmcg``,
            ``elektronik``, ``lifestyle``, ``lainnya``).
        free_shipping: ``"ya"`` when the seller joined the platform's
            free-shipping program (Shopee Gratis Ongkir XTRA, Tokopedia Bebas
            Ongkir), else ``"tidak"``.
        promo: the platform's voucher/cashback program: ``"tidak"``,
            ``"hari-biasa"`` (Shopee Promo XTRA, Xtra Boost on ordinary days)
            or ``"hari-kampanye"`` (Xtra Boost on campaign days).
        new_seller: ``"ya"`` for a new seller still within the platform's
            free first orders (no order processing fee), else ``"tidak"``.
    """

    platform: str = choice(options=PLATFORMS, what="platform")
    tier: str = choice(options=_TIER_OPTIONS, message=_TIER_MESSAGE)
    category: str = choice(options=CATEGORY_GROUPS, what="kelompok kategori")
    free_shipping: str = choice(default=_NO, options=_SWITCH, message=_SWITCH_MESSAGE)
    promo: str = choice(default=_NO, options=_PROMO_OPTIONS, what="program promo")
    new_seller: str = choice(default=_NO, options=_SWITCH, message=_SWITCH_MESSAGE)

    def __post_init__(self) -> None:
        check(self)

    @property
    def label(self) -> str:
        """``"Shopee Star"``, ``"LazMall"``: the platform and the tier, short enough for a column heading."""
        return _LABELS.get((self.platform, self.tier)) or f"{_SHORT_NAMES[self.platform]} {_TIER_NAMES[self.tier]}".strip()


@rule(PlatformChoice)
def _tier_of_platform(choice_: Checked) -> Iterator[Problem]:
    tiers = TIERS[choice_.platform]
    if choice_.tier not in tiers:
        allowed = ", ".join(tiers)
        yield Problem("tier", f"tier {choice_.tier!r} tidak ada di {PLATFORMS[choice_.platform]}; pilih salah satu: {allowed}", choice_.tier)


# Defaults: one fashion product on three platforms. Each is a row of data/defaults/fees.csv.
_DEFAULT_PLATFORMS = (
    PlatformChoice("tiktok-shop", "marketplace", "fashion"),
    PlatformChoice("shopee", "star", "fashion"),
    PlatformChoice("lazada", "marketplace", "fashion"),
)


@dataclass(frozen=True)
class FeesInputs:
    """One product, its costs, and the platforms to compare.

    Attributes:
        price: Rupiah per item, the price shown before the seller's discount.
        discount: Rupiah per item the seller gives off the price (a seller
            voucher or discount; not the platform's own vouchers), at most
            ``price``.
        shipping_subsidy: Rupiah per order of shipping the seller pays for
            the buyer (free-shipping voucher borne by the seller).
        cogs: HPP, Rupiah the goods cost the seller per item.
        packaging: Rupiah per order for packing (box, bubble wrap, label).
        affiliate_rate: affiliate commission as a share of the price after
            discount (0–1); 0 without an affiliate.
        items_per_order: items of this product in one order, a whole number
            1–1000.
        pph22: ``"ya"`` when the marketplace withholds PPh 22 (0,5 %) from
            the sale; ``"tidak"`` (default) while collection stays postponed
            or the seller's turnover is exempt.
        as_of: the day whose fee schedules apply, ``TTTT-BB-HH``; ``None``
            (default) means the day the calculation runs.
        target_margin: the margin (profit ÷ sales after discount) the price
            must reach, a share 0–0,95.
        target_profit: the profit per order, Rupiah, the price must reach.
        platforms: 1–4 :class:`PlatformChoice` to compare side by side.
    """

    price: float = number(default=100_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    discount: float = number(default=0, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    shipping_subsidy: float = number(default=0, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    cogs: float = number(default=50_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    packaging: float = number(default=2_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    affiliate_rate: float = number(default=0.0, minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    items_per_order: int = number(default=1, minimum=1, maximum=MAX_ITEMS_PER_ORDER, integer=True)
    pph22: str = choice(default=_NO, options=_SWITCH, message=_SWITCH_MESSAGE)
    as_of: _dt.date | None = date(
        default=None, earliest=EARLIEST, latest=LATEST, example="2026-03-01",
        why=" (jadwal biaya di data kami dimulai 2025)", nullable=True,
    )
    target_margin: float = number(default=0.20, minimum=0, maximum=0.95, hint="pecahan 0–0,95, mis. 0.2 untuk 20 %", unit=_PERCENT)
    target_profit: float = number(default=20_000, minimum=0, maximum=MAX_MONEY, unit=_RUPIAH)
    platforms: tuple[PlatformChoice, ...] = items(
        PlatformChoice, default=_DEFAULT_PLATFORMS, min_items=1, max_items=MAX_PLATFORMS, what="platform",
        example='[{"platform": "shopee", "tier": "star", "category": "fashion"}]',
    )

    def __post_init__(self) -> None:
        check(self)


@rule(FeesInputs)
def _discount_within_price(inputs: Checked) -> Iterator[Problem]:
    if inputs.discount > inputs.price:
        yield Problem("discount", "tidak boleh lebih dari harga (price); diskon adalah potongan dari harga per barang", inputs.discount)


@rule(FeesInputs)
def _schedule_covers_choices(inputs: Checked) -> Iterator[Problem]:
    """Every chosen platform has a commission on the day, and offers the programs joined."""
    on = inputs.as_of or _dt.date.today()
    for index, chosen in enumerate(inputs.platforms):
        if isinstance(chosen, Checked) and chosen.ok():
            yield from schedule_problems(chosen.built(), on=on, where=f"platforms.{index}.")


def schedule_problems(chosen: PlatformChoice, *, on: _dt.date, where: str = "", day_field: str = "as_of") -> Iterator[Problem]:
    """What the schedule lacks for ``chosen`` on ``on``: its commission, or a program it joined.

    ``where`` prefixes the fields of the choice (``"platforms.0."``);
    ``day_field`` names the input holding the day. For every model that takes
    a :class:`PlatformChoice` (the fees model, and those taking a platform
    instead of a bare rate), so each message is written once.
    """
    name = chosen.label
    if _row(chosen, "komisi", on) is None:
        starts = [r.valid_from for r in schedule().rows if r.item == "komisi"
                  and r.applies_to(chosen.platform, chosen.tier, chosen.category)]
        since = f"baru mulai {_long_date(min(starts))}" if starts else "belum ada"
        yield Problem(day_field, f"{name}: komisi {CATEGORY_GROUPS[chosen.category]} di data kami {since}; pilih tanggal sejak itu", on.isoformat())
    if chosen.free_shipping == _YES and _program_row(chosen, "free_shipping", on) is None:
        yield Problem(f"{where}free_shipping", f"{name} tidak punya program ongkir gratis di data kami per {_long_date(on)}; pilih \"tidak\"", _YES)
    if chosen.promo != _NO and _program_row(chosen, "promo", on) is None:
        offered = [p for p, by in PROMO_PROGRAMS.items() if chosen.platform in by]
        allowed = ", ".join([_NO, *offered])
        yield Problem(f"{where}promo", f"{name} tidak punya program promo {chosen.promo!r} di data kami per {_long_date(on)}; pilih salah satu: {allowed}", chosen.promo)


@dataclass(frozen=True)
class FeeLine:
    """One line of the struk: a fee taken from the order.

    Attributes:
        platform: the label of the platform choice it belongs to (``"Shopee Star"``).
        item: the fee's ``item`` in data/fees.csv (``komisi``, ``biaya_proses``,
            …), or ``afiliasi``/``subsidi_ongkir`` for the seller's own inputs.
        label: what the Seller Center calls it, in Bahasa Indonesia.
        rate: the share of the base (None for a fee per order).
        base: Rupiah the rate applies to, price after discount × items
            (None for a fee per order).
        cap: the most the fee takes per item, Rupiah (None: no cap).
        amount: Rupiah taken from this order.
        since: ``"per 1 Januari 2026"``, the day the rate took effect
            (empty for the seller's own inputs).
        source: outlet and date of the source, or why the figure is assumed.
        note: what else to know (a cap reached, free first orders).
    """

    platform: str
    item: str
    label: str
    rate: float | None
    base: float | None
    cap: float | None
    amount: float
    since: str
    source: str
    note: str


@dataclass(frozen=True)
class PlatformFees:
    """One platform's struk, what the seller keeps, and the price to ask.

    Attributes:
        label: platform and tier (``"Shopee Star"``).
        platform, tier, category: the choice, as given.
        lines: every fee of the order, :class:`FeeLine`.
        sales: Rupiah of the order after the seller's discount, (price − discount) × items.
        fees: Rupiah of all lines together.
        settlement: Rupiah the platform pays out, sales − fees.
        goods: Rupiah of HPP for the order, cogs × items.
        packaging: Rupiah of packing for the order.
        profit: Rupiah left, settlement − goods − packaging.
        margin: profit ÷ sales (None when sales is 0).
        platform_fees: Rupiah the platform itself takes (every line but the
            affiliate, the seller's shipping subsidy and PPh 22).
        other_fees: Rupiah of those other lines, fees − platform_fees.
        effective_rate: platform_fees ÷ sales (None when sales is 0).
        price_for_margin: the lowest price per item (before discount) whose
            margin reaches target_margin; None when no price can.
        price_for_margin_rounded: that price rounded up to end in …900.
        price_for_profit: the lowest price per item reaching target_profit
            per order; None when no price can.
        price_for_profit_rounded: that price rounded up to end in …900.
        unreachable: why a target price is None (empty when both exist).
    """

    label: str
    platform: str
    tier: str
    category: str
    lines: tuple[FeeLine, ...]
    sales: float
    fees: float
    settlement: float
    goods: float
    packaging: float
    profit: float
    margin: float | None
    platform_fees: float
    other_fees: float
    effective_rate: float | None
    price_for_margin: float | None
    price_for_margin_rounded: float | None
    price_for_profit: float | None
    price_for_profit_rounded: float | None
    unreachable: str


@dataclass(frozen=True)
class FeesResult:
    """Every platform's struk, side by side.

    Attributes:
        as_of: the day whose fee schedules were applied.
        platforms: one :class:`PlatformFees` per choice, in the order given.
        lines: the lines of every platform in that order, one struk for a
            table or a CSV.
    """

    as_of: _dt.date
    platforms: tuple[PlatformFees, ...]
    lines: tuple[FeeLine, ...]


class PlatformCost(NamedTuple):
    """What a platform choice costs per order: a share of sales and Rupiah per order."""

    rate: float
    per_order: float


class _Fee(NamedTuple):
    """A percentage fee before it meets a price."""

    item: str
    label: str
    rate: float
    cap: float | None
    since: str
    source: str


# ---------------------------------------------------------------------------
# The formula, written once


def line_amount(*, rate: float, base: float, cap: float | None = None, items: int = 1) -> float:
    """Rupiah of one percentage fee: ``items × min(rate × base, cap)``.

    ``base`` is the price of one item after the seller's discount; ``cap``
    the most the fee takes per item (``None``: no cap).

    Examples:
        Seller University's example: a product of Rp 10.000 sold with a
        seller discount of Rp 1.000, commission 7,5 %. What is the commission?

        >>> line_amount(rate=0.075, base=10_000 - 1_000)
        675.0

        Rp 675: the commission is worked out on the price after the seller's
        discount, not on the list price. With a cap of Rp 60.000 per item, a
        4,5 % program on three phones of Rp 2.000.000 takes 3 × 60.000:

        >>> line_amount(rate=0.045, base=2_000_000, cap=60_000, items=3)
        180000.0
    """
    per_item = rate * base
    if cap is not None and per_item > cap:
        per_item = cap
    return float(items * per_item)


def rounded_price(price: float) -> float:
    """The lowest seller's price ending in …900 that is at least ``price``.

    >>> rounded_price(52_345), rounded_price(52_900), rounded_price(52_950), rounded_price(120)
    (52900, 52900, 53900, 900)
    """
    # The tolerance keeps 52.900,000000001 (a float of the closed form) at 52.900.
    steps = math.ceil((price - 900) / 1000 - 1e-9)
    return max(steps, 0) * 1000 + 900


def _lowest_base(fees: list[tuple[float, float | None]], *, items: int, constant: float, slope_less: float) -> float | None:
    """Smallest b ≥ 0 with ``items·b·(1 − slope_less) − Σ line_amount(b) − constant ≥ 0``; None if none.

    The left side is piecewise linear in b and convex: a capped fee stops
    growing above its breakpoint cap/rate. Between breakpoints it is solved
    exactly (see :func:`simulate_fees`, Notes).
    """
    if constant <= 0:
        return 0.0
    breaks = sorted({cap / rate for rate, cap in fees if cap is not None and rate > 0})
    edges = [0.0, *breaks, math.inf]
    for low, high in zip(edges, edges[1:], strict=False):
        capped = sum(cap for rate, cap in fees if cap is not None and rate > 0 and cap / rate <= low)
        uncapped = sum(rate for rate, cap in fees if cap is None or rate <= 0 or cap / rate > low)
        slope = 1 - uncapped - slope_less
        if slope <= 0:
            continue
        base = (constant + items * capped) / (items * slope)
        if base <= high * (1 + 1e-12):
            return max(base, low)
    return None


# ---------------------------------------------------------------------------
# Reading the schedule


def _long_date(day: _dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _since(row: FeeRow) -> str:
    # A row dated by month only ("2024-09") says the month, not a day it never named.
    if len(row.valid_from_text) == 7:
        return f"per {_MONTHS[row.valid_from.month - 1]} {row.valid_from.year}"
    return f"per {_long_date(row.valid_from)}"


def _source(row: FeeRow) -> str:
    if not row.source:
        return "Asumsi (alasannya di halaman Biaya platform)"
    found = schedule().sources.get(row.source)
    if found is None:
        return row.source
    try:
        day = _dt.date.fromisoformat(found.date)
        when = _long_date(day)
    except ValueError:
        when = found.date
    return f"{found.outlet}, {when}"


def _row(chosen: PlatformChoice, item: str, on: _dt.date) -> FeeRow | None:
    return schedule().lookup(chosen.platform, chosen.tier, chosen.category, item, on=on)


def _program_row(chosen: PlatformChoice, kind: str, on: _dt.date) -> FeeRow | None:
    if kind == "free_shipping":
        item = SHIPPING_PROGRAMS.get(chosen.platform) if chosen.free_shipping == _YES else None
    else:
        item = PROMO_PROGRAMS.get(chosen.promo, {}).get(chosen.platform)
    return _row(chosen, item, on) if item else None


def _percentage_fees(chosen: PlatformChoice, *, pph22: bool, affiliate_rate: float, on: _dt.date) -> list[_Fee]:
    """The platform's percentage fees for this seller on ``on``, then PPh 22 and the affiliate."""
    rows = [_row(chosen, "komisi", on), _row(chosen, "biaya_pembayaran", on),
            _program_row(chosen, "free_shipping", on), _program_row(chosen, "promo", on)]
    if pph22:
        rows.append(_row(chosen, "pph22", on))
    fees = [_Fee(r.item, ITEMS[r.item].label, r.value, r.cap, _since(r), _source(r)) for r in rows if r is not None]
    if affiliate_rate > 0:
        fees.append(_Fee("afiliasi", "Komisi afiliasi", affiliate_rate, None, "", "Masukan Anda"))
    return fees


def _order_fee(chosen: PlatformChoice, on: _dt.date) -> FeeLine | None:
    row = _row(chosen, "biaya_proses", on)
    if row is None:
        return None
    amount, note = row.value, "Sekali per pesanan, berapa pun jumlah barangnya."
    if chosen.new_seller == _YES:
        free = _row(chosen, "bebas_biaya_proses", on)
        if free is not None:
            amount = 0.0
            note = f"Gratis untuk {free.value:.0f} pesanan pertama seller baru ({_since(free)}); setelah itu Rp 1.250."
        else:
            note = "Pesanan gratis untuk seller baru tidak berlaku untuk tier ini di data kami."
    return FeeLine(chosen.label, row.item, ITEMS[row.item].label, None, None, None, amount, _since(row), _source(row), note)


def platform_cost(chosen: PlatformChoice, *, price: float, on: _dt.date | None = None) -> PlatformCost:
    """The effective share of sales and the Rupiah per order a platform takes at ``price``.

    For the models that take a platform instead of a bare fee rate: the rate
    is the platform's percentage fees at this price after discount (caps make
    it depend on the price) divided by the price; ``per_order`` is the order
    processing fee (0 when the schedule has none). PPh 22 and the affiliate
    are not the platform's and are left out. ``on`` defaults to today.

    Examples:
        Shopee Star, fashion, an item of Rp 100.000 in March 2026: what share
        does Shopee take, and what per order?

        >>> platform_cost(PlatformChoice("shopee", "star", "fashion"), price=100_000, on=_dt.date(2026, 3, 1))
        PlatformCost(rate=0.09, per_order=1250.0)

        9 % of the price plus Rp 1.250 per order.
    """
    on = on or _dt.date.today()
    fees = _percentage_fees(chosen, pph22=False, affiliate_rate=0.0, on=on)
    taken = sum(line_amount(rate=f.rate, base=price, cap=f.cap) for f in fees)
    order = _order_fee(chosen, on)
    return PlatformCost(rate=taken / price if price > 0 else sum(f.rate for f in fees), per_order=order.amount if order else 0.0)


# ---------------------------------------------------------------------------
# The model


def _platform(inputs: FeesInputs, chosen: PlatformChoice, on: _dt.date) -> PlatformFees:
    i = inputs
    q = i.items_per_order
    base = i.price - i.discount
    sales = q * base
    fees = _percentage_fees(chosen, pph22=i.pph22 == _YES, affiliate_rate=i.affiliate_rate, on=on)
    lines = []
    for fee in fees:
        amount = line_amount(rate=fee.rate, base=base, cap=fee.cap, items=q)
        note = "Batas per barang tercapai." if fee.cap is not None and fee.rate * base > fee.cap else ""
        lines.append(FeeLine(chosen.label, fee.item, fee.label, fee.rate, sales, fee.cap, amount, fee.since, fee.source, note))
    order_fee = _order_fee(chosen, on)
    if order_fee is not None:
        lines.append(order_fee)
    if i.shipping_subsidy > 0:
        lines.append(FeeLine(chosen.label, "subsidi_ongkir", "Subsidi ongkir yang Anda tanggung", None, None, None,
                             float(i.shipping_subsidy), "", "Masukan Anda", ""))
    total = sum(line.amount for line in lines)
    settlement = sales - total
    goods = q * i.cogs
    profit = settlement - goods - i.packaging
    own = {"afiliasi", "subsidi_ongkir", "pph22"}
    platform_fees = sum(line.amount for line in lines if line.item not in own)

    # The reverse: K holds every Rupiah per order that does not grow with the price.
    fixed = (order_fee.amount if order_fee else 0.0) + i.shipping_subsidy + goods + i.packaging
    pairs = [(f.rate, f.cap) for f in fees]
    for_margin = _lowest_base(pairs, items=q, constant=fixed, slope_less=i.target_margin)
    for_profit = _lowest_base(pairs, items=q, constant=fixed + i.target_profit, slope_less=0.0)
    price_margin = None if for_margin is None else for_margin + i.discount
    price_profit = None if for_profit is None else for_profit + i.discount
    unreachable = ""
    if price_margin is None or price_profit is None:
        uncapped = sum(f.rate for f in fees if f.cap is None)
        what = "margin target" if price_profit is not None else "target laba" if price_margin is not None else "target margin dan laba"
        unreachable = (
            f"Tidak ada harga yang mencapai {what}: potongan tanpa batas sudah {_percent(uncapped)} dari setiap Rupiah"
            + (f" dan margin target {_percent(i.target_margin)}" if price_margin is None else "")
            + "; turunkan komisi afiliasi atau target."
        )
    return PlatformFees(
        label=chosen.label,
        platform=chosen.platform,
        tier=chosen.tier,
        category=chosen.category,
        lines=tuple(lines),
        sales=sales,
        fees=total,
        settlement=settlement,
        goods=goods,
        packaging=i.packaging,
        profit=profit,
        margin=profit / sales if sales > 0 else None,
        platform_fees=platform_fees,
        other_fees=total - platform_fees,
        effective_rate=platform_fees / sales if sales > 0 else None,
        price_for_margin=price_margin,
        price_for_margin_rounded=None if price_margin is None else rounded_price(price_margin),
        price_for_profit=price_profit,
        price_for_profit_rounded=None if price_profit is None else rounded_price(price_profit),
        unreachable=unreachable,
    )


def _percent(share: float) -> str:
    return f"{format_number(share * 100, decimals=2)} %"


def simulate_fees(*, inputs: FeesInputs) -> FeesResult:
    """Every fee of one order on each platform, what the seller keeps, and the price to ask.

    Notes:
        With price p, discount d and q items per order, the base of one item
        is b = p − d. Each percentage fee i (commission, payment fee,
        programs, PPh 22 when on, the affiliate) takes
        fᵢ = q · min(rᵢ · b, cᵢ), with cᵢ its cap per item (∞ when it has
        none). The order processing fee F is taken once per order whatever
        its items (0 in the new seller's free first orders); S is the
        shipping the seller pays, H the HPP per item, P the packaging.

        - settlement = q·b − Σ fᵢ − F − S
        - profit π = settlement − q·H − P
        - margin m = π / (q·b) (None when q·b = 0)

        The reverse: fee i is capped when b ≥ bᵢ = cᵢ / rᵢ, so between two
        breakpoints the capped fees are fixed and the others (U) grow with b.
        With K = F + S + q·H + P, the lowest base is

        - for a target profit π*: b = (π* + K + q·Σ_capped cᵢ) / (q·(1 − Σ_U rᵢ))
        - for a target margin m*: b = (K + q·Σ_capped cᵢ) / (q·(1 − Σ_U rᵢ − m*))

        taken in the first stretch where it falls, and the price is b + d.
        When the denominator is ≤ 0 even above every breakpoint (the uncapped
        fees, with the margin, take every Rupiah), no price reaches the target:
        the price is None and ``unreachable`` says why. K = 0 makes any
        positive price enough, and the answer is d.

        ``as_of`` None applies the schedules of the day the calculation runs.

    Examples:
        Saya jual kaos Rp 100.000 di Shopee sebagai penjual Star, modal
        Rp 50.000 dan kemasan Rp 2.000. Per Maret 2026, berapa yang saya
        terima, dan berapa harga terendah untuk laba Rp 20.000?

        >>> shopee = PlatformChoice("shopee", "star", "fashion")
        >>> r = simulate_fees(inputs=FeesInputs(as_of=_dt.date(2026, 3, 1), platforms=(shopee,))).platforms[0]
        >>> [(line.label, line.amount, line.since) for line in r.lines]
        [('Komisi platform (biaya administrasi)', 9000.0, 'per 1 Januari 2026'), ('Biaya proses pesanan', 1250.0, 'per 20 Juli 2025')]
        >>> r.settlement, r.profit, r.margin
        (89750.0, 37750.0, 0.3775)
        >>> round(r.price_for_profit, 2), r.price_for_profit_rounded
        (80494.51, 80900)

        Shopee keeps 9 % plus Rp 1.250, so Rp 89.750 arrives and Rp 37.750 is
        profit; (20.000 + 1.250 + 50.000 + 2.000) / 0,91 = Rp 80.494,51 is the
        lowest price for Rp 20.000 profit, Rp 80.900 on the price tag.

        The order fee is once per order: three shirts in one order pay it once.

        >>> three = simulate_fees(inputs=FeesInputs(as_of=_dt.date(2026, 3, 1), items_per_order=3, platforms=(shopee,)))
        >>> [line.amount for line in three.platforms[0].lines]
        [27000.0, 1250.0]
    """
    on = inputs.as_of or _dt.date.today()
    platforms = tuple(_platform(inputs, chosen, on) for chosen in inputs.platforms)
    return FeesResult(as_of=on, platforms=platforms, lines=tuple(line for p in platforms for line in p.lines))


SIMULATOR = Simulator("fees", "Harga jual & potongan platform", FeesInputs, simulate_fees)
