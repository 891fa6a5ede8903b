// Everything wrong with the inputs, in one object: what the link said, what was
// typed, what the model refused, and the messages that belong to no one field.
//
// Each message is keyed by the field (control) it belongs to. Three sources, one
// message per field on screen: the link's outranks the typed one, which outranks
// the model's (the model only saw the last inputs that could be read).

import { formatInput } from "./format.js";

// The model states limits in its own units: a share is a fraction 0–1, and its
// message says so ("harus antara 0 dan 1 (pecahan 0–1, mis. 0.025 untuk 2,5 %)").
// The form asks for percent, so a message about a percent field is said in percent.
const FRACTION_HINT = /\s*\(pecahan[^)]*\)/;
const LIMIT = /(antara|dan|paling kecil|paling besar|lebih dari|kurang dari) (-?\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?!\d|,\d)/g;

/**
 * A model message about a percent field, in percent: "harus antara 0 dan 1 (pecahan 0–1, …)"
 * → "harus antara 0 dan 100 %". A message without the model's fraction hint is already
 * in the reader's units (or about something else) and is returned as it is.
 */
export function inPercent(message) {
  if (!FRACTION_HINT.test(message)) return message;
  const percent = (text) => formatInput(Number(text.replace(/\./g, "").replace(",", ".")), "percent");
  const said = message.replace(FRACTION_HINT, "").replace(LIMIT, (_, word, number) => `${word} ${percent(number)} %`);
  // "antara 0 % dan 100 %" reads better as "antara 0 dan 100 %"
  return said.replace(/antara (\S+) % dan/g, "antara $1 dan");
}

/** "field: message", or the message alone when it belongs to no field. */
function general({ field, message }) {
  return field ? `${field}: ${message}` : message;
}

export class ErrorState {
  constructor() {
    this.clear();
  }

  /** Forget every message (the form goes back to the defaults). */
  clear() {
    this.link = new Map(); // control → message about its value in the link
    this.typed = new Map(); // control → message about what was typed
    this.model = new Map(); // control → the model's message
    this.linkGeneral = [];
    this.modelGeneral = [];
    this.fromLink = new WeakSet(); // controls whose value came from the link
  }

  /** The reader edited `el` (or its row is gone): nothing said about its old value holds. */
  forget(el) {
    this.typed.delete(el);
    this.model.delete(el);
    this.link.delete(el);
    this.fromLink.delete(el);
  }

  /** Problems of a link ([{field, message}], see url.js); `control(name)` finds a field. */
  setLink(problems, control) {
    this.linkGeneral = [];
    for (const problem of problems) {
      const el = problem.field && control(problem.field);
      if (el) this.link.set(el, problem.message);
      else this.linkGeneral.push(general(problem));
    }
  }

  /** Fields whose text is not a number (Map control → message, from collect()). */
  setTyped(problems) {
    this.typed = problems;
  }

  /**
   * The model's refusal ([{field, message}]). A value from a shared link that the
   * model refuses is said as such; those fields are returned, to be put back to
   * their defaults. `control(name)` finds a field.
   */
  setModel(errors, control) {
    this.model = new Map();
    this.modelGeneral = [];
    const revert = [];
    for (const error of errors) {
      // A rule over several fields ("pre_peak_share, peak_share, post_peak_share": the three
      // shares add up to 100 %) is said next to each of them, not in the box below the form.
      const names = error.field ? error.field.split(", ") : [];
      const group = names.length > 1 ? names.map((name) => control(name)) : [];
      if (group.length && group.every(Boolean)) {
        for (const member of group) this.model.set(member, error.message);
        continue;
      }
      const el = error.field ? control(error.field) : null;
      if (el && this.fromLink.has(el) && !this.link.has(el)) {
        // a link holds model units (ctr=0.015), so its message keeps the model's own words
        this.link.set(el, `nilai dari tautan tidak dipakai (${error.message}); nilai bawaan dipakai`);
        this.fromLink.delete(el);
        revert.push(el);
      } else if (el) {
        this.model.set(el, el.dataset.unit === "percent" ? inPercent(error.message) : error.message);
      } else {
        this.modelGeneral.push(general(error));
      }
    }
    return revert;
  }

  /** The model accepted the inputs: none of its messages applies. Returns whether any was shown. */
  clearModel() {
    const had = this.model.size > 0 || this.modelGeneral.length > 0;
    this.model = new Map();
    this.modelGeneral = [];
    return had;
  }

  /** Whether the reader has something to fix (a link's problems only inform). */
  get blocking() {
    return this.typed.size > 0 || this.model.size > 0 || this.modelGeneral.length > 0;
  }

  /** Map control → the one message shown next to it (fields still on the page only). */
  messages() {
    const messages = new Map();
    for (const source of [this.model, this.typed, this.link]) {
      for (const [el, message] of source) if (el.isConnected) messages.set(el, message);
    }
    return messages;
  }

  /** The messages for the box below the form. */
  general() {
    return [...this.linkGeneral, ...this.modelGeneral];
  }

  /** Write the messages into `form` (its [data-error-for] slots and [data-general-errors] box). */
  show(form, controls) {
    const messages = this.messages();
    for (const el of controls) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(el.name)}"]`);
      const message = messages.get(el);
      if (message) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
      if (slot) {
        slot.textContent = message || "";
        slot.hidden = !message;
      }
    }
    const texts = this.general();
    const box = form.querySelector("[data-general-errors]");
    box.replaceChildren(
      ...texts.map((text) => {
        const p = form.ownerDocument.createElement("p");
        p.textContent = text;
        return p;
      }),
    );
    box.hidden = texts.length === 0;
  }
}
