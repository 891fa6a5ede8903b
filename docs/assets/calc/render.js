// Writes a result of the model into the markup: headline numbers and
// explanations at once, tables and charts in the next task, charts only when
// they come near the screen. It formats and chooses; every number is the model's.

import { showAssumed } from "./assumed.js";
import { formatValue } from "./format.js";
import { lookup } from "./paths.js";
import { choose, holds } from "./when.js";

const ANNOUNCE_DELAY_MS = 1200;
// A chart is drawn (and Chart.js fetched) only when it comes near the screen:
// on a phone the charts sit below the form, and many readers never get there.
const CHART_MARGIN = "400px 0px";

/** Run `work` after the browser has painted what was just written (the headline numbers first). */
function afterPaint(work) {
  if (document.hidden) setTimeout(work, 0); // no frames in a hidden tab
  else requestAnimationFrame(() => setTimeout(work, 0));
}

/** The exact value kept in data-value: strings as they are, anything else as JSON, nothing as "". */
export function rawValue(value) {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The cells of a table body for `rows`: for each row, [data-value, text] per
 * column. columns: [[key, format]] from the header.
 */
export function tableCells(rows, columns) {
  return rows.map((row) => columns.map(([key, kind]) => [rawValue(row[key]), formatValue(row[key] ?? null, kind)]));
}

export class Renderer {
  /**
   * root: the calculator's markup; result: the prerendered result; runtime: {chart: URL};
   * onDrawn(): called once the tables and charts of a result are drawn.
   */
  constructor(root, result, runtime, onDrawn) {
    this.root = root;
    this.result = result;
    this.runtime = runtime;
    this.onDrawn = onDrawn;
    this.drawn = new WeakMap(); // table or chart → JSON of the rows it shows
    this.drawing = 0; // > 0 while tables and charts of the newest result are still to be drawn
    this.token = 0;
    this.announceTimer = 0;
    this.nearScreen = new WeakSet(); // charts within CHART_MARGIN of the screen
    this.chartWatch =
      "IntersectionObserver" in window
        ? new IntersectionObserver((entries) => this.chartsSeen(entries), { rootMargin: CHART_MARGIN })
        : null;
    for (const figure of root.querySelectorAll("figure[data-chart]")) this.chartWatch?.observe(figure);
    this.drawCharts();
  }

  show(result) {
    this.result = result;
    const outputs = result.outputs;
    for (const el of this.root.querySelectorAll("[data-output]")) {
      const value = lookup(outputs, el.dataset.output);
      el.dataset.value = rawValue(value);
      el.textContent = formatValue(value ?? null, el.dataset.format);
    }
    for (const el of this.root.querySelectorAll("[data-visible-when]")) {
      el.hidden = !holds(el.dataset.visibleWhen, outputs);
    }
    for (const block of this.root.querySelectorAll("[data-explain]")) choose(block, outputs);
    showAssumed(this.root, result.inputs);
    this.root.dataset.inputs = JSON.stringify(result.inputs);
    // Tables and charts follow in the next task, after the headline numbers are
    // on screen; data-busy stays "true" until they are drawn (onDrawn).
    const token = ++this.token;
    this.drawing = 1;
    afterPaint(() => token === this.token && this.drawRest());
  }

  /** The tables and charts of the result on screen (show() leaves them for the next task). */
  drawRest() {
    if (!this.drawing) return;
    const { outputs, extras } = this.result;
    for (const table of this.root.querySelectorAll("table[data-table]")) {
      const source = table.dataset.from === "extras" ? extras : outputs;
      this.fillTable(table, lookup(source, table.dataset.table) || []);
    }
    this.drawCharts();
    this.drawing = 0;
    this.onDrawn();
  }

  fillTable(table, rows) {
    // Rebuilding a 100-row calendar that did not change would cost more than the model run.
    const key = JSON.stringify(rows);
    if (this.drawn.get(table) === key) return;
    this.drawn.set(table, key);
    const columns = [...table.tHead.rows[0].cells].map((th) => [th.dataset.key, th.dataset.format]);
    const body = table.tBodies[0];
    // Rows are reused and only changed cells rewritten: a new budget moves a few
    // numbers, and a rebuilt 100-row table costs a full layout of it.
    while (body.rows.length > rows.length) body.lastElementChild.remove();
    tableCells(rows, columns).forEach((cells, index) => {
      let tr = body.rows[index];
      if (!tr || tr.cells.length !== columns.length) {
        const fresh = document.createElement("tr");
        for (let i = 0; i < columns.length; i++) fresh.append(document.createElement("td"));
        if (tr) tr.replaceWith(fresh);
        else body.append(fresh);
        tr = fresh;
      }
      cells.forEach(([value, text], i) => {
        const td = tr.cells[i];
        if (td.dataset.value !== value) td.dataset.value = value;
        if (td.textContent !== text) td.textContent = text;
      });
    });
  }

  chartsSeen(entries) {
    for (const entry of entries) {
      if (entry.isIntersecting) this.nearScreen.add(entry.target);
      else this.nearScreen.delete(entry.target);
    }
    this.drawCharts();
  }

  drawCharts() {
    if (!this.result || !this.runtime.chart) return;
    for (const figure of this.root.querySelectorAll("figure[data-chart]")) {
      // Off screen, the chart waits; it is drawn from the newest result when it comes near.
      if (this.chartWatch && !this.nearScreen.has(figure)) continue;
      const source = figure.dataset.from === "extras" ? this.result.extras : this.result.outputs;
      const rows = lookup(source, figure.dataset.chart) || [];
      const key = JSON.stringify(rows);
      if (this.drawn.get(figure) === key) continue;
      this.drawn.set(figure, key);
      // charts.js (and Chart.js after it) is fetched with the first chart that comes near the screen.
      import("./charts.js")
        .then(({ drawChart }) => drawChart(figure, rows, new URL(this.runtime.chart, document.baseURI).href))
        .catch(() => {
          figure.querySelector(".calc-chart-box")?.setAttribute("hidden", "");
          const details = figure.querySelector("details");
          if (details) details.open = true; // the table is the chart when Chart.js cannot load
        });
    }
  }

  /** Tell screen readers the new verdict once typing has paused. */
  announce() {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const shown = [...this.root.querySelectorAll("[data-explain] [data-when]")].find((p) => !p.hidden);
      const target = this.root.querySelector("[data-announce]");
      if (target && shown) target.textContent = `Hasil diperbarui. ${shown.textContent.trim()}`;
    }, ANNOUNCE_DELAY_MS);
  }
}
