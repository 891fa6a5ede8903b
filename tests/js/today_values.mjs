// Prints dateFromToday of the cases given as JSON on stdin (see tests/test_calc_js.py).
import { dateFromToday } from "../../docs/assets/calc/today.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const cases = JSON.parse(text);
process.stdout.write(JSON.stringify(cases.map(([rule, today, earliest, latest]) => dateFromToday(rule, today, earliest, latest))));
