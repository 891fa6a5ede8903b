// Page code of the calculators: binds the prerendered markup to the worker.
//
// The page never waits for Python: the numbers in the HTML were computed at
// build time for the defaults. This class starts the worker, sends the model
// inputs the reader typed, and hands the answers to the modules that show them.
// It only coordinates; every number comes from the model.
//
//   form.js    list rows and the dropdowns that point at them (fields.js: one field)
//   errors.js  every message about the inputs, in one object
//   keep.js    the inputs in sessionStorage and the address (url.js: the query format)
//   render.js  a result into the markup (when.js: which explanation)
//   status.js  the state in words          share.js  "Salin tautan" or the share sheet
//   pending.js what stands in for a result that is not for the form (with the download's progress)
//   assumed.js the inputs listed under the result   examples.js "Kosongkan angka contoh"
//   hints.js   "yakin?" under a field whose value sellers rarely see
//   today.js   date inputs that follow the reader's today
//   paths.js   paths into nested inputs and outputs
//
// Markup contract: see sitebuild/templates/_macros.html and CONTRIBUTING.md ("Kontrak markup kalkulator").

import { goToField } from "./assumed.js";
import * as engine from "./client.js";
import { download, downloadText, tableCsv } from "./csv.js";
import { ErrorState } from "./errors.js";
import { Examples } from "./examples.js";
import { Form } from "./form.js";
import { showHints } from "./hints.js";
import { settleJumps } from "./jump.js";
import { Keeper } from "./keep.js";
import { lookup, readJson, setPath } from "./paths.js";
import { pendingState, showPending } from "./pending.js";
import { Renderer } from "./render.js";
import { labelShareButtons, share } from "./share.js";
import { showBusy, showStatus } from "./status.js";
import { datedFields, localIso } from "./today.js";
import { buildQuery, readQuery } from "./url.js";

const CACHE_SIZE = 20;

class Calculator {
  constructor(root) {
    this.root = root;
    this.name = root.dataset.calculator;
    this.defaults = readJson(root.dataset.defaults, {});
    this.runtime = readJson(root.dataset.runtime, {});
    this.form = new Form(root.querySelector("[data-form]"));
    this.fields = this.form.fields;
    this.errors = new ErrorState();
    this.view = new Renderer(root, readJson(root.querySelector("[data-result]").textContent, null), this.runtime, () =>
      this.setStale(this.stale),
    );
    this.keeper = new Keeper(`kalkulator:${location.pathname}#${root.id}`, {
      snapshot: () => this.form.snapshot(),
      query: () => this.query(this.view.result.inputs),
    });
    this.cache = new Map(); // JSON of a payload → its result
    this.wanted = null; // {payload, key} the reader wants to see
    this.inFlight = false;
    this.engineState = "prerendered";
    this.progress = null; // the runtime's download while it loads (client.onProgress)
    this.stale = false;
    this.payload = {}; // the model inputs last read from the form

    // Anything typed in the moment before this code ran (the form is usable as
    // soon as it is painted) is put back after the defaults, link and storage.
    const early = this.fields.all().filter((el) => el.tagName === "INPUT" && el.value !== el.defaultValue).map((el) => [el, el.value]);
    this.form.fill(this.defaults, this.defaults, true);
    this.defaultKey = this.form.collect().key;
    this.cache.set(this.defaultKey, this.view.result);
    this.shownKey = this.defaultKey;
    // Date inputs follow the reader's today (a posting plan starts next Monday), not the
    // build date the prerendered result used: the worker computes that result once ready.
    const dated = datedFields(this.fields.all(), localIso(new Date()));
    for (const [el, day] of dated) {
      setPath(this.defaults, el.name, day);
      this.fields.set(el, day);
    }
    if (dated.length) root.dataset.defaults = JSON.stringify(this.defaults); // the markup says what the defaults are

    const saved = this.keeper.saved();
    const linked = !saved && location.search.length > 1;
    if (saved) this.form.restore(saved);
    else if (linked) this.applyLink(location.search);
    for (const [el, value] of early) {
      if (!el.isConnected) continue;
      el.value = value;
      this.fields.edited(el);
      this.errors.fromLink.delete(el);
    }
    this.bind();
    this.examples = new Examples(root, {
      fields: this.fields,
      errors: this.errors,
      exampleFor: (name) => this.defaultFor(name),
      changed: () => this.compute(),
    });
    engine.onState((state) => this.onEngine(state));
    engine.onProgress((progress) => {
      this.progress = progress;
      this.updatePending();
    });
    // Usually already started by start.js from <head>; then this does nothing.
    engine.start({
      pyodide: new URL(this.runtime.pyodide, document.baseURI).href,
      wheel: new URL(this.runtime.wheel, document.baseURI).href,
      bytes: this.runtime.bytes,
    });
    // The first compute is the page's own (dates moved to today): it need not hurry
    // Python (engine.run's urgent). A shared link's numbers, or numbers typed before
    // this code ran, are the reader's: they do.
    this.starting = !linked && early.length === 0;
    this.compute();
    this.starting = false;
  }

  query(inputs) {
    return buildQuery(inputs, this.defaults, this.form.optional);
  }

  applyLink(search) {
    const { inputs, problems, given } = readQuery(search, {
      defaults: this.defaults,
      lists: this.form.lists,
      optional: this.form.optional,
      unitOf: (path) => this.fields.unitOf(path),
    });
    this.form.fill(inputs, this.defaults);
    for (const el of this.fields.all()) if (given.has(el.name)) this.errors.fromLink.add(el);
    this.errors.setLink(problems, (name) => this.fields.byName(name));
    this.showErrors();
  }

  defaultFor(name) {
    const value = lookup(this.defaults, name);
    if (value !== undefined) return value;
    const [list, , key] = name.split(".");
    return this.form.lists[list] ? this.form.lists[list].rowDefaults[key] : undefined;
  }

  /** The messages next to the fields, and the "yakin?" hints of fields without one. */
  showErrors() {
    const controls = this.fields.all();
    this.errors.show(this.form.el, controls);
    const wrong = this.errors.messages();
    showHints(this.form.el, controls, (el) => (wrong.has(el) ? undefined : lookup(this.payload, el.name)));
  }

  // ---- computing

  compute() {
    const { payload, problems, key } = this.form.collect();
    this.errors.setTyped(problems);
    this.payload = payload;
    this.showErrors();
    // Untouched defaults need no copy in sessionStorage (a reload shows them anyway), but
    // once something was kept, going back to the defaults must be kept too.
    if (key !== this.defaultKey || problems.size || this.keeper.keptOnce) this.keeper.soon();
    if (problems.size) {
      this.wanted = null;
      this.setStale(true);
      return;
    }
    if (key === this.shownKey) {
      // Back to the inputs on screen, which the model accepted: no model message still applies
      // (one over several fields stays on the others when only one of them was edited).
      this.wanted = null;
      if (this.errors.clearModel()) this.showErrors();
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
    else if (!this.starting) engine.hurry(); // the page's own request is waiting; now the reader is too
  }

  async send() {
    if (!this.wanted) return;
    const { payload, key } = this.wanted;
    this.inFlight = true;
    const reply = await engine.run(this.name, payload, { urgent: !this.starting });
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
    this.wanted = null;
    if (!reply.ok) {
      // A value from a shared link the model refuses is put back to its default, and computed again.
      const revert = this.errors.setModel(reply.errors || [], (name) => this.fields.byName(name));
      for (const el of revert) this.fields.set(el, this.defaultFor(el.name));
      this.showErrors();
      if (revert.length) this.compute();
      else this.setStale(true);
      return;
    }
    this.errors.clearModel();
    this.showErrors();
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value);
    this.cache.set(key, reply.result);
    this.view.show(reply.result);
    this.shownKey = key;
    this.setStale(false);
    this.keeper.soon(true);
    this.view.announce();
  }

  setStale(stale) {
    this.stale = stale;
    showBusy(this.root, { stale, drawing: this.view.drawing, engine: this.engineState });
    this.updateStatus();
  }

  updateStatus() {
    showStatus(this.root, {
      engine: this.engineState,
      stale: this.stale,
      errors: this.errors.blocking,
      atDefaults: this.shownKey === this.defaultKey,
    });
    this.updatePending();
  }

  updatePending() {
    const state = { stale: this.stale, engine: this.engineState, errors: this.errors, progress: this.progress };
    showPending(this.root, pendingState(state));
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
    const form = this.form.el;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    const edited = (event) => {
      const el = event.target;
      if (!el.name) return;
      this.errors.forget(el);
      this.form.edited(el);
      this.compute();
    };
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    // A reload or a closed tab just after typing still keeps the inputs.
    window.addEventListener("pagehide", () => this.keeper.flush());
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && this.keeper.flush());
    form.addEventListener("focusout", (event) => this.fields.tidy(event.target));
    const actions = {
      retry: () => engine.retry(),
      reset: () => this.reset(),
      share: () => share(this.root, location.origin + location.pathname + this.query(this.view.result.inputs)),
      "clear-examples": () => this.examples.clear(),
      "undo-clear": () => this.examples.undo(),
      csv: (button) => this.csv(button),
      download: (button) => this.downloadOutput(button),
      print: () => window.print(),
      "add-row": (button) => this.addRow(button.closest("[data-list]").dataset.list),
      "remove-row": (button) => this.removeRow(button.closest("[data-row]")),
      "use-value": (button) => this.useValue(button.closest("[data-hint-for]").dataset.hintFor, button.dataset.value),
    };
    labelShareButtons(this.root);
    this.root.addEventListener("click", (event) => {
      // An input listed under the result leads to its field, even inside a folded group.
      const assumed = event.target.closest("[data-assumed] a[href^='#']");
      if (assumed && goToField(this.root, assumed)) event.preventDefault();
      const button = event.target.closest("[data-action]");
      if (button && this.root.contains(button) && Object.hasOwn(actions, button.dataset.action)) actions[button.dataset.action](button);
    });
  }

  /** The reader took the value a hint suggested ("Pakai 1,5 %"). */
  useValue(name, text) {
    const el = this.fields.byName(name);
    if (!el) return;
    el.value = text;
    this.errors.forget(el);
    this.form.edited(el);
    el.focus();
    this.compute();
  }

  addRow(list) {
    if (!this.form.canAdd(list)) return;
    const row = this.form.addRow(list);
    row.querySelector("input, select")?.focus();
    this.compute();
  }

  removeRow(row) {
    const focusTarget = row.closest("[data-list]").querySelector("[data-action=add-row]");
    for (const el of row.querySelectorAll("[name]")) this.errors.forget(el);
    this.form.removeRow(row);
    focusTarget?.focus();
    this.compute();
  }

  reset() {
    this.examples.forget();
    this.keeper.forget();
    this.errors.clear();
    this.form.fill(this.defaults, this.defaults);
    this.compute();
  }

  csv(button) {
    this.view.drawRest(); // a table still waiting for its next frame is filled first
    const table = this.root.querySelector(`table[data-table="${CSS.escape(button.dataset.tableKey)}"]`);
    download(button.dataset.filename, tableCsv(table));
  }

  /** A text output of the model as a file, as the model wrote it (the plan's .ics and CSV). */
  downloadOutput(button) {
    const text = lookup(this.view.result.outputs, button.dataset.outputKey);
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
settleJumps();
for (const root of document.querySelectorAll("[data-calculator]")) setTimeout(() => setUp(root), 0);
