/**
 * `npm run bench:report [-- --runs N]`: reads the newest N result files of each suite in bench/results (default 1)
 * and writes BENCHMARKS.md (median with min–max over the runs) and SVG charts under docs/bench/. Nothing in
 * BENCHMARKS.md is written by hand: rerun the benchmark, then this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/machine.js';
import { RESULTS_DIR } from './lib/results.js';
import { barChart, percentileChart, type Bar, type Series } from './lib/svg.js';

const CHART_DIR = path.join(ROOT, 'docs', 'bench');
/** Copies of the result files the report was made from. */
const SOURCES_DIR = path.join(CHART_DIR, 'results');
const OUT = path.join(ROOT, 'BENCHMARKS.md');

interface ResultFile {
  file: string;
  suite: string;
  startedAt: string;
  machine: { gitSha: string; gitDirty: boolean; cpuModel: string; cores: number; node: string; tmpFs: string };
  params: { quick: boolean; durationMs: number };
  /** Each suite's own shape (and older files lack newer fields): read defensively. */
  results: any;
}

function parseRuns(argv: string[]): number {
  const i = argv.indexOf('--runs');
  if (i < 0) return 1;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--runs needs a positive integer, got "${argv[i + 1]}"`);
  return n;
}

/** The newest `runs` files of each suite, oldest first. */
function loadResults(runs: number): Map<string, ResultFile[]> {
  const files = fs.existsSync(RESULTS_DIR) ? fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.tmp.json')) : [];
  const bySuite = new Map<string, ResultFile[]>();
  for (const f of files) {
    const data = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), 'utf8')) as ResultFile;
    data.file = f;
    bySuite.set(data.suite, [...(bySuite.get(data.suite) ?? []), data]);
  }
  for (const [suite, list] of bySuite) bySuite.set(suite, list.sort((a, b) => a.startedAt.localeCompare(b.startedAt)).slice(-runs));
  return bySuite;
}

interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

function stat(values: (number | null | undefined)[]): Stat | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

const rate = (x: number) => Math.round(x).toLocaleString('en-US');
function showStat(s: Stat | null, f: (x: number) => string = rate): string {
  if (s === null) return '';
  return s.n > 1 && s.max > s.min ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}
const ratioOf = (a: Stat | null, b: Stat | null) => (a && b && b.median > 0 ? (a.median / b.median).toFixed(2) : '');
const bar = (series: string, s: Stat | null, note?: string): Bar =>
  s === null ? { series, value: 0, note: note ?? 'not measured' } : { series, value: s.median, min: s.min, max: s.max };

/** A peer's entry in a result: a measurement, or why there is none. */
function outcome(x: any): { value: any } | { note: string } {
  if (x === undefined || x === null) return { note: 'not measured' };
  if (typeof x.missing === 'string') return { note: 'missing' };
  if (typeof x.unavailable === 'string') return { note: `unavailable: ${x.unavailable}` };
  return { value: x };
}
function notes(entries: any[]): string | undefined {
  const found = entries.map(outcome).find((o): o is { note: string } => 'note' in o);
  return found?.note;
}
const values = (entries: any[], pick: (m: any) => number) => entries.map(outcome).map((o) => ('value' in o ? pick(o.value) : null));

/** As the suites mark rows: other processes used more than a quarter of a core during some run's measurement. */
const NOISY_OTHER_CPU = 25;
const NOISY_NOTE = `\\* other processes used more than ${NOISY_OTHER_CPU}% of a core during at least one of the runs' measurements: noisy.`;
const noisy = (entries: any[]) => (values(entries, (m) => m.otherCpuPercent ?? 0).some((v) => v !== null && v > NOISY_OTHER_CPU) ? ' \\*' : '');

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function writeChart(name: string, content: string): string {
  fs.mkdirSync(CHART_DIR, { recursive: true });
  fs.writeFileSync(path.join(CHART_DIR, name), content);
  return `docs/bench/${name}`;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const PRODUCE_SYSTEMS: (Series & { key: string })[] = [
  { key: 'echo', name: 'grpc-js echo (ceiling)', color: '#9e9e9e' },
  { key: 'sharelog', name: 'Sharelog', color: '#1f77b4' },
  { key: 'sharelogInterval', name: 'Sharelog fsync 1s', color: '#aec7e8' },
  { key: 'redisStreams', name: 'Redis XADD', color: '#d62728' },
  { key: 'natsJetStream', name: 'NATS JetStream', color: '#2ca02c' },
];

function produceSection(runs: ResultFile[]): string {
  const workloads: string[] = runs[runs.length - 1].results.rows.map((r: any) => r.workload);
  const rowsOf = (w: string) => runs.map((run) => run.results.rows.find((r: any) => r.workload === w)).filter(Boolean);
  const lines: string[][] = [];
  const groups = workloads.map((w) => {
    const rows = rowsOf(w);
    const stats = Object.fromEntries(PRODUCE_SYSTEMS.map((s) => [s.key, stat(values(rows.map((r: any) => r[s.key]), (m) => m.recordsPerSec))]));
    const note = (key: string) => notes(rows.map((r: any) => r[key]));
    lines.push([
      w,
      ...PRODUCE_SYSTEMS.map((s) => (showStat(stats[s.key]) ? showStat(stats[s.key]) + noisy(rows.map((r: any) => r[s.key])) : (note(s.key) ?? ''))),
      ratioOf(stats.sharelog, stats.echo),
      ratioOf(stats.sharelog, stats.redisStreams),
      ratioOf(stats.sharelog, stats.natsJetStream),
    ]);
    return { label: w, bars: PRODUCE_SYSTEMS.map((s) => bar(s.name, stats[s.key], note(s.key))) };
  });
  const chart = writeChart('produce-throughput.svg', barChart('Produce, 100-byte records, closed loop', 'records/s (median, whiskers min–max)', PRODUCE_SYSTEMS, groups));

  // One percentile plot per workload, from the newest run that has latency figures.
  const latest = runs[runs.length - 1].results.rows;
  const plots = latest.map((row: any) => {
    const lines = PRODUCE_SYSTEMS.flatMap((s) => {
      const o = outcome(row[s.key]);
      return 'value' in o && o.value.latencyMs ? [{ series: s.name, values: [o.value.latencyMs.p50, o.value.latencyMs.p99, o.value.latencyMs.max] }] : [];
    });
    if (lines.length === 0) return '';
    const file = writeChart(`produce-latency-${slug(row.workload)}.svg`, percentileChart(`Produce latency per request, ${row.workload}`, 'ms (log)', ['p50', 'p99', 'max'], PRODUCE_SYSTEMS, lines));
    return `![latency ${row.workload}](${file})`;
  });

  return [
    '## Produce',
    '',
    'Records/s through each system\'s own client, batches of 1, 100 and 1000 100-byte values, 1 client or 4 (own connection and',
    'partition/stream each), one request in flight per client. Sharelog: `--fsync always` (the ratios), and "fsync 1s" with',
    '`--fsync interval:1000`, the durability of the Redis and NATS settings below; the ceiling is a bare grpc-js server',
    'decoding the same request; Redis: XADD pipelined per batch, AOF with `appendfsync everysec`; NATS: JetStream publishes awaited',
    'per batch, file storage (no fsync per message). Ratios compare medians.',
    '',
    table(
      ['workload', ...PRODUCE_SYSTEMS.map((s) => `${s.name} rec/s`), 'Sharelog / echo', 'Sharelog / XADD', 'Sharelog / JetStream'],
      lines,
    ),
    '',
    NOISY_NOTE,
    '',
    `![produce throughput](${chart})`,
    '',
    '### Produce latency (newest run)',
    '',
    plots.filter(Boolean).join('\n'),
  ].join('\n');
}

function shareSection(runs: ResultFile[]): string {
  const names: string[] = runs[runs.length - 1].results.rows.map((r: any) => r.workload);
  const ceiling = stat(runs.map((r) => r.results.ceiling?.recordsPerSec));
  const rows = names.map((name) => {
    const found = runs.map((run) => run.results.rows.find((r: any) => r.workload === name)).filter(Boolean);
    const last = found[found.length - 1];
    return { name, rate: stat(found.map((r: any) => r.rate)), ratio: stat(found.map((r: any) => r.ratio)), against: last.versus as string, target: last.target as number | undefined };
  });
  const series = [{ name: 'Sharelog', color: '#1f77b4' }, { name: 'ceiling / ideal', color: '#9e9e9e' }];
  const groups = rows.map((r) => ({
    label: r.name.replace(/^\([ab]\) /, '').slice(0, 30),
    bars: [bar('Sharelog', r.rate)],
  }));
  if (ceiling) groups.push({ label: 'grpc-js ceiling (batch 100)', bars: [bar('ceiling / ideal', ceiling)] });
  const chart = writeChart('share-throughput.svg', barChart('Share groups (loadtest)', 'records/s', series, groups));
  return [
    '## Share groups (loadtest)',
    '',
    'The `share` suite: `sharelog loadtest` against an embedded server. (a) produces and consumes at once; (b) drains a backlog',
    'produced before the members joined (`--prefill`), timed from when all 100 had joined; each worker takes one record at a time',
    'with three more acquired ahead. Each share-group row follows a discarded warm-up run of the same load on the same server',
    '(5,000 records for (a), 15,000 for (b)).',
    '',
    table(['workload', 'records/s', 'against (newest run)', 'ratio', 'target'], rows.map((r) => [
      r.name, showStat(r.rate), r.against, showStat(r.ratio, (x) => x.toFixed(2)), r.target === undefined ? '' : `>= ${r.target.toFixed(2)}`,
    ])),
    '',
    `![share throughput](${chart})`,
  ].join('\n');
}

const SHARE_SYSTEMS: (Series & { key: string })[] = [
  { key: 'sharelog-embedded', name: 'Sharelog embedded', color: '#1f77b4' },
  { key: 'sharelog-embedded-fsync-1s', name: 'Sharelog embedded fsync 1s', color: '#aec7e8' },
  { key: 'sharelog-redis', name: 'Sharelog over Redis', color: '#9467bd' },
  { key: 'redis-streams', name: 'Redis Streams', color: '#d62728' },
  { key: 'nats-jetstream', name: 'NATS JetStream', color: '#2ca02c' },
];

function sharePeersSection(runs: ResultFile[]): string {
  const partitions: number[] = runs[runs.length - 1].results.rows.map((r: any) => r.partitions);
  const lines: string[][] = [];
  const groups = partitions.map((p) => {
    const rows = runs.map((run) => run.results.rows.find((r: any) => r.partitions === p)).filter(Boolean);
    const entries = (key: string) => rows.map((r: any) => r.systems[key]);
    const stats = Object.fromEntries(SHARE_SYSTEMS.map((s) => [s.key, stat(values(entries(s.key), (m) => m.recordsPerSec))]));
    lines.push([String(p), ...SHARE_SYSTEMS.map((s) => (showStat(stats[s.key]) ? showStat(stats[s.key]) + noisy(entries(s.key)) : (notes(entries(s.key)) ?? '')))]);
    return { label: `${p} partition${p > 1 ? 's' : ''}`, bars: SHARE_SYSTEMS.map((s) => bar(s.name, stats[s.key], notes(entries(s.key)))) };
  });
  const chart = writeChart('share-peers-throughput.svg', barChart('Share consumption: 16 members drain a backlog', 'records/s consumed and acknowledged (median, whiskers min–max)', SHARE_SYSTEMS, groups));
  const ratioKeys: string[] = [...new Set<string>(runs.flatMap((run) => run.results.ratios.map((r: any) => `${r.name}\u0000${r.partitions}`)))];
  const ratioRows = ratioKeys.map((key) => {
    const [name, p] = key.split('\u0000');
    const found = runs.flatMap((run) => run.results.ratios.filter((r: any) => r.name === name && String(r.partitions) === p));
    const s = stat(found.map((r: any) => r.ratio));
    const target = found[found.length - 1].target as number | null;
    const value = s === null ? 'n/a' : showStat(s, (x) => x.toFixed(2));
    if (target === null) return [name, p, value, '-', 'same durability as Redis here; no target'];
    return [name, p, value, `>= ${target.toFixed(2)}`, s === null ? '' : s.median >= target ? 'met' : 'missed'];
  });
  return [
    '## Share consumption against Redis Streams and NATS JetStream',
    '',
    'The `share-peers` suite: a backlog is written first, then 16 members (each its own connection) consume and acknowledge all of',
    'it; records/s = backlog / drain time. Sharelog: share group, explicit accepts, `--fsync always` (embedded; "fsync 1s" is',
    '`--fsync interval:1000`, the durability of Redis\'s `appendfsync everysec`) or `--backend redis`,',
    'max_in_flight_records 10,000 (room for the members\' windows); Redis Streams: one consumer group, XREADGROUP COUNT 100 + XACK;',
    'NATS: work-queue stream, one durable pull consumer, `ack()`, max_ack_pending 20,000.',
    '',
    table(['partitions', ...SHARE_SYSTEMS.map((s) => `${s.name} rec/s`)], lines),
    '',
    `NATS JetStream runs on 1 partition only: a work-queue stream has no partitions. ${NOISY_NOTE}`,
    '',
    table(['ratio', 'partitions', 'value (median)', 'target', 'status'], ratioRows),
    '',
    `![share consumption](${chart})`,
  ].join('\n');
}

const LATENCY_SYSTEMS: (Series & { key: 'sharelog' | 'sharelogInterval' | 'redisStreams' })[] = [
  { key: 'sharelog', name: 'Sharelog embedded (fsync always)', color: '#1f77b4' },
  { key: 'sharelogInterval', name: 'Sharelog embedded (fsync interval:1000)', color: '#aec7e8' },
  { key: 'redisStreams', name: 'Redis Streams (fsync everysec)', color: '#d62728' },
];
const PERCENTILES = ['p50', 'p99', 'p999', 'max'] as const;

/** The produce leg alone against the bare grpc-js echo server: what grpc-js and the machine cost before Sharelog. */
function floorLines(runs: ResultFile[]): string[] {
  const floors = runs.map((r) => r.results.echoProduceFloor).filter(Boolean);
  if (floors.length === 0) return [];
  const ms = (x: number) => x.toFixed(1);
  const p50 = showStat(stat(floors.map((f: any) => f.ackMs.p50)), ms);
  const p99 = showStat(stat(floors.map((f: any) => f.ackMs.p99)), ms);
  return [
    `The floor: the same producer schedule against the bare grpc-js echo server, which answers without doing anything, is answered`,
    `at p50 ${p50} ms and p99 ${p99} ms: the produce leg alone, before any acquire, on this machine.`,
    '',
  ];
}

function latencySection(runs: ResultFile[]): string {
  const last = runs[runs.length - 1].results;
  const ms = (x: number) => x.toFixed(1);
  const rows = LATENCY_SYSTEMS.map((sys) => [
    sys.name,
    ...PERCENTILES.map((p) => showStat(stat(runs.map((r) => r.results[sys.key]?.ms?.[p])), ms)),
    sys.key === 'sharelog' ? `p99 <= ${last.targetP99Ms} ms` : '',
  ]);
  const lines = LATENCY_SYSTEMS.map((sys) => ({
    series: sys.name,
    values: PERCENTILES.map((p) => stat(runs.map((r) => r.results[sys.key]?.ms?.[p]))?.median ?? null),
  }));
  const chart = writeChart('latency-percentiles.svg', percentileChart(`Produce to acquire at ${last.rate.toLocaleString('en-US')} records/s`, 'ms (log)', ['p50', 'p99', 'p99.9', 'max'], LATENCY_SYSTEMS, lines));
  return [
    '## Latency at a fixed rate',
    '',
    `The \`latency\` suite: ${last.rate.toLocaleString('en-US')} records/s of ${last.valueBytes}-byte values (a request of ${last.batch} every ${last.intervalMs} ms, open loop, from a worker thread), ${last.members} members on ${last.partitions} partition; latency from the intended send time to acquisition, in ms.`,
    '',
    table(['system', 'p50', 'p99', 'p99.9', 'max', 'target'], rows),
    '',
    ...floorLines(runs),
    `![latency percentiles](${chart})`,
  ].join('\n');
}

function memorySection(runs: ResultFile[]): string {
  const mib = (x: number) => (x / 2 ** 20).toFixed(1);
  const last = runs[runs.length - 1].results;
  const window = [
    ['bytes per record of a 1,000,000-record window (RSS, window open - closed)', showStat(stat(runs.map((r) => r.results.window?.bytesPerRecord)), (x) => x.toFixed(1)), '<= 100'],
    ['bytes per record of the window (live heap)', showStat(stat(runs.map((r) => r.results.window?.heapPerRecord)), (x) => x.toFixed(1)), ''],
  ];
  const backlog = (last.backlog as any[]).map((b: any, i: number) => [
    `idle server, ${b.records.toLocaleString('en-US')}-record backlog, RSS MiB after restart`,
    showStat(stat(runs.map((r) => r.results.backlog?.[i]?.restarted?.rss)), mib),
    '',
  ]);
  return [
    '## Memory',
    '',
    `The \`memory\` suite: server RSS after a full GC (setup produced with \`--fsync ${last.fsync}\` to keep it short). The window`,
    'spans 1,000,000 records because one member holds offset 0 while 15 others accept everything after it; its cost is the memory',
    'given back once offset 0 is accepted too.',
    '',
    table(['measurement', 'value', 'target'], [...window, ...backlog]),
  ].join('\n');
}

const SECTIONS: Record<string, (runs: ResultFile[]) => string> = {
  produce: produceSection,
  share: shareSection,
  'share-peers': sharePeersSection,
  latency: latencySection,
  memory: memorySection,
};

function main(): void {
  const runs = parseRuns(process.argv.slice(2));
  const bySuite = loadResults(runs);
  const sections: string[] = [];
  const sources: string[][] = [];
  const used = new Set<string>();
  for (const [suite, render] of Object.entries(SECTIONS)) {
    const list = bySuite.get(suite);
    if (!list || list.length === 0) {
      sections.push(`## ${suite}\n\nNo result file in bench/results: run \`npm run bench -- ${suite}\`.`);
      continue;
    }
    sections.push(render(list));
    for (const r of list) {
      const m = r.machine;
      // bench/results is not checked in; the files a report was made from are, beside its charts.
      fs.mkdirSync(SOURCES_DIR, { recursive: true });
      fs.copyFileSync(path.join(RESULTS_DIR, r.file), path.join(SOURCES_DIR, r.file));
      used.add(r.file);
      sources.push([`docs/bench/results/${r.file}`, r.startedAt, `${m.gitSha.slice(0, 10)}${m.gitDirty ? ' (dirty)' : ''}`, r.params.quick ? 'quick' : 'full', `${m.cpuModel}, ${m.cores} cores, ${m.tmpFs}`]);
    }
  }
  const text = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench:report${runs > 1 ? ` -- --runs ${runs}` : ''}\` from the newest ${runs > 1 ? `${runs} result files` : 'result file'} of each suite`,
    '(see bench/README.md for how each figure is measured). With several runs a cell shows the median and (min–max). Do not edit',
    'by hand: run `npm run bench`, then `npm run bench:report`.',
    '',
    ...sections.flatMap((s) => [s, '']),
    '## Runs used',
    '',
    table(['file', 'started', 'git', 'mode', 'machine'], sources),
    '',
  ].join('\n');
  fs.writeFileSync(OUT, text);
  for (const file of fs.existsSync(SOURCES_DIR) ? fs.readdirSync(SOURCES_DIR) : []) {
    if (!used.has(file)) fs.rmSync(path.join(SOURCES_DIR, file));
  }
  console.log(`wrote ${path.relative(ROOT, OUT)} and charts in ${path.relative(ROOT, CHART_DIR)}/`);
}

main();
