// "Unduh CSV": a results table as a file for Excel or Google Sheets in Indonesian.
//
// Semicolon-separated with a decimal comma (what Indonesian spreadsheets
// expect), UTF-8 with a byte-order mark. Each cell holds the number shown in
// the table with the same rounding, without "Rp", "%" or thousands dots; the
// unit moves to the column header ("Laba bersih (Rp)"). Dates stay ISO.

import { group } from "./format.js";

const UNITS = { rupiah: " (Rp)", percent: " (%)", rate: " (%)" };

export function csvCell(raw, kind) {
  if (raw === "" || raw === null || raw === undefined) return "";
  const plain = (value, maxFrac, minFrac = 0) => group(value, maxFrac, minFrac).replace(/\./g, "");
  switch (kind) {
    case "rupiah":
    case "int":
      return plain(Number(raw), 0);
    case "percent":
      return plain(Number(raw) * 100, 1);
    case "rate":
      return plain(Number(raw) * 100, 2);
    case "ratio":
      return plain(Number(raw), 2, 2);
    case "number":
      return plain(Number(raw), 1);
    case "bool":
      return raw === "true" ? "Ya" : "Tidak";
    default:
      return String(raw);
  }
}

function quote(text) {
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of a calculator table (header from <th>, cells from each <td data-value>). */
export function tableCsv(table) {
  const heads = [...table.tHead.rows[0].cells];
  const lines = [heads.map((th) => quote(th.textContent.trim() + (UNITS[th.dataset.format] || "")))];
  for (const row of table.tBodies[0].rows) {
    lines.push([...row.cells].map((td, i) => quote(csvCell(td.dataset.value, heads[i].dataset.format))));
  }
  return lines.map((cells) => cells.join(";")).join("\r\n") + "\r\n";
}

/** Offer `text` as a CSV file named `filename` (with a byte-order mark, for Excel). */
export function download(filename, text) {
  downloadText(filename, text, "text/csv;charset=utf-8", true);
}

/** Offer `text` as a file of MIME `type`; `bom` puts a UTF-8 byte-order mark first. */
export function downloadText(filename, text, type, bom = false) {
  const blob = new Blob(bom ? ["\ufeff", text] : [text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
