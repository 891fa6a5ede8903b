// A result into the markup: exact values and shown text of table cells (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { rawValue, tableCells } from "../../docs/assets/calc/render.js";

test("data-value keeps the exact value", () => {
  assert.equal(rawValue(0.30530705173038053), "0.30530705173038053");
  assert.equal(rawValue("2025-09-01"), "2025-09-01"); // strings unquoted
  assert.equal(rawValue(true), "true");
  assert.equal(rawValue(null), "");
  assert.equal(rawValue(undefined), "");
  assert.equal(rawValue([1, 2]), "[1,2]");
});

test("table cells: exact value and formatted text per column, in header order", () => {
  const rows = [
    { week: 1, cash: 417600.4, roas: null },
    { week: 2, cash: -916200.4, roas: 2.7 },
  ];
  const columns = [["week", "int"], ["cash", "rupiah"], ["roas", "ratio"], ["missing", "rupiah"]];
  assert.deepEqual(tableCells(rows, columns), [
    [["1", "1"], ["417600.4", "Rp\u00a0417.600"], ["", "—"], ["", "—"]],
    [["2", "2"], ["-916200.4", "-Rp\u00a0916.200"], ["2.7", "2,70"], ["", "—"]],
  ]);
});
