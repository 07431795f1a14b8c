/**
 * Closed-loop load: each client keeps exactly one request in flight. Everything is bounded in time: warm-up has
 * a cap, clients stop issuing at the end of the window, and each request carries its own deadline.
 *
 * Warm-up runs at least `warmupMs`, then until the rate stops rising, or `maxWarmupMs` passes. A fixed 1 s was
 * not enough: on a 2-core VM a fresh grpc-js process climbs for 5-7 s (echo, batch 1: 600 -> 2,500 req/s) as the
 * JIT kicks in. JIT gains only ever raise the rate, so "no longer rising" is the signal, not "flat".
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LoadClient {
  /** Sends one request; resolves with the number of records it carried once it is answered. */
  send(): Promise<number>;
}

export interface LoadOptions {
  warmupMs: number;
  maxWarmupMs: number;
  durationMs: number;
  /** Called when the measuring window opens and closes (e.g. to sample CPU time). */
  onWindow?: (edge: 'start' | 'end') => void;
}

export interface LoadResult {
  /** Records answered inside the measuring window. */
  records: number;
  requests: number;
  durationMs: number;
  recordsPerSec: number;
  requestsPerSec: number;
  /** Latency of requests both sent and answered inside the window. */
  latencyMs: { p50: number; p99: number; max: number };
  warmup: { ms: number; steady: boolean };
}

const SLICE_MS = 500;
/** Rates are compared over this many slices (1 s), each window against the one before. */
const WINDOW_SLICES = 2;
/** "Still rising" means more than this much above the previous window. */
const RISE = 0.05;
/** Consecutive not-rising checks needed, so one noisy dip does not end the warm-up. */
const CHECKS = 2;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** True when the rate over the last window is not above the window before it by more than RISE. */
function notRising(rates: number[]): boolean {
  if (rates.length < 2 * WINDOW_SLICES) return false;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const last = sum(rates.slice(-WINDOW_SLICES));
  const previous = sum(rates.slice(-2 * WINDOW_SLICES, -WINDOW_SLICES));
  return last > 0 && last <= previous * (1 + RISE);
}

export async function closedLoop(clients: readonly LoadClient[], options: LoadOptions): Promise<LoadResult> {
  const t0 = performance.now();
  let start = Infinity; // the window is unknown until warm-up ends
  let end = Infinity;
  let sliceRecords = 0;
  let records = 0;
  let requests = 0;
  const latencies: number[] = [];
  let failure: { error: unknown } | undefined;
  const failed = () => failure; // read through a call: TS would narrow the variable across the awaits

  const loops = clients.map(async (client) => {
    try {
      while (failure === undefined && performance.now() < end) {
        const sent = performance.now();
        const n = await client.send();
        const answered = performance.now();
        if (answered < start) {
          sliceRecords += n;
        } else if (answered < end) {
          // Counted by answer time: in a closed loop that is the server's completion rate.
          records += n;
          requests++;
          if (sent >= start) latencies.push(answered - sent);
        }
      }
    } catch (error) {
      failure ??= { error }; // stops the other clients and the warm-up too
    }
  });

  const rates: number[] = [];
  let sliceStart = t0;
  let checks = 0;
  let isSteady = false;
  while (failure === undefined) {
    await sleep(SLICE_MS);
    const now = performance.now();
    rates.push(sliceRecords / (now - sliceStart));
    sliceRecords = 0;
    sliceStart = now;
    checks = notRising(rates) ? checks + 1 : 0;
    isSteady = now - t0 >= options.warmupMs && checks >= CHECKS;
    if (isSteady || now - t0 >= options.maxWarmupMs) break;
  }
  if (failure !== undefined) {
    await Promise.all(loops);
    throw failure.error;
  }
  start = performance.now();
  end = start + options.durationMs;
  options.onWindow?.('start');
  const windowTimer = sleep(options.durationMs).then(() => options.onWindow?.('end'));
  await Promise.all(loops);
  const late = failed();
  if (late !== undefined) throw late.error;
  await windowTimer;

  const sorted = Float64Array.from(latencies).sort();
  const seconds = options.durationMs / 1000;
  return {
    records,
    requests,
    durationMs: options.durationMs,
    recordsPerSec: Math.round(records / seconds),
    requestsPerSec: Math.round(requests / seconds),
    latencyMs: {
      p50: round3(percentile(sorted, 0.5)),
      p99: round3(percentile(sorted, 0.99)),
      max: round3(sorted.length ? sorted[sorted.length - 1] : 0),
    },
    warmup: { ms: Math.round(start - t0), steady: isSteady },
  };
}
