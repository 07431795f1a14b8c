/**
 * Per-record bookkeeping of a load test: every record carries its sequence number in its key, so the report can
 * prove that each one was accepted exactly once, or list those that were not.
 */
import hdr from 'hdr-histogram-js';

export interface LoadReport {
  produced: number;
  accepted: number;
  deliveries: number;
  redeliveries: number;
  failuresInjected: number;
  duplicates: number[];
  lost: number[];
  producedPerSecond: number;
  consumedPerSecond: number;
  /** Produce-to-delivery latency of first deliveries, in ms. */
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number };
  elapsedMs: number;
  /** From the start of consuming (every consumer joined) to the first delivery, in ms. */
  firstDeliveryMs: number;
}

export class LoadTracker {
  private readonly producedAt: Float64Array;
  private readonly acceptedCount: Uint8Array;
  private readonly delivered: Uint8Array;
  private readonly latency = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
  produced = 0;
  accepted = 0;
  deliveries = 0;
  redeliveries = 0;
  failuresInjected = 0;
  private uniqueAccepted = 0;
  private producedDoneAt = 0;
  private lastAcceptAt = 0;
  private firstDeliveryAt = 0;
  /** Clocks of the two rates: producing began, and consuming began (every consumer joined). */
  private produceStartedAt = performance.now();
  private consumeStartedAt = performance.now();

  constructor(readonly total: number) {
    this.producedAt = new Float64Array(total);
    this.acceptedCount = new Uint8Array(total);
    this.delivered = new Uint8Array(total);
  }

  startProducing(at = performance.now()): void {
    this.produceStartedAt = at;
  }

  /** Starts the consumption clock: after the consumers joined, so a large group's joins do not count as slow consumption. */
  startConsuming(at = performance.now()): void {
    this.consumeStartedAt = at;
  }

  onProduced(seq: number, at = performance.now()): void {
    this.producedAt[seq] = at;
    this.produced++;
    if (this.produced === this.total) this.producedDoneAt = at;
  }

  onDelivered(seq: number, deliveryCount: number, at = performance.now()): void {
    this.deliveries++;
    if (this.firstDeliveryAt === 0) this.firstDeliveryAt = at;
    if (deliveryCount > 1) this.redeliveries++;
    if (this.delivered[seq] === 0) {
      this.delivered[seq] = 1;
      const produced = this.producedAt[seq];
      // Microseconds in the histogram, so sub-millisecond latencies keep their precision.
      if (produced > 0) this.latency.recordValue(Math.max(1, Math.round((at - produced) * 1000)));
    }
  }

  onAccepted(seq: number, at = performance.now()): void {
    if (this.acceptedCount[seq] === 0) this.uniqueAccepted++;
    if (this.acceptedCount[seq] < 255) this.acceptedCount[seq]++;
    this.accepted++;
    this.lastAcceptAt = at;
  }

  /** Records accepted at least once. */
  get done(): number {
    return this.uniqueAccepted;
  }

  report(): LoadReport {
    const duplicates: number[] = [];
    const lost: number[] = [];
    for (let i = 0; i < this.total; i++) {
      if (this.acceptedCount[i] === 0) lost.push(i);
      else if (this.acceptedCount[i] > 1) duplicates.push(i);
    }
    const end = this.lastAcceptAt || performance.now();
    const us = (q: number) => Math.round(this.latency.getValueAtPercentile(q)) / 1000;
    return {
      produced: this.produced,
      accepted: this.accepted,
      deliveries: this.deliveries,
      redeliveries: this.redeliveries,
      failuresInjected: this.failuresInjected,
      duplicates,
      lost,
      producedPerSecond: rate(this.produced, (this.producedDoneAt || end) - this.produceStartedAt),
      consumedPerSecond: rate(this.accepted - duplicates.length, end - this.consumeStartedAt),
      latencyMs: { p50: us(50), p90: us(90), p99: us(99), p999: us(99.9), max: Math.round(this.latency.maxValue) / 1000 },
      elapsedMs: Math.round(end - this.consumeStartedAt),
      firstDeliveryMs: Math.round((this.firstDeliveryAt || end) - this.consumeStartedAt),
    };
  }
}

function rate(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}
