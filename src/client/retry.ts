/**
 * Retries with exponential backoff and jitter, for calls that are safe to send again. Only errors marked
 * `retriable` are retried (UNAVAILABLE, DEADLINE_EXCEEDED, SHUTTING_DOWN, BACKEND_UNAVAILABLE); anything else
 * describes a request that would fail the same way again.
 */
import { SharelogClientError, closedError, toClientError } from './errors.js';

export interface RetryPolicy {
  /** Attempts in total, the first included. 1 disables retries. Default 5. */
  maxAttempts: number;
  /** Backoff before the first retry, in ms. Default 100. */
  initialBackoffMs: number;
  /** Upper bound of one backoff, in ms. Default 5000. */
  maxBackoffMs: number;
  /** Random spread of each backoff, as a fraction of it (0..1): 0.2 waits 80%..120%. Default 0.2. */
  jitter: number;
  /** When set, no retry starts later than this many ms after the first attempt. */
  totalTimeoutMs?: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  initialBackoffMs: 100,
  maxBackoffMs: 5_000,
  jitter: 0.2,
});

/** The backoff before retry number `retry` (1-based). */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, retry - 1));
  const spread = base * Math.min(1, Math.max(0, policy.jitter));
  return Math.max(0, Math.round(base - spread + Math.random() * 2 * spread));
}

/** Resolves after `ms`, or rejects with a CANCELLED error as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(closedError('the operation'));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(closedError('the operation'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryOptions {
  signal?: AbortSignal;
  /** Called before each retry, e.g. to count retries. */
  onRetry?: (err: SharelogClientError, attempt: number) => void;
}

/** Runs `attempt` until it succeeds, fails with a non-retriable error, or the policy gives up. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, policy: RetryPolicy, options: RetryOptions = {}): Promise<T> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (raw) {
      const err = toClientError(raw);
      const delay = backoffMs(policy, n);
      const outOfTime = policy.totalTimeoutMs !== undefined && Date.now() + delay - started > policy.totalTimeoutMs;
      if (!err.retriable || n >= policy.maxAttempts || outOfTime || options.signal?.aborted) throw err;
      options.onRetry?.(err, n);
      await sleep(delay, options.signal).catch(() => {
        throw err;
      });
    }
  }
}
