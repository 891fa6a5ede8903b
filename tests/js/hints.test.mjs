// "Yakin?" hints for values sellers rarely see (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { unusual } from "../../docs/assets/calc/hints.js";

// CTR: usual 0,05 %–20 % (data/facts.csv ctr_lazim_min, ctr_lazim_max); conversion: from 0,05 %
const CTR = { min: 0.0005, max: 0.2 };
const CONVERSION = { min: 0.0005, max: undefined };

test("usual values get no hint, the limits included", () => {
  for (const value of [0.0005, 0.015, 0.2]) assert.equal(unusual(value, "percent", CTR), null, String(value));
  for (const value of [0.0005, 0.03, 0.9, 1]) assert.equal(unusual(value, "percent", CONVERSION), null, String(value));
});

test("a CTR above 20 % asks, and says what is usual", () => {
  const hint = unusual(0.35, "percent", CTR);
  assert.equal(hint.text, "Yakin? 35 % jauh di atas yang lazim (sampai 20 %). Periksa lagi angkanya.");
  assert.equal(hint.suggest, null);
});

test("'0,015' typed in CTR is 0,015 %: the hint asks whether 1,5 % was meant", () => {
  const hint = unusual(0.00015, "percent", CTR); // what parseTyped("0,015", "percent") gives
  assert.equal(hint.text, "Yakin? 0,015 % sangat kecil. Kolom ini dalam persen: maksudnya 1,5 %?");
  assert.equal(hint.suggest, 0.015);
});

test("a tiny value whose hundredfold is unusual too gets no suggestion", () => {
  const hint = unusual(0.000001, "percent", CONVERSION); // 0,0001 %; ×100 = 0,01 %, still below 0,05 %
  assert.equal(hint.suggest, null);
  assert.match(hint.text, /^Yakin\? 0,0001 % jauh di bawah yang lazim \(paling sedikit 0,05 %\)/);
  assert.equal(unusual(0.004, "percent", CTR), null); // 0,4 %: usual, no hint
});

test("no value, no hint", () => {
  for (const value of [undefined, null, "x", NaN]) assert.equal(unusual(value, "percent", CTR), null);
});
