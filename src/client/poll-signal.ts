/**
 * The stop signals of one poll (the consumer's own, and the caller's), combined only when something has to wait
 * on them. A poll served from records already pushed never waits, and building an AbortController with listeners
 * on every source, per poll, was a visible share of a busy consumer's CPU.
 */
export class PollSignal {
  private combined: AbortController | undefined;
  private readonly abort = () => this.combined?.abort();

  constructor(private readonly sources: ReadonlyArray<AbortSignal | undefined>) {}

  get aborted(): boolean {
    return this.sources.some((s) => s?.aborted);
  }

  /** One signal that aborts with any source (a source itself when there is only one). */
  get signal(): AbortSignal | undefined {
    const present = this.sources.filter((s): s is AbortSignal => s !== undefined);
    if (present.length <= 1) return present[0];
    if (!this.combined) {
      this.combined = new AbortController();
      for (const source of present) {
        if (source.aborted) this.combined.abort();
        else source.addEventListener('abort', this.abort, { once: true });
      }
    }
    return this.combined.signal;
  }

  /** Removes the listeners the combined signal added. */
  dispose(): void {
    if (!this.combined) return;
    for (const source of this.sources) source?.removeEventListener('abort', this.abort);
  }
}
