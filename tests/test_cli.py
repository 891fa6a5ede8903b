"""The command line: whole JSON documents out, Indonesian problems on stderr."""

import datetime
import json

import pytest

from simulators._registry import dumps
from simulators._validate import to_jsonable
from simulators.cli import main
from simulators.plan import PlanInputs, simulate_plan
from tests.kit import cli


class TestRoiDocument:
    def test_defaults_whole_document(self):
        done = cli("roi", "--defaults")
        assert (done.returncode, done.stderr) == (0, "")
        # dihitung manual (lihat tests/test_roi.py): 80.000 tayangan, 1.200 klik, 36 pesanan,
        # omzet 5.400.000, laba 417.600, ROAS 2,7, BEP 1/0,494, ROI 417.600/2.250.000
        assert json.loads(done.stdout) == {
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
        done = cli("roi", "--json", '{"ad_spend": 0, "fixed_costs": 0}')
        assert done.returncode == 0
        outputs = json.loads(done.stdout)["outputs"]
        assert outputs == {
            "impressions": 0.0, "clicks": 0.0, "orders": 0.0, "revenue": 0.0, "profit": 0.0,
            "roas": None, "break_even_roas": pytest.approx(1 / 0.494), "roi": None, "cpa": None,
            "max_cpa": pytest.approx(74100.0),
        }

    def test_stdin_equals_argument(self):
        text = '{"cpm": 30000, "ctr": 0.02}'
        assert cli("roi", "--json", "-", stdin=text).stdout == cli("roi", "--json", text).stdout

    def test_missing_fields_take_defaults(self):
        partial = json.loads(cli("roi", "--json", '{"aov": 200000}').stdout)["inputs"]
        defaults = json.loads(cli("roi", "--defaults").stdout)["inputs"]
        assert partial == {**defaults, "aov": 200000}


class TestPlatformInsteadOfRate:
    SHOPEE = {"platform": "shopee", "tier": "star", "category": "fashion", "as_of": "2026-03-01"}

    def test_roi_with_platform_whole_document(self):
        done = cli("roi", "--json", json.dumps({"platform": self.SHOPEE}))
        assert (done.returncode, done.stderr) == (0, "")
        # dihitung manual (tests/test_roi.py, TestPlatformChoice): Shopee Star 9 % + Rp 1.250 per pesanan;
        # 36 pesanan, omzet 5.400.000; laba 5.400.000 × 0,95 × 0,51 − 45.000 − 2.250.000 = 321.300
        assert json.loads(done.stdout) == {
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
        done = cli("omnichannel", "--json", json.dumps(payload))
        assert (done.returncode, done.stderr) == (0, "")
        # dihitung manual: 1.000 kunjungan × 10 % = 100 pesanan × 100.000 = 10.000.000;
        # TikTok Shop fashion 10 % dan Rp 1.250: bersih 10.000.000 × 0,9 − 100 × 1.250 = 8.875.000 (fee_rate 5 % tidak dipakai)
        assert json.loads(done.stdout) == {
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
        done = cli("roi", "--json", '{"platform": {"platform": "blibli", "tier": "star", "category": "fashion"}}')
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == "galat: platform.platform: platform tidak dikenal: 'blibli'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada\n"


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
        done = cli("fees", "--json", json.dumps(payload))
        assert done.returncode == 0, done.stderr
        # dihitung manual: lihat tests/test_fees.py, test_defaults_on_three_platforms (Shopee Star)
        assert json.loads(done.stdout) == {
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
        done = cli("fees", "--json", '{"platforms": [{"platform": "blibli", "tier": "x", "category": "fashion"}]}')
        assert done.returncode == 2 and done.stdout == ""
        assert "galat: platforms.0.platform: platform tidak dikenal: 'blibli'; pilih salah satu: tiktok-shop, tokopedia, shopee, lazada" in done.stderr
        assert "Traceback" not in done.stderr


class TestListing:
    def test_list_names_every_simulator(self):
        from simulators import SIMULATORS

        done = cli("--list")
        assert done.returncode == 0
        assert [line.split("\t")[0] for line in done.stdout.splitlines()] == list(SIMULATORS)


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
        done = cli(*args, stdin=stdin)
        assert done.returncode == 2
        assert done.stdout == ""
        assert fragment in done.stderr
        assert "Traceback" not in done.stderr
        assert all(line.startswith("galat: ") for line in done.stderr.splitlines() if line and not line.startswith(" "))

    def test_all_problems_listed_at_once(self):
        done = cli("roi", "--json", '{"cpm": 0, "ctr": -1, "x": 1}')
        assert done.returncode == 2
        fields = [line.split(":")[1].strip() for line in done.stderr.splitlines() if line.startswith("galat:")]
        assert fields == ["x", "cpm", "ctr"]

    def test_in_process_main_matches(self, capsys):
        assert main(["roi", "--json", '{"cpm": -1}']) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "cpm" in captured.err


class TestCadenceDocument:
    def test_one_week_one_post_a_day_whole_document(self):
        done = cli(
            "cadence", "--json",
            '{"posts_per_day": 1, "weeks": 1, "mix": [{"type": "tutorial", "pillar": "edukasi", "weight": 1}]}',
        )
        assert (done.returncode, done.stderr) == (0, "")
        ideas = [
            "Tutorial 30 detik: cara pakai + hasil sebelum–sesudah",
            "Tips cepat: 3 kesalahan saat memakai produk",
            "Jawab pertanyaan pembeli yang paling sering masuk",
            "Panduan memilih ukuran atau varian yang pas",
        ]
        days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
        assert json.loads(done.stdout) == {
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
        done = cli("omnichannel", "--json", json.dumps(payload))
        assert (done.returncode, done.stderr) == (0, "")
        # dihitung manual: v_A = 1.000; v_B = 0 + 1.000 × (1 − 0,1) × 0,5 = 450
        # A: 100 pesanan × 100.000 = 10.000.000, bersih × 0,9 = 9.000.000
        # B: 225 pesanan × 50.000 = 11.250.000, tanpa biaya; total bersih 20.250.000
        share_a, share_b = 9_000_000 / 20_250_000, 11_250_000 / 20_250_000
        assert json.loads(done.stdout) == {
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


class TestPlanDocument:
    """Moved from tests/test_plan.py, which also runs inside Pyodide (no processes there)."""

    def test_document_is_the_model_result(self):
        payload = {"start_date": "2027-01-04", "posts_per_day": 1, "channels": ["Shopee"]}
        done = cli("plan", "--json", json.dumps(payload))
        assert (done.returncode, done.stderr) == (0, "")
        document = json.loads(done.stdout)
        inputs = PlanInputs(start_date=datetime.date(2027, 1, 4), posts_per_day=1, channels=("Shopee",))
        assert document == json.loads(dumps({"inputs": to_jsonable(inputs), "outputs": to_jsonable(simulate_plan(inputs=inputs))}))
        # 1 video sehari = 7 per minggu → 56 posting; 32 tugas bab + 3 tugas kanal + 56 = 91
        assert document["outputs"]["task_count"] == 91
        assert document["inputs"] == payload

    def test_bad_input_exit_2(self):
        done = cli("plan", "--json", '{"channels": ["Shopee", "Shopee"], "posts_per_day": 0}')
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.splitlines() == [
            "galat: posts_per_day: harus lebih dari 0, paling besar 10 (video per hari, mis. 1.5 untuk 3 video tiap 2 hari)",
            "galat: channels.1: nama kanal 'Shopee' sudah ada di channels.0; nama harus unik",
        ]


class TestCampaignDocument:
    """Moved from tests/test_campaign.py, which also runs inside Pyodide (no processes there)."""

    def test_one_event_whole_document(self):
        payload = {
            "start_date": "2027-06-01", "total_budget": 1000000, "events": [{"event": "6.6", "weight": 1}],
            "pre_peak_days": 5, "peak_days": 1, "post_peak_days": 2, "fixed_costs_per_event": 0,
        }
        done = cli("campaign", "--json", json.dumps(payload))
        assert (done.returncode, done.stderr) == (0, "")
        # 6.6 tahun 2027; pra-puncak 5 hari: 1–5 Juni; puncak 6 Juni; pasca 7–8 Juni
        # anggaran 300.000 / 500.000 / 200.000; omzet × 1,5 / 3,5 / 2,0 = 450.000 / 1.750.000 / 400.000
        # laba = omzet × 0,494 − anggaran: −77.700 / 364.500 / −2.400; jumlah 284.400
        phase = lambda key, name, start, end, days, budget, roas, revenue, profit: {  # noqa: E731
            "phase": key, "name": name, "start": start, "end": end, "days": days, "budget": pytest.approx(budget),
            "roas": roas, "expected_revenue": pytest.approx(revenue), "expected_profit": pytest.approx(profit),
        }
        assert json.loads(done.stdout) == {
            "inputs": {
                **payload, "pre_peak_share": 0.3, "peak_share": 0.5, "post_peak_share": 0.2,
                "pre_peak_roas": 1.5, "peak_roas": 3.5, "post_peak_roas": 2.0, "cogs_rate": 0.4,
                "platform_fee_rate": 0.08, "affiliate_rate": 0.0, "return_rate": 0.05,
            },
            "outputs": {
                "window_start": "2027-06-01", "window_end": "2028-05-31",
                "events": [
                    {
                        "event": "6.6", "name": "6.6", "date": "2027-06-06", "peak_date": "2027-06-06",
                        "budget": pytest.approx(1_000_000), "expected_revenue": pytest.approx(2_600_000),
                        "expected_profit": pytest.approx(284_400), "roas": pytest.approx(2.6),
                        "phases": [
                            phase("pre_peak", "Pra-puncak", "2027-06-01", "2027-06-05", 5, 300_000, 1.5, 450_000, -77_700),
                            phase("peak", "Puncak", "2027-06-06", "2027-06-06", 1, 500_000, 3.5, 1_750_000, 364_500),
                            phase("post_peak", "Pasca-puncak", "2027-06-07", "2027-06-08", 2, 200_000, 2.0, 400_000, -2_400),
                        ],
                    }
                ],
                "total_budget": pytest.approx(1_000_000), "total_expected_revenue": pytest.approx(2_600_000),
                "total_expected_profit": pytest.approx(284_400), "roas": pytest.approx(2.6),
                "break_even_roas": pytest.approx(1 / 0.494),
            },
        }

    def test_bad_input_exit_2(self):
        done = cli("campaign", "--json", '{"peak_share": 0.6, "start_date": "2026-13-01"}')
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.splitlines() == [
            "galat: start_date: harus tanggal yang ada, format TTTT-BB-HH (mis. 2025-09-01)",
            "galat: pre_peak_share, peak_share, post_peak_share: ketiganya harus berjumlah 100 % (sekarang 110 %), mis. 30 % + 50 % + 20 % (0.3 + 0.5 + 0.2)",
        ]


class TestRunwayDocument:
    """Moved from tests/test_runway.py, which also runs inside Pyodide (no processes there)."""

    def test_small_case_whole_document(self):
        payload = {
            "channels": [{"name": "Live", "weekly_revenue": 1_000_000}, {"name": "Toko", "weekly_revenue": 1_000_000}],
            "gross_margin": 0.5,
            "fixed_weekly_costs": 800_000,
            "cash_on_hand": 100_000,
            "shock": {"revenue_drop": 1, "weeks": 2},
            "plan": {"weekly_ad_spend": 0, "weekly_content_costs": 0},
            "horizon_weeks": 3,
        }
        done = cli("runway", "--json", json.dumps(payload))
        assert (done.returncode, done.stderr) == (0, "")
        # Live hilang: omzet 1.000.000 → laba 500.000 − 800.000 = −300.000 (minggu 1–2);
        # minggu 3 pulih: 2.000.000 × 0,5 − 800.000 = 200.000. Kas 100.000 → −200.000 → −500.000 → −300.000
        # rencana nol: tayangan 0, omzet 0, laba 0; ROAS, ROI, CPA tak terdefinisi (null)
        week = lambda n, revenue, profit, cash: {  # noqa: E731
            "week": n, "revenue_without_plan": revenue, "revenue_with_plan": revenue, "recovered_revenue": 0.0,
            "plan_ad_spend": 0.0, "plan_profit": 0.0, "profit_without_plan": profit, "profit_with_plan": profit,
            "cash_without_plan": cash, "cash_with_plan": cash,
        }
        assert json.loads(done.stdout) == {
            "inputs": {
                **payload,
                "shock": {"channel": "Live", "revenue_drop": 1, "weeks": 2},
                "plan": {
                    "weekly_ad_spend": 0, "weekly_content_costs": 0, "ramp_weeks": 4, "start_week": 1,
                    "cpm": 25000, "ctr": 0.015, "conversion_rate": 0.03, "aov": 150000, "cogs_rate": 0.4,
                    "platform_fee_rate": 0.08, "affiliate_rate": 0.0, "return_rate": 0.05,
                },
            },
            "outputs": {
                "revenue_before_shock": 2000000.0,
                "profit_before_shock": 200000.0,
                "revenue_lost_per_week": 1000000,
                "plan_at_full_size": {
                    "impressions": 0.0, "clicks": 0.0, "orders": 0.0, "revenue": 0.0, "profit": 0.0, "roas": None,
                    "break_even_roas": pytest.approx(1 / 0.494), "roi": None, "cpa": None, "max_cpa": pytest.approx(74100.0),
                },
                "weekly": [
                    week(1, 1000000.0, -300000.0, -200000.0),
                    week(2, 1000000.0, -300000.0, -500000.0),
                    week(3, 2000000.0, 200000.0, -300000.0),
                ],
                "runway_weeks_without_plan": 1, "runway_weeks_with_plan": 1,
                "lowest_cash_without_plan": -500000.0, "lowest_cash_week_without_plan": 2,
                "lowest_cash_with_plan": -500000.0, "lowest_cash_week_with_plan": 2,
                "break_even_week_without_plan": 3, "break_even_week_with_plan": 3,
                "total_revenue_without_plan": 4000000.0, "total_revenue_with_plan": 4000000.0,
                "total_recovered_revenue": 0.0, "total_plan_ad_spend": 0.0, "total_plan_profit": 0.0,
                "total_profit_without_plan": -400000.0, "total_profit_with_plan": -400000.0,
                "final_cash_without_plan": -300000.0, "final_cash_with_plan": -300000.0,
            },
        }

    def test_bad_input_exit_2(self):
        done = cli("runway", "--json", '{"shock": {"channel": "Shopee"}, "horizon_weeks": 60}')
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr.splitlines() == [
            "galat: horizon_weeks: harus antara 1 dan 52, bilangan bulat",
            "galat: shock.channel: kanal tidak dikenal: 'Shopee'; pilih salah satu: TikTok Shop (Live), Marketplace, Instagram",
        ]
