// Date inputs that follow the reader's today: a posting plan starts next Monday,
// a campaign year today, not on the day the page was built. The same rules as
// sitebuild/calc/today.py (which dated the prerendered page with the build date);
// tests/test_calc_js.py holds both to the same answers.
//
// A date field carries its rule in the markup: data-from-today="monday" | "today",
// with data-earliest and data-latest, the dates its model accepts.

const DAY_MS = 86400000;

/** "2026-12-03" for a Date, in the reader's own time zone. */
export function localIso(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The default date (ISO) `rule` gives on `today` (ISO), within [earliest, latest] (ISO, optional). */
export function dateFromToday(rule, today, earliest = "", latest = "") {
  let day = today;
  if (rule === "monday") {
    const at = Date.parse(`${today}T00:00:00Z`);
    const weekday = new Date(at).getUTCDay(); // 0 Sunday … 6 Saturday
    day = new Date(at + ((8 - weekday) % 7) * DAY_MS).toISOString().slice(0, 10);
  } else if (rule !== "today") {
    throw new Error(`unknown date rule ${rule}`);
  }
  if (earliest && day < earliest) day = earliest; // ISO dates compare as text
  if (latest && day > latest) day = latest;
  return day;
}

/** [[control, ISO date]] for every date field with a rule, on `today` (ISO). */
export function datedFields(controls, today) {
  return controls
    .filter((el) => el.dataset.fromToday)
    .map((el) => [el, dateFromToday(el.dataset.fromToday, today, el.dataset.earliest, el.dataset.latest)]);
}
