/**
 * Waits for the first of: an event a subscription reports (`subscribe` gets a `wake` callback and returns its
 * unsubscribe function), a timeout, or an abort. Always resolves; the caller looks again at what it waited for.
 * The long-polls of both log stores are built on it.
 */
export function waitForEvent(subscribe: (wake: () => void) => () => void, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  if (timeoutMs <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    let unsubscribe: (() => void) | undefined;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      unsubscribe?.();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    signal?.addEventListener('abort', done, { once: true });
    unsubscribe = subscribe(done);
    if (finished) unsubscribe(); // woken during subscribe
  });
}
