"""The declared checks of every model's inputs (simulators/_validate.py).

A small shop model of its own (warehouses, a main warehouse among them, a
platform and a seller tier chosen from a fee table) exercises each kind of
declaration; the six real models are checked for the promises every caller
relies on: JSON and Python agree, and what passes comes back unchanged.
"""

from __future__ import annotations

import dataclasses
import datetime
import json

import pytest
from hypothesis import given, settings

import simulators
from simulators import InputError, Problem
from simulators._validate import (
    Checked,
    check,
    choice,
    date,
    declared,
    describe,
    first_in,
    from_json,
    items,
    names_in,
    nested,
    number,
    omitted_when_none,
    rule,
    same_as,
    text,
    to_jsonable,
)
from tests import strategies

# --- a model of its own -------------------------------------------------------

# A fee table as simulators/fee_schedule.py has one: the tiers, with their labels, depend on the platform.
PLATFORMS = {"tiktok": "TikTok Shop", "shopee": "Shopee"}
TIERS = {"tiktok": {"reguler": "Reguler", "mall": "Mall"}, "shopee": {"reguler": "Non-Star", "star": "Star", "star-plus": "Star+"}}


@dataclasses.dataclass(frozen=True)
class Gudang:
    name: str = text(max_length=20)
    units: int = number(default=1, minimum=0, maximum=10_000, integer=True)
    kota: str = text(default="Jakarta", max_length=20, single_line=True)


@dataclasses.dataclass(frozen=True)
class Promo:
    code: str = text(max_length=10)
    discount: float = number(default=0.1, minimum=0, below=1, unit="persen", hint="pecahan 0–1, mis. 0.1 untuk 10 %")


@dataclasses.dataclass(frozen=True)
class Toko:
    gudang: tuple[Gudang, ...] = items(
        Gudang, default=(Gudang("Jakarta", 10), Gudang("Bogor", 5)), min_items=1, max_items=3, what="gudang",
        unique="name", duplicate="nama gudang {value!r} sudah dipakai di {first}; nama harus unik",
    )
    utama: str | None = choice(
        default=None, options=names_in("gudang"), what="gudang", nullable=True, max_length=20, fill=first_in("gudang")
    )
    platform: str = choice(default="tiktok", options=PLATFORMS, what="platform")
    tier: str = choice(
        default="reguler", options=lambda toko: TIERS.get(toko.platform),
        message="tingkat penjual {value!r} tidak ada di platform ini; pilih salah satu: {labelled}",
    )
    harga: float = number(default=100_000, above=0, maximum=1e12, unit="Rupiah")
    mulai: datetime.date = date(default=datetime.date(2026, 1, 5), earliest=datetime.date(2025, 1, 1), latest=datetime.date(2027, 12, 31), example="2026-01-05")
    program: tuple[str, ...] = items(
        choice(options=("gratis ongkir", "cashback", "live"), what="program"), default=(), max_items=3, what="program", unique=True
    )
    promo: Promo | None = nested(Promo, default=None, what="promo", nullable=True)
    pasangan: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        check(self)


@rule(Toko)
def _utama_berisi(toko: Checked):
    stock = {g.name: g for g in toko.gudang if g is not None}
    if toko.ok("utama") and toko.utama in stock and stock[toko.utama].ok("units") and stock[toko.utama].units == 0:
        yield Problem("utama", "gudang utama tidak boleh kosong", toko.utama)


@rule(Toko)
def _promo_within_price(toko: Checked):
    if toko.promo is not None and toko.promo.ok("discount") and toko.harga * (1 - toko.promo.discount) < 1:
        yield Problem("promo.discount", "harga setelah diskon paling sedikit Rp 1", toko.promo.discount)


def problems(data) -> list[tuple[str, str]]:
    with pytest.raises(InputError) as caught:
        from_json(Toko, data)
    return [(p.field, p.message) for p in caught.value.problems]


def fields(data) -> list[str]:
    return [field for field, _ in problems(data)]


# --- the kinds of field -------------------------------------------------------


class TestNumber:
    @pytest.mark.parametrize(
        "value, message",
        [
            (0, "harus lebih dari 0, paling besar 1.000.000.000.000"),
            (-5, "harus lebih dari 0, paling besar 1.000.000.000.000"),
            (2e12, "harus lebih dari 0, paling besar 1.000.000.000.000"),
            (None, "wajib diisi angka, bukan null; harus lebih dari 0, paling besar 1.000.000.000.000"),
            ("100", "harus berupa angka, bukan teks atau daftar; harus lebih dari 0, paling besar 1.000.000.000.000"),
            (True, "harus berupa angka, bukan teks atau daftar; harus lebih dari 0, paling besar 1.000.000.000.000"),
            (float("nan"), "harus angka terhingga (NaN dan tak hingga tidak boleh); harus lebih dari 0, paling besar 1.000.000.000.000"),
        ],
    )
    def test_out_of_range_or_not_a_number(self, value, message):
        assert problems({"harga": value}) == [("harga", message)]

    def test_integer_and_inclusive_bounds(self):
        assert from_json(Toko, {"gudang": [{"name": "A", "units": 10_000}]}).gudang[0].units == 10_000
        assert problems({"gudang": [{"name": "A", "units": 2.5}]}) == [("gudang.0.units", "harus antara 0 dan 10.000, bilangan bulat")]

    def test_an_integer_past_any_float_is_refused_not_crashed(self):
        # regression: float(10**400) overflowed inside the integer check
        assert problems({"gudang": [{"name": "A", "units": 10**400}]}) == [("gudang.0.units", "harus antara 0 dan 10.000, bilangan bulat")]

    def test_exclusive_top_and_hint(self):
        assert problems({"promo": {"code": "X", "discount": 1}}) == [
            ("promo.discount", "tidak boleh negatif, kurang dari 1 (pecahan 0–1, mis. 0.1 untuk 10 %)")
        ]


class TestText:
    @pytest.mark.parametrize(
        "name, message",
        [
            ("", "tidak boleh kosong"),
            ("   ", "tidak boleh kosong"),
            ("x" * 21, "paling banyak 20 karakter (sekarang 21)"),
            (5, "harus berupa teks 1–20 karakter"),
        ],
    )
    def test_refused(self, name, message):
        assert problems({"gudang": [{"name": name}]}) == [("gudang.0.name", message)]

    def test_single_line(self):
        assert problems({"gudang": [{"name": "A", "kota": "Ja\nkarta"}]}) == [
            ("gudang.0.kota", "tidak boleh berisi baris baru, tab atau karakter kendali lain")
        ]
        assert from_json(Toko, {"gudang": [{"name": "Toko\u00e9 🙂", "kota": "Bandung, Jabar"}]}).gudang[0].kota == "Bandung, Jabar"


class TestDate:
    def test_json_text_becomes_a_date(self):
        assert from_json(Toko, {"mulai": " 2026-02-02 "}).mulai == datetime.date(2026, 2, 2)

    @pytest.mark.parametrize("value", ["2026-02-30", "2026-2-2", "02-02-2026", "", 20260202, None, [2026, 2, 2]])
    def test_not_a_date(self, value):
        assert problems({"mulai": value}) == [("mulai", "harus tanggal yang ada, format TTTT-BB-HH (mis. 2026-01-05)")]

    def test_outside_the_range(self):
        assert problems({"mulai": "2028-01-01"}) == [("mulai", "harus antara 2025-01-01 dan 2027-12-31")]

    def test_python_wants_a_date_not_text_nor_datetime(self):
        for value in ("2026-02-02", datetime.datetime(2026, 2, 2, 10, 0)):
            with pytest.raises(InputError) as caught:
                Toko(mulai=value)
            assert [p.field for p in caught.value.problems] == ["mulai"]


class TestChoice:
    def test_fixed_options_listed_in_the_message(self):
        assert problems({"platform": "lazada"}) == [("platform", "platform tidak dikenal: 'lazada'; pilih salah satu: tiktok, shopee")]

    def test_options_from_the_other_inputs(self):
        assert from_json(Toko, {"platform": "shopee", "tier": "star-plus"}).tier == "star-plus"
        assert problems({"platform": "tiktok", "tier": "star-plus"}) == [
            ("tier", "tingkat penjual 'star-plus' tidak ada di platform ini; pilih salah satu: reguler (Reguler), mall (Mall)")
        ]

    def test_options_that_cannot_be_told_do_not_refuse(self):
        # the platform is wrong: the tier is not judged against a table nobody chose
        assert fields({"platform": "lazada", "tier": "star-plus"}) == ["platform"]

    def test_a_value_of_another_type_is_no_option(self):
        assert problems({"platform": 1}) == [("platform", "platform tidak dikenal: 1; pilih salah satu: tiktok, shopee")]

    def test_a_refused_value_is_shown_briefly_and_never_as_nan(self):
        (field, message), = problems({"platform": ["x" * 100]})
        assert len(message) < 120 and "…" in message
        (field, message), = problems({"platform": float("inf")})
        assert "tak hingga" in message and "inf" not in message.replace("hingga", "")

    def test_max_length_names_a_long_value_by_its_length(self):
        assert problems({"utama": "x" * 10_000}) == [("utama", "paling banyak 20 karakter (sekarang 10000)")]


class TestItems:
    def test_not_a_list_and_size(self):
        assert problems({"gudang": {"name": "A"}}) == [("gudang", "harus berupa daftar (list) gudang")]
        assert problems({"gudang": []}) == [("gudang", "harus berisi 1–3 gudang (sekarang 0)")]
        assert problems({"gudang": [{"name": n} for n in "ABCD"]}) == [("gudang", "harus berisi 1–3 gudang (sekarang 4)")]

    def test_an_item_that_is_no_object(self):
        assert problems({"gudang": ["A"]}) == [("gudang.0", 'gudang.0 harus berupa objek JSON {"kunci": nilai}')]
        with pytest.raises(InputError) as caught:
            Toko(gudang=({"name": "A"},))
        assert [(p.field, p.message) for p in caught.value.problems] == [("gudang.0", "harus berupa gudang {name, units, kota}")]

    def test_unique_ignores_case_and_outer_spaces(self):
        assert problems({"gudang": [{"name": "Bogor"}, {"name": " bogor"}], "utama": "Bogor"}) == [
            ("gudang.1.name", "nama gudang ' bogor' sudah dipakai di gudang.0; nama harus unik")
        ]

    def test_unique_values_with_the_default_message(self):
        assert problems({"program": ["live", "cashback", "live"]}) == [
            ("program.2", "'live' sudah ada di program.0; tiap program hanya boleh sekali")
        ]

    def test_each_value_is_checked_by_its_own_declaration(self):
        assert problems({"program": ["live", "diskon"]}) == [
            ("program.1", "program tidak dikenal: 'diskon'; pilih salah satu: gratis ongkir, cashback, live")
        ]

    def test_python_lists_become_tuples(self):
        toko = Toko(gudang=[Gudang("A", 1)], program=["live"])
        assert toko.gudang == (Gudang("A", 1),) and toko.program == ("live",)


class TestNested:
    def test_null_and_wrong_shapes(self):
        assert from_json(Toko, {"promo": None}).promo is None
        assert problems({"promo": "X"}) == [("promo", 'promo harus berupa objek JSON {"kunci": nilai}')]
        assert problems({"promo": {"discount": 0.1}}) == [("promo.code", "wajib diisi")]
        with pytest.raises(InputError) as caught:
            Toko(promo={"code": "X"})
        assert [(p.field, p.message) for p in caught.value.problems] == [("promo", "harus berupa promo {code, discount} atau null")]

    def test_same_as_copies_the_declaration(self):
        @dataclasses.dataclass(frozen=True)
        class Cabang:
            harga: float = same_as(Toko, "harga", default=5)

        assert declared(Cabang, "harga") is declared(Toko, "harga")
        assert from_json(Cabang, {}).harga == 5
        with pytest.raises(InputError):
            from_json(Cabang, {"harga": 0})


# --- references and defaults that depend on other inputs -------------------------


class TestReferences:
    def test_a_name_from_another_list(self):
        assert from_json(Toko, {"utama": "Bogor"}).utama == "Bogor"
        assert problems({"utama": "Depok"}) == [("utama", "gudang tidak dikenal: 'Depok'; pilih salah satu: Jakarta, Bogor")]

    def test_a_repeated_name_counts_once(self):
        found = problems({"gudang": [{"name": "A"}, {"name": "a"}], "utama": "a"})
        assert found == [("utama", "gudang tidak dikenal: 'a'; pilih salah satu: A"), ("gudang.1.name", "nama gudang 'a' sudah dipakai di gudang.0; nama harus unik")]

    @pytest.mark.parametrize(
        "gudang",
        [
            "Jakarta",  # not a list
            [{"name": n} for n in "ABCD"],  # too many
            ["Jakarta", {"name": "B"}],  # an item that is no object
            [{"units": 1}, {"name": "B"}],  # an item without a name
            [{"name": ""}, {"name": "B"}],  # an item whose name is refused
        ],
    )
    def test_not_judged_against_a_list_that_cannot_be_read(self, gudang):
        assert "utama" not in fields({"gudang": gudang, "utama": "Jakarta"})

    def test_null_is_filled_with_the_first_name(self):
        assert from_json(Toko, {"gudang": [{"name": "Depok", "units": 1}]}).utama == "Depok"
        assert Toko(gudang=(Gudang("Depok", 1),)).utama == "Depok"

    def test_keep_default_only_while_it_fits(self):
        @dataclasses.dataclass(frozen=True)
        class Rute:
            gudang: tuple[Gudang, ...] = items(Gudang, default=(Gudang("A"), Gudang("B")), min_items=1, max_items=3, unique="name")
            dari: str | None = choice(
                default="A", options=names_in("gudang"), nullable=True,
                keep_default=lambda r: "A" in (names_in("gudang")(r) or ("A",)), otherwise=None,
            )

            def __post_init__(self) -> None:
                check(self)

        assert from_json(Rute, {}).dari == "A"
        assert from_json(Rute, {"gudang": [{"name": "C"}]}).dari is None  # the default named a warehouse not given
        assert Rute(gudang=(Gudang("C"),)).dari is None
        # the page sends every field: a value equal to the default counts as the default
        assert from_json(Rute, {"gudang": [{"name": "C"}], "dari": "A"}).dari is None
        with pytest.raises(InputError):
            from_json(Rute, {"gudang": [{"name": "C"}], "dari": "B"})


# --- the whole document ----------------------------------------------------------


class TestDocument:
    def test_not_an_object(self):
        for value in ([], None, 3, "x"):
            assert problems(value) == [("", 'masukan harus berupa objek JSON {"kunci": nilai}')]

    def test_unknown_keys_named_briefly_with_what_is_allowed(self):
        (field, message), = problems({"x" * 500: 1})
        assert field == "x" * 40 + "…"
        assert message == "kolom tidak dikenal; yang boleh: gudang, harga, mulai, pasangan, platform, program, promo, tier, utama"

    def test_every_problem_at_once_in_three_rounds(self):
        found = fields(
            {
                "harga": 0,
                "gudang": [{"name": "A", "units": -1, "x": 1}, {"name": "a"}],
                "mulai": "kemarin",
                "platform": "lazada",
                "promo": {"code": "X", "discount": 2},
                "zz": 1,
            }
        )
        # structure (unknown keys, a date that is no date), then values (an object's own values before
        # its lists and objects, in declaration order), then the rules
        assert found == ["zz", "mulai", "gudang.0.x", "platform", "harga", "gudang.0.units", "gudang.1.name", "promo.discount"]

    def test_rules_see_only_what_passed(self):
        assert problems({"gudang": [{"name": "A", "units": 0}]}) == [("utama", "gudang utama tidak boleh kosong")]
        assert fields({"gudang": [{"name": "A", "units": -1}]}) == ["gudang.0.units"]  # the rule cannot tell
        assert problems({"harga": 1, "promo": {"code": "X", "discount": 0.5}}) == [("promo.discount", "harga setelah diskon paling sedikit Rp 1")]
        assert fields({"harga": "1", "promo": {"code": "X", "discount": 0.5}}) == ["harga"]

    def test_the_same_checks_from_python(self):
        with pytest.raises(InputError) as caught:
            Toko(harga=0, platform="lazada", gudang=(Gudang("A", 0),))
        assert [p.field for p in caught.value.problems] == ["platform", "harga", "utama"]

    def test_a_misspelt_field_in_a_rule_is_a_bug_not_a_skipped_rule(self):
        @dataclasses.dataclass(frozen=True)
        class Salah:
            a: int = number(default=1, minimum=0, maximum=2)

            def __post_init__(self) -> None:
                check(self)

        @rule(Salah)
        def _typo(s: Checked):
            yield Problem("a", str(s.b))

        with pytest.raises(AttributeError):
            Salah()

    def test_plain_fields_pass_through(self):
        assert from_json(Toko, {"pasangan": [["a", "b"]]}).pasangan == [["a", "b"]]


class TestDeclarations:
    def test_declared_follows_lists_and_objects(self):
        assert declared(Toko, "gudang").max_items == 3
        assert declared(Toko, "gudang.name").max_length == declared(Toko, "gudang.0.name").max_length == 20
        assert declared(Toko, "promo.discount").unit == "persen"
        with pytest.raises(KeyError):
            declared(Toko, "gudang.harga")

    def test_describe_is_json(self):
        found = json.loads(json.dumps(describe(Toko)))
        assert found["harga"] == {"kind": "number", "unit": "Rupiah", "above": 0, "maximum": 1e12, "integer": False, "hint": ""}
        assert found["platform"]["options"] == ["tiktok", "shopee"]
        assert "options" not in found["tier"]  # from the other inputs: not a fixed list
        assert found["gudang"]["of"]["units"]["maximum"] == 10_000

    @pytest.mark.parametrize("name", list(simulators.SIMULATORS))
    def test_every_model_describes_itself_as_json(self, name):
        json.dumps(describe(simulators.SIMULATORS[name].inputs))

    @pytest.mark.parametrize(
        "cls, path",
        [("roi.RoiInputs", "ctr"), ("cadence.CadenceInputs", "batch_saving"), ("omnichannel.OmnichannelInputs", "channels.fee_rate"),
         ("runway.RunwayInputs", "plan.return_rate"), ("campaign.CampaignInputs", "peak_share")],
    )
    def test_fractions_typed_in_percent_say_so(self, cls, path):
        module, name = cls.split(".")
        inputs = getattr(__import__(f"simulators.{module}", fromlist=[name]), name)
        assert declared(inputs, path).unit == "persen"


# --- every model: JSON and Python agree ------------------------------------------


MODELS = {
    "roi": strategies.roi_inputs(),
    "cadence": strategies.cadence_inputs(max_weeks=4),
    "omnichannel": strategies.omnichannel_inputs(),
    "runway": strategies.runway_inputs(),
    "campaign": strategies.campaign_inputs(),
    "plan": strategies.plan_inputs(),
    "fees": strategies.fees_inputs(max_platforms=2),
}


class TestModels:
    def test_every_registered_model_has_a_strategy(self):
        assert set(MODELS) == set(simulators.SIMULATORS)

    @pytest.mark.parametrize("name", list(MODELS))
    def test_json_of_valid_inputs_reads_back_the_same(self, name):
        @settings(deadline=None, max_examples=30)
        @given(MODELS[name])
        def round_trip(inputs):
            assert from_json(type(inputs), json.loads(json.dumps(to_jsonable(inputs)))) == inputs

        round_trip()

    @pytest.mark.parametrize("name", list(MODELS))
    def test_checking_keeps_what_passed(self, name):
        @settings(deadline=None, max_examples=10)
        @given(MODELS[name])
        def unchanged(inputs):
            again = dataclasses.replace(inputs)
            for f in dataclasses.fields(inputs):
                assert getattr(again, f.name) is getattr(inputs, f.name)

        unchanged()

    @pytest.mark.parametrize("name", list(MODELS))
    def test_defaults_pass_their_own_declarations(self, name):
        cls = simulators.SIMULATORS[name].inputs
        assert from_json(cls, {}) == cls() == from_json(cls, to_jsonable(cls()))


@dataclasses.dataclass(frozen=True)
class Alamat:
    kota: str = text(max_length=20)
    kode: str = text(default="00000", max_length=5)


@rule(Alamat)
def _kota_bukan_kode(alamat):
    if alamat.kota == alamat.kode:
        yield Problem("kota", "kota tidak boleh sama dengan kode pos")


@dataclasses.dataclass(frozen=True)
class AlamatKirim(Alamat):
    catatan: str = text(default="-", max_length=40)


@dataclasses.dataclass(frozen=True)
class Kiriman:
    berat: float = number(default=1, minimum=0, maximum=100)
    ongkir: float | None = number(default=None, nullable=True, omit_none=True, minimum=0, maximum=1_000_000)
    tujuan: AlamatKirim | None = nested(AlamatKirim, default=None, nullable=True, omit_none=True)

    def __post_init__(self) -> None:
        check(self)


@dataclasses.dataclass(frozen=True)
class Tarif:
    total: float
    rincian: str | None = omitted_when_none()


class TestOptionalFieldsAddedLater:
    """A field added to a model in use: left out of the document while it is None, so old documents read the same."""

    def test_none_is_left_out_and_reads_back(self):
        kiriman = from_json(Kiriman, {})
        assert to_jsonable(kiriman) == {"berat": 1}
        assert from_json(Kiriman, to_jsonable(kiriman)) == kiriman

    def test_given_values_are_written(self):
        kiriman = from_json(Kiriman, {"ongkir": 9000, "tujuan": {"kota": "Bogor"}})
        assert to_jsonable(kiriman) == {"berat": 1, "ongkir": 9000, "tujuan": {"kota": "Bogor", "kode": "00000", "catatan": "-"}}

    def test_null_is_allowed_and_left_out(self):
        assert to_jsonable(from_json(Kiriman, {"ongkir": None, "tujuan": None})) == {"berat": 1}

    def test_nullable_number_still_checks_its_range(self):
        with pytest.raises(InputError) as caught:
            from_json(Kiriman, {"ongkir": -1})
        assert [(p.field, p.message) for p in caught.value.problems] == [("ongkir", "harus antara 0 dan 1.000.000")]

    def test_result_field_left_out_while_none(self):
        assert to_jsonable(Tarif(10)) == {"total": 10}
        assert to_jsonable(Tarif(10, "ongkir")) == {"total": 10, "rincian": "ongkir"}

    def test_omit_none_needs_a_none_default(self):
        with pytest.raises(TypeError):
            number(default=0, omit_none=True)

    def test_nullable_is_said_only_where_allowed(self):
        assert describe(Kiriman)["ongkir"]["nullable"] is True
        assert "nullable" not in describe(Kiriman)["berat"]


class TestInheritedRules:
    def test_a_subclass_keeps_the_rules_of_its_base(self):
        with pytest.raises(InputError) as caught:
            from_json(Kiriman, {"tujuan": {"kota": "12345", "kode": "12345"}})
        assert [(p.field, p.message) for p in caught.value.problems] == [("tujuan.kota", "kota tidak boleh sama dengan kode pos")]
