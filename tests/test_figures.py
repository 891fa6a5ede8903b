"""The figures of data/ and the [[fakta:...]] tokens that put them in the pages.

Worked examples carry their hand arithmetic; the hook is exercised on a small
data folder written by the test, so the expected text does not move when the
real data/ grows.
"""

from __future__ import annotations

import importlib.util
import pathlib
import textwrap
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.exceptions import PluginError

from sitebuild import figures
from sitebuild.figures import Figure, format_date, format_number, format_range, format_value

ROOT = pathlib.Path(__file__).resolve().parent.parent
NBSP = "\u00a0"


def _load_hook():
    spec = importlib.util.spec_from_file_location("figures_hook", ROOT / "sitebuild" / "hooks" / "figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


def write_data(folder: pathlib.Path, *, sources: str, facts: str, defaults: dict[str, str] | None = None) -> pathlib.Path:
    (folder / "defaults").mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text(textwrap.dedent(sources).lstrip(), encoding="utf-8")
    (folder / "facts.csv").write_text(textwrap.dedent(facts).lstrip(), encoding="utf-8")
    for name, text in (defaults or {}).items():
        (folder / "defaults" / f"{name}.csv").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return folder


SOURCES = """\
    id,outlet,title,date,note
    koran-2025-08-30,Koran Contoh,"Live Mati, Omzet Turun",2025-08-30,
    laporan-2025-09,Laporan Contoh,Playbook UMKM,2025-09,Bulan terbit diperkirakan.
    """
FACTS = """\
    id,value,unit,meaning,source,asumsi
    drop_min,0.40,pecahan,Batas bawah penurunan omzet,laporan-2025-09,
    drop_max,0.60,pecahan,Batas atas penurunan omzet,laporan-2025-09,
    off_date,2025-08-30,tanggal,Malam Live dimatikan,koran-2025-08-30,
    omzet_min,150000,Rupiah per hari,Omzet harian terendah,koran-2025-08-30,
    omzet_max,200000,Rupiah per hari,Omzet harian tertinggi,koran-2025-08-30,
    gmv,528.6,triliun Rupiah,Nilai transaksi global,laporan-2025-09,
    cpm_low,15000,Rupiah,CPM murah,,"Perkiraan kasar, bukan dari artikel."
    cpm_high,40000,Rupiah,CPM mahal,laporan-2025-09,
    """


@pytest.fixture()
def catalog(tmp_path):
    return figures.load(write_data(tmp_path / "data", sources=SOURCES, facts=FACTS))


def page(src: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src), url=src.replace(".md", "/"))


class FakeFiles:
    """Just enough of mkdocs' Files for the hook: one sources page with the table token."""

    def __init__(self, sources_page_text: str | None = "# Sumber\n\n[[tabel-sumber]]\n"):
        self.text = sources_page_text

    def get_file_from_path(self, path):
        if path == "referensi/sumber.md" and self.text is not None:
            return SimpleNamespace(content_string=self.text)
        return None


def render(catalog, text: str, src: str = "jualan/iklan-roi.md", files=None) -> str:
    hook._state["catalog"] = catalog
    return hook.on_page_markdown(text, page=page(src), config={}, files=files or FakeFiles())


class TestFormatValue:
    def test_fraction_is_a_percentage(self):
        # 0,40 × 100 = 40; 0,015 × 100 = 1,5 (decimal comma)
        assert format_value("0.40", "pecahan") == "40 %"
        assert format_value("0.015", "pecahan") == "1,5 %"

    def test_fraction_keeps_the_rest_of_its_unit(self):
        # 0,10 × 100 = 10
        assert format_value("0.10", "pecahan per minggu") == "10 % per minggu"

    def test_rupiah_groups_thousands_with_dots(self):
        assert format_value("150000", "Rupiah") == "Rp 150.000"
        assert format_value("2000000", "Rupiah") == "Rp 2.000.000"
        assert format_value("150000", "Rupiah per hari") == "Rp 150.000 per hari"

    def test_scaled_rupiah_puts_the_scale_after_the_number(self):
        assert format_value("528.6", "triliun Rupiah") == "Rp 528,6 triliun"
        assert format_value("100", "triliun Rupiah") == "Rp 100 triliun"
        assert format_value("2.5", "juta Rupiah") == "Rp 2,5 juta"

    def test_date_uses_indonesian_month_names(self):
        assert format_value("2025-08-30", "tanggal") == "30 Agustus 2025"
        assert format_date("2027-02-08") == "8 Februari 2027"
        assert format_date("2025-09") == "September 2025"

    def test_other_units_follow_the_number(self):
        assert format_value("1.5", "jam") == "1,5 jam"
        assert format_value("7", "hari") == "7 hari"

    def test_calendar_year_is_not_grouped(self):
        # 2022 is a year, never "2.022 tahun"; 13 tahun is an age
        assert format_value("2022", "tahun") == "tahun 2022"
        assert format_value("13", "tahun") == "13 tahun"

    def test_level_is_named_before_its_number(self):
        # an account level reads "dari level 1 ke level 3", never "dari 1 level ke 3 level"
        assert format_value("1", "level") == "level 1"
        low, high = Figure("a", "1", "level", ""), Figure("b", "3", "level", "")
        assert format_range(low, high) == "level 1–3"

    def test_text_value_is_shown_as_is(self):
        assert format_value("TikTok Shop", "teks") == "TikTok Shop"

    def test_exact_decimals_no_float_noise(self):
        # 0,07 × 100 in floats is 7,000000000000001; Decimal keeps 7
        assert format_value("0.07", "pecahan") == "7 %"
        assert format_number("1234567.25") == "1.234.567,25"

    def test_bad_values_are_refused(self):
        with pytest.raises(ValueError, match="bukan angka"):
            format_value("empat puluh", "pecahan")
        with pytest.raises(ValueError, match="bukan tanggal"):
            format_date("2025-02-30")


class TestFormatRange:
    def test_percentage_range(self):
        low = Figure("a", "0.40", "pecahan", "")
        high = Figure("b", "0.60", "pecahan", "")
        assert format_range(low, high) == "40–60 %"

    def test_rupiah_range_keeps_one_currency_sign(self):
        low = Figure("a", "150000", "Rupiah per hari", "")
        high = Figure("b", "200000", "Rupiah per hari", "")
        assert format_range(low, high) == "Rp 150.000–200.000 per hari"

    def test_units_must_match(self):
        with pytest.raises(ValueError, match="satuan berbeda"):
            format_range(Figure("a", "1", "jam", ""), Figure("b", "2", "hari", ""))


class TestLoad:
    def test_reads_every_row(self, catalog):
        assert len(catalog.sources) == 2
        assert len(catalog.figures) == 8
        assert catalog.figure("gmv").text == "Rp 528,6 triliun"

    def test_repository_data_is_valid(self):
        catalog = figures.load()
        assert catalog.figures and catalog.sources

    def test_every_problem_is_reported_at_once(self, tmp_path):
        data = write_data(
            tmp_path / "data",
            sources=SOURCES,
            facts="""\
                id,value,unit,meaning,source,asumsi
                a,0.4,pecahan,Satu,laporan-2025-09,
                a,0.5,pecahan,Dua kali id yang sama,laporan-2025-09,
                b,0.5,pecahan,Sumber tak dikenal,koran-tidak-ada,
                c,0.5,pecahan,Tanpa sumber dan tanpa alasan,,
                d,empat,pecahan,Bukan angka,laporan-2025-09,
                """,
            defaults={"roi": "id,value,unit,meaning,source,asumsi\nroi.cpm,1,Rupiah,CPM,,Asumsi, tanpa tanda kutip\n"},
        )
        with pytest.raises(figures.DataError) as caught:
            figures.load(data)
        problems = caught.value.problems
        assert len(problems) == 5, problems
        text = "\n".join(problems)
        assert "data/facts.csv" in text or "facts.csv:3" in text
        assert "'a' sudah dipakai" in text
        assert "'koran-tidak-ada'" in text and "tidak ada di data/sources.csv" in text
        assert "'c' tidak punya sumber" in text
        assert "'d' tidak cocok dengan satuan" in text
        assert "diapit tanda kutip" in text  # the unquoted comma of roi.csv

    def test_missing_column_is_named(self, tmp_path):
        data = write_data(tmp_path / "data", sources=SOURCES, facts="id,value,unit,meaning,source\nx,1,hari,Satu,\n")
        with pytest.raises(figures.DataError, match="kolom asumsi tidak ada"):
            figures.load(data)

    def test_unknown_id_suggests_close_ones(self, catalog):
        with pytest.raises(KeyError, match="mungkin maksudnya: drop_min"):
            catalog.figure("drop_mni")


class TestFactToken:
    def test_single_figure_with_source_footnote(self, catalog):
        out = render(catalog, "Live mati pada [[fakta:off_date]].\n")
        assert out.startswith("Live mati pada 30 Agustus 2025[^sumber-koran-2025-08-30].")
        assert '[^sumber-koran-2025-08-30]: Koran Contoh, “Live Mati, Omzet Turun”, 30 Agustus 2025.' in out
        # the footnote links to the row of the sources table, relative to this page
        assert "(../referensi/sumber.md#sumber-koran-2025-08-30)" in out

    def test_range_has_one_footnote(self, catalog):
        out = render(catalog, "Omzet turun [[fakta:drop_min..drop_max]] dalam sepekan.")
        assert f"Omzet turun 40–60{NBSP}%[^sumber-laporan-2025-09] dalam sepekan." in out
        assert out.count("[^sumber-laporan-2025-09]:") == 1
        assert "September 2025" in out

    def test_rupiah_stays_on_one_line(self, catalog):
        out = render(catalog, "[[fakta:omzet_min..omzet_max]]")
        assert out.startswith(f"Rp{NBSP}150.000–200.000 per hari[^sumber-koran-2025-08-30]")

    def test_same_source_twice_gives_one_definition(self, catalog):
        out = render(catalog, "[[fakta:drop_min]] dan [[fakta:gmv]]")
        assert out.count("[^sumber-laporan-2025-09]:") == 1
        assert out.count("[^sumber-laporan-2025-09]") == 3  # two references and the definition

    def test_assumption_footnote_gives_the_reasoning(self, catalog):
        out = render(catalog, "CPM [[fakta:cpm_low]]")
        assert "[^asumsi-cpm_low]: Asumsi: Perkiraan kasar, bukan dari artikel." in out

    def test_range_of_assumption_and_source_names_both(self, catalog):
        out = render(catalog, "CPM [[fakta:cpm_low..cpm_high]]")
        assert f"Rp{NBSP}15.000–40.000[^fakta-cpm_low--cpm_high]" in out
        note = out.split("[^fakta-cpm_low--cpm_high]: ")[1]
        assert note.startswith("Batas bawah: asumsi: Perkiraan kasar")
        assert "Batas atas: Laporan Contoh, “Playbook UMKM”, September 2025." in note

    def test_footnotes_render_as_html(self, catalog):
        out = render(catalog, "Turun [[fakta:drop_min..drop_max]].")
        html_text = markdown.markdown(out, extensions=["footnotes"])
        assert 'href="#fn:sumber-laporan-2025-09"' in html_text
        assert "Laporan Contoh, “Playbook UMKM”, September 2025." in html_text

    def test_no_sources_page_no_link(self, catalog):
        out = render(catalog, "[[fakta:off_date]]", files=FakeFiles(None))
        assert "sumber.md" not in out

    def test_unknown_id_fails_the_build(self, catalog):
        with pytest.raises(PluginError, match=r"docs/jualan/iklan-roi.md: \[\[fakta:drop_mn\]\].*drop_min"):
            render(catalog, "Turun [[fakta:drop_mn]].")

    def test_malformed_token_fails_the_build(self, catalog):
        with pytest.raises(PluginError, match="tidak bisa dibaca"):
            render(catalog, "Turun [[fakta: drop_min]].")

    def test_range_of_different_units_fails_the_build(self, catalog):
        with pytest.raises(PluginError, match="satuan berbeda"):
            render(catalog, "[[fakta:drop_min..gmv]]")

    def test_tokens_in_code_are_left_alone(self, catalog):
        text = "Tulis `[[fakta:drop_min]]`.\n\n```markdown\n[[fakta:tidak_ada]]\n```\n"
        assert render(catalog, text) == text

    def test_notebook_source_is_not_touched(self, catalog):
        text = '{"cells": ["[[fakta:drop_min]]"]}'
        assert render(catalog, text, src="analisis/x.ipynb") == text


class TestTables:
    def test_sources_table_lists_each_source_and_its_figures(self, catalog):
        out = render(catalog, "# Sumber\n\n[[tabel-sumber]]\n", src="referensi/sumber.md")
        assert '<tr id="sumber-koran-2025-08-30">' in out
        assert '<tr id="sumber-laporan-2025-09">' in out
        row = out.split('<tr id="sumber-koran-2025-08-30">')[1].split("</tr>")[0]
        assert "Koran Contoh" in row and "30 Agustus 2025" in row
        assert "Malam Live dimatikan: 30 Agustus 2025" in row
        assert f"Omzet harian terendah: Rp{NBSP}150.000 per hari" in row
        # newest first: 2025-09 sorts after 2025-08-30
        assert out.index("sumber-laporan-2025-09") < out.index("sumber-koran-2025-08-30")

    def test_assumptions_table_lists_only_assumptions(self, catalog):
        out = render(catalog, "[[tabel-asumsi]]", src="referensi/sumber.md")
        assert out.count("<tr id=") == 1
        assert '<tr id="asumsi-cpm_low">' in out and "Perkiraan kasar, bukan dari artikel." in out

    def test_tables_are_escaped(self, tmp_path):
        data = write_data(
            tmp_path / "data",
            sources='id,outlet,title,date,note\ns1,A & B,<b>Judul</b>,2025-01-02,\n',
            facts="id,value,unit,meaning,source,asumsi\nx,1,hari,Satu,s1,\n",
        )
        out = render(figures.load(data), "[[tabel-sumber]]", src="referensi/sumber.md")
        assert "A &amp; B" in out and "&lt;b&gt;Judul&lt;/b&gt;" in out


def test_docstring_examples_hold():
    import doctest

    result = doctest.testmod(figures, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 10 and result.failed == 0


class TestSiteMap:
    def test_lists_every_nav_page_relative_to_the_page(self, catalog):
        from mkdocs.structure.nav import Section

        def item(title, src):
            return SimpleNamespace(title=title, file=SimpleNamespace(src_uri=src))

        hook._state["nav"] = SimpleNamespace(
            items=[
                item("Beranda", "index.md"),
                Section("Konten", [item(None, "konten/index.md"), item("Ritme posting", "konten/ritme-posting.md")]),
                Section("Analisis", [item(None, "analisis/index.md"), item("Risiko", "analisis/risiko-kanal.ipynb")]),
            ]
        )
        out = render(catalog, "[[peta-isi]]", src="referensi/tentang.md")
        assert out.strip().splitlines() == [
            "- [Beranda](../index.md)",
            "- [Konten](../konten/index.md)",
            "    - [Ritme posting](../konten/ritme-posting.md)",
            "- [Analisis](../analisis/index.md)",
            "    - [Risiko](../analisis/risiko-kanal.ipynb)",
        ]


class TestCalendarTokens:
    """Dates counted from the build day, so a page written in November never reads stale in March."""

    @pytest.fixture()
    def on_day(self):
        import datetime as dt

        before = hook._state.get("today")

        def set_day(year, month, day):
            hook._state["today"] = dt.date(year, month, day)

        yield set_day
        hook._state["today"] = before

    def test_build_date_token_is_the_build_day(self, catalog, on_day):
        on_day(2026, 12, 3)
        assert render(catalog, "Dihitung dari [[tanggal-build]].") == "Dihitung dari 3 Desember 2026."

    def test_double_date_is_this_years_until_it_passes(self, catalog, on_day):
        on_day(2026, 12, 12)  # the day itself still counts
        assert render(catalog, "[[kalender:12.12]]") == "12 Desember 2026"
        on_day(2026, 12, 13)
        assert render(catalog, "[[kalender:12.12]]") == "12 Desember 2027"
        assert render(catalog, "[[kalender:6.6]]") == "6 Juni 2027"

    def test_next_ramadan_is_an_estimate_with_its_reasoning(self, on_day):
        on_day(2026, 12, 3)
        out = render(figures.load(), "[[kalender:ramadan]]")
        # simulators/_calendar.py: 1 Ramadan 1448 H ≈ 8 Februari 2027 (hisab), not yet fixed by isbat
        assert out.startswith("8 Februari 2027[^asumsi-ramadan_1448_start]")
        assert "[^asumsi-ramadan_1448_start]: Asumsi: Perkiraan dari kalender hisab" in out

    def test_a_past_isbat_date_cites_its_article(self, on_day):
        on_day(2026, 1, 1)
        out = render(figures.load(), "[[kalender:ramadan]] dan [[kalender:lebaran]]")
        # isbat of 17 Feb 2026: 1 Ramadan 1447 H = 19 Feb; isbat of 19 Mar 2026: 1 Syawal = 21 Mar
        assert out.startswith("19 Februari 2026[^sumber-okezone-2026-02-17] dan 21 Maret 2026[^sumber-monitor-2026-03-19]")

    def test_start_token_counts_back_the_campaign_models_pre_peak_days(self, catalog, on_day):
        on_day(2026, 11, 1)
        # 12 Desember − 14 hari pra-puncak (CampaignInputs.pre_peak_days) = 28 November
        assert render(catalog, "[[mulai:12.12]]") == "28 November 2026"
        # Lebaran 1448 H ≈ 10 Maret 2027; puncak belanja 7 hari sebelumnya (3 Maret), mulai 14 hari sebelum itu
        assert render(catalog, "[[mulai:lebaran]]") == "17 Februari 2027"

    def test_start_token_says_now_when_the_lead_time_has_begun(self, catalog, on_day):
        on_day(2026, 12, 3)  # 12.12 is 9 days away, less than the 14-day pre-peak phase
        assert render(catalog, "[[mulai:12.12]]") == "sekarang (puncak 9 hari lagi)"
        on_day(2026, 12, 12)
        assert render(catalog, "[[mulai:12.12]]") == "sekarang (puncak hari ini)"

    def test_start_token_refuses_an_unknown_moment(self, catalog, on_day):
        on_day(2026, 12, 3)
        with pytest.raises(PluginError, match=r"mulai:puasa.*momen 'puasa' tidak dikenal"):
            render(catalog, "[[mulai:puasa]]")

    def test_table_that_ran_out_stops_the_build(self, on_day):
        on_day(2029, 6, 1)  # after Ramadan 1450 H, the last year in the table
        with pytest.raises(PluginError, match=r"kalender:ramadan.*berhenti di tahun 1450 H.*tambahkan tahun berikutnya"):
            render(figures.load(), "[[kalender:ramadan]]")

    def test_unknown_moment_names_the_allowed_ones(self, catalog, on_day):
        on_day(2026, 12, 3)
        with pytest.raises(PluginError, match=r"momen 'puasa' tidak dikenal.*ramadan, lebaran, 1\.1"):
            render(catalog, "[[kalender:puasa]]")

    def test_lunar_date_without_its_data_row_stops_the_build(self, catalog, on_day):
        on_day(2026, 12, 3)
        with pytest.raises(PluginError, match="data/facts.csv perlu baris ramadan_1448_start bernilai 2027-02-08"):
            render(catalog, "[[kalender:ramadan]]")

    def test_hook_docstring_examples_hold(self):
        import doctest

        result = doctest.testmod(hook)
        assert result.attempted >= 2 and result.failed == 0
