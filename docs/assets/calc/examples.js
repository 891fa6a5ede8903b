// "Kosongkan angka contoh": the form starts filled with the numbers of an
// example shop. Emptying them lets the seller type their own: every number
// field still holding its example (default) value is emptied, with the
// example shown faintly in it; what the reader typed or brought in a link
// stays. "Kembalikan angka contoh" puts the examples back where nothing was
// typed since.

// The numbers, not names, dates or choices.
const EXAMPLE_UNITS = new Set(["rupiah", "percent", "number", "integer"]);

function openFoldsAround(el) {
  for (let box = el.closest("details"); box; box = box.parentElement.closest("details")) box.open = true;
}

export class Examples {
  /**
   * root: the calculator; fields: its Fields; errors: its ErrorState;
   * exampleFor(name): a field's default; changed(): recompute.
   */
  constructor(root, { fields, errors, exampleFor, changed }) {
    this.root = root;
    this.fields = fields;
    this.errors = errors;
    this.exampleFor = exampleFor;
    this.changed = changed;
    this.cleared = null; // [[control, text, value]] emptied, for undo
  }

  /** The number fields that still hold their example: [[control, its text, its value]]. */
  examples() {
    const found = [];
    for (const el of this.fields.all()) {
      if (el.tagName !== "INPUT" || !EXAMPLE_UNITS.has(el.dataset.unit) || !this.fields.model.has(el)) continue;
      const example = this.exampleFor(el.name);
      if (example === undefined || this.fields.model.get(el) !== example || this.errors.fromLink.has(el)) continue;
      found.push([el, el.value, example]);
    }
    return found;
  }

  clear() {
    const cleared = this.examples();
    const note = this.root.querySelector("[data-examples-cleared]");
    const status = note.querySelector("[data-examples-status]");
    const undo = note.querySelector("[data-action=undo-clear]");
    note.hidden = false;
    if (!cleared.length) {
      status.textContent = "Tidak ada angka contoh lagi: semua angka sudah isian Anda.";
      undo.hidden = !this.cleared;
      return;
    }
    this.cleared = [...(this.cleared || []), ...cleared];
    for (const [el, text] of cleared) {
      el.value = "";
      el.placeholder = `contoh: ${text}`;
      this.fields.edited(el);
      this.errors.forget(el);
      el.closest(".calc-field")?.setAttribute("data-emptied", "");
    }
    this.root.querySelector("[data-examples]").hidden = true;
    undo.hidden = false;
    status.textContent = `${cleared.length} angka contoh dikosongkan. Ketik angka toko Anda; hasilnya muncul setelah semua terisi.`;
    this.changed();
    const first = cleared[0][0];
    openFoldsAround(first);
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center" });
  }

  undo() {
    for (const [el, text, example] of this.cleared || []) {
      if (!el.isConnected || el.value.trim() !== "") continue; // typed since: the reader's
      el.value = text;
      this.fields.model.set(el, example);
      this.errors.forget(el);
    }
    this.forget();
    this.changed();
  }

  /** Back to the plain form: no placeholders, no undo (the form was reset or undone). */
  forget() {
    for (const [el] of this.cleared || []) {
      el.placeholder = "";
      el.closest(".calc-field")?.removeAttribute("data-emptied");
    }
    this.cleared = null;
    this.root.querySelector("[data-examples]").hidden = false;
    this.root.querySelector("[data-examples-cleared]").hidden = true;
  }
}
