/**
 * Time is injected wherever a lock, a session or a delay can run out, so those paths are tested by advancing a
 * manual clock instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to; for tests. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('a clock never goes back');
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}
