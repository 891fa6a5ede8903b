"""The fee tables of the pages (sitebuild/fees.py, sitebuild/hooks/fees.py) and their build log."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import pathlib
import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from simulators.fee_schedule import load_schedule, schedule
from sitebuild import fees

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES_TEXT = (ROOT / "data" / "sources.csv").read_text(encoding="utf-8")


def _load_hook():
    spec = importlib.util.spec_from_file_location("fees_hook", ROOT / "sitebuild" / "hooks" / "fees.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


class FakeFiles:
    def get_file_from_path(self, path):
        return SimpleNamespace(content_string="[[tabel-sumber]]") if path == "referensi/sumber.md" else None


def render(text: str, *, today=dt.date(2026, 3, 1)) -> str:
    hook._state.update(schedule=schedule(), today=today)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="referensi/biaya-platform.md"))
    return hook.on_page_markdown(text, page=page, config={}, files=FakeFiles())


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u2060", "")


class TestAmounts:
    fees = schedule()

    def row(self, platform, tier, group, item, on=dt.date(2026, 3, 1)):
        return self.fees.lookup(platform, tier, group, item, on=on)

    def test_a_range_is_written_once_with_its_unit(self):
        assert fees.amount_text(self.row("shopee", "mall", "fashion", "komisi")) == "3,2–11,7 %"

    def test_a_fee_per_order_is_rupiah(self):
        assert fees.amount_text(self.row("shopee", "star", "fmcg", "biaya_proses")) == "Rp 1.250 per pesanan"

    def test_a_cap_follows_the_rate(self):
        row = self.row("tiktok-shop", "marketplace", "fmcg", "xtra_boost")
        assert fees.amount_text(row) == "3,5 %, maks. Rp 60.000 per item"

    def test_a_month_only_date_stays_a_month(self):
        assert fees.since_text(self.row("lazada", "lazmall", "fmcg", "komisi")) == "per September 2024"

    def test_an_ended_row_says_until_when(self):
        row = self.row("tokopedia", "marketplace", "fashion", "komisi", on=dt.date(2025, 12, 1))
        assert fees.since_text(row) == "per 16 September 2024 s.d. 10 Februari 2026"


class TestPlatformTable:
    def test_every_commission_cell_has_its_date_and_footnote(self):
        out = plain(render("[[tabel-biaya:shopee]]"))
        cells = re.findall(r"\| ([^|]*<br><small>[^|]*) ", out)
        assert len(cells) == 10  # 5 kelompok kategori × (Non-Star/Star/Star+, Mall)
        assert all(re.fullmatch(r"[0-9,–]+ %\[\^sumber-katadata-2025-12-09-biaya-admin-shopee\]<br><small>per 1 Januari 2026</small>", c) for c in cells)
        assert "| Non-Star, Star, Star+ | Shopee Mall |" in out  # identical tiers share a column

    def test_the_order_fee_row_shows_amount_date_and_source(self):
        out = plain(render("[[tabel-biaya:shopee]]"))
        assert "| Biaya proses pesanan | Rp 1.250 per pesanan[^sumber-fortuneidn-2025-08-05-biaya-proses] | per 20 Juli 2025 |" in out
        assert "[^sumber-fortuneidn-2025-08-05-biaya-proses]: Fortune IDN, “Tokopedia & TikTok Akan Kenakan" in out

    def test_an_assumption_gets_its_reason_as_footnote(self):
        out = render("[[tabel-biaya:shopee]]")
        line = next(r for r in schedule().rows if r.item == "promo_xtra")
        assert f"[^asumsi-biaya-{line.line}]: Asumsi: Tarif dan batas per item" in out

    def test_one_rate_for_every_category_is_one_row(self):
        out = plain(render("[[tabel-biaya:lazada]]"))
        assert "| Semua kategori | 4,25–8 %" in out and "| Fashion |" not in out

    def test_a_range_does_not_break_on_a_phone(self):
        assert "3,2–\u206011,7\u00a0%" in render("[[tabel-biaya:shopee]]")

    def test_stale_platform_gets_a_warning_box_for_the_reader(self):
        out = render("[[tabel-biaya:lazada]]\n\n[[tabel-biaya:shopee]]", today=dt.date(2026, 3, 1))
        assert '!!! warning "Angka Lazada paling baru September 2024"' in out
        assert "Angka Shopee" not in out  # 1 Januari 2026 is less than 6 months before 1 Maret 2026

    def test_the_tax_table_lists_pph22(self):
        assert "PPh Pasal 22 yang dipungut marketplace | 0,5 % dari penjualan" in plain(render("[[tabel-biaya:pajak]]"))

    def test_a_source_token_is_a_footnote(self):
        out = render("Rumusnya dari sini.[[sumber-biaya:tiktokshop-su-2026-02-11-komisi]]")
        assert out.startswith("Rumusnya dari sini.[^sumber-tiktokshop-su-2026-02-11-komisi]")
        assert "[^sumber-tiktokshop-su-2026-02-11-komisi]: TikTok Shop by Tokopedia Seller University" in out

    def test_a_footnote_the_figures_hook_already_wrote_is_not_repeated(self):
        text = "Teks.[^sumber-suara-2025-07-14]\n\n[[tabel-biaya:pajak]]\n\n[^sumber-suara-2025-07-14]: sudah ada\n"
        assert render(text).count("[^sumber-suara-2025-07-14]:") == 1

    def test_a_token_in_code_is_left_alone(self):
        assert render("Tulis `[[tabel-biaya:shopee]]` di barisnya.") == "Tulis `[[tabel-biaya:shopee]]` di barisnya."


class TestBadTokens:
    def test_unknown_platform_lists_the_choices(self):
        with pytest.raises(PluginError, match=r"\[\[tabel-biaya:bukalapak\]\]: platform tidak dikenal; pilih tiktok-shop, tokopedia, shopee, lazada atau pajak"):
            render("[[tabel-biaya:bukalapak]]")

    def test_unknown_source(self):
        with pytest.raises(PluginError, match="sumber itu tidak ada di data/sources.csv"):
            render("x[[sumber-biaya:tidak-ada]]")

    def test_a_table_token_inside_a_sentence(self):
        with pytest.raises(PluginError, match="harus berdiri sendiri di barisnya"):
            render("Lihat [[tabel-biaya:shopee]] di sini.")


class TestBuildLog:
    def test_stale_platforms_get_a_warning_that_strict_builds_do_not_count(self, caplog):
        with caplog.at_level(logging.INFO):
            lines = hook.report_stale(schedule(), today=dt.date(2026, 3, 1))
        assert [(r.name, r.levelname) for r in caplog.records] == [("playbook.fees", "WARNING")]
        assert caplog.records[0].getMessage() == "PERINGATAN biaya platform: " + lines[0]
        assert "Lazada" in lines[0]

    def test_a_scheduled_check_can_make_it_an_mkdocs_warning(self, caplog):
        with caplog.at_level(logging.INFO):
            hook.report_stale(schedule(), today=dt.date(2027, 3, 1), level="strict")
        assert [(r.name, r.levelname) for r in caplog.records] == [("mkdocs.hooks.fees", "WARNING")] * 4

    def test_info_quietens_it(self, caplog):
        with caplog.at_level(logging.INFO):
            hook.report_stale(schedule(), today=dt.date(2027, 3, 1), level="info")
        assert [r.levelname for r in caplog.records] == ["INFO"] * 4

    def test_an_unknown_level_is_refused(self):
        with pytest.raises(PluginError, match="PLAYBOOK_FEES_STALE='loud' tidak dikenal; pilih warning, strict, info"):
            hook.report_stale(schedule(), today=dt.date(2026, 3, 1), level="loud")

    def test_a_broken_row_stops_the_build_naming_line_and_column(self, tmp_path):
        (tmp_path / "sources.csv").write_text(SOURCES_TEXT, encoding="utf-8")
        text = (ROOT / "data" / "fees.csv").read_text(encoding="utf-8").replace(",1250,", ",1.250,", 1)
        (tmp_path / "fees.csv").write_text(text, encoding="utf-8")
        with pytest.raises(PluginError, match=r"data/fees.csv baris \d+, kolom value: 1.250 bukan Rupiah bulat"):
            hook.load(tmp_path)


def test_the_sources_page_lines_describe_each_fee():
    line = fees.describe(load_schedule((ROOT / "data" / "fees.csv").read_text(encoding="utf-8"), SOURCES_TEXT).rows[-1])
    assert line == "semua marketplace: PPh Pasal 22 yang dipungut marketplace 0,5 % per 14 Juli 2025"
