import { ManualClock } from '../../../src/clock.js';
import {
  SharePartitionState,
  type AckRange,
  type AcquiredBatch,
  type SharePartitionConfig,
} from '../../../src/ack-tracker/index.js';

export function makeState(
  config: Partial<SharePartitionConfig> = {},
  startOffset = 0,
  clock = new ManualClock(1_000_000),
): { sp: SharePartitionState; clock: ManualClock } {
  return { sp: new SharePartitionState({ startOffset, clock, config }), clock };
}

export function range(
  firstOffset: number,
  lastOffset: number,
  type: AckRange['type'],
  extra: Partial<AckRange> = {},
): AckRange {
  return { firstOffset, lastOffset, type, ...extra };
}

/** Offsets of the batches, in order. */
export function offsetsOf(batches: AcquiredBatch[]): number[] {
  const out: number[] = [];
  for (const b of batches) for (let o = b.firstOffset; o <= b.lastOffset; o++) out.push(o);
  return out;
}

/** Per-record view with ACQUIRED shown as AVAILABLE: what must survive a restart. */
export function durableView(sp: SharePartitionState, logEnd = sp.endOffset): string[] {
  return sp
    .inspect(sp.startOffset, Math.max(sp.startOffset, logEnd - 1), logEnd, Number.MAX_SAFE_INTEGER)
    .filter((r) => r.offset < sp.endOffset)
    .map((r) => `${r.offset}:${r.state === 'ACQUIRED' ? 'AVAILABLE' : r.state}:${r.deliveryCount}`);
}
