/**
 * The stop signals of one poll (the consumer's own, and the caller's), combined only when something has to wait
 * on them. A poll served from records already pushed never waits, and building a combined signal per poll was a
 * visible share of a busy consumer's CPU.
 *
 * The combination is AbortSignal.any, which links the sources to it without adding 'abort' listeners to them:
 * many consumers polling with one caller signal (a worker pool's shutdown signal) would otherwise pass Node's
 * limit of 10 listeners and print MaxListenersExceededWarning.
 */
export class PollSignal {
  private combined: AbortSignal | undefined;

  constructor(private readonly sources: ReadonlyArray<AbortSignal | undefined>) {}

  get aborted(): boolean {
    return this.sources.some((s) => s?.aborted);
  }

  /** One signal that aborts with any source (a source itself when there is only one). */
  get signal(): AbortSignal | undefined {
    const present = this.sources.filter((s): s is AbortSignal => s !== undefined);
    if (present.length <= 1) return present[0];
    return (this.combined ??= AbortSignal.any(present));
  }
}
