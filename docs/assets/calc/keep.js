// What the reader typed survives a reload, and the address holds the inputs of
// the result on screen, so it can be shared (the query format is in url.js).
//
// Both are written once typing pauses: writing them on every keystroke cost more
// than the model run. Leaving the page writes them at once (flush()), so nothing
// typed is lost. sessionStorage may be missing or full (private mode, a policy):
// then the inputs live in the address only.

import { readJson } from "./paths.js";

export const KEEP_DELAY_MS = 250;

/** sessionStorage that never throws: a missing or full storage reads as empty. */
export const storage = {
  get(key) {
    try {
      return readJson(globalThis.sessionStorage.getItem(key), null);
    } catch {
      return null; // storage disabled (private mode, policy): inputs still live in the address
    }
  },
  set(key, value) {
    try {
      globalThis.sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      /* quota or disabled storage: nothing else to do */
    }
  },
  remove(key) {
    try {
      globalThis.sessionStorage.removeItem(key);
    } catch {
      /* see above */
    }
  },
};

export class Keeper {
  /**
   * key: the sessionStorage key of this calculator.
   * snapshot(): the form's fields to store ({fields, model, rows}).
   * query(): the query string of the inputs on screen (url.js buildQuery).
   */
  constructor(key, { snapshot, query }) {
    this.key = key;
    this.snapshot = snapshot;
    this.query = query;
    this.timer = 0;
    this.addressDue = false; // the address still shows older inputs than the result on screen
    this.keptOnce = Boolean(storage.get(key)); // sessionStorage holds this calculator's inputs
  }

  /** The stored snapshot, if it was taken at this very address (a new link wins over it). */
  saved() {
    const saved = storage.get(this.key);
    return saved && saved.search === location.search && saved.fields ? saved : null;
  }

  /** Keep the form once typing pauses; `shown`: a new result is on screen, so the address follows too. */
  soon(shown = false) {
    this.keptOnce = true;
    this.addressDue ||= shown;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.now(), KEEP_DELAY_MS);
  }

  /** Write what is due at once (the page is being left). */
  flush() {
    if (this.timer) this.now();
  }

  now() {
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.addressDue) {
      this.addressDue = false;
      const query = this.query();
      if (query !== location.search && !(query === "" && location.search === "?")) {
        history.replaceState(history.state, "", location.pathname + query + location.hash);
      }
    }
    storage.set(this.key, { search: location.search, ...this.snapshot() });
  }

  /** Drop the stored form (back to the defaults). */
  forget() {
    storage.remove(this.key);
  }
}
