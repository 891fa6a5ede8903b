// What stands in place of the result while the numbers on screen would belong
// to other inputs: a shared link while the calculator still loads, fields the
// reader has to fill or fix, a calculator that could not load. Words say what
// is happening; while the runtime downloads, a progress bar counts its
// megabytes and estimates the time left (reports from worker.js via client.js).
//
// The root's data-pending attribute switches the result off and this box on
// (calculator.css). _pending.js sets it while the page is parsed, for a link
// or earlier inputs of this tab; the page code keeps it right from then on.

import { group } from "./format.js";

const MB = 1e6;
// Too early to guess a speed: the first chunks arrive in bursts.
const ESTIMATE_AFTER_MS = 1000;
const ESTIMATE_AFTER_BYTES = 100000;

/** "3,2 dari 12,1 MB" */
export function megabytes(loaded, total) {
  return `${group(loaded / MB, 1, 1)} dari ${group(total / MB, 1, 1)} MB`;
}

/** Seconds the download still needs at the speed so far, or null while it is too early to say. */
export function secondsLeft({ loaded, total, ms }) {
  if (!(ms >= ESTIMATE_AFTER_MS && loaded >= ESTIMATE_AFTER_BYTES && total > loaded)) return total > 0 && loaded >= total ? 0 : null;
  return ((total - loaded) * ms) / loaded / 1000;
}

/** "sekitar 20 detik lagi", in steps a reader can take in (5 s, 10 s, then whole minutes). */
export function timeLeft(seconds) {
  if (seconds === null) return "menghitung sisa waktu…";
  if (seconds < 5) return "beberapa detik lagi";
  if (seconds < 60) return `sekitar ${Math.ceil(seconds / 5) * 5} detik lagi`;
  const minutes = Math.round(seconds / 60);
  return minutes <= 1 ? "sekitar 1 menit lagi" : `sekitar ${minutes} menit lagi`;
}

/** The line under the progress bar for a progress report {loaded, total, ms, phase}. */
export function progressText(progress) {
  if (!progress) return "Mulai mengunduh mesin hitung…";
  if (progress.phase === "start") return "Mesin hitung sudah terunduh; sedang dinyalakan (beberapa detik).";
  const { loaded, total } = progress;
  if (!(total > 0)) return `Mengunduh mesin hitung: ${group(loaded / MB, 1, 1)} MB`;
  return `Mengunduh mesin hitung: ${megabytes(Math.min(loaded, total), total)}, ${timeLeft(secondsLeft(progress))}`;
}

/** How far the download is, 0 to 1 (1 once it is only starting up). */
export function fraction(progress) {
  if (!progress) return 0;
  if (progress.phase === "start") return 1;
  return progress.total > 0 ? Math.min(1, progress.loaded / progress.total) : 0;
}

/** "Anggaran iklan" or, in a list row, "Kanal 2: Kunjungan": the label a reader sees. */
export function fieldLabel(el) {
  const label = el.id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
  const text = (label ? label.textContent : el.name).replace(/\s+/g, " ").trim();
  const legend = el.closest("[data-row]")?.querySelector("legend");
  return legend ? `${legend.textContent.replace(/\s+/g, " ").trim()}: ${text}` : text;
}

function listOf(names) {
  const shown = names.slice(0, 4);
  const more = names.length - shown.length;
  return shown.join(", ") + (more > 0 ? ` dan ${more} lainnya` : "");
}

/**
 * Words for a pending result. state: {reason, engine, empty: [labels], invalid: [labels], progress}.
 * reason: "fill" (fields left empty or to fix), "error" (the calculator could not load) or
 * "loading". Returns {text, bar, showProgress}: the box's sentence, the bar's short one,
 * and whether the download's progress belongs under them.
 */
export function pendingTexts({ reason, engine, empty = [], invalid = [], progress = null }) {
  const loading = engine !== "ready" && engine !== "error";
  if (reason === "fill") {
    const parts = [];
    if (empty.length) parts.push(`Isi angka Anda di kolom yang masih kosong: ${listOf(empty)}.`);
    if (invalid.length) parts.push(`Perbaiki isian yang ditandai: ${listOf(invalid)}.`);
    if (!empty.length && !invalid.length) parts.push("Periksa pesan di akhir formulir.");
    parts.push("Hasilnya muncul setelah itu.");
    return {
      text: parts.join(" "),
      bar: empty.length && !invalid.length ? "Isi kolom yang masih kosong" : "Perbaiki isian yang ditandai",
      showProgress: loading,
    };
  }
  if (reason === "error") {
    return {
      text: "Isian ini belum bisa dihitung: kalkulator tidak bisa dimuat. Tekan \u201cCoba lagi\u201d di atas; isian Anda tetap.",
      bar: "Kalkulator belum bisa dimuat",
      showProgress: false,
    };
  }
  const percent = Math.floor(fraction(progress) * 100);
  return {
    text: "Hasil untuk isian ini muncul begitu kalkulator siap di ponsel Anda. Angka contoh tidak ditampilkan, karena isiannya berbeda.",
    bar: progress && progress.phase === "start" ? "Menyalakan kalkulator…" : `Memuat kalkulator… ${percent} %`,
    showProgress: true,
  };
}

/**
 * No number that belongs to other inputs is shown as a result: while the
 * result is stale (not for the form) and will not be replaced at once (the
 * calculator still loads or failed, or fields are empty or wrong), the result
 * gives way to the pending box. A stale result the ready calculator is
 * recomputing stays, dimmed, for the few milliseconds it takes.
 *
 * errors: the calculator's ErrorState (errors.js). Returns the state for
 * showPending(), or null when the result on screen may stay.
 */
export function pendingState({ stale, engine, errors, progress }) {
  if (!stale) return null;
  const blocking = new Set([...errors.typed.keys(), ...errors.model.keys()].filter((el) => el.isConnected));
  let reason = null;
  if (blocking.size || errors.modelGeneral.length) reason = "fill";
  else if (engine === "error") reason = "error";
  else if (engine !== "ready") reason = "loading";
  if (!reason) return null;
  const empty = [];
  const invalid = [];
  for (const el of blocking) (el.value.trim() === "" ? empty : invalid).push(fieldLabel(el));
  return { reason, engine, empty, invalid, progress };
}

/** Show (state) or clear (null) the pending result of a calculator's root. */
export function showPending(root, state) {
  if (!state) {
    if (root.hasAttribute("data-pending")) root.removeAttribute("data-pending");
    return;
  }
  const { text, bar, showProgress } = pendingTexts(state);
  if (root.dataset.pending !== state.reason) root.dataset.pending = state.reason;
  const set = (selector, value) => {
    const el = root.querySelector(selector);
    if (el && el.textContent !== value) el.textContent = value;
  };
  set("[data-pending-text]", text);
  set("[data-bar-waiting]", bar);
  set("[data-progress-text]", showProgress ? progressText(state.progress) : "");
  const meter = root.querySelector("[data-progress]");
  if (meter) {
    meter.hidden = !showProgress;
    meter.value = fraction(state.progress);
  }
}
