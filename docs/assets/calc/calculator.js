// Page code of the calculators: binds the prerendered markup to the worker.
//
// The page never waits for Python: the numbers in the HTML were computed at
// build time for the defaults. This module starts the worker, keeps what the
// reader types (in the form, the address and sessionStorage), sends the model
// inputs to the worker, and writes the answers back into the markup. It only
// formats and compares numbers; every number comes from the model.
//
// Markup contract: see sitebuild/templates/_macros.html and CONTRIBUTING.md ("Kontrak markup kalkulator").

import * as engine from "./client.js";
import { download, downloadText, tableCsv } from "./csv.js";
import { formatInput, formatValue, parseTyped } from "./format.js";
import { buildQuery, readQuery } from "./url.js";
import { choose, holds, lookup } from "./when.js";

const STATUS = {
  loading: "Hasil di bawah dihitung dari nilai bawaan. Kalkulator sedang disiapkan di ponsel Anda; angka sudah boleh diubah.",
  waiting: "Sedang menghitung… Kalkulator masih dimuat. Angka yang Anda ketik tidak hilang; hasilnya muncul begitu siap.",
  ready: "Kalkulator siap. Ubah angka mana pun, hasilnya langsung diperbarui.",
  error: "Kalkulator tidak bisa berjalan di peramban ini sekarang. Angka di bawah tetap benar untuk isian di atas.",
  errorStale: "Kalkulator tidak bisa berjalan di peramban ini sekarang, jadi isian Anda belum dihitung.",
};
const PERCENT_NOTE = " Kolom ini diisi dalam persen, mis. 2,5 untuk 2,5 %.";
const ANNOUNCE_DELAY_MS = 1200;
const CACHE_SIZE = 20;
// The address and sessionStorage follow the inputs once typing pauses: writing
// them on every keystroke cost more than the model run. Leaving the page
// writes them at once (see bind()), so nothing typed is lost.
const KEEP_DELAY_MS = 250;
// A chart is drawn (and Chart.js fetched) only when it comes near the screen:
// on a phone the charts sit below the form, and many readers never get there.
const CHART_MARGIN = "400px 0px";

/** Run `work` after the browser has painted what was just written (the headline numbers first). */
function afterPaint(work) {
  if (document.hidden) setTimeout(work, 0); // no frames in a hidden tab
  else requestAnimationFrame(() => setTimeout(work, 0));
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function rawValue(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function setPath(target, path, value) {
  const parts = path.split(".");
  let node = target;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]);
    if (last) node[part] = value;
    else {
      if (node[part] === undefined || node[part] === null) node[part] = nextIsIndex ? [] : {};
      node = node[part];
    }
  });
}

function readJson(text, fallback) {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

const storage = {
  get(key) {
    try {
      return readJson(sessionStorage.getItem(key), null);
    } catch {
      return null; // storage disabled (private mode, policy): inputs still live in the address
    }
  },
  set(key, value) {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* quota or disabled storage: nothing else to do */
    }
  },
  remove(key) {
    try {
      sessionStorage.removeItem(key);
    } catch {
      /* see above */
    }
  },
};

class Calculator {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    this.form = root.querySelector("[data-form]");
    this.defaults = readJson(root.dataset.defaults, {});
    this.runtime = readJson(root.dataset.runtime, {});
    this.result = readJson(root.querySelector("[data-result]").textContent, null);
    this.storageKey = `kalkulator:${location.pathname}#${root.id}`;
    this.model = new WeakMap(); // control → exact model value, until the reader edits it
    this.linkErrors = new Map(); // control → message about its value in the link
    this.typedErrors = new Map(); // control → message about what was typed
    this.modelErrors = new Map(); // control → the model's message
    this.fromLink = new WeakSet(); // controls whose value came from the link
    this.refs = new WeakMap(); // channel select → the row (channel) it points to
    this.cache = new Map(); // JSON of a payload → its result
    this.wanted = null; // {payload, key} the reader wants to see
    this.inFlight = false;
    this.engineState = "prerendered";
    this.announceTimer = 0;
    this.keepTimer = 0;
    this.addressDue = false; // the address still shows older inputs than the result on screen
    this.keptOnce = Boolean(storage.get(this.storageKey)); // sessionStorage holds this calculator's inputs
    this.drawn = new WeakMap(); // table or chart → JSON of the rows it shows
    this.drawing = 0; // > 0 while tables and charts of the newest result are still to be drawn
    this.renderToken = 0;
    this.nearScreen = new WeakSet(); // charts within CHART_MARGIN of the screen
    this.chartWatch =
      "IntersectionObserver" in window
        ? new IntersectionObserver((entries) => this.onChartsSeen(entries), { rootMargin: CHART_MARGIN })
        : null;

    this.units = this.unitMap();
    this.lists = this.listSpecs();
    this.optional = this.optionalGroups();
    // Anything typed in the moment before this code ran (the form is usable as
    // soon as it is painted) is put back after the defaults, link and storage.
    const early = this.controls().filter((el) => el.tagName === "INPUT" && el.value !== el.defaultValue).map((el) => [el, el.value]);
    this.setInputs(this.defaults, true);
    this.defaultKey = this.collect().key;
    this.cache.set(this.defaultKey, this.result);
    this.shownKey = this.defaultKey;

    this.restore();
    for (const [el, value] of early) {
      if (!el.isConnected) continue;
      el.value = value;
      this.model.delete(el);
      this.fromLink.delete(el);
    }
    this.bind();
    for (const figure of this.root.querySelectorAll("figure[data-chart]")) this.chartWatch?.observe(figure);
    this.drawCharts();
    engine.onState((state) => this.onEngine(state));
    // Usually already started by start.js from <head>; then this does nothing.
    engine.start({
      pyodide: new URL(this.runtime.pyodide, document.baseURI).href,
      wheel: new URL(this.runtime.wheel, document.baseURI).href,
    });
    this.compute();
  }

  // ---- structure of the form

  controls() {
    return [...this.form.querySelectorAll("input[name], select[name]")];
  }

  control(name) {
    return this.controls().find((el) => el.name === name) || null;
  }

  unitMap() {
    const units = new Map();
    // "channels.0.name" and, for a list of plain values (the plan's channel names), "channels.0"
    const add = (el) => units.set(el.name.replace(/\.(\d+|__i__)(\.|$)/, ".#$2"), el.dataset.unit);
    this.controls().forEach(add);
    for (const template of this.form.querySelectorAll("template[data-row-template]")) {
      template.content.querySelectorAll("[name]").forEach(add);
    }
    return units;
  }

  unitOf(path) {
    return this.units.get(String(path).replace(/\.\d+(\.|$)/, ".#$1")) || null;
  }

  listSpecs() {
    const lists = {};
    for (const box of this.form.querySelectorAll("[data-list]")) {
      lists[box.dataset.list] = {
        box,
        min: Number(box.dataset.min || 0),
        max: Number(box.dataset.max || 12),
        rowDefaults: readJson(box.dataset.rowDefaults, {}),
      };
    }
    return lists;
  }

  optionalGroups() {
    const groups = {};
    for (const el of this.form.querySelectorAll("select[data-empty-label]")) {
      const [group, key] = el.name.split(".");
      if (key && !this.lists[group]) groups[group] = key;
    }
    return groups;
  }

  rows(list) {
    return [...this.lists[list].box.querySelector("[data-rows]").children];
  }

  // ---- reading and writing the form

  /**
   * Show `value` in `el` and remember it exactly. `prerendered`: `value` is the
   * default the build wrote into the field's HTML (with the same formatting,
   * tests/test_calc_js.py), so untouched text is kept as it is. That spares the
   * page's start-up the browser's first Intl.NumberFormat, which loads its
   * locale data (about 0,1 s on a slow phone).
   */
  setControl(el, value, prerendered = false) {
    if (value === undefined || value === null) {
      el.value = "";
      this.model.delete(el);
      return;
    }
    if (el.tagName === "SELECT") this.ensureOption(el, String(value));
    if (!(prerendered && el.tagName === "INPUT" && el.value === el.defaultValue && el.value !== "")) {
      el.value = formatInput(value, el.dataset.unit);
    }
    this.model.set(el, value);
  }

  /** Fill the form from model inputs; `prerendered`: they are the defaults already in the HTML. */
  setInputs(inputs, prerendered = false) {
    for (const list of Object.keys(this.lists)) this.setRowCount(list, (inputs[list] || []).length);
    const selects = {};
    for (const el of this.controls()) {
      let value = lookup(inputs, el.name);
      if (el.tagName === "SELECT") selects[el.name] = value ?? "";
      else {
        // A switched-off group keeps its other fields filled, ready for when it is switched on.
        if (value === undefined && this.optional[el.name.split(".")[0]]) value = lookup(this.defaults, el.name);
        this.setControl(el, value, prerendered);
      }
    }
    this.syncOptions();
    this.setSelects(selects);
    for (const el of this.form.querySelectorAll("select[name]")) this.model.set(el, el.value);
  }

  /** The model payload from the form, or the fields whose text is not a number. */
  collect() {
    const payload = {};
    const problems = new Map();
    for (const list of Object.keys(this.lists)) payload[list] = [];
    const off = new Set(
      Object.entries(this.optional)
        .filter(([group, key]) => this.control(`${group}.${key}`)?.value === "")
        .map(([group]) => group),
    );
    for (const el of this.controls()) {
      if (off.has(el.name.split(".")[0])) continue; // a switched-off group (no shock) sends nothing
      let value;
      if (this.model.has(el)) value = this.model.get(el);
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

  // ---- list rows (omnichannel channels and links, cadence mix)

  renumber(list) {
    const pattern = new RegExp(`(^|[\\s-])(${list})([.-])(\\d+|__i__)(?=[.\\s-]|$)`, "g");
    this.rows(list).forEach((row, index) => {
      for (const el of [row, ...row.querySelectorAll("*")]) {
        for (const attr of ["name", "id", "for", "aria-describedby", "data-error-for"]) {
          const value = el.getAttribute(attr);
          if (value && pattern.test(value)) {
            pattern.lastIndex = 0;
            el.setAttribute(attr, value.replace(pattern, `$1$2$3${index}`));
          }
          pattern.lastIndex = 0;
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
      if (plain) this.setControl(el, fill);
      else if (el.tagName === "SELECT" && values === null && "unique" in el.dataset) {
        // A new seasonal moment starts on one no other row has yet.
        const taken = new Set(this.rows(list).filter((r) => r !== row).map((r) => r.querySelector(`[name$=".${key}"]`)?.value));
        const free = [...el.options].find((o) => !taken.has(o.value)) || el.options[0];
        this.setControl(el, free ? free.value : "");
      } else if (el.tagName === "SELECT" && values === null && !fill[key] && !el.dataset.emptyLabel) {
        // A new link goes from the first channel to the second until the reader picks.
        const option = el.options[Math.min(selectIndex, el.options.length - 1)];
        this.setControl(el, option ? option.value : "");
      } else this.setControl(el, fill[key]);
      if (el.tagName === "SELECT") selectIndex += 1;
    }
    this.syncOptions();
    return row;
  }

  uniqueName(list, base, index) {
    const taken = new Set(this.rows(list).map((row) => this.nameOf(row)));
    let n = index + 1;
    while (taken.has(`${base} ${n}`)) n += 1;
    return `${base} ${n}`;
  }

  removeRow(row) {
    const list = row.closest("[data-list]").dataset.list;
    for (const el of row.querySelectorAll("[name]")) this.forgetErrors(el);
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
    for (const el of this.form.querySelectorAll(`select[data-options-from="${list}"][data-empty-label]`)) {
      if (this.refs.get(el) === row) {
        this.refs.delete(el);
        el.value = "";
        this.model.set(el, "");
      }
    }
    // A select that cannot be empty (runway's shocked channel) follows the first row instead.
    for (const el of this.form.querySelectorAll(`select[data-options-from="${list}"]:not([data-empty-label])`)) {
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

  ensureOption(select, value) {
    if (value === "" || [...select.options].some((o) => o.value === value)) return;
    const option = document.createElement("option");
    option.value = value;
    option.textContent = `${value} (tidak ada)`;
    select.append(option);
  }

  /** A row's name: its ".name" field, or the only field of a row in a list of plain names (the plan's channels). */
  nameOf(row) {
    const list = this.lists[row.closest("[data-list]")?.dataset.list];
    const plain = list && !isObject(list.rowDefaults);
    const control = row.querySelector("[name$='.name']") || (plain ? row.querySelector("[name]") : null);
    return control?.value ?? "";
  }

  /**
   * Options of every channel select = the current channel names (as text, never
   * HTML). A select follows the row it points to, so renaming a channel keeps
   * the links and the shock that use it.
   */
  syncOptions() {
    for (const select of this.form.querySelectorAll("select[data-options-from]")) {
      const list = select.dataset.optionsFrom;
      if (!this.lists[list]) continue;
      const rows = this.rows(list);
      const row = this.refs.get(select);
      const current = row && row.isConnected ? this.nameOf(row) : select.value;
      select.replaceChildren();
      if (select.dataset.emptyLabel) {
        const none = document.createElement("option");
        none.value = "";
        none.textContent = select.dataset.emptyLabel;
        select.append(none);
      }
      for (const name of this.names(list)) {
        const option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        select.append(option);
      }
      this.ensureOption(select, current);
      select.value = current;
      if (!row || !row.isConnected) {
        const match = rows.find((r) => current !== "" && this.nameOf(r) === current);
        if (match) this.refs.set(select, match);
        else this.refs.delete(select);
      }
      if (this.model.has(select)) this.model.set(select, current);
    }
  }

  /** Give selects new values (from defaults, a link or storage) and re-point them. */
  setSelects(values) {
    for (const el of this.form.querySelectorAll("select[name]")) {
      if (!(el.name in values)) continue;
      const value = values[el.name];
      this.refs.delete(el);
      this.ensureOption(el, String(value ?? ""));
      el.value = String(value ?? "");
    }
    this.syncOptions();
  }

  // ---- state kept across reloads and shared links

  restore() {
    const saved = storage.get(this.storageKey);
    if (saved && saved.search === location.search && saved.fields) {
      for (const [list, count] of Object.entries(saved.rows || {})) if (this.lists[list]) this.setRowCount(list, count);
      const selects = {};
      for (const el of this.controls()) {
        if (!(el.name in saved.fields)) continue;
        if (el.tagName === "SELECT") selects[el.name] = saved.fields[el.name];
        else el.value = saved.fields[el.name];
        if (saved.model && el.name in saved.model) this.model.set(el, saved.model[el.name]);
        else this.model.delete(el);
      }
      this.syncOptions();
      this.setSelects(selects);
      return;
    }
    if (location.search.length > 1) this.applyLink(location.search);
  }

  applyLink(search) {
    const { inputs, problems, given } = readQuery(search, {
      defaults: this.defaults,
      lists: this.lists,
      optional: this.optional,
      unitOf: (path) => this.unitOf(path),
    });
    this.setInputs(inputs);
    for (const el of this.controls()) if (given.has(el.name)) this.fromLink.add(el);
    const general = [];
    for (const problem of problems) {
      const el = problem.field && this.control(problem.field);
      if (el) this.linkErrors.set(el, problem.message);
      else general.push(problem.field ? `${problem.field}: ${problem.message}` : problem.message);
    }
    this.linkGeneral = general;
    this.showErrors();
  }

  save() {
    const fields = {};
    const model = {};
    for (const el of this.controls()) {
      fields[el.name] = el.value;
      if (this.model.has(el)) model[el.name] = this.model.get(el);
    }
    const rows = {};
    for (const list of Object.keys(this.lists)) rows[list] = this.rows(list).length;
    storage.set(this.storageKey, { search: location.search, fields, model, rows });
  }

  shareUrl(inputs) {
    return location.origin + location.pathname + buildQuery(inputs, this.defaults, this.optional);
  }

  // ---- computing

  compute() {
    const { payload, problems, key } = this.collect();
    this.typedErrors = problems;
    this.showErrors();
    // Untouched defaults need no copy in sessionStorage (a reload shows them anyway), but
    // once something was kept, going back to the defaults must be kept too.
    if (key !== this.defaultKey || problems.size || this.keptOnce) {
      this.keptOnce = true;
      this.keepSoon();
    }
    if (problems.size) {
      this.wanted = null;
      this.setStale(true);
      return;
    }
    if (key === this.shownKey) {
      // Back to the inputs on screen, which the model accepted: no model message still applies
      // (one over several fields stays on the others when only one of them was edited).
      this.wanted = null;
      if (this.modelErrors.size || (this.modelGeneral || []).length) {
        this.modelErrors = new Map();
        this.modelGeneral = [];
        this.showErrors();
      }
      this.setStale(false);
      return;
    }
    this.wanted = { payload, key };
    if (this.cache.has(key)) {
      this.apply({ ok: true, result: this.cache.get(key) }, key);
      return;
    }
    this.setStale(true);
    if (!this.inFlight && this.engineState !== "error") this.send();
  }

  async send() {
    if (!this.wanted) return;
    const { payload, key } = this.wanted;
    this.inFlight = true;
    const reply = await engine.run(this.name, payload);
    this.inFlight = false;
    if (reply.fatal) {
      // Engine trouble: onEngine() shows the state. A computation the client stopped (too slow,
      // worker lost) is also said in words while the worker restarts; inputs stay as typed.
      const said = reply.errors && reply.errors[0] && reply.errors[0].message;
      if (said && this.engineState !== "error") this.root.querySelector("[data-status]").textContent = said;
      return;
    }
    if (!this.wanted || this.wanted.key !== key) {
      // The reader typed again meanwhile: only the newest inputs count.
      if (this.wanted && this.engineState === "ready") this.send();
      return;
    }
    this.apply(reply, key);
  }

  apply(reply, key) {
    if (!reply.ok) {
      this.modelErrors = new Map();
      const general = [];
      let revert = false;
      for (const error of reply.errors || []) {
        // A rule over several fields ("pre_peak_share, peak_share, post_peak_share": the three
        // shares add up to 100 %) is said next to each of them, not in the box below the form.
        const names = error.field ? error.field.split(", ") : [];
        const group = names.length > 1 ? names.map((name) => this.control(name)) : [];
        if (group.length && group.every(Boolean)) {
          for (const member of group) this.modelErrors.set(member, error.message);
          continue;
        }
        const el = error.field ? this.control(error.field) : null;
        if (el && this.fromLink.has(el) && !this.linkErrors.has(el)) {
          // A value from a shared link the model refuses: say so and keep the default.
          this.linkErrors.set(el, `nilai dari tautan tidak dipakai (${error.message}); nilai bawaan dipakai`);
          this.fromLink.delete(el);
          this.setControl(el, this.defaultFor(el.name));
          revert = true;
        } else if (el) {
          this.modelErrors.set(el, error.message + (el.dataset.unit === "percent" ? PERCENT_NOTE : ""));
        } else {
          general.push(error.field ? `${error.field}: ${error.message}` : error.message);
        }
      }
      this.modelGeneral = general;
      this.wanted = null;
      this.showErrors();
      if (revert) {
        this.compute();
        return;
      }
      this.setStale(true);
      return;
    }
    this.modelErrors = new Map();
    this.modelGeneral = [];
    this.showErrors();
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value);
    this.cache.set(key, reply.result);
    this.render(reply.result);
    this.shownKey = key;
    this.wanted = null;
    this.setStale(false);
    this.keepSoon(true);
    this.scheduleAnnouncement();
  }

  /**
   * Write what the reader typed to sessionStorage and, with `shown`, the inputs
   * of the result on screen to the address, once typing pauses (or at once
   * when the page is left).
   */
  keepSoon(shown = false) {
    this.addressDue ||= shown;
    clearTimeout(this.keepTimer);
    this.keepTimer = setTimeout(() => this.keep(), KEEP_DELAY_MS);
  }

  keep() {
    clearTimeout(this.keepTimer);
    this.keepTimer = 0;
    if (this.addressDue) {
      this.addressDue = false;
      const query = buildQuery(this.result.inputs, this.defaults, this.optional);
      if (query !== location.search && !(query === "" && location.search === "?")) {
        history.replaceState(history.state, "", location.pathname + query + location.hash);
      }
    }
    this.save();
  }

  defaultFor(name) {
    const value = lookup(this.defaults, name);
    if (value !== undefined) return value;
    const [list, , key] = name.split(".");
    return this.lists[list] ? this.lists[list].rowDefaults[key] : undefined;
  }

  // ---- showing results

  render(result) {
    this.result = result;
    const outputs = result.outputs;
    for (const el of this.root.querySelectorAll("[data-output]")) {
      const value = lookup(outputs, el.dataset.output);
      el.dataset.value = rawValue(value);
      el.textContent = formatValue(value ?? null, el.dataset.format);
    }
    for (const el of this.root.querySelectorAll("[data-visible-when]")) {
      el.hidden = !holds(el.dataset.visibleWhen, outputs);
    }
    for (const block of this.root.querySelectorAll("[data-explain]")) choose(block, outputs);
    this.root.dataset.inputs = JSON.stringify(result.inputs);
    // Tables and charts follow in the next task, after the headline numbers are
    // on screen; data-busy stays "true" until they are drawn (setStale()).
    const token = ++this.renderToken;
    this.drawing = 1;
    afterPaint(() => token === this.renderToken && this.drawRest());
  }

  /** The tables and charts of the result on screen (render() leaves them for the next task). */
  drawRest() {
    if (!this.drawing) return;
    const { outputs, extras } = this.result;
    for (const table of this.root.querySelectorAll("table[data-table]")) {
      const source = table.dataset.from === "extras" ? extras : outputs;
      this.fillTable(table, lookup(source, table.dataset.table) || []);
    }
    this.drawCharts();
    this.drawing = 0;
    this.setStale(this.stale);
  }

  fillTable(table, rows) {
    // Rebuilding a 100-row calendar that did not change would cost more than the model run.
    const key = JSON.stringify(rows);
    if (this.drawn.get(table) === key) return;
    this.drawn.set(table, key);
    const columns = [...table.tHead.rows[0].cells].map((th) => [th.dataset.key, th.dataset.format]);
    const body = table.tBodies[0];
    // Rows are reused and only changed cells rewritten: a new budget moves a few
    // numbers, and a rebuilt 100-row table costs a full layout of it.
    while (body.rows.length > rows.length) body.lastElementChild.remove();
    rows.forEach((row, index) => {
      let tr = body.rows[index];
      if (!tr || tr.cells.length !== columns.length) {
        const fresh = document.createElement("tr");
        for (let i = 0; i < columns.length; i++) fresh.append(document.createElement("td"));
        if (tr) tr.replaceWith(fresh);
        else body.append(fresh);
        tr = fresh;
      }
      columns.forEach(([key, kind], i) => {
        const td = tr.cells[i];
        const value = rawValue(row[key]);
        const text = formatValue(row[key] ?? null, kind);
        if (td.dataset.value !== value) td.dataset.value = value;
        if (td.textContent !== text) td.textContent = text;
      });
    });
  }

  onChartsSeen(entries) {
    for (const entry of entries) {
      if (entry.isIntersecting) this.nearScreen.add(entry.target);
      else this.nearScreen.delete(entry.target);
    }
    this.drawCharts();
  }

  drawCharts() {
    if (!this.result || !this.runtime.chart) return;
    for (const figure of this.root.querySelectorAll("figure[data-chart]")) {
      // Off screen, the chart waits; it is drawn from the newest result when it comes near.
      if (this.chartWatch && !this.nearScreen.has(figure)) continue;
      const source = figure.dataset.from === "extras" ? this.result.extras : this.result.outputs;
      const rows = lookup(source, figure.dataset.chart) || [];
      const key = JSON.stringify(rows);
      if (this.drawn.get(figure) === key) continue;
      this.drawn.set(figure, key);
      // charts.js (and Chart.js after it) is fetched with the first chart that comes near the screen.
      import("./charts.js")
        .then(({ drawChart }) => drawChart(figure, rows, new URL(this.runtime.chart, document.baseURI).href))
        .catch(() => {
          figure.querySelector(".calc-chart-box")?.setAttribute("hidden", "");
          const details = figure.querySelector("details");
          if (details) details.open = true; // the table is the chart when Chart.js cannot load
        });
    }
  }

  scheduleAnnouncement() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const shown = [...this.root.querySelectorAll("[data-explain] [data-when]")].find((p) => !p.hidden);
      const target = this.root.querySelector("[data-announce]");
      if (target && shown) target.textContent = `Hasil diperbarui. ${shown.textContent.trim()}`;
    }, ANNOUNCE_DELAY_MS);
  }

  forgetErrors(el) {
    this.typedErrors.delete(el);
    this.modelErrors.delete(el);
    this.linkErrors.delete(el);
  }

  showErrors() {
    const messages = new Map();
    for (const source of [this.modelErrors, this.typedErrors, this.linkErrors]) {
      for (const [el, message] of source) if (el.isConnected) messages.set(el, message);
    }
    for (const el of this.controls()) {
      const slot = this.form.querySelector(`[data-error-for="${CSS.escape(el.name)}"]`);
      const message = messages.get(el);
      if (message) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
      if (slot) {
        slot.textContent = message || "";
        slot.hidden = !message;
      }
    }
    const general = [...(this.linkGeneral || []), ...(this.modelGeneral || [])];
    const box = this.form.querySelector("[data-general-errors]");
    box.replaceChildren(
      ...general.map((text) => {
        const p = document.createElement("p");
        p.textContent = text;
        return p;
      }),
    );
    box.hidden = general.length === 0;
  }

  setStale(stale) {
    this.stale = stale;
    this.root.dataset.busy = stale || this.drawing ? "true" : "false";
    this.root.querySelector("[data-stale-note]").hidden = !stale;
    this.root.querySelector("[data-results]").setAttribute("aria-busy", stale && this.engineState !== "error" ? "true" : "false");
    this.updateStatus();
  }

  updateStatus() {
    const status = this.root.querySelector("[data-status]");
    const hasErrors = this.typedErrors.size || this.modelErrors.size || (this.modelGeneral || []).length;
    let text;
    if (this.engineState === "error") text = this.stale ? `${STATUS.errorStale} ${this.shownWhat()}` : STATUS.error;
    else if (this.stale && hasErrors) text = `Periksa isian yang ditandai. ${this.shownWhat()}`;
    else if (this.engineState === "ready") text = STATUS.ready;
    else text = this.stale ? STATUS.waiting : STATUS.loading;
    if (status.textContent !== text) status.textContent = text;
    const note = this.root.querySelector("[data-stale-note]");
    const lead = hasErrors ? "Perbaiki isian yang ditandai. " : this.engineState === "error" ? "" : "Sedang menghitung… ";
    const noteText = lead + this.shownWhat();
    if (note.textContent !== noteText) note.textContent = noteText;
  }

  /** Which inputs the numbers on screen belong to, in words. */
  shownWhat() {
    return this.shownKey === this.defaultKey
      ? "Angka di bawah masih untuk nilai bawaan."
      : "Angka di bawah masih untuk masukan sebelumnya.";
  }

  onEngine({ state, message }) {
    if (state === "idle") return;
    this.engineState = state;
    this.root.dataset.state = state;
    const box = this.root.querySelector("[data-engine-error]");
    box.hidden = state !== "error";
    if (state === "error") box.querySelector("[data-engine-message]").textContent = message;
    if (state === "ready" && this.wanted && !this.inFlight) this.send();
    if (state === "loading") this.inFlight = false;
    this.updateStatus();
  }

  // ---- events

  bind() {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    const edited = (event) => {
      const el = event.target;
      if (!el.name) return;
      this.model.delete(el);
      this.fromLink.delete(el);
      this.forgetErrors(el);
      if (el.tagName === "SELECT") this.refs.delete(el); // re-pointed by syncOptions
      if (el.tagName === "SELECT" || el.name.endsWith(".name")) this.syncOptions();
      this.compute();
    };
    this.form.addEventListener("input", edited);
    this.form.addEventListener("change", edited);
    // A reload or a closed tab within KEEP_DELAY_MS of typing still keeps the inputs.
    const leave = () => {
      if (this.keepTimer) this.keep();
    };
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && leave());
    this.form.addEventListener("focusout", (event) => {
      const el = event.target;
      if (!el.name || this.model.has(el) || ["text", "select", "date"].includes(el.dataset.unit)) return;
      const parsed = parseTyped(el.value, el.dataset.unit);
      if (parsed.ok) {
        const tidy = formatInput(parsed.value, el.dataset.unit);
        // Only tidy when it keeps the exact value (e.g. "1500000" → "1.500.000").
        if (parseTyped(tidy, el.dataset.unit).value === parsed.value) el.value = tidy;
      }
    });
    this.root.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action]");
      if (!button || !this.root.contains(button)) return;
      const action = button.dataset.action;
      if (action === "retry") engine.retry();
      else if (action === "reset") this.reset();
      else if (action === "share") this.share();
      else if (action === "csv") this.csv(button);
      else if (action === "download") this.downloadOutput(button);
      else if (action === "print") window.print();
      else if (action === "add-row") {
        const list = button.closest("[data-list]").dataset.list;
        if (this.rows(list).length < this.lists[list].max) {
          const row = this.addRow(list);
          row.querySelector("input, select")?.focus();
          this.compute();
        }
      } else if (action === "remove-row") {
        const row = button.closest("[data-row]");
        const list = row.closest("[data-list]");
        const focusTarget = list.querySelector("[data-action=add-row]");
        this.removeRow(row);
        focusTarget?.focus();
        this.compute();
      }
    });
  }

  reset() {
    storage.remove(this.storageKey);
    this.linkErrors = new Map();
    this.typedErrors = new Map();
    this.modelErrors = new Map();
    this.linkGeneral = [];
    this.modelGeneral = [];
    this.setInputs(this.defaults);
    this.compute();
  }

  async share() {
    const url = this.shareUrl(this.result.inputs);
    const box = this.root.querySelector("[data-share-box]");
    const field = box.querySelector("[data-share-url]");
    const status = box.querySelector("[data-share-status]");
    field.value = url;
    box.hidden = false;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    field.select();
    status.textContent = copied
      ? "Tautan disalin. Tempel di WhatsApp atau catatan Anda."
      : "Salin tautan di atas (tekan lama lalu Salin).";
  }

  csv(button) {
    this.drawRest(); // a table still waiting for its next frame is filled first
    const table = this.root.querySelector(`table[data-table="${CSS.escape(button.dataset.tableKey)}"]`);
    download(button.dataset.filename, tableCsv(table));
  }

  /** A text output of the model as a file, as the model wrote it (the plan's .ics and CSV). */
  downloadOutput(button) {
    const text = lookup(this.result.outputs, button.dataset.outputKey);
    if (typeof text !== "string") return;
    downloadText(button.dataset.filename, text, `${button.dataset.mime || "text/plain"};charset=utf-8`, "bom" in button.dataset);
  }
}

function setUp(root) {
  try {
    new Calculator(root);
  } catch (error) {
    root.dataset.state = "error";
    const box = root.querySelector("[data-engine-error]");
    if (box) {
      box.hidden = false;
      box.querySelector("[data-engine-message]").textContent =
        `Kalkulator tidak bisa disiapkan di peramban ini (${error.message}). Hasil untuk nilai bawaan tetap berlaku.`;
    }
  }
}

// Each calculator is bound in a task of its own, not inside the one that also
// runs the theme's start-up: the page stays responsive while it loads. The
// numbers on screen are already right (prerendered), and the worker was
// started from <head>.
for (const root of document.querySelectorAll("[data-calculator]")) setTimeout(() => setUp(root), 0);
