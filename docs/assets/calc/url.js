// Calculator inputs in the page address, in model units, so a result can be shared.
//
//   ?ad_spend=2000000&cpm=25000&ctr=0.015          scalars (ctr 0.015 = 1,5 %)
//   ?channels.0.name=Shopee&channels.0.traffic=900  list rows: the whole list is
//                                                   taken from the link when any
//                                                   of its keys is present
//   ?channels.0=TikTok%20Shop&channels.1=Shopee      a list of plain values (the plan's
//                                                   channel names), read the same way
//   ?links=                                          an empty list
//   ?shock.channel=                                  no shock (optional group off)
//
// Only keys that differ from the defaults are written. Reading never trusts the
// text: numbers must be plain decimals, anything else becomes a problem (shown
// as text next to its field) and the default is kept. Parameters that belong to
// the site around the calculator (the theme's search, apps' link tags) are
// left alone without a word: the reader did not write them.

import { isObject } from "./paths.js";

const MODEL_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const NUMERIC_UNITS = new Set(["rupiah", "percent", "number", "integer"]);
const MAX_TEXT = 200;
// Not the calculator's: "h" (the theme's search highlight, on every search result
// link), "q" (opens the theme's search), and what apps add to a link shared
// through them (Facebook, Instagram, TikTok, Google and Microsoft ads, campaign tags).
const FOREIGN = new Set(["h", "q", "fbclid", "igshid", "igsh", "ttclid", "gclid", "gbraid", "wbraid", "msclkid"]);
const FOREIGN_PREFIX = /^utm_/;

/** Whether a query parameter belongs to the theme or to an app, not to a calculator. */
export function isForeign(key) {
  return FOREIGN.has(key) || FOREIGN_PREFIX.test(key);
}

function short(text) {
  const s = String(text);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Nested inputs → [[path, value]] with list rows numbered ("channels.0.name"); nulls skipped. */
export function flatten(value, prefix = "", out = []) {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}${i}.`, out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}${k}.`, out);
  else if (value !== null && value !== undefined) out.push([prefix.slice(0, -1), value]);
  return out;
}

/**
 * The query string for `inputs` (only what differs from `defaults`).
 * `optional` maps an optional group to the key that switches it off ({shock: "channel"}).
 */
export function buildQuery(inputs, defaults, optional = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(inputs)) {
    if (same(value, defaults[key])) continue;
    if (Array.isArray(value) && value.length === 0) params.append(key, "");
    else if (value === null && optional[key]) params.append(`${key}.${optional[key]}`, "");
    else if (isObject(value) && isObject(defaults[key])) {
      // An object (runway's plan) is read back onto its defaults: only the keys that differ.
      const base = new Map(flatten(defaults[key], `${key}.`));
      for (const [path, v] of flatten(value, `${key}.`)) if (!same(v, base.get(path))) params.append(path, String(v));
    } else if (Array.isArray(value) || isObject(value)) for (const [path, v] of flatten(value, `${key}.`)) params.append(path, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Read the query onto the defaults.
 *
 * spec: {defaults, lists: {name: {max, rowDefaults}}, optional: {group: key}, unitOf(path)}
 * Returns {inputs, problems: [{field, message}], given: Set of paths taken from the link}.
 */
export function readQuery(search, spec) {
  const { defaults, lists, optional, unitOf } = spec;
  const inputs = structuredClone(defaults);
  const problems = [];
  const given = new Set();
  let params;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { inputs, problems: [{ field: "", message: "alamat tautan tidak bisa dibaca; nilai bawaan dipakai" }], given };
  }
  const seen = new Map();
  for (const [key, value] of params) seen.set(key, [...(seen.get(key) || []), value]);

  const rows = {}; // list → Map(index → {field: value})
  const off = new Set(); // optional groups the link switches off
  for (const [key, values] of seen) {
    if (!unitOf(key) && isForeign(key)) continue; // a calculator field of that name would win
    if (values.length > 1) {
      problems.push({ field: key, message: `muncul ${values.length} kali di tautan; nilai bawaan dipakai` });
      continue;
    }
    const raw = values[0];
    const parts = key.split(".");
    const unit = unitOf(key);
    if (lists[key] && raw === "") {
      rows[key] = rows[key] || new Map(); // "links=" → empty list
      continue;
    }
    const plain = lists[parts[0]] && !isObject(lists[parts[0]].rowDefaults); // "channels.0" = a whole row
    if (lists[parts[0]] && parts.length === (plain ? 2 : 3) && /^\d+$/.test(parts[1]) && unit) {
      const index = Number(parts[1]);
      if (index >= lists[parts[0]].max) {
        problems.push({ field: "", message: `“${short(key)}” di tautan melewati batas ${lists[parts[0]].max} baris; diabaikan` });
        continue;
      }
      const value = convert(raw, unit, key, problems);
      if (value === undefined) continue;
      rows[parts[0]] = rows[parts[0]] || new Map();
      if (plain) rows[parts[0]].set(index, value);
      else {
        const row = rows[parts[0]].get(index) || {};
        row[parts[2]] = value;
        rows[parts[0]].set(index, row);
      }
      given.add(key);
      continue;
    }
    if (parts.length === 2 && optional[parts[0]] === parts[1] && raw === "") {
      off.add(parts[0]); // "shock.channel=" switches the group off, whatever else the link says about it
      given.add(key);
      continue;
    }
    if (!unit) {
      problems.push({ field: "", message: `parameter “${short(key)}” di tautan tidak dikenal dan diabaikan` });
      continue;
    }
    const value = convert(raw, unit, key, problems);
    if (value === undefined) continue;
    if (parts.length === 2) {
      const base = isObject(inputs[parts[0]]) ? inputs[parts[0]] : isObject(defaults[parts[0]]) ? structuredClone(defaults[parts[0]]) : {};
      base[parts[1]] = value;
      inputs[parts[0]] = base;
    } else {
      inputs[key] = value;
    }
    given.add(key);
  }
  for (const [name, found] of Object.entries(rows)) {
    const count = found.size ? Math.max(...found.keys()) + 1 : 0;
    const base = defaults[name] || [];
    const fallback = (i) => structuredClone(i < base.length ? base[i] : lists[name].rowDefaults);
    inputs[name] = Array.from({ length: count }, (_, i) =>
      isObject(lists[name].rowDefaults) ? { ...fallback(i), ...(found.get(i) || {}) } : found.has(i) ? found.get(i) : fallback(i),
    );
  }
  for (const group of off) inputs[group] = null;
  return { inputs, problems, given };
}

function convert(raw, unit, key, problems) {
  if (NUMERIC_UNITS.has(unit)) {
    const value = MODEL_NUMBER.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(value)) {
      const example = unit === "percent" ? " (pecahan, mis. 0.015 untuk 1,5 %)" : " (mis. 2000000)";
      problems.push({ field: key, message: `nilai “${short(raw)}” dari tautan bukan angka${example}; nilai bawaan dipakai` });
      return undefined;
    }
    return value;
  }
  if (raw.length > MAX_TEXT) {
    problems.push({ field: key, message: `teks dari tautan terlalu panjang (${raw.length} karakter); nilai bawaan dipakai` });
    return undefined;
  }
  return raw;
}
