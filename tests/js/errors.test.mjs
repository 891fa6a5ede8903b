// Every message about the inputs in one object (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { ErrorState, inPercent } from "../../docs/assets/calc/errors.js";

// Plain objects stand in for the form's controls.
const control = (name, unit = "rupiah") => ({ name, isConnected: true, dataset: { unit } });

function setUp() {
  const fields = [control("ad_spend"), control("ctr", "percent"), control("pre_peak_share", "percent"), control("peak_share", "percent")];
  const byName = (name) => fields.find((el) => el.name === name) || null;
  return { fields, byName, errors: new ErrorState() };
}

test("one message per field: the link's over the typed one over the model's", () => {
  const { fields, byName, errors } = setUp();
  const [spend, ctr] = fields;
  const ctrMessage = "harus antara 0 dan 1 (pecahan 0–1, mis. 0.025 untuk 2,5 %)";
  errors.setModel([{ field: "ad_spend", message: "model" }, { field: "ctr", message: ctrMessage }], byName);
  errors.setTyped(new Map([[spend, "typed"]]));
  errors.setLink([{ field: "ad_spend", message: "link" }], byName);
  assert.deepEqual([...errors.messages()].map(([el, m]) => [el.name, m]), [
    ["ad_spend", "link"],
    ["ctr", "harus antara 0 dan 100 %"], // the form's unit, not the model's fraction
  ]);
  errors.forget(spend);
  assert.deepEqual([...errors.messages().keys()], [ctr]);
});

test("messages of fields no longer on the page are not shown", () => {
  const { fields, errors } = setUp();
  const gone = { ...fields[0], isConnected: false };
  errors.setTyped(new Map([[gone, "typed"]]));
  assert.equal(errors.messages().size, 0);
  assert.equal(errors.blocking, true); // still counts until the next collect() replaces it
});

test("a rule over several fields is said at each of them", () => {
  const { byName, errors } = setUp();
  errors.setModel([{ field: "pre_peak_share, peak_share", message: "jumlahnya harus 100 %" }], byName);
  assert.deepEqual([...errors.messages()].map(([el, m]) => [el.name, m]), [
    ["pre_peak_share", "jumlahnya harus 100 %"],
    ["peak_share", "jumlahnya harus 100 %"],
  ]);
  assert.deepEqual(errors.general(), []);
});

test("what no field owns goes to the box below the form", () => {
  const { byName, errors } = setUp();
  errors.setLink([{ field: "", message: "parameter “zzz” di tautan tidak dikenal dan diabaikan" }, { field: "x.9", message: "salah" }], byName);
  errors.setModel([{ field: "", message: "umum" }, { field: "channels", message: "nama ganda" }], byName);
  assert.deepEqual(errors.general(), ["parameter “zzz” di tautan tidak dikenal dan diabaikan", "x.9: salah", "umum", "channels: nama ganda"]);
  assert.equal(errors.blocking, true); // the model's general message must be fixed; the link's only inform
  assert.equal(errors.clearModel(), true);
  assert.equal(errors.blocking, false);
  assert.equal(errors.clearModel(), false);
});

test("a refused value from a link is reported as the link's and returned to be reset", () => {
  const { fields, byName, errors } = setUp();
  const [spend, ctr] = fields;
  errors.fromLink.add(spend);
  errors.fromLink.add(ctr);
  const revert = errors.setModel([{ field: "ad_spend", message: "harus ≥ 0" }], byName);
  assert.deepEqual(revert, [spend]);
  assert.equal(errors.messages().get(spend), "nilai dari tautan tidak dipakai (harus ≥ 0); nilai bawaan dipakai");
  assert.equal(errors.fromLink.has(spend), false); // the default now in the field is not the link's
  // the reader edits the other field from the link: its next refusal is the reader's
  errors.forget(ctr);
  assert.deepEqual(errors.setModel([{ field: "ctr", message: "terlalu besar" }], byName), []);
  assert.equal(errors.blocking, true);
});

test("clear() forgets everything", () => {
  const { fields, byName, errors } = setUp();
  errors.setLink([{ field: "ad_spend", message: "link" }, { field: "", message: "umum" }], byName);
  errors.setTyped(new Map([[fields[1], "typed"]]));
  errors.fromLink.add(fields[0]);
  errors.clear();
  assert.equal(errors.messages().size, 0);
  assert.deepEqual(errors.general(), []);
  assert.equal(errors.blocking, false);
  assert.equal(errors.fromLink.has(fields[0]), false);
});

test("a model message about a percent field is said in percent", () => {
  // the model's messages (simulators/_validate.py describe_range) for fields declared with a fraction hint
  const cases = {
    "harus antara 0 dan 1 (pecahan 0–1, mis. 0.025 untuk 2,5 %)": "harus antara 0 dan 100 %",
    "tidak boleh negatif, kurang dari 1 (pecahan 0–1, mis. 0.3 untuk 30 %)": "tidak boleh negatif, kurang dari 100 %",
    "harus antara -0,5 dan 1 (pecahan per minggu, mis. 0.1 untuk +10 % per minggu)": "harus antara -50 dan 100 %",
    "harus paling kecil 0,005, paling besar 0,25 (pecahan 0–1)": "harus paling kecil 0,5 %, paling besar 25 %",
    "harus lebih dari 0,0125 (pecahan 0–1)": "harus lebih dari 1,25 %",
    "harus paling besar 1.000 (pecahan)": "harus paling besar 100.000 %",
  };
  for (const [model, page] of Object.entries(cases)) assert.equal(inPercent(model), page, model);
});

test("a message already in percent, or about no limit, is left as it is", () => {
  for (const message of [
    "harus antara 0 dan 100 %",
    "jumlah pre_peak_share, peak_share, post_peak_share harus 100 % (sekarang 110 %)",
    "wajib diisi angka, bukan null",
    "harus 0 karena pre_peak_days 0: fase tanpa hari tidak bisa memakai anggaran",
  ]) {
    assert.equal(inPercent(message), message);
  }
});
