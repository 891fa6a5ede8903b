"""Lalu lintas omnichannel: how visitors flow between sales channels, and what a channel is worth."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ._format import format_number
from ._registry import Simulator
from ._validate import MAX_COUNT, MAX_MONEY, Checked, check, choice, items, names_in, nested, number, omitted_when_none, ratio, rule, text
from .errors import Problem
from .platform_fee import FeeTerms, PlatformFeeChoice, PlatformFeeUsed, fee_terms, order_value_rule

__all__ = [
    "Channel",
    "ChannelResult",
    "Dependency",
    "Link",
    "OmnichannelInputs",
    "OmnichannelResult",
    "Shock",
    "ShockResult",
    "ShockedChannel",
    "simulate_omnichannel",
]

MAX_CHANNELS = 12
MAX_LINKS = MAX_CHANNELS * (MAX_CHANNELS - 1)  # every ordered pair of distinct channels once
NAME_LENGTH = 40
# Rounding slack for "outgoing rates sum to at most 1" (0.1 + 0.2 + 0.7 is 1.0000000000000002).
_SUM_SLACK = 1e-9
# A pivot this small means fewer than about one visitor in a billion leaves the loop per round:
# the visits would be meaningless (or infinite), so it is reported as a closed loop instead.
_PIVOT_TOLERANCE = 1e-9

_RATE = "pecahan 0–1, mis. 0.02 untuk 2 %"
_PERCENT = "persen"  # the unit a reader types a fraction in (2 for 0.02)
_UNKNOWN_CHANNEL = "kanal tidak dikenal: {value!r}; yang ada: {allowed}"


@dataclass(frozen=True)
class Channel:
    """One place where the seller sells.

    Attributes:
        name: the channel's name, unique, 1–40 characters ("TikTok Shop").
        traffic: visits per period that arrive from outside (not from another
            channel of this seller), e.g. per month.
        conversion_rate: share of visits that become an order (0–1).
        aov: average order value, Rupiah per order.
        fee_rate: platform commission and fees as a share of revenue (0–1),
            typed by hand; not used when ``platform`` is given.
        platform: the marketplace this channel is
            (:class:`~simulators.platform_fee.PlatformFeeChoice`), whose share
            and Rupiah per order at ``aov`` come from the fees model, in
            place of ``fee_rate``; ``None`` (default, left out of the JSON):
            ``fee_rate`` applies.
    """

    name: str = text(max_length=NAME_LENGTH)
    traffic: float = number(minimum=0, maximum=MAX_COUNT)
    conversion_rate: float = number(minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    aov: float = number(minimum=0, maximum=MAX_MONEY, unit="Rupiah")
    fee_rate: float = number(minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)
    platform: PlatformFeeChoice | None = nested(PlatformFeeChoice, default=None, nullable=True, what="platform", omit_none=True)

    def fee_terms(self) -> FeeTerms:
        """The fee share and Rupiah per order of this channel: ``fee_rate``, or the platform's at ``aov``."""
        return fee_terms(rate=self.fee_rate, platform=self.platform, price=self.aov)


rule(Channel)(order_value_rule("aov"))


@dataclass(frozen=True)
class Link:
    """Visitors who leave one channel without buying and go on to another.

    Attributes:
        source: name of the channel they leave (JSON key ``from``).
        target: name of the channel they go to (JSON key ``to``).
        rate: share of ``source``'s visitors who do not buy there and go on
            to ``target`` (0–1).
    """

    source: str = choice(options=names_in("channels"), message=_UNKNOWN_CHANNEL, max_length=NAME_LENGTH, json_key="from")
    target: str = choice(options=names_in("channels"), message=_UNKNOWN_CHANNEL, max_length=NAME_LENGTH, json_key="to")
    rate: float = number(minimum=0, maximum=1, hint=_RATE, unit=_PERCENT)


@dataclass(frozen=True)
class Shock:
    """A sudden loss of one channel's outside traffic (e.g. TikTok Live switched off).

    Attributes:
        channel: name of the channel that loses traffic.
        traffic_drop: share of its outside traffic lost (0–1).
    """

    channel: str = choice(options=names_in("channels"), message=_UNKNOWN_CHANNEL, max_length=NAME_LENGTH)
    traffic_drop: float = number(minimum=0, maximum=1, hint="pecahan 0–1, mis. 0.5 untuk 50 %", unit=_PERCENT)


# Defaults: a small seller per month after Live went dark. Every figure is a row of
# data/defaults/omnichannel.csv, with its source or the reasoning behind the assumption.
_DEFAULT_CHANNELS = (
    Channel("TikTok Shop", traffic=6000, conversion_rate=0.02, aov=120_000, fee_rate=0.08),
    Channel("Marketplace", traffic=3000, conversion_rate=0.03, aov=130_000, fee_rate=0.10),
    Channel("Instagram", traffic=1500, conversion_rate=0.01, aov=140_000, fee_rate=0.0),
    Channel("Toko offline", traffic=300, conversion_rate=0.25, aov=110_000, fee_rate=0.0),
)
_DEFAULT_LINKS = (
    Link("TikTok Shop", "Marketplace", rate=0.15),
    Link("TikTok Shop", "Instagram", rate=0.05),
    Link("Instagram", "Marketplace", rate=0.10),
    Link("Instagram", "TikTok Shop", rate=0.05),
    Link("Marketplace", "Toko offline", rate=0.01),
)
_DEFAULT_SHOCK = Shock("TikTok Shop", traffic_drop=0.5)


# The default links and shock name the default channels; with other channels they
# would only produce "unknown channel" errors for fields the reader never filled in.
def _default_links_fit(inputs: Checked) -> bool | None:
    known = names_in("channels")(inputs)
    return None if known is None else {name for link in _DEFAULT_LINKS for name in (link.source, link.target)} <= set(known)


def _default_shock_fits(inputs: Checked) -> bool | None:
    known = names_in("channels")(inputs)
    return None if known is None else _DEFAULT_SHOCK.channel in known


@dataclass(frozen=True)
class OmnichannelInputs:
    """A seller's channels, how visitors move between them, and one shock to test.

    Attributes:
        channels: 1–12 :class:`Channel`, names unique.
        links: :class:`Link` between those channels (at most 132, one per
            ordered pair, none from a channel to itself); the rates leaving one
            channel add up to at most 1. Left out, the default links apply when
            every channel they name is present, otherwise there are none.
        shock: a :class:`Shock` to compare with, or ``None`` (JSON ``null``) for
            none. Left out, the default shock applies when its channel is
            present, otherwise there is none.
    """

    channels: tuple[Channel, ...] = items(
        Channel, default=_DEFAULT_CHANNELS, min_items=1, max_items=MAX_CHANNELS, what="kanal",
        unique="name", duplicate="nama kanal {value!r} sudah dipakai di {first}; nama harus unik",
    )
    links: tuple[Link, ...] = items(
        Link, default=_DEFAULT_LINKS, max_items=MAX_LINKS, what="tautan", keep_default=_default_links_fit, otherwise=(),
        unique=("source", "target"), duplicate="tautan {from!r} → {to!r} sudah ada di {first}; gabungkan rate-nya",
    )
    shock: Shock | None = nested(
        Shock, default=_DEFAULT_SHOCK, what="guncangan", nullable=True, keep_default=_default_shock_fits, otherwise=None
    )

    def __post_init__(self) -> None:
        check(self)


@dataclass(frozen=True)
class ChannelResult:
    """What one channel brings in. ``None`` marks a share of a zero total.

    Attributes:
        name: the channel.
        visits: visits per period, outside traffic plus visitors from other channels.
        orders: orders per period, visits × conversion_rate (an expected value).
        revenue: Rupiah of gross sales, orders × aov.
        net_revenue: Rupiah after platform fees, revenue × (1 − fee_rate)
            − orders × the platform's fee per order.
        share: this channel's part of the total net revenue (0–1).
        platform_fee: what the channel's platform took per order
            (:class:`~simulators.platform_fee.PlatformFeeUsed`); ``None``,
            left out of the JSON, when ``fee_rate`` applies.
    """

    name: str
    visits: float
    orders: float
    revenue: float
    net_revenue: float
    share: float | None
    platform_fee: PlatformFeeUsed | None = omitted_when_none()


@dataclass(frozen=True)
class Dependency:
    """How much the seller leans on one channel.

    Attributes:
        name: the channel.
        revenue_lost_share: share of total net revenue lost if the channel
            disappears (0–1; ``None`` when there is no net revenue at all).
    """

    name: str
    revenue_lost_share: float | None


@dataclass(frozen=True)
class ShockedChannel:
    """One channel after the shock.

    Attributes:
        name: the channel.
        visits: visits per period after the shock.
        net_revenue: Rupiah of net revenue after the shock.
    """

    name: str
    visits: float
    net_revenue: float


@dataclass(frozen=True)
class ShockResult:
    """The totals after the shock, and how far net revenue moved.

    Attributes:
        channel: the channel that lost traffic.
        traffic_drop: share of its outside traffic lost.
        total_visits: visits per period over all channels after the shock.
        total_orders: orders per period after the shock.
        total_revenue: Rupiah of gross sales after the shock.
        total_net_revenue: Rupiah of net revenue after the shock.
        net_revenue_change: shocked minus base total net revenue (≤ 0).
        net_revenue_change_share: that change as a share of the base total net
            revenue (``None`` when the base is 0).
        channels: each channel's visits and net revenue after the shock.
    """

    channel: str
    traffic_drop: float
    total_visits: float
    total_orders: float
    total_revenue: float
    total_net_revenue: float
    net_revenue_change: float
    net_revenue_change_share: float | None
    channels: tuple[ShockedChannel, ...]


@dataclass(frozen=True)
class OmnichannelResult:
    """Where the orders come from and how concentrated they are.

    Attributes:
        channels: one :class:`ChannelResult` per channel, in input order.
        total_visits: visits per period over all channels.
        total_orders: orders per period over all channels.
        total_revenue: Rupiah of gross sales over all channels.
        total_net_revenue: Rupiah of net revenue over all channels.
        hhi: Herfindahl–Hirschman index of net revenue, Σ share² (1 = all
            through one channel, 1/n = spread evenly; ``None`` when there is no
            net revenue).
        dependency: one :class:`Dependency` per channel, in input order.
        shocked: the totals after ``shock``, or ``None`` without a shock.
    """

    channels: tuple[ChannelResult, ...]
    total_visits: float
    total_orders: float
    total_revenue: float
    total_net_revenue: float
    hhi: float | None
    dependency: tuple[Dependency, ...]
    shocked: ShockResult | None


class _ClosedLoop(ArithmeticError):
    """The visit equations have no finite solution: visitors circle forever."""


@rule(OmnichannelInputs)
def _links_lead_somewhere(inputs: Checked) -> Iterator[Problem]:
    """No link from a channel to itself, and at most every visitor leaves a channel."""
    outgoing: dict[str, float] = {}
    for i, link in enumerate(inputs.links):
        if link is None or not link.ok("from", "to"):
            continue
        if link.source == link.target:
            yield Problem(f"links.{i}.to", f"tautan dari kanal {link.source!r} ke dirinya sendiri tidak boleh", link.target)
        elif link.ok():
            outgoing[link.source] = outgoing.get(link.source, 0.0) + link.rate
    for name, total in outgoing.items():
        if total > 1 + _SUM_SLACK:
            message = f"rate tautan keluar dari kanal {name!r} berjumlah {format_number(total, decimals=6)}; paling besar 1 (semua pengunjung yang tidak membeli)"
            yield Problem("links", message, total)


@rule(OmnichannelInputs)
def _no_closed_loop(inputs: Checked) -> Iterator[Problem]:
    """The only check that needs the whole system: can the visits be solved at all?

    Dropping a channel or traffic later only removes flow, so what solves here solves there.
    """
    if not inputs.ok():
        return
    built = inputs.built()
    try:
        _flow(built.channels, built.links, [c.traffic for c in built.channels])
    except _ClosedLoop:
        trapped = _trapped(built.channels, built.links)
        where = f" antara kanal {', '.join(trapped)}" if trapped else ""
        yield Problem(
            "links",
            f"tautan membentuk putaran tertutup{where}: pengunjung berputar terus tanpa membeli atau pergi. "
            "Turunkan rate tautan di putaran itu atau beri conversion_rate lebih dari 0",
        )


def _trapped(channels: Sequence[Channel], links: Sequence[Link]) -> list[str]:
    """Names of the channels whose visitors can never buy or leave (for the error message)."""
    passing = {c.name: 1 - c.conversion_rate for c in channels}
    kept = {c.name: 0.0 for c in channels}
    for link in links:
        kept[link.source] += passing[link.source] * link.rate
    escapes = {name for name, share in kept.items() if share < 1 - _PIVOT_TOLERANCE}
    grew = True
    while grew:
        grew = False
        for link in links:
            if link.source not in escapes and link.target in escapes and passing[link.source] * link.rate > _PIVOT_TOLERANCE:
                escapes.add(link.source)
                grew = True
    return [c.name for c in channels if c.name not in escapes]


def _solve(matrix: list[list[float]], rhs: list[float]) -> list[float]:
    """``x`` with ``matrix · x = rhs``: Gaussian elimination with partial pivoting.

    Raises :class:`_ClosedLoop` when a pivot falls below ``_PIVOT_TOLERANCE``.
    """
    n = len(rhs)
    rows = [list(row) + [b] for row, b in zip(matrix, rhs, strict=True)]
    for col in range(n):
        best = max(range(col, n), key=lambda r: abs(rows[r][col]))  # first maximum: no swap on ties
        if abs(rows[best][col]) < _PIVOT_TOLERANCE:
            raise _ClosedLoop(col)
        rows[col], rows[best] = rows[best], rows[col]
        pivot = rows[col]
        for r in range(col + 1, n):
            factor = rows[r][col] / pivot[col]
            if factor:
                row = rows[r]
                for k in range(col, n + 1):
                    row[k] -= factor * pivot[k]
    x = [0.0] * n
    for r in reversed(range(n)):
        x[r] = (rows[r][n] - sum(rows[r][k] * x[k] for k in range(r + 1, n))) / rows[r][r]
    return x


class _Flow(NamedTuple):
    visits: list[float]
    orders: list[float]
    revenue: list[float]
    net: list[float]


def _flow(channels: Sequence[Channel], links: Sequence[Link], traffic: Sequence[float], fees: Sequence[FeeTerms] | None = None) -> _Flow:
    """Visits, orders and revenue per channel for the given outside traffic.

    Solves v_j = t_j + Σ_i v_i (1 − c_i) L_ij, i.e. (I − Mᵀ) v = t with
    M_ij = (1 − c_i) L_ij.
    """
    index = {c.name: i for i, c in enumerate(channels)}
    n = len(channels)
    matrix = [[1.0 if i == j else 0.0 for i in range(n)] for j in range(n)]
    for link in links:
        i, j = index[link.source], index[link.target]
        matrix[j][i] -= (1 - channels[i].conversion_rate) * link.rate
    visits = _solve(matrix, [float(t) for t in traffic])
    orders = [v * c.conversion_rate for v, c in zip(visits, channels, strict=True)]
    revenue = [o * c.aov for o, c in zip(orders, channels, strict=True)]
    fees = fees or [c.fee_terms() for c in channels]
    net = [r * (1 - f.rate) - o * f.per_order for r, o, f in zip(revenue, orders, fees, strict=True)]
    return _Flow(visits, orders, revenue, net)


def simulate_omnichannel(*, inputs: OmnichannelInputs) -> OmnichannelResult:
    """Follow visitors across channels and measure how much each channel carries.

    Notes:
        With outside traffic t_j, conversion c_i and link rates L_ij (the share
        of channel i's visitors who do not buy there and go on to j), the
        visits v solve the linear system

            v_j = t_j + Σ_i v_i (1 − c_i) L_ij

        exactly (Gaussian elimination). It has one solution unless some
        channels pass every visitor around a closed loop (rates summing to 1,
        conversion 0): that input is refused. Then per channel:

        - orders = v × c; revenue = orders × aov;
          net_revenue = revenue × (1 − r) − orders × F, with r = fee_rate and
          F = 0, or, for a channel with a ``platform``, r and F its share and
          Rupiah per order at an order of aov (the fees model)
        - share = net_revenue / Σ net_revenue (None when the total is 0)
        - hhi = Σ share² (None when the total is 0)
        - dependency: revenue_lost_share = 1 − N₋ₖ / N, where N₋ₖ is the total
          net revenue with channel k's outside traffic set to 0 and every link
          into or out of k removed (None when N = 0)
        - shocked: the same totals with the shocked channel's outside traffic
          × (1 − traffic_drop), links unchanged; net_revenue_change = shocked
          − base, net_revenue_change_share = that / N (None when N = 0)

        With no links, v = t. A channel with no visits has 0 orders.

    Examples:
        Saya jualan di TikTok Shop, marketplace, Instagram dan toko offline.
        Kalau kunjungan TikTok Shop turun separuh setelah Live mati, berapa
        omzet bersih yang hilang, dan kanal mana yang paling saya andalkan?

        >>> r = simulate_omnichannel(inputs=OmnichannelInputs())
        >>> [round(c.visits) for c in r.channels]
        [6089, 4073, 1798, 340]
        >>> round(r.total_net_revenue), round(r.hhi, 3)
        (39595430, 0.305)
        >>> [(d.name, round(d.revenue_lost_share, 3)) for d in r.dependency]
        [('TikTok Shop', 0.438), ('Marketplace', 0.389), ('Instagram', 0.087), ('Toko offline', 0.236)]
        >>> round(r.shocked.net_revenue_change), round(r.shocked.net_revenue_change_share, 3)
        (-8571099, -0.216)

        TikTok Shop carries 44 % of the net revenue once the shoppers it sends
        on to the marketplace are counted, yet halving its traffic costs
        Rp 8,6 juta a month, 22 % of net revenue: the other channels keep
        their own visitors, which is what spreading over channels buys.

        The 8 % of TikTok Shop was a guess. Chosen as a platform (fashion,
        not Mall, fees of March 2026) it takes 10 % and Rp 1.250 per order:

        >>> import dataclasses, datetime
        >>> tiktok = PlatformFeeChoice("tiktok-shop", "marketplace", "fashion", as_of=datetime.date(2026, 3, 1))
        >>> channels = (dataclasses.replace(OmnichannelInputs().channels[0], platform=tiktok), *OmnichannelInputs().channels[1:])
        >>> p = simulate_omnichannel(inputs=OmnichannelInputs(channels=channels))
        >>> p.channels[0].platform_fee.rate, p.channels[0].platform_fee.per_order, round(p.total_net_revenue)
        (0.1, 1250.0, 39150932)

        Its 121,78 orders keep 120.000 × 0,9 − 1.250 = Rp 106.750 each
        instead of Rp 110.400: Rp 444.498 a month less.
    """
    channels, links, shock = inputs.channels, inputs.links, inputs.shock
    traffic = [c.traffic for c in channels]
    fees = [c.fee_terms() for c in channels]
    base = _flow(channels, links, traffic, fees)
    total_net = sum(base.net)
    shares = [ratio(net, total_net) for net in base.net]

    dependency = []
    for k, gone in enumerate(channels):
        kept_links = [link for link in links if gone.name not in (link.source, link.target)]
        without = _flow(channels, kept_links, [0.0 if i == k else t for i, t in enumerate(traffic)], fees)
        lost = ratio(total_net - sum(without.net), total_net)
        # Mathematically in [0, 1]; rounding may step a hair outside.
        dependency.append(Dependency(gone.name, None if lost is None else min(1.0, max(0.0, lost))))

    shocked = None
    if shock is not None:
        hit = [t * (1 - shock.traffic_drop) if c.name == shock.channel else t for c, t in zip(channels, traffic, strict=True)]
        after = _flow(channels, links, hit, fees)
        change = sum(after.net) - total_net
        shocked = ShockResult(
            channel=shock.channel,
            traffic_drop=shock.traffic_drop,
            total_visits=sum(after.visits),
            total_orders=sum(after.orders),
            total_revenue=sum(after.revenue),
            total_net_revenue=sum(after.net),
            net_revenue_change=change,
            net_revenue_change_share=ratio(change, total_net),
            channels=tuple(ShockedChannel(c.name, v, n) for c, v, n in zip(channels, after.visits, after.net, strict=True)),
        )

    return OmnichannelResult(
        channels=tuple(
            ChannelResult(c.name, v, o, r, n, s, f.used)
            for c, v, o, r, n, s, f in zip(channels, base.visits, base.orders, base.revenue, base.net, shares, fees, strict=True)
        ),
        total_visits=sum(base.visits),
        total_orders=sum(base.orders),
        total_revenue=sum(base.revenue),
        total_net_revenue=total_net,
        hhi=None if total_net == 0 else sum(s * s for s in shares if s is not None),  # a share is None only at total 0
        dependency=tuple(dependency),
        shocked=shocked,
    )


SIMULATOR = Simulator("omnichannel", "Lalu lintas omnichannel", OmnichannelInputs, simulate_omnichannel)
