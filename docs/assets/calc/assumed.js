// The inputs behind the result on screen, listed under the headline
// ("Biaya tetap kampanye Rp 250.000"): a default the reader never looked at
// still moves the verdict, so it is shown where the verdict is read.
//
// Markup: [data-input=PATH][data-format=KIND] (sitebuild/templates/_macros.html,
// summary()); KIND is an output format, or "count" for how many rows a list has.

import { formatValue } from "./format.js";
import { lookup } from "./paths.js";

/** The text an assumed input shows: its value in the result's inputs, formatted like an output. */
export function assumedText(inputs, path, kind) {
  const value = lookup(inputs, path);
  if (kind === "count") return formatValue(Array.isArray(value) ? value.length : 0, "int");
  return formatValue(value ?? null, kind);
}

/** Write the inputs of the result on screen into root's [data-input] elements. */
export function showAssumed(root, inputs) {
  for (const el of root.querySelectorAll("[data-input]")) {
    const text = assumedText(inputs, el.dataset.input, el.dataset.format);
    if (el.textContent !== text) el.textContent = text;
  }
}

/** A tap on an assumed input goes to its field, opening the folded group that hides it. */
export function goToField(root, link) {
  const target = root.querySelector(link.getAttribute("href"));
  if (!target) return false;
  for (let box = target.closest("details"); box; box = box.parentElement.closest("details")) box.open = true;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
  return true;
}
