// Sharing the link to the inputs on screen. On a phone whose browser has a
// share sheet (navigator.share), the sheet opens: WhatsApp is where sellers
// send links. Anywhere else the link is copied where the browser allows, and
// always shown in a field the reader can copy by hand.

/** The share sheet is offered on touch screens whose browser has navigator.share. */
export function canShareNatively() {
  return typeof navigator.share === "function" && window.matchMedia("(pointer: coarse)").matches;
}

/** Name the share buttons of `root` after what they will do here. */
export function labelShareButtons(root) {
  if (!canShareNatively()) return;
  for (const button of root.querySelectorAll("[data-action=share]")) button.textContent = "Bagikan hasil";
}

/** The headline numbers as one line of text, as the result bar shows them. */
export function headline(root) {
  const bar = root.querySelector(".calc-bar-numbers");
  return bar ? bar.innerText.replace(/\s+/g, " ").trim() : "";
}

/** Open the share sheet: "shared", "cancelled" (the reader closed it) or "failed". */
async function shareNatively(url, text) {
  try {
    await navigator.share({ title: document.title, text, url });
    return "shared";
  } catch (error) {
    return error && error.name === "AbortError" ? "cancelled" : "failed";
  }
}

/** Show `url` in the share box of `root` and try to copy it. */
async function copy(root, url) {
  const box = root.querySelector("[data-share-box]");
  const field = box.querySelector("[data-share-url]");
  const status = box.querySelector("[data-share-status]");
  field.value = url;
  box.hidden = false;
  let copied;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false;
  }
  field.select();
  status.textContent = copied
    ? "Tautan disalin. Tempel di WhatsApp atau catatan Anda."
    : "Salin tautan di atas (tekan lama lalu Salin).";
}

/** Share `url` (with the headline numbers) through the sheet, or copy it. */
export async function share(root, url) {
  if (canShareNatively() && (await shareNatively(url, headline(root))) !== "failed") return;
  await copy(root, url);
}
