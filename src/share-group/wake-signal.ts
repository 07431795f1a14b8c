/**
 * A broadcast wake-up for long-polls: `wait` resolves on the next `notify`, a timeout or an abort. Waiters are
 * resolved, never rejected; the caller re-checks what it waited for.
 *
 * Waits are on the hot path of every share fetch that finds nothing (a member waiting for the next produce), so
 * they use plain callbacks: no AbortController per wait, whose abort() would build a DOMException each time.
 */
export class WakeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return waitForAny(this, timeoutMs, signal, []);
  }

  /** Calls `wake` once on the next notify (unless removed first). */
  add(wake: () => void): void {
    this.waiters.add(wake);
  }

  remove(wake: () => void): void {
    this.waiters.delete(wake);
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
  extra: ReadonlyArray<(wake: () => void) => () => void>,
): Promise<void> {
  if (timeoutMs <= 0 || abort?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    let finished = false;
    const unsubscribes: Array<() => void> = [];
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      signal.remove(finish);
      abort?.removeEventListener('abort', finish);
      for (const unsubscribe of unsubscribes) unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    signal.add(finish);
    abort?.addEventListener('abort', finish, { once: true });
    for (const subscribe of extra) {
      const unsubscribe = subscribe(finish);
      // A subscription may fire at once, before its unsubscribe is known.
      if (finished) unsubscribe();
      else unsubscribes.push(unsubscribe);
    }
  });
}
