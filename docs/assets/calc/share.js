// "Salin tautan": the link to the inputs on screen, copied where the browser allows,
// and always shown in a field the reader can copy by hand.

/** Show `url` in the share box of `root` and try to copy it. */
export async function share(root, url) {
  const box = root.querySelector("[data-share-box]");
  const field = box.querySelector("[data-share-url]");
  const status = box.querySelector("[data-share-status]");
  field.value = url;
  box.hidden = false;
  let copied = false;
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
