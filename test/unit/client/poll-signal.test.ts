import { describe, expect, it } from 'vitest';
import { PollSignal } from '../../../src/client/poll-signal.js';

describe('PollSignal', () => {
  it('is aborted when any source is, without building a combined signal', () => {
    const a = new AbortController();
    const b = new AbortController();
    const stop = new PollSignal([a.signal, undefined, b.signal]);
    expect(stop.aborted).toBe(false);
    b.abort();
    expect(stop.aborted).toBe(true);
  });

  it('hands out the only source itself, and undefined without any', () => {
    const a = new AbortController();
    expect(new PollSignal([a.signal, undefined]).signal).toBe(a.signal);
    expect(new PollSignal([undefined]).signal).toBeUndefined();
  });

  it('builds one combined signal on first use, which aborts with any source', () => {
    const a = new AbortController();
    const b = new AbortController();
    const stop = new PollSignal([a.signal, b.signal]);
    const combined = stop.signal!;
    expect(stop.signal).toBe(combined);
    expect(combined.aborted).toBe(false);
    a.abort();
    expect(combined.aborted).toBe(true);
  });

  it('starts aborted when a source already is', () => {
    const a = new AbortController();
    a.abort();
    expect(new PollSignal([a.signal, new AbortController().signal]).signal!.aborted).toBe(true);
  });

  it('adds no abort listeners to the sources: many polls on one caller signal print no MaxListenersExceededWarning', async () => {
    const shutdown = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const polls = Array.from({ length: 50 }, () => new PollSignal([new AbortController().signal, shutdown.signal]));
      const combined = polls.map((p) => p.signal!);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
      shutdown.abort();
      expect(combined.every((s) => s.aborted)).toBe(true);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
