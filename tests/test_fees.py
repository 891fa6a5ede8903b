"""The fees model: every fee of an order, what the seller keeps, and the lowest price for a target.

Worked examples use the rows of data/fees.csv in force on a fixed day
(``as_of``), so they do not move when the calendar does; each expected number
carries its hand calculation.
"""

import datetime
import math
from dataclasses import replace

import pytest
from hypothesis import assume, given, settings

from simulators import InputError
from simulators._validate import MAX_MONEY, from_json
from simulators.fees import (
    FeesInputs,
    PlatformChoice,
    PlatformCost,
    line_amount,
    platform_cost,
    rounded_price,
    simulate_fees,
)
from tests.strategies import fees_inputs

MARCH_2026 = datetime.date(2026, 3, 1)
TIKTOK = PlatformChoice("tiktok-shop", "marketplace", "fashion")
SHOPEE = PlatformChoice("shopee", "star", "fashion")
LAZADA = PlatformChoice("lazada", "marketplace", "fashion")


def one(choice=SHOPEE, **changes):
    """The result of one platform on 1 March 2026."""
    inputs = FeesInputs(as_of=MARCH_2026, platforms=(choice,), **changes)
    return simulate_fees(inputs=inputs).platforms[0]


def amounts(result):
    return {line.item: line.amount for line in result.lines}


class TestSellerUniversityExamples:
    def test_commission_on_price_after_seller_discount(self):
        # Seller University: (10.000 − 1.000) × 7,5 % = 675
        assert line_amount(rate=0.075, base=10_000 - 1_000) == pytest.approx(675)

    def test_order_fee_once_per_order_whatever_its_items(self):
        # Rp 1.250 per pesanan (Katadata, 31 Juli 2025; Fortune IDN): 1, 3 or 20 items pay it once
        for items in (1, 3, 20):
            assert amounts(one(items_per_order=items))["biaya_proses"] == 1250


class TestWorkedExamples:
    def test_defaults_on_three_platforms(self):
        r = simulate_fees(inputs=FeesInputs(as_of=MARCH_2026))
        tiktok, shopee, lazada = r.platforms
        assert r.lines == tiktok.lines + shopee.lines + lazada.lines
        assert {line.platform for line in shopee.lines} == {"Shopee Star"}
        assert [p.label for p in r.platforms] == ["TikTok Shop", "Shopee Star", "Lazada"]
        # TikTok Shop, fashion, sejak 11 Feb 2026: 10 % × 100.000 = 10.000; + 1.250 per pesanan
        # diterima 100.000 − 11.250 = 88.750; laba 88.750 − 50.000 − 2.000 = 36.750
        assert amounts(tiktok) == {"komisi": 10_000, "biaya_proses": 1250}
        assert tiktok.settlement == pytest.approx(88_750)
        assert tiktok.profit == pytest.approx(36_750)
        assert tiktok.margin == pytest.approx(0.3675)
        # harga untuk laba 20.000: (20.000 + 1.250 + 50.000 + 2.000) / (1 − 0,10) = 81.388,89 → 81.900
        assert tiktok.price_for_profit == pytest.approx(73_250 / 0.9)
        assert tiktok.price_for_profit_rounded == 81_900
        # harga untuk margin 20 %: (1.250 + 52.000) / (1 − 0,10 − 0,20) = 76.071,43 → 76.900
        assert tiktok.price_for_margin == pytest.approx(53_250 / 0.7)
        assert tiktok.price_for_margin_rounded == 76_900
        # Shopee Star, fashion, sejak 1 Jan 2026: 9 % → 9.000; diterima 89.750; laba 37.750
        assert amounts(shopee) == {"komisi": 9_000, "biaya_proses": 1250}
        assert shopee.profit == pytest.approx(37_750)
        # margin 20 %: 53.250 / (1 − 0,09 − 0,20) = 53.250 / 0,71 = 75.000 tepat → 75.900
        assert shopee.price_for_margin == pytest.approx(75_000)
        assert shopee.price_for_margin_rounded == 75_900
        # Lazada: 8 % (batas atas rentang), tanpa biaya proses di data: diterima 92.000, laba 40.000
        assert amounts(lazada) == {"komisi": 8_000}
        assert lazada.profit == pytest.approx(40_000)
        # laba 20.000: 72.000 / 0,92 = 78.260,87 → 78.900; margin 20 %: 52.000 / 0,72 = 72.222,22 → 72.900
        assert lazada.price_for_profit == pytest.approx(72_000 / 0.92)
        assert lazada.price_for_profit_rounded == 78_900
        assert lazada.price_for_margin_rounded == 72_900

    def test_every_line_says_since_when_and_from_where(self):
        shopee = one()
        komisi, proses = shopee.lines
        assert (komisi.rate, komisi.base, komisi.cap) == (0.09, 100_000, None)
        assert komisi.since == "per 1 Januari 2026" and komisi.source == "Katadata, 9 Desember 2025"
        assert (proses.rate, proses.base, proses.since) == (None, None, "per 20 Juli 2025")

    def test_a_rate_that_ended_is_not_applied(self):
        # 1 Des 2025: komisi TikTok Shop fashion masih 8 % (10 % dengan diskon 20 %, s.d. 10 Feb 2026)
        tiktok = simulate_fees(inputs=FeesInputs(as_of=datetime.date(2025, 12, 1), platforms=(TIKTOK,))).platforms[0]
        assert amounts(tiktok)["komisi"] == pytest.approx(8_000)
        assert tiktok.lines[0].since == "per 16 September 2024"

    def test_capped_program_and_its_reverse_price(self):
        phone = PlatformChoice("shopee", "star", "elektronik", promo="hari-biasa")
        r = one(phone, price=2_000_000, cogs=1_500_000)
        # komisi elektronik 10 % → 200.000; Promo XTRA 4,5 % × 2.000.000 = 90.000 > batas 60.000 → 60.000
        assert amounts(r) == {"komisi": 200_000, "promo_xtra": 60_000, "biaya_proses": 1250}
        assert r.lines[1].note == "Batas per barang tercapai."
        # diterima 2.000.000 − 261.250 = 1.738.750; laba 1.738.750 − 1.500.000 − 2.000 = 236.750
        assert r.profit == pytest.approx(236_750)
        # Laba 20.000, di bawah titik batas 60.000 / 0,045 = 1.333.333: (1.523.250) / 0,855 = 1.781.579,
        # di atas titik itu, jadi tidak berlaku; di atasnya (1.523.250 + 60.000) / 0,90 = 1.759.166,67 → 1.759.900
        assert r.price_for_profit == pytest.approx(1_583_250 / 0.9)
        assert r.price_for_profit_rounded == 1_759_900

    def test_several_items_with_a_discount_and_free_shipping(self):
        toko = PlatformChoice("tokopedia", "marketplace", "fashion", free_shipping="ya")
        r = one(toko, price=100_000, discount=10_000, items_per_order=3)
        # dasar 90.000 per barang: komisi 3 × 9.000 = 27.000; Bebas Ongkir 3 × 4 % × 90.000 = 10.800
        # (di bawah batas 20.000 per barang); biaya proses sekali 1.250
        assert amounts(r) == {"komisi": 27_000, "bebas_ongkir": pytest.approx(10_800), "biaya_proses": 1250}
        # penjualan 270.000; diterima 270.000 − 39.050 = 230.950; laba 230.950 − 150.000 − 2.000 = 78.950
        assert r.sales == 270_000
        assert r.settlement == pytest.approx(230_950)
        assert r.profit == pytest.approx(78_950)

    def test_seller_lines_affiliate_shipping_and_pph22(self):
        r = one(affiliate_rate=0.05, shipping_subsidy=5_000, pph22="ya")
        # komisi 9.000; PPh 22 0,5 % × 100.000 = 500; afiliasi 5 % = 5.000; biaya proses 1.250; ongkir 5.000
        assert amounts(r) == {"komisi": 9_000, "pph22": 500, "afiliasi": 5_000, "biaya_proses": 1250, "subsidi_ongkir": 5_000}
        assert r.fees == pytest.approx(20_750)
        # potongan platform sendiri: komisi + biaya proses = 10.250 → 10,25 %
        assert r.platform_fees == pytest.approx(10_250)
        assert r.effective_rate == pytest.approx(0.1025)

    def test_new_seller_free_orders_where_the_schedule_has_them(self):
        # Shopee Non-Star: 50 pesanan pertama seller baru tanpa biaya proses
        free = one(PlatformChoice("shopee", "non-star", "fashion", new_seller="ya"))
        assert amounts(free)["biaya_proses"] == 0
        assert "50 pesanan pertama" in free.lines[-1].note
        # Star: tidak ada aturan itu di data, biaya tetap 1.250
        star = one(PlatformChoice("shopee", "star", "fashion", new_seller="ya"))
        assert amounts(star)["biaya_proses"] == 1250
        assert "tidak berlaku" in star.lines[-1].note


class TestReverseEdges:
    def test_no_price_when_uncapped_fees_and_margin_take_everything(self):
        # afiliasi 90 % + komisi 9 % = 99 %: margin 20 % tak tercapai; laba 20.000 butuh (73.250) / 0,01
        r = one(affiliate_rate=0.9)
        assert r.price_for_margin is None and r.price_for_margin_rounded is None
        assert r.price_for_profit == pytest.approx(7_325_000)
        assert "Tidak ada harga yang mencapai margin target" in r.unreachable
        both = one(affiliate_rate=0.95)
        assert both.price_for_margin is None and both.price_for_profit is None
        assert "target margin dan laba" in both.unreachable

    def test_reachable_targets_leave_no_explanation(self):
        assert one().unreachable == ""

    def test_nothing_fixed_makes_the_discount_the_lowest_price(self):
        # Lazada tanpa biaya proses, HPP dan kemasan 0: K = 0, harga apa pun di atas diskon cukup
        r = one(LAZADA, cogs=0, packaging=0, discount=0, target_profit=0)
        assert r.price_for_margin == 0 and r.price_for_profit == 0

    def test_rounded_price_ends_in_900(self):
        assert rounded_price(75_000) == 75_900
        assert rounded_price(75_900) == 75_900
        assert rounded_price(75_900.0000001) == 75_900  # float noise of the closed form
        assert rounded_price(75_901) == 76_900
        assert rounded_price(0) == 900


class TestPlatformCost:
    def test_rate_and_fee_per_order(self):
        # Shopee Star fashion: 9 % dan Rp 1.250 per pesanan
        assert platform_cost(SHOPEE, price=100_000, on=MARCH_2026) == PlatformCost(0.09, 1250)

    def test_capped_program_lowers_the_rate_at_high_prices(self):
        phone = PlatformChoice("shopee", "star", "elektronik", promo="hari-biasa")
        # 2.000.000: (200.000 + 60.000) / 2.000.000 = 13 %; 100.000: 10 % + 4,5 % = 14,5 %
        assert platform_cost(phone, price=2_000_000, on=MARCH_2026).rate == pytest.approx(0.13)
        assert platform_cost(phone, price=100_000, on=MARCH_2026).rate == pytest.approx(0.145)

    def test_same_figures_as_the_struk(self):
        r = one()
        cost = platform_cost(SHOPEE, price=100_000, on=MARCH_2026)
        assert cost.rate * r.sales + cost.per_order == pytest.approx(r.platform_fees)


# Up to four platforms per example: on a busy 2-core machine one can pass hypothesis's 200 ms deadline.
no_deadline = settings(deadline=None)


class TestProperties:
    @no_deadline
    @given(fees_inputs())
    def test_fees_never_negative_and_caps_respected(self, inputs):
        for p in simulate_fees(inputs=inputs).platforms:
            for line in p.lines:
                assert line.amount >= 0
                if line.cap is not None:
                    assert line.amount <= line.cap * inputs.items_per_order * (1 + 1e-12)
                if line.rate is not None:
                    assert line.amount <= line.rate * line.base * (1 + 1e-12) + 1e-9

    @no_deadline
    @given(fees_inputs())
    def test_settlement_and_profit_identities(self, inputs):
        for p in simulate_fees(inputs=inputs).platforms:
            assert p.sales == pytest.approx(inputs.items_per_order * (inputs.price - inputs.discount))
            assert p.fees == pytest.approx(math.fsum(line.amount for line in p.lines))
            assert p.settlement == pytest.approx(p.sales - p.fees)
            assert p.profit == pytest.approx(p.settlement - p.goods - p.packaging, abs=1e-6)
            assert p.platform_fees + p.other_fees == pytest.approx(p.fees)
            # where each Rupiah of the sale goes: the chart's segments add up to the sale
            assert p.goods + p.platform_fees + p.other_fees + p.packaging + p.profit == pytest.approx(p.sales, abs=1e-6)

    @settings(max_examples=60, deadline=None)
    @given(fees_inputs(max_platforms=2))
    def test_reverse_price_gives_back_the_target(self, inputs):
        for index, p in enumerate(simulate_fees(inputs=inputs).platforms):
            alone = replace(inputs, platforms=(inputs.platforms[index],))
            if p.price_for_profit is not None and p.price_for_profit <= MAX_MONEY:
                back = simulate_fees(inputs=replace(alone, price=p.price_for_profit)).platforms[0]
                scale = max(1.0, back.sales)
                assert back.profit == pytest.approx(inputs.target_profit, abs=1e-7 * scale)
                if p.price_for_profit - inputs.discount >= 1:  # one Rupiah less misses it
                    less = simulate_fees(inputs=replace(alone, price=p.price_for_profit - 1)).platforms[0]
                    assert less.profit < inputs.target_profit + 1e-7 * scale
            if p.price_for_margin is not None and p.price_for_margin <= MAX_MONEY and p.price_for_margin > inputs.discount:
                back = simulate_fees(inputs=replace(alone, price=p.price_for_margin)).platforms[0]
                # margin = profit / sales: compared as profit, so a sale of a few Rupiah after a
                # near-total discount does not magnify float rounding (found inside Pyodide)
                assert back.profit == pytest.approx(inputs.target_margin * back.sales, abs=1e-7 * max(1.0, back.sales))
            for price, rounded in ((p.price_for_profit, p.price_for_profit_rounded), (p.price_for_margin, p.price_for_margin_rounded)):
                if price is not None:
                    assert price <= rounded < price + 1000 and rounded % 1000 == 900

    @no_deadline
    @given(fees_inputs(max_platforms=1))
    def test_profit_rises_with_price(self, inputs):
        assume(inputs.price + 10_000 <= MAX_MONEY)
        low = simulate_fees(inputs=inputs).platforms[0]
        high = simulate_fees(inputs=replace(inputs, price=inputs.price + 10_000)).platforms[0]
        assert high.profit >= low.profit


class TestBadInput:
    def test_unknown_platform_category_and_tier_list_what_is_allowed(self):
        with pytest.raises(InputError) as caught:
            from_json(FeesInputs, {"platforms": [
                {"platform": "shoppe", "tier": "star", "category": "fashion"},
                {"platform": "tokopedia", "tier": "star", "category": "baju"},
            ]})
        assert [str(p) for p in caught.value.problems] == [
            "platforms.0.platform: platform tidak dikenal: 'shoppe'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada",
            "platforms.1.category: kelompok kategori tidak dikenal: 'baju'; pilih salah satu: fashion, fmcg, elektronik, lifestyle, lainnya",
            "platforms.1.tier: tier 'star' tidak ada di Tokopedia; pilih salah satu: marketplace, mall",
        ]

    def test_programs_the_platform_does_not_run(self):
        with pytest.raises(InputError) as caught:
            from_json(FeesInputs, {"as_of": "2026-03-01", "platforms": [
                {"platform": "lazada", "tier": "marketplace", "category": "fashion", "free_shipping": "ya"},
                {"platform": "shopee", "tier": "star", "category": "fashion", "promo": "hari-kampanye"},
            ]})
        assert [p.field for p in caught.value.problems] == ["platforms.0.free_shipping", "platforms.1.promo"]
        assert "pilih salah satu: tidak, hari-biasa" in caught.value.problems[1].message

    def test_a_day_before_the_schedule_names_its_start(self):
        with pytest.raises(InputError) as caught:
            from_json(FeesInputs, {"as_of": "2025-06-01", "platforms": [{"platform": "shopee", "tier": "star", "category": "fashion"}]})
        assert str(caught.value) == "as_of: Shopee Star: komisi Fashion di data kami baru mulai 1 Januari 2026; pilih tanggal sejak itu"

    @pytest.mark.parametrize("payload, fragment", [
        ({"discount": 200_000}, "discount: tidak boleh lebih dari harga"),
        ({"price": -1}, "price: harus antara 0 dan 1.000.000.000.000"),
        ({"items_per_order": 0}, "items_per_order: harus antara 1 dan 1.000"),
        ({"items_per_order": 1.5}, "bilangan bulat"),
        ({"target_margin": 1}, "target_margin: harus antara 0 dan 0,95"),
        ({"pph22": True}, 'pph22: harus "tidak" atau "ya"'),
        ({"as_of": "kemarin"}, "as_of: harus tanggal yang ada"),
        ({"as_of": "2024-12-31"}, "as_of: harus antara 2025-01-01 dan 2030-12-31"),
        ({"platforms": []}, "platforms:"),
        ({"platforms": [{"platform": "shopee", "tier": "star", "category": "fashion"}] * 5}, "platforms:"),
        ({"platforms": [{"platform": "shopee"}]}, "platforms.0.tier: wajib diisi"),
        ({"platforms": [{"platform": "x" * 10_000, "tier": "star", "category": "fashion"}]}, "platforms.0.platform: platform tidak dikenal: 'xxxx"),
    ])
    def test_each_bad_field_is_named(self, payload, fragment):
        with pytest.raises(InputError) as caught:
            from_json(FeesInputs, payload)
        assert fragment in str(caught.value)
        assert all(len(str(p)) < 400 for p in caught.value.problems)

    def test_python_callers_are_checked_too(self):
        with pytest.raises(InputError, match="tier: tier 'star' tidak ada di Lazada"):
            PlatformChoice("lazada", "star", "fashion")
        with pytest.raises(InputError, match="discount: tidak boleh lebih dari harga"):
            FeesInputs(price=1_000, discount=2_000)
