/**
 * Entry point of `npm run bench [-- --quick] [suite...]`: prints the machine header, runs the registered suites,
 * prints their tables and writes bench/results/<suite>-<timestamp>.json. Child servers and temp dirs are removed
 * on success, failure, Ctrl-C and SIGTERM; any error makes the exit code non-zero.
 *
 * Environment:
 *   BENCH_DURATION_MS        measuring window per measurement, default 5000 (--quick: 1500)
 *   BENCH_WARMUP_MS          minimum warm-up, default 1000 (it goes on until the rate stops rising)
 *   BENCH_WARMUP_MAX_MS      warm-up cap, default 10000
 *   BENCH_QUIET_MAX_MS       longest wait for other processes' CPU load to drop before a measurement, default 30000
 *   BENCH_TMPDIR             where data dirs go, default the OS temp dir
 *   BENCH_REF                run the Sharelog server from a snapshot of this commit (lib/server-code.ts)
 *   BENCH_SERVER_NODE_FLAGS  extra node flags for server children, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 */
import { forceCleanup, runCleanup, tmpRoot } from './lib/cleanup.js';
import { formatMachine, machineInfo } from './lib/machine.js';
import { writeResults } from './lib/results.js';
import type { SuiteContext } from './lib/suite.js';
import { SUITES } from './suites.js';

/** The node flags of `npm start` and the `sharelog` shebang (see src/cli/main.ts). */
const PRODUCTION_NODE_FLAGS = '--max-semi-space-size=32';

const DEFAULT_DURATION_MS = 5_000;
const QUICK_DURATION_MS = 1_500;
const DEFAULT_WARMUP_MS = 1_000;
const DEFAULT_MAX_WARMUP_MS = 10_000;
const DEFAULT_QUIET_MAX_WAIT_MS = 30_000;

class UsageError extends Error {}

function positiveInt(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${name} must be a positive integer (ms), got "${text}"`);
  return value;
}

function usage(): string {
  const names = SUITES.map((s) => `  ${s.name.padEnd(12)} ${s.description}`).join('\n');
  return `usage: npm run bench -- [--quick] [suite...]\n\nsuites:\n${names}\n\n` +
    'env: BENCH_DURATION_MS, BENCH_WARMUP_MS, BENCH_WARMUP_MAX_MS, BENCH_QUIET_MAX_MS, BENCH_TMPDIR, BENCH_REF, BENCH_SERVER_NODE_FLAGS';
}

function parseArgs(argv: string[]) {
  let quick = false;
  const names: string[] = [];
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else names.push(arg);
  }
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length > 0) throw new UsageError(`unknown suite ${unknown.join(', ')}`);
  const suites = names.length === 0 ? SUITES : SUITES.filter((s) => names.includes(s.name));
  return {
    quick,
    suites,
    durationMs: quick ? QUICK_DURATION_MS : positiveInt('BENCH_DURATION_MS', DEFAULT_DURATION_MS),
    warmupMs: positiveInt('BENCH_WARMUP_MS', DEFAULT_WARMUP_MS),
    maxWarmupMs: positiveInt('BENCH_WARMUP_MAX_MS', DEFAULT_MAX_WARMUP_MS),
    quietMaxWaitMs: positiveInt('BENCH_QUIET_MAX_MS', DEFAULT_QUIET_MAX_WAIT_MS),
    // Servers run with the node flags `npm start` uses, unless told otherwise.
    serverNodeFlags: (process.env.BENCH_SERVER_NODE_FLAGS ?? PRODUCTION_NODE_FLAGS).split(/\s+/).filter(Boolean),
  };
}

function installExitHandlers(): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    if (stopping) {
      forceCleanup(); // second signal: no more waiting
      process.exit(code);
    }
    stopping = true;
    console.error(`\n${signal}: stopping servers and removing temp dirs`);
    void runCleanup().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('exit', forceCleanup); // whatever is left when the process goes, killed synchronously
  const fatal = (err: unknown) => {
    console.error('fatal:', err);
    void runCleanup().finally(() => process.exit(1));
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\n${usage()}`);
    return 2;
  }
  installExitHandlers();

  const params = {
    quick: options.quick,
    warmupMs: options.warmupMs,
    maxWarmupMs: Math.max(options.warmupMs, options.maxWarmupMs),
    durationMs: options.durationMs,
    quietMaxWaitMs: options.quietMaxWaitMs,
    ...(process.env.BENCH_REF ? { serverRef: process.env.BENCH_REF } : {}),
    ...(options.serverNodeFlags.length > 0 ? { serverNodeFlags: options.serverNodeFlags.join(' ') } : {}),
  };
  const machine = machineInfo(tmpRoot());
  console.log(formatMachine(machine, params));

  const ctx: SuiteContext = {
    quick: options.quick,
    warmupMs: options.warmupMs,
    maxWarmupMs: Math.max(options.warmupMs, options.maxWarmupMs),
    durationMs: options.durationMs,
    quietMaxWaitMs: options.quietMaxWaitMs,
    serverNodeFlags: options.serverNodeFlags,
    progress: (line) => console.error(`  ${line}`),
  };
  let failed = 0;
  for (const suite of options.suites) {
    const startedAt = new Date();
    console.log(`\n== ${suite.name}: ${suite.description}`);
    try {
      const out = await suite.run(ctx);
      const finishedAt = new Date();
      console.log(`\n${out.table}`);
      const file = writeResults(suite.name, startedAt, {
        suite: suite.name,
        description: suite.description,
        machine,
        params,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        results: out.results,
      });
      console.log(`\nresults: ${file}`);
    } catch (err) {
      failed++;
      console.error(`\nsuite ${suite.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    } finally {
      await runCleanup();
    }
  }
  if (failed > 0) console.error(`\n${failed} suite(s) failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('fatal:', err);
    void runCleanup().finally(() => process.exit(1));
  },
);
