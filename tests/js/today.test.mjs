// Date inputs that follow the reader's today (node:test; run by tests/test_calc_js.py,
// which also compares these rules with sitebuild/calc/today.py over many days).
import assert from "node:assert/strict";
import { test } from "node:test";

import { dateFromToday, datedFields, localIso } from "../../docs/assets/calc/today.js";

test("a week plan starts on the first Monday on or after today", () => {
  assert.equal(dateFromToday("monday", "2026-12-03"), "2026-12-07"); // Thursday → next Monday
  assert.equal(dateFromToday("monday", "2026-12-07"), "2026-12-07"); // a Monday is its own start
  assert.equal(dateFromToday("monday", "2026-12-06"), "2026-12-07"); // Sunday
  assert.equal(dateFromToday("monday", "2026-12-29"), "2027-01-04"); // across the year
  assert.equal(dateFromToday("monday", "2028-02-28"), "2028-02-28"); // a Monday before a leap day
  assert.equal(dateFromToday("monday", "2028-02-29"), "2028-03-06");
});

test("a campaign year starts today, within the years the model knows", () => {
  assert.equal(dateFromToday("today", "2026-10-20", "2025-01-01", "2028-12-31"), "2026-10-20");
  assert.equal(dateFromToday("today", "2031-05-01", "2025-01-01", "2028-12-31"), "2028-12-31");
  assert.equal(dateFromToday("today", "2024-05-01", "2025-01-01", "2028-12-31"), "2025-01-01");
  assert.throws(() => dateFromToday("someday", "2026-10-20"), /unknown date rule/);
});

test("only fields with a rule are dated", () => {
  const start = { dataset: { fromToday: "monday", earliest: "2000-01-01", latest: "2100-12-31" } };
  const other = { dataset: { unit: "date" } };
  assert.deepEqual(datedFields([start, other], "2026-12-03"), [[start, "2026-12-07"]]);
});

test("today is the reader's local date", () => {
  assert.equal(localIso(new Date(2026, 11, 3, 23, 59)), "2026-12-03");
  assert.equal(localIso(new Date(2027, 0, 1, 0, 0)), "2027-01-01");
});
