// Indonesian numbers: showing model values and reading what a reader types.
//
// formatValue() must print exactly what sitebuild/calc/fmt.py printed into the
// prerendered page (same kinds, same rounding), so nothing flickers when the
// calculator becomes ready. Intl rounds the shortest decimal form of a number
// half away from zero; the Python side does the same.

const NBSP = "\u00a0";
const NULL_TEXT = "—";
const DAYS = ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"]; // Date.getUTCDay(): Sunday first
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

const formatters = new Map();

/** "1.234,5": Indonesian grouping with at most `maxFrac` decimals (at least `minFrac`). */
export function group(value, maxFrac, minFrac = 0) {
  const key = `${minFrac}:${maxFrac}`;
  if (!formatters.has(key)) {
    formatters.set(
      key,
      new Intl.NumberFormat("id-ID", {
        minimumFractionDigits: minFrac,
        maximumFractionDigits: maxFrac,
        signDisplay: "negative", // never "-0"
        useGrouping: true,
      }),
    );
  }
  return formatters.get(key).format(value);
}

/** The text shown for an output value of `kind` (rupiah, percent, rate, int, number, ratio, bool, date, text). */
export function formatValue(value, kind) {
  if (value === null || value === undefined) return NULL_TEXT;
  switch (kind) {
    case "bool":
      return value ? "Ya" : "Tidak";
    case "text":
      return String(value);
    case "date": {
      const day = new Date(`${value}T00:00:00Z`);
      return `${DAYS[day.getUTCDay()]}, ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
    }
    case "rupiah": {
      const text = group(value, 0);
      return (text.startsWith("-") ? "-" : "") + "Rp" + NBSP + text.replace(/^-/, "");
    }
    case "percent":
      return group(value * 100, 1) + NBSP + "%";
    case "rate":
      return group(value * 100, 2) + NBSP + "%";
    case "int":
      return group(value, 0);
    case "ratio":
      return group(value, 2, 2);
    case "number":
      return group(value, 1);
    default:
      throw new Error(`unknown output format ${kind}`);
  }
}

/** The text a field shows for a model value, in the units the reader types (percent: 0.015 → "1,5"). */
export function formatInput(value, unit) {
  if (value === null || value === undefined) return "";
  switch (unit) {
    case "text":
    case "select":
    case "date":
      return String(value);
    case "percent":
      return group(value * 100, 4);
    case "rupiah":
      return group(value, 2);
    case "integer":
      return group(value, 0);
    default:
      return group(value, 6);
  }
}

// Digits with "." as thousands separators, e.g. "1.500.000" or "2.000".
const GROUPED = /^\d{1,3}(\.\d{3})+$/;

/**
 * The decimal string ("1500000", "2.5") of a number typed the Indonesian way.
 * Accepts "1.500.000", "1500000", "2,5", "2.5", "Rp 1.500.000", "2,5%", "-3".
 * Returns null when the text is not a number.
 */
export function canonicalDecimal(text) {
  let s = String(text).replace(/[\s\u00a0]/g, "").replace(/^rp\.?/i, "").replace(/%$/, "");
  let sign = "";
  if (/^[-−]/.test(s)) {
    sign = "-";
    s = s.slice(1);
  }
  if (s === "") return null;
  let whole;
  let frac = "";
  if (s.includes(",")) {
    // Comma is the decimal mark; dots before it group thousands.
    const parts = s.split(",");
    if (parts.length !== 2) return null;
    [whole, frac] = parts;
    if (whole.includes(".")) {
      if (!GROUPED.test(whole)) return null;
      whole = whole.replace(/\./g, "");
    }
    if (whole === "") whole = "0";
  } else if (GROUPED.test(s)) {
    whole = s.replace(/\./g, ""); // "1.500.000", "2.000"
  } else if ((s.match(/\./g) || []).length === 1) {
    [whole, frac] = s.split("."); // "2.5", "0.015": a decimal point
    if (whole === "") whole = "0";
  } else {
    whole = s;
  }
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(frac)) return null;
  return sign + whole + (frac ? "." + frac : "");
}

/** Move the decimal point of a decimal string two places left: "2.5" → "0.025" (no float error). */
export function percentToFraction(decimal) {
  const sign = decimal.startsWith("-") ? "-" : "";
  const [whole, frac = ""] = decimal.replace(/^-/, "").split(".");
  const digits = whole.padStart(3, "0") + frac;
  const point = digits.length - frac.length - 2;
  const out = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "");
  return sign + (out === "" || out.startsWith(".") ? "0" + out : out);
}

const HINTS = {
  rupiah: "tulis angka Rupiah, mis. 1.500.000",
  percent: "tulis persen, mis. 2,5",
  integer: "tulis bilangan bulat, mis. 8",
  number: "tulis angka, mis. 2 atau 1,5",
};

/**
 * What the reader typed → {ok: true, value} in model units, or {ok: false, message}.
 * Only the form of the number is checked here; its range is the model's business.
 */
export function parseTyped(text, unit) {
  if (unit === "text" || unit === "select") return { ok: true, value: String(text) };
  if (unit === "date") {
    return /^\d{4}-\d{2}-\d{2}$/.test(String(text))
      ? { ok: true, value: String(text) }
      : { ok: false, message: "isi tanggal, mis. 2025-09-01" };
  }
  if (String(text).trim() === "") return { ok: false, message: `wajib diisi; ${HINTS[unit] || HINTS.number}` };
  const decimal = canonicalDecimal(text);
  if (decimal === null) return { ok: false, message: `bukan angka; ${HINTS[unit] || HINTS.number}` };
  const value = Number(unit === "percent" ? percentToFraction(decimal) : decimal);
  if (!Number.isFinite(value)) return { ok: false, message: `angka terlalu besar; ${HINTS[unit] || HINTS.number}` };
  return { ok: true, value };
}
