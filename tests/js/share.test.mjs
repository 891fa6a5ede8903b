// "Salin tautan" (node:test; run by tests/test_calc_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { share } from "../../docs/assets/calc/share.js";

function shareBox() {
  const parts = {
    "[data-share-url]": { value: "", selected: false, select() { this.selected = true; } },
    "[data-share-status]": { textContent: "" },
  };
  const box = { hidden: true, querySelector: (selector) => parts[selector] };
  return { root: { querySelector: () => box }, box, field: parts["[data-share-url]"], status: parts["[data-share-status]"] };
}

function withClipboard(clipboard, work) {
  const before = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: { clipboard }, configurable: true });
  return work().finally(() => {
    if (before) Object.defineProperty(globalThis, "navigator", before);
    else delete globalThis.navigator; // node 20 has no navigator of its own
  });
}

test("the link is copied and shown", async () => {
  const { root, box, field, status } = shareBox();
  const copied = [];
  await withClipboard({ writeText: async (text) => copied.push(text) }, () => share(root, "https://x/roi/?cpm=1"));
  assert.deepEqual(copied, ["https://x/roi/?cpm=1"]);
  assert.equal(box.hidden, false);
  assert.equal(field.value, "https://x/roi/?cpm=1");
  assert.match(status.textContent, /Tautan disalin/);
});

test("without clipboard access the reader is told to copy it by hand", async () => {
  const { root, field, status } = shareBox();
  await withClipboard(undefined, () => share(root, "https://x/roi/"));
  assert.equal(field.selected, true);
  assert.match(status.textContent, /tekan lama lalu Salin/);
});
