// The per-share-partition bar: one Chart.js horizontal stacked bar of the records from the share-partition's
// start offset to the log end, by state. Charts are kept per partition and updated in place on every snapshot.
import { fmt, h } from './util.js';

/** Segments, left to right. `value` takes a share-partition of the snapshot. */
export const SEGMENTS = [
  { key: 'acknowledged', label: 'Acknowledged', color: '#16a34a', value: (p) => p.acknowledged },
  { key: 'archived', label: 'Archived', color: '#6b7280', value: (p) => p.archived },
  { key: 'acquired', label: 'Acquired', color: '#f59e0b', value: (p) => p.acquired },
  // Available now: in the in-flight window, or past it up to the log end (not read by the group yet).
  { key: 'available', label: 'Available', color: '#3b82f6', value: (p) => p.available - p.delayed + unread(p) },
  { key: 'delayed', label: 'Delayed', color: '#a78bfa', value: (p) => p.delayed },
];

/** Records past the in-flight window up to the log end. */
const unread = (p) => Math.max(0, p.lag - p.available - p.acquired);

export function renderLegend(el) {
  el.replaceChildren(...SEGMENTS.map((s) => h('span', {}, h('i', { style: `background:${s.color}` }), s.label)));
}

const charts = new Map(); // key -> { chart, view }

/** The log end offset the share-partition's lag counts to. */
export const logEnd = (p) => p.startOffset + p.acknowledged + p.archived + p.lag;

function createChart(canvas, view) {
  // Chart.js's UMD build (/vendor/chart.umd.min.js, loaded by index.html) defines the global Chart.
  return new globalThis.Chart(canvas, {
    type: 'bar',
    data: { labels: [''], datasets: SEGMENTS.map((s) => ({ label: s.label, data: [0], backgroundColor: s.color, barThickness: 20 })) },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 250 },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${fmt(ctx.raw)}` } },
      },
      scales: {
        x: { stacked: true, min: 0, max: 1, ticks: { maxTicksLimit: 7, precision: 0, callback: (v) => fmt(view.start + Number(v)) } },
        y: { stacked: true, display: false },
      },
    },
  });
}

/** The element of one share-partition: label, bar and counts; `onInspect` opens the record inspector. */
export function partitionRow(groupId, p, onInspect) {
  const key = `${groupId}\u0000${p.topic}\u0000${p.partition}`;
  let entry = charts.get(key);
  if (!entry) {
    const canvas = h('canvas', { role: 'img', 'aria-label': `records of ${p.topic}/${p.partition} by state` });
    const view = { start: 0 };
    const row = h(
      'div',
      { class: 'sp', dataset: { group: groupId, topic: p.topic, partition: String(p.partition) } },
      h('div', { class: 'label' }, h('b', {}, `${p.topic} / ${p.partition}`), h('br'), h('span', { class: 'offsets muted' }), ' ',
        h('button', { class: 'link', type: 'button', onclick: () => onInspect(groupId, p.topic, p.partition) }, 'inspect')),
      h('div', { class: 'bar' }, canvas),
      h('div', { class: 'counts' }),
    );
    entry = { row, view, canvas, chart: undefined };
    charts.set(key, entry);
  }
  return { key, entry };
}

/** Creates the chart once the row is in the document (Chart.js measures its container), then updates it. */
export function updatePartition(entry, p) {
  const end = logEnd(p);
  entry.view.start = p.startOffset;
  const values = SEGMENTS.map((s) => s.value(p));
  for (const s of SEGMENTS) entry.row.dataset[s.key] = String(s.value(p));
  entry.row.dataset.startOffset = String(p.startOffset);
  entry.row.dataset.endOffset = String(end);
  entry.row.querySelector('.offsets').textContent = `offsets ${fmt(p.startOffset)} → ${fmt(end)} · lag ${fmt(p.lag)}`;
  entry.row.querySelector('.counts').textContent = SEGMENTS.map((s, i) => `${s.label.toLowerCase()} ${fmt(values[i])}`).join(' · ');
  entry.chart ??= createChart(entry.canvas, entry.view);
  const chart = entry.chart;
  chart.data.datasets.forEach((d, i) => (d.data = [values[i]]));
  chart.options.scales.x.max = Math.max(1, end - p.startOffset);
  chart.update();
}

/** Destroys the charts of rows no longer shown. */
export function pruneCharts(keep) {
  for (const [key, entry] of charts) {
    if (keep.has(key)) continue;
    entry.chart?.destroy();
    charts.delete(key);
  }
}
