// The calculator's state in words: the status line above the results and the
// note over results that no longer match the form.

export const STATUS = {
  loading: "Hasil di bawah dihitung dari nilai bawaan. Kalkulator sedang disiapkan di ponsel Anda; angka sudah boleh diubah.",
  waiting: "Sedang menghitung… Kalkulator masih dimuat. Angka yang Anda ketik tidak hilang; hasilnya muncul begitu siap.",
  ready: "Kalkulator siap. Ubah angka mana pun, hasilnya langsung diperbarui.",
  error: "Kalkulator tidak bisa berjalan di peramban ini sekarang. Angka di bawah tetap benar untuk isian di atas.",
  errorStale: "Kalkulator tidak bisa berjalan di peramban ini sekarang, jadi isian Anda belum dihitung.",
  blocked: "Hasilnya muncul lagi setelah isian itu benar.",
};

/**
 * {status, note} for: engine ("prerendered" | "loading" | "ready" | "error"),
 * stale (the results are not for the form), errors (the reader has fields to fix),
 * atDefaults (the results on screen are the defaults').
 */
export function statusTexts({ engine, stale, errors, atDefaults }) {
  const shown = atDefaults ? "Angka di bawah masih untuk nilai bawaan." : "Angka di bawah masih untuk masukan sebelumnya.";
  // With fields to fix, the results give way to the pending box (pending.js): they belong to other inputs.
  const blocked = stale && errors;
  let status;
  if (engine === "error") status = stale ? `${STATUS.errorStale} ${blocked ? STATUS.blocked : shown}` : STATUS.error;
  else if (blocked) status = `Periksa isian yang ditandai. ${STATUS.blocked}`;
  else if (engine === "ready") status = STATUS.ready;
  else status = stale ? STATUS.waiting : STATUS.loading;
  const lead = errors ? "Perbaiki isian yang ditandai. " : engine === "error" ? "" : "Sedang menghitung… ";
  return { status, note: lead + (blocked ? STATUS.blocked : shown) };
}

/** Write statusTexts(state) into root's [data-status] and [data-stale-note]. */
export function showStatus(root, state) {
  const { status, note } = statusTexts(state);
  const line = root.querySelector("[data-status]");
  if (line.textContent !== status) line.textContent = status;
  const box = root.querySelector("[data-stale-note]");
  if (box.textContent !== note) box.textContent = note;
}

/** Mark root busy (results not yet for the form, or still being drawn) and show the stale note. */
export function showBusy(root, { stale, drawing, engine }) {
  root.dataset.busy = stale || drawing ? "true" : "false";
  root.querySelector("[data-stale-note]").hidden = !stale;
  root.querySelector("[data-results]").setAttribute("aria-busy", stale && engine !== "error" ? "true" : "false");
}
