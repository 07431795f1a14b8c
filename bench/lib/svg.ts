/**
 * Small hand-written SVG charts for BENCHMARKS.md (no chart library: the files stay readable and diffable).
 *  - barChart: horizontal bars in groups (one group per workload, one bar per system), min–max whiskers;
 *  - percentileChart: latency by percentile, one line per system, log-scale y axis.
 */

export interface Series {
  name: string;
  color: string;
}

export interface Bar {
  series: string;
  value: number;
  min?: number;
  max?: number;
  /** Shown instead of a bar (e.g. "missing", "unavailable"). */
  note?: string;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

const FONT = 'font-family="sans-serif" font-size="12"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 100) / 100));

function svg(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT}>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function legend(series: Series[], x: number, y: number): string[] {
  return series.flatMap((s, i) => [
    `<rect x="${x + i * 150}" y="${y - 10}" width="12" height="12" fill="${s.color}"/>`,
    `<text x="${x + i * 150 + 16}" y="${y}">${esc(s.name)}</text>`,
  ]);
}

/** A "nice" axis end above `max` whose quarters are round numbers too. */
function niceCeil(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 2.5, 4, 5, 8, 10].find((m) => m * p >= max) ?? 10) * p;
}

export function barChart(title: string, unit: string, series: Series[], groups: BarGroup[]): string {
  const labelW = 190;
  const plotW = 520;
  const barH = 14;
  const groupGap = 14;
  const top = 56;
  const max = niceCeil(Math.max(...groups.flatMap((g) => g.bars.map((b) => b.max ?? b.value))));
  const xOf = (v: number) => labelW + (v / max) * plotW;
  const body: string[] = [`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`, ...legend(series, 10, 42)];
  let y = top;
  for (const g of groups) {
    const h = g.bars.length * barH;
    body.push(`<text x="${labelW - 8}" y="${y + h / 2 + 4}" text-anchor="end">${esc(g.label)}</text>`);
    for (const b of g.bars) {
      const color = series.find((s) => s.name === b.series)?.color ?? 'gray';
      if (b.note !== undefined) {
        body.push(`<text x="${labelW + 4}" y="${y + barH - 3}" fill="${color}">${esc(`${b.series}: ${b.note}`)}</text>`);
      } else {
        body.push(`<rect x="${labelW}" y="${y + 1}" width="${Math.max(1, xOf(b.value) - labelW).toFixed(1)}" height="${barH - 2}" fill="${color}"/>`);
        if (b.min !== undefined && b.max !== undefined && b.max > b.min) {
          const [x0, x1, cy] = [xOf(b.min).toFixed(1), xOf(b.max).toFixed(1), y + barH / 2];
          body.push(`<path d="M${x0} ${cy}H${x1}M${x0} ${cy - 4}V${cy + 4}M${x1} ${cy - 4}V${cy + 4}" stroke="black" fill="none"/>`);
        }
        body.push(`<text x="${xOf(b.max ?? b.value) + 4}" y="${y + barH - 3}" font-size="11">${fmt(b.value)}</text>`);
      }
      y += barH;
    }
    y += groupGap;
  }
  // Axis with five ticks.
  body.push(`<line x1="${labelW}" y1="${top - 4}" x2="${labelW}" y2="${y}" stroke="#888"/>`);
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    body.push(`<line x1="${xOf(v)}" y1="${y}" x2="${xOf(v)}" y2="${y + 4}" stroke="#888"/>`);
    body.push(`<text x="${xOf(v)}" y="${y + 16}" text-anchor="middle" font-size="11">${fmt(v)}</text>`);
  }
  body.push(`<text x="${labelW + plotW / 2}" y="${y + 32}" text-anchor="middle">${esc(unit)}</text>`);
  return svg(labelW + plotW + 90, y + 42, body);
}

export interface Line {
  series: string;
  /** One value per x label; null where there is none. */
  values: (number | null)[];
}

export function percentileChart(title: string, unit: string, xLabels: string[], series: Series[], lines: Line[]): string {
  const [left, top, plotW, plotH] = [60, 56, 420, 220];
  const all = lines.flatMap((l) => l.values).filter((v): v is number => v !== null && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...all, 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...all, lo * 10)));
  const yOf = (v: number) => top + plotH - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;
  const xOf = (i: number) => left + (xLabels.length === 1 ? plotW / 2 : (i / (xLabels.length - 1)) * plotW);
  const body: string[] = [`<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`, ...legend(series, 10, 42)];
  for (let p = lo; p <= hi; p *= 10) {
    body.push(`<line x1="${left}" y1="${yOf(p)}" x2="${left + plotW}" y2="${yOf(p)}" stroke="#ddd"/>`);
    body.push(`<text x="${left - 6}" y="${yOf(p) + 4}" text-anchor="end" font-size="11">${fmt(p)}</text>`);
  }
  xLabels.forEach((label, i) => body.push(`<text x="${xOf(i)}" y="${top + plotH + 18}" text-anchor="middle">${esc(label)}</text>`));
  for (const l of lines) {
    const color = series.find((s) => s.name === l.series)?.color ?? 'gray';
    const points = l.values.flatMap((v, i) => (v !== null && v > 0 ? [[xOf(i), yOf(v)]] : []));
    if (points.length > 1) body.push(`<polyline points="${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const [x, y] of points) body.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${color}"/>`);
  }
  body.push(`<text x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${esc(unit)}</text>`);
  return svg(Math.max(left + plotW + 40, series.length * 150 + 20), top + plotH + 30, body);
}
