// Paths into the model's nested inputs and outputs ("channels.0.name", "shocked.total"):
// the one place the page code reads, writes and generalises them.

/** A plain object (not null, not a list). */
export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The value at `path` in `data`, or undefined; never reaches into the prototype. */
export function lookup(data, path) {
  let value = data;
  for (const part of String(path).split(".")) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) value = /^\d+$/.test(part) ? value[Number(part)] : undefined;
    else if (typeof value === "object") value = Object.hasOwn(value, part) ? value[part] : undefined;
    else return undefined;
  }
  return value;
}

/** Write `value` at `path`, creating the lists (before a numeric part) and objects on the way. */
export function setPath(target, path, value) {
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

/**
 * The path of a list row's field whatever its row: "channels.3.name" → "channels.#.name",
 * "channels.3" → "channels.#" (a list of plain values). Only the first index is replaced.
 */
export function rowPath(path) {
  return String(path).replace(/\.\d+(\.|$)/, ".#$1");
}

/** JSON from markup or storage; `fallback` when it is missing or damaged. */
export function readJson(text, fallback) {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
