"""The command line: whole JSON documents out, Indonesian problems on stderr."""

import json
import subprocess
import sys

import pytest

from simulators.cli import main


def cli(*args, stdin=""):
    """Run the real ``python -m simulators`` in a subprocess (exit code, stdout, stderr)."""
    done = subprocess.run(
        [sys.executable, "-m", "simulators", *args], input=stdin, capture_output=True, text=True
    )
    return done.returncode, done.stdout, done.stderr


class TestRoiDocument:
    def test_defaults_whole_document(self):
        code, out, err = cli("roi", "--defaults")
        assert (code, err) == (0, "")
        # dihitung manual (lihat tests/test_roi.py): 80.000 tayangan, 1.200 klik, 36 pesanan,
        # omzet 5.400.000, laba 417.600, ROAS 2,7, BEP 1/0,494, ROI 417.600/2.250.000
        assert json.loads(out) == {
            "inputs": {
                "ad_spend": 2000000, "cpm": 25000, "ctr": 0.015, "conversion_rate": 0.03,
                "aov": 150000, "cogs_rate": 0.4, "platform_fee_rate": 0.08, "affiliate_rate": 0.0,
                "return_rate": 0.05, "fixed_costs": 250000,
            },
            "outputs": {
                "impressions": 80000.0, "clicks": 1200.0, "orders": 36.0, "revenue": 5400000.0,
                "profit": pytest.approx(417600.0), "roas": 2.7,
                "break_even_roas": pytest.approx(1 / 0.494), "roi": pytest.approx(0.1856),
                "cpa": pytest.approx(2000000 / 36), "max_cpa": pytest.approx(74100.0),
            },
        }

    def test_zero_spend_document_has_nulls(self):
        # tanpa iklan: 0 tayangan, 0 pesanan; ROAS dan CPA tidak terdefinisi → null
        code, out, _ = cli("roi", "--json", '{"ad_spend": 0, "fixed_costs": 0}')
        assert code == 0
        outputs = json.loads(out)["outputs"]
        assert outputs == {
            "impressions": 0.0, "clicks": 0.0, "orders": 0.0, "revenue": 0.0, "profit": 0.0,
            "roas": None, "break_even_roas": pytest.approx(1 / 0.494), "roi": None, "cpa": None,
            "max_cpa": pytest.approx(74100.0),
        }

    def test_stdin_equals_argument(self):
        text = '{"cpm": 30000, "ctr": 0.02}'
        assert cli("roi", "--json", "-", stdin=text)[1] == cli("roi", "--json", text)[1]

    def test_missing_fields_take_defaults(self):
        partial = json.loads(cli("roi", "--json", '{"aov": 200000}')[1])["inputs"]
        defaults = json.loads(cli("roi", "--defaults")[1])["inputs"]
        assert partial == {**defaults, "aov": 200000}


class TestPlatformInsteadOfRate:
    SHOPEE = {"platform": "shopee", "tier": "star", "category": "fashion", "as_of": "2026-03-01"}

    def test_roi_with_platform_whole_document(self):
        code, out, err = cli("roi", "--json", json.dumps({"platform": self.SHOPEE}))
        assert (code, err) == (0, "")
        # dihitung manual (tests/test_roi.py, TestPlatformChoice): Shopee Star 9 % + Rp 1.250 per pesanan;
        # 36 pesanan, omzet 5.400.000; laba 5.400.000 × 0,95 × 0,51 − 45.000 − 2.250.000 = 321.300
        assert json.loads(out) == {
            "inputs": {
                "ad_spend": 2000000, "cpm": 25000, "ctr": 0.015, "conversion_rate": 0.03,
                "aov": 150000, "cogs_rate": 0.4, "platform_fee_rate": 0.08, "affiliate_rate": 0.0,
                "return_rate": 0.05, "fixed_costs": 250000,
                "platform": {**self.SHOPEE, "free_shipping": "tidak", "promo": "tidak", "new_seller": "tidak"},
            },
            "outputs": {
                "impressions": 80000.0, "clicks": 1200.0, "orders": 36.0, "revenue": 5400000.0,
                "profit": pytest.approx(321_300.0), "roas": 2.7,
                "break_even_roas": pytest.approx(1 / (0.4845 - 1250 / 150000)), "roi": pytest.approx(321_300 / 2_250_000),
                "cpa": pytest.approx(2000000 / 36), "max_cpa": pytest.approx(71_425.0),
                "platform_fee": {"label": "Shopee Star", "price": 150000.0, "rate": 0.09, "per_order": 1250.0, "as_of": "2026-03-01"},
            },
        }

    def test_omnichannel_with_a_platform_channel_whole_document(self):
        tiktok = {"platform": "tiktok-shop", "tier": "marketplace", "category": "fashion", "free_shipping": "tidak",
                  "promo": "tidak", "new_seller": "tidak", "as_of": "2026-03-01"}
        payload = {
            "channels": [{"name": "TikTok Shop", "traffic": 1000, "conversion_rate": 0.1, "aov": 100000, "fee_rate": 0.05, "platform": tiktok}],
            "links": [],
            "shock": None,
        }
        code, out, err = cli("omnichannel", "--json", json.dumps(payload))
        assert (code, err) == (0, "")
        # dihitung manual: 1.000 kunjungan × 10 % = 100 pesanan × 100.000 = 10.000.000;
        # TikTok Shop fashion 10 % dan Rp 1.250: bersih 10.000.000 × 0,9 − 100 × 1.250 = 8.875.000 (fee_rate 5 % tidak dipakai)
        assert json.loads(out) == {
            "inputs": payload,
            "outputs": {
                "channels": [{"name": "TikTok Shop", "visits": 1000.0, "orders": 100.0, "revenue": 10_000_000.0,
                              "net_revenue": 8_875_000.0, "share": 1.0,
                              "platform_fee": {"label": "TikTok Shop", "price": 100000.0, "rate": 0.1, "per_order": 1250.0, "as_of": "2026-03-01"}}],
                "total_visits": 1000.0, "total_orders": 100.0, "total_revenue": 10_000_000.0, "total_net_revenue": 8_875_000.0,
                "hhi": 1.0,
                "dependency": [{"name": "TikTok Shop", "revenue_lost_share": 1.0}],
                "shocked": None,
            },
        }

    def test_unknown_platform_exits_2_listing_the_platforms(self):
        code, out, err = cli("roi", "--json", '{"platform": {"platform": "blibli", "tier": "star", "category": "fashion"}}')
        assert (code, out) == (2, "")
        assert err == "galat: platform.platform: platform tidak dikenal: 'blibli'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada\n"


class TestFeesDocument:
    def test_whole_document(self):
        payload = {"as_of": "2026-03-01", "platforms": [{"platform": "shopee", "tier": "star", "category": "fashion"}]}
        lines = [
            {"platform": "Shopee Star", "item": "komisi", "label": "Komisi platform (biaya administrasi)", "rate": 0.09,
             "base": 100000, "cap": None, "amount": 9000.0, "since": "per 1 Januari 2026",
             "source": "Katadata, 9 Desember 2025", "note": ""},
            {"platform": "Shopee Star", "item": "biaya_proses", "label": "Biaya proses pesanan", "rate": None, "base": None,
             "cap": None, "amount": 1250.0, "since": "per 20 Juli 2025",
             "source": "Fortune IDN, 5 Agustus 2025",
             "note": "Sekali per pesanan, berapa pun jumlah barangnya."},
        ]
        code, out, err = cli("fees", "--json", json.dumps(payload))
        assert code == 0, err
        # dihitung manual: lihat tests/test_fees.py, test_defaults_on_three_platforms (Shopee Star)
        assert json.loads(out) == {
            "inputs": {
                "price": 100000, "discount": 0, "shipping_subsidy": 0, "cogs": 50000, "packaging": 2000,
                "affiliate_rate": 0.0, "items_per_order": 1, "pph22": "tidak", "as_of": "2026-03-01",
                "target_margin": 0.2, "target_profit": 20000,
                "platforms": [{"platform": "shopee", "tier": "star", "category": "fashion",
                               "free_shipping": "tidak", "promo": "tidak", "new_seller": "tidak"}],
            },
            "outputs": {
                "as_of": "2026-03-01",
                "platforms": [{
                    "label": "Shopee Star", "platform": "shopee", "tier": "star", "category": "fashion",
                    "lines": lines,
                    "sales": 100000, "fees": 10250.0, "settlement": 89750.0, "goods": 50000, "packaging": 2000,
                    "profit": 37750.0, "margin": 0.3775, "platform_fees": 10250.0, "other_fees": 0.0, "effective_rate": 0.1025,
                    "price_for_margin": pytest.approx(75_000), "price_for_margin_rounded": 75900,
                    "price_for_profit": pytest.approx(73_250 / 0.91), "price_for_profit_rounded": 80900,
                    "unreachable": "",
                }],
                "lines": lines,
            },
        }

    def test_bad_platform_exits_2_with_indonesian_message(self):
        code, out, err = cli("fees", "--json", '{"platforms": [{"platform": "blibli", "tier": "x", "category": "fashion"}]}')
        assert code == 2 and out == ""
        assert "galat: platforms.0.platform: platform tidak dikenal: 'blibli'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada" in err
        assert "Traceback" not in err


class TestListing:
    def test_list_names_every_simulator(self):
        from simulators import SIMULATORS

        code, out, _ = cli("--list")
        assert code == 0
        assert [line.split("\t")[0] for line in out.splitlines()] == list(SIMULATORS)


BAD = [
    # (arguments, stdin, fragment expected on stderr)
    (("roi", "--json", '{"cpm": 0}'), "", "cpm: harus lebih dari 0"),
    (("roi", "--json", '{"ad_spend": -5}'), "", "ad_spend: harus antara 0"),
    (("roi", "--json", '{"ctr": 2}'), "", "ctr: harus antara 0 dan 1"),
    (("roi", "--json", '{"aov": 1e999}'), "", "aov: harus angka terhingga"),
    (("roi", "--json", '{"aov": NaN}'), "", "NaN bukan angka JSON"),
    (("roi", "--json", '{"aov": -Infinity}'), "", "-Infinity bukan angka JSON"),
    (("roi", "--json", '{"aov": "150000"}'), "", "aov: harus berupa angka"),
    (("roi", "--json", '{"aov": null}'), "", "aov: wajib diisi angka, bukan null"),
    (("roi", "--json", '{"budget": 1}'), "", "budget: kolom tidak dikenal"),
    (("roi", "--json", "[1, 2]"), "", "harus berupa objek JSON"),
    (("roi", "--json", '"teks"'), "", "harus berupa objek JSON"),
    (("roi", "--json", "{oops"), "", "JSON tidak bisa dibaca"),
    (("roi", "--json", "-"), "", "JSON tidak bisa dibaca"),
    (("roi", "--json", '{"ctr": 0.5, "ctr": "x"}'), "", "ctr: harus berupa angka"),
    (("roi",), "", "--defaults atau --json"),
    (("roi", "--defaults", "--json", "{}"), "", "--defaults atau --json"),
    (("tiktok", "--defaults"), "", "simulator: tidak dikenal"),
    ((), "", "sebutkan nama simulator"),
    (("--json", "{}"), "", "sebutkan nama simulator"),
]


class TestBadInput:
    @pytest.mark.parametrize("args, stdin, fragment", BAD)
    def test_exit_2_one_line_per_problem_nothing_on_stdout(self, args, stdin, fragment):
        code, out, err = cli(*args, stdin=stdin)
        assert code == 2
        assert out == ""
        assert fragment in err
        assert "Traceback" not in err
        assert all(line.startswith("galat: ") for line in err.splitlines() if line and not line.startswith(" "))

    def test_all_problems_listed_at_once(self):
        code, _, err = cli("roi", "--json", '{"cpm": 0, "ctr": -1, "x": 1}')
        assert code == 2
        fields = [line.split(":")[1].strip() for line in err.splitlines() if line.startswith("galat:")]
        assert fields == ["x", "cpm", "ctr"]

    def test_in_process_main_matches(self, capsys):
        assert main(["roi", "--json", '{"cpm": -1}']) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "cpm" in captured.err


class TestCadenceDocument:
    def test_one_week_one_post_a_day_whole_document(self):
        code, out, err = cli(
            "cadence", "--json",
            '{"posts_per_day": 1, "weeks": 1, "mix": [{"type": "tutorial", "pillar": "edukasi", "weight": 1}]}',
        )
        assert (code, err) == (0, "")
        ideas = [
            "Tutorial 30 detik: cara pakai + hasil sebelum–sesudah",
            "Tips cepat: 3 kesalahan saat memakai produk",
            "Jawab pertanyaan pembeli yang paling sering masuk",
            "Panduan memilih ukuran atau varian yang pas",
        ]
        days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
        assert json.loads(out) == {
            "inputs": {
                "posts_per_day": 1, "weeks": 1, "minutes_per_video": 45, "batch_saving": 0.3,
                "hours_per_week": 10, "views_per_post": 500, "weekly_growth": 0.1,
                "saturation_posts_per_day": 2, "start_date": "2025-09-01",
                "mix": [{"type": "tutorial", "pillar": "edukasi", "weight": 1}],
            },
            "outputs": {
                "posts_per_week": 7,  # round(1 × 7)
                "effective_posts_per_week": 7.0,  # 7 ≤ 2 × 7: no saturation
                "hours_needed_per_week": pytest.approx(3.675),  # 7 × 45 / 60 × (1 − 0,3)
                "capacity_ok": True,  # 3,675 ≤ 10
                "utilization": pytest.approx(0.3675),  # 3,675 / 10
                "weekly": [{"week": 1, "start": "2025-09-01", "posts": 7, "views": 3500.0}],  # 500 × 7
                "total_posts": 7,
                "total_views": 3500.0,
                "pillar_share": [
                    {"pillar": "edukasi", "posts": 7, "share": 1.0},
                    {"pillar": "hiburan", "posts": 0, "share": 0.0},
                    {"pillar": "bukti sosial", "posts": 0, "share": 0.0},
                ],
                # one post a day, Monday 1 September 2025 to Sunday 7 September
                "calendar": [
                    {"date": f"2025-09-0{d + 1}", "day": days[d], "type": "tutorial",
                     "pillar": "edukasi", "idea": ideas[d % 4]}
                    for d in range(7)
                ],
            },
        }


class TestOmnichannelDocument:
    def test_two_channels_one_link_whole_document(self):
        payload = {
            "channels": [
                {"name": "A", "traffic": 1000, "conversion_rate": 0.1, "aov": 100000, "fee_rate": 0.1},
                {"name": "B", "traffic": 0, "conversion_rate": 0.5, "aov": 50000, "fee_rate": 0},
            ],
            "links": [{"from": "A", "to": "B", "rate": 0.5}],
            "shock": None,
        }
        code, out, err = cli("omnichannel", "--json", json.dumps(payload))
        assert (code, err) == (0, "")
        # dihitung manual: v_A = 1.000; v_B = 0 + 1.000 × (1 − 0,1) × 0,5 = 450
        # A: 100 pesanan × 100.000 = 10.000.000, bersih × 0,9 = 9.000.000
        # B: 225 pesanan × 50.000 = 11.250.000, tanpa biaya; total bersih 20.250.000
        share_a, share_b = 9_000_000 / 20_250_000, 11_250_000 / 20_250_000
        assert json.loads(out) == {
            "inputs": payload,
            "outputs": {
                "channels": [
                    {"name": "A", "visits": 1000.0, "orders": 100.0, "revenue": 10_000_000.0,
                     "net_revenue": 9_000_000.0, "share": pytest.approx(share_a)},
                    {"name": "B", "visits": 450.0, "orders": 225.0, "revenue": 11_250_000.0,
                     "net_revenue": 11_250_000.0, "share": pytest.approx(share_b)},
                ],
                "total_visits": 1450.0,
                "total_orders": 325.0,
                "total_revenue": 21_250_000.0,
                "total_net_revenue": 20_250_000.0,
                "hhi": pytest.approx(share_a**2 + share_b**2),  # 0,1975 + 0,3086 = 0,5062
                # without A, B gets no visitors: everything is lost; without B, its 11,25 juta
                "dependency": [
                    {"name": "A", "revenue_lost_share": 1.0},
                    {"name": "B", "revenue_lost_share": pytest.approx(share_b)},
                ],
                "shocked": None,
            },
        }
