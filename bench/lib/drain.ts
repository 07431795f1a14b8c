/**
 * Drain measurements for queue consumption: a backlog of N records is written first, then a fixed set of
 * consumers (each with its own connection) takes and acknowledges all of them; the rate is N / the time from the
 * consumers' start until the last acknowledgement was confirmed. Producing is not in the window, so systems that
 * consume the same way compare alike whatever their produce path costs.
 *
 * Warm-up: backlogs sized to last about WARMUP_DRAIN_MS at the previous rate are drained until `warmupMs` has
 * passed and the rate stops rising (up to `maxWarmupMs`), as lib/load.ts does for closed loops; the measured
 * backlog is then sized from the last warm-up rate to last about `durationMs`. "Stops rising" means CHECKS drains
 * in a row none of which beat the best earlier drain by more than RISE: half-second drains are noisy, and with a
 * single check against the drain just before, one slow drain ended the warm-up of a Node server and client that
 * were still climbing (Sharelog's 16-member drain goes from ~65k to ~180k records/s over about seven drains).
 */
import { cpuSampler, quietBefore, type Measurement } from './measure.js';
import type { SuiteContext } from './suite.js';

export interface DrainTarget {
  /** Writes a backlog of n records to a fresh topic/stream set named after `tag`. */
  prefill(n: number, tag: string): Promise<void>;
  /** Consumes and acknowledges all n records of `tag`; resolves once every acknowledgement is confirmed. */
  drain(n: number, tag: string): Promise<void>;
  /** Frees what `tag` holds (deletes streams/topics) so backlogs do not pile up in memory. */
  drop(tag: string): Promise<void>;
  /** What a drain of `tag` that did not finish left behind (consumer state, server output), for the error. */
  diagnose?(tag: string): Promise<string>;
  serverCpuMs(): number | null;
  close(): Promise<void>;
}

export interface DrainResult extends Pick<Measurement, 'serverCpuPercent' | 'clientCpuPercent' | 'otherCpuPercent' | 'quietBefore'> {
  records: number;
  ms: number;
  recordsPerSec: number;
  prefillRecordsPerSec: number;
  warmup: { ms: number; drains: number; steady: boolean; sizingRecordsPerSec: number };
}

const FIRST_WARMUP_RECORDS = 5_000;
/** Shorter drains are mostly start and end effects; their rates are too noisy to tell a plateau. */
const WARMUP_DRAIN_MS = 500;
const MIN_RECORDS = 5_000;
const MAX_RECORDS = 2_000_000;
const RISE = 0.05;
/** Drains in a row that must not rise before the warm-up counts as steady. */
const CHECKS = 2;

/** No step may hang the run: a stuck consumer fails the measurement instead. */
const STEP_TIMEOUT_MS = 120_000;

async function timed(what: string, fn: () => Promise<void>, diagnose?: () => Promise<string>): Promise<number> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const message = `${what} did not finish in ${STEP_TIMEOUT_MS / 1000} s`;
      if (!diagnose) return reject(new Error(message));
      diagnose().then(
        (found) => reject(new Error(`${message}; ${found}`)),
        (err: unknown) => reject(new Error(`${message} (no diagnosis: ${(err as Error).message})`)),
      );
    }, STEP_TIMEOUT_MS);
  });
  try {
    await Promise.race([fn(), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return performance.now() - t0;
}

export async function measureDrain(label: string, setUp: () => Promise<DrainTarget>, ctx: SuiteContext): Promise<DrainResult> {
  const quiet = await quietBefore(ctx);
  const target = await setUp();
  let round = 0;
  const cycle = async (n: number) => {
    const tag = `drain${round++}`;
    const prefillMs = await timed(`prefill of ${n} records`, () => target.prefill(n, tag));
    const sampler = cpuSampler(() => target.serverCpuMs());
    sampler.start();
    const ms = await timed(`drain of ${n} records`, () => target.drain(n, tag), target.diagnose && (() => target.diagnose!(tag)));
    const cpu = sampler.end();
    await target.drop(tag);
    return { ms, cpu, rate: (n * 1000) / ms, prefillRate: (n * 1000) / prefillMs };
  };
  try {
    const t0 = performance.now();
    const rates: number[] = [];
    let steady = false;
    let best = 0;
    let checks = 0;
    const size = (rate: number, ms: number) => Math.min(MAX_RECORDS, Math.max(MIN_RECORDS, Math.round((rate * ms) / 1000 / 1000) * 1000));
    for (;;) {
      const rate = (await cycle(rates.length === 0 ? FIRST_WARMUP_RECORDS : size(rates[rates.length - 1], WARMUP_DRAIN_MS))).rate;
      // The first drain (a fixed size, on cold processes) only sets the bar.
      checks = rates.length > 0 && rate <= best * (1 + RISE) ? checks + 1 : 0;
      best = Math.max(best, rate);
      rates.push(rate);
      const elapsed = performance.now() - t0;
      steady = elapsed >= ctx.warmupMs && checks >= CHECKS;
      if (steady || elapsed >= ctx.maxWarmupMs) break;
    }
    const warmupMs = Math.round(performance.now() - t0);
    // The better of the last two: a noisy last drain would make the measured one too short.
    const lastRate = Math.max(...rates.slice(-2));
    const n = size(lastRate, ctx.durationMs);
    const m = await cycle(n);
    return {
      records: n,
      ms: Math.round(m.ms),
      recordsPerSec: Math.round(m.rate),
      prefillRecordsPerSec: Math.round(m.prefillRate),
      ...m.cpu,
      quietBefore: quiet,
      warmup: { ms: warmupMs, drains: rates.length, steady, sizingRecordsPerSec: Math.round(lastRate) },
    };
  } catch (err) {
    throw new Error(`${label}: ${(err as Error).message}`, { cause: err });
  } finally {
    await target.close();
  }
}
