// Every message about the inputs in one object (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { ErrorState } from "../../docs/assets/calc/errors.js";

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
  errors.setModel([{ field: "ad_spend", message: "model" }, { field: "ctr", message: "model ctr" }], byName);
  errors.setTyped(new Map([[spend, "typed"]]));
  errors.setLink([{ field: "ad_spend", message: "link" }], byName);
  assert.deepEqual([...errors.messages()].map(([el, m]) => [el.name, m]), [
    ["ad_spend", "link"],
    ["ctr", "model ctr Kolom ini diisi dalam persen, mis. 2,5 untuk 2,5 %."],
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
