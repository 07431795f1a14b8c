/**
 * A broadcast wake-up for long-polls: `wait` resolves on the next `notify`, a timeout or an abort. Waiters are
 * resolved, never rejected; the caller re-checks what it waited for.
 */
export class WakeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (timeoutMs <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  get waiting(): number {
    return this.waiters.size;
  }
}

/** Resolves when the first of several wake-ups fires; `extra` are subscriptions (return their unsubscribe). */
export function waitForAny(
  signal: WakeSignal,
  timeoutMs: number,
  abort: AbortSignal | undefined,
  extra: Array<(wake: () => void) => () => void>,
): Promise<void> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  abort?.addEventListener('abort', onAbort, { once: true });
  const unsubscribes = extra.map((subscribe) => subscribe(() => controller.abort()));
  return signal.wait(timeoutMs, controller.signal).finally(() => {
    abort?.removeEventListener('abort', onAbort);
    for (const unsubscribe of unsubscribes) unsubscribe();
  });
}
