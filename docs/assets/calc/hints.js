// "Yakin?": a gentle word under a field whose value the model accepts but sellers
// almost never see (a CTR above 20 %, a conversion under 0,05 %). Not an error:
// the result is computed as typed, the hint only asks.
//
// The usual range of a field is in its markup (data-usual-min, data-usual-max, in
// model units; the figures and their reasons are rows of data/facts.csv).

import { formatInput } from "./format.js";

/**
 * The hint for model value `value` of a field with unit `unit` and usual range
 * {min, max} (either may be missing), or null when the value is usual:
 * {text, suggest} where `suggest` is a value the reader may have meant (a percent
 * typed as a fraction: "0,015" in a percent field is 0,015 %, perhaps 1,5 % was meant).
 */
export function unusual(value, unit, { min, max }) {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  const shown = (v) => `${formatInput(v, unit)}${unit === "percent" ? " %" : ""}`;
  if (max !== undefined && value > max) {
    return { text: `Yakin? ${shown(value)} jauh di atas yang lazim (sampai ${shown(max)}). Periksa lagi angkanya.`, suggest: null };
  }
  if (min !== undefined && value < min) {
    const meant = unit === "percent" ? value * 100 : null;
    if (meant !== null && meant >= min && (max === undefined || meant <= max)) {
      return {
        text: `Yakin? ${shown(value)} sangat kecil. Kolom ini dalam persen: maksudnya ${shown(meant)}?`,
        suggest: meant,
      };
    }
    return { text: `Yakin? ${shown(value)} jauh di bawah yang lazim (paling sedikit ${shown(min)}). Periksa lagi angkanya.`, suggest: null };
  }
  return null;
}

function bound(text) {
  return text === undefined || text === "" ? undefined : Number(text);
}

/**
 * Show or clear the hint of every field with a usual range. `valueOf(el)` gives the
 * model value the field holds now (undefined when it cannot be read).
 */
export function showHints(form, controls, valueOf) {
  for (const el of controls) {
    if (!("usualMin" in el.dataset || "usualMax" in el.dataset)) continue;
    const slot = form.querySelector(`[data-hint-for="${CSS.escape(el.name)}"]`);
    if (!slot) continue;
    const hint = unusual(valueOf(el), el.dataset.unit, { min: bound(el.dataset.usualMin), max: bound(el.dataset.usualMax) });
    const text = hint ? hint.text : "";
    const meant = hint && hint.suggest !== null ? formatInput(hint.suggest, el.dataset.unit) : "";
    if (slot.dataset.text === text && slot.dataset.meant === meant) continue; // unchanged: keep focus and the reader's place
    slot.dataset.text = text;
    slot.dataset.meant = meant;
    slot.replaceChildren();
    if (hint) {
      slot.append(text);
      if (meant) {
        const use = form.ownerDocument.createElement("button");
        use.type = "button";
        use.className = "calc-hint-use";
        use.dataset.action = "use-value";
        use.dataset.value = meant;
        use.textContent = `Pakai ${meant} %`;
        slot.append(" ", use);
      }
    }
    slot.hidden = !hint;
  }
}
