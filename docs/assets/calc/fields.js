// The form's fields: what each one shows, the exact model value behind it, and its unit.
//
// A field shows formatted text ("1.500.000", "2,5"); the model wants a number in
// its own units (1500000, 0.025). Until the reader edits a field, the exact value
// it was filled with is kept beside it, so a link or the defaults reach the model
// unchanged by rounding; an edited field is read from its text (parseTyped).

import { formatInput, parseTyped } from "./format.js";
import { rowPath, setPath } from "./paths.js";

/** Give `select` an option for `value` if it has none ("Shopee (tidak ada)"). */
export function ensureOption(select, value) {
  if (value === "" || [...select.options].some((o) => o.value === value)) return;
  const option = select.ownerDocument.createElement("option");
  option.value = value;
  option.textContent = `${value} (tidak ada)`;
  select.append(option);
}

/**
 * The model payload from `controls` (anything with name, value, dataset.unit):
 * {payload, problems: Map(control → message), key: JSON of the payload}.
 * `lists`: names of the list inputs (sent as [] when they have no rows);
 * `optional`: {group: key}, a group whose key field is empty sends nothing.
 */
export function collect(controls, model, { lists, optional }) {
  const payload = {};
  const problems = new Map();
  for (const list of lists) payload[list] = [];
  const off = new Set(
    Object.entries(optional)
      .filter(([group, key]) => controls.find((el) => el.name === `${group}.${key}`)?.value === "")
      .map(([group]) => group),
  );
  for (const el of controls) {
    if (off.has(el.name.split(".")[0])) continue; // a switched-off group (no shock) sends nothing
    let value;
    if (model.has(el)) value = model.get(el);
    else {
      const parsed = parseTyped(el.value, el.dataset.unit);
      if (!parsed.ok) {
        problems.set(el, parsed.message);
        continue;
      }
      value = parsed.value;
    }
    setPath(payload, el.name, value);
  }
  return { payload, problems, key: JSON.stringify(payload) };
}

/**
 * The text a field is tidied to when the reader leaves it ("1500000" → "1.500.000"),
 * or null when it stays as typed: not a number, or tidying would change its value.
 */
export function tidied(text, unit) {
  if (["text", "select", "date"].includes(unit)) return null;
  const parsed = parseTyped(text, unit);
  if (!parsed.ok) return null;
  const tidy = formatInput(parsed.value, unit);
  return parseTyped(tidy, unit).value === parsed.value ? tidy : null;
}

export class Fields {
  constructor(form) {
    this.form = form;
    this.model = new WeakMap(); // control → exact model value, until the reader edits it
    this.units = new Map(); // "channels.#.name" → its unit
    // "channels.0.name" and, for a list of plain values (the plan's channel names), "channels.0";
    // a row template names its fields with the index "__i__".
    const add = (el) => this.units.set(rowPath(el.name.replace(/\.__i__(\.|$)/, ".0$1")), el.dataset.unit);
    this.all().forEach(add);
    for (const template of form.querySelectorAll("template[data-row-template]")) {
      template.content.querySelectorAll("[name]").forEach(add);
    }
  }

  all() {
    return [...this.form.querySelectorAll("input[name], select[name]")];
  }

  byName(name) {
    return this.all().find((el) => el.name === name) || null;
  }

  unitOf(path) {
    return this.units.get(rowPath(path)) || null;
  }

  /**
   * Show `value` in `el` and remember it exactly. `prerendered`: `value` is the
   * default the build wrote into the field's HTML (with the same formatting,
   * tests/test_calc_js.py), so untouched text is kept as it is. That spares the
   * page's start-up the browser's first Intl.NumberFormat, which loads its
   * locale data (about 0,1 s on a slow phone).
   */
  set(el, value, prerendered = false) {
    if (value === undefined || value === null) {
      el.value = "";
      this.model.delete(el);
      return;
    }
    if (el.tagName === "SELECT") ensureOption(el, String(value));
    if (!(prerendered && el.tagName === "INPUT" && el.value === el.defaultValue && el.value !== "")) {
      el.value = formatInput(value, el.dataset.unit);
    }
    this.model.set(el, value);
  }

  /** The reader changed `el`: from now on its text is what counts. */
  edited(el) {
    this.model.delete(el);
  }

  /** The model payload from the form (see collect()). */
  collect(lists, optional) {
    return collect(this.all(), this.model, { lists, optional });
  }

  /** Tidy the text of a field the reader leaves, if it is a number typed by hand. */
  tidy(el) {
    if (!el.name || this.model.has(el)) return;
    const tidy = tidied(el.value, el.dataset.unit);
    if (tidy !== null) el.value = tidy;
  }
}
