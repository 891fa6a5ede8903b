"""data/fees.csv: every fee dated and sourced (or explained), and the checker that guards it.

The first class reads the CSV with the standard ``csv`` module on its own,
so the rules hold even if the loader had a blind spot; the others drive
``simulators.fee_schedule``. This file also runs inside Pyodide
(tests/test_in_pyodide.py), where the schedule is read from the installed
wheel: there ``test_the_package_reads_the_same_file`` shows the wheel ships
the very file in data/.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import pathlib

import pytest

from simulators.fee_schedule import (
    CATEGORY_GROUPS,
    FEE_COLUMNS,
    ITEMS,
    PLATFORMS,
    TIERS,
    FeeDataError,
    _packaged_or_repo,
    load_schedule,
    months_before,
    schedule,
)

ROOT = pathlib.Path(__file__).resolve().parent.parent
FEES = ROOT / "data" / "fees.csv"
SOURCES = ROOT / "data" / "sources.csv"
SOURCES_TEXT = SOURCES.read_text(encoding="utf-8")


def raw_rows() -> list[tuple[int, dict[str, str]]]:
    with FEES.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == FEE_COLUMNS
        rows = []
        for row in reader:
            assert None not in row, f"fees.csv:{reader.line_num}: more cells than columns (unquoted comma?)"
            rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    return rows


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text if len(text) == 10 else f"{text}-01")


def one_row(**cells: str) -> str:
    """A fees.csv text of the header plus one valid row, with ``cells`` changed."""
    row = {
        "platform": "shopee", "tier": "star", "category_group": "fashion", "item": "komisi", "value": "0.09",
        "value_low": "0.0425", "unit": "pecahan", "cap": "", "valid_from": "2026-01-01", "valid_until": "",
        "source": "katadata-2025-12-09-biaya-admin-shopee", "asumsi": "", "note": "",
    }
    row.update(cells)
    out = io.StringIO()
    writer = csv.DictWriter(out, FEE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue()


def problems_of(text: str) -> list[str]:
    with pytest.raises(FeeDataError) as caught:
        load_schedule(text, SOURCES_TEXT)
    return caught.value.problems


class TestEveryRow:
    def test_there_are_rows_for_each_platform_the_issue_names(self):
        platforms = {p for _, row in raw_rows() for p in row["platform"].split("|")}
        assert platforms == {"tiktok-shop", "tokopedia", "shopee", "lazada"}

    def test_every_row_is_sourced_or_explained(self):
        bare = [line for line, row in raw_rows() if not row["source"] and not row["asumsi"]]
        assert not bare, f"fees.csv lines without source or asumsi: {bare}"

    def test_every_source_id_exists_in_sources_csv(self):
        ids = {row["id"] for row in csv.DictReader(io.StringIO(SOURCES_TEXT))}
        unknown = [(line, row["source"]) for line, row in raw_rows() if row["source"] and row["source"] not in ids]
        assert not unknown

    def test_dates_parse_and_periods_run_forward(self):
        for line, row in raw_rows():
            start = parse_date(row["valid_from"])
            assert dt.date(2020, 1, 1) <= start <= dt.date(2030, 1, 1), line
            if row["valid_until"]:
                assert parse_date(row["valid_until"]) >= start, line

    def test_values_are_in_range_for_their_unit(self):
        for line, row in raw_rows():
            for column in ("value", "value_low"):
                if not row[column]:
                    continue
                value = float(row[column])
                if row["unit"] == "pecahan":
                    assert 0 < value <= 0.3, (line, column)  # a rate, never "4.5" for 4,5 %
                elif row["unit"] == "Rupiah per pesanan":
                    assert value == int(value) and 100 <= value <= 50_000, (line, column)
                else:
                    assert row["unit"] == "pesanan" and value == int(value) >= 1, (line, column)
            if row["value_low"]:
                assert float(row["value_low"]) <= float(row["value"]), line

    def test_caps_are_positive_rupiah_on_rates_only(self):
        capped = [(line, row) for line, row in raw_rows() if row["cap"]]
        assert capped, "the programs with a per-item cap are in the data"
        for line, row in capped:
            assert row["unit"] == "pecahan" and float(row["cap"]) > 0, line

    def test_the_order_processing_fee_is_rp_1250_from_the_published_dates(self):
        fees = {(row["platform"], row["valid_from"]): row["value"] for _, row in raw_rows() if row["item"] == "biaya_proses"}
        # Fortune IDN 5 Agu 2025 (Shopee sejak 20 Juli 2025); Katadata 31 Jul 2025 (Tokopedia dan TikTok Shop 11 Agustus 2025)
        assert fees == {("shopee", "2025-07-20"): "1250", ("tiktok-shop|tokopedia", "2025-08-11"): "1250"}


class TestPackagedSchedule:
    def test_the_package_reads_the_same_file(self):
        # In Pyodide this text comes from simulators/_data/ inside the wheel.
        assert _packaged_or_repo("fees.csv") == FEES.read_text(encoding="utf-8")
        assert _packaged_or_repo("sources.csv") == SOURCES_TEXT

    def test_the_loader_keeps_every_row(self):
        assert len(schedule().rows) == len(raw_rows())

    def test_labels_cover_every_platform_and_tier(self):
        assert set(TIERS) == set(PLATFORMS)
        assert all(ITEMS[row.item] for row in schedule().rows)


class TestLookup:
    fees = schedule()

    def test_shopee_star_fashion_from_january_2026(self):
        row = self.fees.lookup("shopee", "star", "fashion", "komisi", on=dt.date(2026, 3, 1))
        # Katadata 9 Des 2025: Non-Star/Star/Star+ fashion 4,25–9 %
        assert (row.value, row.value_low, row.source) == (0.09, 0.0425, "katadata-2025-12-09-biaya-admin-shopee")

    def test_shopee_mall_is_its_own_tier(self):
        row = self.fees.lookup("shopee", "mall", "fmcg", "komisi", on=dt.date(2026, 3, 1))
        assert (row.value, row.value_low) == (0.117, 0.062)  # Katadata 9 Des 2025: Mall FMCG 6,2–11,7 %

    def test_tiktok_shop_discount_period_then_list_rate(self):
        during = self.fees.lookup("tiktok-shop", "marketplace", "fashion", "komisi", on=dt.date(2025, 12, 1))
        after = self.fees.lookup("tiktok-shop", "marketplace", "fashion", "komisi", on=dt.date(2026, 2, 11))
        # 10 % dengan diskon 20 %: 0,10 × 0,8 = 0,08 sampai 10 Feb 2026; sesudahnya tarif daftar 10 % (asumsi)
        assert during.value == pytest.approx(0.10 * 0.8)
        assert after.value == 0.10 and not after.source and after.asumsi

    def test_the_newest_row_wins(self):
        before = self.fees.lookup("tokopedia", "mall", "lainnya", "komisi", on=dt.date(2026, 1, 1))
        after = self.fees.lookup("tokopedia", "mall", "lainnya", "komisi", on=dt.date(2026, 2, 13))
        assert before.value == 0.102  # Katadata 25 Sep 2025: gaya hidup & lainnya Mall 2,5–10,2 %
        assert after.value == 0.0697  # Seller University 11 Feb 2026: di luar tabel 6,97 % untuk semua seller

    def test_order_fee_starts_on_its_date(self):
        assert self.fees.lookup("shopee", "non-star", "fashion", "biaya_proses", on=dt.date(2025, 7, 19)) is None
        assert self.fees.lookup("shopee", "non-star", "fashion", "biaya_proses", on=dt.date(2025, 7, 20)).value == 1250
        assert self.fees.lookup("tokopedia", "mall", "fmcg", "biaya_proses", on=dt.date(2025, 8, 10)) is None
        assert self.fees.lookup("tiktok-shop", "mall", "fmcg", "biaya_proses", on=dt.date(2025, 8, 11)).value == 1250

    def test_a_program_carries_its_cap(self):
        row = self.fees.lookup("tokopedia", "marketplace", "elektronik", "bebas_ongkir", on=dt.date(2025, 6, 1))
        assert (row.value, row.cap) == (0.04, 20_000)  # Tokopedia Seller Edu: 4 %, maks. Rp 20.000 per item

    def test_a_named_tier_wins_over_semua_on_the_same_date(self):
        text = one_row(tier="semua", value="0.05", value_low="") + one_row(value="0.09").split("\n", 1)[1]
        fees = load_schedule(text, SOURCES_TEXT)
        assert fees.lookup("shopee", "star", "fashion", "komisi", on=dt.date(2026, 1, 1)).value == 0.09
        assert fees.lookup("shopee", "mall", "fashion", "komisi", on=dt.date(2026, 1, 1)).value == 0.05


class TestMalformedRows:
    def test_a_valid_row_loads(self):
        assert len(load_schedule(one_row(), SOURCES_TEXT).rows) == 1

    @pytest.mark.parametrize(
        ("cells", "expected"),
        [
            ({"platform": "bukalapak"}, "baris 2, kolom platform: 'bukalapak' tidak dikenal; pilih dari tiktok-shop, tokopedia, shopee, lazada"),
            ({"tier": "lazmall"}, "baris 2, kolom tier: 'lazmall' tidak ada untuk shopee; pilih semua atau non-star, star, star-plus, mall"),
            ({"category_group": "otomotif"}, "baris 2, kolom category_group: 'otomotif' tidak dikenal"),
            ({"item": "iklan"}, "baris 2, kolom item: 'iklan' tidak dikenal"),
            ({"unit": "persen"}, "baris 2, kolom unit: 'persen' salah untuk komisi; satuannya 'pecahan'"),
            ({"value": "9 %"}, "baris 2, kolom value: '9 %' bukan angka"),
            ({"value": "9"}, "baris 2, kolom value: 9 terlalu besar untuk pecahan"),
            ({"value": "0"}, "baris 2, kolom value: 0 harus lebih dari 0"),
            ({"value": ""}, "baris 2, kolom value: kosong"),
            ({"value_low": "0.2"}, "baris 2, kolom value_low: 0.2 lebih besar dari value 0.09"),
            ({"cap": "-5"}, "baris 2, kolom cap: '-5' bukan batas yang masuk akal"),
            ({"item": "biaya_proses", "unit": "Rupiah per pesanan", "value": "1250", "value_low": "", "cap": "60000"},
             "baris 2, kolom cap: batas per item hanya untuk biaya berupa pecahan"),
            ({"item": "biaya_proses", "unit": "Rupiah per pesanan", "value": "1.250", "value_low": ""},
             "baris 2, kolom value: 1.250 bukan Rupiah bulat 100–50000 per pesanan (tulis tanpa titik ribuan: 1250)"),
            ({"valid_from": "01-01-2026"}, "baris 2, kolom valid_from: '01-01-2026' bukan tanggal"),
            ({"valid_from": "2026-02-30"}, "baris 2, kolom valid_from: '2026-02-30' bukan tanggal"),
            ({"valid_until": "2025-12-31"}, "baris 2, kolom valid_until: 2025-12-31 lebih awal dari valid_from 2026-01-01"),
            ({"source": "katadata-salah-ketik"}, "baris 2, kolom source: sumber 'katadata-salah-ketik' tidak ada di data/sources.csv"),
            ({"source": ""}, "baris 2, kolom asumsi: baris tanpa sumber harus menjelaskan asalnya"),
        ],
    )
    def test_the_message_names_row_and_column(self, cells, expected):
        problems = problems_of(one_row(**cells))
        assert any(expected in p for p in problems), problems
        assert all(p.startswith("data/fees.csv baris 2") for p in problems)

    def test_an_unquoted_comma_is_named(self):
        text = one_row().rstrip("\n") + ",extra\n"
        assert problems_of(text) == [
            "data/fees.csv baris 2: ada sel lebih dari 13 kolom; teks yang memuat koma harus diapit tanda kutip"
        ]

    def test_a_missing_column_is_named(self):
        text = one_row().replace("valid_until,", "", 1)
        assert "kolom valid_until tidak ada" in problems_of(text)[0]

    def test_two_rows_for_the_same_fee_and_date_clash(self):
        text = one_row() + one_row(value="0.08").split("\n", 1)[1]
        assert problems_of(text) == [
            "data/fees.csv baris 3: komisi untuk shopee/star/fashion mulai 2026-01-01 sudah ada di baris 2; hapus salah satu"
        ]

    def test_every_problem_is_reported_at_once(self):
        text = one_row(platform="bukalapak") + one_row(value="9", source="").split("\n", 1)[1]
        assert len(problems_of(text)) == 3  # platform (row 2); value and asumsi (row 3)


class TestStaleWarning:
    fees = schedule()

    def test_months_before_keeps_the_day_or_the_months_last(self):
        assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
        assert months_before(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 15)
        assert months_before(dt.date(2026, 1, 10), 13) == dt.date(2024, 12, 10)

    def test_fires_for_lazada_only_in_march_2026(self):
        # newest Lazada row: September 2024 (Katadata infographic); the PPh 22 row of July 2025 does not count
        assert self.fees.stale(today=dt.date(2026, 3, 1)) == [("lazada", dt.date(2024, 9, 1))]

    def test_fires_at_six_months_and_a_day(self):
        # newest TikTok Shop row with a source: 13 Feb 2026 (Seller University)
        assert "tiktok-shop" not in dict(self.fees.stale(today=dt.date(2026, 8, 13)))
        assert "tiktok-shop" in dict(self.fees.stale(today=dt.date(2026, 8, 14)))

    def test_fires_for_every_platform_a_year_on(self):
        assert [p for p, _ in self.fees.stale(today=dt.date(2027, 3, 1))] == list(PLATFORMS)

    def test_an_assumption_does_not_count_as_a_fresh_schedule(self):
        text = one_row(valid_from="2024-01-01") + one_row(valid_from="2026-06-01", source="", asumsi="perkiraan").split("\n", 1)[1]
        fees = load_schedule(text, SOURCES_TEXT)
        assert fees.newest("shopee") == dt.date(2024, 1, 1)

    def test_the_warning_names_platform_date_and_what_to_do(self):
        [message] = self.fees.stale_warnings(today=dt.date(2026, 3, 1))
        line = next(line for line, row in raw_rows() if row["platform"] == "lazada" and row["valid_from"] == "2024-09")
        assert message.startswith(f"Jadwal biaya Lazada di data/fees.csv terakhir berlaku mulai 2024-09 (baris {line})")
        assert "tambahkan barisnya" in message
        assert self.fees.stale_warnings(today=dt.date(2026, 2, 1), months=24) == []


def test_groups_named_in_the_data_are_known():
    groups = {g for _, row in raw_rows() for g in row["category_group"].split("|")}
    assert groups <= {*CATEGORY_GROUPS, "semua"}
