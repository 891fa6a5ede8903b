// The whole form: list rows (channels, links, the posting mix, moments) and the
// dropdowns that point at another list's rows, filled from model inputs or from
// a snapshot kept in sessionStorage.
//
// A dropdown that points at a channel follows the row, not the text: renaming
// "Shopee" to "Shopee Mall" keeps the links and the shock that use it, and
// removing the channel removes its links.

import { Fields, ensureOption } from "./fields.js";
import { isObject, lookup, readJson } from "./paths.js";

/** `value` (an attribute) with the row index of `list` set to `index`: "channels-3-name" → "channels-0-name". */
export function renumbered(value, list, index) {
  const pattern = new RegExp(`(^|[\\s-])(${list})([.-])(\\d+|__i__)(?=[.\\s-]|$)`, "g");
  return value.replace(pattern, `$1$2$3${index}`);
}

/** "Kanal 3", or the next number no row of `taken` has yet. */
export function freeName(taken, base, index) {
  let n = index + 1;
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

const RENUMBERED = ["name", "id", "for", "aria-describedby", "data-error-for", "data-hint-for"];

export class Form {
  constructor(form) {
    this.el = form;
    this.fields = new Fields(form);
    this.refs = new WeakMap(); // dropdown → the row (channel) it points to
    this.lists = {}; // list → {box, min, max, rowDefaults}
    for (const box of form.querySelectorAll("[data-list]")) {
      this.lists[box.dataset.list] = {
        box,
        min: Number(box.dataset.min || 0),
        max: Number(box.dataset.max || 12),
        rowDefaults: readJson(box.dataset.rowDefaults, {}),
      };
    }
    this.optional = {}; // group that can be switched off → its key field ({shock: "channel"})
    for (const el of form.querySelectorAll("select[data-empty-label]")) {
      const [group, key] = el.name.split(".");
      if (key && !this.lists[group]) this.optional[group] = key;
    }
  }

  rows(list) {
    return [...this.lists[list].box.querySelector("[data-rows]").children];
  }

  /** The model payload from the form: {payload, problems, key} (see fields.js). */
  collect() {
    return this.fields.collect(Object.keys(this.lists), this.optional);
  }

  /** Fill the form from model inputs; `prerendered`: they are the defaults already in the HTML. */
  fill(inputs, defaults, prerendered = false) {
    for (const list of Object.keys(this.lists)) this.setRowCount(list, (inputs[list] || []).length);
    const selects = {};
    for (const el of this.fields.all()) {
      let value = lookup(inputs, el.name);
      const [group, key] = el.name.split(".");
      if (el.tagName === "SELECT") {
        // A switched-off group's other dropdowns (the roi's platform tier) keep what they show, ready for when it is switched on.
        if (value === undefined && this.optional[group] && this.optional[group] !== key) continue;
        selects[el.name] = value ?? "";
      } else {
        // A switched-off group keeps its other fields filled, ready for when it is switched on.
        if (value === undefined && this.optional[group]) value = lookup(defaults, el.name);
        this.fields.set(el, value, prerendered);
      }
    }
    this.syncOptions();
    this.setSelects(selects);
    for (const el of this.el.querySelectorAll("select[name]")) this.fields.model.set(el, el.value);
  }

  /** What sessionStorage keeps: every field's text, the exact values, the row counts. */
  snapshot() {
    const fields = {};
    const model = {};
    for (const el of this.fields.all()) {
      fields[el.name] = el.value;
      if (this.fields.model.has(el)) model[el.name] = this.fields.model.get(el);
    }
    const rows = {};
    for (const list of Object.keys(this.lists)) rows[list] = this.rows(list).length;
    return { fields, model, rows };
  }

  /** Put back a snapshot(). */
  restore(saved) {
    for (const [list, count] of Object.entries(saved.rows || {})) if (this.lists[list]) this.setRowCount(list, count);
    const selects = {};
    for (const el of this.fields.all()) {
      if (!(el.name in saved.fields)) continue;
      if (el.tagName === "SELECT") selects[el.name] = saved.fields[el.name];
      else el.value = saved.fields[el.name];
      if (saved.model && el.name in saved.model) this.fields.model.set(el, saved.model[el.name]);
      else this.fields.model.delete(el);
    }
    this.syncOptions();
    this.setSelects(selects);
  }

  /** The reader changed `el`: its text counts now, and a dropdown is re-pointed by what it shows. */
  edited(el) {
    this.fields.edited(el);
    if (el.tagName === "SELECT") this.refs.delete(el); // re-pointed by syncOptions
    if (el.tagName === "SELECT" || el.name.endsWith(".name")) this.syncOptions();
  }

  // ---- list rows

  renumber(list) {
    this.rows(list).forEach((row, index) => {
      for (const el of [row, ...row.querySelectorAll("*")]) {
        for (const attr of RENUMBERED) {
          const value = el.getAttribute(attr);
          if (!value) continue;
          const next = renumbered(value, list, index);
          if (next !== value) el.setAttribute(attr, next);
        }
      }
      row.querySelectorAll("[data-row-number]").forEach((el) => (el.textContent = String(index + 1)));
    });
    const spec = this.lists[list];
    const count = this.rows(list).length;
    spec.box.querySelectorAll("[data-action=remove-row]").forEach((b) => (b.disabled = count <= spec.min));
    spec.box.querySelectorAll(":scope > [data-action=add-row], :scope > * > [data-action=add-row]").forEach((b) => {
      b.disabled = count >= spec.max;
    });
    const counter = spec.box.querySelector("[data-row-count]");
    if (counter) counter.textContent = `${count} dari paling banyak ${spec.max}`;
  }

  /** Whether `list` may have another row. */
  canAdd(list) {
    return this.rows(list).length < this.lists[list].max;
  }

  addRow(list, values = null) {
    const spec = this.lists[list];
    const template = spec.box.querySelector("template[data-row-template]");
    const row = template.content.firstElementChild.cloneNode(true);
    spec.box.querySelector("[data-rows]").append(row);
    this.renumber(list);
    const index = this.rows(list).length - 1;
    const plain = !isObject(spec.rowDefaults); // a list of plain values: one control per row, named "list.N"
    let fill = values || structuredClone(spec.rowDefaults);
    if (plain && values) fill = isObject(values) ? undefined : values; // setRowCount's {} means "empty for now"
    if (!values && plain) fill = this.uniqueName(list, row.dataset.rowName || "Baris", index);
    else if (!values && "name" in fill) fill.name = this.uniqueName(list, row.dataset.rowName || "Baris", index);
    this.syncOptions();
    let selectIndex = 0;
    for (const el of row.querySelectorAll("[name]")) {
      const key = el.name.split(".").pop();
      if (plain) this.fields.set(el, fill);
      else if (el.tagName === "SELECT" && values === null && "unique" in el.dataset) {
        // A new seasonal moment starts on one no other row has yet.
        const taken = new Set(this.rows(list).filter((r) => r !== row).map((r) => r.querySelector(`[name$=".${key}"]`)?.value));
        const free = [...el.options].find((o) => !taken.has(o.value)) || el.options[0];
        this.fields.set(el, free ? free.value : "");
      } else if (el.tagName === "SELECT" && values === null && !fill[key] && !el.dataset.emptyLabel) {
        // A new link goes from the first channel to the second until the reader picks.
        const option = el.options[Math.min(selectIndex, el.options.length - 1)];
        this.fields.set(el, option ? option.value : "");
      } else this.fields.set(el, fill[key]);
      if (el.tagName === "SELECT") selectIndex += 1;
    }
    this.syncOptions();
    return row;
  }

  uniqueName(list, base, index) {
    return freeName(new Set(this.names(list)), base, index);
  }

  removeRow(row) {
    const list = row.closest("[data-list]").dataset.list;
    row.remove();
    this.renumber(list);
    // Links to or from a channel that is gone would be an error the reader did not make.
    for (const [other, spec] of Object.entries(this.lists)) {
      if (other === list) continue;
      for (const linkRow of this.rows(other)) {
        const refs = [...linkRow.querySelectorAll(`select[data-options-from="${list}"]`)];
        if (refs.some((el) => this.refs.get(el) === row) && this.rows(other).length > spec.min) linkRow.remove();
      }
      this.renumber(other);
    }
    for (const el of this.el.querySelectorAll(`select[data-options-from="${list}"][data-empty-label]`)) {
      if (this.refs.get(el) === row) {
        this.refs.delete(el);
        el.value = "";
        this.fields.model.set(el, "");
      }
    }
    // A select that cannot be empty (runway's shocked channel) follows the first row instead.
    for (const el of this.el.querySelectorAll(`select[data-options-from="${list}"]:not([data-empty-label])`)) {
      if (this.refs.get(el) === row && !el.closest("[data-row]") && this.rows(list).length) this.refs.set(el, this.rows(list)[0]);
    }
    this.syncOptions();
  }

  setRowCount(list, count) {
    if (this.rows(list).length === count) return; // already numbered (the prerendered rows, say)
    while (this.rows(list).length > count) this.rows(list).at(-1).remove();
    while (this.rows(list).length < count) this.addRow(list, {});
    this.renumber(list);
  }

  names(list) {
    return this.rows(list).map((row) => this.nameOf(row));
  }

  /** A row's name: its ".name" field, or the only field of a row in a list of plain names (the plan's channels). */
  nameOf(row) {
    const list = this.lists[row.closest("[data-list]")?.dataset.list];
    const plain = list && !isObject(list.rowDefaults);
    const control = row.querySelector("[name$='.name']") || (plain ? row.querySelector("[name]") : null);
    return control?.value ?? "";
  }

  // ---- dropdowns that point at rows

  /**
   * Options of every channel select = the current channel names (as text, never
   * HTML). A select follows the row it points to, so renaming a channel keeps
   * the links and the shock that use it.
   */
  syncOptions() {
    const doc = this.el.ownerDocument;
    for (const select of this.el.querySelectorAll("select[data-options-from]")) {
      const list = select.dataset.optionsFrom;
      if (!this.lists[list]) continue;
      const rows = this.rows(list);
      const row = this.refs.get(select);
      const current = row && row.isConnected ? this.nameOf(row) : select.value;
      select.replaceChildren();
      if (select.dataset.emptyLabel) {
        const none = doc.createElement("option");
        none.value = "";
        none.textContent = select.dataset.emptyLabel;
        select.append(none);
      }
      for (const name of this.names(list)) {
        const option = doc.createElement("option");
        option.value = name;
        option.textContent = name;
        select.append(option);
      }
      ensureOption(select, current);
      select.value = current;
      if (!row || !row.isConnected) {
        const match = rows.find((r) => current !== "" && this.nameOf(r) === current);
        if (match) this.refs.set(select, match);
        else this.refs.delete(select);
      }
      if (this.fields.model.has(select)) this.fields.model.set(select, current);
    }
  }

  /** Give selects new values (from defaults, a link or storage) and re-point them. */
  setSelects(values) {
    for (const el of this.el.querySelectorAll("select[name]")) {
      if (!(el.name in values)) continue;
      const value = values[el.name];
      this.refs.delete(el);
      ensureOption(el, String(value ?? ""));
      el.value = String(value ?? "");
    }
    this.syncOptions();
  }
}
