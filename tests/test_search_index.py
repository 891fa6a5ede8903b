"""sitebuild/search.py: sellers' words, readable formulas and ranking in the search index."""

from __future__ import annotations

from sitebuild import search


class TestMathToText:
    def test_fraction_of_named_terms_reads_as_a_division(self):
        text = r"<p>\(\text{roas} = \frac{\text{omzet}}{\text{biaya\_iklan}}\)</p>"
        assert search.math_to_text(text) == "<p>roas = omzet / biaya_iklan</p>"

    def test_compound_parts_of_a_fraction_get_brackets(self):
        assert search.math_to_text(r"\[\frac{1}{k \times m}\]") == "1 / (k × m)"

    def test_cases_become_one_line_without_latex_words(self):
        text = search.math_to_text(
            r"\[e(n) = \begin{cases} n & \text{jika } n \le S\\ S \times \left(1 + \ln\dfrac{n}{S}\right)"
            r" & \text{jika } n > S \end{cases}\]"
        )
        assert text == "e(n) = n jika n ≤ S; S × (1 + ln n / S) jika n > S"
        assert "\\" not in text and "begin" not in text

    def test_text_without_math_is_left_alone(self):
        assert search.math_to_text("<p>Ongkir (Rp 10.000) [gratis]</p>") == "<p>Ongkir (Rp 10.000) [gratis]</p>"


class TestSellerWords:
    def test_a_section_on_shipping_is_found_by_ongkir(self):
        entry = {"title": "Template balasan", "text": "<p>Waktu <b>pengiriman</b> 2–3 hari.</p>"}
        assert {"ongkir", "ongkos kirim"} <= search.seller_words(entry)
        assert "pengiriman" not in search.seller_words(entry)  # already there

    def test_a_word_inside_another_word_does_not_count(self):
        # "resi" inside "resiko", "ads" inside "kadsa": not the shipping or ads group
        assert search.seller_words({"title": "", "text": "<p>resiko kadsa</p>"}) == set()

    def test_hyphenated_word_is_matched_whole(self):
        assert "ecommerce" in search.seller_words({"title": "", "text": "<p>Belanja e-commerce naik.</p>"})

    def test_groups_do_not_share_words(self):
        # a word in two groups would make expand() ambiguous
        words = [w for group in search.SYNONYMS for w in group]
        assert len(words) == len(set(words))
        assert all(w == w.lower() and w == " ".join(w.split()) for w in words)


class TestEnrich:
    def index(self):
        return {
            "config": {"fields": {"title": {"boost": 1000.0}}},
            "docs": [
                {"location": "jualan/layanan/", "title": "Layanan", "text": "<p>Balas chat.</p>"},
                {"location": "jualan/layanan/#kirim", "title": "Kirim", "text": "<p>Kurir dan resi.</p>"},
                {"location": "analisis/nb/", "title": "Notebook", "text": "<p>retur</p>"},
            ],
        }

    def test_page_keywords_go_to_the_first_entry_with_their_synonyms(self):
        out = search.enrich(self.index(), keywords={"jualan/layanan/": ["Ongkir"]})
        first, section, _ = out["docs"]
        assert first["keywords"].split(" ")[:2] == ["ongkir", "ongkos"]
        assert "ongkos kirim" in first["keywords"] and "keywords" not in section
        assert out["config"]["fields"]["keywords"]["boost"] > out["config"]["fields"]["synonyms"]["boost"]
        assert out["config"]["fields"]["title"] == {"boost": 1000.0}  # the theme's fields stay

    def test_notebooks_rank_below_chapters_unless_their_page_says_otherwise(self):
        index = self.index()
        index["docs"].append({"location": "analisis/nb/#x", "title": "x", "text": "", "boost": 2})
        out = search.enrich(index, notebooks={"analisis/nb/"})
        assert [d.get("boost") for d in out["docs"]] == [None, None, search.NOTEBOOK_BOOST, 2]

    def test_expand_keeps_unknown_words_and_order(self):
        assert search.expand(["GMV Max", "retur"])[:3] == ["gmv max", "retur", "pengembalian barang"]


class TestSeparator:
    """The word separator set for the theme's search in mkdocs.yml (a JavaScript RegExp that
    Python's re reads the same way here)."""

    def separator(self):
        import pathlib
        import re

        text = (pathlib.Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
        return re.compile(re.search(r"^\s+separator: '(.+)'$", text, re.MULTILINE).group(1))

    def words(self, text):
        return [w for w in self.separator().split(text) if w]

    def test_brackets_slashes_and_quotes_split_words(self):
        assert self.words("(Harbolnas) TikTok/Shopee “ongkir” [gratis]") == [
            "Harbolnas", "TikTok", "Shopee", "ongkir", "gratis"]

    def test_numbers_with_dots_stay_whole(self):
        assert self.words("Promo 12.12 dan Rp 1.500.000. Selesai.") == ["Promo", "12.12", "dan", "Rp", "1.500.000", "Selesai"]
