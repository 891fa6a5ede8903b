"""A platform instead of a bare fee rate: the terms the other models take from the fees model."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import simulators
from simulators import InputError
from simulators.fees import FeesInputs, PlatformChoice, simulate_fees
from simulators.platform_fee import PlatformFeeChoice, PlatformFeeUsed, fee_terms
from tests.strategies import platform_fee_choices

MARCH = datetime.date(2026, 3, 1)


class TestWorkedExamples:
    def test_shopee_star_fashion(self):
        # Shopee Star, fashion, per 1 Januari 2026: komisi 9 % (Katadata, 9 Desember 2025),
        # biaya proses Rp 1.250 per pesanan sejak 20 Juli 2025 (Fortune IDN, 5 Agustus 2025)
        terms = fee_terms(rate=0.08, platform=PlatformFeeChoice("shopee", "star", "fashion", as_of=MARCH), price=150_000)
        assert terms == (0.09, 1250.0, PlatformFeeUsed("Shopee Star", 150_000.0, 0.09, 1250.0, MARCH))

    def test_cap_lowers_the_share_of_a_dear_order(self):
        # TikTok Shop, fashion, Xtra Boost hari biasa, pesanan Rp 2.000.000 (data/fees.csv baris 6 dan 19,
        # keduanya asumsi beralasan): komisi 10 % = 200.000; Xtra Boost 3,5 % = 70.000, batasnya 60.000 per barang
        # → (200.000 + 60.000) / 2.000.000 = 13 %
        chosen = PlatformFeeChoice("tiktok-shop", "marketplace", "fashion", promo="hari-biasa", as_of=MARCH)
        terms = fee_terms(rate=0.0, platform=chosen, price=2_000_000)
        assert terms.rate == pytest.approx(0.13)
        # pesanan Rp 100.000: 10 % + 3,5 % = 13,5 %, batasnya belum tercapai
        assert fee_terms(rate=0.0, platform=chosen, price=100_000).rate == pytest.approx(0.135)

    def test_new_seller_pays_no_order_fee(self):
        # Shopee Non-Star baru: 50 pesanan pertama tanpa biaya proses (PWI Jatim, 3 Juli 2025)
        chosen = PlatformFeeChoice("shopee", "non-star", "fashion", new_seller="ya", as_of=MARCH)
        assert fee_terms(rate=0.08, platform=chosen, price=150_000).per_order == 0

    def test_bare_rate_without_platform(self):
        assert fee_terms(rate=0.08, platform=None, price=150_000) == (0.08, 0.0, None)

    def test_no_date_means_today(self):
        used = fee_terms(rate=0, platform=PlatformFeeChoice("lazada", "marketplace", "fashion"), price=100_000).used
        assert used.as_of == datetime.date.today()


class TestSameAsTheFeesModel:
    @given(platform_fee_choices(), st.floats(min_value=1, max_value=1e8, allow_nan=False))
    def test_terms_are_the_platform_lines_of_one_item(self, chosen, price):
        # One item, no discount, no affiliate, no PPh 22: the fees model's own platform fees
        plain = PlatformChoice(chosen.platform, chosen.tier, chosen.category, chosen.free_shipping, chosen.promo, chosen.new_seller)
        struk = simulate_fees(inputs=FeesInputs(price=price, as_of=chosen.as_of, platforms=(plain,))).platforms[0]
        terms = fee_terms(rate=0.5, platform=chosen, price=price)
        assert terms.rate * price + terms.per_order == pytest.approx(struk.platform_fees)
        assert 0 <= terms.rate <= 1 and terms.per_order >= 0


class TestBadChoices:
    @pytest.mark.parametrize(
        "choice, field, fragment",
        [
            ({"platform": "blibli", "tier": "marketplace", "category": "fashion"}, "platform.platform",
             "platform tidak dikenal: 'blibli'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada"),
            ({"platform": "shopee", "tier": "gold", "category": "fashion"}, "platform.tier", "Shopee non-star, star, star-plus, mall"),
            ({"platform": "shopee", "tier": "marketplace", "category": "fashion"}, "platform.tier",
             "tier 'marketplace' tidak ada di Shopee; pilih salah satu: non-star, star, star-plus, mall"),
            ({"platform": "shopee", "tier": "star", "category": "buku"}, "platform.category",
             "kelompok kategori tidak dikenal: 'buku'; pilih salah satu: fashion, fmcg, elektronik, lifestyle, lainnya"),
            ({"platform": "tiktok-shop", "tier": "marketplace", "category": "fashion", "free_shipping": "ya", "as_of": "2026-03-01"},
             "platform.free_shipping", "tidak punya program ongkir gratis"),
            ({"platform": "shopee", "tier": "star", "category": "fashion", "promo": "hari-kampanye", "as_of": "2026-03-01"},
             "platform.promo", "pilih salah satu: tidak, hari-biasa"),
            ({"platform": "shopee", "tier": "star", "category": "fashion", "as_of": "2024-01-01"}, "platform.as_of", "harus antara 2025-01-01"),
            ({"platform": "shopee"}, "platform.tier", "wajib diisi"),
        ],
    )
    def test_message_names_the_field_and_what_is_allowed(self, choice, field, fragment):
        with pytest.raises(InputError) as caught:
            simulators.run("roi", {"platform": choice})
        found = {p.field: p.message for p in caught.value.problems}
        assert field in found and fragment in found[field], found

    def test_a_platform_needs_an_order_value(self):
        with pytest.raises(InputError) as caught:
            simulators.run("roi", {"aov": 0, "platform": {"platform": "shopee", "tier": "star", "category": "fashion"}})
        assert [p.field for p in caught.value.problems] == ["aov"]
        assert "wajib lebih dari 0 bila platform dipilih" in caught.value.problems[0].message

    def test_python_objects_are_checked_the_same_way(self):
        with pytest.raises(InputError) as caught:
            PlatformFeeChoice("shopee", "marketplace", "fashion")
        assert [p.field for p in caught.value.problems] == ["tier"]
