// Charts of calculator results with the self-hosted Chart.js (UMD build, which
// sets globalThis.Chart when imported). The data are the model's list outputs;
// each chart has a table alternative next to it in the markup.
//
// figure[data-spec] = {"type": "line"|"bar", "x": column, "xFormat": kind,
//                      "xPrefix": "Minggu ", "y": [{"key", "label", "format", "color" (optional: more than three series)}],
//                      "stacked": true (bars on top of each other),
//                      "horizontal": true (categories down the side: long names on a phone)}

import { formatValue } from "./format.js";

let library = null;
const charts = new WeakMap(); // canvas → Chart

export function loadChartLibrary(url) {
  library ??= import(url).then(() => {
    if (!globalThis.Chart) throw new Error("Chart.js tidak termuat");
    return globalThis.Chart;
  });
  return library;
}

function cssVar(name, fallback) {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

const compact = new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 });

function axisLabel(value, kind) {
  if (kind === "rupiah") return `${value < 0 ? "-" : ""}Rp ${compact.format(Math.abs(value))}`;
  if (kind === "percent") return `${compact.format(value * 100)} %`;
  return compact.format(value);
}

function xLabel(value, spec) {
  const text = spec.xFormat === "rupiah" ? axisLabel(value, "rupiah") : formatValue(value, spec.xFormat || "text");
  return (spec.xPrefix || "") + text;
}

/** Draw (or update) the chart of `figure` from the rows of its list output. */
export async function drawChart(figure, rows, libraryUrl) {
  const Chart = await loadChartLibrary(libraryUrl);
  const spec = JSON.parse(figure.dataset.spec);
  const canvas = figure.querySelector("canvas");
  const colors = [cssVar("--md-primary-fg-color", "#ff5722"), cssVar("--md-accent-fg-color", "#009485"), "#5c6bc0"];
  const data = {
    labels: rows.map((row) => xLabel(row[spec.x], spec)),
    datasets: spec.y.map((series, i) => ({
      label: series.label,
      data: rows.map((row) => row[series.key]),
      borderColor: series.color || colors[i % colors.length],
      backgroundColor: series.color || colors[i % colors.length],
      pointRadius: spec.type === "line" ? 3 : undefined,
      borderWidth: 2,
    })),
  };
  const existing = charts.get(canvas);
  if (existing) {
    existing.data = data;
    existing.update("none");
    return existing;
  }
  const ink = cssVar("--md-default-fg-color--light", "#666");
  const grid = cssVar("--md-default-fg-color--lightest", "#ddd");
  const stacked = Boolean(spec.stacked);
  const [categoryAxis, valueAxis] = spec.horizontal ? ["y", "x"] : ["x", "y"];
  const chart = new Chart(canvas, {
    type: spec.type,
    data,
    options: {
      indexAxis: categoryAxis,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: "id-ID",
      plugins: {
        legend: { display: spec.y.length > 1, labels: { color: ink } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${formatValue(item.raw, spec.y[item.datasetIndex].format)}`,
          },
        },
      },
      scales: {
        [categoryAxis]: { stacked, ticks: { color: ink, maxRotation: 0, autoSkip: !spec.horizontal }, grid: { color: grid } },
        [valueAxis]: {
          stacked,
          beginAtZero: true, // the zero line (break-even) always shows
          ticks: { color: ink, maxRotation: 0, callback: (value) => axisLabel(value, spec.y[0].format) },
          grid: { color: (ctx) => (ctx.tick && ctx.tick.value === 0 ? ink : grid) },
        },
      },
    },
  });
  charts.set(canvas, chart);
  return chart;
}
